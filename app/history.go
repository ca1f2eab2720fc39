package app

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zelfscan/app/widgets"
	"zelfscan/assessment"
	"zelfscan/documents/chart"
	"zelfscan/plans"
	"zelfscan/workspace"
)

// showHistory lists every self-check, newest first.
func (u *UI) showHistory() {
	u.show(screenHistory, u.historyScreen())
}

// historyView is the scrolling body of the history screen. It keeps its
// rows and choices, so tests can drive and read them.
type historyView struct {
	widget.BaseWidget
	content       fyne.CanvasObject
	rows          []historyRow
	before, after *widget.Select
	compare       *widgets.KeyButton
}

// historyRow is one self-check in the list.
type historyRow struct {
	id           int64
	title        *widget.Label
	detail       *widget.Label
	plan         *widget.Label // the plan's status, see planStatus
	open, remove *widgets.KeyButton
}

// historyScreen builds the list of self-checks with the comparison choice.
func (u *UI) historyScreen() fyne.CanvasObject {
	title := headingText(lang.X("history.title", "Geschiedenis"))
	bar := container.NewHBox(
		widgets.NewIconKeyButton(lang.X("history.start", "Terug naar start"), theme.HomeIcon(), u.ShowStart),
	)
	sums, err := u.store.SelfChecks()
	if err != nil {
		return container.NewBorder(title, bar, nil, nil, wrapText(explain(err)))
	}
	view := &historyView{}
	body := container.NewVBox()
	if len(sums) == 0 {
		body.Add(wrapText(lang.X("history.empty", "Er zijn nog geen zelfscans. Start een zelfscan op het startscherm; daarna verschijnt hij hier.")))
	}

	// Option texts of the two Selects; labels carry the number, so two scans
	// started in the same minute stay apart.
	options := make([]string, len(sums))
	ids := make(map[string]int64, len(sums))
	list := container.NewVBox()
	for i, s := range sums {
		label := u.checkLabel(s.ID, s.Started.Local().Format(dateLayout), s.Profile)
		options[i] = label
		ids[label] = s.ID
		row := historyRow{
			id:     s.ID,
			title:  widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			detail: wrapText(u.historyDetail(s.ID, s.Profile, s.FrameworkVersion)),
			plan:   wrapText(u.planStatus(s.ID)),
			open: widgets.NewIconKeyButton(lang.X("history.open", "Bekijken"), theme.VisibilityIcon(),
				func() { u.showResults(s.ID) }),
			remove: widgets.NewIconKeyButton(lang.X("history.delete", "Verwijderen"), theme.DeleteIcon(),
				func() { u.confirmDelete(s.ID, label) }),
		}
		row.title.Wrapping = fyne.TextWrapWord
		if u.store.ReadOnly() {
			row.remove.Disable()
		}
		view.rows = append(view.rows, row)
		if i > 0 {
			list.Add(widget.NewSeparator())
		}
		list.Add(container.NewBorder(nil, nil, nil, container.NewHBox(row.open, row.remove),
			container.NewVBox(row.title, row.detail, row.plan)))
	}

	if len(sums) >= 2 {
		view.before = widget.NewSelect(options, nil)
		view.after = widget.NewSelect(options, nil)
		// The list is newest first: compare the newest with the one before.
		view.before.SetSelectedIndex(1)
		view.after.SetSelectedIndex(0)
		view.compare = widgets.NewIconKeyButton(lang.X("history.compare", "Vergelijken"), theme.SearchIcon(), func() {
			a, b := ids[view.before.Selected], ids[view.after.Selected]
			if a == b {
				u.showMessage(lang.X("history.compare", "Vergelijken"),
					lang.X("history.sameTwice", "Kies twee verschillende zelfscans om te vergelijken."))
				return
			}
			u.showComparison(a, b)
		})
		view.compare.Importance = widget.HighImportance
		form := widget.NewForm(
			widget.NewFormItem(lang.X("history.earlier", "Eerdere zelfscan"), view.before),
			widget.NewFormItem(lang.X("history.later", "Latere zelfscan"), view.after),
		)
		body.Add(widget.NewCard(lang.X("history.compareTitle", "Twee zelfscans vergelijken"), "",
			container.NewVBox(form, container.NewHBox(view.compare))))
	}
	if growth := u.growthCard(sums); growth != nil {
		body.Add(growth)
	}
	if len(sums) > 0 {
		body.Add(widget.NewCard(lang.X("history.list", "Alle zelfscans, nieuwste eerst"), "", list))
	}
	view.content = body
	view.ExtendBaseWidget(view)
	scroll := container.NewVScroll(view)
	followFocus(scroll, body)
	return container.NewBorder(title, bar, nil, nil, scroll)
}

func (v *historyView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(v.content)
}

// checkLabel names a self-check in lists and choices.
func (u *UI) checkLabel(id int64, started string, p assessment.Profile) string {
	return lang.X("history.label", "Nr. {{.ID}} · {{.Date}} · {{.Organisation}}, {{.Function}}", map[string]any{
		"ID": id, "Date": started, "Organisation": u.organisationName(p.Organisation), "Function": u.functionName(p.Function),
	})
}

// historyDetail is the second line of a row: who, which framework version
// and how far the self-check got against the current framework.
func (u *UI) historyDetail(id int64, p assessment.Profile, version string) string {
	parts := ""
	if p.Name != "" {
		parts += p.Name + " · "
	}
	if p.Team != "" {
		parts += p.Team + " · "
	}
	req, err := u.fw().Required(p.Organisation, p.Function)
	if err != nil {
		// Nothing is computed for it, so the version needs no remark on that.
		return parts + lang.X("history.version", "Kader {{.Version}}", map[string]any{"Version": version}) + " · " +
			lang.X("history.unknownProfile", "dit profiel kent het huidige kader niet meer; onder ‘Bekijken’ gaat u verder met een ander profiel")
	}
	parts += lang.X("history.version", "Kader {{.Version}}", map[string]any{"Version": u.versionText(version, p.Organisation)})
	sc, err := u.store.SelfCheck(id)
	if err != nil {
		return parts + " · " + explain(err)
	}
	return parts + " · " + lang.X("history.answered", "beantwoord: {{.Text}}", map[string]any{"Text": completenessText(sc.Completeness(req))})
}

// planStatus is the third line of a row: the plan's actions by status and
// its latest review, or that there is no plan yet.
func (u *UI) planStatus(selfCheckID int64) string {
	p, ok, err := u.store.PlanBySelfCheck(selfCheckID)
	switch {
	case err != nil:
		return lang.X("history.planUnreadable", "Leerplan: kon niet worden gelezen ({{.Reason}})", map[string]any{"Reason": explain(err)})
	case !ok:
		return lang.X("history.noPlan", "Nog geen leerplan")
	}
	pr := p.Progress()
	text := lang.X("history.planNoActions", "Leerplan zonder acties")
	if pr.Actions() > 0 {
		text = lang.XN("history.planActions", "Leerplan: {{.Total}} acties, {{.Planned}} gepland, {{.Busy}} bezig, {{.Done}} afgerond", pr.Actions(),
			map[string]any{"Total": pr.Actions(), "Planned": pr.Planned, "Busy": pr.Busy, "Done": pr.Done})
	}
	return text + " · " + reviewStatus(pr.LastReview)
}

// reviewStatus says when the plan was last discussed, with whom, and
// whether it was signed off.
func reviewStatus(r *plans.Review) string {
	if r == nil {
		return lang.X("history.notReviewed", "nog niet besproken")
	}
	data := map[string]any{"Date": r.Date.Local().Format(targetLayout), "Reviewer": r.Reviewer}
	text := lang.X("history.reviewed", "laatst besproken op {{.Date}} met {{.Reviewer}}", data)
	if strings.TrimSpace(r.Reviewer) == "" {
		text = lang.X("history.reviewedNoName", "laatst besproken op {{.Date}}", data)
	}
	if r.SignedOff {
		text += ", " + lang.X("history.signedOff", "afgetekend")
	}
	return text
}

// confirmDelete asks before a self-check is removed for good.
func (u *UI) confirmDelete(id int64, label string) {
	d := dialog.NewConfirm(lang.X("history.deleteTitle", "Zelfscan verwijderen?"),
		lang.X("history.deleteText", "{{.Label}}\n\nAlle antwoorden en notities van deze zelfscan worden verwijderd. Dit kan niet ongedaan worden gemaakt.",
			map[string]any{"Label": label}),
		func(ok bool) {
			if !ok {
				return
			}
			if err := u.store.DeleteSelfCheck(id); err != nil {
				u.showMessage(lang.X("history.deleteFailed", "Verwijderen is niet gelukt"), explain(err))
				return
			}
			u.showHistory()
		}, u.win)
	d.SetConfirmText(lang.X("history.deleteConfirm", "Verwijderen"))
	d.SetDismissText(lang.X("history.deleteCancel", "Annuleren"))
	d.SetConfirmImportance(widget.DangerImportance)
	u.showDialog(d)
}

// showComparison shows per competency how the level moved from the earlier
// to the later self-check. The two are put in date order first.
func (u *UI) showComparison(a, b int64) {
	u.show(screenHistory, u.comparisonScreen(a, b))
}

// comparisonView is the scrolling body of the comparison. It keeps the
// table rows and the competencies assessed only once, so tests can read them.
type comparisonView struct {
	widget.BaseWidget
	content    fyne.CanvasObject
	changes    []changeRow
	onlyBefore []*widget.Label
	onlyAfter  []*widget.Label
}

type changeRow struct {
	title, before, after, trend *widget.Label
}

func (v *comparisonView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(v.content)
}

// comparedCheck is one side of a comparison.
type comparedCheck struct {
	sc     *assessment.SelfCheck
	result assessment.Result
}

// loadCompared loads and analyses one side; on failure it returns the
// reason in words for the user.
func (u *UI) loadCompared(id int64) (comparedCheck, string) {
	an, err := u.ws.Analyse(id)
	if errors.Is(err, workspace.ErrUnknownProfile) {
		return comparedCheck{}, unknownProfileText()
	}
	if err != nil {
		return comparedCheck{}, explain(err)
	}
	return comparedCheck{sc: an.SelfCheck, result: an.Result}, ""
}

func (u *UI) comparisonScreen(a, b int64) fyne.CanvasObject {
	title := headingText(lang.X("compare.title", "Vergelijking van twee zelfscans"))
	bar := container.NewHBox(
		widgets.NewIconKeyButton(lang.X("compare.history", "Terug naar geschiedenis"), theme.NavigateBackIcon(), u.showHistory),
		widgets.NewIconKeyButton(lang.X("compare.start", "Terug naar start"), theme.HomeIcon(), u.ShowStart),
	)
	before, msg := u.loadCompared(a)
	if msg == "" {
		var after comparedCheck
		if after, msg = u.loadCompared(b); msg == "" {
			if after.sc.Started.Before(before.sc.Started) {
				before, after = after, before
			}
			return container.NewBorder(title, bar, nil, nil, container.NewVScroll(u.comparisonBody(before, after)))
		}
	}
	return container.NewBorder(title, bar, nil, nil, wrapText(msg))
}

func (u *UI) comparisonBody(before, after comparedCheck) *comparisonView {
	view := &comparisonView{}
	who := widget.NewForm(
		widget.NewFormItem(lang.X("compare.earlier", "Eerder"), wrapText(u.checkSummary(before.sc))),
		widget.NewFormItem(lang.X("compare.later", "Later"), wrapText(u.checkSummary(after.sc))),
	)
	body := container.NewVBox(who)

	changes := assessment.Compare(before.result, after.result)
	var drawn []chart.Change
	cols := u.changeColumns()
	table := container.NewVBox(changeHeader(cols))
	incomplete := false
	for _, c := range changes {
		switch c.Trend() {
		case assessment.TrendAlleenEerder:
			view.onlyBefore = append(view.onlyBefore, wrapText(c.Competency.Title))
			continue
		case assessment.TrendAlleenLater:
			view.onlyAfter = append(view.onlyAfter, wrapText(c.Competency.Title))
			continue
		}
		drawn = append(drawn, chart.Change{Title: c.Competency.Title, Before: c.Before.Level, After: c.After.Level, Required: c.Required})
		row := changeRow{
			title:  wrapText(c.Competency.Title),
			before: widget.NewLabel(u.levelText(c.Before.Level)),
			after:  widget.NewLabel(u.levelText(c.After.Level)),
			trend:  widget.NewLabelWithStyle(trendName(c.Trend()), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		}
		if !c.Before.Complete() || !c.After.Complete() {
			row.title.SetText(c.Competency.Title + " *")
			incomplete = true
		}
		row.trend.Importance = trendImportance(c.Trend())
		view.changes = append(view.changes, row)
		table.Add(widget.NewSeparator())
		table.Add(cols.row(row.title, row.before, row.after, row.trend))
	}
	if incomplete {
		table.Add(wrapText(lang.X("compare.incomplete", "* In minstens één van beide zelfscans zijn nog niet alle uitspraken van deze competentie beantwoord.")))
	}

	img, err := chart.Comparison(drawn, u.fw().Scale, u.chartOptions())
	if err != nil {
		body.Add(wrapText(lang.X("results.chartFailed", "De grafiek kon niet worden getekend.")))
	} else {
		body.Add(widget.NewCard(lang.X("compare.chart", "Niveau eerder en later"), "", chartImage(img)))
	}
	body.Add(widget.NewCard(lang.X("compare.table", "Per competentie"), "", table))
	if len(view.onlyBefore) > 0 {
		body.Add(widget.NewCard(lang.X("compare.onlyBefore", "Alleen in de eerdere zelfscan"),
			lang.X("compare.onlyHint", "Het profiel (organisatie of functie) verschilt, daarom is dit maar één keer gevraagd."),
			labelsBox(view.onlyBefore)))
	}
	if len(view.onlyAfter) > 0 {
		body.Add(widget.NewCard(lang.X("compare.onlyAfter", "Alleen in de latere zelfscan"),
			lang.X("compare.onlyHint", "Het profiel (organisatie of functie) verschilt, daarom is dit maar één keer gevraagd."),
			labelsBox(view.onlyAfter)))
	}
	view.content = body
	view.ExtendBaseWidget(view)
	return view
}

// checkSummary is one line naming a self-check in the comparison.
func (u *UI) checkSummary(sc *assessment.SelfCheck) string {
	return u.checkLabel(sc.ID, sc.Started.Local().Format(dateLayout), sc.Profile) + " · " +
		lang.X("history.version", "Kader {{.Version}}", map[string]any{"Version": u.versionText(sc.FrameworkVersion, sc.Profile.Organisation)})
}

// changeColumns are the widths of the level and change columns of the
// comparison table: wide enough for the longest level label of the scale.
type changeColumns struct {
	level, change float32
}

func (u *UI) changeColumns() changeColumns {
	var c changeColumns
	for _, l := range u.fw().Scale {
		c.level = max(c.level, widget.NewLabel(u.levelText(l.Value)).MinSize().Width)
	}
	for _, t := range []assessment.Trend{assessment.TrendGroei, assessment.TrendAchteruitgang, assessment.TrendGelijk} {
		c.change = max(c.change, widget.NewLabelWithStyle(trendName(t), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}).MinSize().Width)
	}
	return c
}

func changeHeader(cols changeColumns) fyne.CanvasObject {
	bold := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	return cols.row(bold(lang.X("compare.competency", "Competentie")), bold(lang.X("compare.earlier", "Eerder")),
		bold(lang.X("compare.later", "Later")), bold(lang.X("compare.change", "Verandering")))
}

// row lays out a title that takes the free width beside the fixed columns.
func (c changeColumns) row(title, before, after, change *widget.Label) fyne.CanvasObject {
	h := max(before.MinSize().Height, after.MinSize().Height, change.MinSize().Height)
	fixed := container.NewHBox(
		container.NewGridWrap(fyne.NewSize(c.level, h), before),
		container.NewGridWrap(fyne.NewSize(c.level, h), after),
		container.NewGridWrap(fyne.NewSize(c.change, h), change),
	)
	return container.NewBorder(nil, nil, nil, fixed, title)
}

func labelsBox(labels []*widget.Label) fyne.CanvasObject {
	box := container.NewVBox()
	for _, l := range labels {
		box.Add(l)
	}
	return box
}

func trendName(t assessment.Trend) string {
	switch t {
	case assessment.TrendGroei:
		return lang.X("compare.growth", "groei")
	case assessment.TrendAchteruitgang:
		return lang.X("compare.decline", "achteruitgang")
	}
	return lang.X("compare.same", "gelijk")
}

func trendImportance(t assessment.Trend) widget.Importance {
	switch t {
	case assessment.TrendGroei:
		return widget.SuccessImportance
	case assessment.TrendAchteruitgang:
		return widget.WarningImportance
	}
	return widget.MediumImportance
}
