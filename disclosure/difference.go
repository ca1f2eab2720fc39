package disclosure

import (
	"errors"
	"math"
)

// Difference is the attacker with two releases of one group: before, and
// after with exactly one more member (for a member who left, swap them).
// For each row it reports which cells the extra member can be in, given
// every figure of both releases: an LP feasibility test per cell, with the
// other rows' cells for that member left free. Both releases must have the
// same rows, cell for cell.
func Difference(before, after Group, minGroup int) ([][]bool, error) {
	if len(before.Rows) != len(after.Rows) {
		return nil, errors.New("disclosure: releases with different rows")
	}
	lo1, hi1 := before.Size.bounds()
	lo2, hi2 := after.Size.bounds()
	// s is the size before; after it is s+1.
	sLo := max(lo1, float64(minGroup), lo2-1)
	sHi := min(hi1, hi2-1)
	for i := range before.Rows {
		p, s := pair(before.Rows[i], after.Rows[i], sLo, sHi, -1)
		a, err := p.Minimize(s)
		if err != nil {
			return nil, err
		}
		b, err := p.Maximize(s)
		if err != nil {
			return nil, err
		}
		sLo, sHi = max(sLo, a), min(sHi, b)
	}
	out := make([][]bool, len(before.Rows))
	for i := range before.Rows {
		out[i] = make([]bool, len(before.Rows[i].Cells))
		for c := range out[i] {
			p, _ := pair(before.Rows[i], after.Rows[i], sLo, sHi, c)
			out[i][c] = p.Feasible()
		}
	}
	return out, nil
}

// Determined counts the rows in which exactly one cell is possible.
func Determined(possible [][]bool) int {
	n := 0
	for _, row := range possible {
		k := 0
		for _, ok := range row {
			if ok {
				k++
			}
		}
		if k == 1 {
			n++
		}
	}
	return n
}

// pair writes down one row in both releases: cells x before, the new
// member's place d (one cell when at >= 0, else any mix of cells), the
// cells after being x+d, and the size s before. Partial sums hold for x
// before and x+d after. It returns s's index.
func pair(before, after Row, sLo, sHi float64, at int) (*Problem, int) {
	p := &Problem{}
	k := len(before.Cells)
	x := make([]int, k)
	d := make([]int, k)
	for c := range k {
		x[c] = p.add(before.Cells[c].bounds())
		dl, dh := 0.0, 1.0
		if at >= 0 {
			dl, dh = 0, 0
			if c == at {
				dl, dh = 1, 1
			}
		}
		d[c] = p.add(dl, dh)
	}
	s := p.add(sLo, sHi)
	p.Cons = append(p.Cons, Constraint{Vars: d, Coef: ones(k), RHS: 1})
	if before.Total {
		coef := ones(k + 1)
		coef[k] = -1
		p.Cons = append(p.Cons, Constraint{Vars: append(append([]int(nil), x...), s), Coef: coef})
	}
	for c := range k {
		p.within([]int{x[c], d[c]}, after.Cells[c])
	}
	for _, sum := range before.Sums {
		p.within(pick(x, sum.Cells), sum.Figure)
	}
	for _, sum := range after.Sums {
		p.within(append(pick(x, sum.Cells), pick(d, sum.Cells)...), sum.Figure)
	}
	return p, s
}

// within adds: the sum of vars is a value that f allows.
func (p *Problem) within(vars []int, f Figure) {
	lo, hi := f.bounds()
	p.Cons = append(p.Cons, Constraint{Vars: vars, Coef: scaled(len(vars), -1), LE: true, RHS: -lo})
	if !math.IsInf(hi, 1) {
		p.Cons = append(p.Cons, Constraint{Vars: vars, Coef: ones(len(vars)), LE: true, RHS: hi})
	}
}

func pick(vars, idx []int) []int {
	out := make([]int, len(idx))
	for i, j := range idx {
		out[i] = vars[j]
	}
	return out
}
