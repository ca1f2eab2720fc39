package disclosure

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

func TestRoundIsUnbiasedAndReproducible(t *testing.T) {
	for n := range 23 {
		sum := 0
		const keys = 4000
		for k := range keys {
			r := NewRounder([]string{fmt.Sprint("p", k), "q"})
			got := r.Round("cel", n)
			if got%Base != 0 || got-n >= Base || n-got >= Base || (n%Base == 0 && got != n) {
				t.Fatalf("Round(%d) = %d", n, got)
			}
			if again := NewRounder([]string{"q", fmt.Sprint("p", k)}).Round("cel", n); again != got {
				t.Fatalf("same people in another order: %d then %d", got, again)
			}
			sum += got
		}
		// The mean of the rounded values is the true value (unbiased): a
		// standard error is at most 2.5/sqrt(4000) ≈ 0.04.
		if mean := float64(sum) / keys; math.Abs(mean-float64(n)) > 0.2 {
			t.Errorf("mean of Round(%d) over %d groups is %.2f", n, keys, mean)
		}
	}
}

// One more person draws every figure of the group anew: about as many
// figures change as two independent draws would change.
func TestRoundRedrawsWhenMembershipChanges(t *testing.T) {
	ids := []string{"a", "b", "c", "d", "e"}
	r1, r2 := NewRounder(ids), NewRounder(append(ids, "f"))
	changed := 0
	const figures = 2000
	for i := range figures {
		if r1.Round(fmt.Sprint("f", i), 7) != r2.Round(fmt.Sprint("f", i), 7) {
			changed++
		}
	}
	// 7 rounds up with probability 2/5: two draws differ with 2·(2/5)(3/5) = 0.48.
	if changed < figures*40/100 || changed > figures*56/100 {
		t.Fatalf("%d of %d figures changed with one more member, want about 48%%", changed, figures)
	}
}

func TestProblemRanges(t *testing.T) {
	// x0 + x1 = 10, 2 <= x0 <= 9, x1 <= 4, x2 free above but in no constraint.
	p := &Problem{Lo: []float64{2, 0, 1}, Hi: []float64{9, 4, math.Inf(1)},
		Cons: []Constraint{{Vars: []int{0, 1}, Coef: []float64{1, 1}, RHS: 10}}}
	for _, c := range []struct {
		v        int
		min, max float64
	}{{0, 6, 9}, {1, 1, 4}, {2, 1, math.Inf(1)}} {
		lo, err1 := p.Minimize(c.v)
		hi, err2 := p.Maximize(c.v)
		if err1 != nil || err2 != nil || math.Abs(lo-c.min) > 1e-9 || hi != c.max && math.Abs(hi-c.max) > 1e-9 {
			t.Errorf("x%d: [%v, %v] (%v %v), want [%v, %v]", c.v, lo, hi, err1, err2, c.min, c.max)
		}
	}
	p.Cons = append(p.Cons, Constraint{Vars: []int{0}, Coef: []float64{1}, LE: true, RHS: 5})
	if p.Feasible() {
		t.Fatal("x0 <= 5 and x0 >= 6 reported feasible")
	}
}

// The example of the old suppression: Politie / Uitvoerend shows
// 22; –; 20; – with "Met tekort" 32 and "Beoordeeld" 54 at required level
// 2. The audit solves both hidden cells, as the attacker did.
func TestAuditSolvesOldSuppression(t *testing.T) {
	hid := Figure{Hidden: true}
	g := Group{Size: Exact(54), Rows: []Row{{
		Cells: []Figure{Exact(22), hid, Exact(20), hid},
		Sums:  []Sum{{Cells: []int{0, 1, 2, 3}, Figure: Exact(54)}, {Cells: []int{0, 1}, Figure: Exact(32)}},
	}}}
	_, cells, err := Audit(g, 5)
	if err != nil {
		t.Fatal(err)
	}
	if cells[0][1] != (Range{10, 10}) || cells[0][3] != (Range{2, 2}) {
		t.Fatalf("hidden cells %v and %v, want exactly 10 and 2", cells[0][1], cells[0][3])
	}
	if !Weak(cells[0][3], 2, 5) {
		t.Fatal("a cell of 2 people pinned exactly is not weak")
	}
}

// A homogeneous row published exactly gives away every member's level;
// rounded, the empty cells could hold up to Base-1 people each.
func TestHomogeneousRow(t *testing.T) {
	exact := Group{Size: Exact(10), Rows: []Row{{Total: true, Cells: []Figure{Exact(0), Exact(0), Exact(0), Exact(10), Exact(0)}}}}
	_, cells, _ := Audit(exact, 5)
	if !Weak(cells[0][0], 0, 5) {
		t.Fatalf("exact homogeneous row: empty cell %v not weak", cells[0][0])
	}
	truth := [][]int{{0, 0, 0, 10, 0}}
	g := publish(NewRounder(ids(10, 0)), 10, truth)
	_, cells, err := Audit(g, 5)
	if err != nil {
		t.Fatal(err)
	}
	for c, r := range cells[0] {
		if Weak(r, truth[0][c], 5) {
			t.Errorf("rounded homogeneous row: cell %d pinned to %v", c, r)
		}
	}
}

func ids(n, from int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("persoon-%d", from+i)
	}
	return out
}

// publish rounds a group's true counts as the overview does.
func publish(r Rounder, size int, truth [][]int) Group {
	g := Group{Size: RoundedFigure(r.Round("size", size))}
	for i, row := range truth {
		pr := Row{Total: true}
		for c, n := range row {
			pr.Cells = append(pr.Cells, RoundedFigure(r.Round(fmt.Sprintf("%d/%d", i, c), n)))
		}
		g.Rows = append(g.Rows, pr)
	}
	return g
}

// people draws a group's levels: per person and row a cell, leaning to one
// cell per person as real answers do.
func people(rng *rand.Rand, n, rows, cells int) [][]int {
	out := make([][]int, n)
	for p := range out {
		base := rng.IntN(cells)
		out[p] = make([]int, rows)
		for r := range out[p] {
			out[p][r] = min(cells-1, max(0, base+rng.IntN(3)-1))
			if rng.IntN(20) == 0 {
				out[p][r] = cells - 1 // not answered
			}
		}
	}
	return out
}

func tally(members [][]int, rows, cells int) [][]int {
	t := make([][]int, rows)
	for r := range t {
		t[r] = make([]int, cells)
		for _, m := range members {
			t[r][m[r]]++
		}
	}
	return t
}

// Random groups of N..4N people, rounded and protected: the audit pins no
// cell of 1..N-1 people and no empty cell, and two releases that differ by
// one person never tell that person's cell in any row.
func TestRandomGroupsHoldAgainstAuditAndDifferencing(t *testing.T) {
	const rows, cells = 19, 5
	trials, determined, withheldRows := 0, 0, 0
	for _, minGroup := range []int{5, 7, 12} {
		rng := rand.New(rand.NewPCG(uint64(minGroup), 2))
		for k := range 15 {
			n := minGroup + rng.IntN(3*minGroup)
			members := people(rng, n+1, rows, cells)
			if k == 0 {
				// The attacker works: on exact figures it finds the
				// newcomer's cell in every row.
				exact, _ := Difference(exactGroup(tally(members[:n], rows, cells), n), exactGroup(tally(members, rows, cells), n+1), minGroup)
				if d := Determined(exact); d != rows {
					t.Fatalf("exact releases: %d of %d rows determined", d, rows)
				}
			}
			before := release(t, members[:n], n, rows, cells, minGroup, &withheldRows)
			after := release(t, members, n+1, rows, cells, minGroup, &withheldRows)
			possible, err := Difference(before, after, minGroup)
			if err != nil {
				t.Fatal(err)
			}
			trials++
			for r, row := range possible {
				if !row[members[n][r]] {
					t.Fatalf("the true cell of the newcomer was ruled out in row %d: %v", r, row)
				}
			}
			determined += Determined(possible)
		}
	}
	if determined > 0 {
		t.Errorf("%d rows of %d differencing trials gave the newcomer's cell away", determined, trials)
	}
	t.Logf("%d trials, %d rows withheld by the audit", trials, withheldRows)
}

// release publishes and protects a group, and checks it with the audit.
func release(t *testing.T, members [][]int, n, rows, cells, minGroup int, withheld *int) Group {
	t.Helper()
	var idList []string
	for i := range n {
		idList = append(idList, fmt.Sprint("id-", i))
	}
	truth := tally(members[:n], rows, cells)
	g := publish(NewRounder(idList), n, truth)
	w, err := Protect(&g, truth, minGroup)
	if err != nil {
		t.Fatal(err)
	}
	*withheld += len(w)
	_, ranges, err := Audit(g, minGroup)
	if err != nil {
		t.Fatal(err)
	}
	for r, row := range ranges {
		for c, rg := range row {
			if Weak(rg, truth[r][c], minGroup) {
				t.Fatalf("after Protect, row %d cell %d (%d people) is %v", r, c, truth[r][c], rg)
			}
		}
	}
	return g
}

// Bounds, the arithmetic the overview runs, gives exactly the ranges of the
// linear programme, also with hidden cells and rows.
func TestBoundsAgreesWithLinearProgramme(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	for trial := range 150 {
		minGroup := []int{5, 7, 12}[trial%3]
		n := minGroup + rng.IntN(2*minGroup)
		truth := tally(people(rng, n, 4, 5), 4, 5)
		g := publish(NewRounder(ids(n, trial*100)), n, truth)
		for range rng.IntN(3) {
			r := rng.IntN(4)
			g.Rows[r].Cells[rng.IntN(5)] = Figure{Hidden: true}
		}
		s1, c1, err1 := Audit(g, minGroup)
		s2, c2, err2 := Bounds(g, minGroup)
		if err1 != nil || err2 != nil {
			t.Fatalf("trial %d: %v / %v", trial, err1, err2)
		}
		if s1 != s2 || fmt.Sprint(c1) != fmt.Sprint(c2) {
			t.Fatalf("trial %d: linear programme %v %v, arithmetic %v %v", trial, s1, c1, s2, c2)
		}
	}
}

func exactGroup(truth [][]int, size int) Group {
	g := Group{Size: Exact(size)}
	for _, row := range truth {
		r := Row{Total: true}
		for _, n := range row {
			r.Cells = append(r.Cells, Exact(n))
		}
		g.Rows = append(g.Rows, r)
	}
	return g
}
