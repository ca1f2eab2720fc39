package app

import (
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zelfscan/app/widgets"
	"zelfscan/assessment"
	"zelfscan/plans"
	"zelfscan/workspace"
)

// ShowStart shows the start screen: what the app is for, where to begin,
// where the data lives and whose work the framework is based on.
func (u *UI) ShowStart() {
	title := heading(appTitle())
	intro := wrapped(lang.X("start.intro", "Beoordeel uw deskundigheid rond gendergerelateerd geweld op uitspraken voor uw organisatie en functie, en maak er een persoonlijk leerplan van."))

	newScan := widgets.NewKeyButton(lang.X("start.new", "Nieuwe zelfscan starten"), u.showProfile)
	newScan.Importance = widget.HighImportance
	newScan.Icon = theme.ContentAddIcon()
	newHint := hint(lang.X("start.new.hint", "Kies uw organisatie en functie en begin."))
	if u.store.ReadOnly() {
		newScan.Disable()
		newHint.SetText(lang.X("start.readonly.hint", "Niet mogelijk: de gegevens zijn alleen-lezen geopend."))
	}
	// The form lays out pairs: the note on the next self-check goes with
	// the button that starts one.
	first := fyne.CanvasObject(newHint)
	if note := u.rescanNote(); note != nil {
		first = container.NewVBox(newHint, note)
	}
	rows := []fyne.CanvasObject{newScan, first}

	if sum, done, ok := u.unfinished(); ok {
		resume := widgets.NewKeyButton(lang.X("start.resume", "Verder met onvoltooide zelfscan"), func() { u.showScan(sum.ID) })
		resume.Icon = theme.MediaPlayIcon()
		if u.store.ReadOnly() {
			resume.Disable()
		}
		rows = append(rows, resume, hint(lang.X("start.resume.hint",
			"Begonnen op {{.Date}}: {{.Answered}} van {{.Total}} uitspraken beantwoord ({{.Percent}}%).",
			map[string]any{"Date": formatDate(sum.Started), "Answered": done.Answered, "Total": done.Total, "Percent": done.Percent()})))
	}

	history := widgets.NewKeyButton(lang.X("start.history", "Eerdere zelfscans"), u.showHistory)
	history.Icon = theme.HistoryIcon()
	review := widgets.NewKeyButton(lang.X("start.review", "Plan openen ter bespreking"), u.chooseForReview)
	review.Icon = theme.FolderOpenIcon()
	groupView := widgets.NewKeyButton(lang.X("start.group", "Groepsoverzicht"), func() { u.showGroup(nil) })
	groupView.Icon = theme.GridIcon()
	rows = append(rows,
		history, hint(lang.X("start.history.hint", "Bekijk resultaten van eerder gedane zelfscans en vergelijk ze.")),
		review, hint(lang.X("start.review.hint2", "Voor begeleiders: open het planbestand of de PDF van iemand anders en leg de bespreking vast. U kunt een bestand ook op dit venster slepen.")),
		groupView, hint(lang.X("start.group.hint", "Voor intervisie of team: zie in de plannen van meerdere mensen welke tekorten ze delen.")))
	orgView := widgets.NewKeyButton(lang.X("organisation.start", "Organisatieoverzicht"), u.showOrganisation)
	orgView.Icon = theme.ListIcon()
	rows = append(rows, orgView, hint(lang.X("organisation.startHint", "Voor opleidingscoördinatoren: een anoniem overzicht van alle leerplannen in een of meer mappen, per organisatie en functie.")))
	own := widgets.NewKeyButton(lang.X("start.catalogue", "Eigen aanbod beheren"), func() { u.showCatalogue(u.ShowStart) })
	own.Icon = theme.StorageIcon()
	rows = append(rows, own, hint(lang.X("start.catalogue.hint", "Laad het opleidingsaanbod van uw organisatie, zodat u het in leerplannen kunt kiezen.")))
	frameworkReview := widgets.NewKeyButton(lang.X("framework.start", "Kader bekijken"), u.showFramework)
	frameworkReview.Icon = theme.VisibilityIcon()
	rows = append(rows, frameworkReview, hint(lang.X("framework.start.hint", "Lees het hele competentiekader: alle uitspraken en vereiste niveaus per organisatie en functie. Bewaar het als PDF of CSV om het te beoordelen.")))
	mine := widgets.NewKeyButton(lang.X("start.privacy.button", "Mijn gegevens"), u.showPrivacy)
	mine.Icon = theme.AccountIcon()
	rows = append(rows, mine, hint(lang.X("start.privacy.hint", "Zie wat er wordt bewaard en waar, exporteer alles of verwijder alles.")))

	privacy := wrapped(lang.X("start.privacy", "Uw antwoorden blijven op deze computer; de app verstuurt alleen iets als u daar zelf voor kiest. Ze staan in {{.Path}}.",
		map[string]any{"Path": shownPath(u.store.Path())}))
	// One line naming the plan of action: the whole credit is under "Over
	// Zelfscan GGG" and on the framework screen, and every line of text here
	// costs start-up time (Fyne rasterises it before the first frame).
	credit := hint(lang.X("start.source", "Bron van het kader: {{.Title}} ({{.Year}}). Meer onder ‘Over Zelfscan GGG’.",
		map[string]any{"Title": u.fw().Source.Title, "Year": u.fw().Source.Year}))

	top := container.NewBorder(nil, nil, nil, container.NewHBox(u.aboutButton(), u.languageChoice(u.ShowStart)), title)
	main := container.NewVBox(intro, widget.NewSeparator(),
		container.New(layout.NewFormLayout(), rows...), widget.NewSeparator(),
		privacy, credit)
	if u.store.ReadOnly() {
		top = container.NewVBox(readOnlyBanner(), top)
	}
	// Tab follows the order of the objects: the first Tab goes to "Nieuwe
	// zelfscan starten", and "Over" and the language come after the list.
	body := container.New(layout.NewBorderLayout(top, nil, nil, nil), main, top)
	u.show(screenStart, container.NewVScroll(body))
	// Alt+→ takes the first step of the flow, as the highlighted button does.
	if !newScan.Disabled() {
		u.forward = u.showProfile
	}
	// One plan dropped here opens for review, several in the group overview.
	u.acceptDrops(func(paths []string) {
		if len(paths) == 1 {
			u.openForReview(paths[0])
			return
		}
		u.showGroup(paths)
	})
}

// rescanNote says when the next self-check is due, or that it is due now;
// nil before the first self-check.
func (u *UI) rescanNote() fyne.CanvasObject {
	next, ok, err := u.ws.NextSelfCheck()
	if err != nil {
		fyne.LogError("finding the next self-check", err)
	}
	if !ok {
		return nil
	}
	if plans.RescanDue(next, u.now()) {
		l := wrapped(lang.X("start.rescan.due", "Uw volgende zelfscan is aan de beurt (gepland op {{.Date}}). Een nieuwe zelfscan laat zien wat uw leerplan heeft opgeleverd.",
			map[string]any{"Date": formatDate(next)}))
		l.TextStyle.Bold = true
		return l
	}
	return hint(lang.X("start.rescan.planned", "Uw volgende zelfscan staat gepland op {{.Date}}.", map[string]any{"Date": formatDate(next)}))
}

// unfinished finds the newest self-check that still has unanswered
// indicators, with how far it got.
func (u *UI) unfinished() (workspace.Summary, assessment.Completeness, bool) {
	list, err := u.store.SelfChecks()
	if err != nil {
		fyne.LogError("listing self-checks", err)
		return workspace.Summary{}, assessment.Completeness{}, false
	}
	for _, sum := range list {
		req, err := u.fw().Required(sum.Profile.Organisation, sum.Profile.Function)
		if err != nil {
			continue // made with a framework that no longer knows this profile
		}
		sc, err := u.store.SelfCheck(sum.ID)
		if err != nil {
			fyne.LogError("reading a self-check", err)
			continue
		}
		if c := sc.Completeness(req); !c.Done() {
			return sum, c, true
		}
	}
	return workspace.Summary{}, assessment.Completeness{}, false
}

// Restore reopens the screen the user saw last; a self-check that no longer
// exists, or one in another data folder, sends them to the start screen.
func (u *UI) Restore() {
	p := u.app.Preferences()
	if p.String(prefLastStore) != u.store.Path() {
		u.ShowStart()
		return
	}
	id := int64(p.Int(prefSelfCheck))
	exists := func() bool {
		if id <= 0 {
			return false
		}
		_, err := u.store.SelfCheck(id)
		if err != nil && !errors.Is(err, workspace.ErrNotFound) {
			fyne.LogError("reopening the last self-check", err)
		}
		return err == nil
	}
	switch p.String(prefLastScreen) {
	case screenScan:
		if exists() && !u.store.ReadOnly() {
			u.showScan(id)
			return
		}
	case screenResults:
		if exists() {
			u.showResults(id)
			return
		}
	case screenPlan:
		if exists() {
			u.showPlan(id)
			return
		}
	case screenHistory:
		u.showHistory()
		return
	case screenProfile:
		if !u.store.ReadOnly() {
			u.showProfile()
			return
		}
	}
	u.ShowStart()
}

// heading is a screen title.
func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameHeadingText
	l.Wrapping = fyne.TextWrapWord
	return l
}

// wrapped is body text that wraps at the window edge.
func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// hint is secondary, smaller text.
// wrappedCard is a card whose title wraps: Fyne's card title does not, so
// a long one (an organisation and a function) would widen the window.
func wrappedCard(title string, content fyne.CanvasObject) *widget.Card {
	l := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	l.Wrapping = fyne.TextWrapWord
	return widget.NewCard("", "", container.NewVBox(l, content))
}

func hint(text string) *widget.Label {
	l := wrapped(text)
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// readOnlyBanner reminds the user that nothing they do is saved.
func readOnlyBanner() fyne.CanvasObject {
	l := wrapped(lang.X("readonly.banner", "Alleen-lezen: een ander venster van Zelfscan GGG heeft de gegevens open. U kunt kijken, maar niets wijzigen."))
	l.Importance = widget.WarningImportance
	return l
}

// formatDate shows a day the Dutch way, in local time.
func formatDate(t time.Time) string { return t.Local().Format("2-1-2006") }
