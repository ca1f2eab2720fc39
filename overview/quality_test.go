package overview_test

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"zelfscan/disclosure"
	"zelfscan/overview"
	"zelfscan/overview/sample"
	"zelfscan/plans/planfile"
)

// Every participation count is within Base-1 of the true count from the
// files, and "In plan" and "Afgerond" are the sums of the rounded cells.
func TestParticipationNearTruth(t *testing.T) {
	_, cat := realData(t)
	files := sampleSet(t, 5, 1200)
	truth := truthOf(files)
	o := build(t, 5, files, cat)
	seen, used := 0, 0
	for _, g := range o.Groups {
		key := g.Organisation + " / " + g.Function
		for _, p := range g.Participation {
			if p.Withheld {
				continue
			}
			seen++
			want := truthRow(truth[key], "aanbod:"+p.Offer.ID)
			got := append([]overview.Count{p.NotInPlan, p.Planned, p.Started}, append(p.Ratings, p.NotRated)...)
			total := 0
			for c, n := range want {
				total += got[c].N
				if got[c].N%disclosure.Base != 0 || got[c].N < n-(disclosure.Base-1) || got[c].N > n+disclosure.Base-1 {
					t.Errorf("%s, %s cell %d: %d for %d people", key, p.Offer.ID, c, got[c].N, n)
				}
			}
			if p.InPlan().N != total-p.NotInPlan.N || p.Completed().N != total-p.NotInPlan.N-p.Planned.N-p.Started.N {
				t.Errorf("%s, %s: derived figures %d and %d are not sums of the cells", key, p.Offer.ID, p.InPlan().N, p.Completed().N)
			}
			if want[0] < g.Members {
				used++
			}
		}
	}
	if seen < 100 || used < 50 {
		t.Fatalf("%d offers, %d with people: the test proves nothing", seen, used)
	}
}

// The sample files plant a known change: who completed an offer that
// plants a shift of one rates its competency a level higher in four of
// five cases (less at the top of the scale), the others stay the same,
// and so does every competency no completed action served. The published
// bands must show that truth: the median band of an offer with shift 0 is
// "gelijk", of one with shift 1 higher, and the comparison's is "gelijk".
func TestEffectsShowThePlantedTruth(t *testing.T) {
	_, cat := realData(t)
	files := sampleSet(t, 6, 3000)
	truth := effectTruth(files)
	o := build(t, 5, files, cat)
	byShift := map[int]int{}
	for _, e := range o.Effects {
		if !e.Took.Shown || e.Took.Withheld {
			continue
		}
		for b, c := range e.Took.Counts {
			n := truth[e.Offer.ID+" / "+e.CompetencyID][b]
			if c.N < n-(disclosure.Base-1) || c.N > n+disclosure.Base-1 {
				t.Errorf("%s / %s band %d: %d for %d people", e.Offer.ID, e.CompetencyID, b, c.N, n)
			}
		}
		if e.Took.People().N < 20 {
			continue // rounding may move the median of a few
		}
		shift := sample.PlantedShift(e.Offer.ID)
		median := e.Took.Quantile(0.5)
		if (shift == 0 && median != overview.Same) || (shift == 1 && median != overview.Up && median != overview.UpOne) {
			t.Errorf("%s / %s planted %d, median band %s (%v)", e.Offer.ID, e.CompetencyID, shift, median, e.Took.Counts)
		}
		if e.Others.Shown && !e.Others.Withheld && e.Others.Quantile(0.5) != overview.Same {
			t.Errorf("%s: the people without an action changed: %v", e.CompetencyID, e.Others.Counts)
		}
		byShift[shift]++
	}
	t.Logf("offers and competencies with 20 or more people, by planted shift: %v", byShift)
	if byShift[0] < 3 || byShift[1] < 3 {
		t.Fatalf("too few effects to check: %v", byShift)
	}
}

// Only remarks marked to share, only for offers at least N people
// completed, in an order that depends on neither the files' order nor
// anything but the remarks.
func TestSharedRemarks(t *testing.T) {
	_, cat := realData(t)
	files := sampleSet(t, 7, 800)
	o := build(t, 5, files, cat)
	completed := map[string]int{}
	for _, f := range files {
		for id, cell := range offerCells(f) {
			if cell >= 3 {
				completed[id]++
			}
		}
	}
	n := 0
	for _, r := range o.Remarks {
		if completed[r.Offer.ID] < 5 {
			t.Errorf("%s: remarks shown with %d people who completed it", r.Offer.ID, completed[r.Offer.ID])
		}
		for _, text := range r.Remarks {
			n++
			if !strings.HasPrefix(text, sample.SharedRemark) || !strings.HasSuffix(text, r.Offer.ID) {
				t.Errorf("%s: remark %q was not shared about this offer", r.Offer.ID, text)
			}
		}
	}
	if n < 20 {
		t.Fatalf("%d remarks: the test proves nothing", n)
	}
	reversed := slices.Clone(files)
	slices.Reverse(reversed)
	again := build(t, 5, reversed, cat)
	if !slices.EqualFunc(o.Remarks, again.Remarks, func(a, b overview.OfferRemarks) bool { return slices.Equal(a.Remarks, b.Remarks) }) {
		t.Error("the order of the remarks depends on the order of the files")
	}
	// Not file order: the first remark of an offer is rarely the one of the
	// first file that has one.
	inFileOrder := 0
	for _, r := range o.Remarks {
		if first := firstRemark(files, r.Offer.ID); first == r.Remarks[0] {
			inFileOrder++
		}
	}
	if inFileOrder > len(o.Remarks)/2 {
		t.Errorf("%d of %d offers list their remarks in file order", inFileOrder, len(o.Remarks))
	}
	var buf bytes.Buffer
	if err := o.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	if got := len(tables(t, buf.Bytes())["remarks"]) - 1; got != n {
		t.Errorf("the CSV has %d remarks, the release %d", got, n)
	}
}

func firstRemark(files []*planfile.File, item string) string {
	for _, f := range files {
		for _, a := range f.Actions {
			if a.Item != nil && a.Item.ID == item && a.Evaluation.SharedRemark() != "" {
				return a.Evaluation.SharedRemark()
			}
		}
	}
	return ""
}

// Two offers completed by the same people for the same competency are
// one set of people: the same rounded counts, not two roundings that
// together would narrow the true ones down.
func TestSamePeopleSameEffectCounts(t *testing.T) {
	var base *planfile.File
	for _, f := range samples(t, 50) {
		for _, e := range f.Effects {
			if len(e.Items) == 1 {
				base = f
			}
		}
	}
	if base == nil {
		t.Fatal("no sample with an effect of one offer")
	}
	var group []*planfile.File
	for i := range 8 {
		group = append(group, homogeneous(base, 1, func(f *planfile.File) {
			for k, e := range f.Effects {
				if len(e.Items) == 1 {
					f.Effects[k].Items = []string{e.Items[0], "tweede-aanbod"}
					f.Effects[k].After = min(3, e.Before+float64(i%3)/2)
				}
			}
		})[0])
		group[i].PersonID = fmt.Sprintf("%032x", i+100)
	}
	o := build(t, 5, group, nil)
	counts := map[string][][4]overview.Count{}
	for _, e := range o.Effects {
		counts[e.CompetencyID] = append(counts[e.CompetencyID], e.Took.Counts)
	}
	pairs := 0
	for comp, cs := range counts {
		if len(cs) == 2 {
			pairs++
			if cs[0] != cs[1] {
				t.Errorf("%s: the same people's counts differ between two offers: %v and %v", comp, cs[0], cs[1])
			}
		}
	}
	if pairs == 0 {
		t.Fatal("no competency with two offers: the test proves nothing")
	}
}
