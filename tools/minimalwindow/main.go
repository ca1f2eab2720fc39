// Command minimalwindow is the floor for scripts/bench-startup.sh: the
// smallest Fyne program with a window like Zelfscan GGG's (an app ID of the
// same style, the same build tags, the same window size) and one label. What
// the app costs above this, in start-up time and memory, is ours.
package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("nl.zelfscan.minimalwindow")
	w := a.NewWindow("Minimal window")
	w.SetContent(widget.NewLabel("Zelfscan GGG"))
	w.Resize(fyne.NewSize(1024, 700))
	w.ShowAndRun()
}
