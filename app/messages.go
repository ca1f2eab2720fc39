package app

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	"zelfscan/usermsg"
	"zelfscan/workspace"
)

// explain says a domain failure in the user's language. The domain gives a
// code with arguments (usermsg); errors without one are store failures,
// which workspace.ExplainStoreError turns into a code.
func explain(err error) string {
	if err == nil {
		return ""
	}
	m, ok := usermsg.As(err)
	if !ok {
		m = workspace.ExplainStoreError(err)
	}
	return usermsg.Render(m, say)
}

// say is usermsg's Sayer for the GUI: the translation of the code, with the
// Dutch template as fallback; a message that counts takes the form for its
// count. The key is not a literal, so lang.LocalizeKey
// is called rather than lang.X; TestMessageCodesAreTranslated checks the keys.
func say(code, dutch string, args map[string]any) string {
	if n, ok := usermsg.PluralCount(code, args); ok {
		return lang.LocalizePluralKey(code, dutch, n, args)
	}
	return lang.LocalizeKey(code, dutch, args)
}

// decimal writes one decimal, rounded half up (0,25 → 0,3), with the
// decimal separator of the language: 1,5 in Dutch, 1.5 in English.
func decimal(v float64) string {
	return usermsg.Number{Value: v, Decimals: 1}.Say(say)
}

// points writes accreditation points with as many decimals as they have:
// 4,5 in Dutch, 4.5 in English.
func points(p float64) string {
	return usermsg.Number{Value: p, Decimals: -1}.Say(say)
}

// explainList says every problem in err on a line of its own: messages in
// the UI language, other errors as they stand.
func explainList(err error) string {
	var lines []string
	var walk func(error)
	walk = func(e error) {
		if m, ok := e.(usermsg.Messenger); ok {
			lines = append(lines, usermsg.Render(m.Message(), say))
			return
		}
		if m, ok := e.(*usermsg.Error); ok {
			lines = append(lines, usermsg.Render(m, say))
			return
		}
		if joined, ok := e.(interface{ Unwrap() []error }); ok {
			for _, inner := range joined.Unwrap() {
				walk(inner)
			}
			return
		}
		lines = append(lines, e.Error())
	}
	walk(err)
	return strings.Join(lines, "\n")
}
