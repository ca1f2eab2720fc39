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
}

// After a migration the user is told where the copy of the old data is.
func TestMigrationBackupIsShown(t *testing.T) {
	f := newUIFixture(t)
	f.u.showMigrationBackup("/home/zoe/.config/zelfscan-ggg/zelfscan.db.bak-v1-20261128T120000Z")
	if !showsText(f.w, "zelfscan.db.bak-v1-20261128T120000Z") || !showsText(f.w, "Gegevens bijgewerkt") {
		t.Fatalf("backup location not shown; window shows %q", visibleTexts(f.w))
	}
}
