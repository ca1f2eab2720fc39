package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"zelfscan/documents/plaintext"
)

// Fyne v2.7.1's focused Entry swallows every shortcut; shortcutEntry hands
// the window's own on.

// shortcutEntry is an Entry that passes the window's shortcuts on instead of
// swallowing them, and lets Tab move on even when it is multi-line (a
// reflection note has no use for tab characters).
type shortcutEntry struct {
	widget.Entry
	u *UI
	// onFocusLost, when set, runs after the entry loses the focus.
	onFocusLost func()
	// onFocus, when set, runs when the entry gains the focus.
	onFocus func()
}

func newShortcutEntry(u *UI, multiLine bool) *shortcutEntry {
	e := &shortcutEntry{u: u}
	e.MultiLine = multiLine
	e.Wrapping = fyne.TextWrapWord
	if !multiLine {
		e.Wrapping = fyne.TextWrapOff
	}
	e.ExtendBaseWidget(e)
	return e
}

// AcceptsTab is false so Tab moves the focus to the next control.
func (e *shortcutEntry) AcceptsTab() bool { return false }

// FocusGained lets the screen scroll the entry into view.
func (e *shortcutEntry) FocusGained() {
	e.Entry.FocusGained()
	if e.onFocus != nil {
		e.onFocus()
	}
}

// FocusLost lets the screen save what was typed.
func (e *shortcutEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onFocusLost != nil {
		e.onFocusLost()
	}
}

// TypedShortcut runs our own shortcuts and leaves the rest to the Entry.
// Pasted text loses its control characters (a NUL from another program
// would make the plan file unreadable), without changing the clipboard.
func (e *shortcutEntry) TypedShortcut(s fyne.Shortcut) {
	if run, ok := e.u.shortcuts[shortcutKey(s)]; ok {
		run()
		return
	}
	if p, ok := s.(*fyne.ShortcutPaste); ok && p.Clipboard != nil {
		s = &fyne.ShortcutPaste{Clipboard: cleanClipboard{p.Clipboard}}
	}
	e.Entry.TypedShortcut(s)
}

// TypedRune drops control characters typed or sent by an input method.
func (e *shortcutEntry) TypedRune(r rune) {
	if !plaintext.IsControl(r) {
		e.Entry.TypedRune(r)
	}
}

// cleanClipboard hands out the clipboard's text without control characters.
type cleanClipboard struct{ fyne.Clipboard }

func (c cleanClipboard) Content() string { return plaintext.StripControls(c.Clipboard.Content()) }

// TypedKey gives Escape to the window (to close a dialog); an Entry
// ignores it.
func (e *shortcutEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		toWindow(e, ev)
		return
	}
	e.Entry.TypedKey(ev)
}
