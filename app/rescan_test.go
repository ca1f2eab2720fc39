package app

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"zelfscan/app/widgets"
	"zelfscan/assessment"
	"zelfscan/plans"
)

// The start screen says when the next self-check is due, six months after
// the last one answered, and says plainly when that day has come; nothing
// before the first self-check.
func TestStartScreenSaysWhenTheNextSelfCheckIsDue(t *testing.T) {
	f := newUIFixture(t)
	f.u.ShowStart()
	if showsText(f.w, "Uw volgende zelfscan") {
		t.Fatal("a next self-check is announced before the first one")
	}
	fw := f.u.fw()
	org := fw.Organisations[0].ID
	fn := fw.FunctionsFor(org)[0].ID
	req, err := fw.Required(org, fn)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := f.u.store.CreateSelfCheck(assessment.Profile{Organisation: org, Function: fn}, fw.Version, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.u.store.SaveRating(sc.ID, req[0].Indicators[0].ID, assessment.Rating{Level: 1, At: fixedNow}); err != nil {
		t.Fatal(err)
	}
	next := plans.NextSelfCheck(fixedNow, plans.DefaultRescanMonths)

	f.u.now = func() time.Time { return fixedNow.AddDate(0, 3, 0) }
	f.u.ShowStart()
	if !showsText(f.w, "Uw volgende zelfscan staat gepland op "+formatDate(next)+".") {
		t.Errorf("three months on, the start screen shows %q", visibleTexts(f.w))
	}
	f.u.now = func() time.Time { return next }
	f.u.ShowStart()
	f.w.Resize(MinSize())
	saveCapture(t, f.w, "start-rescan-due")
	allInside(t, f.w)
	if !showsText(f.w, "Uw volgende zelfscan is aan de beurt (gepland op "+formatDate(next)+"). Een nieuwe zelfscan laat zien wat uw leerplan heeft opgeleverd.") {
		t.Errorf("on the day, the start screen shows %q", visibleTexts(f.w))
	}
}

// The plan screen names the next self-check's day and writes the plan's
// dates as a calendar file that holds the action's target date and that
// day.
func TestPlanScreenAgendaFile(t *testing.T) {
	f := newPlanFixture(t, 0)
	f.u.showPlan(f.id)
	ps := f.u.plan
	next := plans.NextSelfCheck(ps.sc.Updated, plans.DefaultRescanMonths)
	ps.scroll.ScrollToBottom()
	saveCapture(t, f.w, "plan-agenda")
	if !showsText(f.w, "Uw volgende zelfscan: "+formatDate(next)+". Zet de streefdatums van uw acties en de datum van uw volgende zelfscan in uw agenda: Outlook, Google en Apple kunnen het bestand importeren.") {
		t.Fatalf("the plan screen does not name the next self-check: %q", visibleTexts(f.w))
	}
	target := planDay.AddDate(0, 2, 0)
	a := plans.Action{ID: "a1", CompetencyID: ps.gaps[0].Competency.ID, OwnText: "Meelopen met de zedenrechercheur", TargetDate: target, Status: plans.StatusGepland}
	if err := f.st.SaveAction(ps.plan.ID, a, "", "", planDay); err != nil {
		t.Fatal(err)
	}
	f.u.showPlan(f.id)
	path := filepath.Join(t.TempDir(), "leerplan.ics")
	f.u.exportAgenda(f.u.plan, path)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"BEGIN:VCALENDAR\r\n", "DTSTART;VALUE=DATE:" + target.Format("20060102"), "SUMMARY:Leerplan: Meelopen met de zedenrechercheur",
		"DTSTART;VALUE=DATE:" + next.Format("20060102"), "SUMMARY:Volgende zelfscan GGG"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the calendar file lacks %q", want)
		}
	}
}

// The history follows each competency through the self-checks, oldest
// first, as averages against the required level.
func TestHistoryShowsGrowthPerCompetency(t *testing.T) {
	f := newUIFixture(t)
	fw := f.u.fw()
	org := fw.Organisations[0].ID
	fn := fw.FunctionsFor(org)[0].ID
	req, err := fw.Required(org, fn)
	if err != nil {
		t.Fatal(err)
	}
	for k, level := range []int{0, 2} {
		at := fixedNow.AddDate(0, 6*k, 0)
		sc, err := f.u.store.CreateSelfCheck(assessment.Profile{Organisation: org, Function: fn}, fw.Version, at)
		if err != nil {
			t.Fatal(err)
		}
		for _, ind := range req[0].Indicators {
			if err := f.u.store.SaveRating(sc.ID, ind.ID, assessment.Rating{Level: level, At: at}); err != nil {
				t.Fatal(err)
			}
		}
	}
	f.u.showHistory()
	f.w.Resize(MinSize())
	saveCapture(t, f.w, "history-growth")
	want := fmt.Sprintf("0,0 → 2,0 (vereist %d)", req[0].Level)
	// Competencies neither self-check answered are left out.
	if !showsText(f.w, want) || showsText(f.w, "– → – (vereist 1)") {
		t.Errorf("the history does not show %q: %q", want, visibleTexts(f.w))
	}
}

// A finished action is rated for usefulness and may get an improvement
// point, shared only when ticked and never while empty.
func TestEvaluationRatingAndSharedRemark(t *testing.T) {
	f := newPlanFixture(t, 0)
	f.u.showPlan(f.id)
	ps := f.u.plan
	a := plans.Action{ID: "a1", CompetencyID: ps.gaps[0].Competency.ID, OwnText: "Meelopen", Status: plans.StatusAfgerond}
	if err := f.st.SaveAction(ps.plan.ID, a, "", "", planDay); err != nil {
		t.Fatal(err)
	}
	f.u.showPlan(f.id)
	stored := func() plans.Evaluation {
		p, err := f.st.PlanFor(f.id, planDay)
		if err != nil {
			t.Fatal(err)
		}
		return p.Actions[0].Evaluation
	}
	share := findAll[*widget.Check](f.w)
	if len(share) != 1 {
		t.Fatalf("%d share boxes", len(share))
	}
	test.Tap(share[0])
	if share[0].Checked || stored().ShareRemark {
		t.Fatal("an empty improvement point was shared")
	}
	dismiss(f.w)

	var rating *widgets.KeySelect
	for _, s := range findAll[*widgets.KeySelect](f.w) {
		if slices.Contains(s.Options, "4 – goed bruikbaar") {
			rating = s
		}
	}
	if rating == nil {
		t.Fatal("no usefulness rating on a finished action")
	}
	rating.SetSelected("4 – goed bruikbaar")
	var remark *shortcutEntry
	for _, t := range f.u.plan.texts {
		if t.entry.PlaceHolder == "Wat ontbrak, of wat zou het aanbod beter maken?" {
			remark = t.entry
		}
	}
	if remark == nil {
		t.Fatal("no improvement point on a finished action")
	}
	typeInto(f.w, remark, "Meer oefenen met echte casussen")
	test.Tap(share[0])
	saveCapture(t, f.w, "plan-evaluation")
	if e := stored(); e.Rating != 4 || e.Remark != "Meer oefenen met echte casussen" || !e.ShareRemark {
		t.Errorf("stored evaluation %+v", e)
	}
}

// allInside fails for a widget on screen that lies left of the window or
// reaches past its right edge: a layout that lost its pairs (a form with an
// odd number of cells) draws its buttons half outside the window.
func allInside(t *testing.T, w fyne.Window) {
	t.Helper()
	width := w.Canvas().Size().Width
	d := fyne.CurrentApp().Driver()
	for _, o := range onScreen(w) {
		if _, ok := o.(fyne.Widget); !ok || !o.Visible() {
			continue
		}
		p := d.AbsolutePositionForObject(o)
		if p.X < 0 || p.X+o.Size().Width > width+1 {
			t.Errorf("%T at x %.0f, %.0f wide, is outside the %.0f px window", o, p.X, o.Size().Width, width)
		}
	}
}
