package app

import (
	"slices"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zelfscan/app/widgets"
	"zelfscan/assessment"
)

// maxProfileRunes caps name and team: enough for any real name, short
// enough to fit the results page and the PDF header.
const maxProfileRunes = 100

// profileForm holds the widgets of the profile screen.
type profileForm struct {
	org, fn       *widgets.KeySelect
	fns           []*assessment.Function // the profiles offered for the chosen organisation
	name, team    *shortcutEntry
	nameErr       *widget.Label
	teamErr       *widget.Label
	fnDescription *widget.Label
	summary       *widget.Label
	framework     *widget.Label
	context       *fyne.Container
	start         *widgets.KeyButton
	// orgs are the framework's organisations in the order the list shows them.
	orgs []*assessment.Organisation
	// from is the self-check whose answers, notes and plan the new one takes
	// over; nil for a fresh start. carried says how many of its answers the
	// chosen profile asks.
	from    *assessment.SelfCheck
	carried *widget.Label
}

// otherOrganisationID is the organisation for everyone whose own is not in
// the framework; it closes the list instead of sitting among the A's.
const otherOrganisationID = "andere"

// organisationsByName lists the organisations alphabetically, the
// catch-all last, so a user finds their own at a glance.
func organisationsByName(fw *assessment.Framework) []*assessment.Organisation {
	out := make([]*assessment.Organisation, len(fw.Organisations))
	for i := range fw.Organisations {
		out[i] = &fw.Organisations[i]
	}
	slices.SortStableFunc(out, func(a, b *assessment.Organisation) int {
		if (a.ID == otherOrganisationID) != (b.ID == otherOrganisationID) {
			if a.ID == otherOrganisationID {
				return 1
			}
			return -1
		}
		return strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
	})
	return out
}

// showProfile asks for organisation, function and optionally name and team,
// shows what the scan will ask, and starts it.
func (u *UI) showProfile() { u.showProfileFrom(nil) }

// showProfileFrom is showProfile for a self-check that goes on from an
// earlier one (nil: none) whose profile this framework no longer offers:
// it starts from that self-check's organisation, name and team, and the
// new self-check takes over every answer its profile also asks, and the plan.
func (u *UI) showProfileFrom(from *assessment.SelfCheck) {
	f := &profileForm{from: from, carried: wrapped(""),
		name: newShortcutEntry(u, false), team: newShortcutEntry(u, false),
		nameErr: errorLabel(), teamErr: errorLabel(),
		fnDescription: hint(""), summary: wrapped(""), framework: hint(u.frameworkText("")), context: container.NewVBox(),
		orgs: organisationsByName(u.fw()),
	}
	orgs := make([]string, len(f.orgs))
	for i, o := range f.orgs {
		orgs[i] = o.Name
	}
	f.org = widgets.NewKeySelect(orgs, nil)
	f.org.PlaceHolder = lang.X("profile.org.placeholder", "Kies uw organisatie")
	f.fn = widgets.NewKeySelect(nil, nil)
	f.fn.PlaceHolder = lang.X("profile.function.placeholder", "Kies uw functie")
	f.name.PlaceHolder = lang.X("profile.name.placeholder", "Bijvoorbeeld uw voornaam of initialen")
	f.team.PlaceHolder = lang.X("profile.team.placeholder", "Bijvoorbeeld de naam van uw team of afdeling")
	f.start = widgets.NewKeyButton(lang.X("profile.start", "Start de zelfscan"), func() { u.startSelfCheck(f) })
	f.start.Importance = widget.HighImportance
	f.start.Icon = theme.NavigateNextIcon()
	f.start.IconPlacement = widget.ButtonIconTrailingText

	if last, ok, err := u.store.LastProfile(); err != nil {
		fyne.LogError("reading the last profile", err)
	} else if ok {
		if o, found := u.fw().Organisation(last.Organisation); found {
			f.org.Selected = o.Name
		}
		if fn, found := u.fw().Function(last.Function); found {
			f.fn.Selected = fn.Name
		}
		f.name.Text, f.team.Text = last.Name, last.Team
	}
	if from != nil {
		f.org.Selected, f.fn.Selected = "", ""
		if o, found := u.fw().Organisation(from.Profile.Organisation); found {
			f.org.Selected = o.Name
		}
		if fn, found := u.fw().Function(from.Profile.Function); found {
			f.fn.Selected = fn.Name
		}
		f.name.Text, f.team.Text = from.Profile.Name, from.Profile.Team
	}
	if f.org.Selected == "" && from == nil {
		// No profile of their own yet: the organisation's preset, if any.
		if o, found := u.fw().Organisation(u.org().Organisation); found {
			f.org.Selected = o.Name
		}
	}
	u.offerFunctions(f)
	// Enter anywhere in the form starts the scan, once it can start.
	submit := func() {
		if !f.start.Disabled() {
			u.startSelfCheck(f)
		}
	}
	f.org.OnEnter, f.fn.OnEnter = submit, submit
	f.name.OnSubmitted = func(string) { submit() }
	f.team.OnSubmitted = func(string) { submit() }
	update := func(string) { u.updateProfile(f) }
	f.org.OnChanged = func(string) {
		u.offerFunctions(f)
		u.updateProfile(f)
	}
	f.fn.OnChanged = update
	f.name.OnChanged, f.team.OnChanged = update, update
	u.updateProfile(f)

	form := container.New(layout.NewFormLayout(),
		widget.NewLabel(lang.X("profile.org", "Organisatie")), f.org,
		widget.NewLabel(lang.X("profile.function", "Functie")), f.fn,
		widget.NewLabel(lang.X("profile.name", "Naam (optioneel)")), container.NewVBox(f.name, f.nameErr),
		widget.NewLabel(lang.X("profile.team", "Team (optioneel)")), container.NewVBox(f.team, f.teamErr),
	)
	intro := wrapped(lang.X("profile.intro", "Welke uitspraken u krijgt, hangt af van uw organisatie en functie. Naam en team zijn alleen voor uzelf: ze komen in uw resultaten en leerplan."))
	back := widgets.NewKeyButton(lang.X("common.back", "Terug"), u.ShowStart)
	back.Icon = theme.NavigateBackIcon()
	// The function's description comes under the form: choosing a function
	// must not move the fields below it.
	head := []fyne.CanvasObject{heading(lang.X("profile.title", "Uw profiel")), intro}
	if from != nil {
		head = append(head, wrapped(lang.X("profile.from", "U gaat verder met uw zelfscan van {{.Date}}. Die hoort bij een profiel dat dit kader niet meer kent; kies een profiel dat er nu is. De nieuwe zelfscan neemt uw antwoorden over op de uitspraken die dat profiel ook stelt, en uw leerplan met zijn acties en reflectie als u dat al had. De oude blijft bewaard zoals hij is, met zijn besprekingen.",
			map[string]any{"Date": formatDate(from.Started)})))
	}
	body := container.NewVBox(append(head, form,
		widget.NewSeparator(), f.fnDescription, f.summary, f.carried, f.framework, f.context)...)
	u.show(screenProfile, container.NewBorder(nil, container.NewHBox(back, layout.NewSpacer(), f.start), nil, nil,
		container.NewVScroll(body)))
	u.forward, u.back = submit, u.ShowStart
	u.win.Canvas().Focus(f.org)
}

// errorLabel shows what is wrong with an entry; empty when nothing is.
func errorLabel() *widget.Label {
	l := wrapped("")
	l.Importance = widget.DangerImportance
	l.Hide()
	return l
}

// selectedOrg and selectedFunction map the chosen names back to the framework.
func (u *UI) selectedOrg(f *profileForm) (*assessment.Organisation, bool) {
	if i := f.org.SelectedIndex(); i >= 0 {
		return f.orgs[i], true
	}
	return nil, false
}

func (u *UI) selectedFunction(f *profileForm) (*assessment.Function, bool) {
	if i := f.fn.SelectedIndex(); i >= 0 && i < len(f.fns) {
		return f.fns[i], true
	}
	return nil, false
}

// offerFunctions lists only the profiles that exist in the chosen
// organisation (all of them before one is chosen), and drops a chosen
// profile that does not exist there.
func (u *UI) offerFunctions(f *profileForm) {
	f.fns = nil
	if org, ok := u.selectedOrg(f); ok {
		f.fns = u.fw().FunctionsFor(org.ID)
	} else {
		for i := range u.fw().Functions {
			f.fns = append(f.fns, &u.fw().Functions[i])
		}
	}
	names := make([]string, len(f.fns))
	for i, fn := range f.fns {
		names[i] = fn.Name
	}
	f.fn.Options = names
	if !slices.Contains(names, f.fn.Selected) {
		f.fn.Selected = ""
	}
	f.fn.Refresh()
}

// checkLength shows a message under an entry that is too long.
func checkLength(e *shortcutEntry, msg *widget.Label) bool {
	n := utf8.RuneCountInString(e.Text)
	if n <= maxProfileRunes {
		msg.Hide()
		return true
	}
	msg.SetText(lang.X("profile.toolong", "Dit veld mag hoogstens {{.Max}} tekens hebben; nu zijn het er {{.Count}}.",
		map[string]any{"Max": maxProfileRunes, "Count": n}))
	msg.Show()
	return false
}

// updateProfile shows what the chosen profile will be asked and whether the
// scan can start.
func (u *UI) updateProfile(f *profileForm) {
	okName := checkLength(f.name, f.nameErr)
	okTeam := checkLength(f.team, f.teamErr)
	org, okOrg := u.selectedOrg(f)
	fn, okFn := u.selectedFunction(f)
	f.fnDescription.Hide()
	if okFn && fn.Description != "" {
		f.fnDescription.SetText(fn.Description)
		f.fnDescription.Show()
	}
	f.context.RemoveAll()
	if okOrg {
		f.framework.SetText(u.frameworkText(org.ID))
	}
	f.carried.Hide()
	if !okOrg || !okFn {
		f.summary.SetText(lang.X("profile.choose", "Kies uw organisatie en functie; dan ziet u hier wat de zelfscan u vraagt."))
		f.start.Disable()
		return
	}
	req, err := u.fw().Required(org.ID, fn.ID)
	if err != nil {
		fyne.LogError("required competencies", err)
		f.start.Disable()
		return
	}
	// What the new scan asks, and how much of it the earlier one answered.
	from := f.from
	if from == nil {
		from = &assessment.SelfCheck{}
	}
	done := from.Completeness(req)
	if f.from != nil {
		f.carried.SetText(lang.X("profile.carried", "Met dit profiel neemt de nieuwe zelfscan {{.Carried}} van uw {{.Answered}} antwoorden over.",
			map[string]any{"Carried": done.Answered, "Answered": len(f.from.Ratings)}))
		f.carried.Show()
	}
	f.summary.SetText(lang.X("profile.summary", "U beoordeelt uzelf op {{.Competencies}} competenties met samen {{.Indicators}} uitspraken. Elk antwoord wordt meteen bewaard, dus u kunt altijd stoppen en later verdergaan.",
		map[string]any{"Competencies": len(req), "Indicators": done.Total}))
	showLearningContext(f.context, org)
	if okName && okTeam && !u.store.ReadOnly() {
		f.start.Enable()
	} else {
		f.start.Disable()
	}
}

// showLearningContext lists how the organisation offers learning, from the
// framework, with its source; nothing when the framework says nothing.
func showLearningContext(box *fyne.Container, org *assessment.Organisation) {
	c := org.Context
	if c.Training == "" && len(c.Opportunities) == 0 {
		return
	}
	box.Add(widget.NewLabelWithStyle(lang.X("profile.context", "Leren binnen {{.Org}}", map[string]any{"Org": org.Name}),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	if c.Training != "" {
		box.Add(wrapped(c.Training))
	}
	if len(c.Opportunities) > 0 {
		box.Add(wrapped("• " + strings.Join(c.Opportunities, "\n• ")))
	}
	if c.Source != "" {
		box.Add(hint(lang.X("common.source", "Bron: {{.Source}}", map[string]any{"Source": c.Source})))
	}
}

// startSelfCheck creates the self-check and opens the scan at its start.
func (u *UI) startSelfCheck(f *profileForm) {
	org, okOrg := u.selectedOrg(f)
	fn, okFn := u.selectedFunction(f)
	if !okOrg || !okFn {
		return
	}
	p := assessment.Profile{Organisation: org.ID, Function: fn.ID,
		Name: strings.TrimSpace(f.name.Text), Team: strings.TrimSpace(f.team.Text)}
	sc, err := u.ws.StartSelfCheck(p, f.from, u.now())
	if err != nil {
		u.showStoreError(err)
		return
	}
	u.showScan(sc.ID)
}

// frameworkText names the framework a self-check of org is made against:
// the version, and the organisation's extension when it applies to org
// (with org "", whenever one is in use).
func (u *UI) frameworkText(org string) string {
	e := u.fw().Extension
	if e == nil || (org != "" && e.Organisation != org) {
		return lang.X("framework.version", "Competentiekader {{.Version}}", map[string]any{"Version": u.fw().Version})
	}
	return lang.X("framework.extension", "Competentiekader {{.Version}} met de uitbreiding {{.Name}}, versie {{.ExtVersion}}, voor {{.Org}}",
		map[string]any{"Version": u.fw().Version, "Name": e.Name, "ExtVersion": e.Version, "Org": u.organisationName(e.Organisation)})
}
