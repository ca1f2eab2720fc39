package group

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// WriteCSV writes one row per competency with the group's counts, for a
// spreadsheet: semicolons, a UTF-8 byte order mark and CRLF line ends so
// Excel with Dutch settings opens it as is, decimal commas. It holds only
// titles, counts and member names (anonymous when the overview is) — never
// notes, reflections or evaluations, which the overview does not even keep.
func (o *Overview) WriteCSV(w io.Writer) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return fmt.Errorf("groepsoverzicht schrijven: %w", err)
	}
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	cw.UseCRLF = true
	head := []string{"Competentie-id", "Competentie", "Categorie", "Deelnemers beoordeeld", "Deelnemers met tekort"}
	for s := 1; s <= o.MaxSize; s++ {
		head = append(head, fmt.Sprintf("Tekort van %d %s", s, plural(s, "niveau", "niveaus")))
	}
	head = append(head, "Totaal tekort (niveaus)", "Gemiddeld tekort", "Wie")
	if err := cw.Write(head); err != nil {
		return fmt.Errorf("groepsoverzicht schrijven: %w", err)
	}
	for _, c := range o.Competencies {
		row := []string{SafeCell(c.ID), SafeCell(c.Title), SafeCell(c.Category), strconv.Itoa(c.Assessed), strconv.Itoa(len(c.WithGap))}
		for _, n := range c.Sizes {
			row = append(row, strconv.Itoa(n))
		}
		avg := strings.Replace(strconv.FormatFloat(c.AverageGap(), 'f', 1, 64), ".", ",", 1)
		row = append(row, strconv.Itoa(c.TotalSize), avg, SafeCell(strings.Join(o.Names(c.WithGap), ", ")))
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

// SafeCell keeps text from other people's files from being run as a formula
// when the sheet is opened: a leading =, +, - or @ gets an apostrophe.
func SafeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
