package app

import (
	"errors"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zelfscan/app/widgets"
	"zelfscan/plans"
	"zelfscan/workspace"
)

// catalogue returns the built-in catalogue plus the own catalogues in the
// store, loading the built-in one on first use. When the built-in one cannot
// be read (only a broken build or a test framework), the own catalogues
// still work on their own and the workspace says why the rest is missing
// (the about dialog and the plan screen show it).
func (u *UI) catalogue() *plans.Catalogue {
	cat, err := u.ws.Catalogue()
	if err != nil {
		u.showStoreError(err)
	}
	return cat
}

// catalogueFilter lets the file dialogs show the file types an own
// catalogue can have.
var catalogueFilter = storage.NewExtensionFileFilter([]string{".csv", ".txt", ".yaml", ".yml"})

// showCatalogue shows the own catalogues; back returns to where the user came from.
func (u *UI) showCatalogue(back func()) {
	title := heading(lang.X("catalogue.title", "Eigen aanbod"))
	intro := wrapped(lang.X("catalogue.intro",
		"Hier laadt u het opleidingsaanbod van uw eigen organisatie, als CSV-bestand (zoals een spreadsheet het bewaart) of als YAML-bestand. "+
			"Het aanbod verschijnt daarna bij het kiezen van acties in het leerplan, met de naam die u de catalogus geeft."))
	list := container.NewVBox()
	own, err := u.store.OwnCatalogues()
	switch {
	case err != nil:
		list.Add(wrapped(explain(err)))
	case len(own) == 0:
		list.Add(wrapped(lang.X("catalogue.none", "Er is nog geen eigen aanbod geladen.")))
	}
	for i, oc := range own {
		if i > 0 {
			list.Add(widget.NewSeparator())
		}
		list.Add(u.ownCatalogueRow(oc, back))
	}

	load := widgets.NewKeyButton(lang.X("catalogue.load", "Catalogus laden"), func() { u.chooseCatalogueFile(back) })
	load.Icon = theme.FolderOpenIcon()
	load.Importance = widget.HighImportance
	if u.store.ReadOnly() {
		load.Disable()
	}
	format := widget.NewAccordion(widget.NewAccordionItem(lang.X("catalogue.formatTitle", "Hoe ziet het bestand eruit?"),
		wrapped(lang.X("catalogue.format",
			"Een CSV-bestand heeft in de eerste rij de kolomnamen. Verplicht zijn titel, soort, niveau en competenties; "+
				"id, aanbieder, organisaties, url, accreditatie_register, accreditatie_punten, omschrijving, groep (ja of nee) en bron mogen erbij. "+
				"Scheid de waarden met komma's, puntkomma's of tabs; meerdere competenties of organisaties scheidt u met | of een komma binnen aanhalingstekens. "+
				"Excel mag het bewaren als 'CSV (gescheiden door lijsten)', 'CSV UTF-8' of 'Unicode-tekst' (.txt). "+
				"Soort is bijvoorbeeld training, cursus, e-learning of leeractiviteit; niveau is basis, verdiepend of specialistisch. "+
				"Competenties noemt u met hun code uit het competentiekader, organisaties met hun code of naam. Een bestand met fouten wordt niet geladen: u krijgt een lijst van wat er mis is, per rij en kolom."))))
	back1 := widgets.NewKeyButton(lang.X("catalogue.back", "Terug"), back)
	back1.Icon = theme.NavigateBackIcon()
	body := container.NewVBox(intro, container.NewHBox(load), format,
		widget.NewCard(lang.X("catalogue.loaded", "Geladen catalogi"), "", list))
	if u.store.ReadOnly() {
		body.Objects = append([]fyne.CanvasObject{readOnlyBanner()}, body.Objects...)
	}
	u.show(screenCatalogue, container.NewBorder(title, container.NewHBox(back1), nil, nil, focusScroll(body)))
}

// ownCatalogueRow describes one own catalogue with a button to remove it.
func (u *UI) ownCatalogueRow(oc workspace.OwnCatalogue, back func()) fyne.CanvasObject {
	name := widget.NewLabelWithStyle(oc.Origin, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Wrapping = fyne.TextWrapWord
	detail := hint(lang.XN("catalogue.detail", "Bestand {{.File}} · geladen op {{.Date}} · {{.Count}} items", len(oc.Items),
		map[string]any{"File": oc.FileName, "Date": formatDate(oc.LoadedAt), "Count": len(oc.Items)}))
	remove := widgets.NewKeyButton(lang.X("catalogue.remove", "Verwijderen"), func() { u.confirmRemoveCatalogue(oc.Origin, back) })
	remove.Icon = theme.DeleteIcon()
	if u.store.ReadOnly() {
		remove.Disable()
	}
	return container.NewBorder(nil, nil, nil, container.NewCenter(remove), container.NewVBox(name, detail))
}

// confirmRemoveCatalogue asks before removing an own catalogue.
func (u *UI) confirmRemoveCatalogue(origin string, back func()) {
	d := dialog.NewCustomConfirm(lang.X("catalogue.remove.title", "Catalogus verwijderen?"),
		lang.X("catalogue.remove.yes", "Verwijderen"), lang.X("plan.cancel", "Annuleren"),
		message(lang.X("catalogue.remove.text",
			"Het aanbod van '{{.Name}}' verdwijnt uit de lijsten om uit te kiezen. Acties in leerplannen die er al uit gekozen zijn, blijven staan met hun titel.",
			map[string]any{"Name": origin})),
		func(ok bool) {
			if !ok {
				return
			}
			if err := u.ws.DeleteOwnCatalogue(origin); err != nil {
				u.showStoreError(err)
				return
			}
			u.showCatalogue(back)
		}, u.win)
	d.Resize(fyne.NewSize(dialogWidth, 0))
	u.showDialog(d)
}

// chooseCatalogueFile lets the user pick a catalogue file.
func (u *UI) chooseCatalogueFile(back func()) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			u.showCatalogueProblems("", err.Error())
			return
		}
		if r == nil {
			return // cancelled
		}
		path := r.URI().Path()
		r.Close()
		u.loadOwnCatalogue(path, back)
	}, u.win)
	d.SetTitleText(lang.X("common.openFile", "Bestand openen"))
	d.SetFilter(catalogueFilter)
	d.Resize(fileDialogSize(u.win))
	u.showDialog(d)
}

// fileDialogSize is as large as the window allows, so long names fit.
func fileDialogSize(w fyne.Window) fyne.Size {
	s := w.Canvas().Size()
	return fyne.NewSize(s.Width-40, s.Height-40)
}

// loadOwnCatalogue reads and checks the file at path. A file with problems
// changes nothing and lists them; a good one is stored under a name the
// user confirms.
func (u *UI) loadOwnCatalogue(path string, back func()) {
	f, err := u.ws.ReadOwnCatalogue(path)
	if err != nil {
		fyne.LogError("reading "+path, err)
		u.showCatalogueProblems(filepath.Base(path), explainList(err))
		return
	}
	u.askCatalogueName(f.Name, f.Encoding, f.Items, back)
}

// showCatalogueProblems lists why a file was not loaded, one problem a line.
func (u *UI) showCatalogueProblems(file, problems string) {
	var b strings.Builder
	b.WriteString(lang.X("catalogue.problems.lead", "Het bestand is niet geladen; er is niets veranderd. Dit moet eerst worden verbeterd:"))
	for _, line := range strings.Split(problems, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			b.WriteString("\n• " + line)
		}
	}
	text := message(b.String())
	title := lang.X("catalogue.problems.title", "Catalogus niet geladen")
	if file != "" {
		title = lang.X("catalogue.problems.fileTitle", "{{.File}} niet geladen", map[string]any{"File": file})
	}
	scroll := container.NewVScroll(text)
	scroll.SetMinSize(fyne.NewSize(dialogWidth, 260))
	d := dialog.NewCustom(title, lang.X("common.ok", "OK"), scroll, u.win)
	d.Resize(fyne.NewSize(dialogWidth+80, 0))
	u.showDialog(d)
}

// askCatalogueName asks what to call a catalogue that passed every check,
// then stores it. The same name again replaces the earlier catalogue.
func (u *UI) askCatalogueName(file, encoding string, items []plans.Item, back func()) {
	entry := newShortcutEntry(u, false)
	entry.SetText(strings.TrimSuffix(file, filepath.Ext(file)))
	entry.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(lang.X("catalogue.name.empty", "Geef de catalogus een naam."))
		}
		return nil
	}
	info := hint(lang.XN("catalogue.name.hint",
		"{{.Count}} items gevonden. Deze naam staat bij het aanbod ('eigen: naam'). Bestaat er al een catalogus met deze naam, dan wordt die vervangen.", len(items),
		map[string]any{"Count": len(items)}))
	if encoding != "" {
		info.SetText(lang.X("catalogue.name.encoding", "Gelezen als {{.Encoding}}.", map[string]any{"Encoding": encoding}) + " " + info.Text)
	}
	d := dialog.NewForm(lang.X("catalogue.name.title", "Naam van de catalogus"),
		lang.X("catalogue.name.save", "Bewaren"), lang.X("plan.cancel", "Annuleren"),
		[]*widget.FormItem{
			widget.NewFormItem(lang.X("catalogue.name", "Naam"), entry),
			widget.NewFormItem("", info),
		},
		func(ok bool) {
			if !ok {
				return
			}
			if err := u.ws.SaveOwnCatalogue(strings.TrimSpace(entry.Text), file, items, u.now()); err != nil {
				u.showStoreError(err)
				return
			}
			u.showCatalogue(back)
		}, u.win)
	d.Resize(fyne.NewSize(dialogWidth, 0))
	u.showDialog(d)
	u.win.Canvas().Focus(entry)
}

// originText says where an item comes from: nothing for the built-in
// catalogue, "eigen: <name>" for an own one.
func originText(it *plans.Item) string {
	if it.Origin == "" || it.Origin == plans.OriginBuiltin {
		return ""
	}
	return lang.X("catalogue.origin", "eigen: {{.Name}}", map[string]any{"Name": it.Origin})
}
