package app

import (
	"errors"
	"fmt"
	"image"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zelfscan/app/widgets"
	"zelfscan/assessment"
	"zelfscan/documents/chart"
	"zelfscan/workspace"
)

// chartWidth is the width in pixels the charts are drawn at: it fits the
// smallest window (MinSize, 800 wide) inside a card beside the scroll bar.
const chartWidth = 720

// dateLayout shows dates the Dutch way (day-month-year).
const dateLayout = "02-01-2006 15:04"

// showResults shows the profile, gaps and strengths of one self-check.
func (u *UI) showResults(selfCheckID int64) {
	u.rememberSelfCheck(selfCheckID)
	screen, forward, back := u.resultsScreen(selfCheckID)
	u.show(screenResults, screen)
	u.forward, u.back = forward, back
}

// enabled is what a button does when tapped, nil while it is disabled: the
// same step for Alt+→ or Alt+← as for the button.
func enabled(b *widgets.KeyButton) func() {
	if b.Disabled() {
		return nil
	}
	return b.OnTapped
}

// resultsView is the scrolling body of the results screen. It keeps the
// widgets that show gaps and strengths, so tests can read what is shown.
type resultsView struct {
	widget.BaseWidget
	content   fyne.CanvasObject
	summary   *widget.Label
	gaps      []gapRow
	strengths []*widget.Label
	// incomplete is the notice with the button back to the scan; nil when
	// every question is answered.
	incomplete fyne.CanvasObject
}

// resultsScreen builds the results of one self-check, with what Alt+→ and
// Alt+← do there (nil: nothing). A self-check that cannot be loaded or
// analysed gives a screen with the reason and a way back.
func (u *UI) resultsScreen(id int64) (screen fyne.CanvasObject, forward, back func()) {
	title := headingText(lang.X("results.title", "Resultaten van de zelfscan"))
	bar := container.NewHBox(
		widgets.NewIconKeyButton(lang.X("results.start", "Terug naar start"), theme.HomeIcon(), u.ShowStart),
		widgets.NewIconKeyButton(lang.X("results.history", "Geschiedenis"), theme.HistoryIcon(), u.showHistory),
	)
	an, err := u.ws.Analyse(id)
	if errors.Is(err, workspace.ErrUnknownProfile) {
		body, goOn := u.unknownProfileBody(an.SelfCheck)
		return container.NewBorder(title, bar, nil, nil, body), enabled(goOn), nil
	}
	if err != nil {
		return container.NewBorder(title, bar, nil, nil, wrapText(explain(err))), nil, nil
	}
	sc, req, res := an.SelfCheck, an.Required, an.Result
	plan := u.planButton(id)
	bar.Add(plan)
	if !u.store.ReadOnly() {
		back = func() { u.showScan(id) }
	}
	view := &resultsView{}

	// What a reader needs first: the summary, then the gaps to work on, then
	// the chart of every competency (a long one, three screens at 800×600,
	// that would push the gaps out of sight). Each gap is a card of its
	// own, so that only those in view are drawn.
	view.summary = summaryLabel(res)
	blocks := []fyne.CanvasObject{view.summary}
	var kept []fyne.CanvasObject
	if inc := u.incompleteNotice(sc, req); inc != nil {
		view.incomplete = inc
		blocks = append(blocks, inc)
		kept = append(kept, inc)
	}
	blocks = append(blocks, u.gapCards(res.Gaps, view)...)
	blocks = append(blocks, widget.NewCard(lang.X("results.chart", "Uw niveau per competentie"), "", u.profileChart(res.Levels)))
	// The explanation opens and closes, so Tab must find it.
	how := explanation()
	kept = append(kept, how)
	blocks = append(blocks, widget.NewCard(lang.X("results.strengths", "Sterke punten"), "", u.strengthSection(res.Strengths, view)),
		u.profileCard(sc, req), how)
	scroll := container.NewVScroll(view)
	view.content = widgets.NewInViewColumn(scroll, blocks, kept...)
	view.ExtendBaseWidget(view)
	followFocus(scroll, view.content)
	return container.NewBorder(title, bar, nil, nil, scroll), enabled(plan), back
}

func (v *resultsView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(v.content)
}

// profileCard describes who made the self-check, when, and how far it got.
func (u *UI) profileCard(sc *assessment.SelfCheck, req []assessment.RequiredCompetency) fyne.CanvasObject {
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
	when := widget.NewForm(
		widget.NewFormItem(lang.X("results.date", "Gestart op"), widget.NewLabel(sc.Started.Local().Format(dateLayout))),
		widget.NewFormItem(lang.X("results.version", "Versie competentiekader"), wrapText(u.versionText(sc.FrameworkVersion, sc.Profile.Organisation))),
		widget.NewFormItem(lang.X("results.completeness", "Beantwoord"), widget.NewLabel(completenessText(sc.Completeness(req)))),
	)
	box := container.NewVBox(container.NewGridWithColumns(2, who, when))
	if n := unaskedAnswers(sc, req); n > 0 {
		box.Add(hint(lang.X("results.keptAnswers",
			"Bewaarde antwoorden op uitspraken die het kader nu niet vraagt: {{.Count}}. Dat gebeurt als een uitbreiding van het kader niet meer wordt gebruikt of is gewijzigd. Ze tellen in deze uitkomst niet mee, maar blijven bewaard en tellen weer mee als die uitspraken terugkomen.",
			map[string]any{"Count": n})))
	}
	return widget.NewCard(lang.X("results.profile", "Profiel"), "", box)
}

// incompleteNotice warns that levels count only the answers given and offers
// the way back to the scan; nil when every statement is answered.
func (u *UI) incompleteNotice(sc *assessment.SelfCheck, req []assessment.RequiredCompetency) fyne.CanvasObject {
	if sc.Completeness(req).Done() {
		return nil
	}
	warn := widget.NewLabelWithStyle(lang.X("results.incomplete",
		"Deze zelfscan is nog niet af. De niveaus hieronder tellen alleen de uitspraken die al zijn beantwoord."),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	warn.Wrapping = fyne.TextWrapWord
	warn.Importance = widget.WarningImportance
	cont := widgets.NewIconKeyButton(lang.X("results.continue", "Verder met de zelfscan"), theme.NavigateNextIcon(),
		func() { u.showScan(sc.ID) })
	cont.Importance = widget.HighImportance
	return container.NewVBox(warn, container.NewHBox(cont))
}

// summaryLabel is the one line that opens the results: how many gaps, how
// many competencies at level, and the largest gaps by name.
func summaryLabel(res assessment.Result) *widget.Label {
	l := widget.NewLabelWithStyle(summaryText(res), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

// summaryTop is how many gaps the summary names.
const summaryTop = 3

func summaryText(res assessment.Result) string {
	met := len(res.Levels) - len(res.Gaps)
	if len(res.Gaps) == 0 {
		return lang.X("results.summary.none", "Geen tekorten: u haalt bij alle {{.Met}} competenties het vereiste niveau.", map[string]any{"Met": met})
	}
	var top []string
	for _, g := range res.Gaps[:min(summaryTop, len(res.Gaps))] {
		top = append(top, g.Competency.Title)
	}
	data := map[string]any{"Gaps": len(res.Gaps), "Met": met, "Top": strings.Join(top, "; ")}
	if len(res.Gaps) == 1 {
		return lang.X("results.summary.one", "1 tekort, {{.Met}} op niveau; tekort: {{.Top}}.", data)
	}
	return lang.X("results.summary", "{{.Gaps}} tekorten, {{.Met}} op niveau; grootste tekorten: {{.Top}}.", data)
}

// profileChart draws own against required level per competency.
func (u *UI) profileChart(levels []assessment.CompetencyResult) fyne.CanvasObject {
	img, err := chart.Profile(levels, u.fw().Scale, u.chartOptions())
	if err != nil {
		return wrapText(lang.X("results.chartFailed", "De grafiek kon niet worden getekend."))
	}
	return chartImage(img)
}

// chartOptions sizes a chart for the window, in its theme and language.
func (u *UI) chartOptions() chart.Options {
	return chart.Options{Width: chartWidth, Dark: u.dark(), Font: u.themeFont(), Labels: chart.Labels{
		OwnMeets:             lang.X("chart.ownMeets", "Eigen niveau (gemiddelde): voldoet"),
		OwnBelow:             lang.X("chart.ownBelow", "Eigen niveau (gemiddelde): lager dan vereist"),
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
		GroupBasis:           lang.X("chart.groupBasis", "Basis"),
		GroupOrganisation:    lang.X("chart.groupOrganisation", "Organisatiespecifiek"),
		GroupDeepening:       lang.X("chart.groupDeepening", "Verdieping"),
		GroupRole:            lang.X("chart.groupRole", "Rol en functie"),
	}}
}

// themeFont is the window theme's regular text font for the charts, so
// they read like the rest of the app; nil (Liberation Sans) if it cannot be
// parsed, which only costs the match in typeface.
func (u *UI) themeFont() *chart.Font {
	if u.chartFont == nil {
		res := u.app.Settings().Theme().Font(fyne.TextStyle{})
		if f, err := chart.NewFont(res.Name(), res.Content()); err == nil {
			u.chartFont = f
		}
	}
	return u.chartFont
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
	// evidence lists the statements rated below the required level, one a
	// line (one label, so they sit close together); nil without any.
	evidence *widget.Label
}

// gapCards lists the gaps, a card each, the first under the section's
// title; no gaps is good news and says so.
func (u *UI) gapCards(gaps []assessment.Gap, view *resultsView) []fyne.CanvasObject {
	title := lang.X("results.gaps", "Tekorten, op volgorde van prioriteit")
	if len(gaps) == 0 {
		return []fyne.CanvasObject{widget.NewCard(title, "", wrapText(lang.X("results.noGaps", "U haalt bij elke competentie het niveau dat uw functie vraagt (voor zover beantwoord).")))}
	}
	var cards []fyne.CanvasObject
	incomplete := false
	for i, g := range gaps {
		row := u.gapRowFor(g)
		incomplete = incomplete || !g.Complete
		view.gaps = append(view.gaps, row)
		prio := container.NewGridWrap(fyne.NewSize(90, row.priority.MinSize().Height), row.priority)
		lines := container.NewVBox(row.title, row.detail)
		if row.evidence != nil {
			lines.Add(row.evidence)
		}
		content := fyne.CanvasObject(container.NewBorder(nil, nil, prio, nil, lines))
		if i == len(gaps)-1 && incomplete {
			content = container.NewVBox(content, wrapText(lang.X("results.gapIncomplete", "* Nog niet alle uitspraken van deze competentie zijn beantwoord.")))
		}
		if i > 0 {
			title = ""
		}
		cards = append(cards, widget.NewCard(title, "", content))
	}
	return cards
}

// gapRowFor makes the labels of one gap: title, levels and score, and the
// statements that hold it below the required level.
func (u *UI) gapRowFor(g assessment.Gap) gapRow {
	title := g.Competency.Title
	if !g.Complete {
		title += " *"
	}
	row := gapRow{
		title:    widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		detail:   wrapText(u.gapDetail(g)),
		priority: widget.NewLabelWithStyle(priorityName(g.Priority()), fyne.TextAlignCenter, fyne.TextStyle{Bold: true}),
	}
	row.title.Wrapping = fyne.TextWrapWord
	row.priority.Importance = priorityImportance(g.Priority())
	var lines []string
	for _, e := range g.Evidence {
		lines = append(lines, lang.X("results.evidence", "• {{.Text}} (uw antwoord: {{.Level}})", map[string]any{
			"Text": e.Indicator.Text, "Level": u.levelText(e.Level),
		}))
	}
	if len(lines) > 0 {
		row.evidence = wrapText(strings.Join(lines, "\n"))
	}
	return row
}

// gapDetail names the category, both levels, the average behind the own
// level, the shortfall and how many statements lie below the required level.
func (u *UI) gapDetail(g assessment.Gap) string {
	answered := g.Answered
	data := map[string]any{
		"Category":  categoryLabel(g.Competency.Category),
		"Own":       u.levelText(g.Own),
		"Required":  u.levelText(g.Required),
		"Score":     decimal(g.Score()),
		"Shortfall": decimal(g.Shortfall()),
		"Below":     len(g.Evidence),
		"Answered":  answered,
	}
	if answered == 0 {
		return lang.X("results.gapDetailNone", "{{.Category}} · vereist {{.Required}} · nog geen uitspraken beantwoord", data)
	}
	return lang.X("results.gapDetail", "{{.Category}} · nu {{.Own}} (gemiddeld {{.Score}}) → vereist {{.Required}} · {{.Shortfall}} onder vereist · {{.Below}} van {{.Answered}} uitspraken onder het vereiste niveau", data)
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
		"Gemiddelde en niveau: per competentie het gemiddelde van uw antwoorden op de uitspraken, met één decimaal. "+
			"Uw niveau is dat gemiddelde naar beneden afgerond; het niveau telt voor de vraag of u haalt wat uw functie vraagt. "+
			"Eén zwak punt trekt het niveau dus omlaag. Hebt u nog niet alle uitspraken beantwoord, dan tellen alleen de gegeven antwoorden.\n\n"+
			"Tekort: uw niveau is lager dan het vereiste niveau. Hoe groot het tekort is, zegt het verschil tussen het vereiste niveau en uw gemiddelde: "+
			"antwoorden 1, 1, 1, 1 bij vereist niveau 2 liggen gemiddeld 1,0 onder vereist, antwoorden 2, 2, 2, 1 maar een kwart niveau, al is het niveau in beide gevallen 1. "+
			"Onder elk tekort staan de uitspraken die u lager dan het vereiste niveau beoordeelde, de laagste eerst.\n\n"+
			"Prioriteit: in de basis (gezamenlijke basis, basis in de eigen organisatie en organisatiespecifiek) telt het verschil helemaal, "+
			"in de verdieping (gezamenlijke verdieping, specialisatie in de eigen organisatie en uw rol) voor de helft. "+
			"Komt dat op 1 of meer, dan is de prioriteit hoog; op 0,5 of meer middel; anders laag.\n\n"+
			"Volgorde: het zwaarst tellende tekort eerst; bij gelijke stand eerst het tekort met het grootste deel van de uitspraken onder het vereiste niveau, "+
			"dan de basis voor de verdieping, dan de volgorde van de zelfscan.\n\n"+
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
	current := u.fw().VersionFor(org)
	if v == current {
		return v
	}
	return lang.X("results.otherVersion", "{{.Version}} (de app gebruikt nu versie {{.Current}}; de uitkomst is berekend met de huidige versie)",
		map[string]any{"Version": v, "Current": current})
}

func (u *UI) levelText(v int) string {
	return fmt.Sprintf("%d %s", v, u.fw().LevelLabel(v))
}

func (u *UI) organisationName(id string) string {
	if o, ok := u.fw().Organisation(id); ok {
		return o.Name
	}
	return id
}

func (u *UI) functionName(id string) string {
	if f, ok := u.fw().Function(id); ok {
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
// organisation, function or the pair of them is gone cannot be analysed.
func unknownProfileText() string {
	return lang.X("results.unknownProfile",
		"Deze zelfscan hoort bij een profiel (organisatie en functie) dat deze versie van het competentiekader niet meer kent. De resultaten kunnen daarom niet worden berekend.")
}

// unknownProfileBody says why sc cannot be analysed and offers to go on
// under a profile that exists, taking its answers and plan along.
func (u *UI) unknownProfileBody(sc *assessment.SelfCheck) (body fyne.CanvasObject, goOn *widgets.KeyButton) {
	goOn = widgets.NewIconKeyButton(lang.X("results.unknownProfile.goOn", "Verder met een ander profiel"), theme.NavigateNextIcon(), func() { u.showProfileFrom(sc) })
	goOn.Importance = widget.HighImportance
	if u.store.ReadOnly() {
		goOn.Disable()
	}
	args := map[string]any{"Answered": len(sc.Ratings)}
	kept := lang.X("results.unknownProfile.answers", "Uw {{.Answered}} antwoorden zijn bewaard. Met een profiel dat dit kader wel kent, gaat u verder zonder opnieuw te beginnen: wat dat profiel ook vraagt, is al ingevuld.", args)
	if _, hasPlan, err := u.store.PlanBySelfCheck(sc.ID); err == nil && hasPlan {
		kept = lang.X("results.unknownProfile.answersAndPlan", "Uw {{.Answered}} antwoorden en uw leerplan zijn bewaard. Met een profiel dat dit kader wel kent, gaat u verder zonder opnieuw te beginnen: wat dat profiel ook vraagt, is al ingevuld, en de acties van uw leerplan gaan mee.", args)
	}
	return container.NewVBox(wrapText(unknownProfileText()), wrapText(kept), container.NewHBox(goOn)), goOn
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
