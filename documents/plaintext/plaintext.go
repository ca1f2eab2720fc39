// Package plaintext decides which characters of user text can be kept:
// what a plan file accepts, what an entry field takes in, and what a font
// can print. Text from phones and other programs carries invisible format
// characters (zero-width joiners and spaces, bidi controls, byte order
// marks, soft hyphens), variation selectors and emoji sequences that a
// document font cannot show; they are handled here, in one place, by whole
// grapheme cluster, so a family emoji or a flag becomes one substitute and
// not a row of boxes.
package plaintext

import (
	"strings"
	"unicode"

	"github.com/rivo/uniseg"
	"golang.org/x/text/unicode/norm"
)

// EmojiSubstitute stands for a run of emoji in printed text.
const EmojiSubstitute = "(emoji)"

// Unprintable stands for a character the font has no glyph for.
const Unprintable = "?"

// IsControl reports a control character that has no place in a name or a
// text: every C0 and C1 control except tab and the line ends.
func IsControl(r rune) bool {
	return unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r'
}

// HasControl reports whether s holds a character IsControl refuses.
func HasControl(s string) bool {
	return strings.IndexFunc(s, IsControl) >= 0
}

// StripControls drops the characters IsControl refuses, for text pasted or
// typed into an entry field.
func StripControls(s string) string {
	if !HasControl(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if IsControl(r) {
			return -1
		}
		return r
	}, s)
}

// OneLine folds line ends and tabs to spaces, for a name in a header.
func OneLine(s string) string {
	return strings.Join(strings.Fields(strings.NewReplacer("\u2028", " ", "\u2029", " ").Replace(s)), " ")
}

// typographic are the punctuation marks outside Latin-1 that the app's own
// texts and typical notes use; each is a grapheme of its own and stays the
// same under NFC.
var typographic = map[rune]bool{
	'–': true, '—': true, '‘': true, '’': true, '“': true, '”': true,
	'•': true, '…': true, '€': true, '→': true, '←': true,
}

// plain reports whether ForFont would return s unchanged, without the work:
// every rune is printable, covered, a grapheme of its own and NFC-stable
// (Latin-1 and Latin Extended-A/B below the combining marks at U+0300,
// without the soft hyphen, plus the marks in typographic). Almost every
// text of a plan is plain.
func plain(s string, covered func(rune) bool) bool {
	for _, r := range s {
		switch {
		case r == '\n':
		case (r >= 0x20 && r < 0x7f) || (r >= 0xa0 && r < 0x300 && r != 0xad) || typographic[r]:
			if !covered(r) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// ForFont returns s as the font can print it. Line ends become "\n", tabs
// spaces; controls, format characters and variation selectors go; a run of
// emoji clusters (with joiners, skin tones, flags, keycaps) becomes one
// EmojiSubstitute; a letter the font lacks loses its accents when the bare
// letter is covered, else becomes Unprintable. covered tells whether the
// font has a glyph for a rune.
func ForFont(s string, covered func(rune) bool) string {
	if plain(s, covered) {
		return s
	}
	return forFont(s, covered)
}

// forFont is ForFont for text that is not plain.
func forFont(s string, covered func(rune) bool) string {
	s = norm.NFC.String(strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u2028", "\n", "\u2029", "\n", "\t", " ").Replace(s))
	var b strings.Builder
	b.Grow(len(s))
	inEmoji := false
	g := uniseg.NewGraphemes(s)
	for g.Next() {
		cluster := g.Str()
		if isEmoji(cluster, covered) {
			if !inEmoji {
				b.WriteString(EmojiSubstitute)
			}
			inEmoji = true
			continue
		}
		visible := strings.Map(dropInvisible, cluster)
		if visible == "" {
			continue // a lone joiner or format character between emoji keeps the run
		}
		inEmoji = false
		b.WriteString(printable(visible, covered))
	}
	return b.String()
}

// dropInvisible removes controls (but not "\n"), format characters and
// variation selectors.
func dropInvisible(r rune) rune {
	switch {
	case r == '\n':
		return r
	case unicode.IsControl(r), unicode.Is(unicode.Cf, r), unicode.Is(unicode.Variation_Selector, r):
		return -1
	}
	return r
}

// printable keeps a cluster the font covers, else its letters without
// their accents when those are covered, else Unprintable.
func printable(cluster string, covered func(rune) bool) string {
	if allCovered(cluster, covered) {
		return cluster
	}
	bare := strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, norm.NFD.String(cluster))
	if bare != "" && allCovered(bare, covered) {
		return norm.NFC.String(bare)
	}
	if unicode.IsSpace([]rune(cluster)[0]) {
		return " "
	}
	return Unprintable
}

func allCovered(s string, covered func(rune) bool) bool {
	for _, r := range s {
		if r != '\n' && !covered(r) {
			return false
		}
	}
	return true
}

// isEmoji tells an emoji cluster by what only emoji contain: a presentation
// selector, a keycap, a code point in the pictograph blocks beyond the
// Basic Multilingual Plane (which joined sequences, skin tones and the
// regional indicators of flags all use) or tag characters; or it starts
// with a symbol from the technical, dingbat and arrow blocks that the font
// lacks (⌚, ✅, ⭐).
func isEmoji(cluster string, covered func(rune) bool) bool {
	for _, r := range cluster {
		switch {
		case r == 0xFE0F, r == 0x20E3:
			return true
		case r >= 0x1F000 && r <= 0x1FAFF, r >= 0xE0020 && r <= 0xE007F:
			return true
		}
	}
	first := []rune(cluster)[0]
	return first >= 0x2300 && first <= 0x2BFF && !covered(first)
}
