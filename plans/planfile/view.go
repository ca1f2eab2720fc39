package planfile

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"zelfscan/plans"
	"zelfscan/usermsg"
)

// This file is the read-only view of a plan that the screens (app/) and the
// PDF (documents/pdf) both show, so the two never count or name things
// differently. It returns facts, not sentences: the wording stays with
// each reader.

// RegisterPoints are the accreditation points of a plan in one register.
type RegisterPoints struct {
	Register string
	// Total counts every accredited item the plan uses; Completed those of
	// them with at least one action marked done.
	Total, Completed float64
}

// Points sums accreditation points per register, sorted by register. The
// rule: an item counts once per plan, however many actions (gaps) it was
// chosen for, because following it once earns its points once; it counts
// as completed as soon as one of its actions is done. Own actions earn no
// points.
func (f *File) Points() []RegisterPoints {
	type entry struct {
		reg       string
		pts       float64
		completed bool
	}
	var order []string
	seen := map[string]*entry{}
	for _, a := range f.Actions {
		if a.Item == nil || a.Item.Accreditation.Register == "" {
			continue
		}
		e, ok := seen[a.Item.ID]
		if !ok {
			e = &entry{reg: a.Item.Accreditation.Register, pts: a.Item.Accreditation.Points}
			seen[a.Item.ID] = e
			order = append(order, a.Item.ID)
		}
		e.completed = e.completed || a.Status == plans.StatusAfgerond
	}
	byReg := map[string]*RegisterPoints{}
	for _, id := range order {
		e := seen[id]
		rp, ok := byReg[e.reg]
		if !ok {
			rp = &RegisterPoints{Register: e.reg}
			byReg[e.reg] = rp
		}
		rp.Total += e.pts
		if e.completed {
			rp.Completed += e.pts
		}
	}
	out := make([]RegisterPoints, 0, len(byReg))
	for _, rp := range byReg {
		out = append(out, *rp)
	}
	slices.SortFunc(out, func(a, b RegisterPoints) int { return strings.Compare(a.Register, b.Register) })
	return out
}

// Action returns the action with the given ID.
func (f *File) Action(id string) (*Action, bool) {
	for i := range f.Actions {
		if f.Actions[i].ID == id {
			return &f.Actions[i], true
		}
	}
	return nil, false
}

// ActionTitle is what an action is called: its item's title, or the first
// line of an own action's text (at most 80 characters). ok is false when
// the plan no longer has the action (a review may still mention it).
func (f *File) ActionTitle(id string) (title string, ok bool) {
	a, ok := f.Action(id)
	if !ok {
		return "", false
	}
	if a.Item != nil {
		return a.Item.Title, true
	}
	return FirstLine(a.OwnText, 80), true
}

// CompetencyTitle is a competency's title as the file has it; ok is false
// for an ID the file does not know.
func (f *File) CompetencyTitle(id string) (title string, ok bool) {
	if c, ok := f.Competency(id); ok && c.Title != "" {
		return c.Title, true
	}
	return id, false
}

// LevelLabel is "2 (Toepassen)": the value with its name on the plan's own
// scale, or the bare value when the scale has no such level.
func (f *File) LevelLabel(v int) string {
	for _, l := range f.Framework.Scale {
		if l.Value == v {
			return strconv.Itoa(v) + " (" + l.Label + ")"
		}
	}
	return strconv.Itoa(v)
}

// GapView is one gap with its competency and the actions chosen for it.
type GapView struct {
	Gap
	Competency *Competency // nil when the file lacks it
	Actions    []*Action
}

// GapViews lists the gaps in priority order with their actions.
func (f *File) GapViews() []GapView {
	out := make([]GapView, len(f.Gaps))
	for i, g := range f.Gaps {
		c, _ := f.Competency(g.CompetencyID)
		out[i] = GapView{Gap: g, Competency: c, Actions: f.ActionsFor(g.CompetencyID)}
	}
	return out
}

// OtherActions are the actions on competencies that are not a gap, in plan
// order.
func (f *File) OtherActions() []*Action {
	isGap := map[string]bool{}
	for _, g := range f.Gaps {
		isGap[g.CompetencyID] = true
	}
	var out []*Action
	for i := range f.Actions {
		if !isGap[f.Actions[i].CompetencyID] {
			out = append(out, &f.Actions[i])
		}
	}
	return out
}

// Notes are the competencies with a note by the professional, in scan order.
func (f *File) Notes() []*Competency {
	var out []*Competency
	for i := range f.Competencies {
		if strings.TrimSpace(f.Competencies[i].Note) != "" {
			out = append(out, &f.Competencies[i])
		}
	}
	return out
}

// LatestReview is the most recent review, by date; ok is false when the
// plan has not been reviewed.
func (f *File) LatestReview() (r Review, ok bool) {
	for i, rv := range f.Reviews {
		if i == 0 || !rv.Date.Before(r.Date) {
			r, ok = rv, true
		}
	}
	return r, ok
}

// PointsNumber writes points the Dutch way, 4,5 rather than 4.5, with no
// trailing zeros.
func PointsNumber(p float64) string {
	return usermsg.Number{Value: p, Decimals: -1}.String()
}

// CapitalFirst upper-cases the first letter, also when it takes more than
// one byte (éénmalig → Éénmalig, özlem → Özlem).
func CapitalFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// FirstLine is the first non-empty line of s, cut to max characters
// (runes, not bytes) with an ellipsis.
func FirstLine(s string, max int) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > max {
		s = string(r[:max-1]) + "…"
	}
	return s
}

// Decimal writes v with one decimal and a Dutch decimal comma (1,3), half
// up, as the results screen shows averages.
func Decimal(v float64) string {
	return usermsg.Number{Value: v, Decimals: 1}.String()
}
