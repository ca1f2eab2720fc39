package app

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zelfscan/app/widgets"
	"zelfscan/assessment"
)

// noteDelay is how long typing may pause before a note is saved; leaving
// the page or closing the window saves it at once.
const noteDelay = 800 * time.Millisecond

// jumpWidth fits most competency titles at the smallest window size.
const jumpWidth = 420

// openListHeight is the height of the list of open statements at the end.
const openListHeight = 320

// scanState is the self-check being filled in and the page on screen.
type scanState struct {
	sc  *assessment.SelfCheck
	req []assessment.RequiredCompetency
	pos int

	pickers []*widgets.LevelPicker
	// marks sit before each statement; they show a warning once the user
	// moved past it without an answer.
	marks     []*widget.Icon
	note      *shortcutEntry
	savedNote string
	noteTimer *time.Timer
	progress  *widget.ProgressBar
	jump      *widgets.KeySelect
	scroll    *container.Scroll
	// chrome is what every page shows around its statements, built once
	// per scan and updated from page to page: a page turn then draws only
	// the text that changed (Fyne rasterises the text of every new label).
	chrome *scanChrome
	next   *widgets.KeyButton
	// details holds description, source and the scale; detailsOpen keeps
	// it open or closed from page to page.
	details     *widget.Accordion
	detailsOpen bool
	// left are the pages the user moved on from with statements still open.
	left map[int]bool
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
	req, err := u.fw().Required(sc.Profile.Organisation, sc.Profile.Function)
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
	s := &scanState{sc: sc, req: req, pos: min(max(sc.Position, 0), len(req)-1), left: map[int]bool{}}
	s.chrome = u.newScanChrome(s)
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
	if pos > s.pos && !assessment.LevelOf(s.req[s.pos].Indicators, s.sc.Ratings).Complete() {
		s.left[s.pos] = true
	}
	s.detailsOpen = s.details != nil && s.details.Items[0].Open
	s.pos = pos
	s.sc.Position = pos
	if err := u.store.SavePosition(s.sc.ID, pos); err != nil {
		// Losing the position only costs a click on resume; say so in the log.
		fyne.LogError("saving the scan position", err)
	}
	u.showScanPage(s)
}

// showScanPage builds the page of competency s.pos: the statements come
// first, under headings that name the levels; what the competency is about
// folds open on request.
func (u *UI) showScanPage(s *scanState) {
	c := s.chrome
	header := u.scanHeader(s)
	page := container.NewVBox(u.scanDetails(s), u.scanStatements(s), u.scanNote(s))
	footer := u.scanFooter(s)
	if c.shown != nil && u.win.Content() == c.shown {
		// The scan is on screen: only the page and the parts of header
		// and footer that change are new; laying out the whole window
		// again would cost more than the page itself.
		s.scroll.Content = page
		s.scroll.Offset = fyne.Position{}
		// Header and footer first, so their new wrapped labels have a
		// width and know their height when the screen asks; then again at
		// the size the screen gave them.
		for range 2 {
			header.Layout.Layout(header.Objects, header.Size())
			footer.Layout.Layout(footer.Objects, footer.Size())
			c.screen.Layout.Layout(c.screen.Objects, c.screen.Size())
		}
		s.scroll.Refresh()
	} else {
		s.scroll = container.NewVScroll(page)
		// Focus follows the order of the objects: statements, note, the
		// buttons, and only then the jump list.
		c.screen = container.New(layout.NewBorderLayout(header, footer, nil, nil), s.scroll, footer, header)
		u.show(screenScan, c.screen)
		c.shown = u.win.Content()
	}
	s.note.page = s.scroll
	u.scan = s
	u.forward = func() { u.scanStep(1) }
	u.back = func() { u.scanStep(-1) }
	u.leave = func() {
		u.saveNote(s)
		u.scan = nil
	}
	if len(s.pickers) > 0 {
		u.win.Canvas().Focus(s.pickers[0])
	}
}

// scanChrome holds the widgets of the scan that stay from page to page.
type scanChrome struct {
	category, counter *widget.Label
	jumpBox           fyne.CanvasObject
	levelHeadings     fyne.CanvasObject
	prev, home, next  *widgets.KeyButton
	// header and footer hold them; screen is the whole scan, and shown
	// what the window showed when it was put there.
	header, footer *fyne.Container
	screen         *fyne.Container
	shown          fyne.CanvasObject
}

// newScanChrome builds the parts every page shares, once per scan.
func (u *UI) newScanChrome(s *scanState) *scanChrome {
	s.progress = widget.NewProgressBar()
	s.progress.TextFormatter = func() string {
		done := s.sc.Completeness(s.req)
		return lang.X("scan.progress", "{{.Answered}} van {{.Total}} uitspraken beantwoord",
			map[string]any{"Answered": done.Answered, "Total": done.Total})
	}
	s.jump = widgets.NewKeySelect(nil, func(string) {
		if i := s.jump.SelectedIndex(); i >= 0 && i != s.pos {
			u.scanGoTo(s, i)
		}
	})
	s.jump.FixedOnSides = true
	s.jump.PlaceHolder = lang.X("scan.jump", "Ga naar competentie…")
	c := &scanChrome{
		category: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		counter:  widget.NewLabel(""),
		// The jump list gets a fixed width so competency titles stay readable.
		jumpBox:       container.New(layout.NewGridWrapLayout(fyne.NewSize(jumpWidth, s.jump.MinSize().Height)), s.jump),
		levelHeadings: u.levelHeadings(),
		prev:          widgets.NewIconKeyButton(lang.X("scan.prev", "Vorige"), theme.NavigateBackIcon(), func() { u.scanStep(-1) }),
		home:          widgets.NewIconKeyButton(lang.X("scan.home", "Naar startscherm"), theme.HomeIcon(), u.ShowStart),
		next:          widgets.NewIconKeyButton("", nil, nil),
	}
	c.next.IconPlacement = widget.ButtonIconTrailingText
	for _, b := range []*widgets.KeyButton{c.prev, c.home, c.next} {
		b.OnText = u.typeInNote
	}
	return c
}

// scanHeader is what stays in view above the statements: where the user
// is, the competency, what the function asks, and the level headings.
func (u *UI) scanHeader(s *scanState) *fyne.Container {
	rc := s.req[s.pos]
	c := s.chrome
	u.updateScanProgress(s)
	setText(c.category, categoryLabel(rc.Competency.Category))
	setText(c.counter, lang.X("scan.counter", "Competentie {{.N}} van {{.Total}}",
		map[string]any{"N": s.pos + 1, "Total": len(s.req)}))
	required := hint(lang.X("scan.required", "Gevraagd voor uw functie: niveau {{.Level}} ({{.Label}}).",
		map[string]any{"Level": rc.Level, "Label": u.fw().LevelLabel(rc.Level)}))
	objects := []fyne.CanvasObject{
		container.NewBorder(nil, nil, c.category, c.counter),
		container.NewBorder(nil, nil, nil, c.jumpBox, s.progress),
		heading(rc.Competency.Title),
		required,
		c.levelHeadings,
	}
	if c.header == nil {
		c.header = container.NewVBox(objects...)
	}
	c.header.Objects = objects
	return c.header
}

// setText changes a label's text only when it differs: a refreshed label
// has its text rasterised again.
func setText(l *widget.Label, text string) {
	if l.Text != text {
		l.SetText(text)
	}
}

// levelHeadings names the level of each column over the statements, so the
// scale stays in view however far the page scrolls.
func (u *UI) levelHeadings() fyne.CanvasObject {
	size := theme.Size(theme.SizeNameCaptionText)
	style := fyne.TextStyle{Bold: true}
	width := widgets.LevelColumnWidth - 2*theme.InnerPadding()
	cols := make([]fyne.CanvasObject, len(u.fw().Scale))
	for i, l := range u.fw().Scale {
		h := widget.NewLabelWithStyle(fitLines(fmt.Sprintf("%d · %s", l.Value, l.Label), width, size, style), fyne.TextAlignCenter, style)
		h.SizeName = theme.SizeNameCaptionText
		cols[i] = h
	}
	statement := widget.NewLabelWithStyle(lang.X("scan.statement", "Uitspraak"), fyne.TextAlignLeading, style)
	statement.SizeName = theme.SizeNameCaptionText
	return container.NewBorder(nil, nil, markSlot(nil), container.New(widgets.LevelColumns{}, cols...), statement)
}

// fitLines breaks text at spaces into lines no wider than width, for a
// label that must keep one fixed width (Fyne's wrapping needs a width
// before it can tell its height).
func fitLines(text string, width, size float32, style fyne.TextStyle) string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		try := strings.TrimSpace(line + " " + word)
		if line != "" && fyne.MeasureText(try, size, style).Width > width {
			lines = append(lines, line)
			try = word
		}
		line = try
	}
	return strings.Join(append(lines, line), "\n")
}

// markSlot is the place before a statement for the mark of an open
// statement; it keeps its width when empty, so a mark never moves the text.
func markSlot(icon *widget.Icon) fyne.CanvasObject {
	if icon == nil {
		icon = widget.NewIcon(nil)
	}
	return icon
}

// scanDetails folds the description, its source and the meaning of every
// level into one line that opens on request.
func (u *UI) scanDetails(s *scanState) fyne.CanvasObject {
	c := s.req[s.pos].Competency
	rows := make([]fyne.CanvasObject, 0, 2*len(u.fw().Scale))
	for _, l := range u.fw().Scale {
		name := widget.NewLabelWithStyle(fmt.Sprintf("%d · %s", l.Value, l.Label), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		name.SizeName = theme.SizeNameCaptionText
		rows = append(rows, name, hint(l.Description))
	}
	body := container.NewVBox(
		wrapped(c.Description),
		hint(lang.X("common.source", "Bron: {{.Source}}", map[string]any{"Source": c.Source})),
		container.New(layout.NewFormLayout(), rows...),
		hint(lang.X("scan.markHelp", "Een driehoekje met uitroepteken voor een uitspraak: u bent er zonder antwoord aan voorbijgegaan. Een uitroepteken in de lijst van competenties: daar staan nog open uitspraken.")),
	)
	item := widget.NewAccordionItem(lang.X("scan.details", "Toelichting en betekenis van de niveaus"), body)
	item.Open = s.detailsOpen
	s.details = widget.NewAccordion(item)
	return s.details
}

// scanStatements shows one row per statement: its text and the levels to
// choose from, in the columns of the headings.
func (u *UI) scanStatements(s *scanState) fyne.CanvasObject {
	rc := s.req[s.pos]
	values := make([]int, len(u.fw().Scale))
	for i, l := range u.fw().Scale {
		values[i] = l.Value
	}
	s.pickers, s.marks = nil, nil
	box := container.NewVBox()
	for i, ind := range rc.Indicators {
		if i > 0 {
			box.Add(widget.NewSeparator())
		}
		box.Add(u.statementRow(s, i, ind, values))
	}
	return box
}

// statementRow is statement i with its level picker and its mark.
func (u *UI) statementRow(s *scanState, i int, ind assessment.Indicator, values []int) fyne.CanvasObject {
	selected := -1
	if r, ok := s.sc.Ratings[ind.ID]; ok {
		selected = slices.Index(values, r.Level)
	}
	mark := widget.NewIcon(nil)
	p := widgets.NewLevelPicker(values, selected, func(index int) bool {
		if !u.saveRating(s, ind.ID, index) {
			return false
		}
		mark.SetResource(nil)
		return true
	})
	if selected < 0 && s.left[s.pos] {
		mark.SetResource(openMark())
	}
	row := container.NewBorder(nil, nil, markSlot(mark), p, wrapped(ind.Text))
	// Scrolling to the focused picker brings its statement along.
	p.OnFocus = func() { scrollIntoView(s.scroll, row) }
	// Moving past a statement without an answer marks it, lightly.
	p.OnFocusLost = func() {
		if !p.Answered() {
			mark.SetResource(openMark())
		}
	}
	p.OnNumber = func() { u.focusAfterStatement(s, i) }
	p.OnText = u.typeInNote
	s.pickers = append(s.pickers, p)
	s.marks = append(s.marks, mark)
	return row
}

// openMark is the sign of a statement passed without an answer.
func openMark() fyne.Resource { return theme.NewWarningThemedResource(theme.WarningIcon()) }

// focusAfterStatement moves on after a number key answered statement i:
// to the next statement, or after the last to the button that pages on.
func (u *UI) focusAfterStatement(s *scanState, i int) {
	if i+1 < len(s.pickers) {
		u.win.Canvas().Focus(s.pickers[i+1])
		return
	}
	u.win.Canvas().Focus(s.next)
	scrollIntoView(s.scroll, s.note)
}

// focusNote puts the focus in the reflection note of the scan page (Alt+R).
func (u *UI) focusNote() {
	if u.scan != nil {
		u.win.Canvas().Focus(u.scan.note)
	}
}

// typeInNote writes a character typed on the page's buttons or statements
// into the note, and goes on there: someone who thought they were in the
// note keeps what they type, and a space after it no longer turns the page.
// Digits stay out: they are the answer keys.
func (u *UI) typeInNote(r rune) {
	if u.scan == nil || u.dialogOpen() || unicode.IsDigit(r) {
		return
	}
	u.focusNote()
	u.scan.note.TypedRune(r)
}

// scanNote is the optional reflection on the competency.
func (u *UI) scanNote(s *scanState) fyne.CanvasObject {
	s.note = newShortcutEntry(u, true)
	s.note.SetMinRowsVisible(3)
	s.note.PlaceHolder = lang.X("scan.note.placeholder", "Wat wilt u onthouden? Bijvoorbeeld een voorbeeld uit uw werk of een vraag voor uw leidinggevende.")
	s.note.Text = s.sc.Notes[s.req[s.pos].Competency.ID]
	s.savedNote = s.note.Text
	s.note.OnChanged = func(string) { u.scheduleNoteSave(s) }
	s.note.onFocusLost = func() { u.saveNote(s) }
	s.note.onFocus = func() { scrollIntoView(s.scroll, s.note) }
	return container.NewVBox(
		widget.NewSeparator(),
		widget.NewLabelWithStyle(lang.X("scan.note", "Uw reflectie (optioneel)"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		s.note,
	)
}

// scanFooter holds the buttons that page and leave, and the keys to use.
func (u *UI) scanFooter(s *scanState) *fyne.Container {
	c := s.chrome
	if s.pos == 0 {
		c.prev.Disable()
	} else {
		c.prev.Enable()
	}
	s.next = c.next
	text, icon, importance := lang.X("scan.next", "Volgende"), theme.NavigateNextIcon(), widget.MediumImportance
	c.next.OnTapped = func() { u.scanStep(1) }
	if s.pos == len(s.req)-1 {
		text, icon, importance = lang.X("scan.results", "Bekijk resultaten"), theme.ConfirmIcon(), widget.HighImportance
		c.next.OnTapped = func() { u.finishScan(s) }
	}
	if c.next.Text != text {
		c.next.Text, c.next.Icon, c.next.Importance = text, icon, importance
		c.next.Refresh()
	}
	// The key hint is new on every page: on the last page the wider button
	// wraps it into more lines, and a wrapped label kept from there would
	// keep that height on the pages before.
	keys := hint(lang.X("scan.keys", "Toetsen: {{.First}}–{{.Last}} kiest en gaat door · pijltjes wijzigen · Tab volgende keuze · Alt+R reflectie · Alt+←/→ bladeren",
		map[string]any{"First": u.fw().Scale[0].Value, "Last": u.fw().Scale[len(u.fw().Scale)-1].Value}))
	left := container.NewHBox(c.prev, c.home)
	if c.footer == nil {
		c.footer = container.NewBorder(nil, nil, left, c.next, keys)
	}
	c.footer.Objects = []fyne.CanvasObject{keys, left, c.next}
	c.footer.Layout = layout.NewBorderLayout(nil, nil, left, c.next)
	return c.footer
}

// saveRating stores an answer the moment it is given; on failure the
// picker keeps its old choice, so the screen never shows an unsaved answer.
func (u *UI) saveRating(s *scanState, indicatorID string, index int) bool {
	r := s.sc.Ratings[indicatorID]
	r.Level = u.fw().Scale[index].Value
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
		switch {
		case assessment.LevelOf(rc.Indicators, s.sc.Ratings).Complete():
			mark = "✓ "
		case s.left[i]:
			mark = "! " // moved on from with statements open
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

// finishScan opens the results; with statements still open it lists them
// first, each with a way back to it. Only one such list is ever open.
func (u *UI) finishScan(s *scanState) {
	done := s.sc.Completeness(s.req)
	if done.Done() {
		u.showResults(s.sc.ID)
		return
	}
	if u.dialogOpen() {
		return
	}
	var d *dialog.ConfirmDialog
	list := container.NewVBox()
	for i, rc := range s.req {
		first := true
		for j, ind := range rc.Indicators {
			if _, ok := s.sc.Ratings[ind.ID]; ok {
				continue
			}
			if first {
				list.Add(widget.NewLabelWithStyle(fmt.Sprintf("%d. %s", i+1, rc.Competency.Title), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
				first = false
			}
			goTo := widgets.NewKeyButton(lang.X("scan.open.goto", "Ga erheen"), func() {
				d.Hide()
				u.scanGoTo(s, i)
				u.win.Canvas().Focus(s.pickers[j])
			})
			list.Add(container.NewBorder(nil, nil, nil, container.NewVBox(goTo), wrapped(ind.Text)))
		}
	}
	scroll := focusScroll(list)
	scroll.SetMinSize(fyne.NewSize(dialogWidth, openListHeight))
	text := message(lang.X("scan.open.text", "U hebt {{.Open}} van de {{.Total}} uitspraken nog niet beantwoord. Competenties met open uitspraken tellen nog niet volledig mee in de resultaten. Met 'Ga erheen' beantwoordt u er een.",
		map[string]any{"Open": done.Total - done.Answered, "Total": done.Total}))
	d = dialog.NewCustomConfirm(lang.X("scan.open.title", "Nog niet alles beantwoord"),
		lang.X("scan.open.show", "Toch bekijken"), lang.X("scan.open.continue", "Verder invullen"),
		container.NewBorder(text, nil, nil, nil, scroll),
		func(show bool) {
			if show {
				u.showResults(s.sc.ID)
			}
		}, u.win)
	d.Resize(fyne.NewSize(dialogWidth+80, 0))
	u.showDialog(d)
}
