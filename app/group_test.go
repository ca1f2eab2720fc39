package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"zelfscan/assessment"
	"zelfscan/assets"
	"zelfscan/plans/planfile"
)

// lead is the group's supervisor: the real framework and catalogue, an
// empty store of their own.
type lead struct {
	u *UI
	w fyne.Window
}

func newLead(t *testing.T, a fyne.App) *lead {
	t.Helper()
	fw, err := assessment.Load(assets.Files, assets.FrameworkDir)
	if err != nil {
		t.Fatal(err)
	}
	l := &lead{w: test.NewWindow(nil)}
	t.Cleanup(l.w.Close)
	l.w.Resize(MinSize())
	l.u = New(a, l.w, fw, openTestStore(t))
	l.u.ShowStart()
	return l
}

func TestGroupOverviewWithABrokenFile(t *testing.T) {
	a := test.NewTempApp(t)
	dir := t.TempDir()
	// Named as the app names exported plans: with the owner's name in it.
	anna := filepath.Join(dir, "leerplan-anna-jansen-2026-06-10.zelfscan")
	newProfessional(t, a, "Anna Jansen", 0).export(t, anna)
	bram := filepath.Join(dir, "leerplan-bram-de-vries-2026-06-10.pdf")
	newProfessional(t, a, "Bram de Vries", 1).export(t, bram)
	broken := filepath.Join(dir, "kapot.zelfscan")
	if err := os.WriteFile(broken, []byte(`{"format": "zelfscan-ggg-leerplan", "vers`), 0o600); err != nil {
		t.Fatal(err)
	}
	_, brokenErr := planfile.Open(broken)

	lead := newLead(t, a)
	tapButton(t, lead.w, "Groepsoverzicht")
	gs := lead.u.groupView
	lead.u.addGroupFiles(gs, []string{anna, broken, bram})
	lead.u.busy.Wait()
	for _, want := range []string{"Anna Jansen · Politie", "Bram de Vries · Politie", "Overgeslagen: " + brokenErr.Error(),
		"0 is geen tekort", ": 2 deelnemers (Anna Jansen, Bram de Vries)", "Voor: Anna Jansen, Bram de Vries"} {
		if !showsText(lead.w, want) {
			t.Errorf("group overview does not show %q", want)
		}
	}
	if len(gs.files) != 2 || len(gs.failed) != 1 || len(gs.overview.Members) != 2 {
		t.Fatalf("%d files loaded, %d failed; want 2 and 1", len(gs.files), len(gs.failed))
	}

	// The table rows count what plans/group counts.
	o := gs.overview
	var withGaps int
	for _, c := range o.Competencies {
		if len(c.WithGap) == 0 {
			continue
		}
		withGaps++
		if !showsText(lead.w, c.Title) {
			t.Errorf("no row for %q", c.Title)
		}
	}
	if withGaps == 0 {
		t.Fatal("the test group has no gaps")
	}
	both := o.Shared(2)
	if len(both) == 0 {
		t.Fatal("Anna (all 0) and Bram (all 1) share no gap")
	}
	if !showsText(lead.w, "2 van 2 beoordeelden met tekort") {
		t.Errorf("no row counts a shared gap: %q", visibleTexts(lead.w))
	}

	// The same file again is not loaded twice.
	lead.u.addGroupFiles(gs, []string{anna})
	lead.u.busy.Wait()
	if len(gs.files) != 2 {
		t.Errorf("%d files after adding anna again", len(gs.files))
	}

	// Anonymous hides the names everywhere on screen, also in file names.
	radio := findAll[*widget.RadioGroup](lead.w)[0]
	radio.SetSelected("Anoniem")
	for _, name := range []string{"anna", "bram"} {
		for _, txt := range visibleTexts(lead.w) {
			if strings.Contains(strings.ToLower(txt), name) {
				t.Errorf("anonymous overview shows %q", txt)
			}
		}
	}
	if !showsText(lead.w, "Deelnemer 1") || !showsText(lead.w, "Deelnemer 2") {
		t.Errorf("anonymous overview: %q", visibleTexts(lead.w))
	}

	// CSV and PDF exports hold no notes or reflections, and no names when anonymous.
	csvPath := filepath.Join(dir, "groep.csv")
	lead.u.exportGroup(gs.overview, csvPath, ".csv")
	lead.u.busy.Wait()
	data, err := os.ReadFile(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	if s := string(data); strings.Contains(s, "GEHEIM") || strings.Contains(s, "Anna") || !strings.Contains(s, "Deelnemer 1") {
		t.Errorf("CSV export:\n%s", s)
	}
	pdfPath := filepath.Join(dir, "groep.pdf")
	lead.u.exportGroup(gs.overview, pdfPath, ".pdf")
	lead.u.busy.Wait()
	if data, err := os.ReadFile(pdfPath); err != nil || !strings.HasPrefix(string(data), "%PDF") {
		t.Errorf("PDF export: %v, %.8q", err, data)
	}
	if !showsText(lead.w, "Groepsoverzicht bewaard") {
		t.Errorf("export shows %q", visibleTexts(lead.w))
	}
	dismiss(lead.w)

	// Removing a member redraws with one.
	test.Tap(tappable(t, lead.w, "Weghalen"))
	if len(gs.files) != 1 || len(gs.overview.Members) != 1 || !showsText(lead.w, "1 van 1 beoordeelden met tekort") {
		t.Errorf("after removing: %d files, screen %q", len(gs.files), visibleTexts(lead.w))
	}
}

func TestGroupFolderLoadsEveryPlanFile(t *testing.T) {
	a := test.NewTempApp(t)
	dir := t.TempDir()
	newProfessional(t, a, "Anna Jansen", 0).export(t, filepath.Join(dir, "anna.zelfscan"))
	newProfessional(t, a, "Bram de Vries", 1).export(t, filepath.Join(dir, "bram.ZELFSCAN"))
	if err := os.WriteFile(filepath.Join(dir, "notities.txt"), []byte("geen plan"), 0o600); err != nil {
		t.Fatal(err)
	}
	lead := newLead(t, a)
	lead.u.showGroup(nil)
	lead.u.addGroupFolder(lead.u.groupView, dir)
	lead.u.busy.Wait()
	if len(lead.u.groupView.files) != 2 || showsText(lead.w, "notities.txt") {
		t.Errorf("folder load shows %q", visibleTexts(lead.w))
	}
	lead.u.addGroupFolder(lead.u.groupView, t.TempDir())
	if !showsText(lead.w, "geen planbestanden") {
		t.Errorf("an empty folder shows %q", visibleTexts(lead.w))
	}
}
