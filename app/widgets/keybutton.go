package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Fyne v2.7.1's Button reacts to Space but not to Enter; KeyButton adds Enter.
// It also reacts to Space on its character rather than on the key: the
// window sends the character after the key, to whatever has the focus by
// then, so a button that moves the focus on the key hands the space on to
// the next widget (a level picker, an entry).

// KeyButton is a Button that Enter and Return activate as well as Space.
type KeyButton struct {
	widget.Button
	// OnFocus, when set, runs when the button gains the focus (to scroll
	// it into view).
	OnFocus func()
	// OnText, when set, gets the characters other than Space typed on the
	// button (to write them where text belongs rather than lose them).
	OnText func(r rune)
}

// NewKeyButton is widget.NewButton for a KeyButton.
func NewKeyButton(label string, tapped func()) *KeyButton {
	b := &KeyButton{}
	b.Text = label
	b.OnTapped = tapped
	b.ExtendBaseWidget(b)
	return b
}

// NewIconKeyButton is NewKeyButton with an icon, in place of
// widget.NewButtonWithIcon.
func NewIconKeyButton(label string, icon fyne.Resource, tapped func()) *KeyButton {
	b := NewKeyButton(label, tapped)
	b.Icon = icon
	return b
}

// FocusGained lets the screen scroll the button into view.
func (b *KeyButton) FocusGained() {
	b.Button.FocusGained()
	if b.OnFocus != nil {
		b.OnFocus()
	}
}

// TypedKey activates the button on Enter and Return; Escape and the page
// keys go to the window. Space waits for its character, in TypedRune.
func (b *KeyButton) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		b.Tapped(nil)
	case fyne.KeyEscape, fyne.KeyPageUp, fyne.KeyPageDown:
		ToWindow(b, ev)
	case fyne.KeySpace:
	default:
		b.Button.TypedKey(ev)
	}
}

// TypedRune activates the button on the space character, which it so
// keeps from the widget the button may move the focus to; other
// characters go to OnText.
func (b *KeyButton) TypedRune(r rune) {
	switch {
	case r == ' ':
		b.Tapped(nil)
	case b.OnText != nil:
		b.OnText(r)
	}
}
