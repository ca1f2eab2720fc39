package plans

import (
	"strings"
	"testing"
	"time"
)

var day = time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)

func validPlan() *Plan {
	return &Plan{
		ID: 1, SelfCheckID: 7, Created: day, Updated: day.Add(time.Hour),
		Actions: []Action{
			{ID: "a1", CompetencyID: "basis-patronen", ItemID: "tr-intieme-terreur", TargetDate: day.AddDate(0, 3, 0), Status: StatusGepland},
			{ID: "a2", CompetencyID: "basis-eigen-bril", OwnText: "Casus inbrengen in intervisie", Status: StatusAfgerond,
				Evaluation: Evaluation{Brought: "Inzicht in mijn aannames", Changed: "Ik vraag eerder door", Better: "Vaker doen"}},
		},
		Reflection: "Ik wil patronen eerder zien.",
		Reviews: []Review{{
			Reviewer: "J. de Vries", Date: day.AddDate(0, 1, 0), Setting: SettingIntervisie,
			Overall:        "Goed plan.",
			GapComments:    map[string]string{"basis-patronen": "Begin hiermee."},
			ActionComments: map[string]string{"a1": "Plan de training voor de zomer."},
			Agreed:         map[string]bool{"a1": true, "a2": true},
			SignedOff:      true,
		}},
	}
}

func TestValidPlanPasses(t *testing.T) {
	if err := validPlan().Validate(testFramework(t), builtin(t)); err != nil {
		t.Fatal(err)
	}
}

func TestPlanValidationMessages(t *testing.T) {
	fw, cat := testFramework(t), builtin(t)
	cases := []struct {
		name   string
		change func(p *Plan)
		want   string
	}{
		{"geen aanbod en geen tekst", func(p *Plan) { p.Actions[0].ItemID = "" },
			"actie 1: kies aanbod uit de catalogus of beschrijf de actie zelf"},
		{"onbekende status", func(p *Plan) { p.Actions[1].Status = "klaar" },
			"actie 2: 'klaar' is geen bekende status (kies gepland, bezig of afgerond)"},
		{"dubbel id", func(p *Plan) { p.Actions[1].ID = "a1" },
			"actie 2: id 'a1' komt twee keer voor\nbespreking 1: afspraak over actie 'a2', die niet in het plan staat"},
		{"onbekende competentie", func(p *Plan) { p.Actions[0].CompetencyID = "basis-onbekend" },
			"actie 1: 'basis-onbekend' is geen bekende competentie"},
		{"onbekend aanbod", func(p *Plan) { p.Actions[0].ItemID = "weg" },
			"actie 1: aanbod 'weg' staat niet in de catalogus"},
		{"te lange evaluatie", func(p *Plan) { p.Actions[1].Evaluation.Better = strings.Repeat("x", 2001) },
			"actie 2: wat beter kan is te lang (2001 tekens, hoogstens 2000)"},
		{"bespreking zonder naam en datum", func(p *Plan) { p.Reviews[0].Reviewer, p.Reviews[0].Date = " ", time.Time{} },
			"bespreking 1: vul de naam van de bespreker in\nbespreking 1: vul de datum van de bespreking in"},
		{"onbekende setting", func(p *Plan) { p.Reviews[0].Setting = "coaching" },
			"bespreking 1: 'coaching' is geen bekende setting (kies intervisie, werkbegeleiding of supervisie)"},
		{"commentaar bij verdwenen actie", func(p *Plan) { p.Reviews[0].ActionComments["a9"] = "?"; p.Reviews[0].Agreed["a8"] = true },
			"bespreking 1: commentaar bij actie 'a9', die niet in het plan staat\nbespreking 1: afspraak over actie 'a8', die niet in het plan staat"},
		{"bijgewerkt voor gemaakt", func(p *Plan) { p.Updated = p.Created.Add(-time.Minute) },
			"het plan is eerder bijgewerkt dan gemaakt"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := validPlan()
			c.change(p)
			err := p.Validate(fw, cat)
			if err == nil {
				t.Fatal("geen fout")
			}
			if err.Error() != c.want {
				t.Errorf("fout\n%s\nverwacht\n%s", err, c.want)
			}
		})
	}
}

// Without framework or catalogue, references are not checked: a plan made
// with another version still validates on its own structure.
func TestPlanValidateWithoutReferences(t *testing.T) {
	p := validPlan()
	p.Actions[0].ItemID, p.Actions[0].CompetencyID = "uit-oude-versie", "oude-competentie"
	if err := p.Validate(nil, nil); err != nil {
		t.Fatal(err)
	}
}

func TestNextActionID(t *testing.T) {
	p := &Plan{}
	if id := p.NextActionID(); id != "a1" {
		t.Errorf("leeg plan: %s", id)
	}
	p.Actions = []Action{{ID: "a2"}, {ID: "a10"}, {ID: "x99"}, {ID: "a"}}
	if id := p.NextActionID(); id != "a11" {
		t.Errorf("na a10: %s", id)
	}
}

// Points come from the items' accreditation; an item chosen twice counts once.

func TestLabels(t *testing.T) {
	for _, s := range Statuses() {
		if StatusLabel(s) == string(s) {
			t.Errorf("status %s heeft geen label", s)
		}
	}
	for _, s := range Settings() {
		if SettingLabel(s) == string(s) {
			t.Errorf("setting %s heeft geen label", s)
		}
	}
	for _, k := range Kinds() {
		if KindLabel(k) == "" || !k.Valid() {
			t.Errorf("soort %s", k)
		}
	}
	for _, l := range Levels() {
		if LevelLabel(l) == string(l) {
			t.Errorf("niveau %s heeft geen label", l)
		}
	}
	if KindLabel(KindELearning) != "E-learning" || StatusLabel("onbekend") != "onbekend" {
		t.Error("labels kloppen niet")
	}
}

func TestPlanProgress(t *testing.T) {
	on := func(d int) time.Time { return time.Date(2026, 11, d, 0, 0, 0, 0, time.UTC) }
	p := &Plan{
		Actions: []Action{{Status: StatusGepland}, {Status: StatusAfgerond}, {Status: StatusBezig}, {Status: StatusAfgerond}, {Status: "onbekend"}},
		Reviews: []Review{{Reviewer: "eerste", Date: on(3)}, {Reviewer: "laatste", Date: on(20)}, {Reviewer: "midden", Date: on(10)}},
	}
	pr := p.Progress()
	if pr.Planned != 2 || pr.Busy != 1 || pr.Done != 2 || pr.Actions() != 5 {
		t.Errorf("progress %+v, want 2 planned (one unknown), 1 busy, 2 done", pr)
	}
	if pr.LastReview == nil || pr.LastReview.Reviewer != "laatste" {
		t.Errorf("last review %+v, want the one of the 20th", pr.LastReview)
	}
	if empty := (&Plan{}).Progress(); empty.Actions() != 0 || empty.LastReview != nil {
		t.Errorf("empty plan: %+v", empty)
	}
}
