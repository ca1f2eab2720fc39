package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"zelfscan/app/widgets"
	"zelfscan/assessment"
	"zelfscan/assets"
	"zelfscan/documents/pdftext"
	"zelfscan/plans"
	"zelfscan/plans/planfile"
	"zelfscan/store"
)

// planFixture is a UI on the real framework and catalogue with a real store.
type planFixture struct {
	a  fyne.App
	w  fyne.Window
	u  *UI
	st *store.Store
	fw *assessment.Framework
	id int64
}

var planDay = time.Date(2026, 5, 4, 10, 0, 0, 0, time.UTC)

// newPlanFixture stores a police officer's self-check with every statement
// answered at level want, so every required competency above it is a gap.
func newPlanFixture(t *testing.T, want int) *planFixture {
	t.Helper()
	fw, err := assessment.Load(assets.Files, assets.FrameworkDir)
	if err != nil {
		t.Fatalf("the embedded framework does not load: %v", err)
	}
	f := &planFixture{a: test.NewTempApp(t), st: openTestStore(t), fw: fw}
	sc, _ := storePoliceSelfCheck(t, f.st, fw, "Zoë de Vries", want, planDay)
	f.id = sc.ID
	f.open(t)
	return f
}

// open shows the self-check's results in a new window, as after a restart.
func (f *planFixture) open(t *testing.T) {
	t.Helper()
	f.w = test.NewWindow(nil)
	t.Cleanup(f.w.Close)
	f.w.Resize(MinSize())
	f.u = New(f.a, f.w, f.fw, f.st)
	f.u.now = func() time.Time { return planDay }
	f.u.showResults(f.id)
}

// typeInto focuses an entry, types text and moves the focus away, as a
// user tabbing on would; leaving the entry saves it.
func typeInto(w fyne.Window, e fyne.Focusable, text string) {
	w.Canvas().Focus(e)
	test.Type(e, text)
	w.Canvas().Unfocus()
}

// topButton taps the button with text in the topmost dialog.
func topButton(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog open; looking for %q", text)
	}
	for _, o := range walk(top) {
		switch b := o.(type) {
		case *widget.Button:
			if b.Text == text && !b.Disabled() {
				test.Tap(b)
				return
			}
		case *widgets.KeyButton:
			if b.Text == text && !b.Disabled() {
				test.Tap(b)
				return
			}
		}
	}
	t.Fatalf("no enabled button %q in the dialog; texts: %q", text, visibleTexts(w))
}

// waitFor polls the screen until it shows s: the PDF is written in the background.
func waitFor(t *testing.T, w fyne.Window, s string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !showsText(w, s) {
		if time.Now().After(deadline) {
			t.Fatalf("%q never appeared; screen shows %q", s, visibleTexts(w))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// In the English UI a proposal says in English why it fits: the reason is
// message codes, not a Dutch sentence.
func TestProposalReasonsInEnglish(t *testing.T) {
	f := newPlanFixture(t, 0)
	tapButton(t, f.w, "Leerplan maken")
	en, err := assessment.LoadEnglish(assets.Files, assets.FrameworkDir, f.fw)
	if err != nil {
		t.Fatal(err)
	}
	f.u.setEnglish(en)
	dutchLabel := f.u.fw().LevelLabel(f.u.plan.gaps[0].Required)
	f.u.setLanguage("en")
	t.Cleanup(func() { f.u.setLanguage("nl") })
	ps := f.u.plan
	want := plans.Match(f.u.catalogue(), ps.gaps[:1], "politie", plans.Limit(maxSuggestions))[0].Matches[0].Reason()
	f.u.showAddAction(ps, ps.gaps[0])
	english := explain(want)
	for _, dutch := range []string{"dekt ", "aangeboden door", "vereiste"} {
		if strings.Contains(english, dutch) {
			t.Errorf("reason %q still has the Dutch %q", english, dutch)
		}
	}
	if label := f.u.fw().LevelLabel(ps.gaps[0].Required); label == dutchLabel || !strings.Contains(english, "("+label+")") {
		t.Errorf("reason %q does not name the required level in English (%q, Dutch %q)", english, label, dutchLabel)
	}
	if !strings.HasPrefix(english, "covers '") || !showsText(f.w, english) {
		t.Errorf("reason %q not shown in English; screen shows %q", english, visibleTexts(f.w))
	}
}

func TestPlanEditFromResultsReopenAndPDF(t *testing.T) {
	f := newPlanFixture(t, 0)
	tapButton(t, f.w, "Leerplan maken")
	ps := f.u.plan
	if ps == nil || !showsText(f.w, "Persoonlijk leerplan") {
		t.Fatalf("the plan editor did not open: %q", visibleTexts(f.w))
	}
	first := ps.gaps[0]
	want := plans.Match(f.u.catalogue(), ps.gaps[:1], "politie", plans.Limit(maxSuggestions))[0].Matches
	if len(want) == 0 {
		t.Fatalf("no proposals for %s in the real catalogue", first.Competency.ID)
	}

	// A proposal: the first "Actie toevoegen" belongs to the first gap; the
	// focus sits on the first proposal's button.
	tapButton(t, f.w, "Actie toevoegen")
	if ps.add == nil || !showsText(f.w, want[0].Reason().Error()) {
		t.Fatalf("proposals with their reason not shown: %q", visibleTexts(f.w))
	}
	focused, ok := f.w.Canvas().Focused().(*widgets.KeyButton)
	if !ok || focused.Text != "Kiezen" {
		t.Fatalf("focus on %#v, want the first Kiezen", f.w.Canvas().Focused())
	}
	test.Tap(focused)
	if ps.add != nil || len(ps.plan.Actions) != 1 || ps.plan.Actions[0].ItemID != want[0].Item.ID {
		t.Fatalf("after choosing, the plan holds %+v", ps.plan.Actions)
	}
	if !showsText(f.w, want[0].Item.Title) {
		t.Errorf("the chosen item %q is not on screen", want[0].Item.Title)
	}

	// An own action through the third tab.
	tapButton(t, f.w, "Actie toevoegen")
	ps.add.tabs.SelectIndex(2)
	topButton(t, f.w, "Toevoegen")
	if !showsText(f.w, "Beschrijf eerst wat u gaat doen.") || len(ps.plan.Actions) != 1 {
		t.Fatal("an empty own action was not refused")
	}
	own := "Casus inbrengen in de intervisie"
	test.Type(ps.add.own, own)
	topButton(t, f.w, "Toevoegen")
	if len(ps.plan.Actions) != 2 || ps.plan.Actions[1].OwnText != own {
		t.Fatalf("own action not added: %+v", ps.plan.Actions)
	}

	// Target date: a wrong one is explained and not saved, a right one saved.
	a1 := ps.plan.Actions[0].ID
	v := ps.actions[a1]
	typeInto(f.w, v.target, "31-02-2026")
	if !v.targetMsg.Visible() || !strings.Contains(v.targetMsg.Text, "Die dag bestaat niet") {
		t.Errorf("invalid date message: %q (visible %v)", v.targetMsg.Text, v.targetMsg.Visible())
	}
	v.target.SetText("")
	typeInto(f.w, v.target, "15-09-2026")
	if got := ps.plan.Actions[0].TargetDate; !got.Equal(time.Date(2026, 9, 15, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("target date %v", got)
	}

	// Done: the evaluation appears and is saved as typed.
	v = ps.actions[a1]
	v.status.SetSelected("Afgerond")
	v = ps.actions[a1]
	if v.evaluation[0] == nil || !showsText(f.w, "Wat is er veranderd in uw praktijk?") {
		t.Fatalf("no evaluation after Afgerond: %q", visibleTexts(f.w))
	}
	typeInto(f.w, v.evaluation[0].entry, "Meer zicht op patronen")
	typeInto(f.w, v.evaluation[1].entry, "Ik vraag vaker door")
	typeInto(f.w, v.evaluation[2].entry, "Meer oefenen")
	typeInto(f.w, ps.reflection.entry, "Eerst de basis op orde.")
	tapButton(t, f.w, "Terug naar resultaten")
	if !showsText(f.w, "Leerplan bekijken") {
		t.Errorf("results do not offer to view the plan: %q", visibleTexts(f.w))
	}

	// A fresh UI reads everything back from the store.
	f.open(t)
	tapButton(t, f.w, "Leerplan bekijken")
	ps = f.u.plan
	if len(ps.plan.Actions) != 2 {
		t.Fatalf("reopened plan has %d actions", len(ps.plan.Actions))
	}
	a := ps.plan.Actions[0]
	wantEval := plans.Evaluation{Brought: "Meer zicht op patronen", Changed: "Ik vraag vaker door", Better: "Meer oefenen"}
	if a.Status != plans.StatusAfgerond || a.Evaluation != wantEval || a.TargetDate.IsZero() {
		t.Errorf("reopened action %+v", a)
	}
	if ps.plan.Reflection != "Eerst de basis op orde." {
		t.Errorf("reflection %q", ps.plan.Reflection)
	}
	v = ps.actions[a.ID]
	if v.status.Selected != "Afgerond" || v.target.Text != "15-09-2026" || v.evaluation[1].entry.Text != "Ik vraag vaker door" {
		t.Errorf("reopened widgets: status %q, date %q", v.status.Selected, v.target.Text)
	}
	for _, s := range []string{want[0].Item.Title, own, "Eerst de basis op orde."} {
		if !showsText(f.w, s) && ps.reflection.entry.Text != s {
			t.Errorf("%q not on the reopened plan", s)
		}
	}
	saveCapture(t, f.w, "plan")

	// The PDF: written whole, with the actions in its text and the plan file inside.
	path := filepath.Join(t.TempDir(), f.u.pdfFileName(ps))
	if filepath.Base(path) != "leerplan-zoe-de-vries-2026-05-04.pdf" {
		t.Errorf("proposed file name %q", filepath.Base(path))
	}
	f.u.exportPDF(ps, path)
	// Reading the screen while the export's goroutine updates it races on
	// Fyne's caches (plain maps with the fyneDo migration): wait first.
	f.u.busy.Wait()
	waitFor(t, f.w, "Uw leerplan staat in")
	// The message closes with Enter, like the other saved messages.
	if focused := f.w.Canvas().Focused(); focused == nil {
		t.Error("nothing has the focus while 'PDF bewaard' is shown")
	} else {
		focused.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		if showsText(f.w, "Uw leerplan staat in") {
			t.Error("'PDF bewaard' still shown after Enter")
		}
	}
	data, err := os.ReadFile(path)
	if err != nil || !strings.HasPrefix(string(data), "%PDF") {
		t.Fatalf("no PDF at %s: %v", path, err)
	}
	text := pdfText(t, path)
	for _, s := range []string{want[0].Item.Title, own, "Meer zicht op patronen"} {
		if !strings.Contains(text, strings.Join(strings.Fields(s), " ")) {
			t.Errorf("%q not in the PDF text", s)
		}
	}
	pf, err := planfile.Open(path)
	if err != nil {
		t.Fatalf("plan file inside the PDF: %v", err)
	}
	if len(pf.Actions) != 2 || pf.PlanUID != ps.plan.UID || pf.Actions[1].OwnText != own {
		t.Errorf("attached plan file: %d actions, UID %q", len(pf.Actions), pf.PlanUID)
	}
}

// pdfText is the text of a PDF with spaces collapsed.
func pdfText(t *testing.T, path string) string {
	return strings.Join(strings.Fields(pdftext.File(t, path)), " ")
}

// TestPlanKeepsKeyboardFocus walks an action by keyboard: the plan redraws
// after adding an action and after a status change, and the focus must land
// on the new widgets rather than vanish with the old ones.
func TestPlanKeepsKeyboardFocus(t *testing.T) {
	f := newPlanFixture(t, 0)
	tapButton(t, f.w, "Leerplan maken")
	ps := f.u.plan
	tapButton(t, f.w, "Actie toevoegen")
	test.Tap(f.w.Canvas().Focused().(*widgets.KeyButton))
	id := ps.plan.Actions[0].ID
	v := ps.actions[id]
	if f.w.Canvas().Focused() != v.target {
		t.Fatalf("after adding an action the focus is on %#v, want its target date", f.w.Canvas().Focused())
	}

	// Typing a date and tabbing on saves it and leaves the focus on Status.
	test.Type(v.target, "1-3-2027")
	f.w.Canvas().FocusNext()
	if got := ps.plan.Actions[0].TargetDate; !got.Equal(time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("target date %v", got)
	}
	if f.w.Canvas().Focused() != v.status || ps.actions[id] != v {
		t.Fatalf("after Tab from the date the focus is on %#v, want the status of the same action", f.w.Canvas().Focused())
	}
	if v.target.Text != "01-03-2027" {
		t.Errorf("saved date shown as %q", v.target.Text)
	}

	v.status.SetSelected("Afgerond")
	if nv := ps.actions[id]; nv == v || f.w.Canvas().Focused() != nv.status {
		t.Fatalf("after the status change the focus is on %#v, want the redrawn status", f.w.Canvas().Focused())
	}
}

// TestPlanScrollsToFocusedButton: Tab onto a button below the visible part
// of the plan scrolls it into view, as it does for entries.
func TestPlanScrollsToFocusedButton(t *testing.T) {
	f := newPlanFixture(t, 0)
	tapButton(t, f.w, "Leerplan maken")
	ps := f.u.plan
	var last *widgets.KeyButton
	for _, o := range walk(ps.scroll.Content) {
		if b, ok := o.(*widgets.KeyButton); ok && b.Text == "Actie toevoegen" {
			last = b
		}
	}
	if last == nil || ps.scroll.Offset.Y != 0 {
		t.Fatalf("no add button, or the plan opens scrolled (%v)", ps.scroll.Offset)
	}
	f.w.Canvas().Focus(last)
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(last).Y - d.AbsolutePositionForObject(ps.scroll).Y
	if top < 0 || top+last.Size().Height > ps.scroll.Size().Height {
		t.Errorf("focused button at %v in a view of height %v (offset %v)", top, ps.scroll.Size().Height, ps.scroll.Offset.Y)
	}
}

func TestPlanDeleteActionAsksFirst(t *testing.T) {
	f := newPlanFixture(t, 0)
	tapButton(t, f.w, "Leerplan maken")
	ps := f.u.plan
	if err := f.u.addAction(ps, ps.gaps[0].Competency.ID, nil, "Boek lezen"); err != nil {
		t.Fatal(err)
	}
	f.u.renderPlan(ps)
	test.Tap(ps.actions[ps.plan.Actions[0].ID].remove)
	topButton(t, f.w, "Annuleren")
	if len(ps.plan.Actions) != 1 {
		t.Fatal("cancel removed the action")
	}
	test.Tap(ps.actions[ps.plan.Actions[0].ID].remove)
	topButton(t, f.w, "Verwijderen")
	p, _, err := f.st.PlanBySelfCheck(f.id)
	if err != nil || len(p.Actions) != 0 || len(ps.plan.Actions) != 0 || showsText(f.w, "Boek lezen") {
		t.Fatalf("action not removed: stored %v, err %v", p, err)
	}
}

// A save the store refuses is explained and the screen goes back to what
// is stored.
func TestPlanRefusedSaveReverts(t *testing.T) {
	f := newPlanFixture(t, 0)
	tapButton(t, f.w, "Leerplan maken")
	ps := f.u.plan
	if err := f.u.addAction(ps, ps.gaps[0].Competency.ID, nil, "Boek lezen"); err != nil {
		t.Fatal(err)
	}
	f.u.renderPlan(ps)
	id := ps.plan.Actions[0].ID
	// An evaluation longer than plans allows is refused by the store.
	ps.actions[id].status.SetSelected("Afgerond")
	e := ps.actions[id].evaluation[0].entry
	f.w.Canvas().Focus(e)
	e.SetText(strings.Repeat("x", 2001))
	f.w.Canvas().Unfocus()
	if !showsText(f.w, "Er ging iets mis") {
		t.Fatalf("no error dialog: %q", visibleTexts(f.w))
	}
	if e.Text != "" || ps.plan.Actions[0].Evaluation.Brought != "" {
		t.Errorf("refused text stays: %d characters", len(e.Text))
	}
}

func TestOwnCatalogueLoadSearchRemove(t *testing.T) {
	f := newPlanFixture(t, 0)
	f.u.showCatalogue(f.u.ShowStart)
	if !showsText(f.w, "Er is nog geen eigen aanbod geladen.") {
		t.Fatalf("catalogue screen: %q", visibleTexts(f.w))
	}

	// A broken file: the problems with row and column, and nothing stored.
	f.u.loadOwnCatalogue(filepath.Join("..", "plans", "testdata", "own", "broken", "bad-level.csv"), f.u.ShowStart)
	if !showsText(f.w, "rij 4, kolom 'niveau'") || !showsText(f.w, "er is niets veranderd") {
		t.Fatalf("problems not listed: %q", visibleTexts(f.w))
	}
	topButton(t, f.w, "OK")
	if own, err := f.st.OwnCatalogues(); err != nil || len(own) != 0 {
		t.Fatalf("a broken file was stored: %v, %v", own, err)
	}

	// A good file, named after the file unless the user changes it.
	f.u.loadOwnCatalogue(filepath.Join("..", "plans", "testdata", "own", "valid-comma.csv"), f.u.ShowStart)
	if !showsText(f.w, "2 items gevonden") {
		t.Fatalf("name dialog: %q", visibleTexts(f.w))
	}
	topButton(t, f.w, "Bewaren")
	own, err := f.st.OwnCatalogues()
	if err != nil || len(own) != 1 || own[0].Origin != "valid-comma" || len(own[0].Items) != 2 {
		t.Fatalf("stored own catalogues %+v, %v", own, err)
	}
	if !showsText(f.w, "valid-comma") || !showsText(f.w, "2 items") {
		t.Errorf("catalogue list: %q", visibleTexts(f.w))
	}
	saveCapture(t, f.w, "own-catalogue")

	// Its items turn up in the catalogue search, marked as own.
	f.u.showPlan(f.id)
	ps := f.u.plan
	tapButton(t, f.w, "Actie toevoegen")
	ps.add.tabs.SelectIndex(1)
	test.Type(ps.add.search, "intervisie ggg")
	if !showsText(f.w, "Intervisie GGG") || !showsText(f.w, "eigen: valid-comma") {
		t.Errorf("own items not found: %q", visibleTexts(f.w))
	}
	saveCapture(t, f.w, "plan-add-action")
	ps.add.dialog.Hide()

	// Removing asks first and then takes the items out of the search.
	f.u.showCatalogue(f.u.ShowStart)
	tapButton(t, f.w, "Verwijderen")
	topButton(t, f.w, "Verwijderen")
	if own, err := f.st.OwnCatalogues(); err != nil || len(own) != 0 {
		t.Fatalf("after removing: %+v, %v", own, err)
	}
	if found := plans.Search(f.u.catalogue(), "intervisie ggg", plans.Filter{}); len(found) != 0 {
		for _, it := range found {
			if it.Origin == "valid-comma" {
				t.Errorf("removed item %s still found", it.ID)
			}
		}
	}
}

// The plan editor and the add-action dialog fit the smallest window.
func TestPlanFitsMinSize(t *testing.T) {
	f := newPlanFixture(t, 0)
	f.u.showPlan(f.id)
	if m := f.w.Content().MinSize(); m.Width > MinSize().Width || m.Height > MinSize().Height {
		t.Errorf("plan editor needs %v", m)
	}
	tapButton(t, f.w, "Actie toevoegen")
	for i := range 3 {
		f.u.plan.add.tabs.SelectIndex(i)
		if m := f.u.plan.add.dialog.MinSize(); m.Width > MinSize().Width || m.Height > MinSize().Height {
			t.Errorf("add-action tab %d needs %v", i, m)
		}
	}
}

// A date that cannot be used is refused with a sentence that says why;
// its example lies in the future (the parsing itself: plans.ParseDate).
func TestParseTargetDateMessages(t *testing.T) {
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	cases := []struct {
		name, in string
		want     []string
	}{
		{"an unreadable date gets a future example, long and short", "morgen", []string{"dag-maand-jaar", "01-03-2027", "1-3-27", "kalender"}},
		{"a day its month does not have says so", "31-02-2027", []string{"Die dag bestaat niet: februari 2027 heeft 28 dagen."}},
		{"a year out of range names the range", "1-1-1999", []string{"tussen 2000 en 2100"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := parseTargetDate(c.in, now)
			if err == nil {
				t.Fatalf("%q accepted", c.in)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("message %q lacks %q", err, w)
				}
			}
		})
	}
	if d, err := parseTargetDate("15-3-27", now); err != nil || !d.Equal(time.Date(2027, 3, 15, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("15-3-27 read as %v, %v", d, err)
	}
}

func TestFileSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Zoë de Vries":       "zoe-de-vries",
		"Politie":            "politie",
		"../../etc/passwd":   "etc-passwd",
		"  ":                 "plan",
		"Jeugd & Gezin (JB)": "jeugd-gezin-jb",
	} {
		if got := fileSlug(in); got != want {
			t.Errorf("fileSlug(%q) = %q, want %q", in, got, want)
		}
	}
}

// A bad catalogue row is explained in the UI language: the domain gives a
// code, the app the words.
func TestBadCatalogueRowInEnglish(t *testing.T) {
	f := newPlanFixture(t, 0)
	f.a.Preferences().SetString(prefLanguage, "en")
	if err := SetupLanguage("en"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { SetupLanguage("nl") })
	f.u.showCatalogue(f.u.ShowStart)
	f.u.loadOwnCatalogue(filepath.Join("..", "plans", "testdata", "own", "broken", "bad-level.csv"), f.u.ShowStart)
	want := "bad-level.csv: row 4, column 'niveau': 'gevorderd' is not a known level (choose"
	if !showsText(f.w, want) {
		t.Errorf("problem not in English, want %q: %q", want, visibleTexts(f.w))
	}
	if showsText(f.w, "rij 4") || showsText(f.w, "geen bekend niveau") {
		t.Errorf("Dutch words left in the English UI: %q", visibleTexts(f.w))
	}
}

// The plan draws only the blocks near the view, yet Tab reaches every
// control on it: a control that gets the focus scrolls into view, which
// brings the blocks below it in. Tab from the top reaches the button of
// every gap, in order, and the reflection at the bottom.
func TestTabReachesEveryBlockOfALongPlan(t *testing.T) {
	f := newPlanFixture(t, 0)
	f.u.showPlan(f.id)
	gaps := len(f.u.plan.gaps)
	if gaps < 8 {
		t.Fatalf("only %d gaps; the test needs a plan longer than the window", gaps)
	}
	c := f.w.Canvas()
	c.Unfocus()
	adds, reflection := 0, false
	for range 400 {
		c.FocusNext()
		switch o := c.Focused().(type) {
		case *widgets.KeyButton:
			if o.Text == "Actie toevoegen" {
				adds++
			}
		case *shortcutEntry:
			for _, st := range f.u.plan.texts {
				if st.entry == o && adds == gaps {
					reflection = true
				}
			}
		}
		if reflection {
			break
		}
	}
	if adds != gaps || !reflection {
		t.Errorf("Tab reached %d of %d gap buttons, the reflection: %v", adds, gaps, reflection)
	}
}
