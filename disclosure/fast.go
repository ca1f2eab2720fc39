package disclosure

import "math"

// Bounds gives the same ranges as Audit for a group whose rows have cells
// that add up to the size and no other sums (the overview's releases), by
// arithmetic instead of linear programming: with the size s fixed, a row is
// a box of cells with a fixed sum, whose cell i ranges over
// [max(lo_i, s-Σ_{j≠i} hi_j), min(hi_i, s-Σ_{j≠i} lo_j)]. The overview
// runs it on every release; the tests check it against Audit.
func Bounds(g Group, minGroup int) (size Range, cells [][]Range, err error) {
	lo, hi := g.Size.bounds()
	sLo, sHi := max(lo, float64(minGroup)), hi
	for _, r := range g.Rows {
		if !r.Total || len(r.Sums) > 0 {
			return Audit(g, minGroup)
		}
		l, h := r.sums()
		sLo, sHi = max(sLo, l), min(sHi, h)
	}
	if sLo > sHi {
		return Range{}, nil, errInfeasible
	}
	cells = make([][]Range, len(g.Rows))
	for i, r := range g.Rows {
		l, finite, open := r.finiteSums()
		cells[i] = make([]Range, len(r.Cells))
		for c, f := range r.Cells {
			cl, ch := f.bounds()
			othersLo, othersHi := l-cl, math.Inf(1)
			switch {
			case !math.IsInf(ch, 1) && open == 0:
				othersHi = finite - ch
			case math.IsInf(ch, 1) && open == 1:
				othersHi = finite
			}
			cells[i][c] = toRange(max(cl, sLo-othersHi), min(ch, sHi-othersLo))
		}
	}
	return toRange(sLo, sHi), cells, nil
}

// sums are the smallest and largest total of r's cells.
func (r Row) sums() (lo, hi float64) {
	lo, hi, open := r.finiteSums()
	if open > 0 {
		hi = math.Inf(1)
	}
	return lo, hi
}

// finiteSums adds the cells' lower bounds and their finite upper bounds,
// and counts the cells without an upper bound (hidden ones).
func (r Row) finiteSums() (lo, finiteHi float64, open int) {
	for _, f := range r.Cells {
		l, h := f.bounds()
		lo += l
		if math.IsInf(h, 1) {
			open++
		} else {
			finiteHi += h
		}
	}
	return lo, finiteHi, open
}
