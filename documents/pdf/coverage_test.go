package pdf

import (
	"testing"
)

// The letters of names professionals in the Netherlands have or write are
// all in the embedded fonts, checked against their character maps; so a
// font update that loses one shows up here. Scripts the fonts lack print
// as "?" per character (listed in docs/privacy.md).
func TestFontCoversNameLetters(t *testing.T) {
	for _, g := range []struct{ group, letters string }{
		{"Nederlands", "áéíóúàèëïöüÁÉÍÓÚÀÈËÏÖÜĳĲ’‘“”–—€"},
		{"Turks", "ÇçĞğİıÖöŞşÜüÂâÎîÛû"},
		{"Pools", "ĄąĆćĘęŁłŃńÓóŚśŹźŻż"},
		{"West-Europees", "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿŒœŠšŽžŸ"},
		{"Arabisch in Latijnse transliteratie", "ĀāĪīŪūḤḥṢṣṬṭḌḍẒẓʿʾĠġḪḫŠšǦǧẔẕ"},
	} {
		for _, r := range g.letters {
			if !fontCovers(r) {
				t.Errorf("%s: %c (%U) is not in the embedded fonts; it prints as %q", g.group, r, r, clean(string(r)))
			}
		}
	}
	for in, want := range map[string]string{
		"中文":     "??",
		"محمد":   "????",
		"नमस्ते": "????",
		"ǅ":      "ǅ",
	} {
		if got := clean(in); got != want {
			t.Errorf("clean(%q) = %q, want %q", in, got, want)
		}
	}
}
