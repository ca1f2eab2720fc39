package app

import (
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zelfscan/app/widgets"
	"zelfscan/plans"
	"zelfscan/workspace"
)

// screenCoverage is the Aanbodanalyse, opened from "Kader bekijken".
const screenCoverage = "coverage"

// showCoverage shows the offer-coverage report for the framework in use
// and the catalogue with the own offer: the same report `zelfscan aanbod`
// makes. It reads no self-check.
func (u *UI) showCoverage() {
	cat := u.catalogue()
	r := u.ws.Coverage(cat)
	t := r.Totals()
	body := container.NewVBox(
		wrapped(lang.X("coverage.intro",
			"Per organisatie, functie en competentie: welk aanbod het vereiste niveau bereikt. Voor de opleidingscoördinator en voor wie het aanbod op volledigheid toetst. Er worden geen zelfscans gelezen.")),
		wrapped(lang.X("coverage.summary",
			"{{.Requirements}} eisen. Bij {{.Unreached}} bereikt geen aanbod uit de catalogus het vereiste niveau; bij {{.WithoutRoute}} daarvan ook geen werkplekroute. Bij {{.NoCourse}} bereikt geen cursus het niveau.",
			map[string]any{"Requirements": t.Requirements, "Unreached": t.Unreached, "WithoutRoute": t.WithoutRoute, "NoCourse": t.NoCourse})),
	)
	if len(r.Own) > 0 {
		body.Add(wrapped(lang.X("coverage.own", "Het eigen aanbod ({{.Own}}) sluit er {{.Closed}} die de ingebouwde catalogus open laat.",
			map[string]any{"Own": strings.Join(r.Own, ", "), "Closed": t.ClosedByOwn})))
	}
	if err := plans.CheckOffers(u.fw(), cat); err != nil {
		body.Add(warning(lang.X("coverage.offerProblems", "Niet alle aanbod dat de kaderuitbreiding noemt, is gevonden:") + "\n" + explainList(err)))
	}
	body.Add(sectionLabel(lang.X("coverage.unreached", "Eisen die geen aanbod bereikt")))
	body.Add(coverageGroups(r, func(row *workspace.CoverageRow) bool { return !row.Reached() }))
	if len(r.Own) > 0 {
		body.Add(sectionLabel(lang.X("coverage.closed", "Wat het eigen aanbod sluit")))
		body.Add(coverageGroups(r, (*workspace.CoverageRow).ClosedByOwn))
	}
	body.Add(widget.NewAccordion(widget.NewAccordionItem(lang.X("coverage.offers", "Per aanbod: voor hoeveel eisen, en hoeveel op niveau"), coverageOffers(r))))

	savePDF := widgets.NewIconKeyButton(lang.X("coverage.pdf", "Als PDF opslaan"), theme.DocumentSaveIcon(), func() { u.saveCoverage(r, ".pdf") })
	saveCSV := widgets.NewIconKeyButton(lang.X("coverage.csv", "Als CSV opslaan"), theme.DocumentSaveIcon(), func() { u.saveCoverage(r, ".csv") })
	top := container.NewVBox(heading(lang.X("coverage.title", "Aanbodanalyse")), hint(u.frameworkText("")), container.NewHBox(savePDF, saveCSV))
	back := widgets.NewIconKeyButton(lang.X("coverage.back", "Terug naar het kader"), theme.NavigateBackIcon(), u.showFramework)
	u.show(screenCoverage, container.NewBorder(top, container.NewHBox(back), nil, nil, focusScroll(body)))
}

// coverageGroups lists the requirements keep lets through, per
// competency and level: where they are asked and the workplace routes
// that reach them.
func coverageGroups(r *workspace.CoverageReport, keep func(*workspace.CoverageRow) bool) fyne.CanvasObject {
	list := container.NewVBox()
	all := r.OrganisationCount()
	for _, g := range r.Groups(keep) {
		if len(list.Objects) > 0 {
			list.Add(widget.NewSeparator())
		}
		title := wrapped(lang.X("coverage.group", "{{.Competency}}, niveau {{.Level}}", map[string]any{"Competency": g.Competency.Title, "Level": g.Required}))
		title.TextStyle.Bold = true
		list.Add(title)
		for _, fn := range g.Functions {
			orgs := strings.Join(g.Organisations[fn], ", ")
			if len(g.Organisations[fn]) == all {
				orgs = lang.X("coverage.allOrganisations", "alle {{.Count}} organisaties", map[string]any{"Count": all})
			}
			list.Add(hint(fn + ": " + orgs))
		}
		routes := make([]string, 0, len(g.Routes()))
		for _, route := range g.Routes() {
			routes = append(routes, explain(route.Title()))
		}
		list.Add(hint(lang.X("coverage.routes", "Werkplekroutes op niveau: {{.Routes}}", map[string]any{"Routes": strings.Join(routes, "; ")})))
	}
	if len(list.Objects) == 0 {
		list.Add(hint(lang.X("coverage.none", "Geen.")))
	}
	return list
}

// coverageOffers lists every offer with the requirements it serves.
func coverageOffers(r *workspace.CoverageReport) fyne.CanvasObject {
	list := container.NewVBox()
	for _, o := range r.Offers {
		list.Add(hint(lang.X("coverage.offer", "{{.Title}} ({{.Level}}): {{.Serves}} eisen, {{.Reaches}} op niveau",
			map[string]any{"Title": o.Item.Title, "Level": levelName(o.Item.Level), "Serves": o.Serves, "Reaches": o.Reaches})))
	}
	return list
}

// saveCoverage asks where the report goes, as PDF or CSV.
func (u *UI) saveCoverage(r *workspace.CoverageReport, ext string) {
	u.chooseSavePath("aanbodanalyse"+ext, ext, func(path string) { u.exportCoverage(r, path, ext) })
}

// exportCoverage writes the report atomically, in the background.
func (u *UI) exportCoverage(r *workspace.CoverageReport, path, ext string) {
	created := u.now()
	shown := map[string]any{"Path": shownPath(path)}
	u.saveInBackground(path, lang.X("coverage.exporting", "De aanbodanalyse wordt bewaard…"), func(w io.Writer) error {
		if ext == ".csv" {
			return r.WriteCSV(w)
		}
		return workspace.WriteCoveragePDF(w, r, created)
	}, lang.X("coverage.exportFailed", "De aanbodanalyse kon niet worden bewaard in {{.Path}}. Kies een andere map, of kijk of er ruimte op de schijf is.", shown),
		lang.X("coverage.exportedTitle", "Aanbodanalyse bewaard"),
		lang.X("coverage.exported", "De aanbodanalyse staat in {{.Path}}.", shown))
}
