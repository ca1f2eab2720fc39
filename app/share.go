package app

import (
	"cmp"
	"errors"
	"maps"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zelfscan/app/widgets"
	"zelfscan/plans"
	"zelfscan/workspace"
)

// shareBlock is the part of the plan editor about discussing the plan:
// export it as a plan file, add a review that came back, and the reviews
// the plan already has.
func (u *UI) shareBlock(ps *planState) fyne.CanvasObject {
	export := widgets.NewKeyButton(lang.X("share.export", "Planbestand exporteren (.zelfscan)"), func() { u.choosePlanFileExport(ps) })
	export.Icon = theme.UploadIcon()
	add := widgets.NewKeyButton(lang.X("share.addReview", "Bespreking toevoegen"), func() {
		u.choosePlanFile(lang.X("share.addReview", "Bespreking toevoegen"), func(path string) { u.addReviewFrom(ps, path) })
	})
	add.Icon = theme.DownloadIcon()
	if u.store.ReadOnly() {
		add.Disable()
	}
	box := container.NewVBox(
		wrapped(lang.X("share.intro", "Bespreek uw plan in intervisie, werkbegeleiding of supervisie: geef uw begeleider het planbestand of de PDF. "+
			"Krijgt u het besproken bestand terug, voeg de bespreking dan hier toe. Uw scores, notities en acties veranderen daardoor niet.")),
		container.NewHBox(export, add))
	box.Add(u.reviewsList(ps.plan.Reviews, func(id string) string {
		if a, ok := ps.plan.Action(id); ok {
			title, _ := u.actionText(ps, a)
			return title
		}
		return id
	}, func(id string) string { return u.competencyTitle(id) }))
	return widget.NewCard(lang.X("share.title", "Bespreken"), "", box)
}

// competencyTitle is the framework's title of a competency, or its ID.
func (u *UI) competencyTitle(id string) string {
	if c, ok := u.fw().Competency(id); ok {
		return c.Title
	}
	return id
}

// reviewsList shows earlier reviews with their comments; action and
// competency give the titles to show for IDs.
func (u *UI) reviewsList(reviews []plans.Review, action, competency func(id string) string) fyne.CanvasObject {
	box := container.NewVBox()
	if len(reviews) == 0 {
		box.Add(hint(lang.X("share.noReviews", "Dit plan is nog niet besproken.")))
		return box
	}
	for _, r := range reviews {
		box.Add(widget.NewLabelWithStyle(reviewHeading(r), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		var lines []string
		if strings.TrimSpace(r.Overall) != "" {
			lines = append(lines, r.Overall)
		}
		for _, id := range sortedIDs(r.GapComments) {
			lines = append(lines, competency(id)+": "+r.GapComments[id])
		}
		ids := sortedIDs(r.ActionComments)
		for _, id := range sortedIDs(r.Agreed) {
			if _, ok := r.ActionComments[id]; !ok && r.Agreed[id] {
				ids = append(ids, id)
			}
		}
		for _, id := range ids {
			line := action(id)
			if r.Agreed[id] {
				line += " (" + lang.X("review.agreed", "afgesproken") + ")"
			}
			if c := r.ActionComments[id]; c != "" {
				line += ": " + c
			}
			lines = append(lines, line)
		}
		if len(lines) > 0 {
			box.Add(indent(wrapped(strings.Join(lines, "\n"))))
		}
	}
	return box
}

// reviewHeading is "Besproken op <date> in intervisie met <name>, afgetekend".
func reviewHeading(r plans.Review) string {
	s := lang.X("review.heading", "Besproken op {{.Date}} in {{.Setting}} met {{.Reviewer}}",
		map[string]any{"Date": formatDate(r.Date), "Setting": settingName(r.Setting), "Reviewer": r.Reviewer})
	if r.SignedOff {
		s += ", " + lang.X("review.signedOffShort", "afgetekend")
	}
	return s
}

// settingName is a review setting in the chosen language.
func settingName(s plans.Setting) string {
	switch s {
	case plans.SettingIntervisie:
		return lang.X("review.setting.intervisie", "intervisie")
	case plans.SettingWerkbegeleiding:
		return lang.X("review.setting.werkbegeleiding", "werkbegeleiding")
	case plans.SettingSupervisie:
		return lang.X("review.setting.supervisie", "supervisie")
	}
	return string(s)
}

// choosePlanFileExport asks where to save the plan file and writes it.
func (u *UI) choosePlanFileExport(ps *planState) {
	for _, t := range ps.texts {
		t.flush()
	}
	name := strings.TrimSuffix(u.pdfFileName(ps), ".pdf") + workspace.PlanFileExtension
	u.chooseSavePath(name, workspace.PlanFileExtension, func(path string) { u.exportPlanFile(ps, path) })
}

// exportPlanFile writes the plan as a .zelfscan file at path. A plan file
// is small, so it is written at once.
func (u *UI) exportPlanFile(ps *planState, path string) {
	f, err := u.buildPlanFile(ps)
	if err == nil {
		err = workspace.WritePlanFile(path, f)
	}
	if err != nil {
		workspace.DiscardEmpty(path)
		u.showFileProblem(lang.X("share.exportFailed", "Het planbestand kon niet worden bewaard in {{.Path}}. Kies een andere map, of kijk of er ruimte op de schijf is.",
			map[string]any{"Path": shownPath(path)}), err)
		return
	}
	u.showDone(lang.X("share.exportedTitle", "Planbestand bewaard"), lang.X("share.exported",
		"Uw leerplan staat in {{.Path}}. Geef dit bestand aan uw begeleider; die opent het met 'Plan openen ter bespreking'.",
		map[string]any{"Path": shownPath(path)}))
}

// addReviewFrom adds the reviews in the file at path to the plan on screen
// and redraws it where the reader was.
func (u *UI) addReviewFrom(ps *planState, path string) {
	u.importReview(path, ps.sc.ID, func() { u.reloadPlan(ps) })
}

// importReview reads a reviewed plan file and adds its reviews to the
// plan of the self-check on screen, after asking when a review is of an
// older version. Only reviews are added: ratings, notes and actions stay.
// after runs once something was added (to redraw the screen).
func (u *UI) importReview(path string, selfCheckID int64, after func()) {
	u.readPlanFiles([]string{path}, func(res []loaded) {
		if res[0].err != nil {
			u.showFileProblem(explainList(res[0].err), nil)
			return
		}
		u.checkReview(res[0].file, selfCheckID, after)
	})
}

// checkReview decides, with workspace.CheckReview against the plan as
// stored now, what importing f does.
func (u *UI) checkReview(f *workspace.PlanFile, selfCheckID int64, after func()) {
	title := lang.X("share.addReview", "Bespreking toevoegen")
	own, ok, err := u.store.PlanBySelfCheck(selfCheckID)
	if err != nil || !ok {
		u.showStoreError(cmp.Or(err, workspace.ErrNotFound))
		return
	}
	v, err := workspace.CheckReview(own, f)
	if err != nil {
		u.showFileProblem(explain(err), nil)
		return
	}
	switch v.Kind {
	case workspace.ReviewNotTheirs, workspace.ReviewAlreadyImported:
		u.showDone(title, explain(v.Message))
	case workspace.ReviewOlderVersion:
		d := dialog.NewCustomConfirm(title, lang.X("share.addAnyway", "Toch toevoegen"), lang.X("share.cancel", "Annuleren"),
			message(explain(v.Message)), func(yes bool) {
				if yes {
					u.addReviews(own, f, after)
				}
			}, u.win)
		d.Resize(fyne.NewSize(dialogWidth, 0))
		u.showDialog(d)
	default:
		u.addReviews(own, f, after)
	}
}

// addReviews stores the reviews of f that own does not have yet.
func (u *UI) addReviews(own *plans.Plan, f *workspace.PlanFile, after func()) {
	n, err := u.ws.ImportReviews(own, f, u.now())
	switch {
	case errors.Is(err, workspace.ErrReadOnly):
		u.showStoreError(err)
	case err != nil:
		u.showFileProblem(lang.X("share.addFailed", "De bespreking kon niet worden toegevoegd: {{.Reason}}",
			map[string]any{"Reason": explain(err)}), err)
	}
	if n == 0 {
		return
	}
	if after != nil {
		after()
	}
	text := lang.X("share.addedOne", "De bespreking is toegevoegd. U ziet haar in uw leerplan en in de PDF.")
	if n > 1 {
		text = lang.X("share.addedMany", "Er zijn {{.Count}} besprekingen toegevoegd. U ziet ze in uw leerplan en in de PDF.",
			map[string]any{"Count": n})
	}
	u.showDone(lang.X("share.addedTitle", "Bespreking toegevoegd"), text)
}

// sortedIDs lists a map's keys in order, so comments show the same way each time.
func sortedIDs[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}
