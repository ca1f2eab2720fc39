package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// Window shortcuts, which Fyne forgets inside a focused Entry (see
// shortcutEntry).

// shortcutKey names a shortcut the way the window's table does.
func shortcutKey(s fyne.Shortcut) string { return s.ShortcutName() }

// addShortcut registers a window shortcut that also works while an entry of
// ours has the focus.
func (u *UI) addShortcut(s *desktop.CustomShortcut, run func()) {
	if u.shortcuts == nil {
		u.shortcuts = map[string]func(){}
	}
	u.shortcuts[shortcutKey(s)] = run
	u.win.Canvas().AddShortcut(s, func(fyne.Shortcut) { run() })
}
