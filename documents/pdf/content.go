package pdf

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"zelfscan/plans"
	"zelfscan/plans/planfile"
)

const (
	docTitle   = "Persoonlijk leerplan gendergerelateerd geweld"
	noName     = "Naam niet ingevuld"
	notFilled  = "niet ingevuld"
	sourceName = "Regioplan, 2026"
)

// content describes the whole plan as layout blocks, in the order its
// reader (the supervisor) needs it: a one-page summary, the profile chart,
// then detail only where it adds something.
func content(f *planfile.File, chart picture) *document {
	name := strings.TrimSpace(f.Profile.Name)
	if name == "" {
		name = noName
	}
	var b []block
	b = append(b, summaryPage(f, name)...)
	b = append(b, profile(f, chart)...)
	b = append(b, details(f)...)
	b = append(b, reflection(f)...)
	b = append(b, reviews(f)...)
	b = append(b, sources(f)...)
	return &document{
		title:  docTitle + " — " + name,
		author: name,
		header: "Zelfscan GGG — persoonlijk leerplan — " + name,
		blocks: b,
		// The framework line in every footer: which framework (and
		// extension) the plan was made against.
		framework: f.Framework.Label(),
	}
}

// topGaps is how many gaps page 1 shows with their evidence; the rest
// follow in one table or one list.
const (
	topGaps      = 3
	evidenceRows = 2
)

// summaryPage is page 1: who and when, the main gaps with the statements
// behind them, the agreed actions, and the other gaps in one place.
func summaryPage(f *planfile.File, name string) []block {
	b := []block{
		para{text: docTitle, face: bold, size: 16},
		who(f, name),
		rule{},
	}
	b = append(b, mainGaps(f)...)
	b = append(b, actionTable(f)...)
	return append(b, otherGaps(f)...)
}

func who(f *planfile.File, name string) fields {
	sc := f.SelfCheck
	done := fmt.Sprintf("%d van %d uitspraken beantwoord", sc.Answered, sc.Total)
	checked := date(sc.Updated)
	if !sc.Started.IsZero() && !sameDay(sc.Started, sc.Updated) {
		checked = fmt.Sprintf("%s – %s", date(sc.Started), date(sc.Updated))
	}
	person := name
	if t := strings.TrimSpace(f.Profile.Team); t != "" {
		person += ", " + t
	}
	return fields{
		{"Professional", person},
		{"Organisatie en functie", orNot(f.Profile.OrganisationName) + " — " + orNot(f.Profile.FunctionName)},
		{"Zelfscan", checked + " · " + done},
		{"Competentiekader", frameworkLine(f)},
		{"Plan", date(f.Exported) + ": " + outcome(f)},
	}
}

// frameworkLine names the framework version, the organisation's extension
// when the plan was made with one, and the catalogue.
func frameworkLine(f *planfile.File) string {
	s := "versie " + orNot(f.Framework.Version) + " (" + sourceName + ")"
	if e := f.Framework.Extension; e != nil {
		s += " met uitbreiding " + e.Name + " " + e.Version
	}
	return s + " · catalogus " + orNot(f.Catalogue)
}

// reviewState says whether and when the plan was discussed.
func reviewState(f *planfile.File) string {
	r, ok := f.LatestReview()
	if !ok {
		return "nog niet besproken"
	}
	s := "laatst besproken op " + date(r.Date) + " met " + orNot(r.Reviewer)
	if r.SignedOff {
		s += ", afgetekend"
	}
	return s
}

// outcome says in a few words what the plan holds.
func outcome(f *planfile.File) string {
	return count(len(f.Gaps), "tekort", "tekorten") + ", " + count(len(f.Actions), "actie", "acties") + ", " + reviewState(f)
}

// mainGaps shows the first gaps in priority order with their levels, the
// average behind them and the statements rated below the required level.
func mainGaps(f *planfile.File) []block {
	b := []block{heading{text: "Belangrijkste tekorten", level: 2}}
	if len(f.Gaps) == 0 {
		return append(b, para{text: "Er zijn geen tekorten: op elke competentie haalt de professional het niveau dat de functie vraagt."})
	}
	for i, g := range f.GapViews()[:min(topGaps, len(f.Gaps))] {
		b = append(b, gapSummary(f, i+1, g))
	}
	return b
}

func gapSummary(f *planfile.File, nr int, g planfile.GapView) block {
	title, _ := f.CompetencyTitle(g.CompetencyID)
	grp := group{para{text: fmt.Sprintf("%d. %s — prioriteit %s", nr, title, g.Priority), face: bold}}
	levels := "nu " + f.LevelLabel(g.Own) + " → vereist " + f.LevelLabel(g.Required)
	assessed, ok := f.Gap(g.CompetencyID)
	if ok && assessed.Answered > 0 {
		levels = fmt.Sprintf("nu %s, gemiddeld %s → vereist %s · %d van %d uitspraken onder het vereiste niveau",
			f.LevelLabel(g.Own), planfile.Decimal(assessed.Score()), f.LevelLabel(g.Required), len(assessed.Evidence), assessed.Answered)
	}
	if !g.Complete {
		levels += " · niet alle uitspraken beantwoord"
	}
	if len(g.Actions) == 0 {
		levels += " · nog geen actie gekozen"
	}
	grp = append(grp, para{text: levels, size: 9, muted: true})
	// The lowest-rated statements come first; a last line says how many
	// more there are, so the list is never taken for all of them.
	var lines []string
	for _, e := range assessed.Evidence[:min(evidenceRows, len(assessed.Evidence))] {
		lines = append(lines, "• "+e.Indicator.Text+" — antwoord "+f.LevelLabel(e.Level))
	}
	if more := len(assessed.Evidence) - evidenceRows; more > 0 {
		lines = append(lines, "• en nog "+count(more, "uitspraak", "uitspraken")+" onder het vereiste niveau")
	}
	if len(lines) > 0 {
		grp = append(grp, para{text: strings.Join(lines, "\n"), size: 9})
	}
	return append(grp, spacer(1.5))
}

// actionTable lists every action with its gap, target date and status.
func actionTable(f *planfile.File) []block {
	b := []block{heading{text: "Gekozen acties", level: 2}}
	if len(f.Actions) == 0 {
		return append(b, para{text: "Er zijn nog geen acties gekozen.", muted: true})
	}
	t := table{cols: []column{{"Actie", 0.39}, {"Bij competentie", 0.36}, {"Streefdatum", 0.14}, {"Status", 0.11}}}
	for _, a := range f.Actions {
		title := actionTitle(f, a.ID)
		comp := competencyTitle(f, a.CompetencyID)
		target := "–"
		if !a.TargetDate.IsZero() {
			target = shortDate(a.TargetDate)
		}
		t.rows = append(t.rows, []string{title, comp, target, plans.StatusLabel(a.Status)})
	}
	t.strong = func(row, col int) bool { return col == 3 && f.Actions[row].Status == plans.StatusAfgerond }
	return append(b, t)
}

// otherGaps lists the gaps beyond the main ones once: those with an action
// in a table, those without one together in one sentence (a main gap
// without an action says so itself).
func otherGaps(f *planfile.File) []block {
	var b []block
	t := table{cols: []column{{"Overige tekorten met een actie", 0.6}, {"Nu → vereist", 0.25}, {"Prioriteit", 0.15}}}
	var without []string
	for i, g := range f.GapViews() {
		if i < topGaps {
			continue
		}
		title, _ := f.CompetencyTitle(g.CompetencyID)
		if len(g.Actions) == 0 {
			without = append(without, title)
			continue
		}
		t.rows = append(t.rows, []string{title, fmt.Sprintf("%d → %d", g.Own, g.Required), planfile.CapitalFirst(g.Priority)})
	}
	if len(t.rows) > 0 {
		b = append(b, spacer(2), t)
	}
	if len(without) > 0 {
		b = append(b, group{para{text: "Overige tekorten zonder actie (" + strconv.Itoa(len(without)) + ")", face: bold},
			para{text: strings.Join(without, " · "), size: 9}})
	}
	return b
}

// profile is the chart, with its scale and how levels are computed above
// it: the chart shrinks to the room left, so nothing of it is split off.
func profile(f *planfile.File, chart picture) []block {
	var scale []string
	for _, l := range f.Framework.Scale {
		scale = append(scale, fmt.Sprintf("%d %s", l.Value, l.Label))
	}
	// No forced page break: a summary that runs over shares its second page
	// with the chart, which shrinks to fit, or with the actions in detail.
	b := []block{
		heading{text: "Profiel", level: 1},
		para{text: "Per competentie het niveau dat de professional zichzelf gaf, naast het niveau dat de functie vraagt."},
	}
	if len(scale) > 0 {
		b = append(b, para{text: "Schaal: " + strings.Join(scale, " · "), size: 9, muted: true})
	}
	// One float: the heading and its explanation never stay behind on a
	// page the chart does not fit on, and what follows fills that page.
	return []block{append(float(b),
		para{size: 9, muted: true, text: "Het niveau is het gemiddelde van de antwoorden op de uitspraken van een competentie, naar beneden afgerond; " +
			"het telt voor de vraag of het vereiste niveau is gehaald. Hoe ver het gemiddelde onder het vereiste niveau ligt, bepaalt prioriteit en volgorde: " +
			"in de basis telt dat verschil helemaal, in verdieping en rol voor de helft (1 of meer: hoog, 0,5 of meer: middel, anders laag)."},
		chart)}
}

// details shows per gap what page 1 leaves out: provider, kind, level,
// accreditation, link and evaluation of each action (its target date and
// status are in page 1's table). Gaps without an action are not repeated
// here.
func details(f *planfile.File) []block {
	if len(f.Actions) == 0 {
		return nil
	}
	b := []block{heading{text: "Acties in detail", level: 1}}
	for i, g := range f.GapViews() {
		if len(g.Actions) == 0 {
			continue
		}
		title, _ := f.CompetencyTitle(g.CompetencyID)
		b = append(b, heading{text: fmt.Sprintf("%d. %s", i+1, title), level: 2})
		for _, a := range g.Actions {
			b = append(b, action(a))
		}
	}
	if other := f.OtherActions(); len(other) > 0 {
		b = append(b, heading{text: "Acties bij competenties zonder tekort", level: 2})
		for _, a := range other {
			title, _ := f.CompetencyTitle(a.CompetencyID)
			b = append(b, action(a, field{"Competentie", title}))
		}
	}
	b = append(b, heading{text: "Accreditatiepunten per register", level: 2})
	if pts := points(f); len(pts) > 0 {
		b = append(b, group{pts, para{text: "Elk aanbod telt één keer, ook als het bij meer tekorten is gekozen; afgerond zodra één actie ermee is afgerond.", size: 9, muted: true}})
	} else {
		b = append(b, para{text: "Voor geen van de gekozen acties is een accreditatie bekend.", muted: true})
	}
	return b
}

// action is one action as a block kept together where it fits.
func action(a *planfile.Action, extra ...field) block {
	title := "Eigen actie"
	if a.Item != nil {
		title = a.Item.Title
	}
	fs := fields(extra)
	if it := a.Item; it != nil {
		fs = append(fs, itemFields(it)...)
	}
	if strings.TrimSpace(a.OwnText) != "" {
		label := "Omschrijving"
		if a.Item != nil {
			label = "Toelichting"
		}
		fs = append(fs, field{label, a.OwnText})
	}
	for _, e := range append([]field{
		{"Wat het opleverde", a.Evaluation.Brought},
		{"Wat er veranderde in de praktijk", a.Evaluation.Changed},
		{"Wat beter kan", a.Evaluation.Better},
		{"Bruikbaarheid", plans.RatingLabel(a.Evaluation.Rating)},
	}, remarkField(a.Evaluation)) {
		if strings.TrimSpace(e.value) != "" {
			fs = append(fs, e)
		}
	}
	return group{para{text: title, face: bold}, fs, spacer(1)}
}

// remarkField is the improvement point for the offer, saying whether it
// was shared with the training coordinator (without name or date).
func remarkField(e plans.Evaluation) field {
	remark := strings.TrimSpace(e.Remark)
	if remark != "" && e.ShareRemark {
		remark += " (anoniem gedeeld met de opleidingscoördinator)"
	}
	return field{"Verbeterpunt aanbod", remark}
}

// itemFields are what the catalogue says of an item, leaving out the empty.
func itemFields(it *planfile.Item) fields {
	var about []string
	for _, s := range []string{it.Provider, plans.KindLabel(it.Kind), plans.LevelLabel(it.Level)} {
		if strings.TrimSpace(s) != "" {
			about = append(about, s)
		}
	}
	var fs fields
	if len(about) > 0 {
		fs = append(fs, field{"Aanbieder, soort, niveau", strings.Join(about, " · ")})
	}
	if acc := it.Accreditation; acc.Register != "" {
		fs = append(fs, field{"Accreditatie", acc.Register + ", " + pointsText(acc.Points)})
	}
	if it.URL != "" {
		fs = append(fs, field{"Link", it.URL})
	}
	if it.Origin != "" && it.Origin != plans.OriginBuiltin {
		fs = append(fs, field{"Uit catalogus", it.Origin})
	}
	return fs
}

// points shows the plan's accreditation points per register by the plan
// file's rule, as the plan screen does.
func points(f *planfile.File) fields {
	var out fields
	for _, rp := range f.Points() {
		out = append(out, field{rp.Register, pointsText(rp.Total) + ", waarvan " + planfile.PointsNumber(rp.Completed) + " afgerond"})
	}
	return out
}

// reflection is the professional's own words: the reflection on the plan
// and the notes per competency, each with the supervisor's latest answer.
func reflection(f *planfile.File) []block {
	b := []block{heading{text: "Reflectie van de professional", level: 1}}
	notes := f.Notes()
	text := strings.TrimSpace(f.Reflection)
	switch {
	case text != "":
		b = append(b, para{text: f.Reflection})
	case len(notes) == 0:
		return append(b, para{text: "De professional heeft nog geen reflectie en geen notities geschreven.", face: italic, muted: true})
	}
	if len(notes) > 0 {
		b = append(b, heading{text: "Notities per competentie", level: 2})
	}
	for _, c := range notes {
		g := group{para{text: c.Title, face: bold}, para{text: c.Note}}
		if who, answer, ok := latestAnswer(f, c.ID); ok {
			g = append(g, para{text: "Antwoord van " + who + ": " + answer, face: italic, muted: true})
		}
		b = append(b, append(g, spacer(1)))
	}
	return b
}

// latestAnswer is the most recent review comment on a competency: the
// supervisor's answer to the note on it.
func latestAnswer(f *planfile.File, competencyID string) (reviewer, answer string, ok bool) {
	var when time.Time
	for _, r := range f.Reviews {
		if c := strings.TrimSpace(r.GapComments[competencyID]); c != "" && (!ok || !r.Date.Before(when)) {
			reviewer, answer, when, ok = orNot(r.Reviewer), c, r.Date, true
		}
	}
	return reviewer, answer, ok
}

// hasNote reports whether the professional wrote a note on a competency.
func hasNote(f *planfile.File, competencyID string) bool {
	for _, c := range f.Notes() {
		if c.ID == competencyID {
			return true
		}
	}
	return false
}

func reviews(f *planfile.File) []block {
	b := []block{heading{text: "Bespreking", level: 1}}
	if len(f.Reviews) == 0 {
		// The form to fill in by hand stays on one page with its signatures.
		return append(b, group{
			para{text: "Nog niet besproken. Vul dit deel in tijdens de bespreking in intervisie, werkbegeleiding of supervisie.", muted: true},
			spacer(2),
			writeLines{label: "Naam begeleider en datum", n: 1},
			writeLines{label: "Vorm van bespreking (intervisie, werkbegeleiding of supervisie)", n: 1},
			writeLines{label: "Opmerkingen en afspraken", n: 5},
			signatures{"Handtekening professional", "Handtekening begeleider"},
		})
	}
	for i, r := range f.Reviews {
		if i > 0 {
			b = append(b, rule{})
		}
		b = append(b, review(f, r)...)
	}
	return b
}

func review(f *planfile.File, r planfile.Review) []block {
	signed := "Nee"
	if r.SignedOff {
		signed = "Ja"
	}
	fs := fields{
		{"Begeleider", orNot(r.Reviewer)},
		{"Datum", date(r.Date)},
		{"Vorm van bespreking", orNot(plans.SettingLabel(r.Setting))},
		{"Plan afgetekend", signed},
	}
	if strings.TrimSpace(r.Overall) != "" {
		fs = append(fs, field{"Algemene opmerking", r.Overall})
	}
	b := []block{heading{text: "Bespreking van " + date(r.Date), level: 2}}
	if !r.OnPlanUpdated.IsZero() && !f.PlanUpdated.IsZero() && r.OnPlanUpdated.Before(f.PlanUpdated) {
		b = append(b, para{text: "Deze bespreking ging over een eerdere versie van het plan (van " + date(r.OnPlanUpdated) + ").", face: italic, muted: true})
	}
	b = append(b, fs)
	gapComments, answered := competencyComments(f, r)
	if len(gapComments) > 0 {
		b = append(b, para{text: "Opmerkingen per competentie", face: bold}, gapComments)
	}
	if answered {
		b = append(b, para{text: "Antwoorden op notities staan bij de notities, onder Reflectie van de professional.", size: 9, muted: true})
	}
	var actionComments fields
	var agreed []string
	for _, id := range actionOrder(f, r) {
		label := actionTitle(f, id)
		if c := strings.TrimSpace(r.ActionComments[id]); c != "" {
			actionComments = append(actionComments, field{label, c})
		}
		if r.Agreed[id] {
			agreed = append(agreed, "• "+label)
		}
	}
	if len(actionComments) > 0 {
		b = append(b, para{text: "Opmerkingen per actie", face: bold}, actionComments)
	}
	if len(agreed) > 0 {
		b = append(b, para{text: "Afgesproken acties", face: bold}, para{text: strings.Join(agreed, "\n")})
	}
	return b
}

// competencyComments are a review's comments per competency in priority
// order, then any on other competencies. A comment printed as the answer
// next to the note it answers (under the reflection) is left out, and
// answered says there was one.
func competencyComments(f *planfile.File, r planfile.Review) (out fields, answered bool) {
	comment := func(id string) {
		c := strings.TrimSpace(r.GapComments[id])
		if c == "" {
			return
		}
		if who, answer, ok := latestAnswer(f, id); ok && hasNote(f, id) && who == orNot(r.Reviewer) && answer == c {
			answered = true
			return
		}
		out = append(out, field{competencyTitle(f, id), c})
	}
	seen := map[string]bool{}
	for _, g := range f.Gaps {
		comment(g.CompetencyID)
		seen[g.CompetencyID] = true
	}
	for _, id := range slices.Sorted(maps.Keys(r.GapComments)) {
		if !seen[id] {
			comment(id)
		}
	}
	return out, answered
}

// actionOrder lists the action IDs a review mentions: plan order first,
// then IDs the plan no longer has.
func actionOrder(f *planfile.File, r planfile.Review) []string {
	mentioned := map[string]bool{}
	for id := range r.ActionComments {
		mentioned[id] = true
	}
	for id, ok := range r.Agreed {
		if ok {
			mentioned[id] = true
		}
	}
	var out []string
	for _, a := range f.Actions {
		if mentioned[a.ID] {
			out = append(out, a.ID)
			delete(mentioned, a.ID)
		}
	}
	return append(out, slices.Sorted(maps.Keys(mentioned))...)
}

func sources(f *planfile.File) []block {
	credit := strings.TrimSpace(f.Framework.Credit)
	if credit == "" {
		credit = "Het competentiekader is gebaseerd op het plan van aanpak deskundigheidsbevordering gendergerelateerd geweld (" + sourceName + ")."
	}
	b := []block{
		heading{text: "Bronnen", level: 1},
		para{text: "Competentiekader", face: bold},
		para{text: credit, size: 9},
	}
	if t := strings.TrimSpace(f.Framework.Title); t != "" {
		b = append(b, para{text: "Bron: " + t + " (" + sourceName + "). Versie van het kader: " + orNot(f.Framework.Version) + ".", size: 9, muted: true})
	}
	b = append(b,
		para{text: "Aanbod", face: bold},
		para{size: 9, text: "Het ingebouwde aanbod komt uit bijlage 4 van hetzelfde plan van aanpak (" + sourceName + "), het overzicht van deskundigheidsbevordering op dit thema. " +
			"Titels en aanbieders staan er zoals in de bron; een link staat er alleen bij als de bron die geeft. Versie van de catalogus: " + orNot(f.Catalogue) + "."},
	)
	if own := ownCatalogues(f.Actions); len(own) > 0 {
		b = append(b, para{text: "Aanbod uit een eigen catalogus: " + strings.Join(own, ", ") + ".", size: 9})
	}
	made := "Dit leerplan is gemaakt met de app Zelfscan GGG"
	if v := strings.TrimSpace(f.AppVersion); v != "" {
		made += " (versie " + v + ")"
	}
	made += " op " + date(f.Exported) + "."
	return append(b, spacer(1), para{text: made, size: 9, muted: true})
}

func ownCatalogues(as []planfile.Action) []string {
	set := map[string]bool{}
	for _, a := range as {
		if a.Item != nil && a.Item.Origin != "" && a.Item.Origin != plans.OriginBuiltin {
			set[a.Item.Origin] = true
		}
	}
	return slices.Sorted(maps.Keys(set))
}

// competencyTitle names a competency, also one the file no longer has.
func competencyTitle(f *planfile.File, id string) string {
	if t, ok := f.CompetencyTitle(id); ok {
		return t
	}
	return "Competentie " + id
}

// ownTitleRunes is how much of an own action's text names it in a table
// or a list; a longer text says where the rest is.
const ownTitleRunes = 300

// actionTitle names an action, also one a review mentions that the plan no
// longer has. An own action is named by its text, all of it when it is not
// very long: nothing a person wrote is cut without saying where the whole
// text is (under the action in detail).
func actionTitle(f *planfile.File, id string) string {
	a, ok := f.Action(id)
	switch {
	case !ok:
		return "Actie " + id + " (niet meer in het plan)"
	case a.Item != nil:
		return a.Item.Title
	}
	text := []rune(strings.Join(strings.Fields(a.OwnText), " "))
	if len(text) > ownTitleRunes {
		cut := string(text[:ownTitleRunes])
		if i := strings.LastIndex(cut, " "); i > 0 {
			cut = cut[:i]
		}
		return "Eigen actie: " + cut + " … (de hele tekst staat bij de actie onder Acties in detail)"
	}
	return "Eigen actie: " + string(text)
}

var months = [...]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}

// date is a Dutch date ("3 maart 2026"), or "onbekend".
func date(t time.Time) string {
	if t.IsZero() {
		return "onbekend"
	}
	return fmt.Sprintf("%d %s %d", t.Day(), months[t.Month()-1], t.Year())
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// pointsText is "1 punt" or "2,5 punten".
func pointsText(p float64) string {
	if p == 1 {
		return "1 punt"
	}
	return planfile.PointsNumber(p) + " punten"
}

// shortDate is 1-3-2027, for table columns.
func shortDate(t time.Time) string { return t.Format("2-1-2006") }

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func orNot(s string) string {
	if strings.TrimSpace(s) == "" {
		return notFilled
	}
	return s
}
