package disclosure

import (
	"fmt"
	"math"
)

// Figure is one published count as an attacker reads it.
type Figure struct {
	Value int
	// Hidden: not published ("te weinig deelnemers"); only >= 0 is known.
	Hidden bool
	// Rounded: Value is a rounded count, the true one within Base-1 of
	// it (and >= 0). Otherwise Value is exact.
	Rounded bool
}

// Exact is a published figure that is the true count.
func Exact(n int) Figure { return Figure{Value: n} }

// RoundedFigure is a published figure rounded by Round.
func RoundedFigure(n int) Figure { return Figure{Value: n, Rounded: true} }

// bounds are the true values the figure allows.
func (f Figure) bounds() (lo, hi float64) {
	switch {
	case f.Hidden:
		return 0, math.Inf(1)
	case f.Rounded:
		return float64(max(0, f.Value-(Base-1))), float64(f.Value + Base - 1)
	}
	return float64(f.Value), float64(f.Value)
}

// Group is everything a release says about one group of people: its size
// and, per row (a competency), counts of members per cell (a level, or
// "not answered") and published partial sums of those cells.
type Group struct {
	Size Figure
	Rows []Row
}

// Row is one competency of a group.
type Row struct {
	Cells []Figure
	// Total: every member is in exactly one cell, so the cells add up to
	// the group's size.
	Total bool
	Sums  []Sum
}

// Sum is a published figure that adds up some cells of a row, such as
// "assessed" or "with a gap".
type Sum struct {
	Cells  []int
	Figure Figure
}

// Range is the interval of true values consistent with a release.
type Range struct{ Min, Max int }

// Width is the number of values in r.
func (r Range) Width() int { return r.Max - r.Min + 1 }

// Weak reports whether r tells too much about a count whose true value is
// truth: a count of 1..minGroup-1 people pinned to fewer than Base values,
// or a count of 0 pinned to 0 (everyone in the row is elsewhere: a
// homogeneous row would give away every member's level).
func Weak(r Range, truth, minGroup int) bool {
	switch {
	case truth == 0:
		return r.Max == 0
	case truth < minGroup:
		return r.Width() < Base
	}
	return false
}

// Audit computes, for every cell of g, the smallest and largest true count
// that all of g's published figures allow, together with the rule that a
// published group has at least minGroup members. The rows are tied only
// through the group's size, so the size's range is found first (the
// intersection of what each row allows) and then each row is solved alone
// with the size in that range: the same answer as one linear programme
// over the whole group, in a fraction of the time.
func Audit(g Group, minGroup int) (size Range, cells [][]Range, err error) {
	lo, hi := g.Size.bounds()
	sLo, sHi := max(lo, float64(minGroup)), hi
	for _, r := range g.Rows {
		if !r.Total {
			continue
		}
		p, s := r.problem(sLo, sHi)
		a, err := p.Minimize(s)
		if err != nil {
			return Range{}, nil, err
		}
		b, err := p.Maximize(s)
		if err != nil {
			return Range{}, nil, err
		}
		sLo, sHi = max(sLo, a), min(sHi, b)
	}
	if sLo > sHi+1e-9 {
		return Range{}, nil, errInfeasible
	}
	size = toRange(sLo, sHi)
	cells = make([][]Range, len(g.Rows))
	// Rounded rows repeat: rows that publish the same figures have the
	// same ranges, so each is solved once.
	seen := map[string][]Range{}
	for i, r := range g.Rows {
		key := fmt.Sprint(r)
		if c, ok := seen[key]; ok {
			cells[i] = c
			continue
		}
		p, _ := r.problem(sLo, sHi)
		cells[i] = make([]Range, len(r.Cells))
		seen[key] = cells[i]
		for c := range r.Cells {
			a, err := p.Minimize(c)
			if err != nil {
				return Range{}, nil, fmt.Errorf("row %d cell %d: %w", i, c, err)
			}
			b, err := p.Maximize(c)
			if err != nil {
				return Range{}, nil, fmt.Errorf("row %d cell %d: %w", i, c, err)
			}
			cells[i][c] = toRange(a, b)
		}
	}
	return size, cells, nil
}

// problem writes down row r: variables 0..len(Cells)-1 are its cells, the
// returned index the group's size (bounded to sLo..sHi).
func (r Row) problem(sLo, sHi float64) (*Problem, int) {
	p := &Problem{}
	all := make([]int, len(r.Cells))
	for c, f := range r.Cells {
		all[c] = p.add(f.bounds())
	}
	s := p.add(sLo, sHi)
	if r.Total {
		coef := ones(len(all) + 1)
		coef[len(all)] = -1
		p.Cons = append(p.Cons, Constraint{Vars: append(all, s), Coef: coef})
	}
	for _, sum := range r.Sums {
		v := p.add(sum.Figure.bounds())
		coef := ones(len(sum.Cells) + 1)
		coef[len(sum.Cells)] = -1
		p.Cons = append(p.Cons, Constraint{Vars: append(append([]int(nil), sum.Cells...), v), Coef: coef})
	}
	return p, s
}

func ones(n int) []float64 { return scaled(n, 1) }

// scaled is n coefficients of v.
func scaled(n int, v float64) []float64 {
	c := make([]float64, n)
	for i := range c {
		c[i] = v
	}
	return c
}

// toRange turns the optimum of the relaxation into whole people: the
// counts are integers and the constraints' matrix is an interval one, so
// the bounds are integral up to rounding noise.
func toRange(lo, hi float64) Range {
	r := Range{Min: int(math.Ceil(lo - 1e-6)), Max: math.MaxInt}
	if !math.IsInf(hi, 1) {
		r.Max = int(math.Floor(hi + 1e-6))
	}
	return r
}
