package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Control characters pasted or typed into a text field never reach the
// plan: the field takes the text without them, the clipboard stays as it was.
func TestEntryDropsControlCharacters(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("")
	u := &UI{}
	e := newShortcutEntry(u, true)
	w.SetContent(e)
	w.Canvas().Focus(e)
	clip := a.Clipboard()
	clip.SetContent("Zo\x00ë\x1b[31m\r\nJansen\u0085")
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	e.TypedRune('\x07')
	e.TypedRune('!')
	if e.Text != "Zoë[31m\r\nJansen!" {
		t.Errorf("text %q", e.Text)
	}
	if clip.Content() != "Zo\x00ë\x1b[31m\r\nJansen\u0085" {
		t.Errorf("clipboard changed to %q", clip.Content())
	}
}
