package app

import (
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2/test"
)

// A data folder with characters no font here has is shown with their codes,
// never as boxes; characters a font has stay as they are.
func TestPathNeverShowsBoxes(t *testing.T) {
	latin := func(r rune) bool { return r < 0x250 }
	if got := escapeUndrawable("/home/zoë/中文/zelfscan.db", latin); got != `/home/zoë/\u4E2D\u6587/zelfscan.db` {
		t.Errorf("escaped: %q", got)
	}
	if got := escapeUndrawable("/home/zoë/中文", func(rune) bool { return true }); got != "/home/zoë/中文" {
		t.Errorf("with a system font: %q", got)
	}
	test.NewTempApp(t)
	for _, p := range []string{"/home/zoë/中文/zelfscan.db", "/data/مجلد/x", "/tmp/Łódź ΑΒΓ Жж"} {
		got := shownPath(p)
		for _, r := range got {
			if !drawable(r) || r == unicode.ReplacementChar {
				t.Errorf("shownPath(%q) = %q holds %U, which no font here draws", p, got, r)
			}
		}
		if strings.ContainsRune(p, 'Ł') && got != p {
			t.Errorf("a path the UI font covers changed: %q", got)
		}
		t.Logf("%s is shown as %s", p, got)
	}
}
