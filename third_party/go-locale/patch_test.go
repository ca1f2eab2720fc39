//go:build !windows && !darwin && !js && !android

package locale

// Tests of the Zelfscan GGG patches (README.zelfscan.md); the other test
// files are upstream's, unchanged.

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Every codeset or modifier form of C and POSIX is the C locale, so Fyne
// gets no locale to parse (and logs nothing) rather than "C".
func TestCLocaleForms(t *testing.T) {
	for _, c := range []string{"C", "C.UTF-8", "C.utf8", "POSIX", "POSIX.UTF-8", "C@euro", "C.UTF-8@euro"} {
		assert.True(t, isCLocale(c), c)
		t.Setenv("LANGUAGE", "nl_NL")
		t.Setenv("LC_ALL", c)
		locale, err := systemLocale()
		assert.Nil(t, err, c)
		assert.Equal(t, "", locale, "LC_ALL=%s", c)
	}
	for _, notC := range []string{"CA", "ca_ES", "nl_NL.UTF-8", "", "Cy"} {
		assert.False(t, isCLocale(notC), notC)
	}
}

// A modifier is dropped along with the codeset.
func TestSplitLocaleDropsTheModifier(t *testing.T) {
	for in, want := range map[string][2]string{
		"nl_NL@euro":             {"nl", "NL"},
		"nl_NL.UTF-8@euro":       {"nl", "NL"},
		"de_DE.ISO-8859-15@euro": {"de", "DE"},
		"sr_RS@latin":            {"sr", "RS"},
		"ca@valencia":            {"ca", ""},
	} {
		language, region := splitLocale(in)
		assert.Equal(t, want, [2]string{language, region}, in)
	}
	t.Setenv("LANGUAGE", "")
	t.Setenv("LC_ALL", "nl_NL.UTF-8@euro")
	locale, err := systemLocale()
	assert.Nil(t, err)
	assert.Equal(t, "nl-NL", locale)
}

// SetOverride wins over the environment for GetLocale and GetLocales (the
// two Fyne's lang asks; GetLanguage and GetRegion still read the system),
// and no tags return to the system's.
func TestSetOverride(t *testing.T) {
	t.Setenv("LANGUAGE", "")
	t.Setenv("LC_ALL", "fr_FR.UTF-8")
	SetOverride("en", "nl")
	t.Cleanup(func() { SetOverride() })

	locale, err := GetLocale()
	assert.Nil(t, err)
	assert.Equal(t, "en", locale)
	locales, err := GetLocales()
	assert.Nil(t, err)
	assert.Equal(t, []string{"en", "nl"}, locales)
	SetOverride()
	locale, err = GetLocale()
	assert.Nil(t, err)
	assert.Equal(t, "fr-FR", locale)
}
