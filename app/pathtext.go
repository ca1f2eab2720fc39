package app

import (
	"fmt"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/fontscan"
)

// shownPath is a folder or file path as the window can draw it. The UI font
// has Latin, Greek and Cyrillic only; Fyne draws other characters with a
// system font when the computer has one. A character no font here covers
// would be an empty box, so it is written as its code (\u4E2D) instead: the
// path stays exact and recognisable, never boxes.
func shownPath(path string) string {
	return escapeUndrawable(path, drawable)
}

// escapeUndrawable writes the runes draw cannot show as \uXXXX.
func escapeUndrawable(s string, draw func(rune) bool) string {
	if strings.IndexFunc(s, func(r rune) bool { return !draw(r) }) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if draw(r) {
			b.WriteRune(r)
		} else {
			fmt.Fprintf(&b, `\u%04X`, r)
		}
	}
	return b.String()
}

// drawable reports whether the UI font, or else a system font, has r.
func drawable(r rune) bool {
	if r < 0x80 {
		return true
	}
	if uiFont() != nil {
		if _, ok := uiFont().NominalGlyph(r); ok {
			return true
		}
	}
	return systemFontHas(r)
}

// uiFont is the theme's regular face, parsed once.
var uiFont = sync.OnceValue(func() *font.Face {
	res := theme.DefaultTheme().Font(fyne.TextStyle{})
	face, err := font.ParseTTF(strings.NewReader(string(res.Content())))
	if err != nil {
		fyne.LogError("reading the UI font", err)
		return nil
	}
	return face
})

// systemFonts indexes the computer's fonts the way Fyne's own fallback
// does (same library, same cache), only when a path needs it.
var systemFonts = sync.OnceValue(func() *fontscan.FontMap {
	fm := fontscan.NewFontMap(quietLog{})
	if err := fm.UseSystemFonts(""); err != nil {
		return nil
	}
	return fm
})

// quietLog keeps the font scan's notes off stderr.
type quietLog struct{}

func (quietLog) Printf(string, ...any) {}

var systemFontLock sync.Mutex

func systemFontHas(r rune) bool {
	fm := systemFonts()
	if fm == nil {
		return false
	}
	systemFontLock.Lock()
	defer systemFontLock.Unlock()
	fm.SetQuery(fontscan.Query{Families: []string{fontscan.SansSerif}})
	face := fm.ResolveFace(r)
	if face == nil {
		return false
	}
	_, ok := face.NominalGlyph(r)
	return ok
}
