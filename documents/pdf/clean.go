package pdf

import (
	"strings"
	"sync"

	"codeberg.org/go-fonts/liberation/liberationsansbold"
	"codeberg.org/go-fonts/liberation/liberationsansitalic"
	"codeberg.org/go-fonts/liberation/liberationsansregular"
	"golang.org/x/image/font/sfnt"

	"zelfscan/documents/plaintext"
)

// Every string on a page, in a table cell, in the header and in the
// document properties passes through clean: it is the one place where text
// meets the embedded font.

// clean makes user text printable in the embedded font (see
// plaintext.ForFont): invisible characters go, emoji sequences become one
// substitute, and characters the font lacks are folded or replaced, so
// nothing prints as an empty box or breaks a line where it should not.
func clean(s string) string {
	return plaintext.ForFont(s, fontCovers)
}

// cleanLine is clean on one line, for the page header and the document
// properties, where a line break in a name would spill over the page.
func cleanLine(s string) string {
	return plaintext.OneLine(clean(s))
}

// coverage is the set of runes all three embedded faces have a glyph for,
// read from their character maps. gofpdf's width table only indexes the
// Basic Multilingual Plane, so nothing beyond it counts as covered.
var coverage = sync.OnceValue(func() map[rune]bool {
	faces := [][]byte{liberationsansregular.TTF, liberationsansbold.TTF, liberationsansitalic.TTF}
	covered := map[rune]bool{}
	var buf sfnt.Buffer
	for i, ttf := range faces {
		f, err := sfnt.Parse(ttf)
		if err != nil {
			panic("embedded font: " + err.Error()) // the fonts are compiled in
		}
		for r := rune(0x20); r <= 0xFFFF; r++ {
			if i > 0 && !covered[r] {
				continue
			}
			idx, err := f.GlyphIndex(&buf, r)
			has := err == nil && idx != 0
			if i == 0 && has {
				covered[r] = true
			} else if !has {
				delete(covered, r)
			}
		}
	}
	return covered
})

func fontCovers(r rune) bool { return coverage()[r] }

// fitLine shortens a one-line text with "…" to fit width w in the current
// font, so a long name in the page header never runs off the page.
func (r *renderer) fitLine(s string, w float64) string {
	if r.p.GetStringWidth(s) <= w {
		return s
	}
	runes := []rune(s)
	lo, hi := 0, len(runes)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if r.p.GetStringWidth(string(runes[:mid])+"…") <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimSpace(string(runes[:lo])) + "…"
}
