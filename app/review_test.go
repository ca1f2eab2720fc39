package app

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"zelfscan/assessment"
	"zelfscan/assets"
	"zelfscan/documents/pdf"
	"zelfscan/plans"
	"zelfscan/plans/planfile"
	"zelfscan/store"
	"zelfscan/workspace"
)

var reviewDay = time.Date(2026, 6, 10, 9, 0, 0, 0, time.UTC)

// professional is someone with a self-check and a plan in their own store.
type professional struct {
	u  *UI
	w  fyne.Window
	st *store.Store
	id int64
	// gap is the first gap's competency; the plan has actions a1 and a2 on it.
	gap string
}

// newProfessional stores a police officer's self-check on the real
// framework with every statement at level want, a note, a reflection and
// two actions on the first gap.
func newProfessional(t *testing.T, a fyne.App, name string, want int) *professional {
	t.Helper()
	fw, err := assessment.Load(assets.Files, assets.FrameworkDir)
	if err != nil {
		t.Fatal(err)
	}
	p := &professional{st: openTestStore(t)}
	sc, req := storePoliceSelfCheck(t, p.st, fw, name, want, reviewDay)
	p.id = sc.ID
	p.w = test.NewWindow(nil)
	t.Cleanup(p.w.Close)
	p.w.Resize(MinSize())
	p.u = New(a, p.w, fw, p.st)
	p.u.now = func() time.Time { return reviewDay }
	if err := p.st.SaveNote(sc.ID, req[0].Competency.ID, "GEHEIM notitie van "+name, reviewDay); err != nil {
		t.Fatal(err)
	}
	plan, err := p.st.PlanFor(sc.ID, reviewDay)
	if err != nil {
		t.Fatal(err)
	}
	p.gap = assessment.Analyse(req, mustSelfCheck(t, p.st, sc.ID)).Gaps[0].Competency.ID
	for _, act := range []plans.Action{
		{ID: "a1", CompetencyID: p.gap, OwnText: "Meelopen met een collega van Veilig Thuis.", Status: plans.StatusBezig},
		{ID: "a2", CompetencyID: p.gap, OwnText: "Een casus inbrengen in de intervisie.", Status: plans.StatusGepland},
	} {
		if err := p.st.SaveAction(plan.ID, act, "", "", reviewDay); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.st.SaveReflection(plan.ID, "GEHEIM reflectie van "+name, reviewDay); err != nil {
		t.Fatal(err)
	}
	return p
}

func mustSelfCheck(t *testing.T, st *store.Store, id int64) *assessment.SelfCheck {
	t.Helper()
	sc, err := st.SelfCheck(id)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// export writes the professional's plan as a plan file or a plan PDF, the
// way the plan editor does.
func (p *professional) export(t *testing.T, path string) {
	t.Helper()
	ps, err := p.u.loadPlan(p.id)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Ext(path) == ".pdf" {
		f, err := p.u.buildPlanFile(ps)
		if err != nil {
			t.Fatal(err)
		}
		if err := workspace.WritePlanPDF(path, f, reviewDay); err != nil {
			t.Fatal(err)
		}
		return
	}
	p.u.exportPlanFile(ps, path)
	if !showsText(p.w, "Planbestand bewaard") {
		t.Fatalf("exporting the plan file shows %q", visibleTexts(p.w))
	}
	dismiss(p.w)
}

// state is what a review must never change: ratings, notes, actions, reflection.
func (p *professional) state(t *testing.T) (*assessment.SelfCheck, *plans.Plan) {
	t.Helper()
	plan, ok, err := p.st.PlanBySelfCheck(p.id)
	if err != nil || !ok {
		t.Fatalf("plan: %v %v", ok, err)
	}
	return mustSelfCheck(t, p.st, p.id), plan
}

// dismiss closes every dialog.
func dismiss(w fyne.Window) {
	for w.Canvas().Overlays().Top() != nil {
		w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	}
}

// typeIn focuses an entry and types text into it.
func typeIn(w fyne.Window, e fyne.Focusable, text string) {
	w.Canvas().Focus(e)
	test.Type(e, text)
	w.Canvas().Unfocus()
}

// openReview opens path in review mode on the supervisor's UI, a day after
// the professional's export.
func openReview(t *testing.T, sup *uiFixture, path string) *reviewState {
	t.Helper()
	sup.u.now = func() time.Time { return reviewDay.Add(24 * time.Hour) }
	sup.u.openForReview(path)
	sup.u.busy.Wait()
	if sup.u.review == nil {
		t.Fatalf("review mode did not open; screen shows %q", visibleTexts(sup.w))
	}
	return sup.u.review
}

// superviseAndSave opens path in review mode on the supervisor's UI, fills
// in the discussion and saves it to out.
func superviseAndSave(t *testing.T, sup *uiFixture, path, out, gap string) {
	t.Helper()
	rs := openReview(t, sup, path)
	for _, want := range []string{"Plan ter bespreking", "Zoë de Vries", "uw eigen zelfscans en plannen veranderen niet",
		"Meelopen met een collega van Veilig Thuis.", "GEHEIM reflectie"} {
		if !showsText(sup.w, want) {
			t.Errorf("review mode does not show %q", want)
		}
	}
	typeIn(sup.w, rs.gapNotes[gap], "Begin hier, dit komt vaak voor.")
	typeIn(sup.w, rs.actionNotes["a1"], "Goed idee, plan het voor juli.")
	test.Tap(rs.agreed["a1"])
	typeIn(sup.w, rs.reviewer, "Joost Bakker")
	typeIn(sup.w, rs.overall, "Helder plan.")
	rs.setting.SetSelectedIndex(2)
	test.Tap(rs.signedOff)
	if rs.saved {
		t.Error("the form counts as saved after typing")
	}
	sup.u.saveReview(rs, out, filepath.Ext(out) == ".pdf")
	sup.u.busy.Wait()
	if !showsText(sup.w, "Bespreking bewaard") {
		t.Fatalf("saving the review shows %q", visibleTexts(sup.w))
	}
	dismiss(sup.w)
}

func TestReviewRoundTrip(t *testing.T) {
	for _, ext := range []string{planfile.Extension, ".pdf"} {
		t.Run(ext, func(t *testing.T) {
			a := test.NewTempApp(t)
			pro := newProfessional(t, a, "Zoë de Vries", 0)
			dir := t.TempDir()
			plan := filepath.Join(dir, "leerplan"+ext)
			pro.export(t, plan)
			scBefore, planBefore := pro.state(t)

			sup := newUIFixture(t)
			reviewed := filepath.Join(dir, "besproken"+ext)
			superviseAndSave(t, sup, plan, reviewed, pro.gap)
			// Reviewing changed nothing in the supervisor's own store.
			if list, err := sup.u.store.SelfChecks(); err != nil || len(list) != 0 {
				t.Errorf("the supervisor's store has self-checks %v (%v) after reviewing", list, err)
			}
			if _, found, _ := sup.u.store.(*store.Store).PlanByUID(planBefore.UID); found {
				t.Error("the reviewed plan ended up in the supervisor's store")
			}

			// The professional adds the review to their own plan.
			pro.u.importReview(reviewed, pro.id, nil)
			pro.u.busy.Wait()
			if !showsText(pro.w, "De bespreking is toegevoegd") {
				t.Fatalf("importing shows %q", visibleTexts(pro.w))
			}
			dismiss(pro.w)
			scAfter, planAfter := pro.state(t)
			if len(planAfter.Reviews) != 1 {
				t.Fatalf("%d reviews after import, want 1", len(planAfter.Reviews))
			}
			r := planAfter.Reviews[0]
			if r.Reviewer != "Joost Bakker" || r.Setting != plans.Settings()[2] || !r.SignedOff || r.Overall != "Helder plan." ||
				r.GapComments[pro.gap] != "Begin hier, dit komt vaak voor." || r.ActionComments["a1"] != "Goed idee, plan het voor juli." ||
				!r.Agreed["a1"] || r.Agreed["a2"] || !r.Date.Equal(time.Date(2026, 6, 11, 0, 0, 0, 0, time.UTC)) {
				t.Errorf("imported review %+v", r)
			}
			assertOwnUnchanged(t, scBefore, planBefore, scAfter, planAfter)

			// The plan editor shows it.
			pro.u.showPlan(pro.id)
			if !showsTextScrolledThrough(pro.w, "met Joost Bakker") || !showsTextScrolledThrough(pro.w, "Goed idee, plan het voor juli.") {
				t.Errorf("the plan editor does not show the review: %q", visibleTexts(pro.w))
			}

			// Importing again adds nothing.
			pro.u.importReview(reviewed, pro.id, nil)
			pro.u.busy.Wait()
			if !showsText(pro.w, "al toegevoegd; er verandert niets") {
				t.Errorf("importing twice shows %q", visibleTexts(pro.w))
			}
			dismiss(pro.w)
			if _, p := pro.state(t); len(p.Reviews) != 1 {
				t.Errorf("%d reviews after importing twice", len(p.Reviews))
			}
		})
	}
}

// assertOwnUnchanged checks that ratings, notes, actions and reflection
// are as they were.
func assertOwnUnchanged(t *testing.T, scBefore *assessment.SelfCheck, planBefore *plans.Plan, scAfter *assessment.SelfCheck, planAfter *plans.Plan) {
	t.Helper()
	if !reflect.DeepEqual(ratingLevels(scBefore.Ratings), ratingLevels(scAfter.Ratings)) || !reflect.DeepEqual(scBefore.Notes, scAfter.Notes) {
		t.Error("importing a review changed ratings or notes")
	}
	if !reflect.DeepEqual(planBefore.Actions, planAfter.Actions) || planBefore.Reflection != planAfter.Reflection || !planBefore.Updated.Equal(planAfter.Updated) {
		t.Errorf("importing a review changed the plan:\n%+v\n%+v", planBefore, planAfter)
	}
}

func TestReviewOfSomeoneElsesPlanIsRefused(t *testing.T) {
	a := test.NewTempApp(t)
	zoe := newProfessional(t, a, "Zoë de Vries", 0)
	other := newProfessional(t, a, "Zoë de Vries", 1) // same name, another plan
	dir := t.TempDir()
	plan := filepath.Join(dir, "ander.zelfscan")
	other.export(t, plan)
	sup := newUIFixture(t)
	reviewed := filepath.Join(dir, "ander-besproken.zelfscan")
	superviseAndSave(t, sup, plan, reviewed, other.gap)

	scBefore, planBefore := zoe.state(t)
	zoe.u.importReview(reviewed, zoe.id, nil)
	zoe.u.busy.Wait()
	if !showsText(zoe.w, "hoort bij een ander leerplan") || !showsText(zoe.w, "Er is niets toegevoegd") {
		t.Errorf("importing another's review shows %q", visibleTexts(zoe.w))
	}
	scAfter, planAfter := zoe.state(t)
	if len(planAfter.Reviews) != 0 {
		t.Errorf("%d reviews added from another's plan", len(planAfter.Reviews))
	}
	assertOwnUnchanged(t, scBefore, planBefore, scAfter, planAfter)
}

func TestReviewOfAnOlderVersionAsksFirst(t *testing.T) {
	a := test.NewTempApp(t)
	pro := newProfessional(t, a, "Zoë de Vries", 0)
	dir := t.TempDir()
	plan := filepath.Join(dir, "leerplan.zelfscan")
	pro.export(t, plan)
	sup := newUIFixture(t)
	reviewed := filepath.Join(dir, "besproken.zelfscan")
	superviseAndSave(t, sup, plan, reviewed, pro.gap)
	// The professional changes the commented action after exporting.
	_, p := pro.state(t)
	act, _ := p.Action("a1")
	act.Status = plans.StatusAfgerond
	if err := pro.st.SaveAction(p.ID, *act, "", "", reviewDay.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	pro.u.importReview(reviewed, pro.id, nil)
	pro.u.busy.Wait()
	if !showsText(pro.w, "oudere versie") || !showsText(pro.w, "a1") {
		t.Fatalf("an outdated review shows %q", visibleTexts(pro.w))
	}
	topButton(t, pro.w, "Annuleren")
	if _, p := pro.state(t); len(p.Reviews) != 0 {
		t.Fatal("cancelling added the review")
	}
	pro.u.importReview(reviewed, pro.id, nil)
	pro.u.busy.Wait()
	topButton(t, pro.w, "Toch toevoegen")
	if _, p := pro.state(t); len(p.Reviews) != 1 {
		t.Fatalf("%d reviews after 'Toch toevoegen'", len(p.Reviews))
	}
}

func TestBadFilesGiveADutchMessageAndChangeNothing(t *testing.T) {
	a := test.NewTempApp(t)
	pro := newProfessional(t, a, "Zoë de Vries", 0)
	dir := t.TempDir()
	good := filepath.Join(dir, "goed.zelfscan")
	pro.export(t, good)
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	var f planfile.File
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	var bare bytes.Buffer
	if err := pdf.Render(&bare, &f, pdf.Options{}); err != nil {
		t.Fatal(err)
	}
	bad := map[string][]byte{
		"leeg.zelfscan":    nil,
		"half.zelfscan":    data[:len(data)/2],
		"zonder-plan.pdf":  bare.Bytes(),
		"boodschappen.pdf": []byte("melk, brood"),
	}
	sup := newUIFixture(t)
	for name, content := range bad {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, content, 0o600); err != nil {
			t.Fatal(err)
		}
		_, want := planfile.Open(path)
		if want == nil {
			t.Fatalf("%s opened", name)
		}

		sup.u.openForReview(path)
		sup.u.busy.Wait()
		if sup.u.review != nil || !showsText(sup.w, want.Error()) || !showsText(sup.w, "Nieuwe zelfscan starten") {
			t.Errorf("%s in review mode: screen %q, want the message %q over the start screen", name, visibleTexts(sup.w), want.Error())
		}
		dismiss(sup.w)

		scBefore, planBefore := pro.state(t)
		pro.u.importReview(path, pro.id, nil)
		pro.u.busy.Wait()
		if !showsText(pro.w, want.Error()) {
			t.Errorf("%s imported as a review: screen %q", name, visibleTexts(pro.w))
		}
		dismiss(pro.w)
		scAfter, planAfter := pro.state(t)
		if len(planAfter.Reviews) != 0 {
			t.Errorf("%s added a review", name)
		}
		assertOwnUnchanged(t, scBefore, planBefore, scAfter, planAfter)
	}
	if list, _ := sup.u.store.SelfChecks(); len(list) != 0 {
		t.Error("bad files changed the supervisor's store")
	}
}

func TestReviewNeedsAReviewerName(t *testing.T) {
	a := test.NewTempApp(t)
	pro := newProfessional(t, a, "Zoë de Vries", 0)
	path := filepath.Join(t.TempDir(), "leerplan.zelfscan")
	pro.export(t, path)
	sup := newUIFixture(t)
	sup.u.openForReview(path)
	sup.u.busy.Wait()
	sup.u.chooseReviewSave(sup.u.review, false)
	if !showsText(sup.w, "Vul uw naam in als begeleider.") || !showsText(sup.w, "Bespreking nog niet compleet") || showsText(sup.w, "Bestand niet gebruikt") {
		t.Errorf("saving without a name shows %q", visibleTexts(sup.w))
	}
}

// A plan file that cannot be written leaves no empty file where the save
// dialog created one: the group overview would list it as "leeg".
func TestFailedPlanFileExportLeavesNoEmptyFile(t *testing.T) {
	p := newProfessional(t, test.NewTempApp(t), "Kim de Boer", 1)
	// A level above the scale, as only data made outside the app have;
	// the plan file refuses it.
	if err := p.st.SaveRating(p.id, "basis-vormen-1", assessment.Rating{Level: 4, At: reviewDay}); err != nil {
		t.Fatal(err)
	}
	ps, err := p.u.loadPlan(p.id)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "kim.zelfscan")
	if err := os.WriteFile(path, nil, 0o644); err != nil { // what the dialog does
		t.Fatal(err)
	}
	p.u.exportPlanFile(ps, path)
	if !showsText(p.w, "Bestand niet gebruikt") {
		t.Fatalf("failed export shows %q", visibleTexts(p.w))
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("empty file left behind: %v", err)
	}
}

// TestNoteAnsweredInReview: the note the professional wrote in the scan is
// in their PDF and next to its competency in review mode; the supervisor's
// answer travels back in the reviewed PDF and is in the plan after import.
func TestNoteAnsweredInReview(t *testing.T) {
	a := test.NewTempApp(t)
	pro := newProfessional(t, a, "Zoë de Vries", 0)
	sc := mustSelfCheck(t, pro.st, pro.id)
	var noted string
	for id, n := range sc.Notes {
		if n == "GEHEIM notitie van Zoë de Vries" {
			noted = id
		}
	}
	if noted == "" {
		t.Fatalf("the fixture's note is not stored: %v", sc.Notes)
	}
	dir := t.TempDir()
	plan := filepath.Join(dir, "leerplan.pdf")
	pro.export(t, plan)
	if text := pdfText(t, plan); !strings.Contains(text, "GEHEIM notitie van Zoë de Vries") {
		t.Fatalf("the note is not in the professional's PDF:\n%s", text)
	}

	sup := newUIFixture(t)
	rs := openReview(t, sup, plan)
	for _, want := range []string{"Notitie van Zoë de Vries: GEHEIM notitie van Zoë de Vries"} {
		if !showsText(sup.w, want) {
			t.Errorf("review mode does not show %q", want)
		}
	}
	answer := rs.gapNotes[noted]
	if answer == nil || answer.PlaceHolder != "Uw antwoord op deze notitie" {
		t.Fatalf("no answer field for the note on %s: %+v", noted, answer)
	}
	typeIn(sup.w, answer, "Ja, loop in juli een dienst mee met Ahmed.")
	sup.w.Canvas().Focus(answer) // scrolls the note into view for the screenshot
	saveCapture(t, sup.w, "review")
	typeIn(sup.w, rs.reviewer, "Joost Bakker")
	reviewed := filepath.Join(dir, "besproken.pdf")
	sup.u.saveReview(rs, reviewed, true)
	sup.u.busy.Wait()
	dismiss(sup.w)
	if text := pdfText(t, reviewed); !strings.Contains(text, "Antwoord van Joost Bakker: Ja, loop in juli een dienst mee met Ahmed.") {
		t.Errorf("the answer is not next to the note in the reviewed PDF:\n%s", text)
	}

	pro.u.importReview(reviewed, pro.id, nil)
	pro.u.busy.Wait()
	dismiss(pro.w)
	_, after := pro.state(t)
	if len(after.Reviews) != 1 || after.Reviews[0].GapComments[noted] != "Ja, loop in juli een dienst mee met Ahmed." {
		t.Fatalf("the answer did not come back on import: %+v", after.Reviews)
	}
	pro.u.showPlan(pro.id)
	if !showsTextScrolledThrough(pro.w, "Ja, loop in juli een dienst mee met Ahmed.") {
		t.Errorf("the plan editor does not show the answer: %q", visibleTexts(pro.w))
	}
}

// A plan changed in the editor and exported from there carries the time of
// its last change, so its own review imports without the warning that the
// plan changed since: a warning shown every time teaches to ignore it.
func TestReviewOfAPlanEditedThenExportedDoesNotWarn(t *testing.T) {
	a := test.NewTempApp(t)
	pro := newProfessional(t, a, "Zoë de Vries", 0)
	pro.u.showPlan(pro.id)
	ps := pro.u.plan
	pro.u.now = func() time.Time { return reviewDay.Add(time.Hour) }
	pro.u.changeAction(ps, "a1", func(a *plans.Action) { a.Status = plans.StatusAfgerond })
	if err := pro.u.addAction(ps, pro.gap, nil, "Een training volgen."); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	plan := filepath.Join(dir, "leerplan.pdf")
	f, err := pro.u.buildPlanFile(pro.u.plan)
	if err != nil {
		t.Fatal(err)
	}
	if err := workspace.WritePlanPDF(plan, f, reviewDay.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	sup := newUIFixture(t)
	reviewed := filepath.Join(dir, "besproken.pdf")
	superviseAndSave(t, sup, plan, reviewed, pro.gap)
	pro.u.importReview(reviewed, pro.id, nil)
	pro.u.busy.Wait()
	if showsText(pro.w, "oudere versie") || !showsText(pro.w, "De bespreking is toegevoegd") {
		t.Fatalf("importing the review of the plan as exported shows %q", visibleTexts(pro.w))
	}
}

// The English review names the priority in English, like the rest of the
// line, not with the Dutch word the plan file keeps, and offers an English
// file name.
func TestEnglishReviewWords(t *testing.T) {
	a := test.NewTempApp(t)
	pro := newProfessional(t, a, "Zoë de Vries", 0)
	path := filepath.Join(t.TempDir(), "leerplan.zelfscan")
	pro.export(t, path)
	sup := newUIFixture(t)
	if err := SetupLanguage("en"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { SetupLanguage("nl") })
	rs := openReview(t, sup, path)
	if name := sup.u.reviewFileName(rs); !strings.HasPrefix(name, "reviewed-zoe-de-vries-") {
		t.Errorf("the English window offers the file name %q", name)
	}
	if !showsTextScrolledThrough(sup.w, "priority high") || showsTextScrolledThrough(sup.w, "priority hoog") {
		t.Errorf("the English review does not name the priority in English: %q", textsScrolledThrough(sup.w))
	}
}

// After a review is added from the plan screen, the plan stays where the
// reader was instead of jumping back to the top.
func TestPlanKeepsItsPlaceAfterAReviewIsAdded(t *testing.T) {
	a := test.NewTempApp(t)
	pro := newProfessional(t, a, "Zoë de Vries", 0)
	dir := t.TempDir()
	plan := filepath.Join(dir, "leerplan.zelfscan")
	pro.export(t, plan)
	sup := newUIFixture(t)
	reviewed := filepath.Join(dir, "besproken.zelfscan")
	superviseAndSave(t, sup, plan, reviewed, pro.gap)
	pro.u.showPlan(pro.id)
	ps := pro.u.plan
	scrollTo(ps.scroll, fyne.NewPos(0, 400))
	pro.u.addReviewFrom(ps, reviewed)
	pro.u.busy.Wait()
	if !showsText(pro.w, "De bespreking is toegevoegd") || len(pro.u.plan.plan.Reviews) != 1 {
		t.Fatalf("importing shows %q", visibleTexts(pro.w))
	}
	if got := pro.u.plan.scroll.Offset.Y; got != 400 {
		t.Errorf("after adding the review the plan is at %v, want 400 where it was", got)
	}
}

// The English window offers English file names for what it saves.
func TestEnglishFileNames(t *testing.T) {
	pro := newProfessional(t, test.NewTempApp(t), "Zoë de Vries", 0)
	if err := SetupLanguage("en"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { SetupLanguage("nl") })
	ps, err := pro.u.loadPlan(pro.id)
	if err != nil {
		t.Fatal(err)
	}
	if name := pro.u.pdfFileName(ps); name != "learning-plan-zoe-de-vries-2026-06-10.pdf" {
		t.Errorf("the English window offers %q for the plan PDF", name)
	}
}

// The supervisor sees the whole evaluation of a completed action, as the
// PDF prints it: the three texts, how useful it was, and the improvement
// point with whether it was shared; in English too.
func TestReviewShowsTheEvaluation(t *testing.T) {
	a := test.NewTempApp(t)
	pro := newProfessional(t, a, "Zoë de Vries", 0)
	plan, err := pro.st.PlanFor(pro.id, reviewDay)
	if err != nil {
		t.Fatal(err)
	}
	done := plans.Action{ID: "a1", CompetencyID: pro.gap, OwnText: "Meelopen met een collega van Veilig Thuis.", Status: plans.StatusAfgerond,
		Evaluation: plans.Evaluation{Brought: "Meer zicht op geld.", Rating: 4, Remark: "Meer casussen uit de regio.", ShareRemark: true}}
	if err := pro.st.SaveAction(plan.ID, done, "", "", reviewDay); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "leerplan"+planfile.Extension)
	pro.export(t, path)

	sup := newUIFixture(t)
	openReview(t, sup, path)
	for _, want := range []string{"Opgeleverd: Meer zicht op geld.", "Bruikbaarheid: 4 – goed bruikbaar",
		"Verbeterpunt aanbod: Meer casussen uit de regio. (anoniem gedeeld met de opleidingscoördinator)"} {
		if !showsText(sup.w, want) {
			t.Errorf("the review does not show %q: %q", want, visibleTexts(sup.w))
		}
	}
	if err := SetupLanguage("en"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { SetupLanguage("nl") })
	openReview(t, sup, path)
	for _, want := range []string{"Usefulness: 4 – ", "Improvement point for the offer: Meer casussen uit de regio. (shared anonymously with the training coordinator)"} {
		if !showsText(sup.w, want) {
			t.Errorf("the English review does not show %q: %q", want, visibleTexts(sup.w))
		}
	}
}
