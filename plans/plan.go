package plans

import (
	"errors"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"zelfscan/assessment"
	"zelfscan/usermsg"
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
	// Rating is how useful the action was for the work, 1 to MaxRating;
	// 0 is not rated. The organisation sees only the spread per offer.
	Rating int
	// Remark is an improvement point for the offer; ShareRemark is the
	// person's choice to share it, without name or date, with the training
	// coordinator. Unshared, it stays in the plan like the rest.
	Remark      string
	ShareRemark bool
}

// MaxRating is the top of the usefulness scale of an evaluation.
const MaxRating = 5

// RatingLabel is a point of the usefulness scale in Dutch words, as the
// plan PDF prints it; "" for 0 (not rated) or a point off the scale.
func RatingLabel(r int) string {
	switch r {
	case 1:
		return "1 – nauwelijks bruikbaar"
	case 2:
		return "2 – weinig bruikbaar"
	case 3:
		return "3 – redelijk bruikbaar"
	case 4:
		return "4 – goed bruikbaar"
	case 5:
		return "5 – zeer goed bruikbaar"
	}
	return ""
}

// Empty reports whether nothing has been written or rated.
func (e Evaluation) Empty() bool {
	return strings.TrimSpace(e.Brought+e.Changed+e.Better+e.Remark) == "" && e.Rating == 0
}

// SharedRemark is the remark the person chose to share, or "".
func (e Evaluation) SharedRemark() string {
	if !e.ShareRemark {
		return ""
	}
	return strings.TrimSpace(e.Remark)
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
// Each problem is a *usermsg.Error; several are joined.
func (a *Action) Validate() error {
	var errs []error
	add := func(code string, args map[string]any) { errs = append(errs, usermsg.New(code, args)) }
	if strings.TrimSpace(a.ID) == "" {
		add("plans.action.noID", nil)
	}
	if strings.TrimSpace(a.CompetencyID) == "" {
		add("plans.action.noCompetency", nil)
	}
	if a.ItemID == "" && strings.TrimSpace(a.OwnText) == "" {
		add("plans.action.empty", nil)
	}
	if !a.Status.Valid() {
		add("plans.action.badStatus", map[string]any{"Status": string(a.Status), "Choice": choice(Statuses())})
	}
	for _, t := range []struct {
		name usermsg.Term
		text string
	}{
		{"plans.field.ownText", a.OwnText},
		{"plans.field.brought", a.Evaluation.Brought},
		{"plans.field.changed", a.Evaluation.Changed},
		{"plans.field.better", a.Evaluation.Better},
		{"plans.field.remark", a.Evaluation.Remark},
	} {
		if n := len([]rune(t.text)); n > maxActionText {
			add("plans.tooLong", map[string]any{"Field": t.name, "Length": n, "Max": maxActionText})
		}
	}
	if r := a.Evaluation.Rating; r < 0 || r > MaxRating {
		add("plans.action.badRating", map[string]any{"Rating": r, "Max": MaxRating})
	}
	if a.Evaluation.ShareRemark && strings.TrimSpace(a.Evaluation.Remark) == "" {
		add("plans.action.emptySharedRemark", nil)
	}
	return errors.Join(errs...)
}

// Validate checks the review against the plan: a reviewer, a date, a known
// setting, and comments and agreements only on actions the plan has.
func (r *Review) Validate(p *Plan) error {
	var errs []error
	add := func(code string, args map[string]any) { errs = append(errs, usermsg.New(code, args)) }
	switch n := len([]rune(strings.TrimSpace(r.Reviewer))); {
	case n == 0:
		add("plans.review.noReviewer", nil)
	case n > maxName:
		add("plans.review.reviewerTooLong", map[string]any{"Max": maxName})
	}
	if r.Date.IsZero() {
		add("plans.review.noDate", nil)
	}
	if !r.Setting.Valid() {
		add("plans.review.badSetting", map[string]any{"Setting": string(r.Setting), "Choice": choice(Settings())})
	}
	if n := len([]rune(r.Overall)); n > maxPlanText {
		add("plans.tooLong", map[string]any{"Field": usermsg.Term("plans.field.overall"), "Length": n, "Max": maxPlanText})
	}
	for _, id := range slices.Sorted(maps.Keys(r.GapComments)) {
		if strings.TrimSpace(id) == "" {
			add("plans.review.gapCommentWithoutCompetency", nil)
		} else if n := len([]rune(r.GapComments[id])); n > maxActionText {
			add("plans.review.gapCommentTooLong", map[string]any{"ID": id, "Length": n, "Max": maxActionText})
		}
	}
	for _, id := range slices.Sorted(maps.Keys(r.ActionComments)) {
		if _, ok := p.Action(id); !ok {
			add("plans.review.commentOnUnknownAction", map[string]any{"ID": id})
		} else if n := len([]rune(r.ActionComments[id])); n > maxActionText {
			add("plans.review.actionCommentTooLong", map[string]any{"ID": id, "Length": n, "Max": maxActionText})
		}
	}
	for _, id := range slices.Sorted(maps.Keys(r.Agreed)) {
		if _, ok := p.Action(id); !ok {
			add("plans.review.agreementOnUnknownAction", map[string]any{"ID": id})
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
		errs = append(errs, usermsg.New("plans.tooLong", map[string]any{"Field": usermsg.Term("plans.field.reflection"), "Length": n, "Max": maxPlanText}))
	}
	if !p.Created.IsZero() && !p.Updated.IsZero() && p.Updated.Before(p.Created) {
		errs = append(errs, usermsg.New("plans.updatedBeforeCreated", nil))
	}
	ids := map[string]bool{}
	for i := range p.Actions {
		errs = append(errs, p.actionProblems(i, ids, fw, cat)...)
	}
	for i := range p.Reviews {
		for _, m := range usermsg.List(p.Reviews[i].Validate(p)) {
			errs = append(errs, usermsg.New("plans.inReview", map[string]any{"N": i + 1, "Problem": m}))
		}
	}
	return errors.Join(errs...)
}

// actionProblems are the problems of action i, each naming the action.
func (p *Plan) actionProblems(i int, ids map[string]bool, fw *assessment.Framework, cat *Catalogue) []error {
	a := &p.Actions[i]
	problems := usermsg.List(a.Validate())
	if a.ID != "" && ids[a.ID] {
		problems = append(problems, usermsg.New("plans.action.duplicateID", map[string]any{"ID": a.ID}))
	}
	ids[a.ID] = true
	if fw != nil && a.CompetencyID != "" {
		if _, ok := fw.Competency(a.CompetencyID); !ok {
			problems = append(problems, usermsg.New("plans.action.unknownCompetency", map[string]any{"ID": a.CompetencyID}))
		}
	}
	if cat != nil && a.ItemID != "" {
		if _, ok := cat.Item(a.ItemID); !ok {
			problems = append(problems, usermsg.New("plans.action.unknownItem", map[string]any{"ID": a.ItemID}))
		}
	}
	out := make([]error, len(problems))
	for j, m := range problems {
		out[j] = usermsg.New("plans.inAction", map[string]any{"N": i + 1, "Problem": m})
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
