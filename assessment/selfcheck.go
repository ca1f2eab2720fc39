package assessment

import (
	"sort"
	"time"
)

// Profile says who did a self-check: the organisation and function decide
// which competencies are asked and at which level.
type Profile struct {
	Organisation string
	Function     string
	Name         string // optional
	Team         string // optional
}

// Rating is one answer: the level chosen for one indicator.
type Rating struct {
	Level int
	Note  string
	At    time.Time
}

// SelfCheck is one run of the scan with all answers given so far.
type SelfCheck struct {
	ID               int64
	Profile          Profile
	FrameworkVersion string
	Started          time.Time
	Updated          time.Time
	// Ratings per indicator ID.
	Ratings map[string]Rating
	// Notes holds the optional reflection per competency ID.
	Notes map[string]string
	// Position is the index (in Required order) of the competency shown last,
	// so the scan resumes where it was left.
	Position int
}

// Completeness counts the indicators answered out of those asked.
type Completeness struct {
	Answered, Total int
}

// Done reports whether every indicator asked has an answer.
func (c Completeness) Done() bool { return c.Total > 0 && c.Answered == c.Total }

// Percent is the share answered, 0–100.
func (c Completeness) Percent() int {
	if c.Total == 0 {
		return 0
	}
	return c.Answered * 100 / c.Total
}

// Completeness of sc against the competencies required.
func (sc *SelfCheck) Completeness(required []RequiredCompetency) Completeness {
	var c Completeness
	for _, rc := range required {
		for _, ind := range rc.Indicators {
			c.Total++
			if _, ok := sc.Ratings[ind.ID]; ok {
				c.Answered++
			}
		}
	}
	return c
}

// CompetencyLevel is the level reached on one competency.
//
// The rule: the level is the average of the indicator ratings, rounded down,
// so one weak indicator pulls the competency down rather than being hidden by
// strong ones. A competency with an unanswered indicator is not Complete; its
// level is computed from the answers there are, and 0 when there are none.
// Sum keeps the exact average (Score) that the whole level rounds down.
type CompetencyLevel struct {
	Level    int
	Answered int
	Total    int
	// Sum of the ratings given.
	Sum int
	// Weakest is the lowest indicator rating given (-1 when none).
	Weakest int
}

// Complete reports whether every indicator of the competency is rated.
func (l CompetencyLevel) Complete() bool { return l.Answered == l.Total }

// Score is the average rating (0 when nothing is answered): the whole Level
// is this rounded down.
func (l CompetencyLevel) Score() float64 {
	if l.Answered == 0 {
		return 0
	}
	return float64(l.Sum) / float64(l.Answered)
}

// LevelOf computes the competency level from the ratings of its indicators.
func LevelOf(indicators []Indicator, ratings map[string]Rating) CompetencyLevel {
	out := CompetencyLevel{Total: len(indicators), Weakest: -1}
	for _, ind := range indicators {
		r, ok := ratings[ind.ID]
		if !ok {
			continue
		}
		out.Answered++
		out.Sum += r.Level
		if out.Weakest < 0 || r.Level < out.Weakest {
			out.Weakest = r.Level
		}
	}
	if out.Answered > 0 {
		out.Level = out.Sum / out.Answered
	}
	return out
}

// Evidence is one statement that holds a competency below the required
// level: the person rated it lower than the function asks.
type Evidence struct {
	Indicator Indicator
	Level     int
}

// EvidenceFor returns the statements rated below required, lowest rating
// first and in scan order among equal ratings. Unanswered statements are not
// evidence: they are counted by CompetencyLevel.Answered.
func EvidenceFor(indicators []Indicator, ratings map[string]Rating, required int) []Evidence {
	var out []Evidence
	for _, ind := range indicators {
		if r, ok := ratings[ind.ID]; ok && r.Level < required {
			out = append(out, Evidence{Indicator: ind, Level: r.Level})
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Level < out[b].Level })
	return out
}

// Priority of a gap, from the gap's tier and size.
type Priority int

const (
	PriorityHoog Priority = iota
	PriorityMiddel
	PriorityLaag
)

// Label is the Dutch word shown to the user.
func (p Priority) Label() string {
	switch p {
	case PriorityHoog:
		return "hoog"
	case PriorityMiddel:
		return "middel"
	default:
		return "laag"
	}
}

// Gap is a competency where the own level is below the required level.
type Gap struct {
	Competency *Competency
	Required   int
	Own        int
	Complete   bool
	// Sum and Answered give the exact average behind Own; a Gap made without
	// them (Answered 0) counts Own as its average.
	Sum, Answered int
	// Evidence holds the statements rated below Required (see EvidenceFor).
	Evidence []Evidence
	order    int
}

// Size is how many whole levels are missing.
func (g Gap) Size() int { return g.Required - g.Own }

// ratio returns the average as sum/n with n ≥ 1, so comparisons stay exact.
func (g Gap) ratio() (sum, n int) {
	if g.Answered == 0 {
		return g.Own, 1
	}
	return g.Sum, g.Answered
}

// Score is the average rating behind the gap (Own when it was not recorded).
func (g Gap) Score() float64 {
	sum, n := g.ratio()
	return float64(sum) / float64(n)
}

// Shortfall is how far the average lies below the required level: 1,0 for
// answers 1,1,1,1 against level 2, but 0,25 for 2,2,2,1, although both
// are a whole level short.
func (g Gap) Shortfall() float64 { return float64(g.Required) - g.Score() }

// weight is 2 for the basis tier and 1 for deepening and roles: a shortfall
// in what everyone needs counts double.
func (g Gap) weight() int {
	if g.Competency != nil && g.Competency.Category.Tier() == TierBasis {
		return 2
	}
	return 1
}

// Weighted is the shortfall as it counts for priority and order: the
// shortfall in the basis, half of it in deepening and roles.
func (g Gap) Weighted() float64 { return g.Shortfall() * float64(g.weight()) / 2 }

// weightedRatio is Weighted as numerator/denominator, for exact comparison.
func (g Gap) weightedRatio() (num, den int) {
	sum, n := g.ratio()
	return (g.Required*n - sum) * g.weight(), 2 * n
}

// Priority: hoog from a weighted shortfall of 1 (a whole level short on
// average in the basis, two in deepening or a role), middel from 0,5, the
// rest laag.
func (g Gap) Priority() Priority {
	num, den := g.weightedRatio()
	switch {
	case num >= den:
		return PriorityHoog
	case 2*num >= den:
		return PriorityMiddel
	default:
		return PriorityLaag
	}
}

// Result is the outcome of a self-check: the level per required competency,
// the gaps in priority order and the strengths.
type Result struct {
	Levels    []CompetencyResult
	Gaps      []Gap
	Strengths []CompetencyResult
}

// CompetencyResult pairs a required competency with the level reached.
type CompetencyResult struct {
	RequiredCompetency
	Own CompetencyLevel
}

// GapOf returns the gap of one required competency, or false when its level
// is met. order is its place in the scan, the last tie-break of the ranking.
func GapOf(rc RequiredCompetency, own CompetencyLevel, ratings map[string]Rating, order int) (Gap, bool) {
	if own.Level >= rc.Level {
		return Gap{}, false
	}
	return Gap{
		Competency: rc.Competency, Required: rc.Level, Own: own.Level, Complete: own.Complete(),
		Sum: own.Sum, Answered: own.Answered,
		Evidence: EvidenceFor(rc.Indicators, ratings, rc.Level), order: order,
	}, true
}

// Analyse computes levels, gaps and strengths for sc.
//
// Gaps are ranked by RankGaps. Strengths are competencies at or above the
// required level, complete, in scan order.
func Analyse(required []RequiredCompetency, sc *SelfCheck) Result {
	var res Result
	for i, rc := range required {
		own := LevelOf(rc.Indicators, sc.Ratings)
		cr := CompetencyResult{RequiredCompetency: rc, Own: own}
		res.Levels = append(res.Levels, cr)
		if g, ok := GapOf(rc, own, sc.Ratings, i); ok {
			res.Gaps = append(res.Gaps, g)
		} else if own.Complete() {
			res.Strengths = append(res.Strengths, cr)
		}
	}
	RankGaps(res.Gaps)
	return res
}

// RankGaps orders gaps largest weighted shortfall first; among equals the
// larger share of statements below the required level, then the basis tier,
// then scan order (the order given, for gaps not made by GapOf).
func RankGaps(gaps []Gap) {
	sort.SliceStable(gaps, func(a, b int) bool {
		ga, gb := gaps[a], gaps[b]
		na, da := ga.weightedRatio()
		nb, db := gb.weightedRatio()
		if na*db != nb*da {
			return na*db > nb*da
		}
		_, ra := ga.ratio()
		_, rb := gb.ratio()
		if ea, eb := len(ga.Evidence)*rb, len(gb.Evidence)*ra; ea != eb {
			return ea > eb
		}
		if ta, tb := ga.weight(), gb.weight(); ta != tb {
			return ta > tb
		}
		return ga.order < gb.order
	})
}
