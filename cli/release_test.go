package cli

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"zelfscan/disclosure"
	"zelfscan/documents/pdf"
	"zelfscan/documents/pdftext"
	"zelfscan/overview"
	"zelfscan/overview/sample"
	"zelfscan/plans"
)

var number = regexp.MustCompile(`\d+`)

// allowed is every number the release o may show: its figures (counts,
// derived sums and shares, levels, the minimum group), the numbers in its
// labels (names of organisations, functions, competencies, offers), the
// rounding base, the date and page numbers.
func allowed(o *overview.Overview, pages int) map[string]bool {
	ok := map[string]bool{}
	add := func(ns ...int) {
		for _, n := range ns {
			ok[strconv.Itoa(n)] = true
		}
	}
	words := func(ss ...string) {
		for _, s := range ss {
			for _, n := range number.FindAllString(s, -1) {
				ok[n] = true
			}
		}
	}
	add(o.MinGroup, disclosure.Base, disclosure.Base-1, o.Files, o.Duplicates, o.FilesSkipped, o.SmallGroups,
		o.SmallGroupPeople, o.WithoutID, o.Withheld, o.People(), day.Day(), int(day.Month()), day.Year())
	for l := 0; l <= o.MaxLevel; l++ {
		add(l)
	}
	for p := 1; p <= pages; p++ {
		add(p)
	}
	// The usefulness scale, and the texts that explain the tables.
	for r := 1; r <= plans.MaxRating; r++ {
		add(r)
	}
	words(overview.EffectNote())
	for _, b := range overview.BandNames {
		words(b)
	}
	add(o.WithheldOffers, o.WithheldEffects)
	for _, e := range o.Effects {
		words(e.Offer.Title, e.Competency)
		for _, b := range []overview.Bands{e.Took, e.Others} {
			add(b.People().N)
			for _, c := range b.Counts {
				add(c.N)
			}
		}
	}
	for _, r := range o.Remarks {
		words(r.Offer.Title)
		words(r.Remarks...)
	}
	for _, g := range o.Groups {
		add(g.Members)
		words(g.Organisation, g.Function)
		for _, r := range g.Competencies {
			add(r.Required, r.Assessed().N, r.WithGap().N, r.NotAnswered.N)
			words(r.Title, r.ShareText())
			for _, c := range r.Own {
				add(c.N)
			}
		}
		for _, p := range g.Participation {
			words(p.Offer.Title)
			add(p.InPlan().N, p.Completed().N, p.NotInPlan.N, p.Planned.N, p.Started.N, p.NotRated.N)
			for _, c := range p.Ratings {
				add(c.N)
			}
		}
		// An offer's figure is not added: it must be one of the rows'.
		for _, f := range g.Offers {
			words(f.Item.Title, f.Item.Provider, f.For)
		}
	}
	return ok
}

// The text and the PDF show no number that is not a figure of the release:
// whatever they print, an attacker gets nothing the CSV's audit did not
// already take into account.
func TestOutputsShowOnlyReleasedFigures(t *testing.T) {
	fw, cat, err := plans.LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := overview.NewBuilder(7)
	for i := range 700 {
		f, err := sample.Plan(fw, cat, 4, i)
		if err != nil {
			t.Fatal(err)
		}
		if i%50 == 0 {
			f.PersonID = "" // some older files
		}
		b.AddFile(f)
	}
	o, err := b.Result(cat)
	if err != nil {
		t.Fatal(err)
	}
	var text, doc bytes.Buffer
	if err := o.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	if err := pdf.RenderOverview(&doc, o, day); err != nil {
		t.Fatal(err)
	}
	pdfText := pdftext.Bytes(t, doc.Bytes())
	pages := strings.Count(strings.TrimRight(pdfText, "\f\n"), "\f") + 1
	ok := allowed(o, pages)
	for what, s := range map[string]string{"text": text.String(), "pdf": pdfText} {
		shown := 0
		for _, n := range number.FindAllString(s, -1) {
			shown++
			if !ok[n] {
				at := strings.Index(s, n)
				t.Errorf("%s shows %s, which is not a figure of the release: …%s…", what, n, s[max(0, at-60):min(len(s), at+20)])
			}
		}
		if shown < 100 || !strings.Contains(s, "zonder persoons-id") {
			t.Fatalf("%s: %d numbers, summary %q: the test proves nothing", what, shown, o.Summary())
		}
	}
	if len(o.Groups) == 0 || len(o.Groups[0].Offers) == 0 || len(o.Groups[0].Participation) == 0 || len(o.Effects) == 0 || len(o.Remarks) == 0 {
		t.Fatal("no group with offers and participation, no effects or no remarks: the test proves nothing")
	}
}
