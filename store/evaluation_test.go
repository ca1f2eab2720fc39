package store

import (
	"testing"
	"time"

	"zelfscan/assessment"
	"zelfscan/plans"
)

// An action's rating and improvement point, with the choice to share it,
// are stored and read back; a database from before they existed is
// migrated with its actions unrated and nothing shared; a continued
// self-check takes them along; a rating off the scale is refused.
func TestEvaluationRatingAndRemark(t *testing.T) {
	dir := t.TempDir()
	before := len(migrations) - 1
	s, err := open(dir, options{migrations: migrations[:before]})
	if err != nil {
		t.Fatal(err)
	}
	sc, err := s.CreateSelfCheck(assessment.Profile{Organisation: "politie", Function: "uitvoerend"}, "2026.2", t0)
	if err != nil {
		t.Fatal(err)
	}
	// The plan and its action as the earlier schema holds them.
	stamp := formatTime(t0)
	res, err := s.db.Exec(`INSERT INTO plan (uid, self_check_id, created, updated) VALUES ('p-1', ?, ?, ?)`, sc.ID, stamp, stamp)
	if err != nil {
		t.Fatal(err)
	}
	planID, _ := res.LastInsertId()
	old := plans.Action{ID: "a1", CompetencyID: "basis-vormen", OwnText: "oud", Status: plans.StatusAfgerond,
		Evaluation: plans.Evaluation{Brought: "veel"}}
	if _, err := s.db.Exec(`INSERT INTO plan_action (plan_id, id, position, competency_id, own_text, status, eval_brought)
		VALUES (?, ?, 0, ?, ?, ?, ?)`, planID, old.ID, old.CompetencyID, old.OwnText, string(old.Status), old.Evaluation.Brought); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s = openT(t, dir)
	defer s.Close()
	p, err := s.PlanFor(sc.ID, t0)
	if err != nil {
		t.Fatal(err)
	}
	got := p
	if e := got.Actions[0].Evaluation; e.Brought != "veel" || e.Rating != 0 || e.Remark != "" || e.ShareRemark {
		t.Fatalf("migrated evaluation %+v", e)
	}

	rated := old
	rated.Evaluation = plans.Evaluation{Brought: "veel", Rating: 4, Remark: "Meer oefenen met gesprekken", ShareRemark: true}
	if err := s.SaveAction(p.ID, rated, "", "", t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if got, err = s.PlanFor(sc.ID, t0); err != nil {
		t.Fatal(err)
	}
	if e := got.Actions[0].Evaluation; e != rated.Evaluation || e.SharedRemark() != "Meer oefenen met gesprekken" {
		t.Fatalf("stored evaluation %+v, want %+v", e, rated.Evaluation)
	}

	next, err := s.CreateSelfCheckFrom(sc, nil, assessment.Profile{Organisation: "politie", Function: "leidinggevend"}, "2026.2", t0.Add(2*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	carried, err := s.PlanFor(next.ID, t0.Add(2*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(carried.Actions) != 1 || carried.Actions[0].Evaluation != rated.Evaluation {
		t.Errorf("continued plan's evaluation: %+v", carried.Actions)
	}

	for _, bad := range []plans.Evaluation{{Rating: 6}, {Rating: -1}, {ShareRemark: true}} {
		a := old
		a.Evaluation = bad
		if err := s.SaveAction(p.ID, a, "", "", t0); err == nil {
			t.Errorf("evaluation %+v was stored", bad)
		}
	}
}
