package app

import (
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// ShowStart shows the start screen.
func (u *UI) ShowStart() {
	u.show(screenStart, widget.NewLabel(lang.X("start.title", "Zelfscan GGG")))
}

// Restore reopens the screen the user saw last.
func (u *UI) Restore() {
	u.ShowStart()
}
