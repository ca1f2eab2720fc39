package app

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"zelfscan/app/widgets"
	"zelfscan/assessment"
	"zelfscan/workspace"
)

// dialogWidth keeps message dialogs readable: wide enough for a sentence,
// narrow enough for the smallest window.
const dialogWidth = 560

// message is a wrapping label for a dialog body.
func message(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// showFatal explains why the app cannot go on; its only button closes it
// and has the focus, so Enter quits as in the other messages.
func showFatal(w fyne.Window, title, text string) {
	w.SetContent(container.NewCenter(widget.NewLabel(appTitle())))
	d := dialog.NewCustomWithoutButtons(title, message(text), w)
	quit := widgets.NewKeyButton(lang.X("error.quit", "Afsluiten"), d.Hide)
	d.SetButtons([]fyne.CanvasObject{quit})
	d.SetOnClosed(w.Close)
	d.Resize(fyne.NewSize(dialogWidth, 0))
	d.Show()
	w.Canvas().Focus(quit)
}

// showFrameworkError: the embedded framework did not load, which is a fault
// of this build, not of the user's data.
func showFrameworkError(w fyne.Window, err error) {
	fyne.LogError("loading the framework", err)
	showFatal(w, lang.X("error.framework.title", "Het competentiekader ontbreekt"),
		lang.X("error.framework.text", "Zelfscan GGG kon zijn competentiekader niet laden. Dat is een fout in deze versie van de app, niet in uw gegevens; uw gegevens zijn niet aangeraakt. Installeer de app opnieuw of meld dit bij uw beheerder.")+
			"\n\n"+explainList(err))
}

// showOpenError explains why the database did not open. The file is left as
// it is. When another instance holds it, the user may look read-only.
func showOpenError(a fyne.App, w fyne.Window, fw *assessment.Framework, en *assessment.English, opt Options, err error) {
	fyne.LogError("opening the database", err)
	if !errors.Is(err, workspace.ErrLocked) {
		showFatal(w, openErrorTitle(err), explain(err)+"\n\n"+otherFolderHint(opt))
		return
	}
	w.SetContent(container.NewCenter(widget.NewLabel(appTitle())))
	text := explain(err) + "\n\n" + lang.X("error.locked.choice",
		"U kunt de gegevens ook alleen bekijken: dan wordt niets gewijzigd of bewaard.")
	d := dialog.NewCustomConfirm(lang.X("error.locked.title", "Zelfscan GGG is al geopend"),
		lang.X("error.locked.readonly", "Alleen-lezen openen"), lang.X("error.quit", "Afsluiten"),
		message(text), func(readOnly bool) {
			if !readOnly {
				w.Close()
				return
			}
			st, err := workspace.OpenStoreReadOnly(opt.DataDir)
			if err != nil {
				fyne.LogError("opening the database read-only", err)
				showFatal(w, openErrorTitle(err), explain(err))
				return
			}
			start(a, w, fw, en, st, opt)
		}, w)
	d.Resize(fyne.NewSize(dialogWidth, 0))
	d.Show()
}

// otherFolderHint says how to choose another data folder, from where this
// one was chosen.
func otherFolderHint(opt Options) string {
	switch opt.DataDirFrom {
	case DataDirFlag:
		return lang.X("error.open.hint.flag", "U koos deze map met --data bij het starten. Start de app met een andere map: zelfscan --data MAP.")
	case DataDirEnv:
		return lang.X("error.open.hint.env", "Deze map komt uit de omgevingsvariabele ZELFSCAN_DATA. Geef daar een andere map op, of start de app met zelfscan --data MAP.")
	case DataDirSettings:
		return lang.X("error.open.hint.settings", "Deze map staat als gegevensmap in {{.Settings}}, het instellingenbestand van uw organisatie. Vraag uw beheerder die map aan te passen, of start de app met zelfscan --data MAP.",
			map[string]any{"Settings": opt.SettingsPath})
	}
	return lang.X("error.open.hint.default", "Dit is de standaardmap van Zelfscan GGG. Start de app met zelfscan --data MAP om een andere map te gebruiken.")
}

// openErrorTitle names the kind of failure in a few words.
func openErrorTitle(err error) string {
	switch {
	case errors.Is(err, workspace.ErrNewerSchema):
		return lang.X("error.newer.title", "Gegevens van een nieuwere versie")
	case errors.Is(err, workspace.ErrCorrupt):
		return lang.X("error.corrupt.title", "Gegevensbestand beschadigd")
	case errors.Is(err, workspace.ErrNoAccess):
		return lang.X("error.access.title", "Geen schrijfrechten")
	case errors.Is(err, workspace.ErrDiskFull):
		return lang.X("error.full.title", "Schijf vol")
	}
	return lang.X("error.open.title", "Gegevens niet geopend")
}

// showStoreError tells the user that reading or saving failed.
func (u *UI) showStoreError(err error) {
	fyne.LogError("store", err)
	u.showMessage(lang.X("error.store.title", "Er ging iets mis"), explain(err))
}
