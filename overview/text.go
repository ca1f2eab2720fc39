package overview

import (
	"fmt"
	"io"
	"strings"

	"zelfscan/disclosure"
)

// Summary says in a few sentences what was read and what the figures
// are; the command line, the PDF and the screen show the same.
func (o *Overview) Summary() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Gelezen: ongeveer %d bestanden, %d overgeslagen. In de getoonde groepen: %d deelnemers.", o.Files, o.FilesSkipped, o.People())
	if o.Duplicates > 0 {
		fmt.Fprintf(&b, " Ongeveer %d bestanden waren een kopie of een ouder leerplan van iemand die al meetelt.", o.Duplicates)
	}
	if o.SmallGroups > 0 {
		fmt.Fprintf(&b, " %d groepen hadden minder dan %d deelnemers (samen ongeveer %d) en staan er niet in.", o.SmallGroups, o.MinGroup, o.SmallGroupPeople)
	}
	if o.AnyWithoutID {
		fmt.Fprintf(&b, " Ongeveer %d leerplannen komen uit een oudere versie zonder persoons-id; die tellen elk als één persoon.", o.WithoutID)
	}
	if o.Withheld > 0 {
		fmt.Fprintf(&b, " %d competenties in een groep zijn niet getoond, omdat hun cijfers samen te veel zouden zeggen.", o.Withheld)
	}
	return b.String()
}

// Method says in plain Dutch how the figures protect the people in them.
func (o *Overview) Method() string {
	return fmt.Sprintf("Een groep staat er alleen in met minstens %d verschillende deelnemers. Alle aantallen zijn afgerond op "+
		"veelvouden van %d, willekeurig naar boven of beneden, maar voor dezelfde mensen steeds hetzelfde; totalen en percentages "+
		"zijn uit die afgeronde aantallen berekend. Zo is uit dit overzicht, ook samen met een eerder of later overzicht, niet af "+
		"te lezen wat één persoon heeft ingevuld. Een volle nul is dus ook 0 tot %d.", o.MinGroup, disclosure.Base, disclosure.Base-1)
}

// WriteText writes the release as plain text: per group the most shared
// gaps and the offers for them, then the summary.
func (o *Overview) WriteText(w io.Writer) error {
	var b strings.Builder
	if len(o.Groups) == 0 {
		fmt.Fprintf(&b, "Geen enkele functie binnen een organisatie heeft %d of meer deelnemers; er is niets te tonen.\n", o.MinGroup)
	}
	for _, g := range o.Groups {
		fmt.Fprintf(&b, "\n%s — %s: %d deelnemers\n", g.Organisation, g.Function, g.Members)
		if len(g.SharedGaps) == 0 {
			fmt.Fprintln(&b, "  Geen gedeeld tekort om te tonen.")
		}
		for _, r := range g.SharedGaps {
			fmt.Fprintf(&b, "  tekort: %s — %d van %d (%s)\n", r.Title, r.WithGap().N, r.Assessed().N, ShareText(r))
		}
		for _, f := range g.Offers {
			fmt.Fprintf(&b, "  aanbod: %s — voor %s (%d met tekort)\n", f.Item.Title, f.For, f.People)
		}
	}
	fmt.Fprintf(&b, "\n%s\n%s\n", o.Method(), o.Summary())
	_, err := io.WriteString(w, b.String())
	return err
}
