package planfile

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"zelfscan/plans"
	"zelfscan/usermsg"
)

// VerdictKind is what importing a reviewed plan file would do.
type VerdictKind int

const (
	// Fine: the file holds new reviews of the current version of the plan.
	Fine VerdictKind = iota
	// NotTheirs: the file is another plan; nothing may be added.
	NotTheirs
	// AlreadyImported: every review in the file is in the plan already.
	AlreadyImported
	// OlderVersion: a new review was made on an older version of the plan.
	// Adding it is still safe (a review never changes the plan's own data);
	// the user decides.
	OlderVersion
)

// Verdict says what importing a reviewed file would do, as a message for
// the dialog, and what would be added.
type Verdict struct {
	Kind    VerdictKind
	Message *usermsg.Error
	// New counts the reviews that are not in the plan yet.
	New int
	// Gone lists commented actions that are no longer in the plan, and
	// Changed those that were changed since the review, as "id (title)".
	Gone    []string
	Changed []string
}

// CheckReview decides whether the reviews in reviewed belong to own (by the
// plan's UID), are new (by review UID) and were made on the plan's current
// version. It reads only; NewReviews gives what to add.
func CheckReview(own *plans.Plan, reviewed *File) (Verdict, error) {
	if own == nil || reviewed == nil {
		return Verdict{}, usermsg.New("planfile.review.noPlan", nil)
	}
	if len(reviewed.Reviews) == 0 {
		return Verdict{}, usermsg.New("planfile.review.none", nil)
	}
	if own.UID == "" || reviewed.PlanUID != own.UID {
		return Verdict{Kind: NotTheirs, Message: usermsg.New("planfile.review.notTheirs", map[string]any{"Owner": reviewed.owner()})}, nil
	}
	fresh := NewReviews(own.Reviews, reviewed)
	if len(fresh) == 0 {
		return Verdict{Kind: AlreadyImported, Message: usermsg.New("planfile.review.already", nil)}, nil
	}
	v := Verdict{Kind: Fine, New: len(fresh)}
	commented, older := commentedOnOlder(fresh, own.Updated)
	if !older {
		v.Message = newReviewsMessage(len(fresh))
		return v, nil
	}
	v.Kind = OlderVersion
	theirs := map[string]*Action{}
	for i := range reviewed.Actions {
		theirs[reviewed.Actions[i].ID] = &reviewed.Actions[i]
	}
	for _, id := range slices.Sorted(maps.Keys(commented)) {
		now, ok := own.Action(id)
		then := theirs[id]
		switch {
		case !ok:
			v.Gone = append(v.Gone, describe(id, then))
		case then == nil || !sameAction(now, then):
			v.Changed = append(v.Changed, describe(id, then))
		}
	}
	v.Message = usermsg.New("planfile.review.older", map[string]any{
		"Gone": actionList("planfile.review.gone", v.Gone), "Changed": actionList("planfile.review.changed", v.Changed)})
	return v, nil
}

// actionList is the sentence of code naming the actions, or nothing.
func actionList(code string, actions []string) any {
	if len(actions) == 0 {
		return ""
	}
	return usermsg.New(code, map[string]any{"Actions": strings.Join(actions, ", ")})
}

// commentedOnOlder lists the actions that reviews of an older version than
// updated comment on or agree about; older is whether any review is older.
func commentedOnOlder(fresh []plans.Review, updated time.Time) (commented map[string]bool, older bool) {
	commented = map[string]bool{}
	for _, r := range fresh {
		if sameOrLater(r.OnPlanUpdated, updated) {
			continue
		}
		older = true
		for id := range r.ActionComments {
			commented[id] = true
		}
		for id := range r.Agreed {
			commented[id] = true
		}
	}
	return commented, older
}

func newReviewsMessage(n int) *usermsg.Error {
	return usermsg.New("planfile.review.adds", map[string]any{usermsg.CountKey: n})
}

// sameOrLater compares to the second: a store or a file may keep less
// precision than the clock that made the time.
func sameOrLater(t, ref time.Time) bool {
	return !t.Truncate(time.Second).Before(ref.Truncate(time.Second))
}

func sameAction(now *plans.Action, then *Action) bool {
	itemID := ""
	if then.Item != nil {
		itemID = then.Item.ID
	}
	return now.CompetencyID == then.CompetencyID && now.ItemID == itemID && now.OwnText == then.OwnText &&
		now.TargetDate.Equal(then.TargetDate) && now.Status == then.Status && now.Evaluation == then.Evaluation
}

// describe names an action the way the user knows it.
func describe(id string, a *Action) string {
	switch {
	case a == nil:
		return id
	case a.Item != nil:
		return fmt.Sprintf("%s (%s)", id, a.Item.Title)
	case a.OwnText != "":
		return fmt.Sprintf("%s (%s)", id, shorten(a.OwnText, 60))
	}
	return id
}

func shorten(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}

// owner names whose plan a file is, for messages: a name, or a term.
func (f *File) owner() any {
	if n := strings.TrimSpace(f.Profile.Name); n != "" {
		return n
	}
	parts := []string{}
	for _, s := range []string{f.Profile.FunctionName, f.Profile.OrganisationName} {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 {
		return usermsg.Term("planfile.review.someoneElse")
	}
	return strings.Join(parts, ", ")
}

// NewReviews returns the reviews of reviewed whose UID is not among own, as
// plans.Reviews, in file order. Applying the result and calling it again
// returns nothing: a review is added once. It never touches ratings, notes
// or actions; it does not check the plan UID (CheckReview does).
func NewReviews(own []plans.Review, reviewed *File) []plans.Review {
	have := map[string]bool{}
	for _, r := range own {
		have[r.UID] = true
	}
	var out []plans.Review
	for _, r := range reviewed.Reviews {
		if r.UID == "" || have[r.UID] {
			continue
		}
		have[r.UID] = true
		out = append(out, r.Plans())
	}
	return out
}

// Plans converts the review to the plan's own form; maps are copied.
func (r Review) Plans() plans.Review {
	return plans.Review{
		UID: r.UID, OnPlanUpdated: r.OnPlanUpdated, Reviewer: r.Reviewer, Date: r.Date,
		Setting: r.Setting, Overall: r.Overall, SignedOff: r.SignedOff,
		GapComments: maps.Clone(r.GapComments), ActionComments: maps.Clone(r.ActionComments), Agreed: maps.Clone(r.Agreed),
	}
}

// ReviewOf converts a plan's review to the file's form; maps are copied.
func ReviewOf(r plans.Review) Review {
	return Review{
		UID: r.UID, OnPlanUpdated: r.OnPlanUpdated, Reviewer: r.Reviewer, Date: r.Date,
		Setting: r.Setting, Overall: r.Overall, SignedOff: r.SignedOff,
		GapComments: maps.Clone(r.GapComments), ActionComments: maps.Clone(r.ActionComments), Agreed: maps.Clone(r.Agreed),
	}
}

// NewUID returns 128 random bits in hex, for plans and reviews.
func NewUID() (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", usermsg.Wrap("planfile.noRandom", nil, err)
	}
	return hex.EncodeToString(b[:]), nil
}

// AddReview is the reviewer's side: it checks r against the file (a
// reviewer, a sane date, a known setting, comments only on competencies and
// actions in the file), gives it a UID when it has none and marks it as made
// on this version of the plan, then appends it. On an error f is unchanged.
func (f *File) AddReview(r Review) error {
	if r.UID == "" {
		uid, err := NewUID()
		if err != nil {
			return err
		}
		r.UID = uid
	}
	for _, x := range f.Reviews {
		if x.UID == r.UID {
			return usermsg.New("planfile.review.duplicate", map[string]any{"UID": r.UID})
		}
	}
	r.OnPlanUpdated = f.PlanUpdated
	comps, actions := map[string]bool{}, map[string]bool{}
	for _, c := range f.Competencies {
		comps[c.ID] = true
	}
	for _, a := range f.Actions {
		actions[a.ID] = true
	}
	if p := r.problems(comps, actions); len(p) > 0 {
		return usermsg.New("planfile.review.notAdded", map[string]any{"Problems": usermsg.Phrases(p)})
	}
	r.GapComments, r.ActionComments, r.Agreed = maps.Clone(r.GapComments), maps.Clone(r.ActionComments), maps.Clone(r.Agreed)
	f.Reviews = append(f.Reviews, r)
	return nil
}
