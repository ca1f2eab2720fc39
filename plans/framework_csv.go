package plans

import (
	"fmt"
	"io"
	"strconv"

	"zelfscan/assessment"
)

// notAvailable is written for a function profile an organisation does not
// have, so a reviewer tells it from level 0 ("not asked").
const notAvailable = "n.v.t."

// WriteFrameworkCSV writes the review edition of the framework for a
// spreadsheet: one row per statement per organisation, with the level each
// function profile requires and the source. The rows are exactly what the
// scan asks (Framework.Review), in organisation and scan order, so the same
// framework always gives the same bytes.
func WriteFrameworkCSV(w io.Writer, fw *assessment.Framework) error {
	cw, err := NewSheet(w)
	if err != nil {
		return fmt.Errorf("kader schrijven: %w", err)
	}
	head := []string{"Kader", "Organisatie", "Categorie", "Competentie-id", "Competentie", "Uitspraak-id", "Uitspraak"}
	for _, fn := range fw.Functions {
		head = append(head, "Vereist niveau: "+fn.Name)
	}
	head = append(head, "Bron")
	if err := cw.Write(head); err != nil {
		return fmt.Errorf("kader schrijven: %w", err)
	}
	label := SheetCell(fw.Label())
	for _, org := range fw.Organisations {
		list, err := fw.Review(org.ID)
		if err != nil {
			return fmt.Errorf("kader schrijven: %w", err)
		}
		for _, rc := range list {
			c := rc.Competency
			levels := make([]string, len(rc.Levels))
			for i, l := range rc.Levels {
				levels[i] = LevelCell(l)
			}
			for _, ind := range rc.Indicators {
				row := []string{label, SheetCell(org.Name), SheetCell(c.Category.Label()), SheetCell(c.ID), SheetCell(c.Title), SheetCell(ind.ID), SheetCell(ind.Text)}
				row = append(row, levels...)
				row = append(row, SheetCell(c.Source))
				if err := cw.Write(row); err != nil {
					return fmt.Errorf("kader schrijven: %w", err)
				}
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("kader schrijven: %w", err)
	}
	return nil
}

// LevelCell is a required level as the review edition shows it: the
// number, or n.v.t. for a profile the organisation does not have.
func LevelCell(level int) string {
	if level == assessment.NotAvailable {
		return notAvailable
	}
	return strconv.Itoa(level)
}
