package app

import (
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// showHistory lists every self-check, newest first.
func (u *UI) showHistory() {
	u.show(screenHistory, widget.NewLabel(lang.X("history.title", "Geschiedenis")))
}
