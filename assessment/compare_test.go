package assessment

import (
	"fmt"
	"testing"
)

func level(c *Competency, required, own int) CompetencyResult {
	return CompetencyResult{
		RequiredCompetency: RequiredCompetency{Competency: c, Level: required},
		Own:                CompetencyLevel{Level: own, Answered: 2, Total: 2},
	}
}

func TestCompareMatchesByIDAndKeepsLaterOrder(t *testing.T) {
	a := &Competency{ID: "a"}
	b := &Competency{ID: "b"}
	c := &Competency{ID: "c"}
	d := &Competency{ID: "d"}
	e := &Competency{ID: "e"}
	// A fresh pointer for "b": matching is by ID, not by pointer, so a
	// reloaded framework still lines up.
	b2 := &Competency{ID: "b"}
	before := Result{Levels: []CompetencyResult{level(a, 2, 1), level(b, 2, 2), level(c, 2, 3), level(d, 1, 1)}}
	after := Result{Levels: []CompetencyResult{level(e, 3, 2), level(c, 3, 1), level(a, 2, 3), level(b2, 2, 2)}}

	got := Compare(before, after)
	want := []struct {
		id            string
		trend         Trend
		before, after int
		required      int
	}{
		{"e", TrendAlleenLater, 0, 2, 3},
		{"c", TrendAchteruitgang, 3, 1, 3},
		{"a", TrendGroei, 1, 3, 2},
		{"b", TrendGelijk, 2, 2, 2},
		{"d", TrendAlleenEerder, 1, 0, 1},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d changes, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if g.Competency.ID != w.id || g.Trend() != w.trend || g.Before.Level != w.before || g.After.Level != w.after || g.Required != w.required {
			t.Errorf("row %d: got %s trend %d %d→%d req %d, want %s trend %d %d→%d req %d",
				i, g.Competency.ID, g.Trend(), g.Before.Level, g.After.Level, g.Required,
				w.id, w.trend, w.before, w.after, w.required)
		}
	}
}

func TestCompareFromAnalyse(t *testing.T) {
	ind := func(id string) Indicator { return Indicator{ID: id} }
	basis := &Competency{ID: "basis", Category: CategoryBasis}
	verdiep := &Competency{ID: "verdiep", Category: CategoryVerdiepend}
	req := []RequiredCompetency{
		{Competency: basis, Indicators: []Indicator{ind("b1"), ind("b2")}, Level: 2},
		{Competency: verdiep, Indicators: []Indicator{ind("v1"), ind("v2")}, Level: 2},
	}
	// Basis: (1+2)/2 = 1 → (3+2)/2 = 2, growth. Verdieping: (3+3)/2 = 3 →
	// (1+2)/2 = 1, decline.
	first := &SelfCheck{Ratings: map[string]Rating{"b1": {Level: 1}, "b2": {Level: 2}, "v1": {Level: 3}, "v2": {Level: 3}}}
	second := &SelfCheck{Ratings: map[string]Rating{"b1": {Level: 3}, "b2": {Level: 2}, "v1": {Level: 1}, "v2": {Level: 2}}}
	got := Compare(Analyse(req, first), Analyse(req, second))
	if len(got) != 2 || got[0].Trend() != TrendGroei || got[1].Trend() != TrendAchteruitgang {
		t.Fatalf("got %+v, want growth on basis and decline on verdiep", got)
	}
	if got[0].Before.Level != 1 || got[0].After.Level != 2 || got[1].Before.Level != 3 || got[1].After.Level != 1 {
		t.Errorf("levels: basis %d→%d, verdiep %d→%d; want 1→2 and 3→1",
			got[0].Before.Level, got[0].After.Level, got[1].Before.Level, got[1].After.Level)
	}
}

func TestCompareEmpty(t *testing.T) {
	if got := Compare(Result{}, Result{}); len(got) != 0 {
		t.Errorf("Compare of two empty results = %+v, want none", got)
	}
}

func TestGrowthOf(t *testing.T) {
	a, b, c := &Competency{ID: "a"}, &Competency{ID: "b"}, &Competency{ID: "c"}
	lvl := func(n int) CompetencyLevel { return CompetencyLevel{Level: n, Answered: 2, Total: 2, Sum: 2 * n} }
	oldest := Result{Levels: []CompetencyResult{{RequiredCompetency{Competency: a, Level: 1}, lvl(0)}, {RequiredCompetency{Competency: c, Level: 2}, lvl(1)}}}
	middle := Result{Levels: []CompetencyResult{{RequiredCompetency{Competency: a, Level: 2}, lvl(1)}}}
	newest := Result{Levels: []CompetencyResult{{RequiredCompetency{Competency: b, Level: 3}, lvl(2)}, {RequiredCompetency{Competency: a, Level: 2}, lvl(2)}}}
	got := GrowthOf([]Result{oldest, middle, newest})
	if len(got) != 3 || got[0].Competency != b || got[1].Competency != a || got[2].Competency != c {
		t.Fatalf("order %v; want b, a (newest scan order), then c", got)
	}
	levels := func(g Growth) []int {
		var out []int
		for _, l := range g.Levels {
			if l == nil {
				out = append(out, -1)
			} else {
				out = append(out, l.Level)
			}
		}
		return out
	}
	if fmt.Sprint(levels(got[1])) != "[0 1 2]" || got[1].Required != 2 {
		t.Errorf("a: %v required %d", levels(got[1]), got[1].Required)
	}
	if fmt.Sprint(levels(got[0])) != "[-1 -1 2]" || fmt.Sprint(levels(got[2])) != "[1 -1 -1]" || got[2].Required != 2 {
		t.Errorf("b: %v, c: %v (required %d)", levels(got[0]), levels(got[2]), got[2].Required)
	}
}
