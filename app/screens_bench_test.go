package app

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// BenchmarkScreenSwitches turns every page of the longest scan with Alt+→
// and opens results, plan and history, each until the new screen is laid
// out in the window: in-process, with Fyne's test driver (no GL painting;
// scripts/bench-startup.sh measures the real window). Reports the median
// and slowest page turn and each screen switch in ms.
func BenchmarkScreenSwitches(b *testing.B) {
	var turns, results, plan, history []time.Duration
	for b.Loop() {
		a := test.NewApp()
		w := test.NewWindow(nil)
		w.Resize(MinSize())
		u := Run(a, w, Options{DataDir: b.TempDir()})
		if u == nil {
			b.Fatal("Run did not start")
		}
		longest, _ := u.fw().LongestScan("aandachtsfunctionaris")
		sc, err := u.store.CreateSelfCheck(longest, u.fw().Version, time.Now())
		if err != nil {
			b.Fatal(err)
		}
		u.showScan(sc.ID)
		pages := len(u.scan.req)
		timed := func(into *[]time.Duration, act func()) {
			start := time.Now()
			act()
			w.Canvas().Content().Refresh()
			*into = append(*into, time.Since(start))
		}
		for range pages - 1 {
			timed(&turns, func() { w.Canvas().(fyne.Shortcutable).TypedShortcut(shortcutForward) })
		}
		timed(&results, func() { u.showResults(sc.ID) })
		timed(&plan, func() { u.showPlan(sc.ID) })
		timed(&history, func() { u.showHistory() })
		u.store.Close()
		w.Close()
	}
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	median := func(ds []time.Duration) float64 { slices.Sort(ds); return ms(ds[len(ds)/2]) }
	b.ReportMetric(median(turns), "page-p50-ms")
	b.ReportMetric(ms(slices.Max(turns)), "page-max-ms")
	b.ReportMetric(median(results), "results-ms")
	b.ReportMetric(median(plan), "plan-ms")
	b.ReportMetric(median(history), "history-ms")
}
