package pdf

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"zelfscan/documents/chart"
	grp "zelfscan/plans/group"
	"zelfscan/plans/planfile"
)

const groupTitle = "Groepsoverzicht gendergerelateerd geweld"

// GroupOptions change how a group overview is rendered.
type GroupOptions struct {
	// Created is the date on the overview and in the PDF; it is required so
	// the same overview always gives the same bytes.
	Created time.Time
}

// RenderGroup writes the group overview o as a PDF to w: members, a heat map
// of gap sizes, a table per competency, the most shared gaps and suggested
// joint activities. Like the overview itself it holds no notes, reflections
// or evaluations.
func RenderGroup(w io.Writer, o *grp.Overview, opt GroupOptions) error {
	if o == nil || len(o.Members) == 0 {
		return errors.New("groeps-pdf maken: geen deelnemers")
	}
	if opt.Created.IsZero() {
		return errors.New("groeps-pdf maken: geen datum")
	}
	var pic *picture
	rows, cols, values := o.Heatmap()
	if len(rows) > 0 {
		p, err := heatmapPicture(rows, cols, values)
		if err != nil {
			return fmt.Errorf("groeps-pdf maken: %w", err)
		}
		pic = &p
	}
	doc := groupContent(o, pic, opt.Created)
	if err := render(w, doc, opt.Created.UTC(), nil); err != nil {
		return fmt.Errorf("groeps-pdf maken: %w", err)
	}
	return nil
}

func heatmapPicture(rows, cols []string, values [][]float64) (picture, error) {
	d, err := chart.GroupHeatmapDrawing(rows, cols, values, chart.ForPDF(textW))
	if err != nil {
		return picture{}, err
	}
	w, h := d.Size()
	return picture{name: "heatmap", vector: &d, aspect: float64(h / w)}, nil
}

// heatmapCaption says what the cells mean; the GUI shows the same idea.
const heatmapCaption = "Elke cel is het tekort van één deelnemer op één competentie: hoe ver het gemiddelde " +
	"van de antwoorden onder het niveau ligt dat de functie vraagt (1 is een heel niveau). 0 is geen tekort; een lege cel betekent " +
	"dat de competentie niet bij het functieprofiel van die deelnemer hoort."

// perCompetency is the table of assessed people and gaps per competency.
func perCompetency(o *grp.Overview) table {
	sizes := make([]string, o.MaxSize)
	for i := range sizes {
		sizes[i] = strconv.Itoa(i + 1)
	}
	per := table{cols: []column{{"Competentie", 0.42}, {"Beoordeeld", 0.12}, {"Met tekort", 0.12},
		{"Tekort " + strings.Join(sizes, "/") + " niveau", 0.2}, {"Gemiddeld", 0.14}}}
	for _, c := range o.Competencies {
		counts := make([]string, len(c.Sizes))
		for i, n := range c.Sizes {
			counts[i] = strconv.Itoa(n)
		}
		avg := "–"
		if len(c.WithGap) > 0 {
			avg = planfile.Decimal(c.AverageGap())
		}
		per.rows = append(per.rows, []string{c.Title, strconv.Itoa(c.Assessed), strconv.Itoa(len(c.WithGap)), strings.Join(counts, "/"), avg})
	}
	per.strong = func(row, col int) bool { return col == 2 && len(o.Competencies[row].WithGap) > 1 }
	return per
}

func groupContent(o *grp.Overview, heat *picture, created time.Time) *document {
	b := []block{
		para{text: groupTitle, face: bold, size: 18},
		para{text: fmt.Sprintf("Gemaakt op %s uit de leerplannen van %s. Zonder persoonlijke notities, reflecties of evaluaties.",
			date(created), count(len(o.Members), "deelnemer", "deelnemers")), muted: true},
		spacer(3),
		heading{text: "Deelnemers", level: 2},
	}
	members := table{cols: []column{{"Naam", 0.28}, {"Organisatie", 0.3}, {"Functie", 0.28}, {"Tekorten", 0.14}}}
	for _, m := range o.Members {
		name := m.Name
		if m.Team != "" {
			name += " (" + m.Team + ")"
		}
		members.rows = append(members.rows, []string{name, orNot(m.Organisation), orNot(m.Function), strconv.Itoa(m.Gaps)})
	}
	b = append(b, members)
	for _, w := range o.Warnings {
		b = append(b, para{text: w, size: 9, muted: true})
	}

	b = append(b, newPage{}, heading{text: "Tekorten in de groep", level: 1})
	if heat == nil {
		b = append(b, para{text: "Niemand in de groep heeft een tekort."})
	} else {
		b = append(b, *heat, para{text: heatmapCaption, size: 9, muted: true})
	}

	if shared := o.Shared(2); len(shared) > 0 {
		b = append(b, heading{text: "Gedeelde tekorten", level: 2},
			para{text: "Competenties waarop twee of meer deelnemers een tekort hebben, de meest gedeelde eerst."})
		t := table{cols: []column{{"Competentie", 0.5}, {"Deelnemers met tekort", 0.5}}}
		for _, c := range shared {
			t.rows = append(t.rows, []string{c.Title, fmt.Sprintf("%d: %s", len(c.WithGap), strings.Join(o.Names(c.WithGap), ", "))})
		}
		b = append(b, t)
	}

	b = append(b, heading{text: "Per competentie", level: 2},
		para{text: "Per competentie: hoeveel deelnemers erop zijn beoordeeld, hoeveel een tekort hebben, hoe groot die tekorten zijn en het gemiddelde tekort van wie er een heeft."},
		perCompetency(o))

	b = append(b, newPage{}, heading{text: "Voorstellen voor de groep", level: 1})
	if len(o.Suggestions) == 0 {
		b = append(b, para{text: "Er zijn geen activiteiten in de catalogus die tekorten van meerdere deelnemers dekken.", muted: true})
	}
	for _, s := range o.Suggestions {
		fs := fields{{"Voor", strings.Join(o.Names(s.Members), ", ")}}
		if s.Item.Provider != "" {
			fs = append(fs, field{"Aanbieder", s.Item.Provider})
		}
		fs = append(fs, field{"Waarom", s.Reason.Error()})
		if s.Item.Source != "" {
			fs = append(fs, field{"Bron", s.Item.Source})
		}
		b = append(b, group{para{text: s.Item.Title, face: bold}, fs, spacer(2)})
	}
	return &document{
		title:     groupTitle,
		author:    "Zelfscan GGG",
		header:    "Zelfscan GGG — groepsoverzicht — " + date(created),
		blocks:    b,
		framework: groupFrameworks(o.Frameworks),
	}
}

// groupFrameworks names the frameworks the plans were made against for the
// footer; more than two do not fit on its line and are counted instead.
func groupFrameworks(labels []string) string {
	if len(labels) > 2 {
		return fmt.Sprintf("Plannen gemaakt met %d verschillende versies van het competentiekader", len(labels))
	}
	return strings.Join(labels, "; ")
}
