package widgets

import (
	"fyne.io/fyne/v2"

	"zelfscan/documents/plaintext"
)

// An entry takes whatever is typed or pasted, control characters included;
// a NUL pasted from another program would make the plan file unreadable.
// An entry of the app keeps to plain text through these two.

// Typeable reports whether an entry should take r, typed or sent by an
// input method: not a control character.
func Typeable(r rune) bool { return !plaintext.IsControl(r) }

// PlainPaste is s, but a paste hands out the clipboard's text without
// control characters, leaving the clipboard itself as it was.
func PlainPaste(s fyne.Shortcut) fyne.Shortcut {
	if p, ok := s.(*fyne.ShortcutPaste); ok && p.Clipboard != nil {
		return &fyne.ShortcutPaste{Clipboard: plainClipboard{p.Clipboard}}
	}
	return s
}

// plainClipboard hands out the clipboard's text without control characters.
type plainClipboard struct{ fyne.Clipboard }

func (c plainClipboard) Content() string { return plaintext.StripControls(c.Clipboard.Content()) }
