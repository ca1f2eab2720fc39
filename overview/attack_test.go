package overview_test

// The attacker of issue 19, with nothing but the overview's own CSV: an LP
// audit of every cell, a differencing attack with two releases that differ
// by one person, and a group whose members all answered alike. The true
// counts come from the plan files themselves, not from the overview.

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"zelfscan/disclosure"
	"zelfscan/overview"
	"zelfscan/overview/sample"
	"zelfscan/plans"
	"zelfscan/plans/planfile"
)

// published is one group as the attacker reads it from the CSV.
type published struct {
	group disclosure.Group
	comps []string // competency ID of each row
}

// parseCSV reads the overview's CSV back into the figures an attacker can
// use, by header name. Counts whose header says "afgerond" are rounded,
// other counts exact; "Beoordeeld" and "Met tekort" are partial sums of the
// level cells unless they are derived from rounded cells, which the test
// checks and which then adds nothing.
func parseCSV(t testing.TB, data []byte) map[string]*published {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF"))))
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	head := recs[0]
	col := map[string]int{}
	var levels []int
	notAnswered := -1
	for i, h := range head {
		name := strings.TrimSpace(strings.TrimSuffix(h, " (afgerond)"))
		col[name] = i
		switch {
		case strings.HasPrefix(name, "Eigen niveau "), strings.HasPrefix(name, "Niveau "):
			levels = append(levels, i)
		case name == "Niet beantwoord":
			notAnswered = i
		}
	}
	rounded := func(i int) bool { return strings.Contains(head[i], "afgerond") }
	fig := func(rec []string, i int) disclosure.Figure {
		// Hidden, in the old wording and the new.
		if rec[i] == "te weinig deelnemers" || rec[i] == "niet getoond" {
			return disclosure.Figure{Hidden: true}
		}
		n, err := strconv.Atoi(rec[i])
		if err != nil {
			t.Fatalf("column %q: %q is no count", head[i], rec[i])
		}
		return disclosure.Figure{Value: n, Rounded: rounded(i)}
	}
	out := map[string]*published{}
	for _, rec := range recs[1:] {
		key := rec[col["Organisatie"]] + " / " + rec[col["Functie"]]
		p := out[key]
		if p == nil {
			p = &published{group: disclosure.Group{Size: fig(rec, col["Deelnemers"])}}
			out[key] = p
		}
		row := disclosure.Row{}
		for _, i := range levels {
			row.Cells = append(row.Cells, fig(rec, i))
		}
		required, _ := strconv.Atoi(rec[col["Vereist niveau"]])
		assessed, gap := fig(rec, col["Beoordeeld"]), fig(rec, col["Met tekort"])
		below := make([]int, required)
		for l := range below {
			below[l] = l
		}
		if notAnswered >= 0 {
			row.Cells = append(row.Cells, fig(rec, notAnswered))
			row.Total = true
		}
		if assessed.Rounded || gap.Rounded {
			checkDerived(t, key, row.Cells[:len(levels)], assessed, nil)
			checkDerived(t, key, row.Cells, gap, below)
		} else {
			all := make([]int, len(levels))
			for l := range all {
				all[l] = l
			}
			row.Sums = append(row.Sums, disclosure.Sum{Cells: all, Figure: assessed}, disclosure.Sum{Cells: below, Figure: gap})
		}
		p.group.Rows = append(p.group.Rows, row)
		p.comps = append(p.comps, rec[col["Competentie-id"]])
	}
	return out
}

// checkDerived: a derived figure is the sum of the published cells it
// covers (all level cells when which is nil), so it tells nothing new.
func checkDerived(t testing.TB, key string, cells []disclosure.Figure, f disclosure.Figure, which []int) {
	t.Helper()
	if which == nil {
		which = make([]int, len(cells))
		for i := range which {
			which[i] = i
		}
	}
	sum := 0
	for _, i := range which {
		if cells[i].Hidden {
			if !f.Hidden {
				t.Errorf("%s: a figure covers a hidden cell", key)
			}
			return
		}
		sum += cells[i].Value
	}
	if !f.Hidden && f.Value != sum {
		t.Errorf("%s: derived figure %d is not the sum %d of the published cells", key, f.Value, sum)
	}
}

// truthOf counts, from the files themselves, per group (names as in the
// CSV) and competency the people at each level, then not answered.
func truthOf(files []*planfile.File) map[string]map[string][]int {
	out := map[string]map[string][]int{}
	for _, f := range files {
		key := f.Profile.OrganisationName + " / " + f.Profile.FunctionName
		if out[key] == nil {
			out[key] = map[string][]int{}
		}
		for _, c := range f.Competencies {
			cells := out[key][c.ID]
			if cells == nil {
				cells = make([]int, 5) // levels 0..3, then not answered
				out[key][c.ID] = cells
			}
			level := 4
			for _, ind := range c.Indicators {
				if ind.Level != nil {
					level = c.Own
				}
			}
			cells[level]++
		}
	}
	return out
}

func writeCSV(t testing.TB, o *overview.Overview) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := o.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

type auditResult struct{ cells, small, pinnedSmall, zeros, pinnedZero int }

// auditCSV runs the LP audit on every group of a CSV and counts the cells
// it pins down: cells of 1..N-1 people to fewer than 5 values, empty
// cells to 0.
func auditCSV(t testing.TB, data []byte, truth map[string]map[string][]int, minGroup int) auditResult {
	t.Helper()
	var res auditResult
	for key, p := range parseCSV(t, data) {
		_, ranges, err := disclosure.Audit(p.group, minGroup)
		if err != nil {
			t.Fatalf("%s: %v", key, err)
		}
		for i, row := range ranges {
			for c, rg := range row {
				n := truth[key][p.comps[i]][c]
				res.cells++
				switch {
				case n == 0:
					res.zeros++
				case n < minGroup:
					res.small++
				}
				if disclosure.Weak(rg, n, minGroup) {
					if n == 0 {
						res.pinnedZero++
					} else {
						res.pinnedSmall++
					}
				}
			}
		}
	}
	return res
}

func sampleSet(t testing.TB, seed uint64, n int) []*planfile.File {
	t.Helper()
	fw, cat := realData(t)
	out := make([]*planfile.File, n)
	for i := range out {
		f, err := sample.Plan(fw, cat, seed, i)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = f
	}
	return out
}

// TestAttackLPAuditOnCSV: for every cell of the CSV, the smallest and
// largest true count that all its figures allow (gonum's simplex); no cell
// of 1..N-1 people may come out narrower than 5 values, no empty cell as 0.
func TestAttackLPAuditOnCSV(t *testing.T) {
	_, cat := realData(t)
	for _, seed := range []uint64{1, 2} {
		files := sampleSet(t, seed, 1500)
		truth := truthOf(files)
		for _, minGroup := range []int{5, 7, 12} {
			res := auditCSV(t, writeCSV(t, build(t, minGroup, files, cat)), truth, minGroup)
			t.Logf("seed %d, N=%d: %+v", seed, minGroup, res)
			if res.pinnedSmall > 0 || res.pinnedZero > 0 {
				t.Errorf("seed %d, N=%d: of %d cells, %d of %d with 1..N-1 people pinned, %d of %d empty ones pinned to 0",
					seed, minGroup, res.cells, res.pinnedSmall, res.small, res.pinnedZero, res.zeros)
			}
			if res.small == 0 {
				t.Fatalf("seed %d, N=%d: no small cell, the test proves nothing", seed, minGroup)
			}
		}
	}
}

// differencing runs trials: an overview of files, and one of files with
// one person more (or one less), both as CSV; from the two the attacker
// tries to tell that person's level per competency. It returns the trials
// with both releases showing the group and the competencies determined.
func differencing(t testing.TB, files []*planfile.File, cat *plans.Catalogue, seed uint64, minGroup, trials int) (done, determined, comps int) {
	t.Helper()
	fw, _ := realData(t)
	rng := rand.New(rand.NewPCG(seed, 99))
	for k := 0; done < trials && k < 4*trials; k++ {
		var small, large []*planfile.File
		var who *planfile.File
		if k%2 == 0 { // a newcomer
			f, err := sample.Plan(fw, cat, seed+1000, k)
			if err != nil {
				t.Fatal(err)
			}
			small, large, who = files, append(append([]*planfile.File(nil), files...), f), f
		} else { // someone leaves
			i := rng.IntN(len(files))
			small = append(append([]*planfile.File(nil), files[:i]...), files[i+1:]...)
			large, who = files, files[i]
		}
		key := who.Profile.OrganisationName + " / " + who.Profile.FunctionName
		before := parseCSV(t, writeCSV(t, build(t, minGroup, small, cat)))[key]
		after := parseCSV(t, writeCSV(t, build(t, minGroup, large, cat)))[key]
		if before == nil || after == nil {
			continue
		}
		b, a := aligned(before, after)
		possible, err := disclosure.Difference(b.group, a.group, minGroup)
		if err != nil {
			t.Fatal(err)
		}
		own := map[string]int{}
		for _, c := range who.Competencies {
			own[c.ID] = c.Own
		}
		for i, row := range possible {
			if !row[own[b.comps[i]]] {
				t.Fatalf("trial %d: the person's true level of %s was ruled out", k, b.comps[i])
			}
		}
		done++
		determined += disclosure.Determined(possible)
		comps += len(possible)
	}
	return done, determined, comps
}

// aligned keeps the competencies both releases show, in one order.
func aligned(before, after *published) (*published, *published) {
	at := map[string]int{}
	for i, c := range after.comps {
		at[c] = i
	}
	b := &published{group: disclosure.Group{Size: before.group.Size}}
	a := &published{group: disclosure.Group{Size: after.group.Size}}
	for i, c := range before.comps {
		j, ok := at[c]
		if !ok {
			continue
		}
		b.group.Rows, b.comps = append(b.group.Rows, before.group.Rows[i]), append(b.comps, c)
		a.group.Rows, a.comps = append(a.group.Rows, after.group.Rows[j]), append(a.comps, c)
	}
	return b, a
}

// TestAttackDifferencingOnCSV: two releases that differ by one person (one
// joins, or one leaves) never tell that person's level of any competency.
// scripts/attack-overview.sh runs the same over at least 200 trials.
func TestAttackDifferencingOnCSV(t *testing.T) {
	_, cat := realData(t)
	for _, c := range []struct {
		seed   uint64
		n, min int
		trials int
	}{{1, 600, 5, 4}, {2, 900, 7, 3}, {3, 1500, 12, 3}} {
		files := sampleSet(t, c.seed, c.n)
		done, determined, comps := differencing(t, files, cat, c.seed, c.min, c.trials)
		t.Logf("seed %d, %d plans, N=%d: %d trials, %d of %d competencies determined", c.seed, c.n, c.min, done, determined, comps)
		if done < c.trials {
			t.Fatalf("only %d trials had the group shown twice", done)
		}
		if determined > 0 {
			t.Errorf("seed %d, N=%d: %d of %d competencies of the person who differs were determined", c.seed, c.min, determined, comps)
		}
	}
}

// TestAttackHomogeneousGroup: everyone in a group answered alike; the
// overview must not tell that nobody is at the other levels.
func TestAttackHomogeneousGroup(t *testing.T) {
	base := samples(t, 1)[0]
	for _, minGroup := range []int{5, 7, 12} {
		var group []*planfile.File
		for i := range minGroup + 3 {
			f := *base
			f.PlanUID, f.PersonID = fmt.Sprintf("gelijk-%d", i), fmt.Sprintf("%032x", i)
			group = append(group, &f)
		}
		res := auditCSV(t, writeCSV(t, build(t, minGroup, group, nil)), truthOf(group), minGroup)
		if res.zeros == 0 {
			t.Fatal("no empty cell: the test proves nothing")
		}
		if res.pinnedZero > 0 || res.pinnedSmall > 0 {
			t.Errorf("N=%d: %d of %d empty cells shown to be empty: every member's level is known", minGroup, res.pinnedZero, res.zeros)
		}
	}
}

// benchAttack is the measurement of issue 19 on n generated plans (seed
// 1): the LP audit of the CSV for N = 5, 7, 12 and 200 differencing
// trials at N = 5, reported as metrics. Run with -benchtime=1x:
//
//	go test -run '^$' -bench Attack -benchtime=1x ./overview/
func benchAttack(b *testing.B, n int) {
	_, cat := realData(b)
	files := sampleSet(b, 1, n)
	truth := truthOf(files)
	for b.Loop() {
		for _, minGroup := range []int{5, 7, 12} {
			res := auditCSV(b, writeCSV(b, build(b, minGroup, files, cat)), truth, minGroup)
			b.ReportMetric(float64(res.small), fmt.Sprintf("small-cells-N%d", minGroup))
			b.ReportMetric(float64(res.pinnedSmall), fmt.Sprintf("small-pinned-N%d", minGroup))
			b.ReportMetric(float64(res.pinnedZero), fmt.Sprintf("empty-pinned-N%d", minGroup))
		}
		done, determined, comps := differencing(b, files, cat, 1, 5, 200)
		b.ReportMetric(float64(done), "trials")
		b.ReportMetric(float64(determined), "determined")
		b.ReportMetric(float64(comps), "competencies")
	}
}

func BenchmarkAttack5000(b *testing.B)  { benchAttack(b, 5000) }
func BenchmarkAttack20000(b *testing.B) { benchAttack(b, 20000) }

// TestAttackOffers: the offers' figures were union counts over rows, which
// gave hidden cells back; now each is the published "Met tekort" of the
// row it names, the largest among the rows the item serves, so it adds no
// constraint to the LP audit.
func TestAttackOffers(t *testing.T) {
	_, cat := realData(t)
	o := build(t, 5, sampleSet(t, 3, 800), cat)
	offers := 0
	for _, g := range o.Groups {
		gap := map[string]int{}
		for _, r := range g.Competencies {
			gap[r.Title] = r.WithGap().N
		}
		for _, f := range g.Offers {
			offers++
			if n, ok := gap[f.For]; !ok || n != f.People {
				t.Errorf("%s: offer %s shows %d for %q, whose row shows %d", g.Function, f.Item.ID, f.People, f.For, n)
			}
			for _, r := range g.Competencies {
				if slices.Contains(f.Item.Competencies, r.ID) && r.WithGap().N > f.People {
					t.Errorf("%s: offer %s shows %d, but serves %s with %d", g.Function, f.Item.ID, f.People, r.ID, r.WithGap().N)
				}
			}
		}
	}
	if offers < 20 {
		t.Fatalf("%d offers: the test proves nothing", offers)
	}
}
