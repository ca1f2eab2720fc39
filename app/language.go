package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"github.com/jeandeaual/go-locale"

	"zelfscan/workspace"
)

// Language returns the language the user chose; Dutch unless they chose English.
func Language(p fyne.Preferences) string {
	if p.String(prefLanguage) == "en" {
		return "en"
	}
	return "nl"
}

// SetupLanguage makes Fyne's lang package use our language whatever the
// system locale says (C, POSIX or English would otherwise win), then loads
// every translation file under assets/translations. The choice goes to
// go-locale (our patched copy in third_party), which Fyne asks, so the
// process environment stays as it was and the choice works on every platform.
func SetupLanguage(language string) error {
	locale.SetOverride(language)
	return addTranslations(language)
}

// addTranslations loads the translation files of one language.
func addTranslations(language string) error {
	return workspace.EachTranslation(language, func(p string, data []byte) error {
		if err := lang.AddTranslationsForLocale(data, fyne.Locale(language)); err != nil {
			return fmt.Errorf("vertaling %s: %w", p, err)
		}
		return nil
	})
}
