package assessment

// Trend is the direction one competency moved between two self-checks.
type Trend int

const (
	TrendGelijk        Trend = iota // same level
	TrendGroei                      // higher level in the later self-check
	TrendAchteruitgang              // lower level in the later self-check
	TrendAlleenEerder               // assessed only in the earlier self-check
	TrendAlleenLater                // assessed only in the later self-check
)

// Change is one competency in a comparison of two self-checks.
type Change struct {
	Competency *Competency
	// InBefore and InAfter say in which self-check the competency was
	// assessed; profiles (organisation, function) may differ between them.
	InBefore, InAfter bool
	Before, After     CompetencyLevel
	// Required is the level the later profile asks, or the earlier one's
	// when the competency is only in the earlier self-check.
	Required int
}

// Trend compares the levels; a competency assessed only once has no direction.
func (c Change) Trend() Trend {
	switch {
	case !c.InAfter:
		return TrendAlleenEerder
	case !c.InBefore:
		return TrendAlleenLater
	case c.After.Level > c.Before.Level:
		return TrendGroei
	case c.After.Level < c.Before.Level:
		return TrendAchteruitgang
	default:
		return TrendGelijk
	}
}

// Compare matches the competencies of two results by competency ID. The
// order is that of the later result (scan order), followed by competencies
// only the earlier one assessed, in its order.
func Compare(before, after Result) []Change {
	earlier := make(map[string]CompetencyResult, len(before.Levels))
	for _, l := range before.Levels {
		earlier[l.Competency.ID] = l
	}
	out := make([]Change, 0, len(after.Levels))
	seen := make(map[string]bool, len(after.Levels))
	for _, l := range after.Levels {
		id := l.Competency.ID
		seen[id] = true
		ch := Change{Competency: l.Competency, InAfter: true, After: l.Own, Required: l.Level}
		if b, ok := earlier[id]; ok {
			ch.InBefore, ch.Before = true, b.Own
		}
		out = append(out, ch)
	}
	for _, l := range before.Levels {
		if seen[l.Competency.ID] {
			continue
		}
		out = append(out, Change{Competency: l.Competency, InBefore: true, Before: l.Own, Required: l.Level})
	}
	return out
}

// Growth is one competency across several self-checks, oldest first: its
// level in each (nil where that self-check did not assess it) and the
// level the latest profile that assessed it requires.
type Growth struct {
	Competency *Competency
	Levels     []*CompetencyLevel
	Required   int
}

// GrowthOf follows every competency through results, oldest first. The
// order is that of the newest result (scan order), then competencies only
// earlier results assessed, newest first.
func GrowthOf(results []Result) []Growth {
	index := map[string]int{}
	var out []Growth
	for i := len(results) - 1; i >= 0; i-- {
		for _, l := range results[i].Levels {
			k, ok := index[l.Competency.ID]
			if !ok {
				k = len(out)
				index[l.Competency.ID] = k
				out = append(out, Growth{Competency: l.Competency, Levels: make([]*CompetencyLevel, len(results)), Required: l.Level})
			}
			own := l.Own
			out[k].Levels[i] = &own
		}
	}
	return out
}
