package app

import (
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// showScan shows the self-check with the given ID at its saved position.
func (u *UI) showScan(selfCheckID int64) {
	u.show(screenScan, container.NewVBox(
		widget.NewLabel(lang.X("scan.title", "Zelfscan")),
		widget.NewButton(lang.X("common.back", "Terug"), u.ShowStart),
	))
}
