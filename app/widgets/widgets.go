// Package widgets holds the app's own Fyne widgets, each filling a gap in
// Fyne v2.7.1 that the keyboard or a long screen runs into: KeyButton
// (Enter on a button, and Space taken on its character rather than its
// key), KeySelect (Enter and Escape on a Select, arrows that may not change
// it), LevelPicker (a row of radio buttons the arrow and number keys
// drive) and InViewColumn (a long column of which only the part in view is
// drawn). They know nothing of the screens that use them.
package widgets

import "fyne.io/fyne/v2"

// ToWindow hands Escape, PageUp and PageDown, which our widgets have no
// use for, on to the window: a focused widget gets every key, so the
// window's own key handler would otherwise never see them.
func ToWindow(o fyne.CanvasObject, ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape, fyne.KeyPageUp, fyne.KeyPageDown:
	default:
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(o); c != nil && c.OnTypedKey() != nil {
		c.OnTypedKey()(ev)
	}
}
