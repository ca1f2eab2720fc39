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

// tables splits the CSV into its tables by their heading rows: "levels"
// (per group and competency), "offers" (per group and offer), "effects"
// and "remarks". Each table starts with its heading.
func tables(t testing.TB, data []byte) map[string][][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF"))))
	r.Comma = ';'
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][][]string{}
	kind := ""
	for _, rec := range recs {
		switch {
		case rec[0] == "Organisatie" && slices.Contains(rec, "Competentie-id"):
			kind = "levels"
		case rec[0] == "Organisatie" && slices.Contains(rec, "Aanbod-id"):
			kind = "offers"
		case rec[0] == "Aanbod-id" && slices.Contains(rec, "Competentie-id"):
			kind = "effects"
		case rec[0] == "Aanbod-id":
			kind = "remarks"
		}
		out[kind] = append(out[kind], rec)
	}
	return out
}

// figures reads a table's counts by header: "afgerond" in the header
// means rounded, else exact; "niet getoond" is hidden.
type figures struct {
	t    testing.TB
	head []string
	col  map[string]int
}

func newFigures(t testing.TB, head []string) figures {
	f := figures{t: t, head: head, col: map[string]int{}}
	for i, h := range head {
		f.col[strings.TrimSpace(strings.TrimSuffix(h, " (afgerond)"))] = i
	}
	return f
}

func (f figures) at(rec []string, i int) disclosure.Figure {
	// Hidden, in the old wording and the new.
	if rec[i] == "te weinig deelnemers" || rec[i] == "niet getoond" {
		return disclosure.Figure{Hidden: true}
	}
	n, err := strconv.Atoi(rec[i])
	if err != nil {
		f.t.Fatalf("column %q: %q is no count", f.head[i], rec[i])
	}
	return disclosure.Figure{Value: n, Rounded: strings.Contains(f.head[i], "afgerond")}
}

func (f figures) named(rec []string, name string) disclosure.Figure {
	i, ok := f.col[name]
	if !ok {
		f.t.Fatalf("no column %q", name)
	}
	return f.at(rec, i)
}

// parseCSV reads the overview's CSV back into the figures an attacker can
// use, per group: a row per competency (levels, then not answered) and a
// row per offer ("aanbod:" and its ID; not in plan, planned, begun, each
// rating, completed without one). Counts whose header says "afgerond" are
// rounded, other counts exact; "Beoordeeld" and "Met tekort" are partial
// sums of the level cells unless they are derived from rounded cells, which
// the test checks and which then adds nothing; so are "In plan" and
// "Afgerond" of an offer.
func parseCSV(t testing.TB, data []byte) map[string]*published {
	t.Helper()
	tabs := tables(t, data)
	out := map[string]*published{}
	group := func(rec []string, f figures) *published {
		key := rec[f.col["Organisatie"]] + " / " + rec[f.col["Functie"]]
		if out[key] == nil {
			out[key] = &published{group: disclosure.Group{Size: f.named(rec, "Deelnemers")}}
		}
		return out[key]
	}
	levels := tabs["levels"]
	f := newFigures(t, levels[0])
	for _, rec := range levels[1:] {
		p := group(rec, f)
		p.group.Rows = append(p.group.Rows, levelRow(t, f, rec))
		p.comps = append(p.comps, rec[f.col["Competentie-id"]])
	}
	if offers := tabs["offers"]; len(offers) > 0 {
		f := newFigures(t, offers[0])
		for _, rec := range offers[1:] {
			p := group(rec, f)
			row := disclosure.Row{Total: true}
			for _, h := range overview.ParticipationHeads() {
				row.Cells = append(row.Cells, f.named(rec, h))
			}
			checkDerived(t, rec[f.col["Aanbod-id"]], row.Cells, f.named(rec, "In plan"), seq(1, len(row.Cells)))
			checkDerived(t, rec[f.col["Aanbod-id"]], row.Cells, f.named(rec, "Afgerond"), seq(3, len(row.Cells)))
			p.group.Rows = append(p.group.Rows, row)
			p.comps = append(p.comps, "aanbod:"+rec[f.col["Aanbod-id"]])
		}
	}
	return out
}

// seq is from, from+1, ..., to-1.
func seq(from, to int) []int {
	var out []int
	for i := from; i < to; i++ {
		out = append(out, i)
	}
	return out
}

// levelRow is one competency of a group as the attacker reads it.
func levelRow(t testing.TB, f figures, rec []string) disclosure.Row {
	t.Helper()
	row := disclosure.Row{}
	var levels []int
	for i, h := range f.head {
		if strings.HasPrefix(h, "Eigen niveau ") || strings.HasPrefix(h, "Niveau ") {
			levels = append(levels, i)
			row.Cells = append(row.Cells, f.at(rec, i))
		}
	}
	required, _ := strconv.Atoi(rec[f.col["Vereist niveau"]])
	assessed, gap := f.named(rec, "Beoordeeld"), f.named(rec, "Met tekort")
	below := seq(0, required)
	if i, ok := f.col["Niet beantwoord"]; ok {
		row.Cells = append(row.Cells, f.at(rec, i))
		row.Total = true
	}
	key := rec[f.col["Competentie-id"]]
	if assessed.Rounded || gap.Rounded {
		checkDerived(t, key, row.Cells[:len(levels)], assessed, nil)
		checkDerived(t, key, row.Cells, gap, below)
	} else {
		row.Sums = append(row.Sums, disclosure.Sum{Cells: seq(0, len(levels)), Figure: assessed}, disclosure.Sum{Cells: below, Figure: gap})
	}
	return row
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
// CSV) and competency the people at each level, then not answered; per
// offer ("aanbod:" and its ID) the people in each participation cell; and
// under "#members" the group's size.
func truthOf(files []*planfile.File) map[string]map[string][]int {
	out := map[string]map[string][]int{}
	for _, f := range files {
		key := f.Profile.OrganisationName + " / " + f.Profile.FunctionName
		if out[key] == nil {
			out[key] = map[string][]int{"#members": {0}}
		}
		out[key]["#members"][0]++
		for _, c := range f.Competencies {
			cells := out[key][c.ID]
			if cells == nil {
				cells = make([]int, 5) // levels 0..3, then not answered
				out[key][c.ID] = cells
			}
			cells[levelCell(f, c.ID)]++
		}
		for id, cell := range offerCells(f) {
			cells := out[key]["aanbod:"+id]
			if cells == nil {
				cells = make([]int, len(overview.ParticipationHeads()))
				out[key]["aanbod:"+id] = cells
			}
			cells[cell]++
		}
	}
	// Members without the offer are "not in plan".
	for _, g := range out {
		for id, cells := range g {
			if strings.HasPrefix(id, "aanbod:") {
				cells[0] = g["#members"][0] - sum(cells)
			}
		}
	}
	return out
}

// truthRow is the true counts of a row, also for an offer nobody in the
// group has.
func truthRow(truth map[string][]int, id string) []int {
	if t, ok := truth[id]; ok || !strings.HasPrefix(id, "aanbod:") {
		return t
	}
	t := make([]int, len(overview.ParticipationHeads()))
	t[0] = truth["#members"][0]
	return t
}

func sum(ns []int) int {
	n := 0
	for _, x := range ns {
		n += x
	}
	return n
}

// levelCell is the person's cell in a competency's row: their level, or 4
// when they rated none of its statements.
func levelCell(f *planfile.File, id string) int {
	c, _ := f.Competency(id)
	for _, ind := range c.Indicators {
		if ind.Level != nil {
			return c.Own
		}
	}
	return 4
}

// offerCells is, per catalogue item of the plan, the person's cell in the
// offer's row: 1 planned, 2 begun, 2+r completed with rating r, last
// completed without a rating (the furthest action, the last rating).
func offerCells(f *planfile.File) map[string]int {
	stage := map[string]int{}
	rating := map[string]int{}
	for _, a := range f.Actions {
		if a.Item == nil {
			continue
		}
		s := map[plans.Status]int{plans.StatusGepland: 1, plans.StatusBezig: 2, plans.StatusAfgerond: 3}[a.Status]
		stage[a.Item.ID] = max(stage[a.Item.ID], s)
		if a.Status == plans.StatusAfgerond && a.Evaluation.Rating > 0 {
			rating[a.Item.ID] = a.Evaluation.Rating
		}
	}
	out := map[string]int{}
	for id, s := range stage {
		switch {
		case s < 3:
			out[id] = s
		case rating[id] > 0:
			out[id] = 2 + rating[id]
		default:
			out[id] = 3 + plans.MaxRating
		}
	}
	return out
}

// personCell is the person's cell in a row of the CSV.
func personCell(f *planfile.File, id string) int {
	if item, ok := strings.CutPrefix(id, "aanbod:"); ok {
		return offerCells(f)[item] // 0: not in plan
	}
	return levelCell(f, id)
}

func writeCSV(t testing.TB, o *overview.Overview) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := o.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

type auditResult struct{ cells, small, pinnedSmall, zeros, pinnedZero, offerCells, offerZeros int }

// count adds one audited cell with true count n.
func (res *auditResult) count(rg disclosure.Range, n, minGroup int) {
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
				n := truthRow(truth[key], p.comps[i])[c]
				res.count(rg, n, minGroup)
				if strings.HasPrefix(p.comps[i], "aanbod:") {
					res.offerCells++
					if n == 0 {
						res.offerZeros++
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
			if res.small == 0 || res.offerCells == 0 {
				t.Fatalf("seed %d, N=%d: no small cell or no offer, the test proves nothing", seed, minGroup)
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
		for i, row := range possible {
			if !row[personCell(who, b.comps[i])] {
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
// 1): the LP audit of the CSV (levels and offers) and of the effect table
// for N = 5, 7, 12 and 200 differencing trials at N = 5, reported as
// metrics. Run with -benchtime=1x:
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
			b.ReportMetric(float64(res.offerCells), fmt.Sprintf("offer-cells-N%d", minGroup))
			eff, sets := auditEffects(b, writeCSV(b, build(b, minGroup, files, cat)), effectTruth(files), minGroup)
			b.ReportMetric(float64(sets), fmt.Sprintf("effect-sets-N%d", minGroup))
			b.ReportMetric(float64(eff.pinnedSmall+eff.pinnedZero), fmt.Sprintf("effect-pinned-N%d", minGroup))
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
