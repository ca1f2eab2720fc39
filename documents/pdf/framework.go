package pdf

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"zelfscan/assessment"
	"zelfscan/plans"
)

const frameworkTitle = "Competentiekader gendergerelateerd geweld"

// FrameworkOptions change how the review edition is rendered.
type FrameworkOptions struct {
	// Created is the date on the cover and in the PDF; it is required so
	// the same framework always gives the same bytes.
	Created time.Time
}

// RenderFramework writes the review edition of the whole framework as a
// PDF to w, for experts who read it before their organisation adopts it:
// the scale, the function profiles, then per category and competency the
// statements with the organisations asked them, the required level per
// profile and the source. The framework label is on every page.
func RenderFramework(w io.Writer, fw *assessment.Framework, opt FrameworkOptions) error {
	if fw == nil {
		return errors.New("kader-pdf maken: geen kader")
	}
	if opt.Created.IsZero() {
		return errors.New("kader-pdf maken: geen datum")
	}
	doc := frameworkContent(fw, opt.Created)
	doc.compressed = true
	if err := render(w, doc, opt.Created.UTC(), nil); err != nil {
		return fmt.Errorf("kader-pdf maken: %w", err)
	}
	return nil
}

func frameworkContent(fw *assessment.Framework, created time.Time) *document {
	entries := fw.ReviewAll()
	b := frameworkCover(fw, created, entries)
	names := map[string]string{}
	for _, o := range fw.Organisations {
		names[o.ID] = o.Name
	}
	all := fw.Organisations
	var cat assessment.Category
	for _, e := range entries {
		c := e.Competency
		if c.Category != cat {
			cat = c.Category
			b = append(b, newPage{}, heading{text: cat.Label(), level: 1})
		}
		b = append(b, heading{text: c.Title, level: 2},
			para{text: c.Description, size: 9, muted: true},
			fields{{"Code", c.ID}, {"Bron", c.Source}, {"Geldt voor", orgText(e.Organisations, all, names)}})
		b = append(b, levelTable(fw, e, all, names))
		b = append(b, statementBlocks(e, all, names)...)
	}
	return &document{
		title:     frameworkTitle + " — editie ter beoordeling",
		author:    "Zelfscan GGG",
		header:    "Zelfscan GGG — competentiekader ter beoordeling — " + date(created),
		framework: fw.Label(),
		blocks:    b,
	}
}

func frameworkCover(fw *assessment.Framework, created time.Time, entries []assessment.ReviewEntry) []block {
	statements := 0
	for _, e := range entries {
		statements += len(e.Statements)
	}
	b := []block{
		para{text: frameworkTitle, face: bold, size: 20},
		para{text: "Editie ter beoordeling: het hele kader zoals de zelfscan het vraagt, per organisatie en functieprofiel", size: 12, muted: true},
		spacer(4),
		fields{
			{"Kader", fw.Label()},
			{"Gemaakt op", date(created)},
			{"Omvang", fmt.Sprintf("%s, %s, %s, %s", count(len(entries), "competentie", "competenties"),
				count(statements, "uitspraak", "uitspraken"), count(len(fw.Organisations), "organisatie", "organisaties"),
				count(len(fw.Functions), "functieprofiel", "functieprofielen"))},
			{"Bron", fw.Source.Credit},
		},
		para{text: "Zo leest u dit kader: per categorie volgt elke competentie met haar beschrijving, de bron in het plan van aanpak, " +
			"de organisaties waarvoor ze geldt, het vereiste niveau per functieprofiel en de uitspraken waarop iemand zichzelf beoordeelt. " +
			"Bij elke uitspraak staat aan welke organisaties die wordt gevraagd. Niveau 0 betekent dat het profiel de competentie niet vraagt; " +
			"n.v.t. dat het profiel bij die organisatie niet bestaat. Dezelfde gegevens staan, één regel per uitspraak en organisatie, in de CSV-export."},
	}
	if e := fw.Extension; e != nil {
		b = append(b, para{text: extensionText(fw, e), face: bold})
	}
	scale := table{cols: []column{{"Niveau", 0.1}, {"Naam", 0.25}, {"Betekenis", 0.65}}}
	for _, l := range fw.Scale {
		scale.rows = append(scale.rows, []string{fmt.Sprint(l.Value), l.Label, l.Description})
	}
	b = append(b, heading{text: "Schaal", level: 2}, scale)
	profiles := table{cols: []column{{"Functieprofiel", 0.3}, {"Voor wie", 0.7}}}
	for _, fn := range fw.Functions {
		profiles.rows = append(profiles.rows, []string{fn.Name, fn.Description})
	}
	return append(b, heading{text: "Functieprofielen", level: 2}, profiles)
}

// extensionText says what the organisation's extension changes, so a
// reviewer knows which parts are not the shared framework.
func extensionText(fw *assessment.Framework, e *assessment.Extension) string {
	org := e.Organisation
	if o, ok := fw.Organisation(org); ok {
		org = o.Name
	}
	s := fmt.Sprintf("Dit kader bevat de uitbreiding %s (versie %s, bestand %s) voor %s.", e.Name, e.Version, e.File, org)
	if len(e.Added) > 0 {
		s += " Toegevoegde competenties: " + strings.Join(e.Added, ", ") + "."
	}
	if len(e.Replaced) > 0 {
		s += " Eigen uitspraken bij: " + strings.Join(e.Replaced, ", ") + "."
	}
	return s + " Waar de uitbreiding vereiste niveaus wijzigt, staat dat bij de competentie onder die organisatie."
}

// levelTable lists the required level per function profile; organisations
// with the same levels share a row.
func levelTable(fw *assessment.Framework, e assessment.ReviewEntry, all []assessment.Organisation, names map[string]string) table {
	t := table{cols: []column{{"Vereist niveau", 0.3}, {"Functieprofielen", 0.7}}}
	for _, l := range e.Levels {
		parts := make([]string, len(l.Levels))
		for i, v := range l.Levels {
			parts[i] = fmt.Sprintf("%s %s", fw.Functions[i].Name, plans.LevelCell(v))
		}
		who := "Alle organisaties waarvoor ze geldt"
		if len(e.Levels) > 1 {
			who = orgText(l.Organisations, all, names)
		}
		t.rows = append(t.rows, []string{who, strings.Join(parts, " · ")})
	}
	return t
}

// orgText names a set of organisations briefly: all of them, all but a
// few, or the list.
func orgText(ids []string, all []assessment.Organisation, names map[string]string) string {
	if len(ids) == len(all) {
		return "alle organisaties"
	}
	if len(ids) > len(all)/2 {
		var missing []string
		for _, o := range all {
			if !slices.Contains(ids, o.ID) {
				missing = append(missing, o.Name)
			}
		}
		return "alle organisaties behalve " + strings.Join(missing, ", ")
	}
	list := make([]string, len(ids))
	for i, id := range ids {
		list[i] = names[id]
	}
	return strings.Join(list, ", ")
}

// statementBlocks lists the statements grouped by the organisations asked
// them: the shared set first, then each organisation's own.
func statementBlocks(e assessment.ReviewEntry, all []assessment.Organisation, names map[string]string) []block {
	var order []string
	byWho := map[string][]string{}
	for _, s := range e.Statements {
		who := orgText(s.Organisations, all, names)
		if _, ok := byWho[who]; !ok {
			order = append(order, who)
		}
		byWho[who] = append(byWho[who], s.Indicator.Text)
	}
	var b []block
	for _, who := range order {
		b = append(b, para{text: "Uitspraken voor " + who, face: bold, size: 9})
		for i, text := range byWho[who] {
			b = append(b, para{text: fmt.Sprintf("%d. %s", i+1, text), size: 9.5})
		}
	}
	return append(b, spacer(3))
}
