package xapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"zelfscan/plans"
	"zelfscan/plans/planfile"
)

// Verbs: ADL's where one fits; own ones under the base IRI otherwise.
const (
	verbCompleted = "http://adlnet.gov/expapi/verbs/completed"
	verbAttempted = "http://adlnet.gov/expapi/verbs/attempted"
	verbScored    = "http://adlnet.gov/expapi/verbs/scored"
	typeAssess    = "http://adlnet.gov/expapi/activities/assessment"
	typeObjective = "http://adlnet.gov/expapi/activities/objective"
	lang          = "nl-NL"
	platform      = "Zelfscan GGG"
)

func nl(s string) map[string]string { return map[string]string{lang: s} }

func ptr[T any](v T) *T { return &v }

// builder holds what every statement of one plan shares.
type builder struct {
	c            Config
	f            *planfile.File
	actor        Agent
	registration string
	selfCheck    Activity
	top          int
}

// Statements makes the statements of one plan file, in this order: the
// self-check, a result per competency, per action "gepland" and, when done,
// "afgerond", and per signed-off review "afgetekend". It makes none when
// c.Check fails.
func Statements(f *planfile.File, c Config) ([]Statement, error) {
	if err := c.Check(); err != nil {
		return nil, err
	}
	b := &builder{c: c, f: f, top: max(1, len(f.Framework.Scale)-1)}
	b.actor = Agent{ObjectType: "Agent", Account: Account{HomePage: c.HomePage, Name: c.pseudonym(f.PlanUID)}}
	if c.WithName && f.Profile.Name != "" {
		b.actor.Name = f.Profile.Name
	}
	b.registration = c.registration(f.PlanUID)
	b.selfCheck = Activity{ObjectType: "Activity", ID: c.iri("zelfscan", f.Framework.Version, f.Profile.OrganisationID, f.Profile.FunctionID),
		Definition: &Definition{Name: nl("Zelfscan GGG: " + f.Profile.OrganisationName + ", " + f.Profile.FunctionName), Type: typeAssess}}
	out := []Statement{b.selfCheckStatement()}
	for _, comp := range f.Competencies {
		out = append(out, b.competency(comp))
	}
	for _, a := range f.Actions {
		out = append(out, b.action(a, "gepland"))
		if a.Status == plans.StatusAfgerond {
			out = append(out, b.action(a, "afgerond"))
		}
	}
	for _, r := range f.Reviews {
		if r.SignedOff {
			out = append(out, b.signOff(r))
		}
	}
	out = append(out, b.rescan()...)
	for i := range out {
		id, err := c.statementID(out[i])
		if err != nil {
			return nil, err
		}
		out[i].ID = id
	}
	return out, nil
}

func (b *builder) context(parent *Activity, ext map[string]any) *Context {
	ctx := &Context{Registration: b.registration, Platform: platform, Language: lang, Extensions: ext}
	if parent != nil {
		ctx.ContextActivities = &ContextActivities{Parent: []Activity{*parent}}
	}
	return ctx
}

func (b *builder) selfCheckStatement() Statement {
	done := b.f.SelfCheck.Total > 0 && b.f.SelfCheck.Answered == b.f.SelfCheck.Total
	verb := Verb{ID: verbCompleted, Display: nl("heeft afgerond")}
	if !done {
		verb = Verb{ID: verbAttempted, Display: nl("heeft geprobeerd")}
	}
	return Statement{Actor: b.actor, Verb: verb, Object: b.selfCheck,
		Result:    &Result{Completion: ptr(done)},
		Context:   b.context(nil, map[string]any{b.c.iri("extensie", "beantwoord"): b.f.SelfCheck.Answered, b.c.iri("extensie", "uitspraken"): b.f.SelfCheck.Total}),
		Timestamp: Timestamp(b.f.SelfCheck.Updated)}
}

func (b *builder) competencyActivity(id string) Activity {
	a := Activity{ObjectType: "Activity", ID: b.c.iri("competentie", id)}
	if c, ok := b.f.Competency(id); ok {
		a.Definition = &Definition{Name: nl(c.Title), Type: typeObjective}
	}
	return a
}

func (b *builder) competency(c planfile.Competency) Statement {
	own := min(c.Own, b.top)
	return Statement{Actor: b.actor, Verb: Verb{ID: verbScored, Display: nl("scoorde")}, Object: b.competencyActivity(c.ID),
		Result: &Result{
			Score:   &Score{Scaled: float64(own) / float64(b.top), Raw: float64(own), Min: 0, Max: b.top},
			Success: ptr(c.Own >= c.Required), Completion: ptr(c.Complete),
		},
		Context:   b.context(&b.selfCheck, map[string]any{b.c.iri("extensie", "vereist-niveau"): c.Required}),
		Timestamp: Timestamp(b.f.SelfCheck.Updated)}
}

// action: the catalogue item, or for an own action a neutral activity of
// the plan — the own text is the person's words and is not sent.
func (b *builder) action(a planfile.Action, what string) Statement {
	obj := Activity{ObjectType: "Activity", ID: b.c.iri("leerplan", b.registration, "actie", a.ID),
		Definition: &Definition{Name: nl("Eigen leeractiviteit")}}
	if a.Item != nil {
		obj = Activity{ObjectType: "Activity", ID: b.c.iri("aanbod", a.Item.ID), Definition: &Definition{Name: nl(a.Item.Title)}}
	}
	parent := b.competencyActivity(a.CompetencyID)
	s := Statement{Actor: b.actor, Object: obj, Context: b.context(&parent, nil)}
	if what == "afgerond" {
		s.Verb = Verb{ID: verbCompleted, Display: nl("heeft afgerond")}
		s.Result = &Result{Completion: ptr(true)}
		// How useful the person found it; their remarks stay in the plan.
		if r := a.Evaluation.Rating; r > 0 {
			s.Result.Score = &Score{Scaled: float64(r) / plans.MaxRating, Raw: float64(r), Min: 1, Max: plans.MaxRating}
		}
		s.Timestamp = Timestamp(b.f.PlanUpdated)
		return s
	}
	s.Verb = Verb{ID: b.c.iri("werkwoord", "gepland"), Display: nl("heeft gepland")}
	s.Timestamp = Timestamp(b.f.PlanCreated)
	if !a.TargetDate.IsZero() {
		s.Context.Extensions = map[string]any{b.c.iri("extensie", "streefdatum"): a.TargetDate.Format(time.DateOnly)}
	}
	return s
}

// rescan: once the person made their next self-check, a second attempt at
// the self-check within the same registration, and per competency both
// assessed in full its average then (with the average before and the
// completed actions that served it as extensions), so a learning platform
// can set an offer against the change in the competency it claims to serve.
func (b *builder) rescan() []Statement {
	if len(b.f.Effects) == 0 {
		return nil
	}
	attempt := b.c.iri("extensie", "poging")
	at := Timestamp(b.f.EffectsMeasured)
	out := []Statement{{Actor: b.actor, Verb: Verb{ID: verbCompleted, Display: nl("heeft afgerond")}, Object: b.selfCheck,
		Result: &Result{Completion: ptr(true)}, Context: b.context(nil, map[string]any{attempt: 2}), Timestamp: at}}
	for _, e := range b.f.Effects {
		out = append(out, Statement{Actor: b.actor, Verb: Verb{ID: verbScored, Display: nl("scoorde")}, Object: b.competencyActivity(e.CompetencyID),
			Result: &Result{Score: &Score{Scaled: e.After / float64(b.top), Raw: e.After, Min: 0, Max: b.top}},
			Context: b.context(&b.selfCheck, map[string]any{attempt: 2, b.c.iri("extensie", "gemiddelde-vorige-zelfscan"): e.Before,
				b.c.iri("extensie", "afgeronde-acties"): e.Actions}),
			Timestamp: at})
	}
	return out
}

// signOff: a supervisor signed the plan off. Who it was and what was said
// stays in the plan; the statement says only that, when and in which setting.
func (b *builder) signOff(r planfile.Review) Statement {
	plan := Activity{ObjectType: "Activity", ID: b.c.iri("leerplan", b.registration), Definition: &Definition{Name: nl("Leerplan gendergerelateerd geweld")}}
	return Statement{Actor: b.actor, Verb: Verb{ID: b.c.iri("werkwoord", "afgetekend"), Display: nl("kreeg akkoord van begeleider op")},
		Object: plan, Result: &Result{Success: ptr(true)},
		Context:   b.context(nil, map[string]any{b.c.iri("extensie", "vorm"): string(r.Setting)}),
		Timestamp: Timestamp(r.Date)}
}

// Encode writes statements as an indented JSON array, the form an LRS
// takes in one POST and the form the user sees before anything is written.
func Encode(w io.Writer, statements []Statement) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(statements); err != nil {
		return fmt.Errorf("xAPI-berichten omzetten: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}
