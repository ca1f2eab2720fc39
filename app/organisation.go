package app

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zelfscan/app/widgets"
	"zelfscan/workspace"
)

// screenOrganisation is the anonymous organisation overview of many plans.
const screenOrganisation = "organisation"

// orgState is what the organisation overview holds: the folders chosen,
// the smallest group shown and the overview made of them.
type orgState struct {
	folders  []string
	minGroup int
	overview *workspace.OrganisationOverview
	err      error
}

// showOrganisation opens the organisation overview.
func (u *UI) showOrganisation() {
	u.renderOrganisation(&orgState{minGroup: workspace.MinGroupFloor})
}

// reorganise reads the folders again in the background and redraws.
func (u *UI) reorganise(st *orgState) {
	if len(st.folders) == 0 {
		u.renderOrganisation(st)
		return
	}
	cat := u.catalogue()
	var o *workspace.OrganisationOverview
	u.background(lang.X("organisation.reading", "De leerplannen worden gelezen…"), func() (err error) {
		o, err = workspace.ReadOrganisationOverview(st.folders, st.minGroup, cat)
		return err
	}, func(err error) {
		st.overview, st.err = o, err
		u.renderOrganisation(st)
	})
}

// minGroupField is the field for the smallest group shown, and the line
// that says in words why a value below the floor is refused.
func (u *UI) minGroupField(st *orgState) (field fyne.CanvasObject, problem *widget.Label) {
	minEntry := widget.NewEntry()
	minEntry.SetText(strconv.Itoa(st.minGroup))
	minEntry.Validator = func(s string) error {
		if n, err := strconv.Atoi(s); err != nil || n < workspace.MinGroupFloor {
			return fmt.Errorf("%s", lang.X("organisation.minInvalid", "Minstens {{.Floor}}", map[string]any{"Floor": workspace.MinGroupFloor}))
		}
		return nil
	}
	minEntry.OnSubmitted = func(s string) {
		if n, err := strconv.Atoi(s); err == nil && n >= workspace.MinGroupFloor && n != st.minGroup {
			st.minGroup = n
			u.reorganise(st)
		}
	}
	minLabel := widget.NewLabel(lang.X("organisation.minGroup", "Kleinste groep (Enter om toe te passen)"))
	// An entry outside a form shows only a red mark: say what is wrong.
	minProblem := warning("")
	minProblem.Hide()
	minEntry.SetOnValidationChanged(func(err error) {
		if err == nil {
			minProblem.Hide()
			return
		}
		minProblem.SetText(lang.X("organisation.minProblem", "Een kleinste groep van minder dan {{.Floor}} mensen kan niet: dan is iemands antwoord te herleiden. Het overzicht blijft bij {{.Min}}.",
			map[string]any{"Floor": workspace.MinGroupFloor, "Min": st.minGroup}))
		minProblem.Show()
	})
	return container.NewHBox(minLabel, minEntry), minProblem
}

func (u *UI) renderOrganisation(st *orgState) {
	header := container.NewVBox(heading(lang.X("organisation.title", "Organisatieoverzicht")),
		hint(lang.X("organisation.intro", "Voor opleidingscoördinatoren: kies een of meer mappen met leerplannen (.zelfscan of PDF). "+
			"Het overzicht telt per organisatie en functie hoeveel mensen op welk niveau zitten en wie welk aanbod volgde. Namen, notities "+
			"en reflecties worden niet gelezen; van een evaluatie alleen het cijfer voor het nut en een verbeterpunt dat iemand zelf "+
			"anoniem wilde delen. Een groep van minder dan {{.Min}} mensen wordt weggelaten.", map[string]any{"Min": st.minGroup})))
	folder := widgets.NewKeyButton(lang.X("organisation.addFolder", "Map toevoegen"), func() { u.chooseOrgFolder(st) })
	folder.Icon = theme.FolderOpenIcon()
	minGroup, minProblem := u.minGroupField(st)
	tools := container.NewBorder(nil, nil, folder, minGroup)

	body := container.NewVBox(tools, minProblem, u.orgFoldersCard(st))
	if st.err != nil {
		body.Add(warning(lang.X("organisation.failed", "Er is geen overzicht: {{.Reason}}", map[string]any{"Reason": explain(st.err)})))
	}
	if o := st.overview; o != nil && st.err == nil {
		body.Add(wrapped(orgSummary(o)))
		body.Add(hint(lang.X("organisation.method", "Zo blijft het anoniem: een groep staat er alleen in met minstens {{.Min}} verschillende mensen. "+
			"Alle aantallen zijn afgerond op vijftallen, willekeurig naar boven of beneden, maar voor dezelfde mensen steeds hetzelfde; "+
			"totalen en percentages zijn uit die afgeronde aantallen berekend. Zo is uit dit overzicht, ook naast een eerder of later "+
			"overzicht, niet af te lezen wat één persoon heeft ingevuld. Een 0 kan dus ook 1 tot 4 mensen zijn.", map[string]any{"Min": o.MinGroup})))
		for _, g := range o.Groups {
			body.Add(u.orgGroupCard(g))
		}
		if len(o.Effects) > 0 {
			body.Add(orgEffectsCard(o))
		}
		if len(o.Remarks) > 0 {
			body.Add(orgRemarksCard(o))
		}
	}
	if o := st.overview; o != nil {
		body.Add(u.orgProblems(o))
	}

	back := widgets.NewKeyButton(lang.X("review.back", "Terug naar start"), u.ShowStart)
	back.Icon = theme.NavigateBackIcon()
	ready := st.overview != nil && st.err == nil
	report := widgets.NewIconKeyButton(lang.X("organisation.quality", "Kwaliteitsrapport"), theme.DocumentSaveIcon(), func() { u.chooseQualityReport(st) })
	if !ready {
		report.Disable()
	}
	exports := container.NewHBox(report, exportButtons(ready, func(ext string) { u.chooseOrgExport(st, ext) }))
	footer := container.NewBorder(nil, nil, back, exports)
	u.show(screenOrganisation, container.NewBorder(header, footer, nil, nil, focusScroll(body)))
}

func (u *UI) chooseOrgFolder(st *orgState) {
	u.chooseFolder(lang.X("organisation.addFolder", "Map toevoegen"), func(dir string) {
		if !slices.Contains(st.folders, dir) {
			st.folders = append(st.folders, dir)
			u.reorganise(st)
		}
	})
}

// chooseFolder asks for a folder and passes its path on.
func (u *UI) chooseFolder(title string, chosen func(dir string)) {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			u.showFileProblem(lang.X("review.chooseFailed", "Het gekozen bestand kan niet worden gebruikt."), err)
			return
		}
		if dir != nil {
			chosen(dir.Path())
		}
	}, u.win)
	d.SetTitleText(title)
	d.Resize(fileDialogSize(u.win))
	u.showDialog(d)
}

// orgFoldersCard lists the chosen folders, each with a remove button.
func (u *UI) orgFoldersCard(st *orgState) fyne.CanvasObject {
	box := container.NewVBox()
	if len(st.folders) == 0 {
		box.Add(hint(lang.X("organisation.none", "Nog geen map gekozen.")))
	}
	for i, f := range st.folders {
		remove := widgets.NewIconKeyButton(lang.X("group.remove", "Weghalen"), theme.DeleteIcon(), func() {
			st.folders = slices.Delete(st.folders, i, i+1)
			st.overview, st.err = nil, nil
			u.reorganise(st)
		})
		remove.Importance = widget.LowImportance
		box.Add(container.NewBorder(nil, nil, nil, remove, wrapped(f)))
	}
	return widget.NewCard(lang.X("organisation.folders", "Mappen"), "", box)
}

// orgGroupCard shows one function of one organisation: the most shared
// gaps as bars of the share with a gap, and the offers that help most.
func (u *UI) orgGroupCard(g workspace.OrganisationGroup) fyne.CanvasObject {
	box := container.NewVBox()
	if len(g.SharedGaps) == 0 {
		box.Add(hint(lang.X("organisation.noShared", "Geen tekort dat genoeg mensen delen om te tonen.")))
	}
	for _, r := range g.SharedGaps {
		bar := widget.NewProgressBar()
		bar.SetValue(r.Share())
		bar.TextFormatter = func() string { return r.ShareText() }
		line := lang.X("organisation.gapLine", "{{.Title}}: {{.Count}} van {{.Assessed}} met tekort",
			map[string]any{"Title": r.Title, "Count": r.WithGap().N, "Assessed": r.Assessed().N})
		box.Add(container.NewVBox(wrapped(line), bar))
	}
	for _, f := range g.Offers {
		box.Add(hint(lang.X("organisation.offerLine", "Aanbod: {{.Title}} — voor {{.For}} ({{.Count}} met tekort)",
			map[string]any{"Title": f.Item.Title, "For": f.For, "Count": f.People})))
	}
	for _, p := range g.Participation {
		if !p.Withheld && p.InPlan().N > 0 {
			box.Add(hint(participationLine(p)))
		}
	}
	title := lang.XN("organisation.group", "{{.Organisation}} — {{.Function}} ({{.Count}} mensen)", g.Members,
		map[string]any{"Organisation": g.Organisation, "Function": g.Function, "Count": g.Members})
	return wrappedCard(title, box)
}

// orgSummary says what was read and what is left out, in the window's
// language, from the figures of the release.
func orgSummary(o *workspace.OrganisationOverview) string {
	parts := []string{lang.X("organisation.summary", "Gelezen: ongeveer {{.Files}} bestanden, {{.Skipped}} overgeslagen. In de getoonde groepen: {{.People}} deelnemers.",
		map[string]any{"Files": o.Files, "Skipped": o.FilesSkipped, "People": o.People()})}
	if o.Duplicates > 0 {
		parts = append(parts, lang.X("organisation.duplicates", "Ongeveer {{.Count}} bestanden waren een kopie of een ouder leerplan van iemand die al meetelt.",
			map[string]any{"Count": o.Duplicates}))
	}
	if o.SmallGroups > 0 {
		parts = append(parts, lang.X("organisation.smallGroups", "{{.Groups}} groepen hadden minder dan {{.Min}} deelnemers (samen ongeveer {{.People}}) en staan er niet in.",
			map[string]any{"Groups": o.SmallGroups, "Min": o.MinGroup, "People": o.SmallGroupPeople}))
	}
	if o.AnyWithoutID {
		parts = append(parts, lang.X("organisation.withoutID", "Ongeveer {{.Count}} leerplannen komen uit een oudere versie zonder persoons-id; die tellen elk als één persoon.",
			map[string]any{"Count": o.WithoutID}))
	}
	if o.Withheld > 0 {
		parts = append(parts, lang.X("organisation.withheld", "{{.Count}} competenties in een groep zijn niet getoond, omdat hun cijfers samen te veel zouden zeggen.",
			map[string]any{"Count": o.Withheld}))
	}
	return strings.Join(parts, " ")
}

// orgProblems lists the files that were skipped, with why.
func (u *UI) orgProblems(o *workspace.OrganisationOverview) fyne.CanvasObject {
	box := container.NewVBox()
	if len(o.Problems) == 0 {
		box.Add(hint(lang.X("organisation.noProblems", "Alle bestanden konden worden gelezen.")))
	}
	for _, p := range o.Problems {
		box.Add(warning(lang.X("organisation.skipped", "Overgeslagen: {{.Name}}: {{.Reason}}", map[string]any{"Name": p.Name, "Reason": explain(p.Reason)})))
	}
	return widget.NewCard(lang.X("organisation.problems", "Overgeslagen bestanden ({{.Count}})", map[string]any{"Count": len(o.Problems)}), "", box)
}

func (u *UI) chooseOrgExport(st *orgState, ext string) {
	o := st.overview
	if o == nil {
		return
	}
	name := "organisatieoverzicht-" + u.now().Format("2006-01-02") + ext
	u.chooseSavePath(name, ext, func(path string) {
		created := u.now()
		u.saveInBackground(path, lang.X("organisation.exporting", "Het organisatieoverzicht wordt bewaard…"), func(w io.Writer) error {
			if ext == ".csv" {
				return o.WriteCSV(w)
			}
			return workspace.WriteOrganisationOverviewPDF(w, o, created)
		}, lang.X("organisation.exportFailed", "Het organisatieoverzicht kon niet worden bewaard in {{.Path}}. Kies een andere map, of kijk of er ruimte op de schijf is.",
			map[string]any{"Path": shownPath(path)}),
			lang.X("organisation.exportedTitle", "Organisatieoverzicht bewaard"),
			lang.X("organisation.exported", "Het organisatieoverzicht staat in {{.Path}}. Er staat geen groep in van minder dan {{.Min}} mensen, en alle aantallen zijn afgerond op vijftallen.",
				map[string]any{"Path": shownPath(path), "Min": o.MinGroup}))
	})
}

// participationLine is an offer's participation within a group.
func participationLine(p workspace.Participation) string {
	ratings := make([]string, len(p.Ratings))
	for i, c := range p.Ratings {
		ratings[i] = c.String()
	}
	return lang.X("organisation.participationLine", "Deelname: {{.Title}} — {{.InPlan}} in plan: {{.Planned}} gepland, {{.Started}} bezig, "+
		"{{.Completed}} afgerond; nut 1 tot 5: {{.Ratings}}; zonder oordeel {{.NotRated}}",
		map[string]any{"Title": p.Offer.Title, "InPlan": p.InPlan().N, "Planned": p.Planned.N, "Started": p.Started.N,
			"Completed": p.Completed().N, "Ratings": strings.Join(ratings, " / "), "NotRated": p.NotRated.N})
}

// orgEffectsCard shows the change per offer and competency beside the
// change of people who completed no action for the competency, with what
// that is and is not.
func orgEffectsCard(o *workspace.OrganisationOverview) fyne.CanvasObject {
	box := container.NewVBox(hint(lang.X("organisation.effectNote", "Effect is wat mensen zelf bij hun volgende zelfscan invullen: "+
		"de verandering van hun gemiddelde per competentie (0 tot 3). Het is een eigen inschatting zonder vergelijkingsgroep die door "+
		"loting is gekozen; wie een aanbod volgt, kan ook op andere punten verschillen. Daarom staat ernaast hoe het ging bij mensen "+
		"die voor dezelfde competentie geen actie afrondden.")))
	for _, e := range o.Effects {
		box.Add(wrapped(lang.X("organisation.effectLine", "{{.Offer}} — {{.Competency}}\nMet dit aanbod: {{.Took}}\nZonder actie voor deze competentie: {{.Others}}",
			map[string]any{"Offer": e.Offer.Title, "Competency": e.Competency, "Took": bandsText(e.Took), "Others": bandsText(e.Others)})))
	}
	return widget.NewCard(lang.X("organisation.effects", "Effect per aanbod en competentie"), "", box)
}

// bandsText is one set of people's change, in the window's language.
func bandsText(b workspace.Bands) string {
	switch {
	case !b.Shown:
		return lang.X("organisation.bandsTooFew", "te weinig mensen om te tonen")
	case b.Withheld:
		return lang.X("organisation.bandsWithheld", "niet getoond")
	}
	names := append(bandNames(), "–")
	median := int(b.Quantile(0.5))
	if median < 0 {
		median = len(names) - 1
	}
	parts := make([]string, len(b.Counts))
	for k, c := range b.Counts {
		parts[k] = names[k] + ": " + c.String()
	}
	return lang.X("organisation.bands", "{{.People}} mensen — {{.Bands}}; mediaan: {{.Median}}",
		map[string]any{"People": b.People().N, "Bands": strings.Join(parts, ", "), "Median": names[median]})
}

// bandNames are the bands of Bands in order, in the window's language.
func bandNames() []string {
	return []string{lang.X("organisation.band.lower", "lager"), lang.X("organisation.band.same", "gelijk"),
		lang.X("organisation.band.up", "minder dan 1 hoger"), lang.X("organisation.band.upOne", "1 of meer hoger")}
}

// maxRemarksShown keeps the screen short for thousands of plans; the PDF
// and CSV have every remark.
const maxRemarksShown = 10

// orgRemarksCard lists the improvement points people chose to share.
func orgRemarksCard(o *workspace.OrganisationOverview) fyne.CanvasObject {
	box := container.NewVBox(hint(lang.X("organisation.remarksNote", "Alleen wat deelnemers zelf anoniem wilden delen, en alleen bij aanbod "+
		"dat minstens {{.Min}} mensen afrondden; zonder datum of naam, in willekeurige volgorde.", map[string]any{"Min": o.MinGroup})))
	for _, r := range o.Remarks {
		title := wrapped(r.Offer.Title)
		title.TextStyle.Bold = true
		box.Add(title)
		for _, t := range r.Remarks[:min(len(r.Remarks), maxRemarksShown)] {
			box.Add(wrapped("• " + t))
		}
		if more := len(r.Remarks) - maxRemarksShown; more > 0 {
			box.Add(hint(lang.X("organisation.moreRemarks", "En nog {{.Count}} in de PDF en de CSV.", map[string]any{"Count": more})))
		}
	}
	return widget.NewCard(lang.X("organisation.remarks", "Verbeterpunten van deelnemers"), "", box)
}

// chooseQualityReport saves the quality report for the committee: this
// overview with the coverage of the framework in use and the catalogue
// with the own offer, as one PDF.
func (u *UI) chooseQualityReport(st *orgState) {
	o := st.overview
	if o == nil {
		return
	}
	u.chooseSavePath("kwaliteitsrapport-"+u.now().Format("2006-01-02")+".pdf", ".pdf", func(path string) { u.saveQualityReport(o, path) })
}

// saveQualityReport writes the report of o to path in the background.
func (u *UI) saveQualityReport(o *workspace.OrganisationOverview, path string) {
	r := u.ws.QualityReport(o, u.catalogue())
	created := u.now()
	shown := map[string]any{"Path": shownPath(path)}
	u.saveInBackground(path, lang.X("organisation.qualitySaving", "Het kwaliteitsrapport wordt bewaard…"),
		func(w io.Writer) error { return workspace.WriteQualityPDF(w, r, created) },
		lang.X("organisation.qualityFailed", "Het kwaliteitsrapport kon niet worden bewaard in {{.Path}}. Kies een andere map, of kijk of er ruimte op de schijf is.", shown),
		lang.X("organisation.qualitySavedTitle", "Kwaliteitsrapport bewaard"),
		lang.X("organisation.qualitySaved", "Het kwaliteitsrapport staat in {{.Path}}: leerbehoeften, dekking van het aanbod, deelname, ervaringen en effect, met dezelfde bescherming als het overzicht.", shown))
}
