package app

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// main.go prepares before it creates the window; Run then shows the start
// screen before it returns, so the window's first frame already has it.
func TestPreparedRunShowsStartScreen(t *testing.T) {
	a := test.NewTempApp(t)
	opt := Prepare(a, testOptions(t.TempDir()))
	w := test.NewWindow(nil)
	u := Run(a, w, opt)
	if u == nil {
		t.Fatalf("Run did not start; window shows %q", visibleTexts(w))
	}
	t.Cleanup(func() { u.store.Close() })
	if !showsText(w, "Nieuwe zelfscan starten") {
		t.Fatalf("start screen not shown when Run returned; window shows %q", visibleTexts(w))
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
