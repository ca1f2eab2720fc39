package disclosure

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize/convex/lp"
)

// Problem is a set of linear constraints over bounded variables, as an
// attacker writes down what a release says: Lo[i] <= x[i] <= Hi[i] (Hi may
// be +Inf) and every constraint of Cons.
type Problem struct {
	Lo, Hi []float64
	Cons   []Constraint
}

// Constraint is Σ Coef[k]·x[Vars[k]] = RHS, or <= RHS when LE.
type Constraint struct {
	Vars []int
	Coef []float64
	LE   bool
	RHS  float64
}

// errInfeasible: no true values fit the published figures.
var errInfeasible = errors.New("disclosure: published figures contradict each other")

// add appends a variable with bounds and returns its index.
func (p *Problem) add(lo, hi float64) int {
	p.Lo = append(p.Lo, lo)
	p.Hi = append(p.Hi, hi)
	return len(p.Lo) - 1
}

// Minimize returns the smallest value of x[v] that satisfies p, or
// errInfeasible.
func (p *Problem) Minimize(v int) (float64, error) { return p.optimum(v, 1) }

// Maximize returns the largest value of x[v] (+Inf when unbounded).
func (p *Problem) Maximize(v int) (float64, error) {
	f, err := p.optimum(v, -1)
	return -f, err
}

// Feasible reports whether any x satisfies p.
func (p *Problem) Feasible() bool {
	_, err := p.optimum(-1, 0)
	return err == nil
}

// optimum minimises sign·x[v] with gonum's simplex (v < 0: feasibility
// only). A variable in no constraint is left out: its range is its bounds.
func (p *Problem) optimum(v int, sign float64) (float64, error) {
	for i := range p.Lo {
		if p.Lo[i] > p.Hi[i] {
			return 0, errInfeasible
		}
	}
	a, b, col := p.standardForm()
	free := v >= 0 && col[v] < 0
	if a != nil {
		_, cols := a.Dims()
		c := make([]float64, cols)
		if v >= 0 && !free {
			c[col[v]] = sign
		}
		f, _, err := lp.Simplex(c, a, b, 1e-10, nil)
		switch {
		case errors.Is(err, lp.ErrUnbounded):
			return math.Inf(-1), nil
		case errors.Is(err, lp.ErrInfeasible):
			return 0, errInfeasible
		case err != nil:
			return 0, fmt.Errorf("disclosure: simplex: %w", err)
		}
		if v >= 0 && !free {
			return f + sign*p.Lo[v], nil
		}
	}
	switch {
	case v < 0:
		return 0, nil
	case sign > 0:
		return p.Lo[v], nil
	default:
		return -p.Hi[v], nil
	}
}

// standardForm writes p as A z = b, z >= 0, by shifting every variable by
// its lower bound and adding a slack for every upper bound and every <=
// constraint. col gives each variable's column, -1 for a variable in no
// constraint; a is nil when nothing constrains anything.
func (p *Problem) standardForm() (a *mat.Dense, b []float64, col []int) {
	col = make([]int, len(p.Lo))
	for i := range col {
		col[i] = -1
	}
	cols := 0
	for _, c := range p.Cons {
		for _, x := range c.Vars {
			if col[x] < 0 {
				col[x] = cols
				cols++
			}
		}
	}
	type row struct {
		coef map[int]float64
		rhs  float64
	}
	rows := make([]row, 0, len(p.Cons)+len(p.Lo))
	for _, c := range p.Cons {
		r := row{coef: map[int]float64{}, rhs: c.RHS}
		for k, x := range c.Vars {
			r.coef[col[x]] += c.Coef[k]
			r.rhs -= c.Coef[k] * p.Lo[x]
		}
		if c.LE {
			r.coef[cols] = 1
			cols++
		}
		rows = append(rows, r)
	}
	for i := range p.Lo {
		if col[i] >= 0 && !math.IsInf(p.Hi[i], 1) {
			rows = append(rows, row{coef: map[int]float64{col[i]: 1, cols: 1}, rhs: p.Hi[i] - p.Lo[i]})
			cols++
		}
	}
	if len(rows) == 0 {
		return nil, nil, col
	}
	a = mat.NewDense(len(rows), cols, nil)
	b = make([]float64, len(rows))
	for i, r := range rows {
		s := 1.0
		if r.rhs < 0 {
			s = -1 // phase one of the simplex starts from b >= 0
		}
		for j, x := range r.coef {
			a.Set(i, j, s*x)
		}
		b[i] = s * r.rhs
	}
	return a, b, col
}
