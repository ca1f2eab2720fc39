package app

import (
	"fmt"
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zelfscan/assessment"
	"zelfscan/plans/chart"
)

// chartWidth is the width in pixels the charts are drawn at: it fits the
// smallest window (MinSize) beside the scroll bar.
const chartWidth = 940

// dateLayout shows dates the Dutch way (day-month-year).
const dateLayout = "02-01-2006 15:04"

// showResults shows the profile, gaps and strengths of one self-check.
func (u *UI) showResults(selfCheckID int64) {
	u.rememberSelfCheck(selfCheckID)
	u.show(screenResults, u.resultsScreen(selfCheckID))
}

// resultsView is the scrolling body of the results screen. It keeps the
// widgets that show gaps and strengths, so tests can read what is shown.
type resultsView struct {
	widget.BaseWidget
	content   fyne.CanvasObject
	gaps      []gapRow
	strengths []*widget.Label
	// incomplete is the notice with the button back to the scan; nil when
	// every question is answered.
	incomplete fyne.CanvasObject
}

// resultsScreen builds the results of one self-check. A self-check that cannot
// be loaded or analysed gives a screen with the reason and a way back.
func (u *UI) resultsScreen(id int64) fyne.CanvasObject {
	title := headingText(lang.X("results.title", "Resultaten van de zelfscan"))
	bar := container.NewHBox(
		newIconKeyButton(lang.X("results.start", "Terug naar start"), theme.HomeIcon(), u.ShowStart),
		newIconKeyButton(lang.X("results.history", "Geschiedenis"), theme.HistoryIcon(), u.showHistory),
	)
	sc, err := u.store.SelfCheck(id)
	if err != nil {
		return container.NewBorder(title, bar, nil, nil, wrapText(explain(err)))
	}
	req, err := u.fw.Required(sc.Profile.Organisation, sc.Profile.Function)
	if err != nil {
		return container.NewBorder(title, bar, nil, nil, wrapText(unknownProfileText()))
	}
	res := assessment.Analyse(req, sc)
	bar.Add(u.planButton(id))
	view := &resultsView{}

	body := container.NewVBox(u.profileCard(sc, req, view))
	body.Add(widget.NewCard(lang.X("results.chart", "Uw niveau per competentie"), "", u.profileChart(res.Levels)))
	body.Add(widget.NewCard(lang.X("results.gaps", "Tekorten, op volgorde van prioriteit"), "", u.gapSection(res.Gaps, view)))
	body.Add(widget.NewCard(lang.X("results.strengths", "Sterke punten"), "", u.strengthSection(res.Strengths, view)))
	body.Add(explanation())
	view.content = body
	view.ExtendBaseWidget(view)
	scroll := container.NewVScroll(view)
	followFocus(scroll, body)
	return container.NewBorder(title, bar, nil, nil, scroll)
}

func (v *resultsView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(v.content)
}

// profileCard describes who made the self-check, when, and how far it got.
func (u *UI) profileCard(sc *assessment.SelfCheck, req []assessment.RequiredCompetency, view *resultsView) fyne.CanvasObject {
	who := widget.NewForm(
		widget.NewFormItem(lang.X("results.organisation", "Organisatie"), wrapText(u.organisationName(sc.Profile.Organisation))),
		widget.NewFormItem(lang.X("results.function", "Functie"), wrapText(u.functionName(sc.Profile.Function))),
	)
	if sc.Profile.Name != "" {
		who.Append(lang.X("results.name", "Naam"), wrapText(sc.Profile.Name))
	}
	if sc.Profile.Team != "" {
		who.Append(lang.X("results.team", "Team"), wrapText(sc.Profile.Team))
	}
	done := sc.Completeness(req)
	when := widget.NewForm(
		widget.NewFormItem(lang.X("results.date", "Gestart op"), widget.NewLabel(sc.Started.Local().Format(dateLayout))),
		widget.NewFormItem(lang.X("results.version", "Versie competentiekader"), wrapText(u.versionText(sc.FrameworkVersion, sc.Profile.Organisation))),
		widget.NewFormItem(lang.X("results.completeness", "Beantwoord"), widget.NewLabel(completenessText(done))),
	)
	form := container.NewGridWithColumns(2, who, when)
	box := container.NewVBox(form)
	if n := unaskedAnswers(sc, req); n > 0 {
		box.Add(hint(lang.X("results.keptAnswers",
			"Bewaarde antwoorden op uitspraken die het kader nu niet vraagt: {{.Count}}. Dat gebeurt als een uitbreiding van het kader niet meer wordt gebruikt of is gewijzigd. Ze tellen hierboven niet mee, maar blijven bewaard en tellen weer mee als die uitspraken terugkomen.",
			map[string]any{"Count": n})))
	}
	if !done.Done() {
		warn := widget.NewLabelWithStyle(lang.X("results.incomplete",
			"Deze zelfscan is nog niet af. De niveaus hieronder tellen alleen de uitspraken die al zijn beantwoord."),
			fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		warn.Wrapping = fyne.TextWrapWord
		warn.Importance = widget.WarningImportance
		cont := newIconKeyButton(lang.X("results.continue", "Verder met de zelfscan"), theme.NavigateNextIcon(),
			func() { u.showScan(sc.ID) })
		cont.Importance = widget.HighImportance
		view.incomplete = container.NewVBox(warn, container.NewHBox(cont))
		box.Add(view.incomplete)
	}
	return widget.NewCard(lang.X("results.profile", "Profiel"), "", box)
}

// profileChart draws own against required level per competency.
func (u *UI) profileChart(levels []assessment.CompetencyResult) fyne.CanvasObject {
	img, err := chart.Profile(levels, u.fw.Scale, u.chartOptions())
	if err != nil {
		return wrapText(lang.X("results.chartFailed", "De grafiek kon niet worden getekend."))
	}
	return chartImage(img)
}

// chartOptions sizes a chart for the window, in its theme and language.
func (u *UI) chartOptions() chart.Options {
	return chart.Options{Width: chartWidth, Dark: u.dark(), Labels: chart.Labels{
		OwnMeets:             lang.X("chart.ownMeets", "Eigen niveau: voldoet"),
		OwnBelow:             lang.X("chart.ownBelow", "Eigen niveau: lager dan vereist"),
		GapSpan:              lang.X("chart.gapSpan", "Tekort tot vereist niveau"),
		Required:             lang.X("chart.required", "Vereist niveau"),
		Unanswered:           lang.X("chart.unanswered", "* Nog niet alle uitspraken van deze competentie zijn beantwoord; het niveau telt alleen de gegeven antwoorden."),
		NoAnswers:            lang.X("chart.noAnswers", "Nog geen antwoorden"),
		NoAnswersHint:        lang.X("chart.noAnswersHint", "Beantwoord de uitspraken van de zelfscan; daarna verschijnt hier uw profiel."),
		Earlier:              lang.X("chart.earlier", "Eerdere scan"),
		Later:                lang.X("chart.later", "Latere scan"),
		Grown:                lang.X("chart.grown", "Gegroeid"),
		Declined:             lang.X("chart.declined", "Gedaald"),
		Unchanged:            lang.X("chart.unchanged", "Gelijk gebleven"),
		NothingToCompare:     lang.X("chart.nothingToCompare", "Nog niets te vergelijken"),
		NothingToCompareHint: lang.X("chart.nothingToCompareHint", "Voor een vergelijking zijn twee zelfscans met antwoorden nodig."),
		NoData:               lang.X("chart.noData", "Geen gegevens"),
		NoGroupData:          lang.X("chart.noGroupData", "Nog geen groepsgegevens"),
		NoGroupDataHint:      lang.X("chart.noGroupDataHint", "Zodra leden van de groep de zelfscan hebben ingevuld, verschijnt hier het overzicht."),
	}}
}

// dark reports whether the window uses the dark theme, so charts match it.
func (u *UI) dark() bool {
	return u.app.Settings().ThemeVariant() == theme.VariantDark
}

// chartImage shows a rendered chart at its own size, scaled down if the
// window is narrower.
func chartImage(img image.Image) fyne.CanvasObject {
	im := canvas.NewImageFromImage(img)
	im.FillMode = canvas.ImageFillContain
	b := img.Bounds()
	im.SetMinSize(fyne.NewSize(float32(b.Dx()), float32(b.Dy())))
	return container.NewCenter(im)
}

// gapRow holds the labels of one gap, so a test can read what is shown.
type gapRow struct {
	title, detail, priority *widget.Label
}

// gapSection lists the gaps; no gaps is good news and says so.
func (u *UI) gapSection(gaps []assessment.Gap, view *resultsView) fyne.CanvasObject {
	box := container.NewVBox()
	if len(gaps) == 0 {
		box.Add(wrapText(lang.X("results.noGaps", "U haalt bij elke competentie het niveau dat uw functie vraagt (voor zover beantwoord).")))
	}
	incomplete := false
	for i, g := range gaps {
		row := gapRow{
			title:    widget.NewLabelWithStyle(g.Competency.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			detail:   wrapText(u.gapDetail(g)),
			priority: widget.NewLabelWithStyle(priorityName(g.Priority()), fyne.TextAlignCenter, fyne.TextStyle{Bold: true}),
		}
		row.title.Wrapping = fyne.TextWrapWord
		if !g.Complete {
			row.title.SetText(g.Competency.Title + " *")
			incomplete = true
		}
		row.priority.Importance = priorityImportance(g.Priority())
		view.gaps = append(view.gaps, row)
		prio := container.NewGridWrap(fyne.NewSize(90, row.priority.MinSize().Height), row.priority)
		if i > 0 {
			box.Add(widget.NewSeparator())
		}
		box.Add(container.NewBorder(nil, nil, prio, nil, container.NewVBox(row.title, row.detail)))
	}
	if incomplete {
		box.Add(wrapText(lang.X("results.gapIncomplete", "* Nog niet alle uitspraken van deze competentie zijn beantwoord.")))
	}
	return box
}

// gapDetail names the category, both levels and the size of a gap.
func (u *UI) gapDetail(g assessment.Gap) string {
	data := map[string]any{
		"Category": categoryLabel(g.Competency.Category),
		"Own":      u.levelText(g.Own),
		"Required": u.levelText(g.Required),
		"Size":     g.Size(),
	}
	if g.Size() == 1 {
		return lang.X("results.gapDetailOne", "{{.Category}} · nu {{.Own}} → vereist {{.Required}} · 1 niveau tekort", data)
	}
	return lang.X("results.gapDetail", "{{.Category}} · nu {{.Own}} → vereist {{.Required}} · {{.Size}} niveaus tekort", data)
}

// strengthSection lists the competencies at or above the required level.
func (u *UI) strengthSection(strengths []assessment.CompetencyResult, view *resultsView) fyne.CanvasObject {
	box := container.NewVBox()
	if len(strengths) == 0 {
		box.Add(wrapText(lang.X("results.noStrengths", "Nog geen competenties op of boven het vereiste niveau met alle uitspraken beantwoord.")))
	}
	for _, s := range strengths {
		l := wrapText(lang.X("results.strength", "{{.Title}} — {{.Own}} (vereist {{.Required}})", map[string]any{
			"Title":    s.Competency.Title,
			"Own":      u.levelText(s.Own.Level),
			"Required": u.levelText(s.Level),
		}))
		view.strengths = append(view.strengths, l)
		box.Add(l)
	}
	return box
}

// explanation says in plain words how assessment computes levels and gaps
// (LevelOf, Gap.Priority, Analyse).
func explanation() fyne.CanvasObject {
	text := wrapText(lang.X("results.explanation",
		"Niveau per competentie: het gemiddelde van uw antwoorden op de uitspraken van die competentie, naar beneden afgerond. "+
			"Eén zwak punt trekt het niveau dus omlaag en wordt niet weggepoetst door sterke punten. "+
			"Hebt u nog niet alle uitspraken beantwoord, dan telt het niveau alleen de gegeven antwoorden.\n\n"+
			"Tekort: het niveau dat uw functie vraagt min uw eigen niveau. "+
			"Een tekort in de basis (gezamenlijke basis, basis in de eigen organisatie en organisatiespecifiek) van twee niveaus of meer heeft prioriteit hoog. "+
			"Een basistekort van één niveau, of een tekort van twee niveaus of meer in de verdieping (gezamenlijke verdieping, specialisatie in de eigen organisatie en uw rol), heeft prioriteit middel. De rest heeft prioriteit laag.\n\n"+
			"Volgorde: eerst de tekorten in de basis, dan die in de verdieping en uw rol; binnen elke groep de grootste tekorten eerst, "+
			"en bij gelijke grootte de volgorde van de zelfscan.\n\n"+
			"Sterke punten: competenties waarin u het vereiste niveau haalt of overtreft en waarvan alle uitspraken zijn beantwoord."))
	acc := widget.NewAccordion(widget.NewAccordionItem(lang.X("results.explanationTitle", "Hoe worden niveaus en tekorten berekend?"), text))
	return acc
}

func completenessText(c assessment.Completeness) string {
	return lang.X("results.answered", "{{.Answered}} van {{.Total}} uitspraken ({{.Percent}}%)", map[string]any{
		"Answered": c.Answered, "Total": c.Total, "Percent": c.Percent(),
	})
}

// versionText names the framework version and warns when the self-check was
// made with another one than the app now uses.
// versionText is the framework a self-check of org was made against, as
// stored with it (with the extension, when one applied); when the app now
// uses another, it says so, since the outcome is computed with the current one.
func (u *UI) versionText(v, org string) string {
	current := u.fw.VersionFor(org)
	if v == current {
		return v
	}
	return lang.X("results.otherVersion", "{{.Version}} (de app gebruikt nu versie {{.Current}}; de uitkomst is berekend met de huidige versie)",
		map[string]any{"Version": v, "Current": current})
}

func (u *UI) levelText(v int) string {
	return fmt.Sprintf("%d %s", v, u.fw.LevelLabel(v))
}

func (u *UI) organisationName(id string) string {
	if o, ok := u.fw.Organisation(id); ok {
		return o.Name
	}
	return id
}

func (u *UI) functionName(id string) string {
	if f, ok := u.fw.Function(id); ok {
		return f.Name
	}
	return id
}

func priorityName(p assessment.Priority) string {
	switch p {
	case assessment.PriorityHoog:
		return lang.X("results.priority.hoog", "hoog")
	case assessment.PriorityMiddel:
		return lang.X("results.priority.middel", "middel")
	}
	return lang.X("results.priority.laag", "laag")
}

func priorityImportance(p assessment.Priority) widget.Importance {
	switch p {
	case assessment.PriorityHoog:
		return widget.DangerImportance
	case assessment.PriorityMiddel:
		return widget.WarningImportance
	}
	return widget.MediumImportance
}

func headingText(s string) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameHeadingText
	return l
}

func wrapText(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// unknownProfileText explains why a self-check from an older framework whose
// organisation or function is gone cannot be analysed.
func unknownProfileText() string {
	return lang.X("results.unknownProfile",
		"Deze zelfscan hoort bij een organisatie of functie die in deze versie van het competentiekader niet meer voorkomt. De resultaten kunnen daarom niet worden berekend.")
}

// unaskedAnswers counts the answers of sc to statements req does not ask:
// made against an extension or framework version that is no longer in use.
func unaskedAnswers(sc *assessment.SelfCheck, req []assessment.RequiredCompetency) int {
	asked := map[string]bool{}
	for _, rc := range req {
		for _, ind := range rc.Indicators {
			asked[ind.ID] = true
		}
	}
	n := 0
	for id := range sc.Ratings {
		if !asked[id] {
			n++
		}
	}
	return n
}
