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
