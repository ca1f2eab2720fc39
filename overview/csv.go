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

// WriteCSV writes one row per group and competency, for a spreadsheet:
// semicolons, a UTF-8 byte order mark, CRLF and decimal commas, as the
// group overview does, so Excel with Dutch settings opens it as is.
// Counts say "(afgerond)" in their heading: they are multiples of five;
// "Beoordeeld" and "Met tekort" are sums of the rounded level counts.
// Withheld figures read "niet getoond".
func (o *Overview) WriteCSV(w io.Writer) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return fmt.Errorf("organisatieoverzicht schrijven: %w", err)
	}
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	cw.UseCRLF = true
	head := []string{"Organisatie", "Functie", "Deelnemers (afgerond)", "Competentie-id", "Competentie", "Categorie", "Vereist niveau"}
	for l := 0; l <= o.MaxLevel; l++ {
		head = append(head, fmt.Sprintf("Niveau %d (afgerond)", l))
	}
	head = append(head, "Niet beantwoord (afgerond)", "Beoordeeld (afgerond)", "Met tekort (afgerond)", "Aandeel met tekort")
	if err := cw.Write(head); err != nil {
		return fmt.Errorf("organisatieoverzicht schrijven: %w", err)
	}
	for _, g := range o.Groups {
		for _, r := range g.Competencies {
			row := []string{plans.SheetCell(g.Organisation), plans.SheetCell(g.Function), strconv.Itoa(g.Members),
				plans.SheetCell(r.ID), plans.SheetCell(r.Title), plans.SheetCell(r.Category), strconv.Itoa(r.Required)}
			for _, c := range r.Own {
				row = append(row, c.String())
			}
			row = append(row, r.NotAnswered.String(), r.Assessed().String(), r.WithGap().String(), ShareText(r))
			if err := cw.Write(row); err != nil {
				return fmt.Errorf("organisatieoverzicht schrijven: %w", err)
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("organisatieoverzicht schrijven: %w", err)
	}
	return nil
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
func ShareText(r Row) string {
	s := r.Share()
	if s < 0 {
		return NotShown
	}
	return strings.Replace(strconv.FormatFloat(100*s, 'f', 0, 64), ".", ",", 1) + " %"
}
