package app

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// BenchmarkStartToFirstScreen is Run on an empty data folder with the
// embedded framework: language, framework, store, start screen, as the app
// does before its first frame with content (the window itself is the
// toolkit's, measured by scripts/bench-startup.sh).
func BenchmarkStartToFirstScreen(b *testing.B) {
	for b.Loop() {
		a := test.NewApp()
		w := test.NewWindow(nil)
		u := Run(a, w, Options{DataDir: b.TempDir()})
		if u == nil {
			b.Fatal("Run did not start")
		}
		w.Canvas().Content().MinSize()
		u.store.Close()
		w.Close()
	}
}
