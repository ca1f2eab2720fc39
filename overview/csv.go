package overview

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"zelfscan/plans"
)

// NotShown is what a withheld figure shows.
const NotShown = "niet getoond"

// WriteCSV writes the release for a spreadsheet: semicolons, a UTF-8 byte
// order mark, CRLF and decimal commas, as the group overview does, so
// Excel with Dutch settings opens it as is. It has up to four tables, each
// after an empty line with its own heading row: per group and competency
// the levels; per group and offer the participation and ratings; per
// offer and competency the change; the shared improvement points.
// Counts say "(afgerond)" in their heading: they are multiples of five;
// "Beoordeeld", "Met tekort", "In plan", "Afgerond" and "Mensen" are sums
// of rounded counts. Withheld figures read "niet getoond".
func (o *Overview) WriteCSV(w io.Writer) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return fmt.Errorf("organisatieoverzicht schrijven: %w", err)
	}
	for i, table := range [][][]string{o.levelTable(), o.participationTable(), o.effectTable(), o.remarkTable()} {
		if len(table) < 2 && i > 0 {
			continue
		}
		if i > 0 {
			if _, err := io.WriteString(w, "\r\n"); err != nil {
				return fmt.Errorf("organisatieoverzicht schrijven: %w", err)
			}
		}
		cw := csv.NewWriter(w)
		cw.Comma = ';'
		cw.UseCRLF = true
		if err := cw.WriteAll(table); err != nil {
			return fmt.Errorf("organisatieoverzicht schrijven: %w", err)
		}
	}
	return nil
}

func (o *Overview) levelTable() [][]string {
	head := []string{"Organisatie", "Functie", "Deelnemers (afgerond)", "Competentie-id", "Competentie", "Categorie", "Vereist niveau"}
	for l := 0; l <= o.MaxLevel; l++ {
		head = append(head, fmt.Sprintf("Niveau %d (afgerond)", l))
	}
	head = append(head, "Niet beantwoord (afgerond)", "Beoordeeld (afgerond)", "Met tekort (afgerond)", "Aandeel met tekort")
	out := [][]string{head}
	for _, g := range o.Groups {
		for _, r := range g.Competencies {
			row := []string{plans.SheetCell(g.Organisation), plans.SheetCell(g.Function), strconv.Itoa(g.Members),
				plans.SheetCell(r.ID), plans.SheetCell(r.Title), plans.SheetCell(r.Category), strconv.Itoa(r.Required)}
			for _, c := range r.Own {
				row = append(row, c.String())
			}
			out = append(out, append(row, r.NotAnswered.String(), r.Assessed().String(), r.WithGap().String(), r.ShareText()))
		}
	}
	return out
}

// ParticipationHeads are the headings of the participation counts, in
// the order of Participation's cells.
func ParticipationHeads() []string {
	head := []string{"Niet in plan", "Gepland", "Bezig"}
	for r := 1; r <= plans.MaxRating; r++ {
		head = append(head, fmt.Sprintf("Afgerond, nut %d", r))
	}
	return append(head, "Afgerond, nut niet gegeven")
}

func (o *Overview) participationTable() [][]string {
	head := []string{"Organisatie", "Functie", "Deelnemers (afgerond)", "Aanbod-id", "Aanbod", "Aanbieder", "Herkomst"}
	for _, h := range ParticipationHeads() {
		head = append(head, h+" (afgerond)")
	}
	out := [][]string{append(head, "In plan (afgerond)", "Afgerond (afgerond)")}
	for _, g := range o.Groups {
		for _, p := range g.Participation {
			row := []string{plans.SheetCell(g.Organisation), plans.SheetCell(g.Function), strconv.Itoa(g.Members),
				plans.SheetCell(p.Offer.ID), plans.SheetCell(p.Offer.Title), plans.SheetCell(p.Offer.Provider), plans.SheetCell(p.Offer.Origin)}
			for _, c := range p.cells() {
				row = append(row, c.String())
			}
			out = append(out, append(row, p.InPlan().String(), p.Completed().String()))
		}
	}
	return out
}

func (o *Overview) effectTable() [][]string {
	head := []string{"Aanbod-id", "Aanbod", "Competentie-id", "Competentie"}
	for _, who := range []string{"Met aanbod", "Zonder actie"} {
		head = append(head, who+": mensen (afgerond)")
		for _, b := range BandNames {
			head = append(head, who+": "+b+" (afgerond)")
		}
		head = append(head, who+": mediaan", who+": kwartielen")
	}
	out := [][]string{head}
	for _, e := range o.Effects {
		row := []string{plans.SheetCell(e.Offer.ID), plans.SheetCell(e.Offer.Title), plans.SheetCell(e.CompetencyID), plans.SheetCell(e.Competency)}
		for _, b := range []Bands{e.Took, e.Others} {
			row = append(row, b.People().String())
			for _, c := range b.Counts {
				row = append(row, b.cell(c))
			}
			row = append(row, b.Quantile(0.5).String(), b.Quantile(0.25).String()+" – "+b.Quantile(0.75).String())
		}
		out = append(out, row)
	}
	return out
}

// cell is a band count as the outputs show it.
func (b Bands) cell(c Count) string {
	if !b.Shown {
		return NotShown
	}
	return c.String()
}

// String is the band's name, or "niet getoond" for none.
func (b Band) String() string {
	if b < 0 || b >= numBands {
		return NotShown
	}
	return BandNames[b]
}

func (o *Overview) remarkTable() [][]string {
	out := [][]string{{"Aanbod-id", "Aanbod", "Verbeterpunt (anoniem gedeeld)"}}
	for _, r := range o.Remarks {
		for _, t := range r.Remarks {
			out = append(out, []string{plans.SheetCell(r.Offer.ID), plans.SheetCell(r.Offer.Title), plans.SheetCell(t)})
		}
	}
	return out
}

// String is the count, or "niet getoond".
func (c Count) String() string {
	if c.Hidden {
		return NotShown
	}
	return strconv.Itoa(c.N)
}

// ShareText is the share with a gap as a Dutch percentage ("42 %"), or
// "niet getoond".
func (r Row) ShareText() string {
	s := r.Share()
	if s < 0 {
		return NotShown
	}
	return strings.Replace(strconv.FormatFloat(100*s, 'f', 0, 64), ".", ",", 1) + " %"
}
