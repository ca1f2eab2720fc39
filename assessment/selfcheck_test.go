package assessment

import (
	"fmt"
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

// A hand-worked self-check for politie/uitvoerend (shortfall = required −
// average; weighted = shortfall in the basis tier, half of it elsewhere):
//
//	b1 (basis, vereist 2):      1,2   → 1.5  → 1, tekort 0.5,  gewogen 0.5  middel
//	b2 (basis, vereist 2):      0,0,1 → 0.33 → 0, tekort 1.67, gewogen 1.67 hoog
//	o1 (per org, vereist 2):    2,3   → 2.5  → 2, geen tekort → sterk punt
//	p1 (org-spec., vereist 2):  0,–   → 0    → 0, tekort 2,    gewogen 2    hoog, onvolledig
//	v1 (verdiepend, vereist 1): 0,1   → 0.5  → 0, tekort 0.5,  gewogen 0.25 laag
//
// Order: largest weighted shortfall first: p1, b2, b1, v1.
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
		id        string
		own, size int
		score     string
		shortfall string
		priority  Priority
		complete  bool
		evidence  []string // indicator:rating, lowest first
	}{
		{"p1", 0, 2, "0.00", "2.00", PriorityHoog, false, []string{"p1-1:0"}},
		{"b2", 0, 2, "0.33", "1.67", PriorityHoog, true, []string{"b2-1:0", "b2-2:0", "b2-3:1"}},
		{"b1", 1, 1, "1.50", "0.50", PriorityMiddel, true, []string{"b1-1:1"}},
		{"v1", 0, 1, "0.50", "0.50", PriorityLaag, true, []string{"v1-1:0"}},
	}
	if len(res.Gaps) != len(want) {
		t.Fatalf("%d gaps, want %d", len(res.Gaps), len(want))
	}
	for i, w := range want {
		g := res.Gaps[i]
		got := fmt.Sprintf("%s own %d size %d score %.2f short %.2f %s complete %v %v", g.Competency.ID, g.Own, g.Size(),
			g.Score(), g.Shortfall(), g.Priority().Label(), g.Complete, evidenceIDs(g.Evidence))
		exp := fmt.Sprintf("%s own %d size %d score %s short %s %s complete %v %v", w.id, w.own, w.size,
			w.score, w.shortfall, w.priority.Label(), w.complete, w.evidence)
		if got != exp {
			t.Errorf("gap %d:\n got %s\nwant %s", i, got, exp)
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

func evidenceIDs(ev []Evidence) []string {
	out := []string{}
	for _, e := range ev {
		out = append(out, fmt.Sprintf("%s:%d", e.Indicator.ID, e.Level))
	}
	return out
}

// Two gaps of one whole level, as in the issue: answers 1,1,1,1 against
// level 2 are 1.0 short (hoog), answers 2,2,2,1 only 0.25 (laag); the first
// ranks first although the framework lists it second.
func TestOneLevelGapsDiffer(t *testing.T) {
	basis := &Competency{ID: "a", Category: CategoryBasis}
	other := &Competency{ID: "b", Category: CategoryBasis}
	ind := []Indicator{{ID: "1"}, {ID: "2"}, {ID: "3"}, {ID: "4"}}
	rate := func(levels ...int) map[string]Rating {
		r := map[string]Rating{}
		for i, l := range levels {
			r[ind[i].ID] = Rating{Level: l}
		}
		return r
	}
	mild, heavy := rate(2, 2, 2, 1), rate(1, 1, 1, 1)
	gMild, ok1 := GapOf(RequiredCompetency{Competency: basis, Indicators: ind, Level: 2}, LevelOf(ind, mild), mild, 0)
	gHeavy, ok2 := GapOf(RequiredCompetency{Competency: other, Indicators: ind, Level: 2}, LevelOf(ind, heavy), heavy, 1)
	if !ok1 || !ok2 || gMild.Size() != 1 || gHeavy.Size() != 1 {
		t.Fatalf("both must be gaps of one level: %v %v %d %d", ok1, ok2, gMild.Size(), gHeavy.Size())
	}
	if gMild.Shortfall() != 0.25 || gHeavy.Shortfall() != 1 {
		t.Fatalf("shortfalls %.2f and %.2f, want 0.25 and 1", gMild.Shortfall(), gHeavy.Shortfall())
	}
	if gMild.Priority() != PriorityLaag || gHeavy.Priority() != PriorityHoog {
		t.Fatalf("priorities %s and %s, want laag and hoog", gMild.Priority().Label(), gHeavy.Priority().Label())
	}
	if len(gMild.Evidence) != 1 || len(gHeavy.Evidence) != 4 {
		t.Fatalf("evidence %d and %d statements, want 1 and 4", len(gMild.Evidence), len(gHeavy.Evidence))
	}
	gaps := []Gap{gMild, gHeavy}
	RankGaps(gaps)
	if gaps[0].Competency.ID != "b" {
		t.Fatalf("ranked %s first, want the 1.0 shortfall (b)", gaps[0].Competency.ID)
	}
}

// Equal weighted shortfall: the larger share of statements below the level
// goes first; then the basis tier; then the order given.
func TestRankGapsTieBreaks(t *testing.T) {
	basis := &Competency{ID: "basis", Category: CategoryBasis}
	deep := &Competency{ID: "deep", Category: CategoryVerdiepend}
	ev := func(n int) []Evidence { return make([]Evidence, n) }
	// Basis, required 2, average 1.5 (1,2): weighted 0.5, 1 of 2 below.
	// Deep, required 2, average 1 (0,2): weighted 0.5, 1 of 2 below.
	// Deep, required 2, average 1 (1,1): weighted 0.5, 2 of 2 below.
	gaps := []Gap{
		{Competency: basis, Required: 2, Own: 1, Sum: 3, Answered: 2, Evidence: ev(1), order: 0},
		{Competency: deep, Required: 2, Own: 1, Sum: 2, Answered: 2, Evidence: ev(1), order: 1},
		{Competency: &Competency{ID: "deep2", Category: CategoryRol}, Required: 2, Own: 1, Sum: 2, Answered: 2, Evidence: ev(2), order: 2},
	}
	for _, g := range gaps {
		if g.Weighted() != 0.5 || g.Priority() != PriorityMiddel {
			t.Fatalf("%s: weighted %.2f %s, want 0.5 middel", g.Competency.ID, g.Weighted(), g.Priority().Label())
		}
	}
	RankGaps(gaps)
	var got []string
	for _, g := range gaps {
		got = append(got, g.Competency.ID)
	}
	if want := []string{"deep2", "basis", "deep"}; !equal(got, want) {
		t.Fatalf("order %v, want %v", got, want)
	}
}

func TestEvidenceLowestFirstSkipsUnanswered(t *testing.T) {
	ind := []Indicator{{ID: "a"}, {ID: "b"}, {ID: "c"}, {ID: "d"}, {ID: "e"}}
	r := map[string]Rating{"a": {Level: 2}, "b": {Level: 1}, "c": {Level: 3}, "e": {Level: 0}}
	if got, want := evidenceIDs(EvidenceFor(ind, r, 3)), []string{"e:0", "b:1", "a:2"}; !equal(got, want) {
		t.Fatalf("evidence %v, want %v", got, want)
	}
	if got := EvidenceFor(ind, r, 0); len(got) != 0 {
		t.Fatalf("nothing is below level 0, got %v", got)
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

// Priority from the weighted shortfall; a Gap without Sum/Answered counts
// Own as its average.
func TestPriorityRule(t *testing.T) {
	basis := &Competency{Category: CategoryBasis}
	deep := &Competency{Category: CategoryVerdiepend}
	cases := []struct {
		g    Gap
		want Priority
	}{
		{Gap{Competency: basis, Required: 3, Own: 0}, PriorityHoog},                        // 3.0
		{Gap{Competency: basis, Required: 2, Own: 1}, PriorityHoog},                        // 1.0
		{Gap{Competency: basis, Required: 2, Own: 1, Sum: 6, Answered: 4}, PriorityMiddel}, // 0.5
		{Gap{Competency: basis, Required: 2, Own: 1, Sum: 7, Answered: 4}, PriorityLaag},   // 0.25
		{Gap{Competency: deep, Required: 3, Own: 1}, PriorityHoog},                         // 2.0 → 1.0
		{Gap{Competency: deep, Required: 3, Own: 1, Sum: 5, Answered: 3}, PriorityMiddel},  // 1.33 → 0.67
		{Gap{Competency: deep, Required: 1, Own: 0}, PriorityMiddel},                       // 1.0 → 0.5
		{Gap{Competency: deep, Required: 1, Own: 0, Sum: 1, Answered: 3}, PriorityLaag},    // 0.67 → 0.33
	}
	for i, c := range cases {
		if got := c.g.Priority(); got != c.want {
			t.Errorf("case %d: %s shortfall %.2f: %s, want %s", i, c.g.Competency.Category, c.g.Shortfall(), got.Label(), c.want.Label())
		}
	}
}
