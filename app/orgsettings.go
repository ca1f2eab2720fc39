package app

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"zelfscan/assessment"
	"zelfscan/plans"
)

// applyOrgSettings takes over the organisation's presets (main.go already
// used the data folder) and imports its own catalogue. Whatever cannot be
// used is left out and explained once in a dialog; the app always starts.
func (u *UI) applyOrgSettings(opt Options) {
	var problems []string
	if opt.SettingsErr != nil {
		problems = append(problems, opt.SettingsErr.Error())
	}
	s := opt.Settings
	if s.FrameworkExtension != "" {
		if msg := u.applyExtension(s.FrameworkExtension); msg != "" {
			problems = append(problems, msg)
		}
	}
	if err := s.CheckOrganisation(u.fw, opt.SettingsPath); err != nil {
		problems = append(problems, err.Error())
		s.Organisation = ""
	}
	u.org, u.settingsPath = s, opt.SettingsPath
	// A read-only window shares the data with one that already imported it.
	if s.OwnCatalogue != "" && !u.store.ReadOnly() {
		if msg := u.importOrgCatalogue(s.OwnCatalogue); msg != "" {
			problems = append(problems, lang.X("orgsettings.catalogue",
				"Het eigen aanbod uit de organisatie-instellingen ({{.File}}) is niet geladen: {{.Reason}}",
				map[string]any{"File": s.OwnCatalogue, "Reason": msg}))
		}
	}
	if len(problems) > 0 {
		u.showSettingsProblems(problems)
	}
}

// applyExtension puts the organisation's framework extension over the
// built-in framework. A broken one leaves the built-in framework in use;
// the returned message says so, once, in the settings dialog.
func (u *UI) applyExtension(path string) string {
	data, err := readCapped(path, assessment.MaxFileSize)
	if err == nil {
		var fw *assessment.Framework
		if fw, err = assessment.Extend(u.fw, filepath.Base(path), data); err == nil {
			u.fw = fw
			return ""
		}
	}
	fyne.LogError("framework extension "+path, err)
	return lang.X("orgsettings.extension",
		"De uitbreiding van het competentiekader ({{.File}}) is niet gebruikt; de app werkt met het ingebouwde kader. Wat er mis is:\n{{.Reason}}",
		map[string]any{"File": path, "Reason": err.Error()})
}

// importOrgCatalogue stores the organisation's catalogue file as an own
// catalogue named after the file, replacing the copy of the last start so
// that a file IT updated is picked up. It returns why it failed, or "".
func (u *UI) importOrgCatalogue(path string) string {
	name := filepath.Base(path)
	data, err := readCapped(path, plans.MaxCatalogueSize)
	if err != nil {
		return err.Error()
	}
	items, err := plans.ParseOwnCatalogue(name, data, u.fw)
	if err != nil {
		return err.Error()
	}
	origin := strings.TrimSuffix(name, filepath.Ext(name))
	if err := u.store.SaveOwnCatalogue(origin, name, items, u.now()); err != nil {
		fyne.LogError("storing the organisation's catalogue", err)
		return err.Error()
	}
	u.reloadCatalogue()
	return ""
}

// showSettingsProblems tells the user, once per start, that the app runs
// without (some of) its organisation's settings and whom to tell.
func (u *UI) showSettingsProblems(problems []string) {
	var b strings.Builder
	b.WriteString(lang.X("orgsettings.lead", "Zelfscan GGG is gestart met de standaardinstellingen, omdat er iets mis is met de instellingen van uw organisatie:"))
	for _, p := range problems {
		b.WriteString("\n• " + p)
	}
	b.WriteString("\n\n" + lang.X("orgsettings.advice", "Geef deze melding door aan de ICT-afdeling van uw organisatie. U kunt de app gewoon gebruiken."))
	text := message(b.String())
	text.Selectable = true
	scroll := container.NewVScroll(text)
	scroll.SetMinSize(fyne.NewSize(dialogWidth, 200))
	d := dialog.NewCustom(lang.X("orgsettings.title", "Organisatie-instellingen niet gebruikt"), lang.X("about.close", "Sluiten"), scroll, u.win)
	d.Resize(fyne.NewSize(dialogWidth+80, 0))
	u.showDialog(d)
}
