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
	"time"

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
	return p, l
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
