package app

import "fyne.io/fyne/v2"

// closable is what the window needs of a dialog to close it on Escape;
// dialog.Dialog and *dialog.FileDialog both have it.
type closable interface {
	Show()
	Hide()
	SetOnClosed(func())
}

// showDialog shows d and keeps it on the stack of open dialogs until it
// closes, so Escape can close the newest one.
func (u *UI) showDialog(d closable) {
	u.dialogs = append(u.dialogs, d)
	d.SetOnClosed(func() { u.forgetDialog(d) })
	d.Show()
}

// forgetDialog takes a closed dialog off the stack.
func (u *UI) forgetDialog(d closable) {
	for i := len(u.dialogs) - 1; i >= 0; i-- {
		if u.dialogs[i] == d {
			u.dialogs = append(u.dialogs[:i], u.dialogs[i+1:]...)
			return
		}
	}
}

// dialogOpen reports whether a dialog is on screen; page shortcuts wait
// until it is closed, so they never stack a second one on top.
func (u *UI) dialogOpen() bool { return len(u.dialogs) > 0 }

// typedKey gets the keys no widget has taken (and Escape, PageUp and
// PageDown from ours): Escape closes the newest dialog, as its dismiss
// button would; PageDown and PageUp page through the screen.
func (u *UI) typedKey(ev *fyne.KeyEvent) {
	switch {
	case ev.Name == fyne.KeyEscape && len(u.dialogs) > 0:
		u.dialogs[len(u.dialogs)-1].Hide()
	case (ev.Name == fyne.KeyPageDown || ev.Name == fyne.KeyPageUp) && len(u.dialogs) == 0:
		pageScroll(u.win.Content(), ev.Name == fyne.KeyPageDown)
	}
}
