// Package quality is the organisation's quality report for the committee
// that §4.4 of the plan of action asks organisations to report to: in one
// document the needs (the organisation overview), the offer coverage,
// participation, experiences, effect and the improvement points people
// shared, with the period, how many plans and people were read, and what
// the disclosure control guarantees. It adds no figure of its own: every
// number is one of the overview's release or of the coverage report,
// which holds no personal data. It never imports Fyne.
package quality

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"time"

	"zelfscan/coverage"
	"zelfscan/disclosure"
	"zelfscan/overview"
	"zelfscan/plans"
)

// Report is the quality report: one overview release and the coverage
// of the offer.
type Report struct {
	Overview *overview.Overview
	Coverage *coverage.Report
}

// Fact is one line of the report's opening: what, and its value.
type Fact struct{ Name, Value string }

// Facts are the report's opening figures, in Dutch: the period, the plans
// and people read (rounded, as in the overview) and the minimum group.
func (r *Report) Facts() []Fact {
	o := r.Overview
	return []Fact{
		{"Periode (maanden van de gelezen leerplannen)", Period(o.From, o.To)},
		{"Leerplannen gelezen (afgerond)", strconv.Itoa(o.Files)},
		{"Bestanden overgeslagen", strconv.Itoa(o.FilesSkipped)},
		{"Mensen in de getoonde groepen (afgerond)", strconv.Itoa(o.People())},
		{"Mensen in te kleine groepen (afgerond)", strconv.Itoa(o.SmallGroupPeople)},
		{"Kleinste groep die getoond wordt", strconv.Itoa(o.MinGroup)},
		{"Afronding", fmt.Sprintf("op veelvouden van %d", disclosure.Base)},
	}
}

// Guarantees says in plain Dutch what the method guarantees and what not,
// for the committee (docs/privacy.md says the same for developers).
func (r *Report) Guarantees() []string {
	minGroup := r.Overview.MinGroup
	return []string{
		fmt.Sprintf("Geen groep van minder dan %d verschillende mensen staat erin, en geen effect van minder dan %d mensen; verbeterpunten alleen bij aanbod dat minstens %d mensen afrondden, en alleen als de schrijver ze zelf wilde delen.", minGroup, minGroup, minGroup),
		fmt.Sprintf("Elk aantal mensen is afgerond op een veelvoud van %d, naar boven of beneden met een kans die het gemiddelde juist laat, en voor dezelfde mensen steeds hetzelfde; totalen, percentages, mediaan en kwartielen zijn uit de afgeronde aantallen berekend.", disclosure.Base),
		"Voor publicatie is elke groep aangevallen zoals een kwaadwillende dat zou doen (lineaire programmering over alle getallen samen); een rij die te veel zou verraden, is niet getoond. Een aanvaller met dit rapport en een rapport met één persoon meer of minder kon in de tests en metingen niemands antwoord afleiden.",
		"Niet gegarandeerd: wie veel opeenvolgende rapporten van steeds iets andere groepen verzamelt, kan de afronding deels uitmiddelen; publiceer daarom in een vast ritme. Wie alle antwoorden op één na al kent, houdt voor de laatste vijf mogelijke waarden over.",
		"Het effect is een eigen inschatting van deelnemers bij hun volgende zelfscan, zonder vergelijkingsgroep die door loting is gekozen; het zegt niet dat het aanbod de verandering veroorzaakte.",
	}
}

// Period names the months from and to, as "maart 2026 – september 2026".
func Period(from, to time.Time) string {
	if from.IsZero() {
		return "onbekend"
	}
	m := func(t time.Time) string { return months[t.Month()-1] + " " + strconv.Itoa(t.Year()) }
	if from.Equal(to) {
		return m(from)
	}
	return m(from) + " – " + m(to)
}

var months = [...]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}

// WriteCSV writes the report for a spreadsheet as the overview's CSV
// does: first the facts and guarantees, then the overview's tables, then
// the coverage per requirement, each table after an empty line.
func (r *Report) WriteCSV(w io.Writer) error {
	cw, err := plans.NewSheet(w)
	if err != nil {
		return fmt.Errorf("kwaliteitsrapport schrijven: %w", err)
	}
	rows := [][]string{{"Kwaliteitsrapport", "Waarde"}}
	for _, f := range r.Facts() {
		rows = append(rows, []string{f.Name, plans.SheetCell(f.Value)})
	}
	for _, g := range r.Guarantees() {
		rows = append(rows, []string{"Werkwijze", g})
	}
	if err := cw.WriteAll(rows); err != nil {
		return fmt.Errorf("kwaliteitsrapport schrijven: %w", err)
	}
	for _, part := range []func(io.Writer) error{r.Overview.WriteCSV, r.Coverage.WriteCSV} {
		var buf bytes.Buffer
		if err := part(&buf); err != nil {
			return err
		}
		// Each part starts with its own byte order mark; the file has one.
		if _, err := io.WriteString(w, "\r\n"); err != nil {
			return fmt.Errorf("kwaliteitsrapport schrijven: %w", err)
		}
		if _, err := w.Write(bytes.TrimPrefix(buf.Bytes(), []byte("\uFEFF"))); err != nil {
			return fmt.Errorf("kwaliteitsrapport schrijven: %w", err)
		}
	}
	return nil
}
