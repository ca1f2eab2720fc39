package pdf

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"zelfscan/overview"
	"zelfscan/plans"
)

const overviewTitle = "Organisatieoverzicht gendergerelateerd geweld"

// RenderOverview writes the organisation overview as a PDF: what was read,
// per organisation and function the most shared gaps, a table per
// competency and the offers that serve the most people. Like the overview
// it has no figure about fewer than o.MinGroup people.
func RenderOverview(w io.Writer, o *overview.Overview, created time.Time) error {
	if o == nil || created.IsZero() {
		return errors.New("organisatie-pdf maken: geen overzicht of geen datum")
	}
	doc := overviewContent(o, created)
	doc.compressed = true
	if err := render(w, doc, created.UTC(), nil); err != nil {
		return fmt.Errorf("organisatie-pdf maken: %w", err)
	}
	return nil
}

func overviewContent(o *overview.Overview, created time.Time) *document {
	b := []block{
		para{text: overviewTitle, face: bold, size: 18},
		para{text: fmt.Sprintf("Gemaakt op %s. %s", date(created), o.Summary()), muted: true},
		para{text: o.Method() + fmt.Sprintf(" In de tabel per competentie staat '–' voor %s; \"Op 2\" is het aantal deelnemers met eigen niveau 2, "+
			"\"Geen\" wie de competentie niet heeft ingevuld. Namen, notities en reflecties worden niet gelezen; van een evaluatie alleen het cijfer voor het nut en een verbeterpunt dat iemand zelf anoniem wilde delen.", overview.NotShown), size: 9, muted: true},
	}
	if len(o.Groups) == 0 {
		b = append(b, para{text: fmt.Sprintf("Geen enkele functie binnen een organisatie heeft %d of meer deelnemers; er is dus niets te tonen.", o.MinGroup)})
	}
	for _, g := range o.Groups {
		b = append(b, newPage{}, heading{text: g.Organisation + " — " + g.Function, level: 1},
			para{text: count(g.Members, "deelnemer", "deelnemers")})
		b = append(b, overviewShared(g)...)
		b = append(b, heading{text: "Per competentie", level: 2}, overviewTable(o, g))
		b = append(b, overviewOffers(g)...)
		b = append(b, overviewParticipation(g)...)
	}
	b = append(b, overviewEffects(o)...)
	b = append(b, overviewRemarks(o)...)
	return &document{title: overviewTitle, author: "Zelfscan GGG",
		header: "Zelfscan GGG — organisatieoverzicht — " + date(created), blocks: b}
}

func overviewShared(g overview.Group) []block {
	if len(g.SharedGaps) == 0 {
		return []block{para{text: "Geen gedeeld tekort om te tonen.", muted: true}}
	}
	t := table{cols: []column{{"Meest gedeelde tekorten", 0.7}, {"Met tekort", 0.3}}}
	for _, r := range g.SharedGaps {
		t.rows = append(t.rows, []string{r.Title, fmt.Sprintf("%d van %d (%s)", r.WithGap().N, r.Assessed().N, r.ShareText())})
	}
	return []block{heading{text: "Meest gedeelde tekorten", level: 2}, t}
}

func overviewTable(o *overview.Overview, g overview.Group) table {
	cols := []column{{"Competentie", 0.28}, {"Beoordeeld", 0.12}, {"Vereist", 0.08}}
	share := 0.36 / float64(o.MaxLevel+2)
	for l := 0; l <= o.MaxLevel; l++ {
		cols = append(cols, column{fmt.Sprintf("Op %d", l), share})
	}
	cols = append(cols, column{"Geen", share}, column{"Met tekort", 0.16})
	t := table{cols: cols}
	for _, r := range g.Competencies {
		row := []string{r.Title, countCell(r.Assessed()), strconv.Itoa(r.Required)}
		for _, c := range r.Own {
			row = append(row, countCell(c))
		}
		row = append(row, countCell(r.NotAnswered))
		gap := "–"
		if !r.WithGap().Hidden {
			gap = fmt.Sprintf("%d (%s)", r.WithGap().N, r.ShareText())
		}
		t.rows = append(t.rows, append(row, gap))
	}
	return t
}

// countCell keeps a table narrow: a withheld count shows as "–", explained
// under the title of the document.
func countCell(c overview.Count) string {
	if c.Hidden {
		return "–"
	}
	return strconv.Itoa(c.N)
}

func overviewOffers(g overview.Group) []block {
	if len(g.Offers) == 0 {
		return nil
	}
	t := table{cols: []column{{"Aanbod voor de grootste tekorten", 0.4}, {"Aanbieder", 0.22}, {"Voor", 0.26}, {"Met tekort", 0.12}}}
	for _, f := range g.Offers {
		t.rows = append(t.rows, []string{f.Item.Title, orNot(f.Item.Provider), f.For, strconv.Itoa(f.People)})
	}
	return []block{heading{text: "Aanbod", level: 2}, t}
}

// overviewParticipation is the group's offers that members have in their
// plan: how far they got and how useful those who completed it found it.
func overviewParticipation(g overview.Group) []block {
	cols := []column{{"Aanbod", 0.3}, {"In plan", 0.08}, {"Gepland", 0.08}, {"Bezig", 0.07}, {"Afgerond", 0.08}}
	for r := 1; r <= plans.MaxRating; r++ {
		cols = append(cols, column{fmt.Sprintf("Nut %d", r), 0.067})
	}
	t := table{cols: append(cols, column{"Geen oordeel", 0.055})}
	for _, p := range g.Participation {
		if p.Withheld || p.InPlan().N == 0 {
			continue
		}
		row := []string{p.Offer.Title, countCell(p.InPlan()), countCell(p.Planned), countCell(p.Started), countCell(p.Completed())}
		for _, c := range p.Ratings {
			row = append(row, countCell(c))
		}
		t.rows = append(t.rows, append(row, countCell(p.NotRated)))
	}
	if len(t.rows) == 0 {
		return nil
	}
	return []block{heading{text: "Deelname en oordeel over het nut", level: 2},
		para{text: "Per aanbod hoeveel deelnemers het in hun plan hebben en hoe ver ze kwamen; wie het afrondde, gaf het nut voor het werk een cijfer van 1 tot 5.", size: 9, muted: true}, t}
}

// overviewEffects is the change per offer and competency beside the
// change of people who completed no action for the competency.
func overviewEffects(o *overview.Overview) []block {
	if len(o.Effects) == 0 {
		return nil
	}
	t := table{cols: []column{{"Aanbod", 0.24}, {"Competentie", 0.2}, {"Met dit aanbod", 0.28}, {"Zonder actie voor de competentie", 0.28}}}
	for _, e := range o.Effects {
		t.rows = append(t.rows, []string{e.Offer.Title, e.Competency, e.Took.Text(), e.Others.Text()})
	}
	return []block{newPage{}, heading{text: "Effect per aanbod en competentie", level: 1},
		para{text: overview.EffectNote(), size: 9, muted: true}, t}
}

// overviewRemarks lists the improvement points people chose to share.
func overviewRemarks(o *overview.Overview) []block {
	if len(o.Remarks) == 0 {
		return nil
	}
	b := []block{newPage{}, heading{text: "Verbeterpunten van deelnemers", level: 1},
		para{text: fmt.Sprintf("Alleen wat deelnemers zelf anoniem wilden delen, en alleen bij aanbod dat minstens %d mensen afrondden; zonder datum of naam, in willekeurige volgorde.", o.MinGroup), size: 9, muted: true}}
	for _, r := range o.Remarks {
		b = append(b, heading{text: r.Offer.Title, level: 2})
		for _, text := range r.Remarks {
			b = append(b, para{text: "• " + text})
		}
	}
	return b
}
