package app

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

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
	search    *widget.Entry
	kind      *widget.Select
	level     *widget.Select
	provider  *widget.Select
	results   *fyne.Container
	count     *widget.Label
	own       *shortcutEntry
	ownMsg    *widget.Label
	ownAdd    *keyButton
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

	// Proposals, with the reason in words.
	v.suggested = container.NewVBox()
	// first is the first proposal that can be chosen; it gets the focus.
	var first *keyButton
	matches := plans.Match(cat, []assessment.Gap{g}, ps.sc.Profile.Organisation, plans.Limit(maxSuggestions))
	if len(matches) == 0 || len(matches[0].Matches) == 0 {
		v.suggested.Add(wrapped(lang.X("plan.add.noSuggestions",
			"De catalogus heeft geen aanbod dat bij deze competentie past. Zoek in de hele catalogus of beschrijf een eigen actie.")))
	} else {
		for i, m := range matches[0].Matches {
			if i > 0 {
				v.suggested.Add(widget.NewSeparator())
			}
			row, button := u.itemRow(m.Item, m.Reason, chosen[m.Item.ID], func() { choose(m.Item, "") })
			v.suggested.Add(row)
			if first == nil && !button.Disabled() {
				first = button
			}
		}
	}

	// The whole catalogue with search and filters.
	v.search = widget.NewEntry()
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
		found := plans.Search(cat, v.search.Text, filter)
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
	resultsScroll = focusScroll(v.results)
	catalogueTab := container.NewBorder(container.NewVBox(v.search, filters, v.count), nil, nil, nil, resultsScroll)

	// An own action in the person's words.
	v.own = newShortcutEntry(u, true)
	v.own.SetMinRowsVisible(3)
	v.own.PlaceHolder = lang.X("plan.add.ownPlaceholder",
		"Bijvoorbeeld: een casus inbrengen in de intervisie, meelopen met een collega van Veilig Thuis, een handreiking lezen en bespreken in het team.")
	v.ownMsg = widget.NewLabel("")
	v.ownMsg.Importance = widget.DangerImportance
	v.ownMsg.Hide()
	v.ownAdd = newKeyButton(lang.X("plan.add.ownAdd", "Toevoegen"), func() {
		if strings.TrimSpace(v.own.Text) == "" {
			v.ownMsg.SetText(lang.X("plan.add.ownEmpty", "Beschrijf eerst wat u gaat doen."))
			v.ownMsg.Show()
			return
		}
		choose(nil, v.own.Text)
	})
	v.ownAdd.Icon = theme.ContentAddIcon()
	v.ownAdd.Importance = widget.HighImportance
	ownTab := container.NewVBox(wrapped(lang.X("plan.add.ownIntro", "Beschrijf een actie die niet in de catalogus staat.")),
		v.own, v.ownMsg, container.NewHBox(v.ownAdd))

	v.tabs = container.NewAppTabs(
		container.NewTabItem(lang.X("plan.add.tabSuggested", "Voorgesteld"), focusScroll(v.suggested)),
		container.NewTabItem(lang.X("plan.add.tabCatalogue", "Hele catalogus"), catalogueTab),
		container.NewTabItem(lang.X("plan.add.tabOwn", "Eigen actie"), focusScroll(ownTab)),
	)
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
func (u *UI) itemRow(it *plans.Item, reason string, chosen bool, choose func()) (fyne.CanvasObject, *keyButton) {
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
	button := newKeyButton(lang.X("plan.add.choose", "Kiezen"), choose)
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
