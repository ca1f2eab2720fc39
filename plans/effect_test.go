package plans

import (
	"testing"

	"zelfscan/assessment"
)

func TestEffects(t *testing.T) {
	comp := func(id string) *assessment.Competency { return &assessment.Competency{ID: id} }
	full := func(sum, n int) assessment.CompetencyLevel {
		return assessment.CompetencyLevel{Answered: n, Total: n, Sum: sum}
	}
	changes := []assessment.Change{
		{Competency: comp("a"), InBefore: true, InAfter: true, Before: full(2, 2), After: full(5, 2)},
		{Competency: comp("b"), InBefore: true, InAfter: true, Before: full(3, 3), After: full(3, 3)},
		// Half answered later: no average to compare.
		{Competency: comp("c"), InBefore: true, InAfter: true, Before: full(0, 2), After: assessment.CompetencyLevel{Answered: 1, Total: 2, Sum: 2}},
		// Only in the later self-check (another profile).
		{Competency: comp("d"), InAfter: true, After: full(4, 2)},
		// Assessed twice, but no completed action served it.
		{Competency: comp("e"), InBefore: true, InAfter: true, Before: full(0, 2), After: full(6, 2)},
	}
	p := &Plan{Actions: []Action{
		{ID: "1", CompetencyID: "a", ItemID: "training-x", Status: StatusAfgerond},
		{ID: "2", CompetencyID: "a", ItemID: "handreiking-y", Status: StatusAfgerond},
		{ID: "3", CompetencyID: "a", OwnText: "meelopen", Status: StatusAfgerond},
		{ID: "4", CompetencyID: "a", ItemID: "training-z", Status: StatusBezig},
		{ID: "5", CompetencyID: "b", ItemID: "training-x", Status: StatusAfgerond},
		{ID: "6", CompetencyID: "c", ItemID: "training-x", Status: StatusAfgerond},
		{ID: "7", CompetencyID: "d", ItemID: "training-x", Status: StatusAfgerond},
		{ID: "8", CompetencyID: "e", ItemID: "training-x", Status: StatusGepland},
	}}
	got := Effects(p, changes)
	if len(got) != 3 {
		t.Fatalf("effects %+v, want a, b and e", got)
	}
	a := got[0]
	if a.CompetencyID != "a" || a.Before != 1 || a.After != 2.5 || a.Change() != 1.5 || a.Actions != 3 {
		t.Errorf("a: %+v", a)
	}
	if len(a.Items) != 2 || a.Items[0] != "handreiking-y" || a.Items[1] != "training-x" {
		t.Errorf("a's items %v: only completed ones, sorted, without the own action", a.Items)
	}
	if b := got[1]; b.CompetencyID != "b" || b.Change() != 0 {
		t.Errorf("b: %+v", b)
	}
	if e := got[2]; e.CompetencyID != "e" || e.Change() != 3 || e.Actions != 0 || e.Items != nil {
		t.Errorf("e, served by no completed action, is the comparison: %+v", e)
	}
	if Effects(nil, changes) != nil {
		t.Error("no plan, no effects")
	}
}
