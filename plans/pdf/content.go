package pdf

import (
	"fmt"
	"maps"
	"slices"
	"sort"
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

// content describes the whole plan as layout blocks.
func content(f *planfile.File, chart picture) *document {
	name := strings.TrimSpace(f.Profile.Name)
	if name == "" {
		name = noName
	}
	var b []block
	b = append(b, cover(f, name)...)
	b = append(b, profile(f, chart)...)
	b = append(b, gaps(f)...)
	b = append(b, actions(f)...)
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

func cover(f *planfile.File, name string) []block {
	sc := f.SelfCheck
	done := fmt.Sprintf("%d van %d uitspraken beantwoord", sc.Answered, sc.Total)
	if sc.Total > 0 {
		done += fmt.Sprintf(" (%d%%)", sc.Answered*100/sc.Total)
	}
	if sc.Answered < sc.Total {
		done += "; waar uitspraken openstaan, telt het niveau alleen de gegeven antwoorden"
	}
	checked := date(sc.Updated)
	if !sc.Started.IsZero() && !sameDay(sc.Started, sc.Updated) {
		checked = fmt.Sprintf("begonnen %s, laatst bijgewerkt %s", date(sc.Started), date(sc.Updated))
	}
	return []block{
		spacer(25),
		para{text: docTitle, face: bold, size: 22},
		spacer(2),
		para{text: "Uitkomst van de zelfscan en de acties die u kiest om verder te groeien", size: 12, muted: true},
		spacer(12),
		rule{},
		fields{
			{"Naam", name},
			{"Team", orNot(f.Profile.Team)},
			{"Organisatie", orNot(f.Profile.OrganisationName)},
			{"Functie", orNot(f.Profile.FunctionName)},
			{"Zelfscan", checked},
			{"Plan geëxporteerd", date(f.Exported)},
			{"Volledigheid", done},
			{"Competentiekader", "versie " + orNot(f.Framework.Version)},
			{"Catalogus", "versie " + orNot(f.Catalogue)},
		},
		rule{},
		spacer(6),
		para{text: summary(f), muted: true},
	}
}

// summary says in one sentence what the plan holds.
func summary(f *planfile.File) string {
	gaps := len(f.Gaps)
	s := fmt.Sprintf("Dit plan telt %s en %s.", count(gaps, "tekort", "tekorten"), count(len(f.Actions), "actie", "acties"))
	switch n := len(f.Reviews); n {
	case 0:
		s += " Het is nog niet besproken."
	default:
		s += fmt.Sprintf(" Het is %s besproken, het laatst op %s.", count(n, "keer", "keer"), date(f.Reviews[n-1].Date))
	}
	return s
}

func profile(f *planfile.File, chart picture) []block {
	b := []block{
		newPage{},
		heading{text: "Uw profiel", level: 1},
		para{text: "Per competentie ziet u het niveau dat u zelf aangaf naast het niveau dat uw functie vraagt."},
		chart,
		heading{text: "Niveau per competentie", level: 2},
	}
	levels := table{cols: []column{{"Competentie", 0.5}, {"Categorie", 0.26}, {"Eigen niveau", 0.12}, {"Vereist", 0.12}}}
	for _, c := range f.Competencies {
		title := c.Title
		if !c.Complete {
			title += " *"
		}
		levels.rows = append(levels.rows, []string{title, c.Category, strconv.Itoa(c.Own), strconv.Itoa(c.Required)})
	}
	levels.strong = func(row, col int) bool { return col == 2 && f.Competencies[row].Own < f.Competencies[row].Required }
	if len(f.Competencies) > 0 {
		b = append(b, levels, para{text: "Vetgedrukt: lager dan vereist. * Niet alle uitspraken beantwoord; het niveau telt alleen de gegeven antwoorden.", size: 9, muted: true})
	}
	b = append(b, heading{text: "De schaal", level: 2})
	var scale fields
	for _, l := range f.Framework.Scale {
		scale = append(scale, field{fmt.Sprintf("%d – %s", l.Value, l.Label), l.Description})
	}
	if len(scale) > 0 {
		b = append(b, scale)
	}
	b = append(b,
		heading{text: "Hoe niveaus en tekorten worden berekend", level: 2},
		para{text: "Per competentie telt het gemiddelde van uw antwoorden op de uitspraken, met één decimaal. " +
			"Uw niveau is dat gemiddelde naar beneden afgerond; het niveau bepaalt of u haalt wat uw functie vraagt, zodat één zwak punt zichtbaar blijft. " +
			"De grootte van een tekort is het verschil tussen het vereiste niveau en uw gemiddelde: antwoorden 1, 1, 1, 1 bij vereist niveau 2 liggen 1,0 onder vereist, antwoorden 2, 2, 2, 1 een kwart niveau. " +
			"In de basis telt dat verschil helemaal, in verdieping en rol voor de helft; komt het op 1 of meer, dan is de prioriteit hoog, op 0,5 of meer middel, anders laag. " +
			"Het zwaarst tellende tekort staat eerst. Bij elk tekort horen de uitspraken die u lager dan het vereiste niveau beoordeelde."},
	)
	return b
}

func gaps(f *planfile.File) []block {
	b := []block{newPage{}, heading{text: "Tekorten in volgorde van prioriteit", level: 1}}
	if len(f.Gaps) == 0 {
		return append(b, para{text: "Er zijn geen tekorten: op elke competentie haalt u het niveau dat uw functie vraagt."})
	}
	t := table{cols: []column{
		{"Nr.", 0.05}, {"Competentie", 0.31}, {"Categorie", 0.21},
		{"Eigen niveau → vereist", 0.23}, {"Tekort", 0.09}, {"Prioriteit", 0.11},
	}}
	incomplete := false
	for i, g := range f.Gaps {
		title := competencyTitle(f, g.CompetencyID)
		if !g.Complete {
			title += " *"
			incomplete = true
		}
		category := ""
		if c, ok := f.Competency(g.CompetencyID); ok {
			category = c.Category
		}
		t.rows = append(t.rows, []string{
			strconv.Itoa(i + 1), title, category,
			levelText(f, g.Own) + " → " + levelText(f, g.Required),
			strconv.Itoa(g.Size), capitalise(g.Priority),
		})
	}
	t.strong = func(row, col int) bool { return col == 5 && f.Gaps[row].Priority == "hoog" }
	b = append(b, t)
	b = append(b, para{text: "Tekort: het aantal niveaus tot het vereiste niveau.", size: 9, muted: true})
	if incomplete {
		b = append(b, para{text: "* Niet alle uitspraken van deze competentie zijn beantwoord; het niveau telt alleen de gegeven antwoorden.", size: 9, muted: true})
	}
	return b
}

func actions(f *planfile.File) []block {
	b := []block{newPage{}, heading{text: "Acties per tekort", level: 1}}
	if len(f.Actions) == 0 {
		b = append(b, para{text: "Er zijn nog geen acties gekozen."})
	}
	isGap := map[string]bool{}
	for i, g := range f.Gaps {
		isGap[g.CompetencyID] = true
		b = append(b, heading{text: fmt.Sprintf("%d. %s (prioriteit %s)", i+1, competencyTitle(f, g.CompetencyID), g.Priority), level: 2})
		as := f.ActionsFor(g.CompetencyID)
		if len(as) == 0 {
			b = append(b, para{text: "Nog geen actie gekozen voor dit tekort.", face: italic, muted: true})
		}
		for _, a := range as {
			b = append(b, action(a))
		}
	}
	var other []*planfile.Action
	for i := range f.Actions {
		if !isGap[f.Actions[i].CompetencyID] {
			other = append(other, &f.Actions[i])
		}
	}
	if len(other) > 0 {
		b = append(b, heading{text: "Overige acties", level: 2},
			para{text: "Acties bij competenties waarop u het vereiste niveau al haalt.", muted: true})
		for _, a := range other {
			b = append(b, action(a, field{"Competentie", competencyTitle(f, a.CompetencyID)}))
		}
	}
	if len(f.Actions) > 0 {
		b = append(b, heading{text: "Accreditatiepunten per register", level: 2})
		if pts := points(f.Actions); len(pts) > 0 {
			b = append(b, pts)
		} else {
			b = append(b, para{text: "Voor geen van de gekozen acties is een accreditatie bekend.", muted: true})
		}
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
		if it.Provider != "" {
			fs = append(fs, field{"Aanbieder", it.Provider})
		}
		if it.Kind != "" {
			fs = append(fs, field{"Soort", plans.KindLabel(it.Kind)})
		}
		if it.Level != "" {
			fs = append(fs, field{"Niveau", plans.LevelLabel(it.Level)})
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
	}
	if strings.TrimSpace(a.OwnText) != "" {
		label := "Omschrijving"
		if a.Item != nil {
			label = "Toelichting"
		}
		fs = append(fs, field{label, a.OwnText})
	}
	target := "geen streefdatum"
	if !a.TargetDate.IsZero() {
		target = date(a.TargetDate)
	}
	fs = append(fs, field{"Streefdatum", target}, field{"Status", plans.StatusLabel(a.Status)})
	for _, e := range []field{
		{"Wat het opleverde", a.Evaluation.Brought},
		{"Wat er veranderde in de praktijk", a.Evaluation.Changed},
		{"Wat beter kan", a.Evaluation.Better},
	} {
		if strings.TrimSpace(e.value) != "" {
			fs = append(fs, e)
		}
	}
	return group{para{text: title, face: bold}, fs, spacer(2)}
}

// points sums the accreditation points of the chosen actions per register.
func points(as []planfile.Action) fields {
	total, done := map[string]float64{}, map[string]float64{}
	for _, a := range as {
		if a.Item == nil || a.Item.Accreditation.Register == "" {
			continue
		}
		reg := a.Item.Accreditation.Register
		total[reg] += a.Item.Accreditation.Points
		if a.Status == plans.StatusAfgerond {
			done[reg] += a.Item.Accreditation.Points
		}
	}
	regs := make([]string, 0, len(total))
	for r := range total {
		regs = append(regs, r)
	}
	sort.Strings(regs)
	var out fields
	for _, r := range regs {
		out = append(out, field{r, fmt.Sprintf("%s, waarvan %s afgerond", pointsText(total[r]), pointsText(done[r]))})
	}
	return out
}

func reflection(f *planfile.File) []block {
	b := []block{newPage{}, heading{text: "Reflectie", level: 1}}
	if strings.TrimSpace(f.Reflection) == "" {
		b = append(b, para{text: "Er is nog geen reflectie geschreven.", face: italic, muted: true})
	} else {
		b = append(b, para{text: f.Reflection})
	}
	var notes []block
	for _, c := range f.Competencies {
		if strings.TrimSpace(c.Note) != "" {
			notes = append(notes, group{para{text: c.Title, face: bold}, para{text: c.Note}, spacer(1)})
		}
	}
	if len(notes) > 0 {
		b = append(b, heading{text: "Uw notities bij competenties", level: 2})
		b = append(b, notes...)
	}
	return b
}

func reviews(f *planfile.File) []block {
	b := []block{newPage{}, heading{text: "Bespreking", level: 1}}
	if len(f.Reviews) == 0 {
		return append(b,
			para{text: "Dit plan is nog niet besproken. Vul dit deel in tijdens de bespreking in intervisie, werkbegeleiding of supervisie.", muted: true},
			spacer(3),
			writeLines{label: "Naam begeleider", n: 1},
			writeLines{label: "Datum", n: 1},
			writeLines{label: "Vorm van bespreking (intervisie, werkbegeleiding of supervisie)", n: 1},
			writeLines{label: "Opmerkingen en afspraken", n: 8},
			spacer(4),
			signatures{"Handtekening professional", "Handtekening begeleider"},
		)
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
	// Comments per gap in priority order, then any on other competencies.
	var gapComments fields
	seen := map[string]bool{}
	for _, g := range f.Gaps {
		if c := strings.TrimSpace(r.GapComments[g.CompetencyID]); c != "" {
			gapComments = append(gapComments, field{competencyTitle(f, g.CompetencyID), c})
		}
		seen[g.CompetencyID] = true
	}
	for _, id := range slices.Sorted(maps.Keys(r.GapComments)) {
		if c := strings.TrimSpace(r.GapComments[id]); c != "" && !seen[id] {
			gapComments = append(gapComments, field{competencyTitle(f, id), c})
		}
	}
	if len(gapComments) > 0 {
		b = append(b, para{text: "Opmerkingen per tekort", face: bold}, gapComments)
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
		para{text: credit},
	}
	if t := strings.TrimSpace(f.Framework.Title); t != "" {
		b = append(b, para{text: "Bron: " + t + " (" + sourceName + "). Versie van het kader: " + orNot(f.Framework.Version) + ".", muted: true})
	}
	b = append(b,
		spacer(2),
		para{text: "Aanbod", face: bold},
		para{text: "Het ingebouwde aanbod komt uit bijlage 4 van hetzelfde plan van aanpak (" + sourceName + "), het overzicht van deskundigheidsbevordering op dit thema. " +
			"Titels en aanbieders staan er zoals in de bron; een link staat er alleen bij als de bron die geeft. Versie van de catalogus: " + orNot(f.Catalogue) + "."},
	)
	if own := ownCatalogues(f.Actions); len(own) > 0 {
		b = append(b, para{text: "Aanbod uit een eigen catalogus: " + strings.Join(own, ", ") + "."})
	}
	made := "Dit leerplan is gemaakt met de app Zelfscan GGG"
	if v := strings.TrimSpace(f.AppVersion); v != "" {
		made += " (versie " + v + ")"
	}
	made += " op " + date(f.Exported) + "."
	return append(b, spacer(2), para{text: made, muted: true})
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

func competencyTitle(f *planfile.File, id string) string {
	if c, ok := f.Competency(id); ok && c.Title != "" {
		return c.Title
	}
	return "Competentie " + id
}

func actionTitle(f *planfile.File, id string) string {
	for _, a := range f.Actions {
		if a.ID != id {
			continue
		}
		if a.Item != nil {
			return a.Item.Title
		}
		if t := firstLine(a.OwnText); t != "" {
			return "Eigen actie: " + t
		}
	}
	return "Actie " + id + " (niet meer in het plan)"
}

// firstLine shortens an own text to a label of at most 80 characters.
func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	if r := []rune(s); len(r) > 80 {
		s = string(r[:79]) + "…"
	}
	return s
}

// levelText is "2 (Toepassen)" with the label from the plan's own scale.
func levelText(f *planfile.File, v int) string {
	for _, l := range f.Framework.Scale {
		if l.Value == v {
			return fmt.Sprintf("%d (%s)", v, l.Label)
		}
	}
	return strconv.Itoa(v)
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

// pointsText is "1 punt" or "2,5 punten" with a Dutch decimal comma.
func pointsText(p float64) string {
	s := strings.Replace(strconv.FormatFloat(p, 'f', -1, 64), ".", ",", 1)
	if p == 1 {
		return s + " punt"
	}
	return s + " punten"
}

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

func capitalise(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}
