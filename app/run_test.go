package app

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// With FirstScreenAfterShow (what main.go asks), Run returns before the
// first screen is built, and the start screen fills the window afterwards.
func TestFirstScreenAfterShow(t *testing.T) {
	a := test.NewTempApp(t)
	w := test.NewWindow(nil)
	opt := testOptions(t.TempDir())
	opt.FirstScreenAfterShow = true
	u := Run(a, w, opt)
	if u == nil {
		t.Fatalf("Run did not start; window shows %q", visibleTexts(w))
	}
	t.Cleanup(func() { u.store.Close() })
	u.busy.Wait()
	if !showsText(w, "Nieuwe zelfscan starten") {
		t.Fatalf("start screen not shown after Run; window shows %q", visibleTexts(w))
	}
	if u.prebuiltStart != nil {
		t.Error("the start screen built before the window was up was not used")
	}
}

// The start screen is built ahead only when it is the screen Restore shows;
// shown once, a later ShowStart builds a fresh one (with fresh data).
func TestStartScreenPrebuiltOnlyForTheStartScreen(t *testing.T) {
	f := newUIFixture(t)
	f.u.prebuildStartScreen()
	first := f.u.prebuiltStart
	if first == nil {
		t.Fatal("no start screen built ahead on a fresh data folder")
	}
	f.u.ShowStart()
	if f.u.prebuiltStart != nil {
		t.Error("prebuilt start screen kept after it was shown")
	}
	f.u.showHistory()
	f.u.prebuildStartScreen()
	if f.u.prebuiltStart != nil {
		t.Error("start screen built ahead although Restore reopens the history")
	}
}

// After a migration the user is told where the copy of the old data is.
func TestMigrationBackupIsShown(t *testing.T) {
	f := newUIFixture(t)
	f.u.showMigrationBackup("/home/zoe/.config/zelfscan-ggg/zelfscan.db.bak-v1-20261128T120000Z")
	if !showsText(f.w, "zelfscan.db.bak-v1-20261128T120000Z") || !showsText(f.w, "Gegevens bijgewerkt") {
		t.Fatalf("backup location not shown; window shows %q", visibleTexts(f.w))
	}
}
