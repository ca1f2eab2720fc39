package app

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zelfscan/app/widgets"
	"zelfscan/assessment"
	"zelfscan/plans"
	"zelfscan/workspace"
)

// screenFramework is "Kader bekijken": the whole framework for review.
const screenFramework = "framework"

// frameworkView is the state of "Kader bekijken": the organisation whose
// view is shown and the competency open on the right.
type frameworkView struct {
	org    string
	review []assessment.ReviewCompetency
	tree   *widget.Tree
	detail *fyne.Container
	scroll *container.Scroll
}

// showFramework shows every competency an organisation is asked, with its
// statements, the level each function profile requires and the source, so
// an expert can review the framework without taking the scan.
func (u *UI) showFramework() {
	fv := &frameworkView{detail: container.NewVBox()}
	fv.scroll = container.NewVScroll(fv.detail)
	fv.tree = widget.NewTree(fv.childIDs, fv.isBranch,
		func(bool) fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis // the full title is on the right
			return l
		},
		func(id widget.TreeNodeID, _ bool, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(u.frameworkNodeText(fv, id))
		})
	fv.tree.OnSelected = func(id widget.TreeNodeID) { u.showFrameworkCompetency(fv, id) }

	names := make([]string, len(u.fw().Organisations))
	for i, o := range u.fw().Organisations {
		names[i] = o.Name
	}
	orgs := widget.NewSelect(names, func(name string) {
		for _, o := range u.fw().Organisations {
			if o.Name == name {
				u.chooseFrameworkOrganisation(fv, o.ID)
			}
		}
	})
	orgs.SetSelectedIndex(u.frameworkStartOrganisation())

	savePDF := widgets.NewIconKeyButton(lang.X("framework.pdf", "Als PDF opslaan"), theme.DocumentSaveIcon(), func() { u.saveFramework(".pdf") })
	saveCSV := widgets.NewIconKeyButton(lang.X("framework.csv", "Als CSV opslaan"), theme.DocumentSaveIcon(), func() { u.saveFramework(".csv") })
	offer := widgets.NewIconKeyButton(lang.X("framework.coverage", "Aanbodanalyse"), theme.ListIcon(), u.showCoverage)
	// The save buttons on a line of their own: beside a long organisation
	// name they would not fit an 800 px window.
	bar := container.NewVBox(container.NewBorder(nil, nil,
		widget.NewLabelWithStyle(lang.X("framework.organisation", "Organisatie"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		nil, orgs), container.NewHBox(savePDF, saveCSV, offer))
	top := container.NewVBox(heading(lang.X("framework.title", "Kader bekijken")),
		hint(lang.X("framework.intro", "{{.Label}}. Kies een organisatie en een competentie: u ziet de uitspraken zoals die organisatie ze krijgt, het vereiste niveau per functieprofiel en de bron. De PDF en de CSV bevatten het hele kader, voor alle organisaties.",
			map[string]any{"Label": u.frameworkText("")})),
		hint(u.fw().Source.Credit),
		bar)

	split := container.NewHSplit(fv.tree, fv.scroll)
	split.Offset = 0.4
	back := widgets.NewIconKeyButton(lang.X("framework.back", "Terug"), theme.NavigateBackIcon(), u.ShowStart)
	u.show(screenFramework, container.NewBorder(top, container.NewHBox(back), nil, nil, split))
}

// frameworkStartOrganisation is the organisation shown first: the one the
// organisation's settings preset, else the first.
func (u *UI) frameworkStartOrganisation() int {
	for i, o := range u.fw().Organisations {
		if o.ID == u.org().Organisation {
			return i
		}
	}
	return 0
}

// chooseFrameworkOrganisation fills the tree for org and opens its first
// competency.
func (u *UI) chooseFrameworkOrganisation(fv *frameworkView, org string) {
	review, err := u.fw().Review(org)
	if err != nil {
		fyne.LogError("framework review", err)
		return
	}
	fv.org, fv.review = org, review
	fv.tree.UnselectAll()
	fv.tree.Refresh()
	fv.tree.OpenAllBranches()
	if len(review) > 0 {
		fv.tree.Select(review[0].Competency.ID)
		fv.tree.ScrollToTop() // Select scrolled the first category's heading away
	}
}

// Tree nodes: the root holds categories ("cat:" + category), each
// category its competencies by ID.
const categoryNode = "cat:"

func (fv *frameworkView) childIDs(id widget.TreeNodeID) []widget.TreeNodeID {
	var out []widget.TreeNodeID
	if id == "" {
		for _, cat := range assessment.Categories() {
			if slices.ContainsFunc(fv.review, func(rc assessment.ReviewCompetency) bool { return rc.Competency.Category == cat }) {
				out = append(out, categoryNode+string(cat))
			}
		}
		return out
	}
	cat := assessment.Category(strings.TrimPrefix(id, categoryNode))
	for _, rc := range fv.review {
		if rc.Competency.Category == cat {
			out = append(out, rc.Competency.ID)
		}
	}
	return out
}

func (fv *frameworkView) isBranch(id widget.TreeNodeID) bool {
	return id == "" || strings.HasPrefix(id, categoryNode)
}

func (fv *frameworkView) find(id string) (assessment.ReviewCompetency, bool) {
	for _, rc := range fv.review {
		if rc.Competency.ID == id {
			return rc, true
		}
	}
	return assessment.ReviewCompetency{}, false
}

func (u *UI) frameworkNodeText(fv *frameworkView, id widget.TreeNodeID) string {
	if strings.HasPrefix(id, categoryNode) {
		return categoryLabel(assessment.Category(strings.TrimPrefix(id, categoryNode)))
	}
	if rc, ok := fv.find(id); ok {
		return rc.Competency.Title
	}
	return id
}

// showFrameworkCompetency shows one competency on the right.
func (u *UI) showFrameworkCompetency(fv *frameworkView, id string) {
	rc, ok := fv.find(id)
	if !ok {
		return // a category: it only groups
	}
	c := rc.Competency
	// One wrapping line per profile rather than a two-column form: with
	// long profile names a form is wider than a small window.
	levels := container.NewVBox()
	for i, fn := range u.fw().Functions {
		levels.Add(wrapped(fn.Name + ": " + u.requiredText(rc.Levels[i])))
	}
	statements := make([]string, len(rc.Indicators))
	for i, ind := range rc.Indicators {
		statements[i] = fmt.Sprintf("%d. %s", i+1, ind.Text)
	}
	bold := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	title := wrapped(c.Title)
	title.TextStyle = fyne.TextStyle{Bold: true}
	fv.detail.Objects = []fyne.CanvasObject{
		title,
		hint(lang.X("framework.meta", "{{.Category}} · code {{.ID}} · bron: {{.Source}}",
			map[string]any{"Category": categoryLabel(c.Category), "ID": c.ID, "Source": c.Source})),
		wrapped(c.Description),
		bold(lang.X("framework.statements", "Uitspraken")),
		wrapped(strings.Join(statements, "\n")),
		bold(lang.X("framework.levels", "Vereist niveau per functieprofiel")),
		levels,
	}
	fv.detail.Refresh()
	fv.scroll.ScrollToTop()
}

// requiredText is a required level in words, or why there is none.
func (u *UI) requiredText(level int) string {
	switch level {
	case assessment.NotAvailable:
		return lang.X("framework.notAvailable", "n.v.t.: dit profiel bestaat niet bij deze organisatie")
	case 0:
		return lang.X("framework.notAsked", "niet gevraagd")
	}
	return u.levelText(level)
}

// saveFramework asks where the whole framework goes, as PDF or CSV.
func (u *UI) saveFramework(ext string) {
	name := "competentiekader-" + fileSlug(u.fw().Version) + ext
	u.chooseSavePath(name, ext, func(path string) { u.exportFramework(path, ext) })
}

// exportFramework writes the framework atomically, in the background.
func (u *UI) exportFramework(path, ext string) {
	created := u.now()
	fw := u.fw()
	shown := map[string]any{"Path": shownPath(path)}
	u.saveInBackground(path, lang.X("framework.exporting", "Het kader wordt bewaard…"), func(w io.Writer) error {
		if ext == ".csv" {
			return plans.WriteFrameworkCSV(w, fw)
		}
		return workspace.WriteFrameworkPDF(w, fw, created)
	}, lang.X("framework.exportFailed", "Het kader kon niet worden bewaard in {{.Path}}. Kies een andere map, of kijk of er ruimte op de schijf is.", shown),
		lang.X("framework.exportedTitle", "Kader bewaard"),
		lang.X("framework.exported", "Het hele competentiekader staat in {{.Path}}.", shown))
}
