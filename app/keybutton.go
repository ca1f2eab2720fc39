package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Fyne v2.7.1's Button reacts to Space but not to Enter; keyButton adds Enter.
// It also reacts to Space on its character rather than on the key: the
// window sends the character after the key, to whatever has the focus by
// then, so a button that moves the focus on the key hands the space on to
// the next widget (a level picker, an entry).

// keyButton is a Button that Enter and Return activate as well as Space.
type keyButton struct {
	widget.Button
	// onFocus, when set, runs when the button gains the focus (to scroll
	// it into view).
	onFocus func()
	// onText, when set, gets the characters other than Space typed on the
	// button (to write them where text belongs rather than lose them).
	onText func(r rune)
}

func newKeyButton(label string, tapped func()) *keyButton {
	b := &keyButton{}
	b.Text = label
	b.OnTapped = tapped
	b.ExtendBaseWidget(b)
	return b
}

// newIconKeyButton is newKeyButton with an icon, in place of
// widget.NewButtonWithIcon.
func newIconKeyButton(label string, icon fyne.Resource, tapped func()) *keyButton {
	b := newKeyButton(label, tapped)
	b.Icon = icon
	return b
}

// FocusGained lets the screen scroll the button into view.
func (b *keyButton) FocusGained() {
	b.Button.FocusGained()
	if b.onFocus != nil {
		b.onFocus()
	}
}

// TypedKey activates the button on Enter and Return; Escape and the page
// keys go to the window. Space waits for its character, in TypedRune.
func (b *keyButton) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		b.Tapped(nil)
	case fyne.KeyEscape, fyne.KeyPageUp, fyne.KeyPageDown:
		toWindow(b, ev)
	case fyne.KeySpace:
	default:
		b.Button.TypedKey(ev)
	}
}

// TypedRune activates the button on the space character, which it so
// keeps from the widget the button may move the focus to; other
// characters go to onText.
func (b *keyButton) TypedRune(r rune) {
	switch {
	case r == ' ':
		b.Tapped(nil)
	case b.onText != nil:
		b.onText(r)
	}
}
