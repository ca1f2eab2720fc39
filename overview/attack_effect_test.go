package overview_test

// The attacker of the effect table: every row is two sets of people (who
// took the offer, who completed no action for the competency), each
// published as rounded counts per change band when it has at least N
// people. The attacks are the ones of attack_test.go, on this table.

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"zelfscan/disclosure"
	"zelfscan/overview"
	"zelfscan/overview/sample"
	"zelfscan/plans"
	"zelfscan/plans/planfile"
)

// parseEffects reads the effect table of a CSV: per row key ("offer /
// competency", and "zonder / competency" for the comparison, which is the
// same set for every offer) a group of one row of band counts whose size
// is not published; "mensen" must be the sum of the rounded counts.
func parseEffects(t testing.TB, data []byte) map[string]disclosure.Group {
	t.Helper()
	tab := tables(t, data)["effects"]
	out := map[string]disclosure.Group{}
	if len(tab) == 0 {
		return out
	}
	f := newFigures(t, tab[0])
	for _, rec := range tab[1:] {
		for _, who := range []string{"Met aanbod", "Zonder actie"} {
			row := disclosure.Row{Total: true}
			for _, b := range overview.BandNames {
				row.Cells = append(row.Cells, f.named(rec, who+": "+b))
			}
			if row.Cells[0].Hidden {
				continue
			}
			key := rec[f.col["Aanbod-id"]] + " / " + rec[f.col["Competentie-id"]]
			if who == "Zonder actie" {
				key = "zonder / " + rec[f.col["Competentie-id"]]
			}
			checkDerived(t, key, row.Cells, f.named(rec, who+": mensen"), nil)
			out[key] = disclosure.Group{Size: disclosure.Figure{Hidden: true}, Rows: []disclosure.Row{row}}
		}
	}
	return out
}

// band is the change band as the test reads the files, written out again
// so that a mistake in the overview's banding shows.
func band(e planfile.Effect) int {
	switch d := e.After - e.Before; {
	case d < -1e-9:
		return 0
	case d <= 1e-9:
		return 1
	case d < 1-1e-9:
		return 2
	}
	return 3
}

// effectCells is, per row key of parseEffects, the person's band.
func effectCells(f *planfile.File) map[string]int {
	out := map[string]int{}
	for _, e := range f.Effects {
		if e.Actions == 0 {
			out["zonder / "+e.CompetencyID] = band(e)
		}
		for _, it := range e.Items {
			out[it+" / "+e.CompetencyID] = band(e)
		}
	}
	return out
}

func effectTruth(files []*planfile.File) map[string][]int {
	out := map[string][]int{}
	for _, f := range files {
		for key, b := range effectCells(f) {
			if out[key] == nil {
				out[key] = make([]int, len(overview.BandNames))
			}
			out[key][b]++
		}
	}
	return out
}

// auditEffects runs the LP audit on every published set of the effect
// table.
func auditEffects(t testing.TB, data []byte, truth map[string][]int, minGroup int) (res auditResult, sets int) {
	t.Helper()
	for key, g := range parseEffects(t, data) {
		sets++
		_, ranges, err := disclosure.Audit(g, minGroup)
		if err != nil {
			t.Fatalf("%s: %v", key, err)
		}
		for c, rg := range ranges[0] {
			res.count(rg, truth[key][c], minGroup)
		}
	}
	return res, sets
}

// TestAttackEffectsLPAudit: no band count of 1..N-1 people narrower than
// five values, no empty one shown to be empty.
func TestAttackEffectsLPAudit(t *testing.T) {
	_, cat := realData(t)
	files := sampleSet(t, 1, 3000)
	truth := effectTruth(files)
	for _, minGroup := range []int{5, 7, 12} {
		res, sets := auditEffects(t, writeCSV(t, build(t, minGroup, files, cat)), truth, minGroup)
		t.Logf("N=%d: %d sets, %+v", minGroup, sets, res)
		if res.pinnedSmall > 0 || res.pinnedZero > 0 {
			t.Errorf("N=%d: %d of %d small band counts pinned, %d of %d empty ones", minGroup, res.pinnedSmall, res.small, res.pinnedZero, res.zeros)
		}
		if sets < 20 || res.small == 0 || res.zeros == 0 {
			t.Fatalf("N=%d: %d sets, %+v: the test proves nothing", minGroup, sets, res)
		}
	}
}

// TestAttackEffectsDifferencing: two releases that differ by one person
// never tell that person's change band for any offer and competency.
func TestAttackEffectsDifferencing(t *testing.T) {
	fw, cat := realData(t)
	files := sampleSet(t, 2, 2000)
	rng := rand.New(rand.NewPCG(2, 7))
	done, determined, rows := 0, 0, 0
	for k := 0; k < 12; k++ {
		var small, large []*planfile.File
		var who *planfile.File
		if k%2 == 0 {
			f, err := sample.Plan(fw, cat, 2000, k)
			if err != nil {
				t.Fatal(err)
			}
			small, large, who = files, append(slices.Clone(files), f), f
		} else {
			i := rng.IntN(len(files))
			small, large, who = slices.Delete(slices.Clone(files), i, i+1), files, files[i]
		}
		before := parseEffects(t, writeCSV(t, build(t, 5, small, cat)))
		after := parseEffects(t, writeCSV(t, build(t, 5, large, cat)))
		for key, b := range effectCells(who) {
			g1, ok1 := before[key]
			g2, ok2 := after[key]
			if !ok1 || !ok2 {
				continue
			}
			possible, err := disclosure.Difference(g1, g2, 5)
			if err != nil {
				t.Fatal(err)
			}
			if !possible[0][b] {
				t.Fatalf("trial %d, %s: the person's true band was ruled out", k, key)
			}
			rows++
			determined += disclosure.Determined(possible)
		}
		done++
	}
	t.Logf("%d trials, %d of %d sets of the person determined", done, determined, rows)
	if rows < 10 {
		t.Fatalf("%d sets compared: the test proves nothing", rows)
	}
	if determined > 0 {
		t.Errorf("%d of %d sets gave away the person's change band", determined, rows)
	}
}

// homogeneous is minGroup+3 people with the same plan file as base (other
// IDs), each changed by alter.
func homogeneous(base *planfile.File, n int, alter func(*planfile.File)) []*planfile.File {
	var out []*planfile.File
	for i := range n {
		f := *base
		f.PlanUID, f.PersonID = fmt.Sprintf("gelijk-%d", i), fmt.Sprintf("%032x", i+1)
		f.Actions = slices.Clone(base.Actions)
		f.Effects = slices.Clone(base.Effects)
		alter(&f)
		out = append(out, &f)
	}
	return out
}

// TestAttackHomogeneousRatingsAndEffects: everyone in a group completed
// the same offers, rated each 5 and improved by one level or more; the
// overview must not tell that nobody is elsewhere.
func TestAttackHomogeneousRatingsAndEffects(t *testing.T) {
	_, cat := realData(t)
	var base *planfile.File
	for _, f := range samples(t, 50) {
		if len(offerCells(f)) > 1 && len(effectCells(f)) > 2 {
			base = f
			break
		}
	}
	if base == nil {
		t.Fatal("no sample with offers and effects")
	}
	allFive := func(f *planfile.File) {
		for i := range f.Actions {
			f.Actions[i].Status, f.Actions[i].Evaluation.Rating = plans.StatusAfgerond, plans.MaxRating
		}
		for i := range f.Effects {
			f.Effects[i].After = min(3, f.Effects[i].Before+1)
			f.Effects[i].Before = f.Effects[i].After - 1
		}
	}
	for _, minGroup := range []int{5, 7, 12} {
		group := homogeneous(base, minGroup+3, allFive)
		data := writeCSV(t, build(t, minGroup, group, cat))
		res := auditCSV(t, data, truthOf(group), minGroup)
		eff, sets := auditEffects(t, data, effectTruth(group), minGroup)
		if res.offerZeros == 0 || eff.zeros == 0 || sets == 0 {
			t.Fatalf("N=%d: %+v, %d effect sets %+v: the test proves nothing", minGroup, res, sets, eff)
		}
		if res.pinnedZero+res.pinnedSmall+eff.pinnedZero+eff.pinnedSmall > 0 {
			t.Errorf("N=%d: pinned cells in a group where all answered alike: table %+v, effects %+v", minGroup, res, eff)
		}
	}
}

// TestAttacksCatchNaivePublication: the same attacks on the exact counts,
// as a publication without this method would show them, pin small and
// empty counts and give the differing person's cell away, so the attacks
// are able to find what they look for.
func TestAttacksCatchNaivePublication(t *testing.T) {
	files := sampleSet(t, 1, 1500)
	exact := func(counts []int) disclosure.Group {
		row := disclosure.Row{Total: true}
		for _, n := range counts {
			row.Cells = append(row.Cells, disclosure.Exact(n))
		}
		return disclosure.Group{Size: disclosure.Exact(sum(counts)), Rows: []disclosure.Row{row}}
	}
	var pinned, determined, tried int
	truth := truthOf(files)
	eff := effectTruth(files)
	var rows [][]int
	for _, g := range truth {
		for id, cells := range g {
			if len(id) > 7 && id[:7] == "aanbod:" && g["#members"][0] >= 5 {
				rows = append(rows, cells)
			}
		}
	}
	for _, cells := range eff {
		if sum(cells) >= 5 {
			rows = append(rows, cells)
		}
	}
	// A deterministic sample of the rows keeps the linear programmes few.
	slices.SortFunc(rows, slices.Compare)
	rows = slices.CompactFunc(rows, slices.Equal)
	rows = rows[:min(len(rows), 150)]
	for _, cells := range rows {
		_, ranges, err := disclosure.Audit(exact(cells), 5)
		if err != nil {
			t.Fatal(err)
		}
		for c, rg := range ranges[0] {
			if disclosure.Weak(rg, cells[c], 5) {
				pinned++
			}
		}
		// One more person in the first non-empty cell.
		at := slices.IndexFunc(cells, func(n int) bool { return n > 0 })
		more := slices.Clone(cells)
		more[at]++
		possible, err := disclosure.Difference(exact(cells), exact(more), 5)
		if err != nil {
			t.Fatal(err)
		}
		tried++
		determined += disclosure.Determined(possible)
	}
	t.Logf("exact counts: %d rows, %d cells pinned, %d of %d newcomers determined", len(rows), pinned, determined, tried)
	if pinned == 0 || determined != tried {
		t.Errorf("the attacks found nothing in an exact publication (%d pinned, %d of %d determined)", pinned, determined, tried)
	}
}
