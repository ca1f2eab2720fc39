package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zelfscan/app/widgets"
)

// licenceID is the SPDX identifier of the licence the app is released under.
const licenceID = "EUPL-1.2"

// aboutButton opens the about dialog; it sits beside the language choice.
func (u *UI) aboutButton() fyne.CanvasObject {
	b := widgets.NewIconKeyButton(lang.X("about.button", "Over Zelfscan GGG"), theme.InfoIcon(), u.showAbout)
	b.Importance = widget.LowImportance
	return b
}

// showAbout shows which versions are running, where the data is, the
// licence and whose work the framework comes from: what a helpdesk asks
// first and what the licence requires us to name.
func (u *UI) showAbout() {
	unknown := lang.X("about.unknown", "onbekend")
	or := func(s string) string {
		if s == "" {
			return unknown
		}
		return s
	}
	meta := u.app.Metadata()
	appVersion := or(meta.Version)
	if meta.Version != "" && meta.Build > 0 {
		appVersion = fmt.Sprintf("%s (build %d)", meta.Version, meta.Build)
	}
	catVersion := u.catalogue().Version
	if u.ws.CatalogueError() != nil {
		catVersion = lang.X("about.catalogue.missing", "niet geladen")
	}
	settings := lang.X("about.settings.none", "geen (standaardinstellingen)")
	if _, path := u.ws.Settings(); path != "" {
		settings = path
	}

	label := func(text string) *widget.Label {
		return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	value := func(s string) *widget.Label {
		l := widget.NewLabel(s)
		// Long paths have no spaces to wrap at.
		l.Wrapping = fyne.TextWrapBreak
		// Paths and versions are what people copy into a helpdesk ticket.
		l.Selectable = true
		return l
	}
	facts := container.New(layout.NewFormLayout(),
		label(lang.X("about.version", "Versie")), value(appVersion),
		label(lang.X("about.framework", "Competentiekader")), value(or(u.fw().Version)),
		label(lang.X("about.catalogue", "Catalogus")), value(or(catVersion)),
		label(lang.X("about.data", "Gegevens")), value(u.store.Path()),
		label(lang.X("about.settings", "Organisatie-instellingen")), value(settings),
		label(lang.X("about.licence", "Licentie")), wrapped(lang.X("about.licence.text",
			"European Union Public Licence 1.2 ({{.ID}}): u mag de app gebruiken, bestuderen, aanpassen en verder verspreiden onder dezelfde licentie.",
			map[string]any{"ID": licenceID})),
	)
	src := u.fw().Source
	credit := wrapped(lang.X("about.credit",
		"Het competentiekader, de catalogus en de leeractiviteiten zijn afgeleid uit het {{.Title}} ({{.Publisher}}, {{.Year}}). De teksten zijn voor deze app in eigen woorden geschreven.",
		map[string]any{"Title": src.Title, "Publisher": src.Publisher, "Year": src.Year}))
	body := container.NewVBox(heading(appTitle()), facts, widget.NewSeparator(), credit)
	d := dialog.NewCustom(lang.X("about.title", "Over Zelfscan GGG"), lang.X("about.close", "Sluiten"), body, u.win)
	d.Resize(fyne.NewSize(dialogWidth, 0))
	u.showDialog(d)
}
