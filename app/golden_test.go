package app

import (
	"os"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"zelfscan/assessment"
)

// goldenDir is a fixed data folder: the start screen names it, so a
// temporary folder would make its markup differ on every run.
const goldenDir = "/tmp/zelfscan-golden-markup"

// The start, scan, results and plan screens render to the markup in
// testdata/markup, on the test framework at the smallest window: a change
// to any of them shows up as a diff to review, and a new master is written
// to testdata/failed/markup to copy over when the change is meant.
func TestScreensRenderToMarkup(t *testing.T) {
	os.RemoveAll(goldenDir)
	if err := os.MkdirAll(goldenDir, 0o700); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(goldenDir) })
	a := test.NewTempApp(t)
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	w.Resize(MinSize())
	u := Run(a, w, testOptions(goldenDir))
	if u == nil {
		t.Fatalf("Run did not start: %q", visibleTexts(w))
	}
	t.Cleanup(func() { u.store.Close() })
	u.now = func() time.Time { return fixedNow }
	u.ShowStart()
	test.AssertRendersToMarkup(t, "markup/start.xml", w.Canvas())

	fw := u.fw()
	org := fw.Organisations[0].ID
	fn := fw.FunctionsFor(org)[0].ID
	sc, err := u.store.CreateSelfCheck(assessment.Profile{Organisation: org, Function: fn, Name: "Sam"}, fw.Version, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	req, err := fw.Required(org, fn)
	if err != nil {
		t.Fatal(err)
	}
	u.showScan(sc.ID)
	test.AssertRendersToMarkup(t, "markup/scan.xml", w.Canvas())
	for _, rc := range req {
		for _, ind := range rc.Indicators {
			if err := u.store.SaveRating(sc.ID, ind.ID, assessment.Rating{Level: 0, At: fixedNow}); err != nil {
				t.Fatal(err)
			}
		}
	}
	u.showResults(sc.ID)
	test.AssertRendersToMarkup(t, "markup/results.xml", w.Canvas())
	u.showPlan(sc.ID)
	test.AssertRendersToMarkup(t, "markup/plan.xml", w.Canvas())
}
