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
type CompetencyLevel struct {
	Level    int
	Answered int
	Total    int
	// Weakest is the lowest indicator rating given (-1 when none).
	Weakest int
}

// Complete reports whether every indicator of the competency is rated.
func (l CompetencyLevel) Complete() bool { return l.Answered == l.Total }

// LevelOf computes the competency level from the ratings of its indicators.
func LevelOf(indicators []Indicator, ratings map[string]Rating) CompetencyLevel {
	out := CompetencyLevel{Total: len(indicators), Weakest: -1}
	sum := 0
	for _, ind := range indicators {
		r, ok := ratings[ind.ID]
		if !ok {
			continue
		}
		out.Answered++
		sum += r.Level
		if out.Weakest < 0 || r.Level < out.Weakest {
			out.Weakest = r.Level
		}
	}
	if out.Answered > 0 {
		out.Level = sum / out.Answered
	}
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
	order      int
}

// Size is how many levels are missing.
func (g Gap) Size() int { return g.Required - g.Own }

// Priority: a basis gap of two or more levels is high; a basis gap of one
// level or a deepening gap of two or more is medium; the rest is low.
func (g Gap) Priority() Priority {
	basis := g.Competency.Category.Tier() == TierBasis
	switch {
	case basis && g.Size() >= 2:
		return PriorityHoog
	case basis || g.Size() >= 2:
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

// Analyse computes levels, gaps and strengths for sc.
//
// Gaps are ordered basis tier before deepening tier, then larger gaps first,
// ties in framework (scan) order. Strengths are competencies at or above
// the required level, complete, in scan order.
func Analyse(required []RequiredCompetency, sc *SelfCheck) Result {
	var res Result
	for i, rc := range required {
		own := LevelOf(rc.Indicators, sc.Ratings)
		cr := CompetencyResult{RequiredCompetency: rc, Own: own}
		res.Levels = append(res.Levels, cr)
		if own.Level < rc.Level {
			res.Gaps = append(res.Gaps, Gap{Competency: rc.Competency, Required: rc.Level, Own: own.Level, Complete: own.Complete(), order: i})
		} else if own.Complete() {
			res.Strengths = append(res.Strengths, cr)
		}
	}
	sort.SliceStable(res.Gaps, func(a, b int) bool {
		ga, gb := res.Gaps[a], res.Gaps[b]
		if ta, tb := ga.Competency.Category.Tier(), gb.Competency.Category.Tier(); ta != tb {
			return ta < tb
		}
		if ga.Size() != gb.Size() {
			return ga.Size() > gb.Size()
		}
		return ga.order < gb.order
	})
	return res
}
