package app

import (
	"maps"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"zelfscan/app/widgets"
	"zelfscan/assessment"
	"zelfscan/store"
)

// testOptions point Run at the small framework in testdata.
func testOptions(dir string) Options {
	return Options{DataDir: dir, Framework: os.DirFS("testdata"), FrameworkDir: "framework"}
}

// uiFixture is a test app and window started through Run on a fresh folder.
type uiFixture struct {
	a   fyne.App
	w   fyne.Window
	u   *UI
	dir string
}

func newUIFixture(t *testing.T) *uiFixture {
	t.Helper()
	f := &uiFixture{a: test.NewTempApp(t), dir: t.TempDir()}
	f.start(t)
	return f
}

// start runs the app on f.dir in a new window, as a restart would.
func (f *uiFixture) start(t *testing.T) {
	t.Helper()
	f.w = test.NewWindow(nil)
	f.u = Run(f.a, f.w, testOptions(f.dir))
	if f.u == nil {
		t.Fatalf("Run did not start; window shows %q", visibleTexts(f.w))
	}
	f.u.busy.Wait()
	u := f.u
	t.Cleanup(func() { u.store.Close() })
}

// walk lists obj and everything inside it, widgets through their renderers.
func walk(obj fyne.CanvasObject) []fyne.CanvasObject {
	if obj == nil || !obj.Visible() {
		return nil
	}
	out := []fyne.CanvasObject{obj}
	switch o := obj.(type) {
	case *fyne.Container:
		for _, c := range o.Objects {
			out = append(out, walk(c)...)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(o).Objects() {
			out = append(out, walk(c)...)
		}
	}
	return out
}

// onScreen lists the window content and its overlays (dialogs).
func onScreen(w fyne.Window) []fyne.CanvasObject {
	objs := walk(w.Content())
	for _, o := range w.Canvas().Overlays().List() {
		objs = append(objs, walk(o)...)
	}
	return objs
}

// visibleTexts is every label, rich text and button text on screen.
func visibleTexts(w fyne.Window) []string {
	return textsOf(onScreen(w))
}

// textsOf is the text of every label, rich text and button among objs.
func textsOf(objs []fyne.CanvasObject) []string {
	var out []string
	for _, o := range objs {
		switch v := o.(type) {
		case *widget.Label:
			out = append(out, v.Text)
		case *widget.RichText:
			out = append(out, v.String())
		case *widget.Button:
			out = append(out, v.Text)
		case *widgets.KeyButton:
			out = append(out, v.Text)
		}
	}
	return out
}

// showsText reports whether some text on screen contains s.
func showsText(w fyne.Window, s string) bool {
	return slices.ContainsFunc(visibleTexts(w), func(t string) bool { return strings.Contains(t, s) })
}

// findAll returns every object of type T on screen.
func findAll[T fyne.CanvasObject](w fyne.Window) []T {
	var out []T
	for _, o := range onScreen(w) {
		if v, ok := o.(T); ok {
			out = append(out, v)
		}
	}
	return out
}

// tappable is a button by its text: ours or one of Fyne's (dialogs).
func tappable(t *testing.T, w fyne.Window, text string) fyne.Tappable {
	t.Helper()
	for _, o := range onScreen(w) {
		switch b := o.(type) {
		case *widgets.KeyButton:
			if b.Text == text {
				return b
			}
		case *widget.Button:
			if b.Text == text {
				return b
			}
		}
	}
	t.Fatalf("no button %q on screen; texts: %q", text, visibleTexts(w))
	return nil
}

// tapButton taps a button, failing when it is disabled.
func tapButton(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	b := tappable(t, w, text)
	if d, ok := b.(fyne.Disableable); ok && d.Disabled() {
		t.Fatalf("button %q is disabled", text)
	}
	test.Tap(b)
}

// selects are the Selects on screen, Fyne's and ours, in screen order.
func selects(w fyne.Window) []*widget.Select {
	var out []*widget.Select
	for _, o := range onScreen(w) {
		switch s := o.(type) {
		case *widget.Select:
			out = append(out, s)
		case *widgets.KeySelect:
			out = append(out, &s.Select)
		}
	}
	return out
}

// chooseInSelect picks an option of the n-th Select on screen by tapping it
// open and tapping the option in the pop-up.
func chooseInSelect(t *testing.T, w fyne.Window, n int, option string) {
	t.Helper()
	sels := selects(w)
	if n >= len(sels) {
		t.Fatalf("only %d selects on screen", len(sels))
	}
	test.Tap(sels[n])
	// The innermost tappable holding the option's text is its menu item;
	// the pop-up around it is tappable too (a tap there dismisses it).
	var item fyne.Tappable
	size := 0
	for _, o := range walk(w.Canvas().Overlays().Top()) {
		tp, ok := o.(fyne.Tappable)
		if !ok {
			continue
		}
		inside := walk(o)
		if (item == nil || len(inside) < size) && slices.ContainsFunc(inside, func(in fyne.CanvasObject) bool {
			txt, ok := in.(*canvas.Text)
			return ok && txt.Text == option
		}) {
			item, size = tp, len(inside)
		}
	}
	if item != nil {
		test.Tap(item)
		if sels[n].Selected != option {
			t.Fatalf("select shows %q after choosing %q", sels[n].Selected, option)
		}
		return
	}
	t.Fatalf("option %q not in the pop-up of select %d (%q)", option, n, sels[n].Options)
}

// answerPage taps level `level` of every picker on the current scan page.
func answerPage(t *testing.T, f *uiFixture, level int) {
	t.Helper()
	for _, p := range f.u.scan.pickers {
		test.Tap(p.Option(level))
	}
}

func TestStartProfileScanResults(t *testing.T) {
	f := newUIFixture(t)
	if got := f.a.Preferences().String(prefLastScreen); got != screenStart {
		t.Fatalf("first screen %q, want start", got)
	}
	if showsText(f.w, "Verder met onvoltooide zelfscan") {
		t.Error("resume offered while there is no self-check")
	}
	tapButton(t, f.w, "Nieuwe zelfscan starten")
	if b := tappable(t, f.w, "Start de zelfscan").(*widgets.KeyButton); !b.Disabled() {
		t.Error("start enabled before organisation and function are chosen")
	}
	chooseInSelect(t, f.w, 0, "Politie")
	chooseInSelect(t, f.w, 1, "Uitvoerend professional")
	// Politie + uitvoerend: basis (2), per_org_basis (1), organisatiespecifiek (1).
	if !showsText(f.w, "4 competenties met samen 8 uitspraken") {
		t.Errorf("summary of what is asked missing; texts: %q", visibleTexts(f.w))
	}
	for _, want := range []string{"Scholing loopt via de eigen academie.", "• Casuïstiekbespreking in het team", "Bron: Testbron 3c, Politie"} {
		if !showsText(f.w, want) {
			t.Errorf("organisation context %q missing", want)
		}
	}
	test.Type(findAll[*shortcutEntry](f.w)[0], "Sam")
	tapButton(t, f.w, "Start de zelfscan")

	if got := f.a.Preferences().String(prefLastScreen); got != screenScan {
		t.Fatalf("after start the screen is %q, want scan", got)
	}
	fw := f.u.fw()
	req, _ := fw.Required("politie", "uitvoerend")
	levels := []int{1, 0, 2, 3}
	for i := range req {
		if got := f.u.scan.pos; got != i {
			t.Fatalf("page %d shows competency %d", i, got)
		}
		if !showsText(f.w, req[i].Competency.Title) || !showsText(f.w, categoryLabel(req[i].Competency.Category)) {
			t.Errorf("page %d lacks title or category", i)
		}
		answerPage(t, f, levels[i])
		if i < len(req)-1 {
			tapButton(t, f.w, "Volgende")
		}
	}
	sc, err := f.u.store.SelfCheck(f.u.scan.sc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if sc.Profile != (assessment.Profile{Organisation: "politie", Function: "uitvoerend", Name: "Sam"}) {
		t.Errorf("stored profile %+v", sc.Profile)
	}
	for i, rc := range req {
		for _, ind := range rc.Indicators {
			if r, ok := sc.Ratings[ind.ID]; !ok || r.Level != levels[i] {
				t.Errorf("indicator %s stored %+v, want level %d", ind.ID, r, levels[i])
			}
		}
	}
	if c := sc.Completeness(req); !c.Done() {
		t.Fatalf("completeness %+v after answering everything", c)
	}
	tapButton(t, f.w, "Bekijk resultaten")
	if got := f.a.Preferences().String(prefLastScreen); got != screenResults {
		t.Fatalf("after the last page the screen is %q, want results", got)
	}
	// The results screen names every gap Analyse finds.
	for _, g := range assessment.Analyse(req, sc).Gaps {
		if !showsText(f.w, g.Competency.Title) {
			t.Errorf("gap %q not on the results screen", g.Competency.Title)
		}
	}
}

func TestQuitMidScanResumesWithAnswers(t *testing.T) {
	f := newUIFixture(t)
	tapButton(t, f.w, "Nieuwe zelfscan starten")
	chooseInSelect(t, f.w, 0, "Politie")
	chooseInSelect(t, f.w, 1, "Uitvoerend professional")
	tapButton(t, f.w, "Start de zelfscan")
	answerPage(t, f, 2)
	tapButton(t, f.w, "Volgende")
	test.Tap(f.u.scan.pickers[0].Option(1)) // second indicator left open
	test.Type(f.u.scan.note, "Vraag voor intervisie")
	id := f.u.scan.sc.ID
	want := maps.Clone(f.u.scan.sc.Ratings)

	f.u.quit() // what the window's close button and Ctrl+Q run
	f.start(t)

	if f.u.scan == nil {
		t.Fatalf("restart shows %q, not the scan", f.a.Preferences().String(prefLastScreen))
	}
	if f.u.scan.sc.ID != id || f.u.scan.pos != 1 {
		t.Fatalf("resumed self-check %d at %d, want %d at 1", f.u.scan.sc.ID, f.u.scan.pos, id)
	}
	if !reflect.DeepEqual(ratingLevels(f.u.scan.sc.Ratings), ratingLevels(want)) || len(want) != 3 {
		t.Errorf("ratings after restart %v, before %v", ratingLevels(f.u.scan.sc.Ratings), ratingLevels(want))
	}
	if got := f.u.scan.note.Text; got != "Vraag voor intervisie" {
		t.Errorf("note after restart %q", got)
	}
	if p := f.u.scan.pickers; p[0].Selected() != 1 || p[1].Selected() != -1 {
		t.Errorf("pickers show %d and %d, want 1 and none", p[0].Selected(), p[1].Selected())
	}
	// The start screen offers the unfinished scan with its progress.
	tapButton(t, f.w, "Naar startscherm")
	if !showsText(f.w, "3 van 8 uitspraken beantwoord (37%)") {
		t.Errorf("resume hint missing; texts: %q", visibleTexts(f.w))
	}
	tapButton(t, f.w, "Verder met onvoltooide zelfscan")
	if f.u.scan == nil || f.u.scan.pos != 1 {
		t.Fatal("resume button does not reopen the scan at its page")
	}
}

func ratingLevels(m map[string]assessment.Rating) map[string]int {
	out := map[string]int{}
	for k, v := range m {
		out[k] = v.Level
	}
	return out
}

func TestProfilePrefilledAndLengthChecked(t *testing.T) {
	f := newUIFixture(t)
	if _, err := f.u.store.CreateSelfCheck(assessment.Profile{Organisation: "politie", Function: "leidinggevende", Team: "Noord"}, "test.1", f.u.now()); err != nil {
		t.Fatal(err)
	}
	f.u.showProfile()
	sels := selects(f.w)
	if sels[0].Selected != "Politie" || sels[1].Selected != "Leidinggevende / teamleider" {
		t.Errorf("selects prefilled with %q, %q", sels[0].Selected, sels[1].Selected)
	}
	entries := findAll[*shortcutEntry](f.w)
	if entries[1].Text != "Noord" {
		t.Errorf("team prefilled with %q", entries[1].Text)
	}
	start := tappable(t, f.w, "Start de zelfscan").(*widgets.KeyButton)
	if start.Disabled() {
		t.Fatal("start disabled with a complete profile")
	}
	test.Type(entries[0], strings.Repeat("é", maxProfileRunes+1))
	if !showsText(f.w, "hoogstens 100 tekens hebben; nu zijn het er 101") {
		t.Errorf("a name of 101 characters is not refused clearly; texts %q", visibleTexts(f.w))
	}
	if !start.Disabled() {
		t.Error("start enabled with a name that is too long")
	}
}

func TestAnswerThatCannotBeSavedIsNotShown(t *testing.T) {
	f := newUIFixture(t)
	sc, err := f.u.store.CreateSelfCheck(assessment.Profile{Organisation: "andere", Function: "uitvoerend"}, "test.1", f.u.now())
	if err != nil {
		t.Fatal(err)
	}
	f.u.showScan(sc.ID)
	p := f.u.scan.pickers[0]
	if err := f.u.store.Close(); err != nil { // every later save fails
		t.Fatal(err)
	}
	test.Tap(p.Option(2))
	if p.Selected() != -1 {
		t.Errorf("picker shows level %d that was not saved", p.Selected())
	}
	if f.w.Canvas().Overlays().Top() == nil || !showsText(f.w, "Er ging iets mis") {
		t.Errorf("no error dialog; texts %q", visibleTexts(f.w))
	}
}

func TestScanKeyboard(t *testing.T) {
	f := newUIFixture(t)
	sc, err := f.u.store.CreateSelfCheck(assessment.Profile{Organisation: "politie", Function: "uitvoerend"}, "test.1", f.u.now())
	if err != nil {
		t.Fatal(err)
	}
	f.w.Resize(fyne.NewSize(MinSize().Width, 450))
	f.u.showScan(sc.ID)
	c := f.w.Canvas()
	first := f.u.scan.pickers[0]
	if c.Focused() != first {
		t.Fatalf("focus on %T when the page opens, want the first indicator", c.Focused())
	}
	// The first arrow picks the lowest level, the next ones move from there.
	for _, k := range []fyne.KeyName{fyne.KeyRight, fyne.KeyRight, fyne.KeyRight, fyne.KeyLeft} {
		c.Focused().TypedKey(&fyne.KeyEvent{Name: k})
	}
	stored, _ := f.u.store.SelfCheck(sc.ID)
	if first.Selected() != 1 || stored.Ratings[f.u.scan.req[0].Indicators[0].ID].Level != 1 {
		t.Errorf("arrows right ×3, left: picker %d, stored %+v; want level 1", first.Selected(), stored.Ratings)
	}
	test.FocusNext(c)
	if c.Focused() != f.u.scan.pickers[1] {
		t.Fatalf("Tab moves focus to %T, want the second indicator", c.Focused())
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	if f.u.scan.pickers[1].Selected() != 3 {
		t.Errorf("End picks %d, want the highest level", f.u.scan.pickers[1].Selected())
	}
	test.FocusNext(c)
	if c.Focused() != f.u.scan.note {
		t.Fatalf("Tab after the last indicator reaches %T, want the note", c.Focused())
	}
	// In a low window the page scrolls to follow the focus.
	scroll := findAll[*container.Scroll](f.w)[0]
	d := f.a.Driver()
	top := d.AbsolutePositionForObject(f.u.scan.note).Y - d.AbsolutePositionForObject(scroll.Content).Y
	if top < scroll.Offset.Y || top+f.u.scan.note.Size().Height > scroll.Offset.Y+scroll.Size().Height {
		t.Errorf("the focused note (%v–%v) is outside the visible part %v–%v", top, top+f.u.scan.note.Size().Height,
			scroll.Offset.Y, scroll.Offset.Y+scroll.Size().Height)
	}
	// Alt+→ pages on even while typing in the note.
	f.u.scan.note.TypedShortcut(shortcutForward)
	if f.u.scan.pos != 1 {
		t.Fatalf("Alt+Right from the note: page %d, want 1", f.u.scan.pos)
	}
	c.(fyne.Shortcutable).TypedShortcut(shortcutBack)
	if f.u.scan.pos != 0 {
		t.Fatalf("Alt+Left: page %d, want 0", f.u.scan.pos)
	}
	// Enter on a focused button activates it.
	next := tappable(t, f.w, "Volgende").(*widgets.KeyButton)
	c.Focus(next)
	next.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if f.u.scan.pos != 1 {
		t.Errorf("Enter on Volgende: page %d, want 1", f.u.scan.pos)
	}
}

func TestCtrlQQuitsFromAnEntry(t *testing.T) {
	f := newUIFixture(t)
	f.u.showProfile()
	e := findAll[*shortcutEntry](f.w)[0]
	closed := false
	f.w.SetOnClosed(func() { closed = true })
	e.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault})
	if !closed {
		t.Error("Ctrl+Q in an entry does not close the window")
	}
	// Quitting closed the store, so the folder is free for the next start.
	st, err := store.Open(f.dir)
	if err != nil {
		t.Fatalf("folder still locked after quitting: %v", err)
	}
	st.Close()
}

func TestWindowSizeRemembered(t *testing.T) {
	f := newUIFixture(t)
	f.w.Resize(fyne.NewSize(1200, 820))
	f.u.quit()
	f.start(t)
	if got := f.w.Canvas().Size(); got != fyne.NewSize(1200, 820) {
		t.Errorf("after a restart the window is %v, want 1200x820", got)
	}
	// A remembered size below the minimum is raised to it.
	f.w.Resize(fyne.NewSize(640, 480))
	f.u.quit()
	f.start(t)
	if got := f.w.Canvas().Size(); got.Width < MinSize().Width || got.Height < MinSize().Height {
		t.Errorf("window restored at %v, smaller than %v", got, MinSize())
	}
}

// On the last page Alt+→ goes on to the results, as "Bekijk resultaten"
// does: here with statements still open, so it first asks.
func TestAltRightOnLastPageFinishes(t *testing.T) {
	f := newUIFixture(t)
	sc, err := f.u.store.CreateSelfCheck(assessment.Profile{Organisation: "politie", Function: "uitvoerend"}, "test.1", f.u.now())
	if err != nil {
		t.Fatal(err)
	}
	f.u.showScan(sc.ID)
	f.u.scanGoTo(f.u.scan, len(f.u.scan.req)-1)
	f.w.Canvas().(fyne.Shortcutable).TypedShortcut(shortcutForward)
	if !showsText(f.w, "Nog niet alles beantwoord") {
		t.Fatalf("Alt+Right on the last page did not go on; window shows %q", visibleTexts(f.w))
	}
}

// The keyboard alone goes through the whole flow: Alt+→ from the last page
// of a finished scan to the results and on to the plan, Alt+← back to the
// results and the scan, Ctrl+H to the history; with a dialog open the
// keys wait.
func TestKeyboardThroughScanResultsAndPlan(t *testing.T) {
	f := newScanFixture(t)
	id := f.u.scan.sc.ID
	key := func(s fyne.Shortcut) { f.w.Canvas().(fyne.Shortcutable).TypedShortcut(s) }
	for range f.u.scan.req {
		answerPage(t, f, 2)
		key(shortcutForward)
	}
	steps := []struct {
		key    fyne.Shortcut
		screen string
		shows  string
	}{
		{shortcutForward, screenResults, "Resultaten van de zelfscan"},
		{shortcutForward, screenPlan, "Persoonlijk leerplan"},
		{shortcutBack, screenResults, "Resultaten van de zelfscan"},
		{shortcutBack, screenScan, "Bekijk resultaten"},
		{shortcutHistory, screenHistory, "Terug naar start"},
	}
	for i, st := range steps {
		if i > 0 {
			key(st.key)
		}
		if got := f.a.Preferences().String(prefLastScreen); got != st.screen || !showsText(f.w, st.shows) {
			t.Fatalf("step %d: on screen %q showing %q, want %q with %q", i, got, visibleTexts(f.w), st.screen, st.shows)
		}
	}
	f.u.showResults(id)
	f.u.showMessage("Let op", "Een dialoog")
	key(shortcutForward)
	if got := f.a.Preferences().String(prefLastScreen); got != screenResults {
		t.Errorf("Alt+→ with a dialog open went to %q", got)
	}
}

// The remembered screen belongs to one data folder: started on another
// folder (with --data), the app opens on the start screen, not on a
// self-check of that folder that happens to have the same number.
func TestRestoreIgnoresAnotherDataFolder(t *testing.T) {
	f := newUIFixture(t)
	sc, err := f.u.store.CreateSelfCheck(assessment.Profile{Organisation: "politie", Function: "uitvoerend"}, "test.1", f.u.now())
	if err != nil {
		t.Fatal(err)
	}
	f.u.showScan(sc.ID)
	f.u.quit()

	other := &uiFixture{a: f.a, dir: t.TempDir()}
	st, err := store.Open(other.dir)
	if err != nil {
		t.Fatal(err)
	}
	if same, err := st.CreateSelfCheck(assessment.Profile{Organisation: "politie", Function: "uitvoerend"}, "test.1", f.u.now()); err != nil || same.ID != sc.ID {
		t.Fatalf("setting up a self-check with the same number: %v, %v", same, err)
	}
	st.Close()
	other.start(t)
	if got := other.a.Preferences().String(prefLastScreen); got != screenStart {
		t.Fatalf("another data folder reopened %q, want the start screen", got)
	}
}

// The first Tab on the start screen goes to the first step, "Nieuwe
// zelfscan starten", not to "Over" in the corner.
func TestFirstTabOnStartIsTheFirstStep(t *testing.T) {
	f := newUIFixture(t)
	f.u.ShowStart()
	c := f.w.Canvas()
	c.Unfocus()
	test.FocusNext(c)
	if b, ok := c.Focused().(*widgets.KeyButton); !ok || b.Text != "Nieuwe zelfscan starten" {
		t.Errorf("the first Tab goes to %#v", c.Focused())
	}
}
