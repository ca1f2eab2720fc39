package app

import (
	"errors"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zelfscan/app/widgets"
	"zelfscan/safefile"
	"zelfscan/store"
	"zelfscan/workspace"
)

// screenPrivacy is the "Mijn gegevens" screen.
const screenPrivacy = "privacy"

// deleteWord is what the user types to confirm deleting everything: a
// deliberate act, not a click that slips through.
const deleteWord = "VERWIJDER"

// exporter is the part of the store that writes the user's copy of all data.
type exporter interface {
	ExportAll(w io.Writer) error
}

// showPrivacy shows where the data lives and what is kept, with the user's
// two rights at hand: a copy of everything, and deleting everything.
func (u *UI) showPrivacy() {
	title := heading(lang.X("privacy.title", "Mijn gegevens"))
	dbPath := u.store.Path()
	where := wrapped(lang.X("privacy.where",
		"Alles wat u invult, blijft op deze computer, in de map {{.Dir}}. De gegevens staan in één bestand: {{.File}}. Alleen uw eigen gebruikersaccount kan de map openen.",
		map[string]any{"Dir": shownPath(filepath.Dir(dbPath)), "File": shownPath(dbPath)}))
	network := wrapped(lang.X("privacy.network",
		"Zelfscan GGG maakt geen verbinding met internet of met een server. Er gaat niets naar uw werkgever, naar de makers van de app of naar anderen, tenzij u zelf een bestand doorstuurt."))
	what := wrapped(lang.X("privacy.what",
		"Dit wordt bewaard:\n"+
			"• uw zelfscans: organisatie, functie, uw naam en team als u die invulde, en de datums;\n"+
			"• uw antwoord op elke uitspraak, met de toelichting die u erbij schreef;\n"+
			"• uw notities per competentie;\n"+
			"• uw leerplannen: gekozen acties, streefdatums, voortgang, evaluaties en uw reflectie;\n"+
			"• besprekingen van een leerplan die u hebt ingelezen;\n"+
			"• het opleidingsaanbod van uw organisatie dat u zelf hebt geladen.\n"+
			"Voor een update van de app wordt soms een reservekopie van het bestand gemaakt, in dezelfde map."))

	export := widgets.NewKeyButton(lang.X("privacy.export", "Alles exporteren"), u.chooseExportFile)
	export.Icon = theme.DocumentSaveIcon()
	exportHint := hint(lang.X("privacy.export.hint",
		"Bewaart al uw gegevens in één JSON-bestand, een tekstbestand dat andere programma's kunnen lezen."))
	remove := widgets.NewKeyButton(lang.X("privacy.delete", "Alles verwijderen"), u.confirmDeleteAll)
	remove.Icon = theme.DeleteIcon()
	remove.Importance = widget.DangerImportance
	removeHint := hint(lang.X("privacy.delete.hint",
		"Wist alle zelfscans, leerplannen en het eigen aanbod van deze computer. Dat kan niet ongedaan worden gemaakt."))
	if u.store.ReadOnly() {
		remove.Disable()
		removeHint.SetText(lang.X("privacy.delete.readonly", "Niet mogelijk: een ander venster van Zelfscan GGG heeft de gegevens open."))
	}

	back := widgets.NewKeyButton(lang.X("privacy.back", "Terug"), u.ShowStart)
	back.Icon = theme.NavigateBackIcon()
	body := container.NewVBox(where, network, widget.NewSeparator(), what, widget.NewSeparator(),
		container.NewHBox(export), exportHint, container.NewHBox(remove), removeHint)
	if u.store.ReadOnly() {
		body.Objects = append([]fyne.CanvasObject{readOnlyBanner()}, body.Objects...)
	}
	u.show(screenPrivacy, container.NewBorder(title, container.NewHBox(back), nil, nil, focusScroll(body)))
}

// chooseExportFile asks where the export goes.
func (u *UI) chooseExportFile() {
	d := dialog.NewFileSave(u.exportChosen, u.win)
	d.SetTitleText(saveTitle())
	d.SetFileName(lang.X("privacy.fileName", "zelfscan-gegevens") + "-" + u.now().Format("2006-01-02") + ".json")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
	d.Resize(fileDialogSize(u.win))
	u.showDialog(d)
}

// exportChosen writes the export to the file the save dialog chose. Fyne's
// dialog has already created (or emptied) that file; we close its writer and
// write through workspace.WriteFile instead, so the file is complete or, on failure,
// gone, and only readable by the user.
func (u *UI) exportChosen(w fyne.URIWriteCloser, err error) {
	if err != nil {
		u.showExportError(err)
		return
	}
	if w == nil {
		return // cancelled
	}
	path := w.URI().Path()
	if err := w.Close(); err != nil {
		fyne.LogError("closing "+path, err)
	}
	if err := u.exportTo(path); err != nil {
		safefile.RemoveEmpty(path)
		u.showExportError(err)
		return
	}
	u.showDone(lang.X("privacy.exported.title", "Gegevens geëxporteerd"),
		lang.X("privacy.exported.text", "Al uw gegevens staan in {{.File}}. Bewaar dit bestand even zorgvuldig als de app zelf: het bevat uw antwoorden en notities.",
			map[string]any{"File": path}))
}

// exportTo writes everything in the store to path.
func (u *UI) exportTo(path string) error {
	ex, ok := u.store.(exporter)
	if !ok {
		return errors.New("this store cannot export")
	}
	return workspace.WriteFile(path, ex.ExportAll)
}

// showExportError says the export did not happen.
func (u *UI) showExportError(err error) {
	fyne.LogError("export", err)
	text := lang.X("privacy.exportFailed.text", "Het exporteren is niet gelukt; er is geen bestand gemaakt. Kies een andere map of maak ruimte vrij en probeer het opnieuw.")
	var fe *store.FileError
	if errors.As(err, &fe) {
		text = explain(err)
	}
	u.showMessage(lang.X("privacy.exportFailed.title", "Exporteren mislukt"), text)
}

// confirmDeleteAll asks the user to type deleteWord before anything goes.
func (u *UI) confirmDeleteAll() {
	entry := widget.NewEntry()
	entry.SetPlaceHolder(deleteWord)
	entry.Validator = func(s string) error {
		if strings.TrimSpace(s) != deleteWord {
			return errors.New(lang.X("privacy.confirm.wrong", "Typ VERWIJDER in hoofdletters."))
		}
		return nil
	}
	text := message(lang.X("privacy.confirm.text",
		"Alle zelfscans, antwoorden, notities, leerplannen, besprekingen en het eigen aanbod worden van deze computer gewist, met de reservekopieën. Dat kan niet ongedaan worden gemaakt. Wilt u een kopie houden, kies dan eerst 'Alles exporteren'. Daarna sluit de app; bij de volgende start begint u leeg.\n\nTyp VERWIJDER om te bevestigen."))
	d := dialog.NewForm(lang.X("privacy.confirm.title", "Alle gegevens verwijderen?"),
		lang.X("privacy.delete", "Alles verwijderen"), lang.X("privacy.cancel", "Annuleren"),
		[]*widget.FormItem{widget.NewFormItem("", text), widget.NewFormItem(lang.X("privacy.confirm.label", "Bevestiging"), entry)},
		func(ok bool) {
			if ok {
				u.deleteAll()
			}
		}, u.win)
	d.Resize(fyne.NewSize(dialogWidth, 0))
	u.showDialog(d)
	u.win.Canvas().Focus(entry)
}

// deleteAll closes the store, removes every file it keeps and ends the app:
// reopening would at once create a new, empty database in the folder the
// user just cleared. The next start begins empty.
func (u *UI) deleteAll() {
	dir := filepath.Dir(u.store.Path())
	if err := u.store.Close(); err != nil {
		fyne.LogError("closing the database before deleting it", err)
	}
	// The remembered self-check and screen point at data that is gone.
	p := u.app.Preferences()
	p.RemoveValue(prefSelfCheck)
	p.RemoveValue(prefLastScreen)
	if err := store.DeleteAll(dir); err != nil {
		fyne.LogError("deleting all data", err)
		text := lang.X("privacy.deleteFailed.text", "Niet alles kon worden verwijderd. Sluit de app, controleer de map {{.Dir}} en verwijder wat er nog staat zelf.",
			map[string]any{"Dir": shownPath(dir)})
		var fe *store.FileError
		if errors.As(err, &fe) {
			text += "\n\n" + explain(err)
		}
		showFatal(u.win, lang.X("privacy.deleteFailed.title", "Verwijderen niet gelukt"), text)
		return
	}
	showFatal(u.win, lang.X("privacy.deleted.title", "Alle gegevens zijn verwijderd"),
		lang.X("privacy.deleted.text", "Uw zelfscans, leerplannen en het eigen aanbod zijn van deze computer gewist. De app sluit nu; bij de volgende start begint u opnieuw."))
}
