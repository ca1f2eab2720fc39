package app

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zelfscan/app/widgets"
	"zelfscan/assessment"
	"zelfscan/documents/chart"
	"zelfscan/plans"
	"zelfscan/workspace"
)

// screenReview is review mode: a supervisor reads someone's plan from a
// file and writes down the discussion. Nothing of it enters the store.
const screenReview = "review"

// reviewState is the plan under review and the form about it.
type reviewState struct {
	path string
	file *workspace.PlanFile
	// uid is the review's identity from the first save on, so the plan file
	// and the PDF of one discussion carry the same review (imported once).
	uid string
	// saved is false while the form holds something not yet written.
	saved bool

	gapNotes    map[string]*shortcutEntry // per competency ID
	actionNotes map[string]*shortcutEntry // per action ID
	agreed      map[string]*widget.Check  // per action ID
	overall     *shortcutEntry
	date        *shortcutEntry
	reviewer    *shortcutEntry
	setting     *widget.Select
	signedOff   *widget.Check
}

// chooseForReview asks for a plan file or plan PDF to review.
func (u *UI) chooseForReview() {
	u.choosePlanFile(lang.X("start.review", "Plan openen ter bespreking"), u.openForReview)
}

// openForReview reads the file at path in the background and shows it in
// review mode; a file that cannot be read gives a dialog and changes nothing.
func (u *UI) openForReview(path string) {
	u.readPlanFiles([]string{path}, func(res []loaded) {
		if res[0].err != nil {
			u.showFileProblem(explainList(res[0].err), nil)
			return
		}
		u.showReview(&reviewState{path: path, file: res[0].file, saved: true})
	})
}

// showReview draws review mode for rs.
func (u *UI) showReview(rs *reviewState) {
	f := rs.file
	rs.gapNotes, rs.actionNotes, rs.agreed = map[string]*shortcutEntry{}, map[string]*shortcutEntry{}, map[string]*widget.Check{}
	changed := func(string) { rs.saved = false }

	title := heading(lang.X("review.title", "Plan ter bespreking"))
	who := []string{ownerName(f)}
	for _, s := range []string{f.Profile.OrganisationName, f.Profile.FunctionName} {
		if s != "" {
			who = append(who, s)
		}
	}
	header := container.NewVBox(title, hint(strings.Join(who, " · ")+" — "+filepath.Base(rs.path)))
	notice := wrapped(lang.X("review.notice",
		"U bekijkt dit plan alleen: uw eigen zelfscans en plannen veranderen niet, en wat u hier schrijft komt niet in uw eigen gegevens. "+
			"Bewaar de bespreking met 'Bespreking opslaan' en geef dat bestand terug aan de eigenaar van het plan."))
	notice.Importance = widget.WarningImportance

	body := container.NewVBox(notice, u.reviewProfile(f))

	gaps := container.NewVBox()
	if len(f.Gaps) == 0 {
		gaps.Add(wrapped(lang.X("review.noGaps", "Dit plan heeft geen tekorten.")))
	}
	withGap := map[string]bool{}
	for _, g := range f.GapViews() {
		withGap[g.CompetencyID] = true
		gaps.Add(u.reviewGap(rs, g, changed))
	}
	body.Add(widget.NewCard(lang.X("review.gaps", "Tekorten en acties"), "", gaps))
	if notes := u.reviewOtherNotes(rs, withGap, changed); notes != nil {
		body.Add(notes)
	}

	var others []fyne.CanvasObject
	for _, a := range f.OtherActions() {
		others = append(others, u.reviewAction(rs, a, true, changed))
	}
	if len(others) > 0 {
		body.Add(widget.NewCard(lang.X("review.otherActions", "Acties bij competenties zonder tekort"), "", container.NewVBox(others...)))
	}

	reflection := strings.TrimSpace(f.Reflection)
	if reflection == "" {
		reflection = lang.X("review.noReflection", "Geen reflectie geschreven.")
	}
	body.Add(widget.NewCard(lang.X("review.reflection", "Reflectie"), "", wrapped(reflection)))

	var earlier []plans.Review
	for _, r := range f.Reviews {
		earlier = append(earlier, r.Plans())
	}
	body.Add(widget.NewCard(lang.X("review.earlier", "Eerdere besprekingen"), "", u.reviewsList(earlier,
		func(id string) string {
			if t, ok := f.ActionTitle(id); ok {
				return t
			}
			return id
		},
		func(id string) string { t, _ := f.CompetencyTitle(id); return t })))
	body.Add(u.reviewForm(rs, changed))

	back := widgets.NewKeyButton(lang.X("review.back", "Terug naar start"), func() { u.leaveReview(rs) })
	back.Icon = theme.NavigateBackIcon()
	asPDF := widgets.NewKeyButton(lang.X("review.savePDF", "Als PDF opslaan"), func() { u.chooseReviewSave(rs, true) })
	asPDF.Icon = theme.DocumentIcon()
	save := widgets.NewKeyButton(lang.X("review.save", "Bespreking opslaan"), func() { u.chooseReviewSave(rs, false) })
	save.Icon = theme.DocumentSaveIcon()
	save.Importance = widget.HighImportance
	footer := container.NewBorder(nil, nil, back, container.NewHBox(asPDF, save))

	u.show(screenReview, container.NewBorder(header, footer, nil, nil, focusScroll(body)))
	u.review = rs
	// Another plan dropped on the window opens in its place.
	u.acceptDrops(func(paths []string) {
		u.confirmDiscard(rs, func() { u.openForReview(paths[0]) })
	})
}

// reviewProfile shows who made the plan, how complete the self-check is and
// the profile chart, all from the file.
func (u *UI) reviewProfile(f *workspace.PlanFile) fyne.CanvasObject {
	sc := f.SelfCheck
	done := lang.X("review.complete", "{{.Answered}} van {{.Total}} uitspraken beantwoord",
		map[string]any{"Answered": sc.Answered, "Total": sc.Total})
	row := func(label, value string) []fyne.CanvasObject {
		l := widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		return []fyne.CanvasObject{l, wrapped(value)}
	}
	var rows []fyne.CanvasObject
	rows = append(rows, row(lang.X("review.name", "Naam"), ownerName(f))...)
	if f.Profile.Team != "" {
		rows = append(rows, row(lang.X("review.team", "Team"), f.Profile.Team)...)
	}
	rows = append(rows, row(lang.X("review.organisation", "Organisatie"), f.Profile.OrganisationName)...)
	rows = append(rows, row(lang.X("review.function", "Functie"), f.Profile.FunctionName)...)
	rows = append(rows, row(lang.X("review.selfCheck", "Zelfscan"), formatDate(sc.Updated)+" · "+done)...)
	rows = append(rows, row(lang.X("review.framework", "Competentiekader"), lang.X("review.version", "versie {{.Version}}",
		map[string]any{"Version": f.Framework.Version}))...)
	box := container.NewVBox(container.New(layout.NewFormLayout(), rows...))
	img, err := chart.Profile(f.Levels(), f.Framework.Scale, u.chartOptions())
	if err != nil {
		box.Add(wrapped(lang.X("results.chartFailed", "De grafiek kon niet worden getekend.")))
	} else {
		box.Add(chartImage(img))
	}
	return widget.NewCard(lang.X("review.profile", "Profiel"), "", box)
}

// reviewGap shows one gap with the professional's note on it and its
// actions, and asks for a comment on it: the answer to the note, if any.
func (u *UI) reviewGap(rs *reviewState, g workspace.PlanGapView, changed func(string)) fyne.CanvasObject {
	f := rs.file
	name, _ := f.CompetencyTitle(g.CompetencyID)
	title := widget.NewLabelWithStyle(name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	levels := lang.X("review.levels", "Eigen niveau {{.Own}}, vereist {{.Required}} · prioriteit {{.Priority}}",
		map[string]any{"Own": f.LevelLabel(g.Own), "Required": f.LevelLabel(g.Required), "Priority": filePriority(g.Priority)})
	if !g.Complete {
		levels += " · " + lang.X("review.incomplete", "niet alle uitspraken beantwoord")
	}
	box := container.NewVBox(widget.NewSeparator(), title, hint(levels))
	if ev := evidenceLines(f, g.CompetencyID); ev != "" {
		box.Add(indent(hint(ev)))
	}
	note := ""
	if g.Competency != nil {
		note = strings.TrimSpace(g.Competency.Note)
	}
	// The answer goes right under the note it answers; without a note the
	// comment on the gap follows its actions.
	if note != "" {
		box.Add(ownerNote(f, note))
		box.Add(indent(u.competencyComment(rs, g.CompetencyID, true, changed)))
	}
	if len(g.Actions) == 0 {
		box.Add(indent(hint(lang.X("review.noActions", "Nog geen acties bij dit tekort."))))
	}
	for _, a := range g.Actions {
		box.Add(indent(u.reviewAction(rs, a, false, changed)))
	}
	if note == "" {
		box.Add(u.competencyComment(rs, g.CompetencyID, false, changed))
	}
	return box
}

// filePriority is a plan file's priority (its Dutch label) in the language
// of the window.
func filePriority(label string) string {
	for _, p := range []assessment.Priority{assessment.PriorityHoog, assessment.PriorityMiddel, assessment.PriorityLaag} {
		if p.Label() == label {
			return priorityName(p)
		}
	}
	return label
}

// evidenceLines lists the statements rated below the required level, the
// lowest first, as the results screen does; "" when there are none.
func evidenceLines(f *workspace.PlanFile, competencyID string) string {
	g, ok := f.Gap(competencyID)
	if !ok || len(g.Evidence) == 0 {
		return ""
	}
	lines := []string{lang.X("review.evidence", "Gemiddeld {{.Score}}; {{.Below}} van {{.Answered}} uitspraken onder het vereiste niveau:",
		map[string]any{"Score": decimal(g.Score()), "Below": len(g.Evidence), "Answered": g.Answered})}
	for _, e := range g.Evidence {
		lines = append(lines, "• "+e.Indicator.Text+" ("+f.LevelLabel(e.Level)+")")
	}
	return strings.Join(lines, "\n")
}

// reviewOtherNotes shows the notes on competencies without a gap, each
// with room for an answer; nil when there are none.
func (u *UI) reviewOtherNotes(rs *reviewState, withGap map[string]bool, changed func(string)) fyne.CanvasObject {
	box := container.NewVBox()
	for _, c := range rs.file.Notes() {
		if withGap[c.ID] {
			continue
		}
		title := widget.NewLabelWithStyle(c.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		title.Wrapping = fyne.TextWrapWord
		box.Add(container.NewVBox(widget.NewSeparator(), title, ownerNote(rs.file, c.Note),
			u.competencyComment(rs, c.ID, true, changed)))
	}
	if len(box.Objects) == 0 {
		return nil
	}
	return widget.NewCard(lang.X("review.otherNotes", "Notities bij competenties zonder tekort"), "", box)
}

// ownerNote shows what the professional wrote on a competency, marked as theirs.
func ownerNote(f *workspace.PlanFile, note string) fyne.CanvasObject {
	text := wrapped(lang.X("review.noteBy", "Notitie van {{.Owner}}: {{.Note}}", map[string]any{"Owner": ownerName(f), "Note": note}))
	text.TextStyle = fyne.TextStyle{Italic: true}
	return indent(text)
}

// competencyComment is the reviewer's field for one competency: the answer
// to the professional's note when there is one, else a comment on the gap.
// It is stored as the review's comment on that competency (GapComments).
func (u *UI) competencyComment(rs *reviewState, competencyID string, answersNote bool, changed func(string)) *shortcutEntry {
	e := newShortcutEntry(u, true)
	if answersNote {
		e.SetPlaceHolder(lang.X("review.noteAnswer", "Uw antwoord op deze notitie"))
	} else {
		e.SetPlaceHolder(lang.X("review.gapComment", "Opmerking bij dit tekort"))
	}
	e.SetMinRowsVisible(2)
	e.Wrapping = fyne.TextWrapWord
	e.OnChanged = changed
	rs.gapNotes[competencyID] = e
	return e
}

// reviewAction shows one action read-only, with a comment field and an
// "agreed" box for the reviewer.
func (u *UI) reviewAction(rs *reviewState, a *workspace.PlanAction, withCompetency bool, changed func(string)) fyne.CanvasObject {
	name, _ := rs.file.ActionTitle(a.ID)
	title := widget.NewLabelWithStyle(name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	var parts []string
	if withCompetency {
		c, _ := rs.file.CompetencyTitle(a.CompetencyID)
		parts = append(parts, c)
	}
	if a.Item != nil && a.Item.Provider != "" {
		parts = append(parts, a.Item.Provider)
	} else if a.Item == nil {
		parts = append(parts, lang.X("plan.ownAction", "Eigen actie"))
	}
	parts = append(parts, lang.X("review.status", "status: {{.Status}}", map[string]any{"Status": statusName(a.Status)}))
	if !a.TargetDate.IsZero() {
		parts = append(parts, lang.X("review.target", "streefdatum {{.Date}}", map[string]any{"Date": formatDate(a.TargetDate)}))
	}
	box := container.NewVBox(title, hint(strings.Join(parts, " · ")))
	var eval []string
	for _, e := range []struct{ label, text string }{
		{lang.X("review.eval.brought", "Opgeleverd"), a.Evaluation.Brought},
		{lang.X("review.eval.changed", "Veranderd in het werk"), a.Evaluation.Changed},
		{lang.X("review.eval.better", "Kan beter"), a.Evaluation.Better},
		{lang.X("review.eval.rating", "Bruikbaarheid"), ratingName(a.Evaluation.Rating)},
		{lang.X("review.eval.remark", "Verbeterpunt aanbod"), remarkText(a.Evaluation)},
	} {
		if strings.TrimSpace(e.text) != "" {
			eval = append(eval, e.label+": "+e.text)
		}
	}
	if len(eval) > 0 {
		box.Add(wrapped(strings.Join(eval, "\n")))
	}
	note := newShortcutEntry(u, false)
	note.SetPlaceHolder(lang.X("review.actionComment", "Opmerking bij deze actie"))
	note.OnChanged = changed
	agreed := widget.NewCheck(lang.X("review.agreedBox", "Afgesproken"), func(bool) { rs.saved = false })
	rs.actionNotes[a.ID], rs.agreed[a.ID] = note, agreed
	box.Add(container.NewBorder(nil, nil, nil, agreed, note))
	return box
}

// remarkText is an evaluation's improvement point for the offer, saying
// when it was shared with the training coordinator.
func remarkText(e plans.Evaluation) string {
	remark := strings.TrimSpace(e.Remark)
	if remark != "" && e.ShareRemark {
		remark = lang.X("review.eval.shared", "{{.Remark}} (anoniem gedeeld met de opleidingscoördinator)", map[string]any{"Remark": remark})
	}
	return remark
}

// reviewForm asks when, where and by whom the plan was discussed.
func (u *UI) reviewForm(rs *reviewState, changed func(string)) fyne.CanvasObject {
	rs.date = newShortcutEntry(u, false)
	rs.date.SetText(u.now().Format(targetLayout))
	rs.date.OnChanged = changed
	u.addDatePicker(rs.date, func() {})
	rs.reviewer = newShortcutEntry(u, false)
	rs.reviewer.SetPlaceHolder(lang.X("review.reviewerHint", "Uw naam"))
	rs.reviewer.OnChanged = changed
	var options []string
	for _, s := range plans.Settings() {
		options = append(options, settingName(s))
	}
	rs.setting = widget.NewSelect(options, func(string) { rs.saved = false })
	rs.setting.SetSelectedIndex(0)
	rs.signedOff = widget.NewCheck(lang.X("review.signedOff", "Plan afgetekend"), func(bool) { rs.saved = false })
	rs.overall = newShortcutEntry(u, true)
	rs.overall.SetPlaceHolder(lang.X("review.overallHint", "Wat is besproken, wat is afgesproken, wanneer kijkt u er weer naar?"))
	rs.overall.SetMinRowsVisible(4)
	rs.overall.Wrapping = fyne.TextWrapWord
	rs.overall.OnChanged = changed
	label := func(s string) fyne.CanvasObject {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	form := container.New(layout.NewFormLayout(),
		label(lang.X("review.date", "Datum")), rs.date,
		label(lang.X("review.reviewer", "Begeleider")), rs.reviewer,
		label(lang.X("review.setting", "Vorm van bespreking")), rs.setting,
		label(lang.X("review.overall", "Algemene opmerking")), rs.overall,
		layout.NewSpacer(), rs.signedOff)
	return widget.NewCard(lang.X("review.discussion", "Bespreking"), "", form)
}

// reviewed is the file with the discussion added as a review; rs.file
// itself stays as it was read. Errors are Dutch.
func (u *UI) reviewed(rs *reviewState) (*workspace.PlanFile, error) {
	date, err := parseTargetDate(strings.TrimSpace(rs.date.Text), u.now())
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(rs.reviewer.Text) == "" {
		return nil, fmt.Errorf("%s", lang.X("review.needReviewer", "Vul uw naam in als begeleider."))
	}
	r := workspace.PlanReview{
		UID: rs.uid, Reviewer: strings.TrimSpace(rs.reviewer.Text), Date: date,
		Setting: plans.Settings()[max(rs.setting.SelectedIndex(), 0)], Overall: strings.TrimSpace(rs.overall.Text),
		SignedOff: rs.signedOff.Checked,
	}
	r.GapComments = texts(rs.gapNotes)
	r.ActionComments = texts(rs.actionNotes)
	for id, c := range rs.agreed {
		if c.Checked {
			if r.Agreed == nil {
				r.Agreed = map[string]bool{}
			}
			r.Agreed[id] = true
		}
	}
	return workspace.Reviewed(rs.file, r, u.now())
}

// texts is what was typed per ID, leaving out empty fields.
func texts(m map[string]*shortcutEntry) map[string]string {
	var out map[string]string
	for id, e := range m {
		if s := strings.TrimSpace(e.Text); s != "" {
			if out == nil {
				out = map[string]string{}
			}
			out[id] = s
		}
	}
	return out
}

// chooseReviewSave checks the form, then asks where to save the reviewed
// plan as a plan file or as a PDF.
func (u *UI) chooseReviewSave(rs *reviewState, asPDF bool) {
	if _, err := u.reviewed(rs); err != nil {
		u.showIncompleteReview(err)
		return
	}
	ext := workspace.PlanFileExtension
	if asPDF {
		ext = ".pdf"
	}
	u.chooseSavePath(u.reviewFileName(rs)+ext, ext, func(path string) { u.saveReview(rs, path, asPDF) })
}

// reviewFileName is the name offered for the reviewed plan, in the
// language of the window.
func (u *UI) reviewFileName(rs *reviewState) string {
	return lang.X("review.fileName", "besproken") + "-" + fileSlug(ownerName(rs.file)) + "-" + u.now().Format("2006-01-02")
}

// showIncompleteReview says what the form still lacks (a name, a date).
func (u *UI) showIncompleteReview(err error) {
	u.showMessage(lang.X("review.incompleteTitle", "Bespreking nog niet compleet"), explainList(err))
}

// saveReview writes the reviewed plan to path, as a plan file or as a PDF
// with the plan file attached, in the background.
func (u *UI) saveReview(rs *reviewState, path string, asPDF bool) {
	f, err := u.reviewed(rs)
	if err != nil {
		workspace.DiscardEmpty(path)
		u.showIncompleteReview(err)
		return
	}
	rs.uid = f.Reviews[len(f.Reviews)-1].UID
	created := u.now()
	u.background(lang.X("review.saving", "De bespreking wordt bewaard…"), func() error {
		if asPDF {
			return workspace.WritePlanPDF(path, f, created)
		}
		return workspace.WritePlanFile(path, f)
	}, func(err error) {
		if err != nil {
			u.showFileProblem(lang.X("review.saveFailed", "De bespreking kon niet worden bewaard in {{.Path}}. Kies een andere map, of kijk of er ruimte op de schijf is.",
				map[string]any{"Path": shownPath(path)}), err)
			return
		}
		rs.saved = true
		u.showDone(lang.X("review.savedTitle", "Bespreking bewaard"), lang.X("review.saved",
			"De bespreking staat in {{.Path}}. Geef dit bestand aan {{.Owner}}; die voegt het toe met 'Bespreking toevoegen' in het leerplan.",
			map[string]any{"Path": shownPath(path), "Owner": ownerName(rs.file)}))
	})
}

// leaveReview goes back to the start screen, asking first when the
// discussion was not saved.
func (u *UI) leaveReview(rs *reviewState) {
	u.confirmDiscard(rs, func() {
		u.review = nil
		u.ShowStart()
	})
}

// confirmDiscard runs next at once when nothing is unsaved, else after the
// user agrees to drop the discussion.
func (u *UI) confirmDiscard(rs *reviewState, next func()) {
	if rs.saved {
		next()
		return
	}
	d := dialog.NewCustomConfirm(lang.X("review.unsavedTitle", "Bespreking niet bewaard"),
		lang.X("review.discard", "Niet bewaren"), lang.X("share.cancel", "Annuleren"),
		message(lang.X("review.unsaved", "Wat u bij dit plan hebt geschreven is nog niet opgeslagen en gaat verloren. Doorgaan?")),
		func(yes bool) {
			if yes {
				next()
			}
		}, u.win)
	d.Resize(fyne.NewSize(dialogWidth, 0))
	u.showDialog(d)
}

// ownerName is the name in the file, or a description when it has none.
func ownerName(f *workspace.PlanFile) string {
	if n := strings.TrimSpace(f.Profile.Name); n != "" {
		return n
	}
	return lang.X("review.noName", "Naam niet ingevuld")
}
