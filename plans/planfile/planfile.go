// Package planfile is the self-contained, versioned exchange form of a
// learning plan. It carries the titles and descriptions of everything the
// plan refers to, so an app with another framework or catalogue version (a
// supervisor's, a year later) still shows the plan whole. The PDF, review
// mode and the group overview all render from a File, never from live
// framework data.
package planfile

import (
	"fmt"
	"time"

	"zelfscan/assessment"
	"zelfscan/plans"
)

// Format names the file type inside the JSON, so a random JSON file is
// recognised as "not a plan file" rather than as an empty plan.
const Format = "zelfscan-ggg-leerplan"

// Version is the highest file version this app reads and the one it writes.
// Raise it only for changes an older reader cannot ignore.
const Version = 1

// File is one plan with everything needed to show it.
type File struct {
	Format   string    `json:"format"`
	Version  int       `json:"version"`
	Exported time.Time `json:"exported"`
	// AppVersion wrote the file.
	AppVersion string `json:"app_version"`

	// PlanUID identifies the plan across computers; a review of a plan with
	// another UID is not a review of this plan.
	PlanUID string `json:"plan_uid"`
	// PersonID is the random ID of the data folder the plan was made in
	// (32 lowercase hex digits), so the organisation overview counts a
	// person once however many plans they made. Nothing about the person
	// goes into it. Absent in files from before it was added.
	PersonID string `json:"person_id,omitempty"`
	// PlanUpdated is when the plan was last changed before export; a review
	// made on an earlier PlanUpdated was made on an older version.
	PlanCreated time.Time `json:"plan_created"`
	PlanUpdated time.Time `json:"plan_updated"`

	Framework FrameworkInfo `json:"framework"`
	Catalogue string        `json:"catalogue_version"`
	Profile   Profile       `json:"profile"`
	SelfCheck SelfCheckInfo `json:"self_check"`
	// Competencies in scan order, each with its ratings.
	Competencies []Competency `json:"competencies"`
	// Gaps in priority order (assessment.Analyse).
	Gaps       []Gap    `json:"gaps"`
	Actions    []Action `json:"actions"`
	Reflection string   `json:"reflection"`
	Reviews    []Review `json:"reviews"`

	// NextSelfCheck is the day the next self-check is due; zero in files
	// from before the re-scan cycle. An older reader ignores it.
	NextSelfCheck time.Time `json:"next_self_check,omitzero"`
	// Effects compare this self-check with the person's next one, made on
	// EffectsMeasured, for every competency both assessed in full; those
	// no completed action served have Actions 0 (the organisation
	// overview compares with them). Files from before that carry only
	// served competencies. Empty until there is a next self-check. An
	// older reader ignores them.
	Effects         []Effect  `json:"effects,omitempty"`
	EffectsMeasured time.Time `json:"effects_measured,omitzero"`
}

// Effect is plans.Effect as the file carries it: the competency's average
// self-rating before and after, and the catalogue items of the completed
// actions that served it. A self-report without a comparison group.
type Effect struct {
	CompetencyID string   `json:"competency_id"`
	Before       float64  `json:"before"`
	After        float64  `json:"after"`
	Items        []string `json:"items,omitempty"`
	Actions      int      `json:"actions"`
}

// FrameworkInfo is the framework version the self-check was made with.
type FrameworkInfo struct {
	Version string             `json:"version"`
	Title   string             `json:"title"`
	Credit  string             `json:"credit"`
	Scale   []assessment.Level `json:"scale"`
	// Extension is the organisation's extension the plan was made against;
	// absent in files made without one and in files from before extensions
	// existed. An older reader ignores it, and still shows the plan whole,
	// because every title and statement is copied into the file.
	Extension *ExtensionInfo `json:"extension,omitempty"`
}

// ExtensionInfo names a framework extension (assessment.Extension).
type ExtensionInfo struct {
	Name         string `json:"name"`
	Version      string `json:"version"`
	Organisation string `json:"organisation"`
}

// Label names the framework for the reader of a page, as
// assessment.Framework.Label does for the framework in use.
func (fi FrameworkInfo) Label() string {
	s := "Competentiekader " + fi.Version
	if e := fi.Extension; e != nil {
		s += fmt.Sprintf(" met uitbreiding %s, versie %s", e.Name, e.Version)
	}
	return s
}

// Profile is who made the plan, with display names resolved.
type Profile struct {
	OrganisationID   string `json:"organisation_id"`
	OrganisationName string `json:"organisation"`
	FunctionID       string `json:"function_id"`
	FunctionName     string `json:"function"`
	Name             string `json:"name,omitempty"`
	Team             string `json:"team,omitempty"`
}

// SelfCheckInfo says when the self-check was made and how complete it is.
type SelfCheckInfo struct {
	Started  time.Time `json:"started"`
	Updated  time.Time `json:"updated"`
	Answered int       `json:"answered"`
	Total    int       `json:"total"`
}

// Competency is one required competency with the level reached.
type Competency struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Description string `json:"description"`
	Category    string `json:"category"`
	Source      string `json:"source"`
	Required    int    `json:"required"`
	Own         int    `json:"own"`
	Complete    bool   `json:"complete"`
	// Note is the person's reflection on this competency. Left out of
	// group exports.
	Note       string      `json:"note,omitempty"`
	Indicators []Indicator `json:"indicators"`
}

// Indicator is one statement with its rating; Level is nil when unanswered.
type Indicator struct {
	ID    string `json:"id"`
	Text  string `json:"text"`
	Level *int   `json:"level,omitempty"`
	Note  string `json:"note,omitempty"`
}

// Gap is a competency below the required level, in priority order.
type Gap struct {
	CompetencyID string `json:"competency_id"`
	Required     int    `json:"required"`
	Own          int    `json:"own"`
	Size         int    `json:"size"`
	Priority     string `json:"priority"`
	Complete     bool   `json:"complete"`
}

// Action is one planned step, with the catalogue item it uses copied in.
type Action struct {
	ID           string           `json:"id"`
	CompetencyID string           `json:"competency_id"`
	Item         *Item            `json:"item,omitempty"`
	OwnText      string           `json:"own_text,omitempty"`
	TargetDate   time.Time        `json:"target_date,omitzero"`
	Status       plans.Status     `json:"status"`
	Evaluation   plans.Evaluation `json:"evaluation,omitzero"`
}

// Item is what the plan needs to know of a catalogue item.
type Item struct {
	ID            string              `json:"id"`
	Title         string              `json:"title"`
	Provider      string              `json:"provider"`
	Kind          plans.Kind          `json:"kind"`
	Level         plans.Level         `json:"level"`
	URL           string              `json:"url,omitempty"`
	Accreditation plans.Accreditation `json:"accreditation,omitzero"`
	Source        string              `json:"source"`
	Origin        string              `json:"origin"`
}

// Review is a discussion of the plan, as plans.Review with a stable identity
// so importing the same review twice adds it once.
type Review struct {
	// UID identifies the review; the same review imported twice is recognised by it.
	UID string `json:"uid"`
	// OnPlanUpdated is the PlanUpdated of the version that was reviewed.
	OnPlanUpdated  time.Time         `json:"on_plan_updated"`
	Reviewer       string            `json:"reviewer"`
	Date           time.Time         `json:"date"`
	Setting        plans.Setting     `json:"setting"`
	Overall        string            `json:"overall,omitempty"`
	GapComments    map[string]string `json:"gap_comments,omitempty"`
	ActionComments map[string]string `json:"action_comments,omitempty"`
	Agreed         map[string]bool   `json:"agreed,omitempty"`
	SignedOff      bool              `json:"signed_off"`
}

// Competency returns the competency with the given ID.
func (f *File) Competency(id string) (*Competency, bool) {
	for i := range f.Competencies {
		if f.Competencies[i].ID == id {
			return &f.Competencies[i], true
		}
	}
	return nil, false
}

// ActionsFor returns the actions for one competency, in plan order.
func (f *File) ActionsFor(competencyID string) []*Action {
	var out []*Action
	for i := range f.Actions {
		if f.Actions[i].CompetencyID == competencyID {
			out = append(out, &f.Actions[i])
		}
	}
	return out
}
