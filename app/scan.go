package app

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zelfscan/assessment"
)

// noteDelay is how long typing may pause before a note is saved; leaving
// the page or closing the window saves it at once.
const noteDelay = 800 * time.Millisecond

// jumpWidth fits most competency titles at the smallest window size.
const jumpWidth = 420

// Keyboard shortcuts to page through the scan; Alt+arrow is what browsers
// use for back and forward.
var (
	shortcutNext = &desktop.CustomShortcut{KeyName: fyne.KeyRight, Modifier: fyne.KeyModifierAlt}
	shortcutPrev = &desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierAlt}
)

// scanState is the self-check being filled in and the page on screen.
type scanState struct {
	sc  *assessment.SelfCheck
	req []assessment.RequiredCompetency
	pos int

	pickers   []*levelPicker
	note      *shortcutEntry
	savedNote string
	noteTimer *time.Timer
	progress  *widget.ProgressBar
	jump      *widget.Select
	scroll    *container.Scroll
}

// categoryLabel is the translated name of a competency category, used on
// every screen.
func categoryLabel(c assessment.Category) string {
	switch c {
	case assessment.CategoryBasis:
		return lang.X("category.basis", "Basiskennis en -vaardigheden")
	case assessment.CategoryVerdiepend:
		return lang.X("category.verdiepend", "Verdieping")
	case assessment.CategoryPerOrgBasis:
		return lang.X("category.per_org_basis", "Basis uitgewerkt voor uw organisatie")
	case assessment.CategoryPerOrgSpecialisatie:
		return lang.X("category.per_org_specialisatie", "Specialisatie voor uw organisatie")
	case assessment.CategoryOrganisatie:
		return lang.X("category.organisatiespecifiek", "Organisatiespecifiek")
	case assessment.CategoryRol:
		return lang.X("category.rol", "Rol en functie")
	}
	return string(c)
}

// showScan opens the self-check at the competency where it was left.
func (u *UI) showScan(selfCheckID int64) {
	sc, err := u.store.SelfCheck(selfCheckID)
	if err != nil {
		u.ShowStart()
		u.showStoreError(err)
		return
	}
	req, err := u.fw.Required(sc.Profile.Organisation, sc.Profile.Function)
	if err != nil || len(req) == 0 {
		u.ShowStart()
		u.showMessage(lang.X("scan.unknown.title", "Zelfscan niet te openen"),
			lang.X("scan.unknown.text", "Deze zelfscan hoort bij een organisatie of functie die deze versie van de app niet kent. Begin een nieuwe zelfscan."))
		return
	}
	if sc.Ratings == nil {
		sc.Ratings = map[string]assessment.Rating{}
	}
	if sc.Notes == nil {
		sc.Notes = map[string]string{}
	}
	u.rememberSelfCheck(selfCheckID)
	s := &scanState{sc: sc, req: req, pos: min(max(sc.Position, 0), len(req)-1)}
	u.addShortcut(shortcutNext, func() { u.scanStep(1) })
	u.addShortcut(shortcutPrev, func() { u.scanStep(-1) })
	u.showScanPage(s)
}

// scanStep pages forward or back, when the scan is on screen.
// Past the last page it goes on to the results, as the button there does.
func (u *UI) scanStep(delta int) {
	s := u.scan
	if s == nil {
		return
	}
	switch p := s.pos + delta; {
	case p >= 0 && p < len(s.req):
		u.scanGoTo(s, p)
	case p == len(s.req):
		u.finishScan(s)
	}
}

// scanGoTo shows another competency and remembers it as the place to resume.
func (u *UI) scanGoTo(s *scanState, pos int) {
	u.flush()
	s.pos = pos
	s.sc.Position = pos
	if err := u.store.SavePosition(s.sc.ID, pos); err != nil {
		// Losing the position only costs a click on resume; say so in the log.
		fyne.LogError("saving the scan position", err)
	}
	u.showScanPage(s)
}

// showScanPage builds the page of competency s.pos.
func (u *UI) showScanPage(s *scanState) {
	rc := s.req[s.pos]
	c := rc.Competency

	s.progress = widget.NewProgressBar()
	s.progress.TextFormatter = func() string {
		done := s.sc.Completeness(s.req)
		return lang.X("scan.progress", "{{.Answered}} van {{.Total}} uitspraken beantwoord",
			map[string]any{"Answered": done.Answered, "Total": done.Total})
	}
	s.jump = widget.NewSelect(nil, nil)
	s.jump.PlaceHolder = lang.X("scan.jump", "Ga naar competentie…")
	u.updateScanProgress(s)
	s.jump.OnChanged = func(string) {
		if i := s.jump.SelectedIndex(); i >= 0 && i != s.pos {
			u.scanGoTo(s, i)
		}
	}

	category := widget.NewLabelWithStyle(categoryLabel(c.Category), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	counter := widget.NewLabel(lang.X("scan.counter", "Competentie {{.N}} van {{.Total}}",
		map[string]any{"N": s.pos + 1, "Total": len(s.req)}))
	// The jump list gets a fixed width so competency titles stay readable.
	jump := container.New(layout.NewGridWrapLayout(fyne.NewSize(jumpWidth, s.jump.MinSize().Height)), s.jump)
	header := container.NewVBox(
		container.NewBorder(nil, nil, category, counter),
		container.NewBorder(nil, nil, nil, jump, s.progress))

	page := container.NewVBox(
		heading(c.Title),
		wrapped(c.Description),
		hint(lang.X("common.source", "Bron: {{.Source}}", map[string]any{"Source": c.Source})),
		hint(lang.X("scan.required", "Gevraagd voor uw functie: niveau {{.Level}} ({{.Label}}).",
			map[string]any{"Level": rc.Level, "Label": u.fw.LevelLabel(rc.Level)})),
		u.scaleLegend(),
		widget.NewSeparator(),
	)
	labels := make([]string, len(u.fw.Scale))
	for i, l := range u.fw.Scale {
		labels[i] = fmt.Sprintf("%d · %s", l.Value, l.Label)
	}
	s.pickers = nil
	for _, ind := range rc.Indicators {
		selected := -1
		if r, ok := s.sc.Ratings[ind.ID]; ok {
			selected = r.Level
		}
		p := newLevelPicker(labels, selected, func(i int) bool { return u.saveRating(s, ind.ID, i) })
		s.pickers = append(s.pickers, p)
		text := wrapped(ind.Text)
		text.TextStyle.Bold = true
		box := container.NewVBox(text, p)
		page.Add(box)
		// Scrolling to the focused picker brings its statement along.
		p.onFocus = func() { scrollIntoView(s.scroll, box) }
	}

	s.note = newShortcutEntry(u, true)
	s.note.SetMinRowsVisible(3)
	s.note.PlaceHolder = lang.X("scan.note.placeholder", "Wat wilt u onthouden? Bijvoorbeeld een voorbeeld uit uw werk of een vraag voor uw leidinggevende.")
	s.note.Text = s.sc.Notes[c.ID]
	s.savedNote = s.note.Text
	s.note.OnChanged = func(string) { u.scheduleNoteSave(s) }
	s.note.onFocusLost = func() { u.saveNote(s) }
	page.Add(widget.NewSeparator())
	page.Add(widget.NewLabelWithStyle(lang.X("scan.note", "Uw reflectie (optioneel)"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	page.Add(s.note)

	prev := newKeyButton(lang.X("scan.prev", "Vorige"), func() { u.scanStep(-1) })
	prev.Icon = theme.NavigateBackIcon()
	if s.pos == 0 {
		prev.Disable()
	}
	home := newKeyButton(lang.X("scan.home", "Naar startscherm"), u.ShowStart)
	home.Icon = theme.HomeIcon()
	var next *keyButton
	if s.pos < len(s.req)-1 {
		next = newKeyButton(lang.X("scan.next", "Volgende"), func() { u.scanStep(1) })
		next.Icon = theme.NavigateNextIcon()
	} else {
		next = newKeyButton(lang.X("scan.results", "Bekijk resultaten"), func() { u.finishScan(s) })
		next.Icon = theme.ConfirmIcon()
		next.Importance = widget.HighImportance
	}
	next.IconPlacement = widget.ButtonIconTrailingText
	keys := hint(lang.X("scan.keys", "Toetsen: Tab naar de volgende keuze, pijltjes om een niveau te kiezen, Alt+→ en Alt+← om te bladeren."))
	footer := container.NewBorder(nil, nil, container.NewHBox(prev, home), next, keys)

	scroll := container.NewVScroll(page)
	s.scroll = scroll
	s.note.onFocus = func() { scrollIntoView(scroll, s.note) }
	u.show(screenScan, container.NewBorder(header, footer, nil, nil, scroll))
	u.scan = s
	u.leave = func() {
		u.saveNote(s)
		u.scan = nil
	}
	if len(s.pickers) > 0 {
		u.win.Canvas().Focus(s.pickers[0])
	}
}

// scaleLegend shows every level with what it means, so the choice is
// informed without leaving the page.
func (u *UI) scaleLegend() fyne.CanvasObject {
	rows := make([]fyne.CanvasObject, 0, 2*len(u.fw.Scale))
	for _, l := range u.fw.Scale {
		name := widget.NewLabelWithStyle(fmt.Sprintf("%d · %s", l.Value, l.Label), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		name.SizeName = theme.SizeNameCaptionText
		rows = append(rows, name, hint(l.Description))
	}
	return container.New(layout.NewFormLayout(), rows...)
}

// saveRating stores an answer the moment it is given; on failure the
// picker keeps its old choice, so the screen never shows an unsaved answer.
func (u *UI) saveRating(s *scanState, indicatorID string, index int) bool {
	r := s.sc.Ratings[indicatorID]
	r.Level = u.fw.Scale[index].Value
	r.At = u.now()
	if err := u.store.SaveRating(s.sc.ID, indicatorID, r); err != nil {
		u.showStoreError(err)
		return false
	}
	s.sc.Ratings[indicatorID] = r
	u.updateScanProgress(s)
	return true
}

// updateScanProgress refreshes the progress bar and the ✓ marks in the jump list.
func (u *UI) updateScanProgress(s *scanState) {
	done := s.sc.Completeness(s.req)
	if done.Total > 0 {
		s.progress.SetValue(float64(done.Answered) / float64(done.Total))
	}
	opts := make([]string, len(s.req))
	for i, rc := range s.req {
		mark := "    "
		if assessment.LevelOf(rc.Indicators, s.sc.Ratings).Complete() {
			mark = "✓ "
		}
		opts[i] = fmt.Sprintf("%s%d. %s", mark, i+1, rc.Competency.Title)
	}
	s.jump.Options = opts
	s.jump.Selected = opts[s.pos]
	s.jump.Refresh()
}

// scheduleNoteSave saves the note once typing pauses.
func (u *UI) scheduleNoteSave(s *scanState) {
	if s.noteTimer != nil {
		s.noteTimer.Stop()
	}
	s.noteTimer = time.AfterFunc(noteDelay, func() {
		fyne.Do(func() {
			if u.scan == s {
				u.saveNote(s)
			}
		})
	})
}

// saveNote stores the reflection of the current competency if it changed.
func (u *UI) saveNote(s *scanState) {
	if s.noteTimer != nil {
		s.noteTimer.Stop()
	}
	text := s.note.Text
	if text == s.savedNote {
		return
	}
	id := s.req[s.pos].Competency.ID
	if err := u.store.SaveNote(s.sc.ID, id, text, u.now()); err != nil {
		u.showStoreError(err)
		return
	}
	s.savedNote = text
	s.sc.Notes[id] = text
}

// finishScan opens the results; with answers still open it asks first.
func (u *UI) finishScan(s *scanState) {
	done := s.sc.Completeness(s.req)
	if done.Done() {
		u.showResults(s.sc.ID)
		return
	}
	d := dialog.NewCustomConfirm(lang.X("scan.open.title", "Nog niet alles beantwoord"),
		lang.X("scan.open.show", "Toch bekijken"), lang.X("scan.open.continue", "Verder invullen"),
		message(lang.X("scan.open.text", "U hebt {{.Open}} van de {{.Total}} uitspraken nog niet beantwoord. Competenties met open uitspraken tellen nog niet volledig mee in de resultaten.",
			map[string]any{"Open": done.Total - done.Answered, "Total": done.Total})),
		func(show bool) {
			if show {
				u.showResults(s.sc.ID)
			}
		}, u.win)
	d.Resize(fyne.NewSize(dialogWidth, 0))
	d.Show()
}
