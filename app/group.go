package app

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zelfscan/app/widgets"
	"zelfscan/documents/chart"
	"zelfscan/workspace"
)

// screenGroup is the group overview: several people's plan files at once.
const screenGroup = "group"

// groupState is what the group overview holds: the files that loaded, the
// ones that did not (with why), and the overview made of the first.
type groupState struct {
	files     []loaded // read without error, in the order added
	failed    []loaded
	anonymous bool
	overview  *workspace.GroupOverview
	// err is why no overview could be made, nil when it was.
	err error
}

// showGroup opens the group overview, loading paths first when given
// (files dropped on the start screen).
func (u *UI) showGroup(paths []string) {
	gs := &groupState{}
	u.groupView = gs
	u.renderGroup(gs)
	if len(paths) > 0 {
		u.addGroupFiles(gs, paths)
	}
}

// addGroupFiles reads the files in the background and adds those that
// load; the others are listed with their error. A path already loaded is
// skipped.
func (u *UI) addGroupFiles(gs *groupState, paths []string) {
	var fresh []string
	for _, p := range paths {
		known := slices.ContainsFunc(gs.files, func(l loaded) bool { return l.path == p }) ||
			slices.ContainsFunc(gs.failed, func(l loaded) bool { return l.path == p })
		if !known && !slices.Contains(fresh, p) {
			fresh = append(fresh, p)
		}
	}
	if len(fresh) == 0 {
		return
	}
	u.readPlanFiles(fresh, func(res []loaded) {
		for _, l := range res {
			if l.err != nil {
				gs.failed = append(gs.failed, l)
			} else {
				gs.files = append(gs.files, l)
			}
		}
		u.regroup(gs)
	})
}

// addGroupFolder adds every plan file and PDF in dir.
func (u *UI) addGroupFolder(gs *groupState, dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		u.showFileProblem(lang.X("group.folderFailed", "De map {{.Path}} kan niet worden gelezen.", map[string]any{"Path": shownPath(dir)}), err)
		return
	}
	var paths []string
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if e.Type().IsRegular() && (ext == workspace.PlanFileExtension || ext == ".pdf") {
			paths = append(paths, filepath.Join(dir, e.Name()))
		}
	}
	if len(paths) == 0 {
		u.showFileProblem(lang.X("group.folderEmpty", "In de map {{.Path}} staan geen planbestanden (.zelfscan) of PDF's.", map[string]any{"Path": shownPath(dir)}), nil)
		return
	}
	u.addGroupFiles(gs, paths)
}

// regroup makes the overview again from the loaded files and redraws.
func (u *UI) regroup(gs *groupState) {
	gs.overview, gs.err = nil, nil
	if len(gs.files) > 0 {
		files := make([]*workspace.PlanFile, len(gs.files))
		for i, l := range gs.files {
			files[i] = l.file
		}
		var storeErr error
		gs.overview, storeErr, gs.err = u.ws.GroupOverview(files, gs.anonymous)
		if storeErr != nil {
			u.showStoreError(storeErr)
		}
	}
	if u.groupView == gs {
		u.renderGroup(gs)
	}
}

// renderGroup draws the group overview screen.
func (u *UI) renderGroup(gs *groupState) {
	header := container.NewVBox(heading(lang.X("group.title", "Groepsoverzicht")),
		hint(lang.X("group.intro", "Voeg de planbestanden (.zelfscan) of PDF's van de groep toe, of sleep ze op dit venster. "+
			"Het overzicht toont alleen niveaus en tekorten: geen notities, reflecties of evaluaties. Er wordt niets bewaard.")))

	add := widgets.NewKeyButton(lang.X("group.addFile", "Bestand toevoegen"), func() {
		u.choosePlanFile(lang.X("group.addFile", "Bestand toevoegen"), func(p string) { u.addGroupFiles(gs, []string{p}) })
	})
	add.Icon = theme.ContentAddIcon()
	folder := widgets.NewKeyButton(lang.X("group.addFolder", "Map kiezen"), func() { u.chooseGroupFolder(gs) })
	folder.Icon = theme.FolderOpenIcon()
	names := widget.NewRadioGroup([]string{lang.X("group.showNames", "Namen tonen"), lang.X("group.anonymous", "Anoniem")}, nil)
	names.Horizontal = true
	names.Required = true
	if gs.anonymous {
		names.Selected = names.Options[1]
	} else {
		names.Selected = names.Options[0]
	}
	names.OnChanged = func(s string) {
		if anon := s == names.Options[1]; anon != gs.anonymous {
			gs.anonymous = anon
			u.regroup(gs)
		}
	}
	tools := container.NewBorder(nil, nil, container.NewHBox(add, folder), names)

	body := container.NewVBox(tools, u.groupFilesCard(gs))
	if gs.err != nil {
		body.Add(warning(lang.X("group.failed", "Het overzicht kon niet worden gemaakt: {{.Reason}}", map[string]any{"Reason": explainList(gs.err)})))
	}
	if o := gs.overview; o != nil {
		for _, w := range o.Warnings {
			body.Add(warning(w))
		}
		body.Objects = append(body.Objects, u.groupHeatmap(o), u.groupShared(o), u.groupTable(o), u.groupSuggestions(o))
	}

	back := widgets.NewKeyButton(lang.X("review.back", "Terug naar start"), func() {
		u.groupView = nil
		u.ShowStart()
	})
	back.Icon = theme.NavigateBackIcon()
	exports := exportButtons(gs.overview != nil, func(ext string) { u.chooseGroupExport(gs, ext) })
	footer := container.NewBorder(nil, nil, back, exports)

	u.show(screenGroup, container.NewBorder(header, footer, nil, nil, focusScroll(body)))
	u.acceptDrops(func(paths []string) { u.addGroupFiles(gs, paths) })
}

// exportButtons are the overviews' "CSV exporteren" and "PDF exporteren",
// which hand export the file extension; disabled while there is nothing to
// export.
func exportButtons(enabled bool, export func(ext string)) fyne.CanvasObject {
	csvButton := widgets.NewIconKeyButton(lang.X("group.csv", "CSV exporteren"), theme.DocumentSaveIcon(), func() { export(".csv") })
	pdfButton := widgets.NewIconKeyButton(lang.X("group.pdf", "PDF exporteren"), theme.DocumentSaveIcon(), func() { export(".pdf") })
	pdfButton.Importance = widget.HighImportance
	if !enabled {
		csvButton.Disable()
		pdfButton.Disable()
	}
	return container.NewHBox(csvButton, pdfButton)
}

// chooseGroupFolder asks for a folder and adds its plan files.
func (u *UI) chooseGroupFolder(gs *groupState) {
	u.chooseFolder(lang.X("group.addFolder", "Map kiezen"), func(dir string) { u.addGroupFolder(gs, dir) })
}

// groupFilesCard lists the loaded files with their member, each with a
// remove button, and the files that failed with their error.
func (u *UI) groupFilesCard(gs *groupState) fyne.CanvasObject {
	box := container.NewVBox()
	if len(gs.files) == 0 && len(gs.failed) == 0 {
		box.Add(hint(lang.X("group.none", "Nog geen bestanden toegevoegd.")))
	}
	for i, l := range gs.files {
		text := filepath.Base(l.path)
		if o := gs.overview; o != nil {
			for _, m := range o.Members {
				if m.PlanUID == l.file.PlanUID {
					// The app names exported plans after their owner, so
					// the file name would give an anonymous member away.
					if gs.anonymous {
						text = memberLine(m)
					} else {
						text = memberLine(m) + " — " + text
					}
					break
				}
			}
		}
		remove := widgets.NewIconKeyButton(lang.X("group.remove", "Weghalen"), theme.DeleteIcon(), func() {
			gs.files = slices.Delete(gs.files, i, i+1)
			u.regroup(gs)
		})
		remove.Importance = widget.LowImportance
		box.Add(container.NewBorder(nil, nil, nil, remove, wrapped(text)))
	}
	for i, l := range gs.failed {
		remove := widgets.NewIconKeyButton(lang.X("group.remove", "Weghalen"), theme.DeleteIcon(), func() {
			gs.failed = slices.Delete(gs.failed, i, i+1)
			u.renderGroup(gs)
		})
		remove.Importance = widget.LowImportance
		msg := warning(lang.X("group.skipped", "Overgeslagen: {{.Reason}}", map[string]any{"Reason": explainList(l.err)}))
		box.Add(container.NewBorder(nil, nil, nil, remove, msg))
	}
	n := 0
	if gs.overview != nil {
		n = len(gs.overview.Members)
	}
	return widget.NewCard(lang.X("group.members", "Deelnemers ({{.Count}})", map[string]any{"Count": n}), "", box)
}

// memberLine is "Name (team) · organisation · function · n tekorten".
func memberLine(m workspace.GroupMember) string {
	name := m.Name
	if m.Team != "" {
		name += " (" + m.Team + ")"
	}
	parts := []string{name}
	for _, s := range []string{m.Organisation, m.Function} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	parts = append(parts, lang.XN("group.gapCount", "{{.Count}} tekorten", m.Gaps, map[string]any{"Count": m.Gaps}))
	return strings.Join(parts, " · ")
}

// groupHeatmap draws who has which gap, with what the numbers mean.
func (u *UI) groupHeatmap(o *workspace.GroupOverview) fyne.CanvasObject {
	title := lang.X("group.heatmap", "Tekorten per competentie en deelnemer")
	rows, cols, values := o.Heatmap()
	if len(rows) == 0 {
		return widget.NewCard(title, "", wrapped(lang.X("group.noGaps", "Niemand in de groep heeft een tekort.")))
	}
	caption := hint(lang.X("group.heatmapCaption", "Elk getal is het tekort van één deelnemer op één competentie: "+
		"hoe ver het gemiddelde van de antwoorden onder het vereiste niveau ligt (1 is een heel niveau). 0 is geen tekort; een leeg vak betekent dat "+
		"de competentie niet bij het functieprofiel van die deelnemer hoort."))
	img, err := chart.GroupHeatmap(rows, cols, values, u.chartOptions())
	if err != nil {
		return widget.NewCard(title, "", wrapped(lang.X("results.chartFailed", "De grafiek kon niet worden getekend.")))
	}
	return widget.NewCard(title, "", container.NewVBox(chartImage(img), caption))
}

// groupShared lists the gaps two or more members share.
func (u *UI) groupShared(o *workspace.GroupOverview) fyne.CanvasObject {
	title := lang.X("group.shared", "Meest gedeelde tekorten")
	shared := o.Shared(2)
	if len(shared) == 0 {
		return widget.NewCard(title, "", wrapped(lang.X("group.noShared", "Geen tekort komt bij meer dan één deelnemer voor.")))
	}
	box := container.NewVBox()
	for _, c := range shared {
		box.Add(wrapped(lang.XN("group.sharedLine", "{{.Title}}: {{.Count}} deelnemers ({{.Names}})", len(c.WithGap),
			map[string]any{"Title": c.Title, "Count": len(c.WithGap), "Names": strings.Join(o.Names(c.WithGap), ", ")})))
	}
	return widget.NewCard(title, "", box)
}

// groupTable shows, per competency with a gap, how many members were
// assessed, how many fall short and by how much.
func (u *UI) groupTable(o *workspace.GroupOverview) fyne.CanvasObject {
	box := container.NewVBox()
	none := 0
	for _, c := range o.Competencies {
		if len(c.WithGap) == 0 {
			none++
			continue
		}
		var sizes []string
		for s, n := range c.Sizes {
			if n > 0 {
				sizes = append(sizes, lang.X("group.sizeCount", "{{.Size}} niveau(s): {{.Count}}", map[string]any{"Size": s + 1, "Count": n}))
			}
		}
		title := widget.NewLabelWithStyle(c.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		title.Wrapping = fyne.TextWrapWord
		counts := hint(lang.X("group.row", "{{.Gaps}} van {{.Assessed}} beoordeelden met tekort ({{.Sizes}}) · gemiddeld {{.Average}} · {{.Names}}",
			map[string]any{"Gaps": len(c.WithGap), "Assessed": c.Assessed, "Sizes": strings.Join(sizes, ", "),
				"Average": decimal(c.AverageGap()), "Names": strings.Join(o.Names(c.WithGap), ", ")}))
		box.Add(container.NewVBox(title, counts))
	}
	if none > 0 {
		box.Add(hint(lang.XN("group.withoutGaps", "Bij {{.Count}} andere competenties heeft niemand een tekort.", none, map[string]any{"Count": none})))
	}
	return widget.NewCard(lang.X("group.perCompetency", "Per competentie"), "", box)
}

// groupSuggestions lists joint activities with why they are suggested.
func (u *UI) groupSuggestions(o *workspace.GroupOverview) fyne.CanvasObject {
	title := lang.X("group.suggestions", "Voorstellen voor de groep")
	if len(o.Suggestions) == 0 {
		return widget.NewCard(title, "", wrapped(lang.X("group.noSuggestions", "De catalogus heeft geen aanbod dat tekorten van meerdere deelnemers dekt.")))
	}
	box := container.NewVBox()
	for _, s := range o.Suggestions {
		t := widget.NewLabelWithStyle(s.Item.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		t.Wrapping = fyne.TextWrapWord
		detail := []string{lang.X("group.for", "Voor: {{.Names}}", map[string]any{"Names": strings.Join(o.Names(s.Members), ", ")})}
		if s.Item.Provider != "" {
			detail = append(detail, s.Item.Provider)
		}
		box.Add(container.NewVBox(t, hint(strings.Join(detail, " · ")), wrapped(explain(s.Reason))))
	}
	return widget.NewCard(title, "", box)
}

// chooseGroupExport asks where to save the overview as CSV or PDF.
func (u *UI) chooseGroupExport(gs *groupState, ext string) {
	if gs.overview == nil {
		return
	}
	name := "groepsoverzicht-" + u.now().Format("2006-01-02") + ext
	u.chooseSavePath(name, ext, func(path string) { u.exportGroup(gs.overview, path, ext) })
}

// exportGroup writes the overview as CSV or PDF, atomically, in the background.
func (u *UI) exportGroup(o *workspace.GroupOverview, path, ext string) {
	created := u.now()
	shown := map[string]any{"Path": shownPath(path)}
	u.saveInBackground(path, lang.X("group.exporting", "Het groepsoverzicht wordt bewaard…"), func(w io.Writer) error {
		if ext == ".csv" {
			return o.WriteCSV(w)
		}
		return workspace.WriteGroupPDF(w, o, created)
	}, lang.X("group.exportFailed", "Het groepsoverzicht kon niet worden bewaard in {{.Path}}. Kies een andere map, of kijk of er ruimte op de schijf is.", shown),
		lang.X("group.exportedTitle", "Groepsoverzicht bewaard"),
		lang.X("group.exported", "Het groepsoverzicht staat in {{.Path}}. Er staan geen notities, reflecties of evaluaties in.", shown))
}
