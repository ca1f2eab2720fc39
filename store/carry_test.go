package store

import (
	"reflect"
	"testing"
	"time"

	"zelfscan/assessment"
	"zelfscan/plans"
)

// A self-check under a profile that is no longer offered goes on under
// another: the new one gets exactly the answers and notes on what it asks,
// with their own times, and the old one keeps everything.
func TestCreateSelfCheckFromTakesOverWhatIsStillAsked(t *testing.T) {
	s := openT(t, t.TempDir())
	old, err := s.CreateSelfCheck(assessment.Profile{Organisation: "rechterlijke-macht", Function: "aandachtsfunctionaris", Name: "Mr. K"}, "2026.1", t0)
	if err != nil {
		t.Fatal(err)
	}
	ratings := map[string]assessment.Rating{
		"basis-vormen-1":  {Level: 2, Note: "in zittingen", At: t0.Add(time.Minute)},
		"basis-vormen-2":  {Level: 0, At: t0.Add(2 * time.Minute)},
		"rol-kennisdeler": {Level: 3, At: t0.Add(3 * time.Minute)},
	}
	for id, r := range ratings {
		if err := s.SaveRating(old.ID, id, r); err != nil {
			t.Fatal(err)
		}
	}
	for comp, note := range map[string]string{"basis-vormen": "meer oefenen", "rol": "niet meer van toepassing"} {
		if err := s.SaveNote(old.ID, comp, note, t0); err != nil {
			t.Fatal(err)
		}
	}
	oldPlan := planFor(t, s, old.ID)
	mustSaveAction(t, s, oldPlan.ID, plans.Action{ID: "a1", CompetencyID: "basis-vormen", ItemID: "cursus-x", Status: plans.StatusBezig,
		TargetDate: time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)}, "Cursus X", "Aanbieder", t0.Add(time.Minute))
	mustSaveAction(t, s, oldPlan.ID, plans.Action{ID: "a2", CompetencyID: "rol-kennisdeler", OwnText: "Collega's bijpraten", Status: plans.StatusAfgerond,
		Evaluation: plans.Evaluation{Brought: "overzicht"}}, "", "", t0.Add(2*time.Minute))
	if err := s.SaveReflection(oldPlan.ID, "Ik wil vooral leren doorvragen.", t0.Add(3*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddReview(oldPlan.ID, plans.Review{Reviewer: "Mw. Jansen", Date: t0, Setting: plans.SettingIntervisie}, t0.Add(4*time.Minute)); err != nil {
		t.Fatal(err)
	}
	oldPlan, err = s.Plan(oldPlan.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(oldPlan.Reviews) != 1 || len(oldPlan.Actions) != 2 {
		t.Fatalf("old plan set up as %+v", oldPlan)
	}
	oldSnapshots, err := s.ItemSnapshots(oldPlan.ID)
	if err != nil {
		t.Fatal(err)
	}
	before, err := s.SelfCheck(old.ID)
	if err != nil {
		t.Fatal(err)
	}
	req := []assessment.RequiredCompetency{{
		Competency: &assessment.Competency{ID: "basis-vormen"},
		Indicators: []assessment.Indicator{{ID: "basis-vormen-1"}, {ID: "basis-vormen-2"}, {ID: "basis-vormen-3"}},
		Level:      2,
	}}
	p := assessment.Profile{Organisation: "rechterlijke-macht", Function: "uitvoerend", Name: "Mr. K"}
	made, err := s.CreateSelfCheckFrom(before, req, p, "2026.2", t0.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.SelfCheck(made.ID)
	if err != nil {
		t.Fatal(err)
	}
	wantRatings := map[string]assessment.Rating{"basis-vormen-1": ratings["basis-vormen-1"], "basis-vormen-2": ratings["basis-vormen-2"]}
	if !reflect.DeepEqual(got.Ratings, wantRatings) {
		t.Errorf("answers taken over %v, want %v", got.Ratings, wantRatings)
	}
	if want := map[string]string{"basis-vormen": "meer oefenen"}; !reflect.DeepEqual(got.Notes, want) {
		t.Errorf("notes taken over %v, want %v", got.Notes, want)
	}
	if got.Profile != p || got.FrameworkVersion != "2026.2" {
		t.Errorf("new self-check is %+v under %s", got.Profile, got.FrameworkVersion)
	}
	if !reflect.DeepEqual(made.Ratings, got.Ratings) || !reflect.DeepEqual(made.Notes, got.Notes) {
		t.Errorf("returned %v / %v, stored %v / %v", made.Ratings, made.Notes, got.Ratings, got.Notes)
	}
	// The plan goes along whole, apart from the reviews of the old one.
	newPlan, ok, err := s.PlanBySelfCheck(made.ID)
	if err != nil || !ok {
		t.Fatalf("no plan for the new self-check: %v", err)
	}
	if newPlan.UID == oldPlan.UID || len(newPlan.Reviews) != 0 || newPlan.Reflection != oldPlan.Reflection ||
		!reflect.DeepEqual(newPlan.Actions, oldPlan.Actions) {
		t.Errorf("new plan %+v\nfrom %+v", newPlan, oldPlan)
	}
	if snapshots, err := s.ItemSnapshots(newPlan.ID); err != nil || !reflect.DeepEqual(snapshots, oldSnapshots) {
		t.Errorf("item titles %v (%v), want %v", snapshots, err, oldSnapshots)
	}
	if kept, err := s.Plan(oldPlan.ID); err != nil || !reflect.DeepEqual(kept, oldPlan) {
		t.Errorf("the old plan changed: %+v (%v)", kept, err)
	}
	after, err := s.SelfCheck(old.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(after, before) {
		t.Errorf("the old self-check changed:\n%+v\nwas\n%+v", after, before)
	}
}

// Invalid input takes nothing: no half-made self-check is left behind.
func TestCreateSelfCheckFromRefusesWholly(t *testing.T) {
	s := openT(t, t.TempDir())
	old, err := s.CreateSelfCheck(assessment.Profile{Organisation: "advocatuur", Function: "aandachtsfunctionaris"}, "2026.1", t0)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveRating(old.ID, "basis-vormen-1", assessment.Rating{Level: 1, At: t0}); err != nil {
		t.Fatal(err)
	}
	old.Ratings["basis-vormen-1"] = assessment.Rating{Level: 1, At: t0}
	req := []assessment.RequiredCompetency{{Competency: &assessment.Competency{ID: "basis-vormen"}, Indicators: []assessment.Indicator{{ID: "basis-vormen-1"}}}}
	if _, err := s.CreateSelfCheckFrom(old, req, assessment.Profile{Organisation: "advocatuur"}, "2026.2", t0); err == nil {
		t.Fatal("a profile without a function was accepted")
	}
	list, err := s.SelfChecks()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 {
		t.Errorf("%d self-checks after a refused take-over, want the old one only", len(list))
	}
}
