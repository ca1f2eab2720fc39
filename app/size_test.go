package app

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"zelfscan/assessment"
	"zelfscan/assets"
	"zelfscan/overview/sample"
	"zelfscan/plans"
	"zelfscan/plans/planfile"
	"zelfscan/store"
	"zelfscan/workspace"
)

// fits fails when the window content needs more room than MinSize, which
// would clip it in the smallest window we support.
func fits(t *testing.T, f *uiFixture, what string) {
	t.Helper()
	if m := f.w.Content().MinSize(); m.Width > MinSize().Width || m.Height > MinSize().Height {
		t.Errorf("%s needs %v, more than %v", what, m, MinSize())
	}
	t.Run(what, func(t *testing.T) { allInside(t, f.w) })
}

// Every screen of GUI-A, with the real framework, fits in 800×600 (small
// laptops, projectors): every scan page of every organisation, the
// profile with the longest context, the results and the plan.
func TestScreensFitMinSize(t *testing.T) {
	f, st, fw := newMinSizeFixture(t)
	fits(t, f, "the start screen")
	for _, org := range fw.Organisations {
		// The function that asks the most shows every page this organisation has.
		best, most := "", -1
		for _, fn := range fw.FunctionsFor(org.ID) {
			req, err := fw.Required(org.ID, fn.ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(req) > most {
				best, most = fn.ID, len(req)
			}
		}
		sc, err := st.CreateSelfCheck(assessment.Profile{Organisation: org.ID, Function: best}, fw.Version, fixedNow)
		if err != nil {
			t.Fatal(err)
		}
		f.u.showProfile()
		fits(t, f, "the profile screen for "+org.ID)
		f.u.showScan(sc.ID)
		for i := range f.u.scan.req {
			f.u.scanGoTo(f.u.scan, i)
			fits(t, f, "scan page "+f.u.scan.req[i].Competency.ID+" for "+org.ID)
		}
		f.u.showResults(sc.ID)
		fits(t, f, "the results for "+org.ID)
		f.u.showPlan(sc.ID)
		fits(t, f, "the plan for "+org.ID)
	}
	f.u.showHistory()
	fits(t, f, "the history")
}

// newMinSizeFixture starts the app with the real framework and a fresh
// store in a window of the smallest size.
func newMinSizeFixture(t *testing.T) (*uiFixture, *store.Store, *assessment.Framework) {
	t.Helper()
	fw, err := assessment.Load(assets.Files, assets.FrameworkDir)
	if err != nil {
		t.Fatalf("the embedded framework does not load: %v", err)
	}
	a := test.NewTempApp(t)
	w := test.NewWindow(nil)
	w.Resize(MinSize())
	f := &uiFixture{a: a, w: w}
	st := openTestStore(t)
	f.u = start(a, w, fw, nil, st, Options{})
	return f, st, fw
}

// openTestStore is a real store in a temporary folder, closed after the test.
func openTestStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// storePoliceSelfCheck stores a police officer's self-check (uitvoerend)
// with every statement answered at level, and returns it with the
// competencies it asks.
func storePoliceSelfCheck(t *testing.T, st *store.Store, fw *assessment.Framework, name string, level int, day time.Time) (*assessment.SelfCheck, []assessment.RequiredCompetency) {
	t.Helper()
	sc, err := st.CreateSelfCheck(assessment.Profile{Organisation: "politie", Function: "uitvoerend", Name: name}, fw.Version, day)
	if err != nil {
		t.Fatal(err)
	}
	req, err := fw.Required("politie", "uitvoerend")
	if err != nil {
		t.Fatal(err)
	}
	for _, rc := range req {
		for _, ind := range rc.Indicators {
			if err := st.SaveRating(sc.ID, ind.ID, assessment.Rating{Level: level, At: day}); err != nil {
				t.Fatal(err)
			}
		}
	}
	return sc, req
}

// At 1024×700, the usual laptop window, the statements of every scan page,
// for every organisation and function, are in view without scrolling (the
// details folded). In a smaller window the page scrolls with the focus.
func TestScanStatementsFitWithoutScrolling(t *testing.T) {
	f, st, fw := newMinSizeFixture(t)
	f.w.Resize(fyne.NewSize(1024, 700))
	tallest, pages := float32(0), 0
	for _, org := range fw.Organisations {
		t.Run(org.ID, func(t *testing.T) {
			seen := map[string]bool{}
			for _, fn := range fw.FunctionsFor(org.ID) {
				sc, err := st.CreateSelfCheck(assessment.Profile{Organisation: org.ID, Function: fn.ID}, fw.Version, fixedNow)
				if err != nil {
					t.Fatal(err)
				}
				f.u.showScan(sc.ID)
				for i, rc := range f.u.scan.req {
					if seen[rc.Competency.ID] {
						continue
					}
					seen[rc.Competency.ID] = true
					f.u.scanGoTo(f.u.scan, i)
					bottom := statementsBottom(f.u.scan)
					tallest, pages = max(tallest, bottom), pages+1
					if view := f.u.scan.scroll.Size().Height; bottom > view {
						t.Errorf("%s (%s): the statements end at %.0f, the view at %.0f", rc.Competency.ID, fn.ID, bottom, view)
					}
				}
			}
		})
	}
	t.Logf("%d pages; the statements of the longest end %.0f px below the top of a %.0f px view",
		pages, tallest, f.u.scan.scroll.Size().Height)
}

// statementsBottom is how far below the top of the scan's scrolling part
// the last statement ends, unscrolled.
func statementsBottom(s *scanState) float32 {
	d := fyne.CurrentApp().Driver()
	last := s.pickers[len(s.pickers)-1]
	return d.AbsolutePositionForObject(last).Y + last.Size().Height - d.AbsolutePositionForObject(s.scroll).Y
}

// At 800×600 the scan's footer, whose key hint wraps into three lines,
// shows all of it on every page, not only on the first.
func TestScanFooterNotClippedAfterPaging(t *testing.T) {
	f, st, fw := newMinSizeFixture(t)
	sc, err := st.CreateSelfCheck(assessment.Profile{Organisation: "politie", Function: "uitvoerend"}, fw.Version, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	f.u.showScan(sc.ID)
	for i := range f.u.scan.req {
		f.u.scanGoTo(f.u.scan, i)
		for _, o := range walk(f.u.scan.chrome.footer) {
			if l, ok := o.(*widget.Label); ok && l.Size().Height < l.MinSize().Height-0.5 {
				t.Fatalf("page %d: %q is %v high, needs %v", i+1, l.Text, l.Size().Height, l.MinSize().Height)
			}
		}
	}
}

// The other screens fit the smallest window too: the framework with every
// organisation's competencies, the offer coverage, the organisation and
// group overviews, the own catalogue, "Mijn gegevens" and the history.
func TestOtherScreensFitMinSize(t *testing.T) {
	f, _, fw := newMinSizeFixture(t)
	f.u.showFramework()
	fits(t, f, "the framework screen")
	for _, org := range fw.Organisations {
		chooseInSelect(t, f.w, 0, org.Name)
		fits(t, f, "the framework screen for "+org.ID)
	}
	f.u.showCoverage()
	fits(t, f, "the offer coverage")
	f.u.showOrganisation()
	fits(t, f, "the organisation overview")
	f.u.showGroup(nil)
	fits(t, f, "the group overview")
	f.u.showCatalogue(f.u.ShowStart)
	fits(t, f, "the own catalogue")
	f.u.showPrivacy()
	fits(t, f, "Mijn gegevens")
}

// The organisation overview of many organisations and functions, with its
// participation, effects and remarks, fits the smallest window too: long
// names and offer titles wrap instead of widening the window.
func TestOrganisationOverviewFitsMinSize(t *testing.T) {
	f, _, fw := newMinSizeFixture(t)
	cat, err := plans.LoadBuiltin(assets.Files, assets.CatalogueFile, fw)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for i := range 300 {
		pf, err := sample.Plan(fw, cat, 1, i)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := planfile.Encode(&buf, pf); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("plan-%d%s", i, planfile.Extension)), buf.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	f.u.showOrganisation()
	st := &orgState{minGroup: workspace.MinGroupFloor, folders: []string{dir}}
	f.u.reorganise(st)
	f.u.busy.Wait()
	if st.err != nil || st.overview == nil || len(st.overview.Groups) == 0 {
		t.Fatalf("no overview of 300 plans: %v", st.err)
	}
	fits(t, f, "the organisation overview of 300 plans")
}
