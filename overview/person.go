// Package overview is the organisation overview: what a training
// coordinator may see of hundreds or thousands of plan files together —
// per organisation and function, per competency, how many people are at
// which level and how many fall short — and never one person's answers.
// Groups, rows and cells that describe fewer than MinGroup people are left
// out and counted as "te weinig deelnemers". It never imports Fyne.
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
	// PlanUID identifies the plan across exports and copies; the plan file
	// has no other stable identity, and the name is not to be read.
	PlanUID string
	// Updated is when the plan was last changed, Exported when this copy was
	// written: of two copies of one plan the later Updated, then the later
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
		PlanUID: f.PlanUID, Updated: f.PlanUpdated, Exported: f.Exported,
		Organisation: f.Profile.OrganisationID, Function: f.Profile.FunctionID,
		Levels: make([]Level, len(f.Competencies)),
	}
	l := Labels{
		Organisation: f.Profile.OrganisationName, Function: f.Profile.FunctionName,
		Competencies: make([]CompetencyLabel, len(f.Competencies)),
	}
	for i, c := range f.Competencies {
		p.Levels[i] = Level{Competency: c.ID, Required: c.Required, Own: c.Own}
		l.Competencies[i] = CompetencyLabel{ID: c.ID, Title: c.Title, Category: c.Category}
	}
	return p, l
}

// newer reports whether a is a later version of the same plan than b.
func (a *Person) newer(b *Person) bool {
	if !a.Updated.Equal(b.Updated) {
		return a.Updated.After(b.Updated)
	}
	return a.Exported.After(b.Exported)
}
