package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// jumpSelect is the scan's list of competencies. Fyne's Select changes its
// choice on ← and →, so a user who tabbed into it and went on rating with
// the arrow keys would leave the page unawares; here only Space, ↑ and ↓
// (which open the list) and Escape do something.
type jumpSelect struct {
	widget.Select
}

func newJumpSelect(changed func(string)) *jumpSelect {
	s := &jumpSelect{}
	s.OnChanged = changed
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey ignores ← and →, hands Escape to the window.
func (s *jumpSelect) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyLeft, fyne.KeyRight:
	case fyne.KeyEscape:
		toWindow(s, ev)
	default:
		s.Select.TypedKey(ev)
	}
}
