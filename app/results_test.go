package app

import (
	"encoding/json"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"zelfscan/app/widgets"
	"zelfscan/assessment"
	"zelfscan/assets"
	"zelfscan/store"
)

// resultsFrameworkFiles is a small framework: two basis competencies, one
// per-organisation basis, one for the police only, one deepening and one
// role competency, each with two indicators.
var resultsFrameworkFiles = map[string]string{
	"framework.yaml": `version: "t1"
source: {title: "Testkader", publisher: "Test", year: 2026, credit: "Testbron."}
scale:
  - {level: 0, label: "Nog niet", description: "Nieuw."}
  - {level: 1, label: "Basis", description: "Kennen."}
  - {level: 2, label: "Toepassen", description: "Zelf doen."}
  - {level: 3, label: "Verdiepen", description: "Anderen begeleiden."}
`,
	"organisations.yaml": `organisations:
  - {id: politie, name: Politie}
  - {id: andere, name: Andere organisatie}
`,
	"functions.yaml": `functions:
  - id: uitvoerend
    name: Uitvoerend professional
    required: {basis: 2, verdiepend: 1, per_org_basis: 2, organisatiespecifiek: 2}
  - id: leidinggevende
    name: Leidinggevende
    required: {basis: 2, verdiepend: 2}
    extra:
      - {competency: r1, level: 3}
`,
	"competencies.yaml": `competencies:
  - id: b1
    category: basis
    title: "Vormen van geweld"
    description: "Vormen."
    source: "Bijlage 3a"
    indicators: [{id: b1-1, text: "Ik kan a."}, {id: b1-2, text: "Ik kan b."}]
  - id: b2
    category: basis
    title: "Patronen zien"
    description: "Patronen."
    source: "Bijlage 3a"
    indicators: [{id: b2-1, text: "Ik kan c."}, {id: b2-2, text: "Ik kan d."}]
  - id: v1
    category: verdiepend
    title: "Wetgeving"
    description: "Wetgeving."
    source: "Bijlage 3a"
    indicators: [{id: v1-1, text: "Ik kan e."}, {id: v1-2, text: "Ik kan f."}]
  - id: o1
    category: per_org_basis
    title: "Triage"
    description: "Triage."
    source: "Bijlage 3a"
    indicators: [{id: o1-1, text: "Ik kan g."}, {id: o1-2, text: "Ik kan h."}]
  - id: p1
    category: organisatiespecifiek
    title: "Risico-inschatting"
    description: "Risico."
    source: "Bijlage 3b"
    organisations: [politie]
    indicators: [{id: p1-1, text: "Ik kan i."}, {id: p1-2, text: "Ik kan j."}]
  - id: r1
    category: rol
    title: "Reflectie in het team"
    description: "Intervisie."
    source: "Paragraaf 4.1"
    indicators: [{id: r1-1, text: "Ik kan k."}, {id: r1-2, text: "Ik kan l."}]
`,
}

// resultsFixture is a UI on a test window with a real store in a temp dir.
type resultsFixture struct {
	u   *UI
	w   fyne.Window
	st  *store.Store
	fw  *assessment.Framework
	day time.Time
}

func newResultsFixture(t *testing.T) *resultsFixture {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, data := range resultsFrameworkFiles {
		fsys["fw/"+name] = &fstest.MapFile{Data: []byte(data)}
	}
	fw, err := assessment.Load(fsys, "fw")
	if err != nil {
		t.Fatalf("load test framework: %v", err)
	}
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	a := test.NewTempApp(t)
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	w.Resize(MinSize())
	return &resultsFixture{u: New(a, w, fw, st), w: w, st: st, fw: fw,
		day: time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)}
}

// selfCheck stores a self-check started daysLater after the fixture's day,
// with the given level per indicator.
func (f *resultsFixture) selfCheck(t *testing.T, fn string, daysLater int, ratings map[string]int) int64 {
	t.Helper()
	at := f.day.AddDate(0, 0, daysLater)
	sc, err := f.st.CreateSelfCheck(assessment.Profile{Organisation: "politie", Function: fn, Name: "Sam", Team: "Noord"}, f.fw.Version, at)
	if err != nil {
		t.Fatalf("create self-check: %v", err)
	}
	for ind, l := range ratings {
		if err := f.st.SaveRating(sc.ID, ind, assessment.Rating{Level: l, At: at}); err != nil {
			t.Fatalf("save rating %s: %v", ind, err)
		}
	}
	return sc.ID
}

// gatherObjects walks what the window renders and returns every object of type T.
func gatherObjects[T fyne.CanvasObject](root fyne.CanvasObject) []T {
	var out []T
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil {
			return
		}
		if v, ok := o.(T); ok {
			out = append(out, v)
		}
		switch c := o.(type) {
		case *fyne.Container:
			for _, ch := range c.Objects {
				walk(ch)
			}
		case fyne.Widget:
			for _, ch := range test.WidgetRenderer(c).Objects() {
				walk(ch)
			}
		}
	}
	walk(root)
	return out
}

// gatherButton finds the visible button with the given text: one of ours
// or one of a Fyne dialog.
func gatherButton(t *testing.T, root fyne.CanvasObject, text string) fyne.Tappable {
	t.Helper()
	for _, b := range gatherObjects[*widgets.KeyButton](root) {
		if b.Text == text && b.Visible() {
			return b
		}
	}
	for _, b := range gatherObjects[*widget.Button](root) {
		if b.Text == text && b.Visible() {
			return b
		}
	}
	t.Fatalf("no button %q on screen", text)
	return nil
}

// onlyView returns the single view of type T on screen.
func onlyView[T fyne.CanvasObject](t *testing.T, w fyne.Window) T {
	t.Helper()
	views := gatherObjects[T](w.Content())
	if len(views) != 1 {
		t.Fatalf("found %d views of type %T, want 1", len(views), *new(T))
	}
	return views[0]
}

// saveCapture writes the window as PNG when ZELFSCAN_SHOTS names a folder,
// to look at a screen without a display.
func saveCapture(t *testing.T, w fyne.Window, name string) {
	dir := os.Getenv("ZELFSCAN_SHOTS")
	if dir == "" {
		return
	}
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}

func TestResultsShowGapsInAnalyseOrder(t *testing.T) {
	f := newResultsFixture(t)
	// Police, uitvoerend: b1 b2 o1 p1 require 2, v1 requires 1.
	// b1 1,1 → average 1.0, 1.0 short, basis → hoog, 2 of 2 below;
	// b2 0,1 → 0.5, 1.5 short, basis → hoog; o1 3,2 → 2.5 strength;
	// p1 only p1-1=0 → 0, 2.0 short, incomplete → hoog;
	// v1 0,0 → 1.0 short in deepening, counts half → 0.5, middel.
	// Order by weighted shortfall: p1 (2.0), b2 (1.5), b1 (1.0), v1 (0.5).
	id := f.selfCheck(t, "uitvoerend", 0, map[string]int{
		"b1-1": 1, "b1-2": 1, "b2-1": 0, "b2-2": 1, "o1-1": 3, "o1-2": 2, "p1-1": 0, "v1-1": 0, "v1-2": 0,
	})
	f.u.showResults(id)
	saveCapture(t, f.w, "results")
	view := onlyView[*resultsView](t, f.w)

	sc, err := f.st.SelfCheck(id)
	if err != nil {
		t.Fatal(err)
	}
	req, err := f.fw.Required("politie", "uitvoerend")
	if err != nil {
		t.Fatal(err)
	}
	want := assessment.Analyse(req, sc).Gaps
	if len(view.gaps) != len(want) {
		t.Fatalf("screen shows %d gaps, Analyse gives %d", len(view.gaps), len(want))
	}
	for i, g := range want {
		title := strings.TrimSuffix(view.gaps[i].title.Text, " *")
		if title != g.Competency.Title {
			t.Errorf("gap row %d: %q, Analyse has %q", i, title, g.Competency.Title)
		}
		if got := view.gaps[i].priority.Text; got != g.Priority().Label() {
			t.Errorf("gap row %d priority %q, want %q", i, got, g.Priority().Label())
		}
	}
	// The hand-worked expectation, so a change in Analyse is noticed here too.
	wantTitles := []string{"Risico-inschatting *", "Patronen zien", "Vormen van geweld", "Wetgeving"}
	wantPrio := []string{"hoog", "hoog", "hoog", "middel"}
	for i := range wantTitles {
		if view.gaps[i].title.Text != wantTitles[i] || view.gaps[i].priority.Text != wantPrio[i] {
			t.Errorf("gap row %d: %q %q, want %q %q", i, view.gaps[i].title.Text, view.gaps[i].priority.Text, wantTitles[i], wantPrio[i])
		}
	}
	checkScoreAndEvidence(t, view)

	if len(view.strengths) != 1 || !strings.HasPrefix(view.strengths[0].Text, "Triage") {
		t.Errorf("strengths = %v, want only Triage", labelTexts(view.strengths))
	}
}

// checkScoreAndEvidence: the hand-worked gap Patronen zien (answers 0, 1
// against level 2) shows its average, shortfall and both statements, and
// the summary names the three largest gaps.
func checkScoreAndEvidence(t *testing.T, view *resultsView) {
	t.Helper()
	if d := view.gaps[1].detail.Text; !strings.Contains(d, "0 Nog niet") || !strings.Contains(d, "2 Toepassen") ||
		!strings.Contains(d, "Basiskennis en -vaardigheden") || !strings.Contains(d, "gemiddeld 0,5") ||
		!strings.Contains(d, "1,5 onder vereist") || !strings.Contains(d, "2 van 2 uitspraken") {
		t.Errorf("detail of second gap %q does not name category, levels, average, shortfall and count below", d)
	}
	// Evidence: the statements rated below level 2, lowest first.
	if ev := strings.Split(view.gaps[1].evidence.Text, "\n"); len(ev) != 2 || !strings.Contains(ev[0], "uw antwoord: 0") || !strings.Contains(ev[1], "uw antwoord: 1") {
		t.Errorf("evidence of Patronen zien = %q, want its two statements, rated 0 then 1", ev)
	}
	if got, want := view.summary.Text, "4 tekorten, 1 op niveau; grootste tekorten: Risico-inschatting; Patronen zien; Vormen van geweld."; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}

}

func TestResultsIncompleteOffersToContinue(t *testing.T) {
	f := newResultsFixture(t)
	id := f.selfCheck(t, "uitvoerend", 0, map[string]int{"b1-1": 2})
	f.u.showResults(id)
	view := onlyView[*resultsView](t, f.w)
	if view.incomplete == nil {
		t.Fatal("an incomplete self-check shows no notice")
	}
	test.Tap(gatherButton(t, view.incomplete, "Verder met de zelfscan"))
	if got := f.u.app.Preferences().String(prefLastScreen); got != screenScan {
		t.Errorf("after 'Verder met de zelfscan' the screen is %q, want %q", got, screenScan)
	}
}

func TestResultsCompleteHasNoNotice(t *testing.T) {
	f := newResultsFixture(t)
	all := map[string]int{}
	for _, ind := range []string{"b1-1", "b1-2", "b2-1", "b2-2", "o1-1", "o1-2", "p1-1", "p1-2", "v1-1", "v1-2"} {
		all[ind] = 3
	}
	id := f.selfCheck(t, "uitvoerend", 0, all)
	f.u.showResults(id)
	view := onlyView[*resultsView](t, f.w)
	if view.incomplete != nil {
		t.Error("a complete self-check shows the incomplete notice")
	}
	if len(view.gaps) != 0 || len(view.strengths) != 5 {
		t.Errorf("all at level 3: %d gaps and %d strengths, want 0 and 5", len(view.gaps), len(view.strengths))
	}
	if got := f.u.app.Preferences().Int(prefSelfCheck); got != int(id) {
		t.Errorf("remembered self-check %d, want %d", got, id)
	}
}

func TestResultsOfMissingSelfCheckSaysSo(t *testing.T) {
	f := newResultsFixture(t)
	f.u.showResults(999)
	if n := len(gatherObjects[*resultsView](f.w.Content())); n != 0 {
		t.Fatalf("a missing self-check shows %d result views", n)
	}
	want := explain(store.ErrNotFound)
	found := false
	for _, l := range gatherObjects[*widget.Label](f.w.Content()) {
		found = found || l.Text == want
	}
	if !found {
		t.Errorf("screen does not say %q", want)
	}
	test.Tap(gatherButton(t, f.w.Content(), "Geschiedenis"))
	if got := f.u.app.Preferences().String(prefLastScreen); got != screenHistory {
		t.Errorf("'Geschiedenis' leads to %q", got)
	}
}

func labelTexts(ls []*widget.Label) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.Text
	}
	return out
}

// TestResultsTranslationsComplete checks that every key results.go and
// history.go ask for is in both translation files, and that the two files
// hold the same keys.
func TestResultsTranslationsComplete(t *testing.T) {
	files := map[string]map[string]string{}
	for _, l := range []string{"nl", "en"} {
		data, err := fs.ReadFile(assets.Files, "translations/results/"+l+".json")
		if err != nil {
			t.Fatal(err)
		}
		raw := map[string]json.RawMessage{}
		if err := json.Unmarshal(data, &raw); err != nil {
			t.Fatalf("%s.json: %v", l, err)
		}
		m := map[string]string{}
		for k, r := range raw {
			m[k], _ = otherForm(r)
		}
		files[l] = m
	}
	used := regexp.MustCompile(`lang\.XN?\(\s*"([^"]+)"`)
	for _, src := range []string{"results.go", "history.go"} {
		code, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range used.FindAllStringSubmatch(string(code), -1) {
			for l, keys := range files {
				if keys[m[1]] == "" {
					t.Errorf("%s: key %q missing from %s.json", src, m[1], l)
				}
			}
		}
	}
	for k := range files["nl"] {
		if _, ok := files["en"][k]; !ok {
			t.Errorf("key %q in nl.json but not in en.json", k)
		}
	}
	for k := range files["en"] {
		if _, ok := files["nl"][k]; !ok {
			t.Errorf("key %q in en.json but not in nl.json", k)
		}
	}
}

// textsScrolledThrough are the texts a reader sees who scrolls the screen
// from top to bottom a view at a time: long screens draw only what is near
// the view (widgets.InViewColumn).
func textsScrolledThrough(w fyne.Window) []string {
	var texts []string
	for _, s := range findAll[*container.Scroll](w) {
		s.ScrollToTop()
	}
	texts = append(texts, visibleTexts(w)...)
	for _, s := range findAll[*container.Scroll](w) {
		for s.Offset.Y+s.Size().Height < s.Content.MinSize().Height {
			before := s.Offset.Y
			s.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -s.Size().Height/2)})
			texts = append(texts, visibleTexts(w)...)
			if s.Offset.Y == before {
				break
			}
		}
	}
	return texts
}

// showsTextScrolledThrough reports whether a reader scrolling through the
// screen sees s.
func showsTextScrolledThrough(w fyne.Window, s string) bool {
	return slices.ContainsFunc(textsScrolledThrough(w), func(t string) bool { return strings.Contains(t, s) })
}

// scrollToEnd scrolls the screen's scrolling parts to their end, as a
// reader does to see the bottom of a long screen.
func scrollToEnd(w fyne.Window) {
	for _, s := range findAll[*container.Scroll](w) {
		// A column that measures its blocks as they come into view grows
		// while it scrolls: go on to the end until the end stays put.
		for range 20 {
			before := s.Offset
			s.ScrollToBottom()
			if s.OnScrolled != nil {
				s.OnScrolled(s.Offset)
			}
			if s.Offset == before {
				break
			}
		}
	}
}

// A long results screen has only what is in or near view in the widget
// tree (Fyne would rasterise the text of all of it before showing any):
// the last gap appears when the reader scrolls down, the summary at the
// top goes, and the button back to the scan stays where Tab can reach it.
func TestResultsDrawOnlyWhatIsInView(t *testing.T) {
	f, st, fw := newMinSizeFixture(t)
	sc, req := storePoliceSelfCheck(t, st, fw, "", 0, fixedNow)
	if err := st.DeleteRating(sc.ID, req[0].Indicators[0].ID); err != nil {
		t.Fatal(err)
	}
	f.u.showResults(sc.ID)
	view := onlyView[*resultsView](t, f.w)
	summary, last := view.summary.Text, view.gaps[len(view.gaps)-1].title.Text
	if !showsText(f.w, summary) || showsText(f.w, last) {
		t.Fatalf("at the top: summary shown %v, last gap shown %v; want true, false", showsText(f.w, summary), showsText(f.w, last))
	}
	scrollToEnd(f.w)
	if showsText(f.w, summary) || !showsText(f.w, last) {
		t.Errorf("at the end: summary shown %v, last gap shown %v; want false, true", showsText(f.w, summary), showsText(f.w, last))
	}
	if !showsText(f.w, "Verder met de zelfscan") {
		t.Error("the button back to the scan left the tree")
	}
	// A block that grows (the explanation opened) gets the room it needs
	// once the reader scrolls (in the real window at once: its canvas lays
	// out again whatever grows).
	acc := findAll[*widget.Accordion](f.w)
	if len(acc) != 1 {
		t.Fatalf("%d accordions on the results, want the explanation", len(acc))
	}
	acc[0].Open(0)
	for _, s := range findAll[*container.Scroll](f.w) {
		s.ScrollToTop()
	}
	scrollToEnd(f.w)
	if got, want := acc[0].Size().Height, acc[0].MinSize().Height; got < want {
		t.Errorf("the opened explanation is %.0f px high, needs %.0f", got, want)
	}
}

// At 800×600 the first gap is on the first screen of the results, above
// the long chart, and PageDown and PageUp page through the results, also
// from a focused button.
func TestResultsGapsFirstAndPageKeys(t *testing.T) {
	f, st, fw := newMinSizeFixture(t)
	sc, _ := storePoliceSelfCheck(t, st, fw, "Sam", 0, fixedNow)
	f.u.showResults(sc.ID)
	view := onlyView[*resultsView](t, f.w)
	scroll := mainScroll(f.w.Content())
	if len(view.gaps) == 0 || scroll == nil {
		t.Fatalf("%d gaps, scroll %v", len(view.gaps), scroll)
	}
	d := f.a.Driver()
	top := d.AbsolutePositionForObject(view.gaps[0].title).Y - d.AbsolutePositionForObject(scroll).Y
	if top > scroll.Size().Height {
		t.Errorf("the first gap starts %v px down a view of %v: it needs scrolling to be seen", top, scroll.Size().Height)
	}
	c := f.w.Canvas()
	key := func(name fyne.KeyName) {
		ev := &fyne.KeyEvent{Name: name}
		if w := c.Focused(); w != nil {
			w.TypedKey(ev)
		} else {
			c.OnTypedKey()(ev)
		}
	}
	key(fyne.KeyPageDown)
	if got, want := scroll.Offset.Y, scroll.Size().Height*0.9; got < want-1 || got > want+1 {
		t.Errorf("PageDown scrolled to %v, want %v", got, want)
	}
	c.Focus(tappable(t, f.w, "Leerplan maken").(*widgets.KeyButton))
	key(fyne.KeyPageDown)
	if got, want := scroll.Offset.Y, scroll.Size().Height*1.8; got < want-1 || got > want+1 {
		t.Errorf("PageDown from a button scrolled to %v, want %v", got, want)
	}
	key(fyne.KeyPageUp)
	key(fyne.KeyPageUp)
	key(fyne.KeyPageUp)
	if scroll.Offset.Y != 0 {
		t.Errorf("PageUp three times leaves the results at %v, want the top", scroll.Offset.Y)
	}
}
