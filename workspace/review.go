package workspace

import (
	"time"

	"zelfscan/plans"
	"zelfscan/plans/planfile"
)

// ReviewVerdict says what importing a reviewed plan file would do; named
// here, with its kinds, so that the window asks without importing planfile.
type ReviewVerdict = planfile.Verdict

// The kinds of ReviewVerdict the window tells apart; any other adds the
// new reviews at once.
const (
	ReviewNotTheirs       = planfile.NotTheirs
	ReviewAlreadyImported = planfile.AlreadyImported
	ReviewOlderVersion    = planfile.OlderVersion
)

// CheckReview says whether the reviews in reviewed belong to own, the plan
// as stored now, are new and were made on its current version. It reads
// only; ImportReviews adds them.
func CheckReview(own *plans.Plan, reviewed *PlanFile) (ReviewVerdict, error) {
	return planfile.CheckReview(own, reviewed)
}

// ImportReviews stores the reviews of reviewed that own does not have yet
// and says how many were added. Ratings, notes and actions stay as they
// are. It stops at the first review the store refuses, with that error.
func (w *Workspace) ImportReviews(own *plans.Plan, reviewed *PlanFile, now time.Time) (int, error) {
	n := 0
	for _, r := range planfile.NewReviews(own.Reviews, reviewed) {
		added, err := w.store.AddReview(own.ID, r, now)
		if err != nil {
			return n, err
		}
		if added {
			n++
		}
	}
	return n, nil
}

// Reviewed is f with r added as its newest review, exported at exported;
// f itself stays as it was read. Its error is a message for the user.
func Reviewed(f *PlanFile, r PlanReview, exported time.Time) (*PlanFile, error) {
	// A shallow copy with its own review list: AddReview appends to it.
	out := *f
	out.Reviews = append([]PlanReview(nil), f.Reviews...)
	if err := out.AddReview(r); err != nil {
		return nil, err
	}
	out.Exported = exported.UTC()
	return &out, nil
}
