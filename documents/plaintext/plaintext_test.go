package plaintext

import (
	"testing"
)

// latinOnly stands in for a font: Latin letters and punctuation, no emoji.
func latinOnly(r rune) bool { return r < 0x250 || r == '’' || r == '—' }

func TestForFont(t *testing.T) {
	for in, want := range map[string]string{
		"Zoë 👩‍👩‍👧 jansen":                    "Zoë (emoji) jansen",
		"🏳️‍🌈🇳🇱1️⃣👍🏿":                         "(emoji)",
		"🏳️‍🌈 🇳🇱":                             "(emoji) (emoji)",
		"a\u200Bb\u200Cc\u200Dd\u2060e":       "abcde",
		"\u202Eomgekeerd\u202C \u2067x\u2069": "omgekeerd x",
		"\uFEFFbom en zacht\u00ADafbreek":     "bom en zachtafbreek",
		"pijl\uFE0E en ︀variatie":             "pijl en variatie",
		"regel\r\nregel\rregel\u2028regel":    "regel\nregel\nregel\nregel",
		"tab\tnul\x00bel\x07c1\u0085":         "tab nulbelc1",
		"e\u0301 samengesteld":                "é samengesteld",
		"Łódź ḥ":                              "Łódź h",
		"中文 ✅ ⌚":                              "?? (emoji) (emoji)",
		"\u3000ideografische spatie":          " ideografische spatie",
		"👍\u200B👍":                            "(emoji)",
	} {
		if got := ForFont(in, latinOnly); got != want {
			t.Errorf("ForFont(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestControls(t *testing.T) {
	if !HasControl("naam\x00") || !HasControl("\x1b[31m") || !HasControl("c1\u0085") || HasControl("regel\r\nen\ttab") {
		t.Error("HasControl")
	}
	if got := StripControls("Zo\x00ë\x07\r\n\tx\u009b"); got != "Zoë\r\n\tx" {
		t.Errorf("StripControls = %q", got)
	}
	if got := OneLine(" Zoë\n de\tVries\u2028jr "); got != "Zoë de Vries jr" {
		t.Errorf("OneLine = %q", got)
	}
}

// The shortcut for plain text gives what the full path gives: every rune it
// lets through, alone and in a sentence, comes out of forFont unchanged.
func TestPlainTextNeedsNoWork(t *testing.T) {
	var runes []rune
	for r := rune(0); r < 0x300; r++ {
		runes = append(runes, r)
	}
	for r := range typographic {
		runes = append(runes, r)
	}
	passed := 0
	for _, r := range runes {
		for _, s := range []string{string(r), "Zoë " + string(r) + " jansen\nregel"} {
			if !plain(s, latinOnly) {
				continue
			}
			passed++
			if got := forFont(s, latinOnly); got != s {
				t.Errorf("plain %q (U+%04X) becomes %q on the full path", s, r, got)
			}
		}
	}
	if passed < 400 {
		t.Errorf("only %d texts counted as plain", passed)
	}
	for _, s := range []string{"zacht\u00ADafbreek", "e\u0301", "tab\t", "\r\n", "👍", "中", "\u200B"} {
		if plain(s, latinOnly) {
			t.Errorf("%q counts as plain", s)
		}
	}
}
