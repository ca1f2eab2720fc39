package group

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"zelfscan/plans"
	"zelfscan/usermsg"
)

// WriteCSV writes one row per competency with the group's counts, for a
// spreadsheet: semicolons, a UTF-8 byte order mark and CRLF line ends so
// Excel with Dutch settings opens it as is, decimal commas. It holds only
// titles, counts and member names (anonymous when the overview is) — never
// notes, reflections or evaluations, which the overview does not even keep.
func (o *Overview) WriteCSV(w io.Writer) error {
	cw, err := plans.NewSheet(w)
	if err != nil {
		return fmt.Errorf("groepsoverzicht schrijven: %w", err)
	}
	head := []string{"Competentie-id", "Competentie", "Categorie", "Deelnemers beoordeeld", "Deelnemers met tekort"}
	for s := 1; s <= o.MaxSize; s++ {
		head = append(head, fmt.Sprintf("Tekort van %d %s", s, plural(s, "niveau", "niveaus")))
	}
	head = append(head, "Totaal tekort (niveaus)", "Gemiddeld tekort", "Wie")
	if err := cw.Write(head); err != nil {
		return fmt.Errorf("groepsoverzicht schrijven: %w", err)
	}
	for _, c := range o.Competencies {
		row := []string{plans.SheetCell(c.ID), plans.SheetCell(c.Title), plans.SheetCell(c.Category), strconv.Itoa(c.Assessed), strconv.Itoa(len(c.WithGap))}
		for _, n := range c.Sizes {
			row = append(row, strconv.Itoa(n))
		}
		avg := usermsg.Number{Value: c.AverageGap(), Decimals: 1}.String()
		row = append(row, strconv.Itoa(c.TotalSize), avg, plans.SheetCell(strings.Join(o.Names(c.WithGap), ", ")))
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("groepsoverzicht schrijven: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("groepsoverzicht schrijven: %w", err)
	}
	return nil
}

func plural(n int, one, more string) string {
	if n == 1 {
		return one
	}
	return more
}
