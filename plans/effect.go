package plans

import (
	"slices"

	"zelfscan/assessment"
)

// Effect is what a person's own next self-check says about a competency
// that completed actions of their plan served: the competency's average
// self-rating in the self-check the plan answered (Before) and in the next
// one (After). It is a self-report without a comparison group: it says how
// the person rates themselves after the actions, not that the actions
// caused the change.
type Effect struct {
	CompetencyID  string
	Before, After float64
	// Items are the catalogue items of the completed actions for the
	// competency, sorted; own actions (no item) count in Actions only.
	// Actions 0: no completed action served the competency; its change
	// is what the organisation overview compares with.
	Items   []string
	Actions int
}

// Change is After minus Before.
func (e Effect) Change() float64 { return e.After - e.Before }

// Effects lists, in the order of changes, the competencies that both
// self-checks assessed in full (a half-answered competency has no average
// to compare), each with the completed actions of p that served it, if any.
func Effects(p *Plan, changes []assessment.Change) []Effect {
	if p == nil {
		return nil
	}
	done := map[string]*Effect{}
	for _, a := range p.Actions {
		if a.Status != StatusAfgerond {
			continue
		}
		e := done[a.CompetencyID]
		if e == nil {
			e = &Effect{CompetencyID: a.CompetencyID}
			done[a.CompetencyID] = e
		}
		e.Actions++
		if a.ItemID != "" && !slices.Contains(e.Items, a.ItemID) {
			e.Items = append(e.Items, a.ItemID)
		}
	}
	var out []Effect
	for _, ch := range changes {
		if !ch.InBefore || !ch.InAfter || !ch.Before.Complete() || !ch.After.Complete() {
			continue
		}
		e := done[ch.Competency.ID]
		if e == nil {
			e = &Effect{CompetencyID: ch.Competency.ID}
		}
		e.Before, e.After = ch.Before.Score(), ch.After.Score()
		slices.Sort(e.Items)
		out = append(out, *e)
	}
	return out
}
