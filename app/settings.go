package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// languages the app speaks, in the order the choice lists them. The names
// stay in their own language so anyone can find theirs.
var languages = []struct{ code, name string }{{"nl", "Nederlands"}, {"en", "English"}}

// languageChoice lets the user switch language; rebuild redraws the current
// screen in the new language.
func (u *UI) languageChoice(rebuild func()) fyne.CanvasObject {
	names := make([]string, len(languages))
	current := Language(u.app.Preferences())
	sel := widget.NewSelect(nil, nil)
	for i, l := range languages {
		names[i] = l.name
		if l.code == current {
			sel.Selected = l.name
		}
	}
	sel.Options = names
	sel.OnChanged = func(string) {
		code := languages[sel.SelectedIndex()].code
		if code == Language(u.app.Preferences()) {
			return
		}
		u.setLanguage(code)
		rebuild()
	}
	return container.NewHBox(widget.NewLabel("Taal / Language"), sel)
}

// setLanguage saves the choice and loads its translations.
func (u *UI) setLanguage(code string) {
	u.app.Preferences().SetString(prefLanguage, code)
	u.ws.SetLanguage(code)
	if err := SetupLanguage(code); err != nil {
		// Strings fall back to Dutch; nothing is lost.
		fyne.LogError("switching language", err)
	}
	u.win.SetTitle(appTitle())
}
