// Package overview is the organisation overview: what a training
// coordinator may see of hundreds or thousands of plan files together —
// per organisation and function, per competency, how many people are at
// which level and how many fall short — and never one person's answers.
// Result makes one release (Overview) under the disclosure control of
// package disclosure: only groups of at least MinGroup distinct people,
// every count rounded to a multiple of five, derived figures computed from
// the rounded counts, and an audit that withholds any row it could solve.
// The CSV, the PDF, the text and the app's screen all show that one
// release. It never imports Fyne.
package overview

import (
	"slices"
	"time"

	"zelfscan/plans"
	"zelfscan/plans/planfile"
)

// Person is all the overview takes from one plan file. It holds IDs, levels
// and dates only: there is no field for a name, team, note, reflection,
// evaluation, review or any other text a person wrote, so none of those
// can reach the aggregate (TestPersonHoldsNoFreeText keeps it so).
type Person struct {
	// PersonID is the random ID of the data folder the plan was made in
	// (plan files from 2026-12 on); "" in older files.
	PersonID string
	// PlanUID identifies the plan across exports and copies.
	PlanUID string
	// Updated is when the plan was last changed, Exported when this copy was
	// written: of two plans of one person the later Updated, then the later
	// Exported, counts.
	Updated  time.Time
	Exported time.Time
	// Organisation and Function are framework IDs.
	Organisation string
	Function     string
	Levels       []Level
	// Offers are the catalogue items of the plan's actions, one per item.
	Offers []OfferUse
	// Changes are the person's own before/after per competency assessed
	// in full in this self-check and the next one (the plan's effects).
	Changes []Change
	// Shared are the improvement points the person chose to share
	// anonymously with the training coordinator: the only text of the
	// person that reaches the overview, and only by their choice.
	Shared []SharedRemark
}

// OfferUse is how far a person got with one catalogue item of their plan:
// the furthest status of its actions and, once completed, the usefulness
// rating of the last completed action that has one (0: not rated).
type OfferUse struct {
	Item   string
	Stage  Stage
	Rating int
}

// Stage is how far a person got with an offer.
type Stage int

// Stages, in order: an action with the offer planned, begun, completed.
const (
	Planned Stage = iota
	Started
	Completed
)

// Change is the change in a competency's average self-rating between the
// self-check the plan answered and the next one. Items are the catalogue
// items of completed actions that served it; Served is false when no
// completed action (catalogue or own) did.
type Change struct {
	Competency string
	Change     float64
	Items      []string
	Served     bool
}

// SharedRemark is an improvement point about an offer that its author
// marked to share.
type SharedRemark struct {
	Item string
	Text string
}

// Level is one competency of the person's profile.
type Level struct {
	Competency string
	Required   int
	Own        int
	// Answered is false when no statement of the competency was rated:
	// then Own means nothing and the person counts as "niet beantwoord".
	Answered bool
}

// key is who the person is for counting: the person ID, or for an older
// file without one the plan (so such a person may count more than once).
func (p *Person) key() string {
	if p.PersonID != "" {
		return "person:" + p.PersonID
	}
	return "plan:" + p.PlanUID
}

// Labels are the display names of framework IDs (organisations, functions,
// competencies), as the plan files carry them. They come from the framework
// the plan was made with, never from the person.
type Labels struct {
	Organisation string
	Function     string
	// Competencies holds, in the file's scan order, ID, title and category.
	Competencies []CompetencyLabel
	// Offers are the catalogue items of the plan, as the file copied them.
	Offers []OfferLabel
}

// OfferLabel names a catalogue item: the catalogue's words, not the person's.
type OfferLabel struct {
	ID, Title, Provider string
	// Origin is plans.OriginBuiltin or the name of the own catalogue.
	Origin string
}

// CompetencyLabel names one competency.
type CompetencyLabel struct {
	ID       string
	Title    string
	Category string
}

// FromFile takes the person and the labels out of a plan file; everything
// else in the file (names, notes, reflections, evaluations, reviews, own
// action texts) is not copied.
func FromFile(f *planfile.File) (Person, Labels) {
	p := Person{
		PersonID: f.PersonID, PlanUID: f.PlanUID, Updated: f.PlanUpdated, Exported: f.Exported,
		Organisation: f.Profile.OrganisationID, Function: f.Profile.FunctionID,
		Levels: make([]Level, len(f.Competencies)),
	}
	l := Labels{
		Organisation: f.Profile.OrganisationName, Function: f.Profile.FunctionName,
		Competencies: make([]CompetencyLabel, len(f.Competencies)),
	}
	for i, c := range f.Competencies {
		p.Levels[i] = Level{Competency: c.ID, Required: c.Required, Own: c.Own, Answered: answered(c)}
		l.Competencies[i] = CompetencyLabel{ID: c.ID, Title: c.Title, Category: c.Category}
	}
	p.Offers, l.Offers, p.Shared = offersOf(f)
	for _, e := range f.Effects {
		p.Changes = append(p.Changes, Change{Competency: e.CompetencyID, Change: e.After - e.Before,
			Items: slices.Clone(e.Items), Served: e.Actions > 0})
	}
	return p, l
}

// offersOf takes per catalogue item of f's actions how far the person got,
// the item's labels and the remarks shared about it.
func offersOf(f *planfile.File) ([]OfferUse, []OfferLabel, []SharedRemark) {
	var uses []OfferUse
	var labels []OfferLabel
	var shared []SharedRemark
	at := map[string]int{}
	for _, a := range f.Actions {
		if a.Item == nil {
			continue
		}
		i, ok := at[a.Item.ID]
		if !ok {
			i = len(uses)
			at[a.Item.ID] = i
			uses = append(uses, OfferUse{Item: a.Item.ID})
			labels = append(labels, OfferLabel{ID: a.Item.ID, Title: a.Item.Title, Provider: a.Item.Provider, Origin: a.Item.Origin})
		}
		u := &uses[i]
		u.Stage = max(u.Stage, stageOf(a.Status))
		if a.Status != plans.StatusAfgerond {
			continue
		}
		if a.Evaluation.Rating > 0 {
			u.Rating = a.Evaluation.Rating
		}
		if r := a.Evaluation.SharedRemark(); r != "" {
			shared = append(shared, SharedRemark{Item: a.Item.ID, Text: r})
		}
	}
	return uses, labels, shared
}

func stageOf(s plans.Status) Stage {
	switch s {
	case plans.StatusAfgerond:
		return Completed
	case plans.StatusBezig:
		return Started
	}
	return Planned
}

// answered reports whether any statement of c has a rating.
func answered(c planfile.Competency) bool {
	for _, ind := range c.Indicators {
		if ind.Level != nil {
			return true
		}
	}
	return false
}

// newer reports whether a is a later plan of the same person than b.
func (a *Person) newer(b *Person) bool {
	if !a.Updated.Equal(b.Updated) {
		return a.Updated.After(b.Updated)
	}
	return a.Exported.After(b.Exported)
}
