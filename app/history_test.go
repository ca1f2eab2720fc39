package app

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"zelfscan/plans"
	"zelfscan/store"
)

func TestHistoryListsNewestFirst(t *testing.T) {
	f := newResultsFixture(t)
	// Created out of date order, so the order on screen comes from the dates.
	mid := f.selfCheck(t, "uitvoerend", 10, map[string]int{"b1-1": 1})
	old := f.selfCheck(t, "uitvoerend", 0, nil)
	newest := f.selfCheck(t, "leidinggevende", 20, map[string]int{"b1-1": 1, "b1-2": 2, "r1-1": 3})
	f.u.showHistory()
	saveCapture(t, f.w, "history")
	view := onlyView[*historyView](t, f.w)

	want := []int64{newest, mid, old}
	if len(view.rows) != len(want) {
		t.Fatalf("history shows %d rows, want %d", len(view.rows), len(want))
	}
	for i, id := range want {
		if view.rows[i].id != id {
			t.Errorf("row %d is self-check %d, want %d", i, view.rows[i].id, id)
		}
	}
	// Leidinggevende asks b1 b2 v1 r1: 8 indicators, 3 answered.
	if d := view.rows[0].detail.Text; !strings.Contains(d, "3 van 8 uitspraken") || !strings.Contains(d, "Sam") {
		t.Errorf("newest row detail %q lacks name or completeness 3 van 8", d)
	}
	if ti := view.rows[0].title.Text; !strings.Contains(ti, "22-03-2026") || !strings.Contains(ti, "Politie, Leidinggevende") {
		t.Errorf("newest row title %q lacks date or profile", ti)
	}
	// The comparison defaults to the two newest.
	if view.before.SelectedIndex() != 1 || view.after.SelectedIndex() != 0 {
		t.Errorf("comparison preselects %d and %d, want 1 (earlier) and 0 (later)", view.before.SelectedIndex(), view.after.SelectedIndex())
	}

	// Enter opens a row, as it does every button of the app.
	view.rows[1].open.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := f.u.app.Preferences().String(prefLastScreen); got != screenResults {
		t.Fatalf("opening a row shows %q, want results", got)
	}
	if got := f.u.app.Preferences().Int(prefSelfCheck); got != int(mid) {
		t.Errorf("opened self-check %d, want %d", got, mid)
	}
}

func TestHistoryMarksOtherFrameworkVersion(t *testing.T) {
	f := newResultsFixture(t)
	f.selfCheck(t, "uitvoerend", 0, nil)
	f.fw.Version = "t2" // the app moved on since the self-check was made
	f.u.showHistory()
	view := onlyView[*historyView](t, f.w)
	if d := view.rows[0].detail.Text; !strings.Contains(d, "t1") || !strings.Contains(d, "versie t2") {
		t.Errorf("detail %q does not say the self-check used t1 and the app t2", d)
	}
	if view.compare != nil {
		t.Error("one self-check offers a comparison")
	}
}

func TestHistoryComparisonShowsGrowthAndDecline(t *testing.T) {
	f := newResultsFixture(t)
	// Earlier as uitvoerend (b1 b2 o1 p1 v1), later as leidinggevende
	// (b1 b2 v1 r1). b1: (1+1)/2=1 → (3+2)/2=2 groei; b2: (2+3)/2=2 →
	// (1+1)/2=1 achteruitgang; v1: 2 → (2+3)/2=2 gelijk. o1 and p1 only
	// earlier, r1 only later.
	f.selfCheck(t, "uitvoerend", 0, map[string]int{
		"b1-1": 1, "b1-2": 1, "b2-1": 2, "b2-2": 3, "v1-1": 2, "v1-2": 2,
	})
	f.selfCheck(t, "leidinggevende", 30, map[string]int{
		"b1-1": 3, "b1-2": 2, "b2-1": 1, "b2-2": 1, "v1-1": 2, "v1-2": 3, "r1-1": 1, "r1-2": 1,
	})
	f.u.showHistory()
	test.Tap(onlyView[*historyView](t, f.w).compare)
	saveCapture(t, f.w, "compare")
	view := onlyView[*comparisonView](t, f.w)

	want := []struct{ title, before, after, trend string }{
		{"Vormen van geweld", "1 Basis", "2 Toepassen", "groei"},
		{"Patronen zien", "2 Toepassen", "1 Basis", "achteruitgang"},
		{"Wetgeving", "2 Toepassen", "2 Toepassen", "gelijk"},
	}
	if len(view.changes) != len(want) {
		t.Fatalf("comparison has %d rows, want %d", len(view.changes), len(want))
	}
	for i, w := range want {
		r := view.changes[i]
		if r.title.Text != w.title || r.before.Text != w.before || r.after.Text != w.after || r.trend.Text != w.trend {
			t.Errorf("row %d: %q %q→%q %q, want %q %q→%q %q", i,
				r.title.Text, r.before.Text, r.after.Text, r.trend.Text, w.title, w.before, w.after, w.trend)
		}
	}
	if got := labelTexts(view.onlyBefore); strings.Join(got, "|") != "Triage|Risico-inschatting" {
		t.Errorf("only in the earlier self-check: %v, want Triage and Risico-inschatting", got)
	}
	if got := labelTexts(view.onlyAfter); strings.Join(got, "|") != "Reflectie in het team" {
		t.Errorf("only in the later self-check: %v, want Reflectie in het team", got)
	}
}

func TestHistoryComparisonPutsChoicesInDateOrder(t *testing.T) {
	f := newResultsFixture(t)
	f.selfCheck(t, "uitvoerend", 0, map[string]int{"b1-1": 0, "b1-2": 0})
	f.selfCheck(t, "uitvoerend", 5, map[string]int{"b1-1": 3, "b1-2": 3})
	f.u.showHistory()
	hv := onlyView[*historyView](t, f.w)
	// Chosen the wrong way round: still earlier → later, so growth.
	hv.before.SetSelectedIndex(0)
	hv.after.SetSelectedIndex(1)
	test.Tap(hv.compare)
	view := onlyView[*comparisonView](t, f.w)
	if len(view.changes) == 0 || view.changes[0].trend.Text != "groei" {
		t.Errorf("first row after choosing in reverse: %+v, want groei", view.changes)
	}
}

func TestHistoryDeleteAsksFirst(t *testing.T) {
	f := newResultsFixture(t)
	keep := f.selfCheck(t, "uitvoerend", 0, nil)
	gone := f.selfCheck(t, "uitvoerend", 1, map[string]int{"b1-1": 2})
	f.u.showHistory()
	view := onlyView[*historyView](t, f.w)
	if view.rows[0].id != gone {
		t.Fatalf("newest row is %d, want %d", view.rows[0].id, gone)
	}

	// Cancel keeps it.
	test.Tap(view.rows[0].remove)
	d := f.w.Canvas().Overlays().Top()
	if d == nil {
		t.Fatal("deleting shows no confirmation")
	}
	test.Tap(gatherButton(t, d, "Annuleren"))
	if _, err := f.st.SelfCheck(gone); err != nil {
		t.Fatalf("cancelled delete removed the self-check: %v", err)
	}

	test.Tap(view.rows[0].remove)
	d = f.w.Canvas().Overlays().Top()
	if d == nil {
		t.Fatal("deleting shows no confirmation the second time")
	}
	test.Tap(gatherButton(t, d, "Verwijderen"))
	if _, err := f.st.SelfCheck(gone); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("after confirming, loading it gives %v, want ErrNotFound", err)
	}
	view = onlyView[*historyView](t, f.w)
	if len(view.rows) != 1 || view.rows[0].id != keep {
		t.Errorf("history after delete shows %d rows, want only %d", len(view.rows), keep)
	}
}

func TestHistoryEmpty(t *testing.T) {
	f := newResultsFixture(t)
	f.u.showHistory()
	view := onlyView[*historyView](t, f.w)
	if len(view.rows) != 0 || view.compare != nil {
		t.Errorf("empty history shows %d rows, compare %v", len(view.rows), view.compare != nil)
	}
	found := false
	for _, l := range gatherObjects[*widget.Label](view) {
		found = found || strings.Contains(l.Text, "nog geen zelfscans")
	}
	if !found {
		t.Error("empty history does not say there are no self-checks yet")
	}
}

// Each row says how its plan stands: none yet, or its actions by status and
// the latest review.
func TestHistoryShowsPlanStatus(t *testing.T) {
	f := newResultsFixture(t)
	without := f.selfCheck(t, "uitvoerend", 0, nil)
	with := f.selfCheck(t, "uitvoerend", 10, nil)
	now := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
	p, err := f.st.PlanFor(with, now)
	if err != nil {
		t.Fatal(err)
	}
	for i, st := range []plans.Status{plans.StatusGepland, plans.StatusAfgerond, plans.StatusBezig, plans.StatusAfgerond} {
		a := plans.Action{ID: fmt.Sprintf("a%d", i+1), CompetencyID: "b1", OwnText: "oefenen", Status: st}
		if err := f.st.SaveAction(p.ID, a, "", "", now); err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range []plans.Review{
		{UID: "r1", Reviewer: "Jan", Date: time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC), Setting: plans.Settings()[0]},
		{UID: "r2", Reviewer: "Petra", Date: time.Date(2026, 11, 18, 10, 0, 0, 0, time.UTC), Setting: plans.Settings()[0], SignedOff: true},
	} {
		if _, err := f.st.AddReview(p.ID, r, now); err != nil {
			t.Fatal(err)
		}
	}
	f.u.showHistory()
	view := onlyView[*historyView](t, f.w)
	rows := map[int64]string{}
	for _, r := range view.rows {
		rows[r.id] = r.plan.Text
	}
	if got := rows[without]; got != "Nog geen leerplan" {
		t.Errorf("self-check without plan: %q", got)
	}
	if got, want := rows[with], "Leerplan: 4 acties, 1 gepland, 1 bezig, 2 afgerond · laatst besproken op 18-11-2026 met Petra, afgetekend"; got != want {
		t.Errorf("plan status %q, want %q", got, want)
	}
}
