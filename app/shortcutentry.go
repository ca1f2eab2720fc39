package app

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"zelfscan/app/widgets"
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
	// page is the scroll the entry sits in. Fyne's entry keeps the mouse
	// wheel for its own text, so a page full of fields stuck under the
	// pointer; wheel hands the wheel to page while the entry has no focus.
	page  *container.Scroll
	wheel *wheelPass
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

// FocusGained lets the screen scroll the entry into view; the wheel now
// scrolls the entry's own text.
func (e *shortcutEntry) FocusGained() {
	if e.wheel != nil {
		e.wheel.Hide()
	}
	e.Entry.FocusGained()
	if e.onFocus != nil {
		e.onFocus()
	}
}

// FocusLost lets the screen save what was typed; the wheel scrolls the
// page again.
func (e *shortcutEntry) FocusLost() {
	if e.wheel != nil {
		e.wheel.Show()
	}
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
	e.Entry.TypedShortcut(widgets.PlainPaste(s))
}

// TypedRune drops control characters typed or sent by an input method.
func (e *shortcutEntry) TypedRune(r rune) {
	if widgets.Typeable(r) {
		e.Entry.TypedRune(r)
	}
}

// TypedKey gives Escape to the window (to close a dialog); an Entry
// ignores it.
func (e *shortcutEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		widgets.ToWindow(e, ev)
		return
	}
	e.Entry.TypedKey(ev)
}

// CreateRenderer is the entry's own, with wheelPass on top of it.
func (e *shortcutEntry) CreateRenderer() fyne.WidgetRenderer {
	e.wheel = &wheelPass{e: e}
	e.wheel.ExtendBaseWidget(e.wheel)
	return &passRenderer{WidgetRenderer: e.Entry.CreateRenderer(), wheel: e.wheel}
}

// wheelPass lies over an entry and takes the mouse wheel (the window gives
// it to the topmost Scrollable under the pointer) to scroll the page.
// Clicks, drags and the cursor still reach the entry: it is nothing else.
type wheelPass struct {
	widget.BaseWidget
	e *shortcutEntry
}

// Scrolled scrolls the page the entry sits in, if it knows one.
func (w *wheelPass) Scrolled(ev *fyne.ScrollEvent) {
	if w.e.page != nil {
		w.e.page.Scrolled(ev)
	}
}

func (w *wheelPass) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewWithoutLayout())
}

// passRenderer draws an entry with its wheelPass over it.
type passRenderer struct {
	fyne.WidgetRenderer
	wheel *wheelPass
}

func (r *passRenderer) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	r.wheel.Move(fyne.Position{})
	r.wheel.Resize(size)
}

func (r *passRenderer) Objects() []fyne.CanvasObject {
	return append(slices.Clip(r.WidgetRenderer.Objects()), r.wheel)
}
