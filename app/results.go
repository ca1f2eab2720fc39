package app

import (
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// showResults shows the profile, gaps and strengths of one self-check.
func (u *UI) showResults(selfCheckID int64) {
	u.show(screenResults, widget.NewLabel(lang.X("results.title", "Resultaten")))
}
