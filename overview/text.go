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
			fmt.Fprintf(&b, "  tekort: %s — %d van %d (%s)\n", r.Title, r.WithGap().N, r.Assessed().N, r.ShareText())
		}
		for _, f := range g.Offers {
			fmt.Fprintf(&b, "  aanbod: %s — voor %s (%d met tekort)\n", f.Item.Title, f.For, f.People)
		}
		for _, p := range g.Participation {
			if !p.Withheld && p.InPlan().N > 0 {
				fmt.Fprintf(&b, "  deelname: %s\n", p.Text())
			}
		}
	}
	o.writeEffects(&b)
	o.writeRemarks(&b)
	fmt.Fprintf(&b, "\n%s\n%s\n", o.Method(), o.Summary())
	_, err := io.WriteString(w, b.String())
	return err
}

// Text is the offer's participation in one line.
func (p Participation) Text() string {
	ratings := make([]string, len(p.Ratings))
	for i, c := range p.Ratings {
		ratings[i] = c.String()
	}
	return fmt.Sprintf("%s — %s in plan: %s gepland, %s bezig, %s afgerond; nut 1 tot %d: %s; zonder oordeel %s",
		p.Offer.Title, p.InPlan(), p.Planned, p.Started, p.Completed(), len(p.Ratings), strings.Join(ratings, " / "), p.NotRated)
}

// EffectNote says what the effect figures are and are not.
func EffectNote() string {
	return "Effect is hier wat mensen zelf bij hun volgende zelfscan invullen: de verandering van hun gemiddelde per competentie " +
		"(schaal 0 tot 3), geteld per groep van verandering. Het is een eigen inschatting, geen toets, en er is geen " +
		"vergelijkingsgroep die door loting is gekozen: wie een aanbod volgt, kan ook op andere punten verschillen. Daarom staat " +
		"ernaast hoe het ging bij mensen die voor dezelfde competentie geen enkele actie afrondden. Mediaan en kwartielen zijn " +
		"berekend uit de afgeronde aantallen en noemen alleen de groep waarin ze vallen."
}

// Text is one set of people's change in one line.
func (b Bands) Text() string {
	if !b.Shown {
		return "te weinig mensen om te tonen"
	}
	if b.Withheld {
		return NotShown
	}
	parts := make([]string, len(b.Counts))
	for k, c := range b.Counts {
		parts[k] = fmt.Sprintf("%s: %s", BandNames[k], c)
	}
	return fmt.Sprintf("%s mensen: %s; mediaan %s, kwartielen %s – %s", b.People(), strings.Join(parts, ", "),
		b.Quantile(0.5), b.Quantile(0.25), b.Quantile(0.75))
}

func (o *Overview) writeEffects(b *strings.Builder) {
	if len(o.Effects) == 0 {
		return
	}
	fmt.Fprintf(b, "\nEffect per aanbod en competentie\n%s\n", EffectNote())
	for _, e := range o.Effects {
		fmt.Fprintf(b, "  %s — %s\n    met dit aanbod: %s\n    zonder actie voor deze competentie: %s\n", e.Offer.Title, e.Competency, e.Took.Text(), e.Others.Text())
	}
}

func (o *Overview) writeRemarks(b *strings.Builder) {
	if len(o.Remarks) == 0 {
		return
	}
	fmt.Fprintf(b, "\nVerbeterpunten die deelnemers anoniem deelden (alleen bij aanbod dat minstens %d mensen afrondden, zonder datum of naam, in willekeurige volgorde)\n", o.MinGroup)
	for _, r := range o.Remarks {
		fmt.Fprintf(b, "  %s\n", r.Offer.Title)
		for _, t := range r.Remarks {
			fmt.Fprintf(b, "    - %s\n", strings.Join(strings.Fields(t), " "))
		}
	}
}
