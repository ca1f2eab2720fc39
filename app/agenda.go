package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zelfscan/app/widgets"
	"zelfscan/plans"
	"zelfscan/workspace"
)

// agendaBlock shows when the next self-check is due and offers the plan's
// dates as a calendar file.
func (u *UI) agendaBlock(ps *planState) fyne.CanvasObject {
	export := widgets.NewKeyButton(lang.X("agenda.export", "Agenda-bestand (.ics)"), func() { u.chooseAgendaExport(ps) })
	export.Icon = theme.DocumentSaveIcon()
	text := lang.X("agenda.intro", "Zet de streefdatums van uw acties en de datum van uw volgende zelfscan in uw agenda: Outlook, Google en Apple kunnen het bestand importeren.")
	if next := plans.NextSelfCheck(ps.sc.Updated, u.ws.RescanMonths()); !next.IsZero() {
		text = lang.X("agenda.next", "Uw volgende zelfscan: {{.Date}}.", map[string]any{"Date": formatDate(next)}) + " " + text
	}
	return widget.NewCard(lang.X("agenda.title", "Planning"), "", container.NewVBox(wrapped(text), container.NewHBox(export)))
}

// chooseAgendaExport asks where to save the calendar file and writes it.
func (u *UI) chooseAgendaExport(ps *planState) {
	for _, t := range ps.texts {
		t.flush()
	}
	name := strings.TrimSuffix(u.pdfFileName(ps), ".pdf") + ".ics"
	u.chooseSavePath(name, ".ics", func(path string) { u.exportAgenda(ps, path) })
}

// exportAgenda writes the plan's dates to path as an iCalendar file.
func (u *UI) exportAgenda(ps *planState, path string) {
	f, err := u.buildPlanFile(ps)
	if err == nil {
		err = workspace.WriteAgenda(path, f, u.now())
	}
	if err != nil {
		workspace.DiscardEmpty(path)
		u.showFileProblem(lang.X("agenda.failed", "Het agenda-bestand kon niet worden bewaard in {{.Path}}. Kies een andere map, of kijk of er ruimte op de schijf is.",
			map[string]any{"Path": shownPath(path)}), err)
		return
	}
	u.showDone(lang.X("agenda.doneTitle", "Agenda-bestand bewaard"), lang.X("agenda.done",
		"De datums staan in {{.Path}}. Open het bestand met uw agenda om ze toe te voegen; een tweede keer importeren werkt de afspraken bij.",
		map[string]any{"Path": shownPath(path)}))
}
