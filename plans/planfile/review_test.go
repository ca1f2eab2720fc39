package planfile

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"zelfscan/assessment"
	"zelfscan/plans"
)

// ownPlan is the plan on the owner's computer that sample(t) was exported from.
func ownPlan(f *File) *plans.Plan {
	p := &plans.Plan{UID: f.PlanUID, Created: f.PlanCreated, Updated: f.PlanUpdated, Reflection: f.Reflection}
	for _, a := range f.Actions {
		p.Actions = append(p.Actions, a.plansAction())
	}
	return p
}

func TestAddReview(t *testing.T) {
	f := sample(t)
	comp := f.Competencies[0].ID
	good := Review{Reviewer: "J. Jansen", Date: t0, Setting: plans.SettingSupervisie,
		GapComments: map[string]string{comp: "oefenen"}, ActionComments: map[string]string{"a2": "mooi"}}
	before := len(f.Reviews)
	if err := f.AddReview(good); err != nil {
		t.Fatal(err)
	}
	r := f.Reviews[before]
	if !regexp.MustCompile(`^[0-9a-f]{32}$`).MatchString(r.UID) || !r.OnPlanUpdated.Equal(f.PlanUpdated) {
		t.Fatalf("UID %q, OnPlanUpdated %v; want 32 hex digits and %v", r.UID, r.OnPlanUpdated, f.PlanUpdated)
	}
	good.GapComments[comp] = "later gewijzigd"
	if f.Reviews[before].GapComments[comp] != "oefenen" {
		t.Fatal("the file shares the caller's map")
	}
	for _, c := range []struct {
		name   string
		change func(*Review)
		want   string
	}{
		{"no reviewer", func(r *Review) { r.Reviewer = " " }, "vul de naam van de bespreker in"},
		{"no date", func(r *Review) { r.Date = time.Time{} }, "vul de datum van de bespreking in"},
		{"year 9999", func(r *Review) { r.Date = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC) }, "ligt niet tussen 2000 en 2100"},
		{"unknown setting", func(r *Review) { r.Setting = "borrel" }, "'borrel' is geen bekende setting"},
		{"unknown competency", func(r *Review) { r.GapComments = map[string]string{"verzonnen": "x"} }, "commentaar bij 'verzonnen'"},
		{"unknown action", func(r *Review) { r.ActionComments = map[string]string{"a7": "x"} }, "commentaar bij actie 'a7'"},
		{"same UID twice", func(r *Review) { r.UID = "review-1" }, "staat al in het leerplan"},
	} {
		r := Review{Reviewer: "J. Jansen", Date: t0, Setting: plans.SettingIntervisie}
		c.change(&r)
		n := len(f.Reviews)
		if err := f.AddReview(r); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.name, err, c.want)
		}
		if len(f.Reviews) != n {
			t.Errorf("%s: a refused review was added", c.name)
		}
	}
	if err := f.Validate(); err != nil {
		t.Fatalf("file with an added review is invalid: %v", err)
	}
}

func TestCheckReviewVerdicts(t *testing.T) {
	f := sample(t)
	t.Run("fine, then already imported", func(t *testing.T) {
		own := ownPlan(f)
		v, err := CheckReview(own, f)
		if err != nil || v.Kind != Fine || v.New != 1 || v.Message.Error() != "Er wordt 1 bespreking toegevoegd." {
			t.Fatalf("%+v, %v", v, err)
		}
		own.Reviews = append(own.Reviews, NewReviews(own.Reviews, f)...)
		v, err = CheckReview(own, f)
		if err != nil || v.Kind != AlreadyImported || v.Message.Error() != "Deze bespreking is al toegevoegd; er verandert niets." {
			t.Fatalf("second time: %+v, %v", v, err)
		}
	})
	t.Run("not theirs", func(t *testing.T) {
		own := ownPlan(f)
		own.UID = "someone-else"
		v, err := CheckReview(own, f)
		if err != nil || v.Kind != NotTheirs || !strings.Contains(v.Message.Error(), "hoort bij een ander leerplan (van Zoë Çelik)") {
			t.Fatalf("%+v, %v", v, err)
		}
		g := *f
		g.Profile.Name = ""
		v, _ = CheckReview(own, &g)
		if !strings.Contains(v.Message.Error(), "(van Uitvoerend professional, Politie)") {
			t.Fatalf("anonymous owner: %q", v.Message.Error())
		}
	})
	t.Run("older version", func(t *testing.T) {
		own := ownPlan(f)
		own.Updated = f.PlanUpdated.Add(time.Hour)
		own.Actions = own.Actions[1:] // a1 removed since the review
		v, err := CheckReview(own, f)
		if err != nil || v.Kind != OlderVersion || v.New != 1 {
			t.Fatalf("%+v, %v", v, err)
		}
		if len(v.Gone) != 1 || !strings.HasPrefix(v.Gone[0], "a1 (") || len(v.Changed) != 0 {
			t.Fatalf("gone %v, changed %v", v.Gone, v.Changed)
		}
		if !strings.Contains(v.Message.Error(), "oudere versie") || !strings.Contains(v.Message.Error(), "Niet meer in het plan: a1 (") ||
			!strings.Contains(v.Message.Error(), "toch toevoegen") {
			t.Fatalf("message %q", v.Message.Error())
		}
		own = ownPlan(f)
		own.Updated = f.PlanUpdated.Add(time.Hour)
		own.Actions[0].Status = plans.StatusAfgerond
		v, _ = CheckReview(own, f)
		if len(v.Changed) != 1 || !strings.HasPrefix(v.Changed[0], "a1 (") || len(v.Gone) != 0 {
			t.Fatalf("changed action not named: %+v", v)
		}
	})
	t.Run("sub-second precision lost in storage", func(t *testing.T) {
		own := ownPlan(f)
		g := *f
		g.Reviews = []Review{f.Reviews[0]}
		g.Reviews[0].OnPlanUpdated = f.PlanUpdated.Truncate(time.Second)
		own.Updated = f.PlanUpdated.Truncate(time.Second).Add(400 * time.Millisecond)
		if v, _ := CheckReview(own, &g); v.Kind != Fine {
			t.Fatalf("kind %v", v.Kind)
		}
	})
	t.Run("nothing to add", func(t *testing.T) {
		g := *f
		g.Reviews = nil
		if _, err := CheckReview(ownPlan(f), &g); err == nil || !strings.Contains(err.Error(), "nog geen bespreking") {
			t.Fatalf("err = %v", err)
		}
	})
}

// Importing reviews adds them once and leaves ratings, notes and actions alone.
func TestNewReviewsIdempotent(t *testing.T) {
	f := sample(t)
	if err := f.AddReview(Review{Reviewer: "J. Jansen", Date: t0, Setting: plans.SettingWerkbegeleiding, SignedOff: true}); err != nil {
		t.Fatal(err)
	}
	own := ownPlan(f)
	own.Reviews = []plans.Review{f.Reviews[0].Plans()} // the first was imported before
	before := *own
	before.Actions = append([]plans.Action(nil), own.Actions...)
	fileBefore := encode(t, f)

	add := NewReviews(own.Reviews, f)
	if len(add) != 1 || add[0].UID != f.Reviews[1].UID || !add[0].SignedOff || add[0].Setting != plans.SettingWerkbegeleiding {
		t.Fatalf("added %+v", add)
	}
	own.Reviews = append(own.Reviews, add...)
	if again := NewReviews(own.Reviews, f); len(again) != 0 {
		t.Fatalf("second import adds %d", len(again))
	}
	if !reflect.DeepEqual(own.Actions, before.Actions) || own.Reflection != before.Reflection || !own.Updated.Equal(before.Updated) {
		t.Fatal("importing changed the plan's own data")
	}
	if string(encode(t, f)) != string(fileBefore) {
		t.Fatal("importing changed the file")
	}
	if err := own.Validate(nil, nil); err != nil {
		t.Fatalf("plan with imported reviews invalid: %v", err)
	}
	if r := ReviewOf(add[0]); !reflect.DeepEqual(r, f.Reviews[1]) {
		t.Fatalf("ReviewOf(Plans()) is not the identity: %+v", r)
	}
}

// A review stored before reviews had a UID gets the same derived UID on
// every export, so importing two exports of it adds it once.
func TestBuildGivesOldReviewsStableUID(t *testing.T) {
	fw, cat := realData(t)
	sc := &assessment.SelfCheck{Profile: assessment.Profile{Organisation: "om", Function: "uitvoerend"}}
	plan := &plans.Plan{UID: "p", Created: t0, Updated: t0, Reviews: []plans.Review{
		{Reviewer: "J. Jansen", Date: t0, Setting: plans.SettingSupervisie},
		{UID: "eigen", Reviewer: "K. de Boer", Date: t0, Setting: plans.SettingIntervisie},
	}}
	build := func() *File {
		f, err := Build(Source{Framework: fw, Catalogue: cat, SelfCheck: sc, Plan: plan}, t0)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	a, b := build(), build()
	if a.PlanUID != "p" || len(a.Reviews) != 2 || a.Reviews[0].UID == "" || a.Reviews[0].UID != b.Reviews[0].UID || a.Reviews[1].UID != "eigen" {
		t.Fatalf("reviews %+v", a.Reviews)
	}
	if err := a.Validate(); err != nil {
		t.Fatal(err)
	}
}
