package planfile

import (
	"errors"
	"maps"
	"math"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"zelfscan/documents/plaintext"
	"zelfscan/plans"
	"zelfscan/usermsg"
)

// Limits on what a plan file may hold. They are generous for real plans and
// keep a hostile file from making the PDF or the screens unusable.
const (
	maxShort      = 300   // names, titles, IDs, labels
	maxText       = 10000 // descriptions, notes, reflection, comments
	maxCount      = 2000  // competencies, indicators, gaps, actions, reviews
	maxIndicators = 100   // per competency
)

// validator collects problems as messages, in file order.
type validator struct{ errs []error }

func (v *validator) add(code string, args map[string]any) {
	for k, a := range args {
		switch a := a.(type) {
		case place:
			args[k] = a.message()
		case part:
			args[k] = a.message()
		}
	}
	v.errs = append(v.errs, usermsg.New(code, args))
}

// what names a value in a message: a term such as "de titel", or a message
// such as "competentie 3: de titel" (see in).
type what = any

// term is a field's name in messages.
type term = usermsg.Term

// in names a field, or a problem, inside a part of the file. The message
// is made only when a problem is found (validator.add): a valid file names
// thousands of fields and finds nothing.
func in(where part, field what) place { return place{where, field} }

// place is a field inside a part of the file, not yet said.
type place struct {
	where part
	field what
}

func (p place) message() *usermsg.Error {
	field := p.field
	if inner, ok := field.(place); ok {
		field = inner.message()
	}
	return usermsg.New("planfile.in", map[string]any{"Where": p.where.message(), "What": field})
}

// part is a part of the file by number ("competentie 3") or ID, not yet
// said, for the same reason.
type part struct {
	code string
	n    int
	id   string
}

func (p part) message() *usermsg.Error {
	if p.id != "" {
		return usermsg.New(p.code, map[string]any{"ID": p.id})
	}
	return usermsg.New(p.code, map[string]any{"N": p.n})
}

func (v *validator) text(w what, s string, limit int) {
	if n := len([]rune(s)); n > limit {
		v.add("plans.tooLong", map[string]any{"Field": w, "Length": n, "Max": limit})
	}
	if plaintext.HasControl(s) {
		v.add("planfile.check.control", map[string]any{"Field": w})
	}
}

func (v *validator) required(w what, s string, limit int) {
	if strings.TrimSpace(s) == "" {
		v.add("planfile.check.missing", map[string]any{"Field": w})
		return
	}
	v.text(w, s, limit)
}

// date accepts the zero time (not set) or a time in the window.
func (v *validator) date(w what, t time.Time) {
	if !t.IsZero() && !plans.DateInRange(t) {
		v.add("planfile.check.dateRange", map[string]any{"Field": w, "Date": t.Format("2-1-2006"),
			"First": plans.FirstDateYear, "Last": plans.LastDateYear})
	}
}

func (v *validator) level(w what, l, top int) {
	if l < 0 || l > top {
		v.add("planfile.check.level", map[string]any{"Field": w, "Level": l, "Top": top})
	}
}

func (v *validator) count(w what, n, limit int) bool {
	if n > limit {
		v.add("planfile.check.tooMany", map[string]any{"What": w, "N": n, "Max": limit})
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
		v.add("planfile.check.format", map[string]any{"Found": f.Format, "Format": Format})
	}
	if f.Version < 1 || f.Version > Version {
		v.add("planfile.check.version", map[string]any{"Version": f.Version})
	}
	v.date(term("planfile.field.exported"), f.Exported)
	v.text(term("planfile.field.appVersion"), f.AppVersion, maxShort)
	v.required(term("planfile.field.planID"), f.PlanUID, maxShort)
	if f.PersonID != "" && !personID.MatchString(f.PersonID) {
		v.add("planfile.check.personID", nil)
	}
	v.date(term("planfile.field.created"), f.PlanCreated)
	v.date(term("planfile.field.updated"), f.PlanUpdated)
	if !f.PlanCreated.IsZero() && f.PlanUpdated.Before(f.PlanCreated) {
		v.add("plans.updatedBeforeCreated", nil)
	}
	v.text(term("planfile.field.frameworkVersion"), f.Framework.Version, maxShort)
	v.text(term("planfile.field.frameworkTitle"), f.Framework.Title, maxShort)
	v.text(term("planfile.field.frameworkCredit"), f.Framework.Credit, maxText)
	if e := f.Framework.Extension; e != nil {
		v.required(term("planfile.field.extensionName"), e.Name, maxShort)
		v.required(term("planfile.field.extensionVersion"), e.Version, maxShort)
		v.required(term("planfile.field.extensionOrganisation"), e.Organisation, maxShort)
	}
	v.text(term("planfile.field.catalogueVersion"), f.Catalogue, maxShort)
	top := v.scale(f)
	f.validateProfile(v)
	comps := f.validateCompetencies(v, top)
	f.validateGaps(v, top, comps)
	actions := f.validateActions(v, comps)
	v.text(term("plans.field.reflection"), f.Reflection, maxText)
	f.validateReviews(v, comps, actions)
	f.validateFollowUp(v, top, comps)
	return errors.Join(v.errs...)
}

// validateFollowUp checks the next self-check's day and the effects: each
// of a competency in the file, once, with averages on the scale.
func (f *File) validateFollowUp(v *validator, top int, comps map[string]bool) {
	v.date(term("planfile.field.nextSelfCheck"), f.NextSelfCheck)
	v.date(term("planfile.field.effectsMeasured"), f.EffectsMeasured)
	if !v.count(term("planfile.field.effects"), len(f.Effects), maxCount) {
		return
	}
	seen := map[string]bool{}
	for i, e := range f.Effects {
		where := part{code: "planfile.at.effect", n: i + 1}
		switch {
		case !comps[e.CompetencyID]:
			v.add("planfile.check.effectCompetency", map[string]any{"Where": where, "ID": e.CompetencyID})
		case seen[e.CompetencyID]:
			v.add("planfile.check.effectTwice", map[string]any{"Where": where, "ID": e.CompetencyID})
		}
		seen[e.CompetencyID] = true
		for _, avg := range []float64{e.Before, e.After} {
			if math.IsNaN(avg) || avg < 0 || avg > float64(top) {
				v.add("planfile.check.effectAverage", map[string]any{"Where": where, "Average": avg, "Top": top})
			}
		}
		// Actions 0 is a competency no completed action served (the
		// comparison); it has no items.
		if e.Actions < 0 || e.Actions > maxCount || (e.Actions == 0 && len(e.Items) > 0) {
			v.add("planfile.check.effectActions", map[string]any{"Where": where, "N": e.Actions})
		}
		if v.count(in(where, term("planfile.field.items")), len(e.Items), maxCount) {
			for _, id := range e.Items {
				v.required(in(where, term("planfile.field.item")), id, maxShort)
			}
		}
	}
}

// scale checks that the levels run 0, 1, ..., n and returns n.
func (v *validator) scale(f *File) int {
	s := f.Framework.Scale
	if len(s) < 2 {
		v.add("planfile.check.scaleShort", nil)
		return max(len(s)-1, 0)
	}
	if !v.count(term("planfile.count.levels"), len(s), 20) {
		return 0
	}
	for i, l := range s {
		if l.Value != i {
			v.add("planfile.check.scaleOrder", map[string]any{"N": i + 1, "Value": l.Value})
			break
		}
		v.required(usermsg.New("planfile.field.levelLabel", map[string]any{"N": i}), l.Label, maxShort)
		v.text(usermsg.New("planfile.field.levelDescription", map[string]any{"N": i}), l.Description, maxText)
	}
	return len(s) - 1
}

func (f *File) validateProfile(v *validator) {
	p := f.Profile
	v.required(term("planfile.field.organisation"), p.OrganisationID, maxShort)
	v.text(term("planfile.field.organisationName"), p.OrganisationName, maxShort)
	v.required(term("planfile.field.function"), p.FunctionID, maxShort)
	v.text(term("planfile.field.functionName"), p.FunctionName, maxShort)
	v.text(term("planfile.field.name"), p.Name, maxShort)
	v.text(term("planfile.field.team"), p.Team, maxShort)
	s := f.SelfCheck
	v.date(term("planfile.field.started"), s.Started)
	v.date(term("planfile.field.selfCheckUpdated"), s.Updated)
	switch {
	case s.Answered < 0 || s.Total < 0:
		v.add("planfile.check.answeredNegative", nil)
	case s.Answered > s.Total:
		v.add("planfile.check.answeredTooMany", map[string]any{"Answered": s.Answered, "Total": s.Total})
	}
}

// validateCompetencies returns the IDs of the file's competencies.
func (f *File) validateCompetencies(v *validator, top int) map[string]bool {
	ids := map[string]bool{}
	if !v.count(term("planfile.count.competencies"), len(f.Competencies), maxCount) {
		return ids
	}
	indicators := map[string]bool{}
	for i, c := range f.Competencies {
		where := part{code: "planfile.at.competencyN", n: i + 1}
		if strings.TrimSpace(c.ID) == "" {
			v.add("planfile.check.noID", map[string]any{"Where": where})
		} else if ids[c.ID] {
			v.add("planfile.check.competencyTwice", map[string]any{"ID": c.ID})
		} else {
			v.text(in(where, term("planfile.field.id")), c.ID, maxShort)
			where = part{code: "planfile.at.competency", id: c.ID}
		}
		ids[c.ID] = true
		v.required(in(where, term("planfile.field.title")), c.Title, maxShort)
		v.text(in(where, term("planfile.field.description")), c.Description, maxText)
		v.text(in(where, term("planfile.field.category")), c.Category, maxShort)
		v.text(in(where, term("planfile.field.source")), c.Source, maxShort)
		v.text(in(where, term("planfile.field.note")), c.Note, maxText)
		v.level(in(where, term("planfile.field.required")), c.Required, top)
		v.level(in(where, term("planfile.field.own")), c.Own, top)
		if !v.count(usermsg.New("planfile.count.indicators", map[string]any{"Where": where.message()}), len(c.Indicators), maxIndicators) {
			continue
		}
		for _, ind := range c.Indicators {
			if strings.TrimSpace(ind.ID) == "" {
				v.add("planfile.check.indicatorNoID", map[string]any{"Where": where})
			} else if indicators[ind.ID] {
				v.add("planfile.check.indicatorTwice", map[string]any{"ID": ind.ID})
			}
			indicators[ind.ID] = true
			v.text(in(where, term("planfile.field.indicator")), ind.Text, maxText)
			v.text(in(where, term("planfile.field.indicatorNote")), ind.Note, maxText)
			if ind.Level != nil {
				v.level(in(where, usermsg.New("planfile.field.indicatorLevel", map[string]any{"ID": ind.ID})), *ind.Level, top)
			}
		}
	}
	return ids
}

func (f *File) validateGaps(v *validator, top int, comps map[string]bool) {
	if !v.count(term("planfile.count.gaps"), len(f.Gaps), maxCount) {
		return
	}
	seen := map[string]bool{}
	for i, g := range f.Gaps {
		where := part{code: "planfile.at.gap", n: i + 1}
		switch {
		case !comps[g.CompetencyID]:
			v.add("planfile.check.unknownCompetency", map[string]any{"Where": where, "ID": g.CompetencyID})
		case seen[g.CompetencyID]:
			v.add("planfile.check.gapTwice", map[string]any{"ID": g.CompetencyID})
		}
		seen[g.CompetencyID] = true
		v.level(in(where, term("planfile.field.required")), g.Required, top)
		v.level(in(where, term("planfile.field.own")), g.Own, top)
		if g.Size != g.Required-g.Own || g.Size < 1 {
			v.add("planfile.check.gapSize", map[string]any{"Where": where, "Size": g.Size, "Required": g.Required, "Own": g.Own})
		}
		v.text(in(where, term("planfile.field.priority")), g.Priority, maxShort)
	}
}

// validateActions returns the IDs of the file's actions.
func (f *File) validateActions(v *validator, comps map[string]bool) map[string]bool {
	ids := map[string]bool{}
	if !v.count(term("planfile.count.actions"), len(f.Actions), maxCount) {
		return ids
	}
	for i, a := range f.Actions {
		where := part{code: "planfile.at.action", n: i + 1}
		pa := a.plansAction()
		for _, m := range usermsg.List(pa.Validate()) {
			v.errs = append(v.errs, in(where, m).message())
		}
		if a.ID != "" && ids[a.ID] {
			v.add("planfile.check.idTwice", map[string]any{"Where": where, "ID": a.ID})
		}
		ids[a.ID] = true
		if a.CompetencyID != "" && !comps[a.CompetencyID] {
			v.add("planfile.check.unknownCompetency", map[string]any{"Where": where, "ID": a.CompetencyID})
		}
		v.date(in(where, term("planfile.field.targetDate")), a.TargetDate)
		if it := a.Item; it != nil {
			v.required(in(where, term("planfile.field.itemID")), it.ID, maxShort)
			v.required(in(where, term("planfile.field.itemTitle")), it.Title, maxShort)
			v.text(in(where, term("planfile.field.provider")), it.Provider, maxShort)
			v.text(in(where, term("planfile.field.itemSource")), it.Source, maxShort)
			v.text(in(where, term("planfile.field.origin")), it.Origin, maxShort)
			v.text(in(where, term("planfile.field.register")), it.Accreditation.Register, maxShort)
			if p := it.Accreditation.Points; p < 0 || p > 1000 {
				v.add("planfile.check.points", map[string]any{"Where": where, "Points": usermsg.Number{Value: p, Decimals: -1}})
			}
			v.url(where, it.URL)
		}
	}
	return ids
}

// url allows only web links: the app opens them on a click, and a file from
// someone else must not be able to make it open anything else.
func (v *validator) url(where part, s string) {
	if s == "" {
		return
	}
	if n := len(s); n > maxText {
		v.add("planfile.check.urlTooLong", map[string]any{"Where": where, "Length": n})
		return
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		v.add("planfile.check.notAURL", map[string]any{"Where": where, "URL": s})
	}
}

func (f *File) validateReviews(v *validator, comps, actions map[string]bool) {
	if !v.count(term("planfile.count.reviews"), len(f.Reviews), maxCount) {
		return
	}
	uids := map[string]bool{}
	for i := range f.Reviews {
		r := &f.Reviews[i]
		where := part{code: "planfile.at.review", n: i + 1}
		if strings.TrimSpace(r.UID) == "" {
			v.add("planfile.check.noID", map[string]any{"Where": where})
		} else if uids[r.UID] {
			v.add("planfile.check.idTwice", map[string]any{"Where": where, "ID": r.UID})
		}
		uids[r.UID] = true
		v.text(in(where, term("planfile.field.id")), r.UID, maxShort)
		for _, p := range r.problems(comps, actions) {
			v.errs = append(v.errs, in(where, p).message())
		}
	}
}

// problems are the reasons a review cannot belong to a file with these
// competencies and actions; AddReview and Validate share them.
func (r *Review) problems(comps, actions map[string]bool) []*usermsg.Error {
	var out []*usermsg.Error
	add := func(code string, args map[string]any) { out = append(out, usermsg.New(code, args)) }
	switch n := len([]rune(strings.TrimSpace(r.Reviewer))); {
	case n == 0:
		add("plans.review.noReviewer", nil)
	case n > maxShort:
		add("plans.review.reviewerTooLong", map[string]any{"Max": maxShort})
	}
	if r.Date.IsZero() {
		add("plans.review.noDate", nil)
	} else if !plans.DateInRange(r.Date) {
		add("planfile.check.dateRange", map[string]any{"Field": term("planfile.field.reviewDate"), "Date": r.Date.Format("2-1-2006"),
			"First": plans.FirstDateYear, "Last": plans.LastDateYear})
	}
	if !r.OnPlanUpdated.IsZero() && !plans.DateInRange(r.OnPlanUpdated) {
		add("planfile.check.reviewedVersion", map[string]any{"First": plans.FirstDateYear, "Last": plans.LastDateYear})
	}
	if !r.Setting.Valid() {
		add("plans.review.badSetting", map[string]any{"Setting": string(r.Setting), "Choice": settingChoice()})
	}
	if n := len([]rune(r.Overall)); n > maxText {
		add("plans.tooLong", map[string]any{"Field": term("plans.field.overall"), "Length": n, "Max": maxText})
	}
	return append(out, r.referenceProblems(comps, actions)...)
}

// referenceProblems are comments and agreements on competencies or actions
// the file does not have, and comments that are too long.
func (r *Review) referenceProblems(comps, actions map[string]bool) []*usermsg.Error {
	var out []*usermsg.Error
	add := func(code string, args map[string]any) { out = append(out, usermsg.New(code, args)) }
	for _, id := range slices.Sorted(maps.Keys(r.GapComments)) {
		if !comps[id] {
			add("planfile.check.commentOnUnknownCompetency", map[string]any{"ID": id})
		} else if n := len([]rune(r.GapComments[id])); n > maxText {
			add("plans.review.gapCommentTooLong", map[string]any{"ID": id, "Length": n, "Max": maxText})
		}
	}
	for _, id := range slices.Sorted(maps.Keys(r.ActionComments)) {
		if !actions[id] {
			add("plans.review.commentOnUnknownAction", map[string]any{"ID": id})
		} else if n := len([]rune(r.ActionComments[id])); n > maxText {
			add("plans.review.actionCommentTooLong", map[string]any{"ID": id, "Length": n, "Max": maxText})
		}
	}
	for _, id := range slices.Sorted(maps.Keys(r.Agreed)) {
		if !actions[id] {
			add("plans.review.agreementOnUnknownAction", map[string]any{"ID": id})
		}
	}
	return out
}

// settingChoice lists the settings a review may name.
func settingChoice() usermsg.Choice {
	var c usermsg.Choice
	for _, s := range plans.Settings() {
		c = append(c, string(s))
	}
	return c
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
