package app

import (
	"fyne.io/fyne/v2/lang"

	"zelfscan/plans/store"
	"zelfscan/plans/usermsg"
)

// explain says a domain failure in the user's language. The domain gives a
// code with arguments (plans/usermsg); errors without one are store failures,
// which store.Explain turns into a code.
func explain(err error) string {
	if err == nil {
		return ""
	}
	m, ok := usermsg.As(err)
	if !ok {
		m = store.Explain(err)
	}
	return usermsg.Render(m, say)
}

// say is usermsg's Sayer for the GUI: the translation of the code, with the
// Dutch template as fallback. The key is not a literal, so lang.LocalizeKey
// is called rather than lang.X; TestMessageCodesAreTranslated checks the keys.
func say(code, dutch string, args map[string]any) string {
	return lang.LocalizeKey(code, dutch, args)
}
