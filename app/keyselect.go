package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// keySelect is a Select with two keys more. Fyne's Select changes its
// choice on ← and →: in the scan's jump list that would leave the page for
// a user who tabbed into it and went on rating with the arrow keys, so
// there (fixedOnSides) they do nothing. Enter runs onEnter (the profile
// screen starts the scan), Escape goes to the window.
type keySelect struct {
	widget.Select
	fixedOnSides bool
	onEnter      func()
}

func newKeySelect(options []string, changed func(string)) *keySelect {
	s := &keySelect{}
	s.Options = options
	s.OnChanged = changed
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey adds Enter and Escape, and drops ← and → where they are fixed.
func (s *keySelect) TypedKey(ev *fyne.KeyEvent) {
	switch {
	case s.fixedOnSides && (ev.Name == fyne.KeyLeft || ev.Name == fyne.KeyRight):
	case ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter:
		if s.onEnter != nil {
			s.onEnter()
		}
	case ev.Name == fyne.KeyEscape:
		toWindow(s, ev)
	default:
		s.Select.TypedKey(ev)
	}
}
