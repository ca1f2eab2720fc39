package pdf

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	cover "zelfscan/coverage"
	"zelfscan/plans"
)

const coverageTitle = "Aanbodanalyse gendergerelateerd geweld"

// RenderCoverage writes the offer-coverage report as a PDF: the headline
// figures, the requirements no offer reaches, those without a course,
// what the own offer closes, per offer the requirements it serves, and per
// organisation every requirement with its offer per level.
func RenderCoverage(w io.Writer, r *cover.Report, created time.Time) error {
	if r == nil || created.IsZero() {
		return errors.New("aanbodanalyse-pdf maken: geen analyse of geen datum")
	}
	doc := coverageContent(r, created)
	doc.compressed = true
	if err := render(w, doc, created.UTC(), nil); err != nil {
		return fmt.Errorf("aanbodanalyse-pdf maken: %w", err)
	}
	return nil
}

func coverageContent(r *cover.Report, created time.Time) *document {
	b := []block{
		para{text: coverageTitle, face: bold, size: 18},
		para{text: fmt.Sprintf("Gemaakt op %s met de ingebouwde catalogus %s. %s", date(created), r.Catalogue, r.Summary()), muted: true},
		para{text: "Het vereiste niveau komt uit de functieprofielen van het kader. Aanbod telt mee als het de competentie dient en voor de organisatie bedoeld is. " +
			"Basisaanbod brengt tot niveau 1, verdiepend en specialistisch aanbod tot niveau 2 en 3. Werkplekroutes zijn vormen van leren op de werkplek uit " +
			"paragraaf 4.2 en 4.3 van het plan van aanpak; een cursus is een training, cursus, masterclass of e-learning. Er zijn geen persoonsgegevens gebruikt.",
			size: 9, muted: true},
	}
	b = append(b, unreachedBlocks(r)...)
	b = append(b, noCourseBlocks(r)...)
	b = append(b, ownBlocks(r)...)
	b = append(b, offerBlocks(r)...)
	b = append(b, perOrganisationBlocks(r)...)
	return &document{title: coverageTitle, author: "Zelfscan GGG",
		header: "Zelfscan GGG — aanbodanalyse — " + date(created), framework: r.Framework, blocks: b}
}

// unreachedBlocks lists the requirements no offer reaches, grouped by
// competency and level: the same gap repeats over organisations and
// functions.
func unreachedBlocks(r *cover.Report) []block {
	t := table{cols: []column{{"Competentie", 0.24}, {"Niveau", 0.08}, {"Waar (functie: organisaties)", 0.4}, {"Werkplekroutes op niveau", 0.28}}}
	all := r.OrganisationCount()
	for _, g := range r.Groups(func(row *cover.Row) bool { return !row.Reached() }) {
		var where, routes []string
		for _, fn := range g.Functions {
			orgs := strings.Join(g.Organisations[fn], ", ")
			if len(g.Organisations[fn]) == all {
				orgs = fmt.Sprintf("alle %d organisaties", all)
			}
			where = append(where, fn+": "+orgs)
		}
		for _, route := range g.Routes() {
			routes = append(routes, route.Title().Error())
		}
		t.rows = append(t.rows, []string{g.Competency.Title, strconv.Itoa(g.Required), strings.Join(where, "\n"), orNot(strings.Join(routes, "; "))})
	}
	b := []block{heading{text: "Eisen die geen aanbod bereikt", level: 1}}
	if len(t.rows) == 0 {
		return append(b, para{text: "Voor elke eis is er aanbod in de catalogus dat het niveau bereikt."})
	}
	return append(b, t)
}

// noCourseBlocks lists, per competency and level, how many requirements
// no course reaches and what does reach them.
func noCourseBlocks(r *cover.Report) []block {
	t := table{cols: []column{{"Competentie", 0.3}, {"Niveau", 0.08}, {"Eisen", 0.08}, {"Wat het niveau wel bereikt", 0.54}}}
	for _, g := range r.Groups(func(row *cover.Row) bool { return !row.Course() }) {
		var what []string
		for _, row := range g.Rows {
			for _, it := range row.Reaching {
				if !slices.Contains(what, it.Title) {
					what = append(what, it.Title)
				}
			}
		}
		if len(what) == 0 {
			for _, route := range g.Routes() {
				what = append(what, route.Title().Error())
			}
		}
		t.rows = append(t.rows, []string{g.Competency.Title, strconv.Itoa(g.Required), strconv.Itoa(len(g.Rows)), orNot(strings.Join(what, "; "))})
	}
	b := []block{newPage{}, heading{text: "Eisen zonder cursus op niveau", level: 1},
		para{text: "Per competentie en niveau: hoeveel eisen geen training, cursus, masterclass of e-learning bereikt, en wat er wel is " +
			"(een leeractiviteit, een handreiking of, als er niets is, een werkplekroute).", size: 9, muted: true}}
	if len(t.rows) == 0 {
		return append(b, para{text: "Voor elke eis is er een cursus op niveau."})
	}
	return append(b, t)
}

func ownBlocks(r *cover.Report) []block {
	if len(r.Own) == 0 {
		return nil
	}
	t := table{cols: []column{{"Organisatie", 0.18}, {"Functie", 0.18}, {"Competentie", 0.3}, {"Niveau", 0.08}, {"Eigen aanbod", 0.26}}}
	for i := range r.Rows {
		if row := &r.Rows[i]; row.ClosedByOwn() {
			var own []string
			for _, it := range row.Reaching {
				own = append(own, it.Title)
			}
			t.rows = append(t.rows, []string{row.Organisation, row.Function, row.Competency.Title, strconv.Itoa(row.Required), strings.Join(own, "; ")})
		}
	}
	b := []block{newPage{}, heading{text: "Wat het eigen aanbod sluit", level: 1}}
	if len(t.rows) == 0 {
		return append(b, para{text: "Het eigen aanbod bereikt geen eis die de ingebouwde catalogus open laat."})
	}
	return append(b, t)
}

func offerBlocks(r *cover.Report) []block {
	t := table{cols: []column{{"Aanbod", 0.3}, {"Soort en niveau", 0.16}, {"Eisen", 0.08}, {"Op niveau", 0.1}, {"Competenties", 0.36}}}
	for _, o := range r.Offers {
		var comps []string
		for _, c := range o.Competencies {
			comps = append(comps, c.Title)
		}
		title := o.Item.Title
		if o.Item.Origin != plans.OriginBuiltin {
			title += " (eigen: " + o.Item.Origin + ")"
		}
		t.rows = append(t.rows, []string{title, plans.KindLabel(o.Item.Kind) + ", " + strings.ToLower(plans.LevelLabel(o.Item.Level)),
			strconv.Itoa(o.Serves), strconv.Itoa(o.Reaches), orNot(strings.Join(comps, "; "))})
	}
	return []block{newPage{}, heading{text: "Per aanbod", level: 1},
		para{text: "Voor hoeveel eisen elk item bedoeld is en hoeveel daarvan het tot het vereiste niveau brengt.", size: 9, muted: true}, t}
}

// perOrganisationBlocks lists every requirement, per organisation and
// function in framework order, with the number of offers per level.
func perOrganisationBlocks(r *cover.Report) []block {
	rows := make([]*cover.Row, len(r.Rows))
	for i := range r.Rows {
		rows[r.Rows[i].Index] = &r.Rows[i]
	}
	var b []block
	var t *table
	org, fn := "", ""
	flush := func() {
		if t != nil {
			b = append(b, *t)
		}
	}
	for _, row := range rows {
		if row.Organisation != org {
			flush()
			org, fn = row.Organisation, ""
			b = append(b, newPage{}, heading{text: org, level: 1},
				para{text: "Per eis het aantal items per niveau van het aanbod (basis, verdiepend, specialistisch); de CSV noemt ze bij naam.", size: 9, muted: true})
			t = nil
		}
		if row.Function != fn {
			flush()
			fn = row.Function
			b = append(b, heading{text: fn, level: 2})
			t = &table{cols: []column{{"Competentie", 0.42}, {"Niveau", 0.08}, {"Basis", 0.08}, {"Verd.", 0.08}, {"Spec.", 0.08}, {"Stand", 0.26}}}
		}
		t.rows = append(t.rows, []string{row.Competency.Title, strconv.Itoa(row.Required),
			strconv.Itoa(len(row.ByLevel[0])), strconv.Itoa(len(row.ByLevel[1])), strconv.Itoa(len(row.ByLevel[2])), row.State().Message().Error()})
	}
	flush()
	return b
}
