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
	"zelfscan/documents/pdf"
	"zelfscan/overview"
	"zelfscan/safefile"
)

// screenOrganisation is the anonymous organisation overview of many plans.
const screenOrganisation = "organisation"

// orgState is what the organisation overview holds: the folders chosen,
// the smallest group shown and the overview made of them.
type orgState struct {
	folders  []string
	minGroup int
	overview *overview.Overview
	err      error
}

// showOrganisation opens the organisation overview.
func (u *UI) showOrganisation() {
	u.renderOrganisation(&orgState{minGroup: overview.MinGroupFloor})
}

// reorganise reads the folders again in the background and redraws.
func (u *UI) reorganise(st *orgState) {
	if len(st.folders) == 0 {
		u.renderOrganisation(st)
		return
	}
	cat := u.catalogue()
	var o *overview.Overview
	u.background(lang.X("organisation.reading", "De leerplannen worden gelezen…"), func() error {
		b, err := overview.NewBuilder(st.minGroup)
		if err != nil {
			return err
		}
		overview.ReadFolders(st.folders, b)
		o, err = b.Result(cat)
		return err
	}, func(err error) {
		st.overview, st.err = o, err
		u.renderOrganisation(st)
	})
}

func (u *UI) renderOrganisation(st *orgState) {
	header := container.NewVBox(heading(lang.X("organisation.title", "Organisatieoverzicht")),
		hint(lang.X("organisation.intro", "Voor opleidingscoördinatoren: kies een of meer mappen met leerplannen (.zelfscan of PDF). "+
			"Het overzicht telt per organisatie en functie hoeveel mensen op welk niveau zitten. Namen, notities, reflecties en "+
			"evaluaties worden niet gelezen, en een groep van minder dan {{.Min}} mensen wordt weggelaten.", map[string]any{"Min": st.minGroup})))
	folder := widgets.NewKeyButton(lang.X("organisation.addFolder", "Map toevoegen"), func() { u.chooseOrgFolder(st) })
	folder.Icon = theme.FolderOpenIcon()
	minEntry := widget.NewEntry()
	minEntry.SetText(strconv.Itoa(st.minGroup))
	minEntry.Validator = func(s string) error {
		if n, err := strconv.Atoi(s); err != nil || n < overview.MinGroupFloor {
			return fmt.Errorf("%s", lang.X("organisation.minInvalid", "Minstens {{.Floor}}", map[string]any{"Floor": overview.MinGroupFloor}))
		}
		return nil
	}
	minEntry.OnSubmitted = func(s string) {
		if n, err := strconv.Atoi(s); err == nil && n >= overview.MinGroupFloor && n != st.minGroup {
			st.minGroup = n
			u.reorganise(st)
		}
	}
	minLabel := widget.NewLabel(lang.X("organisation.minGroup", "Kleinste groep (Enter om toe te passen)"))
	tools := container.NewBorder(nil, nil, folder, container.NewHBox(minLabel, minEntry))

	body := container.NewVBox(tools, u.orgFoldersCard(st))
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
	}
	if o := st.overview; o != nil {
		body.Add(u.orgProblems(o))
	}

	back := widgets.NewKeyButton(lang.X("review.back", "Terug naar start"), u.ShowStart)
	back.Icon = theme.NavigateBackIcon()
	exports := exportButtons(st.overview != nil && st.err == nil, func(ext string) { u.chooseOrgExport(st, ext) })
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
func (u *UI) orgGroupCard(g overview.Group) fyne.CanvasObject {
	box := container.NewVBox()
	if len(g.SharedGaps) == 0 {
		box.Add(hint(lang.X("organisation.noShared", "Geen tekort dat genoeg mensen delen om te tonen.")))
	}
	for _, r := range g.SharedGaps {
		bar := widget.NewProgressBar()
		bar.SetValue(r.Share())
		bar.TextFormatter = func() string { return overview.ShareText(r) }
		line := lang.X("organisation.gapLine", "{{.Title}}: {{.Count}} van {{.Assessed}} met tekort",
			map[string]any{"Title": r.Title, "Count": r.WithGap().N, "Assessed": r.Assessed().N})
		box.Add(container.NewVBox(wrapped(line), bar))
	}
	for _, f := range g.Offers {
		box.Add(hint(lang.X("organisation.offerLine", "Aanbod: {{.Title}} — voor {{.For}} ({{.Count}} met tekort)",
			map[string]any{"Title": f.Item.Title, "For": f.For, "Count": f.People})))
	}
	title := lang.XN("organisation.group", "{{.Organisation}} — {{.Function}} ({{.Count}} mensen)", g.Members,
		map[string]any{"Organisation": g.Organisation, "Function": g.Function, "Count": g.Members})
	return widget.NewCard(title, "", box)
}

// orgSummary says what was read and what is left out, in the window's
// language, from the figures of the release.
func orgSummary(o *overview.Overview) string {
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
func (u *UI) orgProblems(o *overview.Overview) fyne.CanvasObject {
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
		u.background(lang.X("organisation.exporting", "Het organisatieoverzicht wordt bewaard…"), func() error {
			if ext == ".csv" {
				return writeFileAtomic(path, o.WriteCSV)
			}
			return writeFileAtomic(path, func(w io.Writer) error { return pdf.RenderOverview(w, o, created) })
		}, func(err error) {
			if err != nil {
				safefile.RemoveEmpty(path)
				u.showFileProblem(lang.X("organisation.exportFailed", "Het organisatieoverzicht kon niet worden bewaard in {{.Path}}. Kies een andere map, of kijk of er ruimte op de schijf is.",
					map[string]any{"Path": path}), err)
				return
			}
			u.showDone(lang.X("organisation.exportedTitle", "Organisatieoverzicht bewaard"), lang.X("organisation.exported",
				"Het organisatieoverzicht staat in {{.Path}}. Er staat geen groep in van minder dan {{.Min}} mensen, en alle aantallen zijn afgerond op vijftallen.", map[string]any{"Path": path, "Min": o.MinGroup}))
		})
	})
}
