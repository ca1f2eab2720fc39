package app

import (
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// showProfile asks for organisation and function before a new self-check.
func (u *UI) showProfile() {
	u.show(screenProfile, container.NewVBox(
		widget.NewLabel(lang.X("profile.title", "Uw profiel")),
		widget.NewButton(lang.X("common.back", "Terug"), u.ShowStart),
	))
}
