package planfile

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"zelfscan/documents/plaintext"
	"zelfscan/plans"
)

// Limits on what a plan file may hold. They are generous for real plans and
// keep a hostile file from making the PDF or the screens unusable.
const (
	maxShort      = 300   // names, titles, IDs, labels
	maxText       = 10000 // descriptions, notes, reflection, comments
	maxCount      = 2000  // competencies, indicators, gaps, actions, reviews
	maxIndicators = 100   // per competency
)

// validator collects problems in Dutch, in file order.
type validator struct{ errs []error }

func (v *validator) add(format string, args ...any) {
	v.errs = append(v.errs, fmt.Errorf(format, args...))
}

func (v *validator) text(what, s string, limit int) {
	if n := len([]rune(s)); n > limit {
		v.add("%s is te lang (%d tekens, hoogstens %d)", what, n, limit)
	}
	if plaintext.HasControl(s) {
		v.add("%s bevat een stuurteken (zoals NUL of ESC) dat niet in tekst hoort", what)
	}
}

func (v *validator) required(what, s string, limit int) {
	if strings.TrimSpace(s) == "" {
		v.add("%s ontbreekt", what)
		return
	}
	v.text(what, s, limit)
}

// date accepts the zero time (not set) or a time in the window.
func (v *validator) date(what string, t time.Time) {
	if !t.IsZero() && !plans.DateInRange(t) {
		v.add("%s (%s) ligt niet tussen %d en %d", what, t.Format("2-1-2006"), plans.FirstDateYear, plans.LastDateYear)
	}
}

func (v *validator) level(what string, l, top int) {
	if l < 0 || l > top {
		v.add("%s is %d; de schaal loopt van 0 tot en met %d", what, l, top)
	}
}

func (v *validator) count(what string, n, limit int) bool {
	if n > limit {
		v.add("te veel %s (%d, hoogstens %d)", what, n, limit)
		return false
	}
	return true
}

// personID is a person ID as store.PersonID makes it: 128 random bits.
var personID = regexp.MustCompile(`^[0-9a-f]{32}$`)

// Validate checks that every value is possible: levels on the file's own
// scale, references only to competencies and actions in the file, sane
// dates and counts, text within limits and unique IDs. It says nothing about
// whether the framework of this app knows the competencies: a file made
// with another framework version stands on its own.
func (f *File) Validate() error {
	v := &validator{}
	if f.Format != Format {
		v.add("het kenmerk is %q in plaats van %q", f.Format, Format)
	}
	if f.Version < 1 || f.Version > Version {
		v.add("bestandsversie %d wordt niet ondersteund", f.Version)
	}
	v.date("de exportdatum", f.Exported)
	v.text("de appversie", f.AppVersion, maxShort)
	v.required("de id van het leerplan", f.PlanUID, maxShort)
	if f.PersonID != "" && !personID.MatchString(f.PersonID) {
		v.add("de persoons-id is geen 32 tekens lange hexadecimale code")
	}
	v.date("de aanmaakdatum van het plan", f.PlanCreated)
	v.date("de wijzigingsdatum van het plan", f.PlanUpdated)
	if !f.PlanCreated.IsZero() && f.PlanUpdated.Before(f.PlanCreated) {
		v.add("het plan is eerder bijgewerkt dan gemaakt")
	}
	v.text("de kaderversie", f.Framework.Version, maxShort)
	v.text("de titel van het kader", f.Framework.Title, maxShort)
	v.text("de bronvermelding van het kader", f.Framework.Credit, maxText)
	if e := f.Framework.Extension; e != nil {
		v.required("de naam van de kaderuitbreiding", e.Name, maxShort)
		v.required("de versie van de kaderuitbreiding", e.Version, maxShort)
		v.required("de organisatie van de kaderuitbreiding", e.Organisation, maxShort)
	}
	v.text("de catalogusversie", f.Catalogue, maxShort)
	top := v.scale(f)
	f.validateProfile(v)
	comps := f.validateCompetencies(v, top)
	f.validateGaps(v, top, comps)
	actions := f.validateActions(v, comps)
	v.text("de reflectie", f.Reflection, maxText)
	f.validateReviews(v, comps, actions)
	f.validateFollowUp(v, top, comps)
	return errors.Join(v.errs...)
}

// validateFollowUp checks the next self-check's day and the effects: each
// of a competency in the file, once, with averages on the scale.
func (f *File) validateFollowUp(v *validator, top int, comps map[string]bool) {
	v.date("de datum van de volgende zelfscan", f.NextSelfCheck)
	v.date("de datum van de meting van het effect", f.EffectsMeasured)
	if !v.count("effecten", len(f.Effects), maxCount) {
		return
	}
	seen := map[string]bool{}
	for i, e := range f.Effects {
		what := fmt.Sprintf("effect %d", i+1)
		switch {
		case !comps[e.CompetencyID]:
			v.add("%s hoort bij competentie %q, die niet in het bestand staat", what, e.CompetencyID)
		case seen[e.CompetencyID]:
			v.add("%s: competentie %q heeft al een effect", what, e.CompetencyID)
		}
		seen[e.CompetencyID] = true
		for _, avg := range []float64{e.Before, e.After} {
			if math.IsNaN(avg) || avg < 0 || avg > float64(top) {
				v.add("%s: het gemiddelde %v ligt niet op de schaal van 0 tot en met %d", what, avg, top)
			}
		}
		if e.Actions < 1 || e.Actions > maxCount {
			v.add("%s: het aantal afgeronde acties is %d", what, e.Actions)
		}
		if v.count("aanbod bij "+what, len(e.Items), maxCount) {
			for _, id := range e.Items {
				v.required("een aanbod bij "+what, id, maxShort)
			}
		}
	}
}

// scale checks that the levels run 0, 1, ..., n and returns n.
func (v *validator) scale(f *File) int {
	s := f.Framework.Scale
	if len(s) < 2 {
		v.add("de beoordelingsschaal heeft minder dan twee niveaus")
		return max(len(s)-1, 0)
	}
	if !v.count("schaalniveaus", len(s), 20) {
		return 0
	}
	for i, l := range s {
		if l.Value != i {
			v.add("de beoordelingsschaal loopt niet als 0, 1, 2, ... (niveau %d heeft waarde %d)", i+1, l.Value)
			break
		}
		v.required(fmt.Sprintf("het label van niveau %d", i), l.Label, maxShort)
		v.text(fmt.Sprintf("de omschrijving van niveau %d", i), l.Description, maxText)
	}
	return len(s) - 1
}

func (f *File) validateProfile(v *validator) {
	p := f.Profile
	v.required("de organisatie", p.OrganisationID, maxShort)
	v.text("de naam van de organisatie", p.OrganisationName, maxShort)
	v.required("het functieprofiel", p.FunctionID, maxShort)
	v.text("de naam van het functieprofiel", p.FunctionName, maxShort)
	v.text("de naam", p.Name, maxShort)
	v.text("het team", p.Team, maxShort)
	s := f.SelfCheck
	v.date("de startdatum van de zelfscan", s.Started)
	v.date("de wijzigingsdatum van de zelfscan", s.Updated)
	switch {
	case s.Answered < 0 || s.Total < 0:
		v.add("het aantal beantwoorde uitspraken is negatief")
	case s.Answered > s.Total:
		v.add("er zijn meer uitspraken beantwoord (%d) dan er zijn (%d)", s.Answered, s.Total)
	}
}

// validateCompetencies returns the IDs of the file's competencies.
func (f *File) validateCompetencies(v *validator, top int) map[string]bool {
	ids := map[string]bool{}
	if !v.count("competenties", len(f.Competencies), maxCount) {
		return ids
	}
	indicators := map[string]bool{}
	for i, c := range f.Competencies {
		at := fmt.Sprintf("competentie %d", i+1)
		if strings.TrimSpace(c.ID) == "" {
			v.add("%s heeft geen id", at)
		} else if ids[c.ID] {
			v.add("competentie '%s' komt twee keer voor", c.ID)
		} else {
			v.text(at+": de id", c.ID, maxShort)
			at = fmt.Sprintf("competentie '%s'", c.ID)
		}
		ids[c.ID] = true
		v.required(at+": de titel", c.Title, maxShort)
		v.text(at+": de omschrijving", c.Description, maxText)
		v.text(at+": de categorie", c.Category, maxShort)
		v.text(at+": de bron", c.Source, maxShort)
		v.text(at+": de notitie", c.Note, maxText)
		v.level(at+": het vereiste niveau", c.Required, top)
		v.level(at+": het eigen niveau", c.Own, top)
		if !v.count("uitspraken bij "+at, len(c.Indicators), maxIndicators) {
			continue
		}
		for _, ind := range c.Indicators {
			if strings.TrimSpace(ind.ID) == "" {
				v.add("%s: een uitspraak heeft geen id", at)
			} else if indicators[ind.ID] {
				v.add("uitspraak '%s' komt twee keer voor", ind.ID)
			}
			indicators[ind.ID] = true
			v.text(at+": een uitspraak", ind.Text, maxText)
			v.text(at+": een notitie bij een uitspraak", ind.Note, maxText)
			if ind.Level != nil {
				v.level(fmt.Sprintf("%s: het niveau bij uitspraak '%s'", at, ind.ID), *ind.Level, top)
			}
		}
	}
	return ids
}

func (f *File) validateGaps(v *validator, top int, comps map[string]bool) {
	if !v.count("tekorten", len(f.Gaps), maxCount) {
		return
	}
	seen := map[string]bool{}
	for i, g := range f.Gaps {
		at := fmt.Sprintf("tekort %d", i+1)
		switch {
		case !comps[g.CompetencyID]:
			v.add("%s gaat over '%s', een competentie die niet in het bestand staat", at, g.CompetencyID)
		case seen[g.CompetencyID]:
			v.add("het tekort bij '%s' komt twee keer voor", g.CompetencyID)
		}
		seen[g.CompetencyID] = true
		v.level(at+": het vereiste niveau", g.Required, top)
		v.level(at+": het eigen niveau", g.Own, top)
		if g.Size != g.Required-g.Own || g.Size < 1 {
			v.add("%s: de grootte %d past niet bij vereist %d en eigen %d", at, g.Size, g.Required, g.Own)
		}
		v.text(at+": de prioriteit", g.Priority, maxShort)
	}
}

// validateActions returns the IDs of the file's actions.
func (f *File) validateActions(v *validator, comps map[string]bool) map[string]bool {
	ids := map[string]bool{}
	if !v.count("acties", len(f.Actions), maxCount) {
		return ids
	}
	for i, a := range f.Actions {
		at := fmt.Sprintf("actie %d", i+1)
		pa := a.plansAction()
		if err := pa.Validate(); err != nil {
			v.add("%s: %w", at, err)
		}
		if a.ID != "" && ids[a.ID] {
			v.add("%s: id '%s' komt twee keer voor", at, a.ID)
		}
		ids[a.ID] = true
		if a.CompetencyID != "" && !comps[a.CompetencyID] {
			v.add("%s gaat over '%s', een competentie die niet in het bestand staat", at, a.CompetencyID)
		}
		v.date(at+": de streefdatum", a.TargetDate)
		if it := a.Item; it != nil {
			v.required(at+": de id van het aanbod", it.ID, maxShort)
			v.required(at+": de titel van het aanbod", it.Title, maxShort)
			v.text(at+": de aanbieder", it.Provider, maxShort)
			v.text(at+": de bron van het aanbod", it.Source, maxShort)
			v.text(at+": de herkomst van het aanbod", it.Origin, maxShort)
			v.text(at+": het register", it.Accreditation.Register, maxShort)
			if p := it.Accreditation.Points; p < 0 || p > 1000 {
				v.add("%s: %v accreditatiepunten is onmogelijk", at, p)
			}
			v.url(at, it.URL)
		}
	}
	return ids
}

// url allows only web links: the app opens them on a click, and a file from
// someone else must not be able to make it open anything else.
func (v *validator) url(at, s string) {
	if s == "" {
		return
	}
	if n := len(s); n > maxText {
		v.add("%s: de link is te lang (%d tekens)", at, n)
		return
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		v.add("%s: '%s' is geen weblink (http of https)", at, s)
	}
}

func (f *File) validateReviews(v *validator, comps, actions map[string]bool) {
	if !v.count("besprekingen", len(f.Reviews), maxCount) {
		return
	}
	uids := map[string]bool{}
	for i := range f.Reviews {
		r := &f.Reviews[i]
		at := fmt.Sprintf("bespreking %d", i+1)
		if strings.TrimSpace(r.UID) == "" {
			v.add("%s heeft geen id", at)
		} else if uids[r.UID] {
			v.add("%s: id '%s' komt twee keer voor", at, r.UID)
		}
		uids[r.UID] = true
		v.text(at+": de id", r.UID, maxShort)
		for _, p := range r.problems(comps, actions) {
			v.add("%s: %s", at, p)
		}
	}
}

// problems are the reasons a review cannot belong to a file with these
// competencies and actions; AddReview and Validate share them.
func (r *Review) problems(comps, actions map[string]bool) []string {
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	switch n := len([]rune(strings.TrimSpace(r.Reviewer))); {
	case n == 0:
		add("vul de naam van de bespreker in")
	case n > maxShort:
		add("de naam van de bespreker is te lang (hoogstens %d tekens)", maxShort)
	}
	if r.Date.IsZero() {
		add("vul de datum van de bespreking in")
	} else if !plans.DateInRange(r.Date) {
		add("de datum van de bespreking (%s) ligt niet tussen %d en %d", r.Date.Format("2-1-2006"), plans.FirstDateYear, plans.LastDateYear)
	}
	if !r.OnPlanUpdated.IsZero() && !plans.DateInRange(r.OnPlanUpdated) {
		add("de versiedatum van het besproken plan ligt niet tussen %d en %d", plans.FirstDateYear, plans.LastDateYear)
	}
	if !r.Setting.Valid() {
		add("'%s' is geen bekende setting", r.Setting)
	}
	if n := len([]rune(r.Overall)); n > maxText {
		add("het algemene commentaar is te lang (%d tekens, hoogstens %d)", n, maxText)
	}
	for _, id := range slices.Sorted(maps.Keys(r.GapComments)) {
		if !comps[id] {
			add("commentaar bij '%s', een competentie die niet in het plan staat", id)
		} else if n := len([]rune(r.GapComments[id])); n > maxText {
			add("commentaar bij '%s' is te lang (%d tekens, hoogstens %d)", id, n, maxText)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(r.ActionComments)) {
		if !actions[id] {
			add("commentaar bij actie '%s', die niet in het plan staat", id)
		} else if n := len([]rune(r.ActionComments[id])); n > maxText {
			add("commentaar bij actie '%s' is te lang (%d tekens, hoogstens %d)", id, n, maxText)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(r.Agreed)) {
		if !actions[id] {
			add("afspraak over actie '%s', die niet in het plan staat", id)
		}
	}
	return out
}

func (a *Action) plansAction() plans.Action {
	pa := plans.Action{
		ID: a.ID, CompetencyID: a.CompetencyID, OwnText: a.OwnText,
		TargetDate: a.TargetDate, Status: a.Status, Evaluation: a.Evaluation,
	}
	if a.Item != nil {
		pa.ItemID = a.Item.ID
	}
	return pa
}
