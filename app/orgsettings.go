package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
)

// reportOrgSettings stores the own catalogue the settings name, on another
// goroutine so that it does not hold up the first screen, and then explains
// whatever could not be used once, in one dialog, with the problems
// ApplySettings found; the app always starts. start calls it once the first
// screen is built.
func (u *UI) reportOrgSettings(problems []error) {
	if !u.ws.HasSettingsCatalogue() {
		u.reportSettingsProblems(problems)
		return
	}
	u.busy.Add(1)
	go func() {
		defer u.busy.Done()
		err := u.ws.StoreSettingsCatalogue()
		fyne.DoAndWait(func() {
			u.ws.ReloadCatalogue()
			if err != nil {
				problems = append(problems, err)
			}
			u.reportSettingsProblems(problems)
		})
	}()
}

// reportSettingsProblems logs the problems and shows them in one dialog.
func (u *UI) reportSettingsProblems(problems []error) {
	if len(problems) == 0 {
		return
	}
	lines := make([]string, len(problems))
	for i, p := range problems {
		fyne.LogError("organisation settings", p)
		lines[i] = explainList(p)
	}
	u.showSettingsProblems(lines)
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
