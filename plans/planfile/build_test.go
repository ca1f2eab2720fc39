package planfile

import (
	"testing"
	"time"

	"zelfscan/assessment"
	"zelfscan/plans"
)

func realData(t testing.TB) (*assessment.Framework, *plans.Catalogue) {
	t.Helper()
	fw, cat, err := plans.LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	return fw, cat
}

// Build copies every title the plan refers to and takes levels and gaps
// from assessment.Analyse, so the file stands on its own.
func TestBuildIsSelfContained(t *testing.T) {
	fw, cat := realData(t)
	sc := &assessment.SelfCheck{
		Profile: assessment.Profile{Organisation: "politie", Function: "uitvoerend", Name: "Zoë Çelik"},
		Ratings: map[string]assessment.Rating{}, Notes: map[string]string{},
	}
	req, _ := fw.Required("politie", "uitvoerend")
	for _, ind := range req[0].Indicators {
		sc.Ratings[ind.ID] = assessment.Rating{Level: 0, Note: "nog nooit gezien"}
	}
	sc.Notes[req[0].Competency.ID] = "eigen reflectie"
	item := cat.Items()[0]
	plan := &plans.Plan{Actions: []plans.Action{
		{ID: "a1", CompetencyID: req[0].Competency.ID, ItemID: item.ID, Status: plans.StatusGepland},
		{ID: "a2", CompetencyID: req[0].Competency.ID, ItemID: "eigen-verdwenen", Status: plans.StatusBezig},
	}, Reflection: "Wat ik wil leren."}
	f, err := Build(Source{Framework: fw, Catalogue: cat, SelfCheck: sc, Plan: plan, PlanUID: "uid-1", AppVersion: "test"}, time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	res := assessment.Analyse(req, sc)
	if len(f.Competencies) != len(req) || len(f.Gaps) != len(res.Gaps) {
		t.Fatalf("%d competencies / %d gaps, want %d / %d", len(f.Competencies), len(f.Gaps), len(req), len(res.Gaps))
	}
	for i, g := range res.Gaps {
		if f.Gaps[i].CompetencyID != g.Competency.ID || f.Gaps[i].Size != g.Size() || f.Gaps[i].Priority != g.Priority().Label() {
			t.Fatalf("gap %d: %+v, want %s size %d", i, f.Gaps[i], g.Competency.ID, g.Size())
		}
	}
	c := f.Competencies[0]
	if c.Title != req[0].Competency.Title || c.Note != "eigen reflectie" || c.Indicators[0].Level == nil || *c.Indicators[0].Level != 0 || c.Indicators[0].Text == "" {
		t.Fatalf("first competency not copied whole: %+v", c)
	}
	if f.Competencies[1].Indicators[0].Level != nil {
		t.Fatal("an unanswered indicator has a level")
	}
	if f.Profile.OrganisationName != "Politie" || f.Profile.FunctionName == "" || f.Profile.Name != "Zoë Çelik" {
		t.Fatalf("profile names not resolved: %+v", f.Profile)
	}
	if f.Actions[0].Item == nil || f.Actions[0].Item.Title != item.Title || f.Actions[0].Item.Provider != item.Provider {
		t.Fatalf("catalogue item not copied: %+v", f.Actions[0].Item)
	}
	if f.Actions[1].Item == nil || f.Actions[1].Item.ID != "eigen-verdwenen" || f.Actions[1].Item.Title == "" {
		t.Fatalf("vanished item lost: %+v", f.Actions[1].Item)
	}
	if f.Format != Format || f.Version != Version || f.Framework.Version != fw.Version || len(f.Framework.Scale) != len(fw.Scale) {
		t.Fatalf("header incomplete: %s %d %s", f.Format, f.Version, f.Framework.Version)
	}
	if got := f.ActionsFor(req[0].Competency.ID); len(got) != 2 {
		t.Fatalf("ActionsFor: %d actions, want 2", len(got))
	}
}

// Text stored with control characters (before the entry fields filtered
// them) is exported without them rather than refused, keeping the rest.
func TestBuildStripsControlCharacters(t *testing.T) {
	fw, cat := realData(t)
	sc := &assessment.SelfCheck{
		Profile: assessment.Profile{Organisation: "politie", Function: "uitvoerend", Name: "Zoë\x00 Çelik\x1b"},
		Ratings: map[string]assessment.Rating{}, Notes: map[string]string{},
	}
	req, _ := fw.Required("politie", "uitvoerend")
	sc.Notes[req[0].Competency.ID] = "regel\r\nmet\tbel\x07"
	plan := &plans.Plan{Actions: []plans.Action{{ID: "a1", CompetencyID: req[0].Competency.ID, OwnText: "eigen\x00actie", Status: plans.StatusGepland}},
		Reflection: "re\u0085flectie"}
	f, err := Build(Source{Framework: fw, Catalogue: cat, SelfCheck: sc, Plan: plan, PlanUID: "uid-1", AppVersion: "test"}, time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if f.Profile.Name != "Zoë Çelik" || f.Competencies[0].Note != "regel\r\nmet\tbel" || f.Actions[0].OwnText != "eigenactie" || f.Reflection != "reflectie" {
		t.Fatalf("got %q, %q, %q, %q", f.Profile.Name, f.Competencies[0].Note, f.Actions[0].OwnText, f.Reflection)
	}
	if err := f.Validate(); err != nil {
		t.Fatal(err)
	}
}
