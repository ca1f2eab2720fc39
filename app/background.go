package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"zelfscan/app/widgets"
)

// Work on files (export, plan files, reviews, group overviews) runs off
// the UI goroutine through background, so the window stays responsive.

// progressDelay is how long file work may take before a progress dialog
// appears; a quick one then never flashes a dialog.
const progressDelay = 300 * time.Millisecond

// background runs work off the UI goroutine with a progress dialog when it
// takes a while, then done on the UI goroutine.
func (u *UI) background(text string, work func() error, done func(error)) {
	u.runBackground(text, nil, work, done)
}

// runBackground is background with, when cancel is set, an "Annuleren"
// button in the progress dialog that calls it.
func (u *UI) runBackground(text string, cancel func(), work func() error, done func(error)) {
	bar := widget.NewProgressBarInfinite()
	u.runWithProgress(container.NewVBox(wrapped(text), bar), bar.Stop, cancel, work, done)
}

// runCounted is runBackground for work of total steps: the bar fills as
// work calls step with the number of steps done (from its own goroutine)
// and says label(done).
func (u *UI) runCounted(text string, total int, label func(done int) string, cancel func(), work func(step func(done int)) error, done func(error)) {
	bar := widget.NewProgressBar()
	bar.Max = float64(total)
	bar.TextFormatter = func() string { return label(int(bar.Value)) }
	step := func(n int) { fyne.Do(func() { bar.SetValue(float64(n)) }) }
	u.runWithProgress(container.NewVBox(wrapped(text), bar), nil, cancel, func() error { return work(step) }, done)
}

// runWithProgress runs work off the UI goroutine, shows content in a
// dialog when it takes a while, and then calls finish (when set) and done
// on the UI goroutine.
func (u *UI) runWithProgress(content fyne.CanvasObject, finish func(), cancel func(), work func() error, done func(error)) {
	progress := dialog.NewCustomWithoutButtons(lang.X("review.busy", "Even geduld"), content, u.win)
	if cancel != nil {
		stop := widgets.NewKeyButton(lang.X("share.cancel", "Annuleren"), func() {
			cancel()
			progress.Hide()
		})
		progress.SetButtons([]fyne.CanvasObject{stop})
	}
	progress.Resize(fyne.NewSize(dialogWidth, 0))
	finished := false
	// A quick job never flashes a dialog.
	timer := time.AfterFunc(progressDelay, func() {
		fyne.Do(func() {
			if !finished {
				progress.Show()
			}
		})
	})
	u.busy.Add(1)
	go func() {
		defer u.busy.Done()
		err := work()
		fyne.DoAndWait(func() {
			finished = true
			timer.Stop()
			progress.Hide()
			if finish != nil {
				finish()
			}
			done(err)
		})
	}()
}
