package overview

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"zelfscan/plans"
)

// TooFew is what a hidden figure shows.
const TooFew = "te weinig deelnemers"

// WriteCSV writes one row per group and competency, for a spreadsheet:
// semicolons, a UTF-8 byte order mark, CRLF and decimal commas, as the
// group overview does, so Excel with Dutch settings opens it as is.
// Hidden figures read "te weinig deelnemers"; groups that are too small
// have no rows at all.
func (o *Overview) WriteCSV(w io.Writer) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return fmt.Errorf("organisatieoverzicht schrijven: %w", err)
	}
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	cw.UseCRLF = true
	head := []string{"Organisatie", "Functie", "Deelnemers", "Competentie-id", "Competentie", "Categorie", "Beoordeeld", "Vereist niveau"}
	for l := 0; l <= o.MaxLevel; l++ {
		head = append(head, fmt.Sprintf("Eigen niveau %d", l))
	}
	head = append(head, "Met tekort", "Aandeel met tekort")
	if err := cw.Write(head); err != nil {
		return fmt.Errorf("organisatieoverzicht schrijven: %w", err)
	}
	for _, g := range o.Groups {
		for _, r := range g.Competencies {
			row := []string{plans.SheetCell(g.Organisation), plans.SheetCell(g.Function), strconv.Itoa(g.Members),
				plans.SheetCell(r.ID), plans.SheetCell(r.Title), plans.SheetCell(r.Category), strconv.Itoa(r.Assessed), strconv.Itoa(r.Required)}
			for _, c := range r.Own {
				row = append(row, c.String())
			}
			row = append(row, r.WithGap.String(), ShareText(r))
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

// String is the count, or "te weinig deelnemers".
func (c Count) String() string {
	if c.Hidden {
		return TooFew
	}
	return strconv.Itoa(c.N)
}

// ShareText is the share with a gap as a Dutch percentage ("42 %"), or
// "te weinig deelnemers".
func ShareText(r Row) string {
	s := r.Share()
	if s < 0 {
		return TooFew
	}
	return strings.Replace(strconv.FormatFloat(100*s, 'f', 0, 64), ".", ",", 1) + " %"
}
