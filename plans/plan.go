package plans

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"zelfscan/assessment"
)

// Status is where an action stands.
type Status string

const (
	StatusGepland  Status = "gepland"
	StatusBezig    Status = "bezig"
	StatusAfgerond Status = "afgerond"
)

// Statuses lists the statuses in the order an action goes through them.
func Statuses() []Status { return []Status{StatusGepland, StatusBezig, StatusAfgerond} }

// StatusLabel is the Dutch label of a status; an unknown status is shown as is.
func StatusLabel(s Status) string {
	switch s {
	case StatusGepland:
		return "Gepland"
	case StatusBezig:
		return "Bezig"
	case StatusAfgerond:
		return "Afgerond"
	}
	return string(s)
}

// Valid reports whether s is a known status.
func (s Status) Valid() bool {
	return s == StatusGepland || s == StatusBezig || s == StatusAfgerond
}

// Setting is where a plan was discussed with a reviewer.
type Setting string

const (
	SettingIntervisie      Setting = "intervisie"
	SettingWerkbegeleiding Setting = "werkbegeleiding"
	SettingSupervisie      Setting = "supervisie"
)

// Settings lists the settings a review can take place in.
func Settings() []Setting {
	return []Setting{SettingIntervisie, SettingWerkbegeleiding, SettingSupervisie}
}

// SettingLabel is the Dutch label of a setting; an unknown one is shown as is.
func SettingLabel(s Setting) string {
	switch s {
	case SettingIntervisie:
		return "Intervisie"
	case SettingWerkbegeleiding:
		return "Werkbegeleiding"
	case SettingSupervisie:
		return "Supervisie"
	}
	return string(s)
}

// Valid reports whether s is a known setting.
func (s Setting) Valid() bool {
	return s == SettingIntervisie || s == SettingWerkbegeleiding || s == SettingSupervisie
}

// Plan is a personal learning plan answering one self-check.
type Plan struct {
	ID int64
	// UID identifies the plan across computers (random, 128-bit hex); a
	// review of a plan with another UID is not a review of this plan.
	UID         string
	SelfCheckID int64
	Created     time.Time
	Updated     time.Time
	Actions     []Action
	Reflection  string
	Reviews     []Review
}

// Action is one step for one gap: a catalogue item or an own description.
type Action struct {
	// ID is unique within the plan; reviews refer to actions by it.
	ID           string
	CompetencyID string
	ItemID       string // optional: empty when OwnText describes the action
	OwnText      string
	TargetDate   time.Time // zero: no target date
	Status       Status
	Evaluation   Evaluation
}

// Evaluation is what the person writes down once the action is done.
type Evaluation struct {
	Brought string // what it brought
	Changed string // what changed in the work
	Better  string // what could be better
}

// Empty reports whether nothing has been written.
func (e Evaluation) Empty() bool {
	return strings.TrimSpace(e.Brought+e.Changed+e.Better) == ""
}

// Review is one discussion of the plan with a supervisor or group.
type Review struct {
	// UID identifies the review, so importing it twice adds it once.
	UID string
	// OnPlanUpdated is the plan's Updated at the version that was reviewed.
	OnPlanUpdated  time.Time
	Reviewer       string
	Date           time.Time
	Setting        Setting
	Overall        string
	GapComments    map[string]string // per competency ID
	ActionComments map[string]string // per action ID
	Agreed         map[string]bool   // per action ID: agreed in the review
	SignedOff      bool
}

// Limits for free text in a plan: long enough for a real reflection, short
// enough to keep the PDF and a plan file reasonable.
const (
	maxActionText = 2000
	maxPlanText   = 10000
	maxName       = 200
)

// NextActionID returns an action ID not yet used in the plan: "a" followed
// by one more than the highest number in use.
func (p *Plan) NextActionID() string {
	n := 0
	for _, a := range p.Actions {
		if num, ok := strings.CutPrefix(a.ID, "a"); ok {
			if v, err := strconv.Atoi(num); err == nil && v > n {
				n = v
			}
		}
	}
	return "a" + strconv.Itoa(n+1)
}

// Action returns the action with the given ID.
func (p *Plan) Action(id string) (*Action, bool) {
	for i := range p.Actions {
		if p.Actions[i].ID == id {
			return &p.Actions[i], true
		}
	}
	return nil, false
}

// Validate checks the action on its own: an ID, a competency, either a
// catalogue item or an own text, a known status and text within limits.
func (a *Action) Validate() error {
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if strings.TrimSpace(a.ID) == "" {
		add("de actie heeft geen id")
	}
	if strings.TrimSpace(a.CompetencyID) == "" {
		add("de actie hoort bij geen enkele competentie")
	}
	if a.ItemID == "" && strings.TrimSpace(a.OwnText) == "" {
		add("kies aanbod uit de catalogus of beschrijf de actie zelf")
	}
	if !a.Status.Valid() {
		add("'%s' is geen bekende status (kies %s)", a.Status, choice(Statuses()))
	}
	for _, t := range []struct{ name, text string }{
		{"de eigen omschrijving", a.OwnText},
		{"wat het opleverde", a.Evaluation.Brought},
		{"wat er veranderde", a.Evaluation.Changed},
		{"wat beter kan", a.Evaluation.Better},
	} {
		if n := len([]rune(t.text)); n > maxActionText {
			add("%s is te lang (%d tekens, hoogstens %d)", t.name, n, maxActionText)
		}
	}
	return errors.Join(errs...)
}

// Validate checks the review against the plan: a reviewer, a date, a known
// setting, and comments and agreements only on actions the plan has.
func (r *Review) Validate(p *Plan) error {
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	switch n := len([]rune(strings.TrimSpace(r.Reviewer))); {
	case n == 0:
		add("vul de naam van de bespreker in")
	case n > maxName:
		add("de naam van de bespreker is te lang (hoogstens %d tekens)", maxName)
	}
	if r.Date.IsZero() {
		add("vul de datum van de bespreking in")
	}
	if !r.Setting.Valid() {
		add("'%s' is geen bekende setting (kies %s)", r.Setting, choice(Settings()))
	}
	if n := len([]rune(r.Overall)); n > maxPlanText {
		add("het algemene commentaar is te lang (%d tekens, hoogstens %d)", n, maxPlanText)
	}
	for _, id := range slices.Sorted(maps.Keys(r.GapComments)) {
		if strings.TrimSpace(id) == "" {
			add("commentaar bij een tekort zonder competentie")
		} else if n := len([]rune(r.GapComments[id])); n > maxActionText {
			add("commentaar bij '%s' is te lang (%d tekens, hoogstens %d)", id, n, maxActionText)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(r.ActionComments)) {
		if _, ok := p.Action(id); !ok {
			add("commentaar bij actie '%s', die niet in het plan staat", id)
		} else if n := len([]rune(r.ActionComments[id])); n > maxActionText {
			add("commentaar bij actie '%s' is te lang (%d tekens, hoogstens %d)", id, n, maxActionText)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(r.Agreed)) {
		if _, ok := p.Action(id); !ok {
			add("afspraak over actie '%s', die niet in het plan staat", id)
		}
	}
	return errors.Join(errs...)
}

// Validate checks the whole plan. With a framework it also checks that each
// action's competency exists; with a catalogue, that each chosen item does.
// Pass nil to skip either check (e.g. for a plan made with another version).
func (p *Plan) Validate(fw *assessment.Framework, cat *Catalogue) error {
	var errs []error
	if n := len([]rune(p.Reflection)); n > maxPlanText {
		errs = append(errs, fmt.Errorf("de reflectie is te lang (%d tekens, hoogstens %d)", n, maxPlanText))
	}
	if !p.Created.IsZero() && !p.Updated.IsZero() && p.Updated.Before(p.Created) {
		errs = append(errs, errors.New("het plan is eerder bijgewerkt dan gemaakt"))
	}
	ids := map[string]bool{}
	for i := range p.Actions {
		a := &p.Actions[i]
		at := fmt.Sprintf("actie %d", i+1)
		if err := a.Validate(); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", at, err))
		}
		if a.ID != "" && ids[a.ID] {
			errs = append(errs, fmt.Errorf("%s: id '%s' komt twee keer voor", at, a.ID))
		}
		ids[a.ID] = true
		if fw != nil && a.CompetencyID != "" {
			if _, ok := fw.Competency(a.CompetencyID); !ok {
				errs = append(errs, fmt.Errorf("%s: '%s' is geen bekende competentie", at, a.CompetencyID))
			}
		}
		if cat != nil && a.ItemID != "" {
			if _, ok := cat.Item(a.ItemID); !ok {
				errs = append(errs, fmt.Errorf("%s: aanbod '%s' staat niet in de catalogus", at, a.ItemID))
			}
		}
	}
	for i := range p.Reviews {
		if err := p.Reviews[i].Validate(p); err != nil {
			errs = append(errs, fmt.Errorf("bespreking %d: %w", i+1, err))
		}
	}
	return errors.Join(errs...)
}

// PointsPerRegister sums the accreditation points of the catalogue items the
// plan's actions use, whatever their status, per register. An item chosen
// for several actions counts once: following it once earns its points once.
// Items not in cat are left out.
func (p *Plan) PointsPerRegister(cat *Catalogue) map[string]float64 {
	out := map[string]float64{}
	counted := map[string]bool{}
	for _, a := range p.Actions {
		if a.ItemID == "" || counted[a.ItemID] {
			continue
		}
		counted[a.ItemID] = true
		it, ok := cat.Item(a.ItemID)
		if !ok || it.Accreditation.Register == "" {
			continue
		}
		out[it.Accreditation.Register] += it.Accreditation.Points
	}
	return out
}

// Progress is the state of a plan at a glance: its actions by status and
// its latest review.
type Progress struct {
	Planned, Busy, Done int
	// LastReview is the review with the latest date; nil when none.
	LastReview *Review
}

// Actions is the number of actions in the plan.
func (pr Progress) Actions() int { return pr.Planned + pr.Busy + pr.Done }

// Progress counts the actions per status and finds the latest review. An
// action with an unknown status counts as planned.
func (p *Plan) Progress() Progress {
	var pr Progress
	for _, a := range p.Actions {
		switch a.Status {
		case StatusAfgerond:
			pr.Done++
		case StatusBezig:
			pr.Busy++
		default:
			pr.Planned++
		}
	}
	for i := range p.Reviews {
		if pr.LastReview == nil || p.Reviews[i].Date.After(pr.LastReview.Date) {
			pr.LastReview = &p.Reviews[i]
		}
	}
	return pr
}
