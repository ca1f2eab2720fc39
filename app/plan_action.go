package app

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zelfscan/app/widgets"
	"zelfscan/assessment"
	"zelfscan/plans"
)

// Sizes of the add-action dialog: as large as fits the smallest window.
const (
	addDialogWidth  = 900
	addDialogHeight = 620
	// maxResults caps the rows the catalogue tab shows; narrowing the
	// search finds the rest.
	maxResults = 60
	// maxSuggestions is how many proposals the first tab shows.
	maxSuggestions = 8
)

// addActionView is the open add-action dialog, kept so tests can drive it.
type addActionView struct {
	dialog    *dialog.CustomDialog
	tabs      *container.AppTabs
	search    *shortcutEntry
	kind      *widget.Select
	level     *widget.Select
	provider  *widget.Select
	results   *fyne.Container
	count     *widget.Label
	own       *shortcutEntry
	ownMsg    *widget.Label
	ownAdd    *widgets.KeyButton
	suggested *fyne.Container
}

// showAddAction opens the dialog to add an action for gap g: proposals,
// the whole catalogue, or an own description.
func (u *UI) showAddAction(ps *planState, g assessment.Gap) {
	cat := u.catalogue()
	v := &addActionView{}
	chosen := map[string]bool{}
	for _, a := range ps.plan.Actions {
		if a.CompetencyID == g.Competency.ID && a.ItemID != "" {
			chosen[a.ItemID] = true
		}
	}
	choose := func(it *plans.Item, own string) {
		if err := u.addAction(ps, g.Competency.ID, it, own); err != nil {
			u.showStoreError(err)
			return
		}
		v.dialog.Hide()
		u.renderPlan(ps)
		// The new action's date is what comes next; the redraw left no focus.
		if nv, ok := ps.actions[ps.plan.Actions[len(ps.plan.Actions)-1].ID]; ok {
			u.win.Canvas().Focus(nv.target)
		}
	}
	first := u.suggestedTab(v, cat, g, ps.sc.Profile, chosen, choose)
	v.tabs = container.NewAppTabs(
		container.NewTabItem(lang.X("plan.add.tabSuggested", "Voorgesteld"), focusScroll(v.suggested)),
		container.NewTabItem(lang.X("plan.add.tabCatalogue", "Hele catalogus"), u.catalogueTab(v, cat, chosen, choose)),
		container.NewTabItem(lang.X("plan.add.tabOwn", "Eigen actie"), focusScroll(u.ownTab(v, choose))),
	)
	u.openAddDialog(ps, g, v, first)
}

// chooseFunc adds the chosen catalogue item, or an own action (it nil).
type chooseFunc func(it *plans.Item, own string)

// suggestedTab fills v.suggested with the proposals for g in the order of
// plans.GapMatches.Suggestions: what reaches the required level; when
// nothing does, a plain statement and the workplace routes written out for
// this competency; then what stays below the level, as a first step. It
// never leaves the tab empty without saying why and what to do instead.
// It returns the first button that can be chosen, for the focus.
func (u *UI) suggestedTab(v *addActionView, cat *plans.Catalogue, g assessment.Gap, p assessment.Profile, chosen map[string]bool, choose chooseFunc) *widgets.KeyButton {
	v.suggested = container.NewVBox()
	var first *widgets.KeyButton
	gm := plans.Match(cat, []assessment.Gap{g}, p.Organisation, plans.ForFunction(p.Function), plans.Limit(maxSuggestions))[0]
	level := map[string]any{"Level": u.levelText(g.Required)}
	if gm.AtLevel == 0 {
		v.suggested.Add(warning(u.nothingAtLevelText(g, len(gm.Matches) > 0)))
	}
	part := plans.Part(-1)
	for _, s := range gm.Suggestions() {
		if s.Part != part {
			part = s.Part
			v.suggested.Add(sectionLabel(partHeading(part, level)))
		} else {
			v.suggested.Add(widget.NewSeparator())
		}
		var row fyne.CanvasObject
		var button *widgets.KeyButton
		if s.Route != nil {
			title, steps := explain(s.Route.Title()), explain(s.Route.Steps())
			row, button = u.routeRow(title, steps, func() { choose(nil, title+": "+steps) })
		} else {
			m := s.Match
			row, button = u.itemRow(m.Item, explain(m.Reason()), chosen[m.Item.ID], func() { choose(m.Item, "") })
		}
		v.suggested.Add(row)
		if first == nil && !button.Disabled() {
			first = button
		}
	}
	if gm.AtLevel == 0 {
		v.suggested.Add(u.otherWays(v))
	}
	return first
}

// partHeading is the heading above one part of the proposals.
func partHeading(p plans.Part, level map[string]any) string {
	switch p {
	case plans.PartAtLevel:
		return lang.X("plan.add.atLevel", "Op het vereiste niveau ({{.Level}})", level)
	case plans.PartRoute:
		return lang.X("plan.add.routes", "Op de werkplek tot niveau {{.Level}}: zo pakt u het aan voor deze competentie", level)
	}
	return lang.X("plan.add.below", "Lager dan niveau {{.Level}}: een eerste stap", level)
}

// nothingAtLevelText says plainly that the catalogue has nothing for this
// competency at its required level, and whether it has something lower.
func (u *UI) nothingAtLevelText(g assessment.Gap, lower bool) string {
	data := map[string]any{"Level": u.levelText(g.Required)}
	if lower {
		return lang.X("plan.add.nothingAtLevel",
			"Er is (nog) geen aanbod in de catalogus dat niveau {{.Level}} bereikt voor deze competentie. Hieronder staat wat u op de werkplek kunt doen, en wat er lager in de catalogus staat.", data)
	}
	return lang.X("plan.add.noSuggestions",
		"Er is (nog) geen aanbod in de catalogus voor deze competentie. Hieronder staat wat u op de werkplek kunt doen.", data)
}

// routeRow shows a workplace route with what to do; choosing it adds it as
// an own action in those words.
func (u *UI) routeRow(title, steps string, choose func()) (fyne.CanvasObject, *widgets.KeyButton) {
	t := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.Wrapping = fyne.TextWrapWord
	button := widgets.NewKeyButton(lang.X("plan.add.choose", "Kiezen"), choose)
	button.Icon = theme.ContentAddIcon()
	if u.store.ReadOnly() {
		button.Disable()
	}
	return container.NewBorder(nil, nil, nil, container.NewVBox(button), container.NewVBox(t, hint(steps))), button
}

// otherWays points to the whole catalogue and an own action, with buttons
// that open those tabs.
func (u *UI) otherWays(v *addActionView) fyne.CanvasObject {
	search := widgets.NewIconKeyButton(lang.X("plan.add.toCatalogue", "Zoek in de hele catalogus"), theme.SearchIcon(), func() { v.tabs.SelectIndex(1) })
	own := widgets.NewIconKeyButton(lang.X("plan.add.toOwn", "Beschrijf een eigen actie"), theme.DocumentCreateIcon(), func() { v.tabs.SelectIndex(2) })
	intro := wrapped(lang.X("plan.add.otherWays",
		"U kunt ook zelf zoeken, of een eigen actie beschrijven: bijvoorbeeld een casus inbrengen in de intervisie of meelopen met een collega die hier sterk in is."))
	return container.NewVBox(widget.NewSeparator(), intro, container.NewHBox(search, own))
}

// sectionLabel is a bold heading inside a tab.
func sectionLabel(s string) *widget.Label {
	l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

// catalogueTab is the whole catalogue with search and filters.
func (u *UI) catalogueTab(v *addActionView, cat *plans.Catalogue, chosen map[string]bool, choose chooseFunc) fyne.CanvasObject {
	// Our entry, so Alt+1..3 and Escape work while typing a search.
	v.search = newShortcutEntry(u, false)
	v.search.PlaceHolder = lang.X("plan.add.search", "Zoek op woorden uit titel, aanbieder of omschrijving")
	kinds, kindValues := choiceList(lang.X("plan.add.allKinds", "Alle soorten"), plans.Kinds(), func(k plans.Kind) (string, string) {
		return kindName(k), string(k)
	})
	levels, levelValues := choiceList(lang.X("plan.add.allLevels", "Alle niveaus"), plans.Levels(), func(l plans.Level) (string, string) {
		return levelName(l), string(l)
	})
	providers, providerValues := choiceList(lang.X("plan.add.allProviders", "Alle aanbieders"), providerChoices(cat), func(p [2]string) (string, string) {
		return p[0], p[1]
	})
	v.results = container.NewVBox()
	v.count = hint("")
	var resultsScroll *container.Scroll
	update := func() {
		filter := plans.Filter{
			Kind:     plans.Kind(kindValues[v.kind.SelectedIndex()]),
			Level:    plans.Level(levelValues[v.level.SelectedIndex()]),
			Provider: providerValues[v.provider.SelectedIndex()],
		}
		u.showSearchResults(v, plans.Search(cat, v.search.Text, filter), chosen, choose)
		if resultsScroll != nil {
			followFocus(resultsScroll, v.results)
		}
	}
	v.kind = widget.NewSelect(kinds, nil)
	v.level = widget.NewSelect(levels, nil)
	v.provider = widget.NewSelect(providers, nil)
	for _, sel := range []*widget.Select{v.kind, v.level, v.provider} {
		sel.SetSelectedIndex(0)
		sel.OnChanged = func(string) { update() }
	}
	v.search.OnChanged = func(string) { update() }
	update()
	filters := container.NewGridWithColumns(3, v.kind, v.level, v.provider)
	// The margin keeps the scroll bar off the "Kiezen" buttons.
	resultsScroll = focusScroll(container.NewBorder(nil, nil, nil, scrollMargin(), v.results))
	// Tab follows the order of the objects: the search and its filters
	// first, then the results (NewBorder would put them first).
	top := container.NewVBox(v.search, filters, v.count)
	return container.New(layout.NewBorderLayout(top, nil, nil, nil), top, resultsScroll)
}

// showSearchResults lists what a search found, with the count above it.
func (u *UI) showSearchResults(v *addActionView, found []*plans.Item, chosen map[string]bool, choose chooseFunc) {
	v.results.RemoveAll()
	switch {
	case len(found) == 0:
		v.count.SetText(lang.X("plan.add.none", "Niets gevonden. Probeer andere woorden of minder filters."))
	case len(found) > maxResults:
		v.count.SetText(lang.X("plan.add.many", "{{.Count}} gevonden; de eerste {{.Shown}} staan hieronder. Maak de zoekopdracht preciezer voor de rest.",
			map[string]any{"Count": len(found), "Shown": maxResults}))
		found = found[:maxResults]
	default:
		v.count.SetText(lang.X("plan.add.found", "{{.Count}} gevonden.", map[string]any{"Count": len(found)}))
	}
	for i, it := range found {
		if i > 0 {
			v.results.Add(widget.NewSeparator())
		}
		row, _ := u.itemRow(it, "", chosen[it.ID], func() { choose(it, "") })
		v.results.Add(row)
	}
}

// ownTab takes an own action in the person's words.
func (u *UI) ownTab(v *addActionView, choose chooseFunc) fyne.CanvasObject {
	v.own = newShortcutEntry(u, true)
	v.own.SetMinRowsVisible(3)
	v.own.PlaceHolder = lang.X("plan.add.ownPlaceholder",
		"Bijvoorbeeld: een casus inbrengen in de intervisie, meelopen met een collega van Veilig Thuis, een handreiking lezen en bespreken in het team.")
	v.ownMsg = widget.NewLabel("")
	v.ownMsg.Importance = widget.DangerImportance
	v.ownMsg.Hide()
	v.ownAdd = widgets.NewKeyButton(lang.X("plan.add.ownAdd", "Toevoegen"), func() {
		if strings.TrimSpace(v.own.Text) == "" {
			v.ownMsg.SetText(lang.X("plan.add.ownEmpty", "Beschrijf eerst wat u gaat doen."))
			v.ownMsg.Show()
			return
		}
		choose(nil, v.own.Text)
	})
	v.ownAdd.Icon = theme.ContentAddIcon()
	v.ownAdd.Importance = widget.HighImportance
	return container.NewVBox(wrapped(lang.X("plan.add.ownIntro", "Beschrijf een actie die niet in de catalogus staat.")),
		v.own, v.ownMsg, container.NewHBox(v.ownAdd))
}

// openAddDialog shows the dialog with the gap above the tabs, wires the tab
// shortcuts and puts the focus on the first proposal.
func (u *UI) openAddDialog(ps *planState, g assessment.Gap, v *addActionView, first *widgets.KeyButton) {
	gapLine := hint(g.Competency.Title + " · " + u.gapDetail(g))
	keys := hint(lang.X("plan.add.keys", "Alt+1, Alt+2 en Alt+3 wisselen van tabblad; Tab gaat naar de volgende knop."))
	body := container.NewBorder(gapLine, keys, nil, nil, v.tabs)

	v.dialog = dialog.NewCustom(lang.X("plan.add.title", "Actie toevoegen"), lang.X("plan.add.close", "Sluiten"), body, u.win)
	size := u.win.Canvas().Size()
	v.dialog.Resize(fyne.NewSize(min(addDialogWidth, size.Width-40), min(addDialogHeight, size.Height-40)))
	tabKeys := u.tabShortcuts(v)
	v.dialog.SetOnClosed(func() {
		for _, s := range tabKeys {
			u.removeShortcut(s)
		}
		ps.add = nil
	})
	ps.add = v
	u.showDialog(v.dialog)
	// Focus goes to the first proposal, so Tab and Space work at once.
	if first != nil {
		u.win.Canvas().Focus(first)
	}
	v.tabs.OnSelected = func(t *container.TabItem) {
		switch v.tabs.SelectedIndex() {
		case 1:
			u.win.Canvas().Focus(v.search)
		case 2:
			u.win.Canvas().Focus(v.own)
		}
	}
}

// tabShortcuts lets Alt+1..3 switch the dialog's tabs while it is open.
func (u *UI) tabShortcuts(v *addActionView) []*desktop.CustomShortcut {
	var out []*desktop.CustomShortcut
	for i, key := range []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3} {
		s := &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierAlt}
		u.addShortcut(s, func() { v.tabs.SelectIndex(i) })
		out = append(out, s)
	}
	return out
}

// removeShortcut undoes addShortcut.
func (u *UI) removeShortcut(s *desktop.CustomShortcut) {
	delete(u.shortcuts, shortcutKey(s))
	u.win.Canvas().RemoveShortcut(s)
}

// itemRow shows a catalogue item with a button to choose it; reason says
// why it is proposed (empty in search results).
func (u *UI) itemRow(it *plans.Item, reason string, chosen bool, choose func()) (fyne.CanvasObject, *widgets.KeyButton) {
	title := widget.NewLabelWithStyle(it.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	text := container.NewVBox(title, hint(itemDetail(it)))
	if reason != "" {
		r := hint(reason)
		r.TextStyle.Italic = true
		text.Add(r)
	}
	if it.Description != "" {
		text.Add(hint(it.Description))
	}
	button := widgets.NewKeyButton(lang.X("plan.add.choose", "Kiezen"), choose)
	button.Icon = theme.ContentAddIcon()
	if chosen {
		button.SetText(lang.X("plan.add.chosen", "Al gekozen"))
		button.Disable()
	}
	if u.store.ReadOnly() {
		button.Disable()
	}
	return container.NewBorder(nil, nil, nil, container.NewVBox(button), text), button
}

// choiceList makes the options of a filter Select: the "all" option first
// (value ""), then one per value, with the filter value per index.
func choiceList[T any](all string, values []T, label func(T) (text, value string)) (options, filterValues []string) {
	options, filterValues = []string{all}, []string{""}
	for _, v := range values {
		text, value := label(v)
		options = append(options, text)
		filterValues = append(filterValues, value)
	}
	return options, filterValues
}

// providerChoices lists the providers to filter on: the built-in list by
// ID, then the providers own items name, by their text.
func providerChoices(cat *plans.Catalogue) [][2]string {
	var out [][2]string
	seen := map[string]bool{}
	for _, p := range cat.Providers {
		out = append(out, [2]string{p.Name, p.ID})
		seen[strings.ToLower(p.Name)] = true
	}
	var own []string
	for _, it := range cat.Items() {
		key := strings.ToLower(strings.TrimSpace(it.Provider))
		if it.Origin == plans.OriginBuiltin || key == "" || seen[key] {
			continue
		}
		seen[key] = true
		own = append(own, strings.TrimSpace(it.Provider))
	}
	slices.Sort(own)
	for _, p := range own {
		out = append(out, [2]string{p, p})
	}
	return out
}
