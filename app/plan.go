package app

import (
	"errors"
	"image/color"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zelfscan/app/widgets"
	"zelfscan/assessment"
	"zelfscan/plans"
	"zelfscan/workspace"
)

// planState is the learning plan on screen. plan is what the store holds:
// it changes only after a save succeeded, so a failed save is undone by
// drawing the screen again.
type planState struct {
	sc    *assessment.SelfCheck
	gaps  []assessment.Gap
	plan  *plans.Plan
	snaps map[string]workspace.ItemSnapshot
	// texts save as typed; leaving the screen saves what is pending.
	texts  []*savedText
	scroll *container.Scroll
	// actions are the widgets per action ID, so tests can read and drive them.
	actions    map[string]*actionView
	reflection *savedText
	// add is the open add-action dialog, nil when none is open.
	add *addActionView
}

// actionView holds the widgets of one action.
type actionView struct {
	title      *widget.Label
	target     *shortcutEntry
	targetMsg  *widget.Label
	status     *widget.Select
	evaluation [3]*savedText // brought, changed, better; nil unless afgerond
	remove     *widgets.KeyButton
}

// showPlan opens the learning plan of a self-check, creating an empty one
// the first time.
func (u *UI) showPlan(selfCheckID int64) {
	ps, err := u.loadPlan(selfCheckID)
	if err != nil {
		back := widgets.NewKeyButton(lang.X("plan.backResults", "Terug naar resultaten"), func() { u.showResults(selfCheckID) })
		back.Icon = theme.NavigateBackIcon()
		u.show(screenPlan, container.NewBorder(heading(lang.X("plan.title", "Persoonlijk leerplan")),
			container.NewHBox(back), nil, nil, wrapped(err.Error())))
		return
	}
	u.rememberSelfCheck(selfCheckID)
	u.renderPlan(ps)
	u.back = func() { u.showResults(selfCheckID) }
}

// loadPlan reads the self-check, its gaps and its plan. Its errors are Dutch.
func (u *UI) loadPlan(selfCheckID int64) (*planState, error) {
	an, err := u.ws.Analyse(selfCheckID)
	if errors.Is(err, workspace.ErrUnknownProfile) {
		return nil, errors.New(unknownProfileText())
	}
	if err != nil {
		return nil, errors.New(explain(err))
	}
	ps := &planState{sc: an.SelfCheck, gaps: an.Result.Gaps}
	if u.store.ReadOnly() {
		// A read-only store cannot create the plan; show one that exists.
		p, ok, err := u.store.PlanBySelfCheck(selfCheckID)
		if err != nil {
			return nil, errors.New(explain(err))
		}
		if !ok {
			return nil, errors.New(lang.X("plan.readOnlyNone", "Bij deze zelfscan is nog geen leerplan gemaakt, en de gegevens zijn nu alleen-lezen geopend."))
		}
		ps.plan = p
	} else if ps.plan, err = u.store.PlanFor(selfCheckID, u.now()); err != nil {
		return nil, errors.New(explain(err))
	}
	if ps.snaps, err = u.store.ItemSnapshots(ps.plan.ID); err != nil {
		return nil, errors.New(explain(err))
	}
	return ps, nil
}

// renderPlan draws the plan editor from ps, keeping the scroll position
// when it redraws after a change.
func (u *UI) renderPlan(ps *planState) {
	var offset fyne.Position
	if ps.scroll != nil {
		offset = ps.scroll.Offset
	}
	// Leaving the old widgets saves what they still hold, so flush first.
	u.flush()
	ps.texts = nil
	ps.actions = map[string]*actionView{}

	title := heading(lang.X("plan.title", "Persoonlijk leerplan"))
	who := []string{u.organisationName(ps.sc.Profile.Organisation), u.functionName(ps.sc.Profile.Function)}
	if ps.sc.Profile.Name != "" {
		who = append(who, ps.sc.Profile.Name)
	}
	header := container.NewVBox(title, hint(strings.Join(who, " · ")))

	// Only the blocks near the view are drawn (see widgets.InViewColumn). Their
	// controls are reached all the same: a control that gets the focus
	// scrolls into view, and the blocks a screen below and above it come in.
	body := []fyne.CanvasObject{wrapped(lang.X("plan.intro",
		"Kies bij elk tekort wat u gaat doen: een aanbod uit de catalogus of een eigen actie. Geef een streefdatum en houd de status bij. "+
			"Is een actie afgerond, schrijf dan op wat het heeft opgeleverd. Alles wordt meteen bewaard."))}
	if u.store.ReadOnly() {
		body = append(body, readOnlyBanner())
	}
	if u.ws.CatalogueError() != nil {
		body = append(body, warning(lang.X("plan.catalogueMissing", "De ingebouwde catalogus kon niet worden geladen. U kunt wel eigen acties en eigen aanbod gebruiken.")))
	}
	if len(ps.gaps) == 0 {
		body = append(body, wrapped(lang.X("plan.noGaps", "Deze zelfscan laat geen tekorten zien. Een leerplan is dan niet nodig; u kunt wel een reflectie schrijven.")))
	}
	inPlan := map[string]bool{}
	for _, g := range ps.gaps {
		inPlan[g.Competency.ID] = true
		body = append(body, u.gapBlock(ps, g))
	}
	if other := u.otherActions(ps, inPlan); other != nil {
		body = append(body, other)
	}
	body = append(body, u.reflectionBlock(ps))
	if pts := u.pointsBlock(ps); pts != nil {
		body = append(body, pts)
	}
	body = append(body, u.agendaBlock(ps), u.shareBlock(ps))

	back := widgets.NewKeyButton(lang.X("plan.backResults", "Terug naar resultaten"), func() { u.showResults(ps.sc.ID) })
	back.Icon = theme.NavigateBackIcon()
	own := widgets.NewKeyButton(lang.X("plan.ownCatalogue", "Eigen aanbod beheren"), func() {
		u.showCatalogue(func() { u.showPlan(ps.sc.ID) })
	})
	own.Icon = theme.StorageIcon()
	pdf := widgets.NewKeyButton(lang.X("plan.pdf", "PDF maken"), func() { u.choosePDFPath(ps) })
	pdf.Icon = theme.DocumentSaveIcon()
	pdf.Importance = widget.HighImportance
	records := widgets.NewKeyButton(lang.X("records.open", "Leerrecords (xAPI)"), func() { u.showRecords(ps) })
	records.Icon = theme.MailSendIcon()
	footer := container.NewBorder(nil, nil, container.NewHBox(back, own), container.NewHBox(records, pdf))

	ps.scroll = container.NewVScroll(nil)
	ps.scroll.Content = container.NewBorder(nil, nil, nil, scrollMargin(), widgets.NewInViewColumn(ps.scroll, body))
	followFocus(ps.scroll, ps.scroll.Content)
	u.show(screenPlan, container.NewBorder(header, footer, nil, nil, ps.scroll))
	scrollTo(ps.scroll, offset)
	u.plan = ps
	u.leave = func() {
		for _, t := range ps.texts {
			t.flush()
		}
		u.plan = nil
	}
}

// gapBlock shows one gap with its actions and the button to add one.
func (u *UI) gapBlock(ps *planState, g assessment.Gap) fyne.CanvasObject {
	prio := widget.NewLabelWithStyle(priorityName(g.Priority()), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	prio.Importance = priorityImportance(g.Priority())
	name := widget.NewLabelWithStyle(g.Competency.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Wrapping = fyne.TextWrapWord
	head := container.NewBorder(nil, nil,
		container.NewGridWrap(fyne.NewSize(90, prio.MinSize().Height), prio), nil,
		container.NewVBox(name, hint(u.gapDetail(g))))

	box := container.NewVBox(head)
	for j := range ps.plan.Actions {
		if ps.plan.Actions[j].CompetencyID == g.Competency.ID {
			box.Add(indent(widget.NewSeparator()))
			box.Add(indent(u.actionBlock(ps, ps.plan.Actions[j].ID)))
		}
	}
	add := widgets.NewKeyButton(lang.X("plan.add", "Actie toevoegen"), func() { u.showAddAction(ps, g) })
	add.Icon = theme.ContentAddIcon()
	if u.store.ReadOnly() {
		add.Disable()
	}
	box.Add(indent(container.NewHBox(add)))
	return widget.NewCard("", "", box)
}

// otherActions lists actions on competencies that are no longer a gap
// (answers changed after the plan was made); nil when there are none.
func (u *UI) otherActions(ps *planState, gaps map[string]bool) fyne.CanvasObject {
	box := container.NewVBox()
	for _, a := range ps.plan.Actions {
		if gaps[a.CompetencyID] {
			continue
		}
		comp := a.CompetencyID
		if c, ok := u.fw().Competency(a.CompetencyID); ok {
			comp = c.Title
		}
		box.Add(hint(comp))
		box.Add(indent(u.actionBlock(ps, a.ID)))
	}
	if len(box.Objects) == 0 {
		return nil
	}
	return widget.NewCard(lang.X("plan.other", "Acties bij competenties zonder tekort"), "", box)
}

// indentWidth sets actions off from the gap they belong to.
const indentWidth = 32

// indent moves an object right, under the text of the gap it belongs to.
func indent(obj fyne.CanvasObject) fyne.CanvasObject {
	gap := canvas.NewRectangle(color.Transparent)
	gap.SetMinSize(fyne.NewSize(indentWidth, 0))
	return container.NewBorder(nil, nil, gap, nil, obj)
}

// warning is a line in the warning colour.
func warning(text string) *widget.Label {
	l := wrapped(text)
	l.Importance = widget.WarningImportance
	return l
}

// actionBlock shows one action: what it is, target date, status, delete
// and, once done, its evaluation.
func (u *UI) actionBlock(ps *planState, id string) fyne.CanvasObject {
	a, _ := ps.plan.Action(id)
	v := &actionView{}
	ps.actions[id] = v
	title, detail := u.actionText(ps, a)
	v.title = widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.title.Wrapping = fyne.TextWrapWord

	v.target = newShortcutEntry(u, false)
	v.target.PlaceHolder = lang.X("plan.target.placeholder", "dd-mm-jjjj")
	if !a.TargetDate.IsZero() {
		v.target.Text = a.TargetDate.UTC().Format(targetLayout)
	}
	// The message line is always there, empty when the date is fine, so an
	// error appearing moves nothing under it.
	v.targetMsg = hint("")
	v.targetMsg.Importance = widget.DangerImportance
	// The field shows its error state (red, once the focus left it).
	v.target.Validator = func(text string) error {
		if strings.TrimSpace(text) == "" {
			return nil
		}
		_, err := parseTargetDate(text, u.now())
		return err
	}
	saveTarget := func() { u.saveTarget(ps, id, v) }
	u.addDatePicker(v.target, saveTarget)
	v.target.OnSubmitted = func(string) { saveTarget() }
	v.target.onFocusLost = saveTarget
	v.target.onFocus = func() { scrollIntoView(ps.scroll, v.target) }

	labels := make([]string, 0, 3)
	for _, s := range plans.Statuses() {
		labels = append(labels, statusName(s))
	}
	v.status = widget.NewSelect(labels, nil)
	v.status.Selected = statusName(a.Status)
	v.status.OnChanged = func(label string) {
		for _, s := range plans.Statuses() {
			if statusName(s) == label && s != a.Status {
				u.changeAction(ps, id, func(a *plans.Action) { a.Status = s })
				// The redraw replaced this select; keep the keyboard on its successor.
				if nv, ok := ps.actions[id]; ok {
					u.win.Canvas().Focus(nv.status)
				}
				return
			}
		}
	}

	v.remove = widgets.NewKeyButton(lang.X("plan.remove", "Verwijderen"), func() { u.confirmRemoveAction(ps, id, title) })
	v.remove.Icon = theme.DeleteIcon()
	if u.store.ReadOnly() {
		v.target.Disable()
		v.status.Disable()
		v.remove.Disable()
	}

	targetBox := container.NewGridWrap(fyne.NewSize(dateFieldWidth, v.target.MinSize().Height), v.target)
	controls := container.NewHBox(
		widget.NewLabel(lang.X("plan.target", "Streefdatum")), targetBox,
		widget.NewLabel(lang.X("plan.status", "Status")), v.status)
	row := container.NewBorder(nil, nil, nil, v.remove, controls)
	box := container.NewVBox(v.title, hint(detail), row, v.targetMsg)
	if a.Status == plans.StatusAfgerond {
		box.Add(u.evaluationForm(ps, id, v))
	}
	return box
}

// actionText is the title of an action and a line saying what kind of
// offer it is and who provides it.
func (u *UI) actionText(ps *planState, a *plans.Action) (title, detail string) {
	if a.ItemID == "" {
		return a.OwnText, lang.X("plan.ownAction", "Eigen actie")
	}
	if it, ok := u.catalogue().Item(a.ItemID); ok {
		return it.Title, itemDetail(it)
	}
	snap := ps.snaps[a.ID]
	parts := []string{lang.X("plan.itemGone", "niet meer in de catalogus")}
	if snap.Provider != "" {
		parts = append([]string{snap.Provider}, parts...)
	}
	title = snap.Title
	if title == "" {
		title = a.ItemID
	}
	return title, strings.Join(parts, " · ")
}

// itemDetail is provider, kind, level, accreditation and origin of an item.
func itemDetail(it *plans.Item) string {
	var parts []string
	if it.Provider != "" {
		parts = append(parts, it.Provider)
	}
	parts = append(parts, kindName(it.Kind), levelName(it.Level))
	if it.Accreditation.Points > 0 {
		parts = append(parts, lang.X("plan.points", "{{.Points}} punten {{.Register}}",
			map[string]any{"Points": points(it.Accreditation.Points), "Register": it.Accreditation.Register}))
	}
	if o := originText(it); o != "" {
		parts = append(parts, o)
	}
	return strings.Join(parts, " · ")
}

// statusName is the label of a status in the chosen language.
func statusName(s plans.Status) string {
	switch s {
	case plans.StatusGepland:
		return lang.X("plan.status.gepland", "Gepland")
	case plans.StatusBezig:
		return lang.X("plan.status.bezig", "Bezig")
	case plans.StatusAfgerond:
		return lang.X("plan.status.afgerond", "Afgerond")
	}
	return plans.StatusLabel(s)
}

// kindName is the label of a catalogue kind in the chosen language.
func kindName(k plans.Kind) string {
	switch k {
	case plans.KindTraining:
		return lang.X("plan.kind.training", "Training")
	case plans.KindCursus:
		return lang.X("plan.kind.cursus", "Cursus")
	case plans.KindELearning:
		return lang.X("plan.kind.elearning", "E-learning")
	case plans.KindMasterclass:
		return lang.X("plan.kind.masterclass", "Masterclass")
	case plans.KindHandreiking:
		return lang.X("plan.kind.handreiking", "Handreiking")
	case plans.KindTrainingsmateriaal:
		return lang.X("plan.kind.trainingsmateriaal", "Trainingsmateriaal")
	case plans.KindFactsheet:
		return lang.X("plan.kind.factsheet", "Factsheet")
	case plans.KindAnimatie:
		return lang.X("plan.kind.animatie", "Animatie")
	case plans.KindMagazine:
		return lang.X("plan.kind.magazine", "Magazine")
	case plans.KindVlog:
		return lang.X("plan.kind.vlog", "Vlog")
	case plans.KindLeeractiviteit:
		return lang.X("plan.kind.leeractiviteit", "Leeractiviteit")
	}
	return plans.KindLabel(k)
}

// levelName is the label of a catalogue level in the chosen language.
func levelName(l plans.Level) string {
	switch l {
	case plans.LevelBasis:
		return lang.X("plan.level.basis", "Basis")
	case plans.LevelVerdiepend:
		return lang.X("plan.level.verdiepend", "Verdiepend")
	case plans.LevelSpecialistisch:
		return lang.X("plan.level.specialistisch", "Specialistisch")
	}
	return plans.LevelLabel(l)
}

// evaluationForm asks what a finished action brought.
func (u *UI) evaluationForm(ps *planState, id string, v *actionView) fyne.CanvasObject {
	a, _ := ps.plan.Action(id)
	fields := []struct {
		label string
		text  string
		set   func(e *plans.Evaluation, s string)
	}{
		{lang.X("plan.eval.brought", "Wat heeft het opgeleverd?"), a.Evaluation.Brought, func(e *plans.Evaluation, s string) { e.Brought = s }},
		{lang.X("plan.eval.changed", "Wat is er veranderd in uw praktijk?"), a.Evaluation.Changed, func(e *plans.Evaluation, s string) { e.Changed = s }},
		{lang.X("plan.eval.better", "Wat kan beter?"), a.Evaluation.Better, func(e *plans.Evaluation, s string) { e.Better = s }},
	}
	form := container.NewVBox(widget.NewLabelWithStyle(lang.X("plan.eval", "Evaluatie"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for i, f := range fields {
		set := f.set
		t := u.newSavedText(ps, f.text, true, func(s string) error {
			return u.updateAction(ps, id, func(a *plans.Action) { set(&a.Evaluation, s) })
		})
		t.entry.SetMinRowsVisible(2)
		v.evaluation[i] = t
		form.Add(widget.NewLabel(f.label))
		form.Add(t.entry)
	}
	form.Add(u.ratingChoice(ps, id, a.Evaluation.Rating))
	form.Add(u.remarkBlock(ps, id, a.Evaluation))
	return form
}

// ratingChoice asks how useful the action was for the work, 1 to 5 or no
// answer; the organisation sees only how the ratings of an offer spread.
func (u *UI) ratingChoice(ps *planState, id string, rating int) fyne.CanvasObject {
	options := []string{lang.X("plan.eval.noRating", "Geen oordeel")}
	for r := 1; r <= plans.MaxRating; r++ {
		options = append(options, ratingName(r))
	}
	choice := widgets.NewKeySelect(options, func(s string) {
		r := slices.Index(options, s)
		if err := u.updateAction(ps, id, func(a *plans.Action) { a.Evaluation.Rating = r }); err != nil {
			u.showStoreError(err)
		}
	})
	choice.SetSelectedIndex(rating)
	return container.NewVBox(widget.NewLabel(lang.X("plan.eval.rating", "Hoe bruikbaar was dit voor uw werk?")), choice)
}

// ratingName is a point of the usefulness scale in words, "" for 0 (not
// rated).
func ratingName(r int) string {
	switch r {
	case 1:
		return lang.X("plan.eval.rating1", "1 – nauwelijks bruikbaar")
	case 2:
		return lang.X("plan.eval.rating2", "2 – weinig bruikbaar")
	case 3:
		return lang.X("plan.eval.rating3", "3 – redelijk bruikbaar")
	case 4:
		return lang.X("plan.eval.rating4", "4 – goed bruikbaar")
	case 5:
		return lang.X("plan.eval.rating5", "5 – zeer goed bruikbaar")
	}
	return plans.RatingLabel(r)
}

// remarkBlock takes an improvement point for the offer and, only when the
// person ticks it, shares it without name or date with the training
// coordinator; the warning says not to name anyone.
func (u *UI) remarkBlock(ps *planState, id string, e plans.Evaluation) fyne.CanvasObject {
	share := widget.NewCheck(lang.X("plan.eval.share", "Anoniem delen met de opleidingscoördinator"), nil)
	share.SetChecked(e.ShareRemark)
	t := u.newSavedText(ps, e.Remark, true, func(s string) error {
		return u.updateAction(ps, id, func(a *plans.Action) {
			a.Evaluation.Remark = s
			// An emptied point is no longer shared.
			a.Evaluation.ShareRemark = a.Evaluation.ShareRemark && strings.TrimSpace(s) != ""
		})
	})
	t.entry.SetMinRowsVisible(2)
	t.entry.PlaceHolder = lang.X("plan.eval.remarkPlaceholder", "Wat ontbrak, of wat zou het aanbod beter maken?")
	share.OnChanged = func(on bool) {
		t.flush()
		if err := u.updateAction(ps, id, func(a *plans.Action) { a.Evaluation.ShareRemark = on }); err != nil {
			share.SetChecked(false)
			u.showMessage(lang.X("plan.eval.shareTitle", "Niet gedeeld"), explain(err))
		}
	}
	warn := hint(lang.X("plan.eval.shareHint", "Noem geen namen en niets waaraan iemand te herkennen is. Een gedeeld verbeterpunt ziet de opleidingscoördinator zonder uw naam en zonder datum, alleen bij aanbod dat genoeg mensen volgden, in willekeurige volgorde. Gedeeld of niet: het verbeterpunt staat in uw leerplan en de PDF, zoals de rest van uw evaluatie."))
	return container.NewVBox(widget.NewLabel(lang.X("plan.eval.remark", "Verbeterpunt voor dit aanbod (niet verplicht)")), t.entry, share, warn)
}

// reflectionBlock is the reflection on the whole plan.
func (u *UI) reflectionBlock(ps *planState) fyne.CanvasObject {
	t := u.newSavedText(ps, ps.plan.Reflection, true, func(s string) error {
		if err := u.store.SaveReflection(ps.plan.ID, s, u.now()); err != nil {
			return err
		}
		ps.plan.Reflection = s
		return nil
	})
	t.entry.PlaceHolder = lang.X("plan.reflection.placeholder", "Wat neemt u zich voor? Wat hebt u nodig van uw leidinggevende of team?")
	t.entry.SetMinRowsVisible(4)
	ps.reflection = t
	return widget.NewCard(lang.X("plan.reflection", "Reflectie op uw leerplan"), "", t.entry)
}

// pointsBlock shows the accreditation points per register by the plan
// file's rule (planfile.File.Points), so the screen and the PDF agree; nil
// when the plan earns none.
func (u *UI) pointsBlock(ps *planState) fyne.CanvasObject {
	f, err := u.buildPlanFile(ps)
	if err != nil {
		fyne.LogError("plan points", err)
		return nil
	}
	per := f.Points()
	if len(per) == 0 {
		return nil
	}
	form := widget.NewForm()
	for _, rp := range per {
		form.Append(rp.Register, widget.NewLabel(pointsSum(rp)))
	}
	note := hint(lang.X("plan.points.note", "Geaccrediteerde punten van het gekozen aanbod, per register. Elk aanbod telt één keer, ook als u het bij meer tekorten koos; het telt als afgerond zodra één actie ermee is afgerond."))
	return widget.NewCard(lang.X("plan.points.title", "Accreditatiepunten"), "", container.NewVBox(form, note))
}

// pointsSum is "4,5 punten, waarvan 2 afgerond", as the PDF writes it
// (4.5 in the English window).
func pointsSum(rp workspace.RegisterPoints) string {
	data := map[string]any{"Points": points(rp.Total), "Completed": points(rp.Completed)}
	if rp.Total == 1 {
		return lang.X("plan.pointsSumOne", "1 punt, waarvan {{.Completed}} afgerond", data)
	}
	return lang.X("plan.pointsSum", "{{.Points}} punten, waarvan {{.Completed}} afgerond", data)
}

// saveTarget checks and stores the typed target date; an empty field
// removes the date.
func (u *UI) saveTarget(ps *planState, id string, v *actionView) {
	a, ok := ps.plan.Action(id)
	if !ok {
		return
	}
	text := strings.TrimSpace(v.target.Text)
	var date time.Time
	if text != "" {
		d, err := parseTargetDate(text, u.now())
		if err != nil {
			v.targetMsg.SetText(err.Error())
			return
		}
		date = d
	}
	v.targetMsg.SetText("")
	if date.Equal(a.TargetDate) {
		return
	}
	// No redraw on success: this runs as Tab leaves the entry, and a redraw
	// would drop the focus the Tab just moved on.
	if err := u.updateAction(ps, id, func(a *plans.Action) { a.TargetDate = date }); err != nil {
		u.showStoreError(err)
		u.renderPlan(ps)
		return
	}
	if !date.IsZero() {
		v.target.SetText(date.Format(targetLayout))
	}
}

// changeAction saves a change to an action and redraws the plan; when the
// store refuses, the plan is redrawn as it was.
func (u *UI) changeAction(ps *planState, id string, change func(a *plans.Action)) {
	if err := u.updateAction(ps, id, change); err != nil {
		u.showStoreError(err)
	}
	u.renderPlan(ps)
}

// updateAction stores a changed copy of an action and, once stored, takes
// it into the plan.
func (u *UI) updateAction(ps *planState, id string, change func(a *plans.Action)) error {
	for i := range ps.plan.Actions {
		if ps.plan.Actions[i].ID != id {
			continue
		}
		a := ps.plan.Actions[i]
		change(&a)
		title, provider := u.itemCopy(ps, &a)
		if err := u.store.SaveAction(ps.plan.ID, a, title, provider, u.now()); err != nil {
			return err
		}
		ps.plan.Actions[i] = a
		return nil
	}
	return nil
}

// reloadPlan reads ps's plan again (reviews were added) and draws it where
// the reader was, rather than from the top; another screen gives way to it.
func (u *UI) reloadPlan(ps *planState) {
	p, ok, err := u.store.PlanBySelfCheck(ps.sc.ID)
	if u.plan != ps || err != nil || !ok {
		u.showPlan(ps.sc.ID)
		return
	}
	ps.plan = p
	u.renderPlan(ps)
}

// itemCopy is the title and provider the store keeps with an action that
// uses a catalogue item, so it keeps its name if the item goes away.
func (u *UI) itemCopy(ps *planState, a *plans.Action) (title, provider string) {
	if a.ItemID == "" {
		return "", ""
	}
	if it, ok := u.catalogue().Item(a.ItemID); ok {
		return it.Title, it.Provider
	}
	if s, ok := ps.snaps[a.ID]; ok && s.Title != "" {
		return s.Title, s.Provider
	}
	return a.ItemID, ""
}

// addAction stores a new action for a gap: a catalogue item or own text.
func (u *UI) addAction(ps *planState, competencyID string, item *plans.Item, ownText string) error {
	a := plans.Action{ID: ps.plan.NextActionID(), CompetencyID: competencyID, Status: plans.StatusGepland}
	if item != nil {
		a.ItemID = item.ID
	} else {
		a.OwnText = strings.TrimSpace(ownText)
	}
	title, provider := u.itemCopy(ps, &a)
	if err := u.store.SaveAction(ps.plan.ID, a, title, provider, u.now()); err != nil {
		return err
	}
	ps.plan.Actions = append(ps.plan.Actions, a)
	if item != nil {
		ps.snaps[a.ID] = workspace.ItemSnapshot{Title: title, Provider: provider}
	}
	return nil
}

// confirmRemoveAction asks before deleting an action.
func (u *UI) confirmRemoveAction(ps *planState, id, title string) {
	d := dialog.NewCustomConfirm(lang.X("plan.remove.title", "Actie verwijderen?"),
		lang.X("plan.remove.yes", "Verwijderen"), lang.X("plan.cancel", "Annuleren"),
		message(lang.X("plan.remove.text", "'{{.Title}}' verdwijnt uit uw leerplan, met de evaluatie die erbij staat.", map[string]any{"Title": title})),
		func(ok bool) {
			if !ok {
				return
			}
			if err := u.store.DeleteAction(ps.plan.ID, id, u.now()); err != nil {
				u.showStoreError(err)
				return
			}
			// The store keeps an action a review refers to; read back what it did.
			if p, err := u.store.PlanFor(ps.sc.ID, u.now()); err == nil {
				ps.plan = p
			} else {
				u.showStoreError(err)
			}
			u.renderPlan(ps)
		}, u.win)
	d.Resize(fyne.NewSize(dialogWidth, 0))
	u.showDialog(d)
}

// savedText is an entry that saves what is typed once typing pauses, when
// it loses the focus, and when the screen is left. A refused save puts the
// last saved text back.
type savedText struct {
	u     *UI
	entry *shortcutEntry
	saved string
	timer *time.Timer
	save  func(string) error
}

func (u *UI) newSavedText(ps *planState, text string, multiLine bool, save func(string) error) *savedText {
	t := &savedText{u: u, entry: newShortcutEntry(u, multiLine), saved: text, save: save}
	t.entry.Text = text
	t.entry.OnChanged = func(string) { t.schedule() }
	t.entry.onFocusLost = t.flush
	t.entry.onFocus = func() { scrollIntoView(ps.scroll, t.entry) }
	if u.store.ReadOnly() {
		t.entry.Disable()
	}
	ps.texts = append(ps.texts, t)
	return t
}

func (t *savedText) schedule() {
	if t.timer != nil {
		t.timer.Stop()
	}
	t.timer = time.AfterFunc(noteDelay, func() { fyne.Do(t.flush) })
}

// flush saves the text if it changed since the last save.
func (t *savedText) flush() {
	if t.timer != nil {
		t.timer.Stop()
	}
	text := t.entry.Text
	if text == t.saved {
		return
	}
	if err := t.save(text); err != nil {
		t.entry.SetText(t.saved)
		t.u.showStoreError(err)
		return
	}
	t.saved = text
}

// planButton opens the learning plan of a self-check from the results:
// "Leerplan maken" before there is one, "Leerplan bekijken" after. It is
// disabled where no plan can be opened: a read-only window cannot make one.
func (u *UI) planButton(selfCheckID int64) *widgets.KeyButton {
	_, exists, err := u.store.PlanBySelfCheck(selfCheckID)
	if err != nil {
		fyne.LogError("looking up the plan", err)
	}
	label := lang.X("plan.make", "Leerplan maken")
	if exists {
		label = lang.X("plan.view", "Leerplan bekijken")
	}
	b := widgets.NewKeyButton(label, func() { u.showPlan(selfCheckID) })
	b.Icon = theme.DocumentCreateIcon()
	b.Importance = widget.HighImportance
	if !exists && u.store.ReadOnly() {
		b.Disable()
	}
	return b
}
