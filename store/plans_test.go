package store

import (
	"errors"
	"io"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"zelfscan/assessment"
	"zelfscan/plans"
)

func newSelfCheck(t *testing.T, s *Store) int64 {
	t.Helper()
	sc, err := s.CreateSelfCheck(assessment.Profile{Organisation: "politie", Function: "uitvoerend"}, "2026.1", t0)
	if err != nil {
		t.Fatal(err)
	}
	return sc.ID
}

func planFor(t *testing.T, s *Store, scID int64) *plans.Plan {
	t.Helper()
	p, err := s.PlanFor(scID, t0)
	if err != nil {
		t.Fatalf("PlanFor(%d): %v", scID, err)
	}
	return p
}

func mustSaveAction(t *testing.T, s *Store, planID int64, a plans.Action, title, provider string, now time.Time) {
	t.Helper()
	if err := s.SaveAction(planID, a, title, provider, now); err != nil {
		t.Fatalf("SaveAction %s: %v", a.ID, err)
	}
}

// A plan comes back as it was saved, after a reopen: actions in the order
// they were added (a replaced action keeps its place), the reflection, the
// copied item titles; Updated moves forward on every change, even when the
// clock does not.
func TestPlanRoundTrip(t *testing.T) {
	dir := t.TempDir()
	s := openT(t, dir)
	scID := newSelfCheck(t, s)
	p := planFor(t, s, scID)
	if !regexp.MustCompile(`^[0-9a-f]{32}$`).MatchString(p.UID) {
		t.Errorf("UID = %q; want 128-bit hex", p.UID)
	}
	if !p.Created.Equal(t0) || !p.Updated.Equal(t0) || p.SelfCheckID != scID || len(p.Actions) != 0 {
		t.Errorf("new plan = %+v", p)
	}
	if again := planFor(t, s, scID); again.ID != p.ID || again.UID != p.UID {
		t.Errorf("second PlanFor made another plan: %+v, first %+v", again, p)
	}
	other := planFor(t, s, newSelfCheck(t, s))
	if other.UID == p.UID {
		t.Error("two plans got the same UID")
	}

	a1 := plans.Action{ID: "a1", CompetencyID: "basis-vormen", ItemID: "eigen-training-x", Status: plans.StatusGepland}
	a2 := plans.Action{ID: "a2", CompetencyID: "pol-risico-inschatting", OwnText: "Meelopen met de zedenrecherche ‘één dag’",
		TargetDate: time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC), Status: plans.StatusAfgerond,
		Evaluation: plans.Evaluation{Brought: "inzicht", Changed: "vaker doorvragen", Better: "langer"}}
	a3 := plans.Action{ID: "a3", CompetencyID: "basis-vormen", OwnText: "Casus inbrengen", Status: plans.StatusBezig}
	mustSaveAction(t, s, p.ID, a1, "Training X", "Aanbieder Y", t0.Add(time.Minute))
	mustSaveAction(t, s, p.ID, a2, "genegeerd zonder item", "", t0.Add(2*time.Minute))
	mustSaveAction(t, s, p.ID, a3, "", "", t0.Add(3*time.Minute))
	a1.Status = plans.StatusBezig
	mustSaveAction(t, s, p.ID, a1, "Training X (2e druk)", "Aanbieder Y", t0.Add(4*time.Minute))
	if err := s.SaveReflection(p.ID, "Ik wil steviger worden in het gesprek.", t0.Add(5*time.Minute)); err != nil {
		t.Fatal(err)
	}
	// A clock that went back still moves Updated forward.
	if err := s.SaveReflection(p.ID, "Ik wil steviger worden in het gesprek over veiligheid.", t0); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s = openT(t, dir)
	defer s.Close()
	got, err := s.Plan(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := &plans.Plan{ID: p.ID, UID: p.UID, SelfCheckID: scID, Created: t0,
		Updated:    t0.Add(5*time.Minute + time.Nanosecond),
		Actions:    []plans.Action{a1, a2, a3},
		Reflection: "Ik wil steviger worden in het gesprek over veiligheid."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Plan after reopen:\n got %+v\nwant %+v", got, want)
	}
	for name, load := range map[string]func() (*plans.Plan, bool, error){
		"PlanBySelfCheck": func() (*plans.Plan, bool, error) { return s.PlanBySelfCheck(scID) },
		"PlanByUID":       func() (*plans.Plan, bool, error) { return s.PlanByUID(p.UID) },
	} {
		if q, ok, err := load(); err != nil || !ok || !reflect.DeepEqual(q, want) {
			t.Errorf("%s = %+v, %v, %v; want the same plan", name, q, ok, err)
		}
	}
	if _, ok, err := s.PlanByUID("onbekend"); ok || err != nil {
		t.Errorf("PlanByUID(unknown) = %v, %v; want false, nil", ok, err)
	}
	snaps, err := s.ItemSnapshots(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]ItemSnapshot{"a1": {"Training X (2e druk)", "Aanbieder Y"}}; !reflect.DeepEqual(snaps, want) {
		t.Errorf("ItemSnapshots = %v; want %v", snaps, want)
	}

	if err := s.DeleteAction(p.ID, "a2", t0.Add(10*time.Minute)); err != nil {
		t.Fatal(err)
	}
	// Deleting what is not there changes nothing, Updated included.
	if err := s.DeleteAction(p.ID, "a2", t0.Add(20*time.Minute)); err != nil {
		t.Fatal(err)
	}
	got, err = s.Plan(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Actions) != 2 || got.Actions[0].ID != "a1" || got.Actions[1].ID != "a3" || !got.Updated.Equal(t0.Add(10*time.Minute)) {
		t.Errorf("after deleting a2: actions %+v, updated %v", got.Actions, got.Updated)
	}
	// A new action after a deletion goes last.
	a4 := plans.Action{ID: got.NextActionID(), CompetencyID: "basis-vormen", OwnText: "Lezen", Status: plans.StatusGepland}
	mustSaveAction(t, s, p.ID, a4, "", "", t0.Add(11*time.Minute))
	if got, _ := s.Plan(p.ID); len(got.Actions) != 3 || got.Actions[2].ID != "a4" {
		t.Errorf("after adding %s: %+v", a4.ID, got.Actions)
	}
	if err := got.Validate(nil, nil); err != nil {
		t.Errorf("stored plan does not validate: %v", err)
	}
}

// The same review imported twice is stored once; a review is checked
// against the plan's actions, and an action a review refers to cannot be
// deleted. Adding a review leaves the plan's Updated alone.
func TestReviewsImportIdempotent(t *testing.T) {
	s := openT(t, t.TempDir())
	defer s.Close()
	p := planFor(t, s, newSelfCheck(t, s))
	mustSaveAction(t, s, p.ID, plans.Action{ID: "a1", CompetencyID: "basis-vormen", OwnText: "Casus", Status: plans.StatusGepland}, "", "", t0.Add(time.Minute))
	mustSaveAction(t, s, p.ID, plans.Action{ID: "a2", CompetencyID: "basis-vormen", OwnText: "Lezen", Status: plans.StatusGepland}, "", "", t0.Add(2*time.Minute))
	before, _ := s.Plan(p.ID)

	r := plans.Review{UID: "0123456789abcdef0123456789abcdef", OnPlanUpdated: t0.Add(time.Minute),
		Reviewer: "Mw. De Vries", Date: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC), Setting: plans.SettingSupervisie,
		Overall: "Goed plan.", GapComments: map[string]string{"basis-vormen": "Let op digitaal geweld."},
		ActionComments: map[string]string{"a1": "Neem een echte casus."}, Agreed: map[string]bool{"a1": true, "a2": false},
		SignedOff: true}
	added, err := s.AddReview(p.ID, r, t0.Add(time.Hour))
	if err != nil || !added {
		t.Fatalf("AddReview = %v, %v; want true, nil", added, err)
	}
	changed := r
	changed.Overall = "Een andere tekst onder dezelfde UID."
	for i, again := range []plans.Review{r, changed} {
		if added, err := s.AddReview(p.ID, again, t0.Add(2*time.Hour)); err != nil || added {
			t.Errorf("import %d of the same UID = %v, %v; want false, nil", i+2, added, err)
		}
	}
	got, err := s.Reviews(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || !reflect.DeepEqual(got[0], r) {
		t.Errorf("Reviews = %+v; want only %+v", got, r)
	}

	// Entered here: no UID, no OnPlanUpdated, no comments.
	local := plans.Review{Reviewer: "Intervisiegroep Noord", Date: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC), Setting: plans.SettingIntervisie}
	if added, err := s.AddReview(p.ID, local, t0.Add(3*time.Hour)); err != nil || !added {
		t.Fatalf("AddReview(local) = %v, %v", added, err)
	}
	after, err := s.Plan(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !after.Updated.Equal(before.Updated) {
		t.Errorf("adding reviews moved Updated from %v to %v", before.Updated, after.Updated)
	}
	if len(after.Reviews) != 2 {
		t.Fatalf("plan has %d reviews; want 2", len(after.Reviews))
	}
	lr := after.Reviews[1]
	if !regexp.MustCompile(`^[0-9a-f]{32}$`).MatchString(lr.UID) || !lr.OnPlanUpdated.Equal(before.Updated) ||
		lr.GapComments != nil || lr.ActionComments != nil || lr.Agreed != nil {
		t.Errorf("local review = %+v; want a fresh UID, OnPlanUpdated %v, nil maps", lr, before.Updated)
	}
	if err := after.Validate(nil, nil); err != nil {
		t.Errorf("plan with reviews does not validate: %v", err)
	}

	bad := r
	bad.UID = "ander"
	bad.ActionComments = map[string]string{"a9": "bestaat niet"}
	if _, err := s.AddReview(p.ID, bad, t0); !errors.Is(err, ErrInvalid) || !strings.Contains(Explain(err).Error(), "a9") {
		t.Errorf("review on an unknown action: %v; want ErrInvalid naming a9", err)
	}
	for _, id := range []string{"a1", "a2"} {
		err := s.DeleteAction(p.ID, id, t0.Add(4*time.Hour))
		if !errors.Is(err, ErrInvalid) || !strings.Contains(Explain(err).Error(), "Mw. De Vries") {
			t.Errorf("DeleteAction(%s) referred to by a review: %v; want ErrInvalid naming the reviewer", id, err)
		}
	}
	if _, err := s.AddReview(p.ID+100, plans.Review{UID: "x", Reviewer: "X", Date: t0, Setting: plans.SettingIntervisie}, t0); !errors.Is(err, ErrNotFound) {
		t.Errorf("review of a missing plan: %v; want ErrNotFound", err)
	}
}

// Deleting a self-check deletes its plan with actions and reviews.
func TestPlanCascade(t *testing.T) {
	s := openT(t, t.TempDir())
	defer s.Close()
	scID := newSelfCheck(t, s)
	keepID := newSelfCheck(t, s)
	p := planFor(t, s, scID)
	keep := planFor(t, s, keepID)
	for _, pl := range []*plans.Plan{p, keep} {
		mustSaveAction(t, s, pl.ID, plans.Action{ID: "a1", CompetencyID: "c", OwnText: "x", Status: plans.StatusGepland}, "", "", t0)
		if _, err := s.AddReview(pl.ID, plans.Review{Reviewer: "R", Date: t0, Setting: plans.SettingWerkbegeleiding,
			Agreed: map[string]bool{"a1": true}}, t0); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.DeleteSelfCheck(scID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Plan(p.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Plan of deleted self-check: %v; want ErrNotFound", err)
	}
	if _, ok, err := s.PlanBySelfCheck(scID); ok || err != nil {
		t.Errorf("PlanBySelfCheck(deleted) = %v, %v", ok, err)
	}
	for _, table := range []string{"plan", "plan_action", "plan_review"} {
		var n int
		if err := s.db.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil || n != 1 {
			t.Errorf("%s has %d rows (%v); want 1, the other plan's", table, n, err)
		}
	}
	if got, err := s.Plan(keep.ID); err != nil || len(got.Actions) != 1 || len(got.Reviews) != 1 {
		t.Errorf("other plan after the cascade: %+v, %v", got, err)
	}
	if _, err := s.PlanFor(scID, t0); !errors.Is(err, ErrNotFound) {
		t.Errorf("PlanFor(deleted self-check): %v; want ErrNotFound", err)
	}
}

// Bad input is refused with a Dutch message before anything is written.
func TestPlanValidation(t *testing.T) {
	s := openT(t, t.TempDir())
	defer s.Close()
	p := planFor(t, s, newSelfCheck(t, s))
	ok := plans.Action{ID: "a1", CompetencyID: "basis-vormen", OwnText: "x", Status: plans.StatusGepland}
	cases := []struct {
		name   string
		action plans.Action
		title  string
		want   string
	}{
		{"no item, no text", plans.Action{ID: "a1", CompetencyID: "c", Status: plans.StatusGepland}, "", "beschrijf de actie zelf"},
		{"unknown status", plans.Action{ID: "a1", CompetencyID: "c", OwnText: "x", Status: "klaar"}, "", "geen bekende status"},
		{"no id", plans.Action{CompetencyID: "c", OwnText: "x", Status: plans.StatusGepland}, "", "geen id"},
		{"text too long", plans.Action{ID: "a1", CompetencyID: "c", OwnText: strings.Repeat("x", 2001), Status: plans.StatusGepland}, "", "te lang"},
		{"item without title", plans.Action{ID: "a1", CompetencyID: "c", ItemID: "eigen-x", Status: plans.StatusGepland}, "", "geen titel"},
		{"bad UTF-8", plans.Action{ID: "a1", CompetencyID: "c", OwnText: "x\xff", Status: plans.StatusGepland}, "", "tekens"},
	}
	for _, c := range cases {
		err := s.SaveAction(p.ID, c.action, c.title, "", t0.Add(time.Hour))
		if !errors.Is(err, ErrInvalid) || !strings.Contains(Explain(err).Error(), c.want) {
			t.Errorf("%s: %v; want ErrInvalid with %q", c.name, err, c.want)
		}
	}
	if err := s.SaveReflection(p.ID, strings.Repeat("é", 10001), t0.Add(time.Hour)); !errors.Is(err, ErrInvalid) || !strings.Contains(Explain(err).Error(), "reflectie") {
		t.Errorf("long reflection: %v", err)
	}
	if _, err := s.AddReview(p.ID, plans.Review{Reviewer: " ", Date: t0, Setting: "koffie"}, t0); !errors.Is(err, ErrInvalid) ||
		!strings.Contains(Explain(err).Error(), "bespreker") || !strings.Contains(Explain(err).Error(), "setting") {
		t.Errorf("bad review: %v; want both problems named", err)
	}
	got, err := s.Plan(p.ID)
	if err != nil || len(got.Actions) != 0 || got.Reflection != "" || len(got.Reviews) != 0 || !got.Updated.Equal(t0) {
		t.Errorf("refused input changed the plan: %+v, %v", got, err)
	}
	if err := s.SaveAction(p.ID+100, ok, "", "", t0); !errors.Is(err, ErrNotFound) {
		t.Errorf("SaveAction on a missing plan: %v; want ErrNotFound", err)
	}
	if err := s.SaveReflection(p.ID+100, "x", t0); !errors.Is(err, ErrNotFound) {
		t.Errorf("SaveReflection on a missing plan: %v; want ErrNotFound", err)
	}
	if _, err := s.PlanFor(12345, t0); !errors.Is(err, ErrNotFound) {
		t.Errorf("PlanFor(missing self-check): %v; want ErrNotFound", err)
	}
}

func ownItems(prefix string, n int) []plans.Item {
	items := make([]plans.Item, n)
	for i := range items {
		items[i] = plans.Item{ID: plans.OwnIDPrefix + prefix + "-" + string(rune('a'+i)), Title: prefix + " training " + string(rune('A'+i)),
			Provider: "Eigen academie", Kind: plans.KindTraining, Level: plans.LevelBasis,
			Competencies: []string{"basis-vormen"}, Source: "Eigen aanbod (" + prefix + ".csv)"}
	}
	items[0].Organisations = []string{"politie", "reclassering"}
	items[0].URL = "https://intranet.example/leren"
	items[0].Accreditation = plans.Accreditation{Register: "Registerplein", Points: 2.5}
	items[0].Description = "Met ‘aanhalingstekens’ en een\nregelovergang."
	items[0].Group = true
	return items
}

func withOrigin(items []plans.Item, origin string) []plans.Item {
	out := append([]plans.Item(nil), items...)
	for i := range out {
		out[i].Origin = origin
	}
	return out
}

// An own catalogue comes back item for item; a new import of the same
// origin replaces it whole and leaves other catalogues alone; removing it
// leaves the copied titles in plans.
func TestOwnCatalogueReplaceAndRemove(t *testing.T) {
	dir := t.TempDir()
	s := openT(t, dir)
	first, other := ownItems("ggd", 3), ownItems("wijkteam", 2)
	if err := s.SaveOwnCatalogue("ggd.csv", "ggd.csv", first, t0); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveOwnCatalogue("wijkteam.yaml", "wijkteam.yaml", other, t0.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	p := planFor(t, s, newSelfCheck(t, s))
	mustSaveAction(t, s, p.ID, plans.Action{ID: "a1", CompetencyID: "basis-vormen", ItemID: first[1].ID, Status: plans.StatusGepland},
		first[1].Title, first[1].Provider, t0)
	second := ownItems("ggd", 2)
	second[1].Title = "Nieuwe titel"
	if err := s.SaveOwnCatalogue("ggd.csv", "ggd-2026.csv", second, t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s = openT(t, dir)
	defer s.Close()
	got, err := s.OwnCatalogues()
	if err != nil {
		t.Fatal(err)
	}
	// The replaced catalogue is a new import: it comes after the others.
	want := []OwnCatalogue{
		{Origin: "wijkteam.yaml", FileName: "wijkteam.yaml", LoadedAt: t0.Add(time.Minute), Items: withOrigin(other, "wijkteam.yaml")},
		{Origin: "ggd.csv", FileName: "ggd-2026.csv", LoadedAt: t0.Add(time.Hour), Items: withOrigin(second, "ggd.csv")},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("OwnCatalogues:\n got %+v\nwant %+v", got, want)
	}

	if err := s.DeleteOwnCatalogue("ggd.csv"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteOwnCatalogue("ggd.csv"); err != nil {
		t.Errorf("deleting an absent catalogue: %v", err)
	}
	if got, err := s.OwnCatalogues(); err != nil || len(got) != 1 || got[0].Origin != "wijkteam.yaml" {
		t.Errorf("after delete: %+v, %v", got, err)
	}
	var n int
	if err := s.db.QueryRow("SELECT count(*) FROM own_catalogue_item").Scan(&n); err != nil || n != len(other) {
		t.Errorf("own_catalogue_item holds %d rows (%v); want %d", n, err, len(other))
	}
	if snaps, err := s.ItemSnapshots(p.ID); err != nil || snaps["a1"].Title != first[1].Title {
		t.Errorf("action title after removing its catalogue: %+v, %v; want %q", snaps, err, first[1].Title)
	}

	dup := ownItems("x", 2)
	dup[1].ID = dup[0].ID
	noPrefix := ownItems("x", 1)
	noPrefix[0].ID = "x-a"
	badKind := ownItems("x", 1)
	badKind[0].Kind = "webinar"
	for name, items := range map[string][]plans.Item{"empty": nil, "duplicate id": dup, "id without prefix": noPrefix, "unknown kind": badKind} {
		if err := s.SaveOwnCatalogue("wijkteam.yaml", "w.yaml", items, t0); !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: %v; want ErrInvalid", name, err)
		}
	}
	if got, err := s.OwnCatalogues(); err != nil || len(got) != 1 || !reflect.DeepEqual(got[0].Items, withOrigin(other, "wijkteam.yaml")) {
		t.Errorf("a refused import changed the stored catalogue: %+v, %v", got, err)
	}
}

// A read-only store reads plans, catalogues and the export, and refuses
// every write with ErrReadOnly.
func TestPlansReadOnly(t *testing.T) {
	dir := t.TempDir()
	s := openT(t, dir)
	defer s.Close()
	scID := newSelfCheck(t, s)
	p := planFor(t, s, scID)
	if err := s.SaveOwnCatalogue("a.csv", "a.csv", ownItems("a", 1), t0); err != nil {
		t.Fatal(err)
	}
	ro, err := OpenReadOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if got, err := ro.PlanFor(scID, t0); err != nil || got.UID != p.UID {
		t.Errorf("read-only PlanFor of an existing plan = %+v, %v", got, err)
	}
	if cats, err := ro.OwnCatalogues(); err != nil || len(cats) != 1 {
		t.Errorf("read-only OwnCatalogues = %v, %v", cats, err)
	}
	if err := ro.ExportAll(io.Discard); err != nil {
		t.Errorf("read-only ExportAll: %v", err)
	}
	a := plans.Action{ID: "a1", CompetencyID: "c", OwnText: "x", Status: plans.StatusGepland}
	_, reviewErr := ro.AddReview(p.ID, plans.Review{Reviewer: "R", Date: t0, Setting: plans.SettingSupervisie}, t0)
	_, planErr := ro.PlanFor(newSelfCheck(t, s), t0)
	for name, err := range map[string]error{
		"PlanFor (new)":      planErr,
		"SaveAction":         ro.SaveAction(p.ID, a, "", "", t0),
		"DeleteAction":       ro.DeleteAction(p.ID, "a1", t0),
		"SaveReflection":     ro.SaveReflection(p.ID, "x", t0),
		"AddReview":          reviewErr,
		"SaveOwnCatalogue":   ro.SaveOwnCatalogue("b.csv", "b.csv", ownItems("b", 1), t0),
		"DeleteOwnCatalogue": ro.DeleteOwnCatalogue("a.csv"),
	} {
		if !errors.Is(err, ErrReadOnly) {
			t.Errorf("read-only %s: %v; want ErrReadOnly", name, err)
		}
	}
}
