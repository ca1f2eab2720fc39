package app

import (
	"context"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"

	"zelfscan/app/widgets"
	"zelfscan/workspace"
)

// loaded is one file read for review mode, review import or the group.
type loaded struct {
	path string
	file *workspace.PlanFile
	// err is a message for the user that names the file.
	err error
}

// readPlanFiles reads the files off the UI goroutine, a few at a time, and
// hands the results to done on the UI goroutine, in the order given. The
// progress dialog offers "Annuleren"; after it, done is not called.
func (u *UI) readPlanFiles(paths []string, done func([]loaded)) {
	out := make([]loaded, len(paths))
	ctx, cancel := context.WithCancel(context.Background())
	u.runBackground(lang.X("review.readingText", "Het leerplan wordt gelezen…"), cancel, func() error {
		for i, r := range workspace.OpenPlanFiles(ctx, paths) {
			out[i] = loaded{path: r.Path, file: r.File, err: r.Err}
		}
		return ctx.Err()
	}, func(err error) {
		cancel()
		if err == nil {
			done(out)
		}
	})
}

// planFileFilter offers plan files and plan PDFs in the open dialog.
var planFileFilter = storage.NewExtensionFileFilter([]string{workspace.PlanFileExtension, ".pdf"})

// choosePlanFile asks for one plan file or plan PDF and passes its path on.
func (u *UI) choosePlanFile(title string, chosen func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			u.showFileProblem(lang.X("review.chooseFailed", "Het gekozen bestand kan niet worden gebruikt."), err)
			return
		}
		if r == nil {
			return // cancelled
		}
		path := r.URI().Path()
		r.Close()
		chosen(path)
	}, u.win)
	d.SetTitleText(title)
	d.SetFilter(planFileFilter)
	d.Resize(fileDialogSize(u.win))
	u.showDialog(d)
}

// chooseSavePath asks where to save and passes the path on. The dialog
// creates the file; the caller writes it again atomically.
func (u *UI) chooseSavePath(name, ext string, chosen func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showFileProblem(lang.X("review.saveChooseFailed", "De gekozen plek kan niet worden gebruikt. Kies een andere map."), err)
			return
		}
		if w == nil {
			return // cancelled
		}
		path := w.URI().Path()
		w.Close()
		if !strings.EqualFold(filepath.Ext(path), ext) {
			path += ext
		}
		chosen(path)
	}, u.win)
	d.SetTitleText(saveTitle())
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	d.Resize(fileDialogSize(u.win))
	u.showDialog(d)
}

// acceptDrops lets the current screen take files dropped on the window;
// show clears it, so other screens ignore drops.
func (u *UI) acceptDrops(handle func(paths []string)) {
	u.drop = handle
	u.win.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) {
		if u.drop == nil {
			return
		}
		var paths []string
		for _, uri := range uris {
			if uri.Scheme() == "file" {
				paths = append(paths, uri.Path())
			}
		}
		if len(paths) > 0 {
			u.drop(paths)
		}
	})
}

// showFileProblem shows a Dutch message about a file and logs the cause.
func (u *UI) showFileProblem(text string, err error) {
	if err != nil {
		fyne.LogError("plan file", err)
	}
	u.showMessage(lang.X("review.problemTitle", "Bestand niet gebruikt"), text)
}

// showDone tells that something worked.
func (u *UI) showDone(title, text string) {
	u.showMessage(title, text)
}

// showMessage shows text with an OK button that has the keyboard focus, so
// Enter or Space closes it; Fyne's own dismiss button has to be reached with
// Tab first and then only reacts to Space.
func (u *UI) showMessage(title, text string) {
	d := dialog.NewCustomWithoutButtons(title, message(text), u.win)
	ok := widgets.NewKeyButton(lang.X("common.ok", "OK"), d.Hide)
	d.SetButtons([]fyne.CanvasObject{ok})
	d.Resize(fyne.NewSize(dialogWidth, 0))
	u.showDialog(d)
	u.win.Canvas().Focus(ok)
}

// saveTitle heads every save dialog: Fyne's own title glues two words
// together ("Opslaan Bestand"), which is not Dutch.
func saveTitle() string {
	return lang.X("common.saveFile", "Bestand opslaan")
}

// saveInBackground writes a file the user chose, whole or not at all
// (workspace.WriteFile), off the UI goroutine with a progress dialog when it
// takes a while. On failure, with the empty file the save dialog made
// removed, failed is shown; on success doneTitle and done.
func (u *UI) saveInBackground(path, busy string, write func(io.Writer) error, failed, doneTitle, done string) {
	u.background(busy, func() error { return workspace.WriteFile(path, write) }, func(err error) {
		if err != nil {
			u.showFileProblem(failed, err)
			return
		}
		u.showDone(doneTitle, done)
	})
}
