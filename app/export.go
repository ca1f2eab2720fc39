package app

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"golang.org/x/text/unicode/norm"

	"zelfscan/workspace"
)

// pdfFileName is the proposed name of the PDF: leerplan-<name or
// organisation>-<date>.pdf, with only letters, digits and dashes.
func (u *UI) pdfFileName(ps *planState) string {
	who := ps.sc.Profile.Name
	if strings.TrimSpace(who) == "" {
		who = u.organisationName(ps.sc.Profile.Organisation)
	}
	return lang.X("plan.fileName", "leerplan") + "-" + fileSlug(who) + "-" + u.now().Format("2006-01-02") + ".pdf"
}

// fileSlug makes a safe file name part: accents dropped, lower case, runs
// of anything else turned into one dash.
func fileSlug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// an accent, dropped
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
	}
	if b.Len() == 0 {
		return "plan"
	}
	out := []rune(b.String())
	if len(out) > 40 {
		out = out[:40]
	}
	return strings.Trim(string(out), "-")
}

// choosePDFPath asks where to save the PDF and then makes it.
func (u *UI) choosePDFPath(ps *planState) {
	// Save what is typed first, so the PDF shows it.
	for _, t := range ps.texts {
		t.flush()
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showPDFError(lang.X("plan.pdf.chooseFailed", "De gekozen plek kan niet worden gebruikt. Kies een andere map."), err)
			return
		}
		if w == nil {
			return // cancelled
		}
		// The dialog has opened the file; it is written again atomically.
		path := w.URI().Path()
		w.Close()
		u.exportPDF(ps, path)
	}, u.win)
	d.SetTitleText(saveTitle())
	d.SetFileName(u.pdfFileName(ps))
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	d.Resize(fileDialogSize(u.win))
	u.showDialog(d)
}

// exportPDF builds the plan file now and renders and writes the PDF in the
// background, with a progress dialog when it takes a while. The plan file
// rides along inside the PDF, so the PDF alone can be opened for a review.
func (u *UI) exportPDF(ps *planState, path string) {
	f, err := u.buildPlanFile(ps)
	if err != nil {
		u.showPDFError(lang.X("plan.pdf.buildFailed", "Het leerplan kon niet worden samengesteld."), err)
		return
	}
	created := u.now()
	u.background(lang.X("plan.pdf.busyText", "Het leerplan wordt als PDF bewaard…"),
		func() error { return workspace.WritePlanPDF(path, f, created) },
		func(err error) {
			if err != nil {
				u.showPDFError(lang.X("plan.pdf.writeFailed",
					"De PDF kon niet worden bewaard in {{.Path}}. Kies een andere map, of kijk of er ruimte op de schijf is.",
					map[string]any{"Path": shownPath(path)}), err)
				return
			}
			u.showDone(lang.X("plan.pdf.doneTitle", "PDF bewaard"),
				lang.X("plan.pdf.done", "Uw leerplan staat in {{.Path}}. In de PDF zit ook het leerplan als bestand, zodat uw leidinggevende het kan openen ter bespreking.",
					map[string]any{"Path": shownPath(path)}))
		})
}

// buildPlanFile makes the self-contained plan file of the plan on screen.
func (u *UI) buildPlanFile(ps *planState) (*workspace.PlanFile, error) {
	return u.ws.PlanFile(ps.sc, ps.plan, u.app.Metadata().Version, u.now())
}

// showPDFError says what went wrong in Dutch and logs the cause.
func (u *UI) showPDFError(text string, err error) {
	fyne.LogError("export", err)
	u.showMessage(lang.X("plan.pdf.failedTitle", "PDF niet gemaakt"), text)
}
