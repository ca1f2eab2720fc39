package assessment

import (
	"testing"
)

func testFramework(t *testing.T) *Framework {
	t.Helper()
	f, err := Load(overlay(t, ""), "fw")
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func ids(req []RequiredCompetency) []string {
	var out []string
	for _, r := range req {
		out = append(out, r.Competency.ID)
	}
	return out
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Required follows category order (basis, per-organisation basis,
// organisation-specific, deepening, ..., role), uses the organisation's own
// indicators and leaves out what the function does not ask.
func TestRequiredPerOrganisationAndFunction(t *testing.T) {
	f := testFramework(t)
	req, err := f.Required("politie", "uitvoerend")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ids(req), []string{"b1", "b2", "o1", "p1", "v1"}; !equal(got, want) {
		t.Fatalf("politie/uitvoerend asks %v, want %v", got, want)
	}
	if req[2].Indicators[0].ID != "o1-politie-1" {
		t.Fatalf("per-organisation competency does not use the police indicators: %v", req[2].Indicators)
	}
	if req[4].Level != 1 || req[0].Level != 2 {
		t.Fatalf("levels: b1 %d (want 2), v1 %d (want 1)", req[0].Level, req[4].Level)
	}

	req, err = f.Required("andere", "leidinggevende")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ids(req), []string{"b1", "b2", "v1", "rol-team"}; !equal(got, want) {
		t.Fatalf("andere/leidinggevende asks %v, want %v", got, want)
	}
	if req[3].Level != 3 {
		t.Fatalf("role competency level %d, want 3 from extra", req[3].Level)
	}
	if req[0].Indicators[0].ID != "b1-1" {
		t.Fatal("generic indicators expected for andere")
	}

	if _, err := f.Required("marechaussee", "uitvoerend"); err == nil {
		t.Fatal("unknown organisation accepted")
	}
	if _, err := f.Required("politie", "piloot"); err == nil {
		t.Fatal("unknown function accepted")
	}
}

func TestLevelOfRoundsAverageDown(t *testing.T) {
	ind := []Indicator{{ID: "a"}, {ID: "b"}, {ID: "c"}}
	cases := []struct {
		ratings  map[string]int
		level    int
		answered int
		weakest  int
	}{
		{map[string]int{}, 0, 0, -1},
		{map[string]int{"a": 3, "b": 3, "c": 1}, 2, 3, 1}, // 7/3 = 2.33 → 2
		{map[string]int{"a": 2, "b": 1}, 1, 2, 1},         // 3/2 = 1.5 → 1, incomplete
		{map[string]int{"a": 3, "b": 3, "c": 3}, 3, 3, 3},
	}
	for _, c := range cases {
		r := map[string]Rating{}
		for k, v := range c.ratings {
			r[k] = Rating{Level: v}
		}
		got := LevelOf(ind, r)
		if got.Level != c.level || got.Answered != c.answered || got.Weakest != c.weakest || got.Total != 3 {
			t.Errorf("%v: got %+v, want level %d answered %d weakest %d", c.ratings, got, c.level, c.answered, c.weakest)
		}
	}
}

// A hand-worked self-check for politie/uitvoerend:
//
//	b1 (basis, vereist 2):      1,2   → 1.5 → 1, tekort 1, middel
//	b2 (basis, vereist 2):      0,0,1 → 0.3 → 0, tekort 2, hoog
//	o1 (per org, vereist 2):    2,3   → 2.5 → 2, geen tekort → sterk punt
//	p1 (org-spec., vereist 2):  0,–   → 0,   tekort 2, hoog, onvolledig
//	v1 (verdiepend, vereist 1): 0,1   → 0.5 → 0, tekort 1, laag
//
// Order: basis tier first, larger first, then scan order: b2, p1, b1, v1.
func TestAnalyseHandWorked(t *testing.T) {
	f := testFramework(t)
	req, _ := f.Required("politie", "uitvoerend")
	sc := &SelfCheck{Ratings: map[string]Rating{}}
	for id, l := range map[string]int{
		"b1-1": 1, "b1-2": 2,
		"b2-1": 0, "b2-2": 0, "b2-3": 1,
		"o1-politie-1": 2, "o1-politie-2": 3,
		"p1-1": 0,
		"v1-1": 0, "v1-2": 1,
	} {
		sc.Ratings[id] = Rating{Level: l}
	}
	res := Analyse(req, sc)

	want := []struct {
		id       string
		own      int
		size     int
		priority Priority
		complete bool
	}{
		{"b2", 0, 2, PriorityHoog, true},
		{"p1", 0, 2, PriorityHoog, false},
		{"b1", 1, 1, PriorityMiddel, true},
		{"v1", 0, 1, PriorityLaag, true},
	}
	if len(res.Gaps) != len(want) {
		t.Fatalf("%d gaps, want %d", len(res.Gaps), len(want))
	}
	for i, w := range want {
		g := res.Gaps[i]
		if g.Competency.ID != w.id || g.Own != w.own || g.Size() != w.size || g.Priority() != w.priority || g.Complete != w.complete {
			t.Errorf("gap %d: got %s own %d size %d %s complete %v; want %+v",
				i, g.Competency.ID, g.Own, g.Size(), g.Priority().Label(), g.Complete, w)
		}
	}
	if len(res.Strengths) != 1 || res.Strengths[0].Competency.ID != "o1" {
		t.Fatalf("strengths: %+v, want only o1", res.Strengths)
	}
	if len(res.Levels) != 5 {
		t.Fatalf("%d levels, want one per required competency", len(res.Levels))
	}
	if c := sc.Completeness(req); c.Answered != 10 || c.Total != 11 || c.Done() || c.Percent() != 90 {
		t.Fatalf("completeness %+v (%d%%), want 10/11, 90%%", c, c.Percent())
	}
}

func TestAnalyseNoGapsWhenEverythingMet(t *testing.T) {
	f := testFramework(t)
	req, _ := f.Required("andere", "leidinggevende")
	sc := &SelfCheck{Ratings: map[string]Rating{}}
	for _, r := range req {
		for _, ind := range r.Indicators {
			sc.Ratings[ind.ID] = Rating{Level: 3}
		}
	}
	res := Analyse(req, sc)
	if len(res.Gaps) != 0 || len(res.Strengths) != len(req) {
		t.Fatalf("gaps %d strengths %d, want 0 and %d", len(res.Gaps), len(res.Strengths), len(req))
	}
	if !sc.Completeness(req).Done() {
		t.Fatal("fully answered self-check not done")
	}
}

func TestPriorityRule(t *testing.T) {
	basis := &Competency{Category: CategoryBasis}
	deep := &Competency{Category: CategoryVerdiepend}
	cases := []struct {
		g    Gap
		want Priority
	}{
		{Gap{Competency: basis, Required: 3, Own: 0}, PriorityHoog},
		{Gap{Competency: basis, Required: 2, Own: 1}, PriorityMiddel},
		{Gap{Competency: deep, Required: 3, Own: 1}, PriorityMiddel},
		{Gap{Competency: deep, Required: 1, Own: 0}, PriorityLaag},
	}
	for _, c := range cases {
		if got := c.g.Priority(); got != c.want {
			t.Errorf("%s gap of %d: %s, want %s", c.g.Competency.Category, c.g.Size(), got.Label(), c.want.Label())
		}
	}
}
