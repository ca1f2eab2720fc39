package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// KeySelect is a Select with two keys more. Fyne's Select changes its
// choice on ← and →: in the scan's jump list that would leave the page for
// a user who tabbed into it and went on rating with the arrow keys, so
// there (FixedOnSides) they do nothing. Enter runs OnEnter (the profile
// screen starts the scan), Escape goes to the window.
type KeySelect struct {
	widget.Select
	FixedOnSides bool
	OnEnter      func()
}

// NewKeySelect is widget.NewSelect for a KeySelect.
func NewKeySelect(options []string, changed func(string)) *KeySelect {
	s := &KeySelect{}
	s.Options = options
	s.OnChanged = changed
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey adds Enter and Escape, and drops ← and → where they are fixed.
func (s *KeySelect) TypedKey(ev *fyne.KeyEvent) {
	switch {
	case s.FixedOnSides && (ev.Name == fyne.KeyLeft || ev.Name == fyne.KeyRight):
	case ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter:
		if s.OnEnter != nil {
			s.OnEnter()
		}
	case ev.Name == fyne.KeyEscape:
		ToWindow(s, ev)
	default:
		s.Select.TypedKey(ev)
	}
}
