package plans

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"zelfscan/assessment"
)

// ItemMatch is one catalogue item proposed for a gap. (The function Match
// takes the plain name.)
type ItemMatch struct {
	Item   *Item
	Score  float64
	Reason string
}

// GapMatches holds the ranked proposals for one gap.
type GapMatches struct {
	Gap     assessment.Gap
	Matches []ItemMatch
}

// The weights of Match. An item is only proposed for a gap when it serves the
// gap's competency; its score is the sum of:
//
//   - coverage: 40 for serving the gap's competency;
//   - level fit: a gap whose required level is 1 or 2 asks for basis
//     (basis 30, verdiepend 15, specialistisch 5); a required level of 3
//     asks for depth (verdiepend 30, specialistisch 30, basis 10);
//   - organisation fit: 20 when the item names the person's organisation,
//     10 when it names none (meant for everyone), 0 when it is meant for
//     other organisations only;
//   - kind: 10 for a course (training, cursus, masterclass, e-learning),
//     8 for a learning activity, 5 for a guide or training material,
//     3 for a factsheet, animation, magazine or vlog — taking part in
//     learning changes practice more than reading about it;
//   - other gaps: 8 for each other gap of the person the item also serves,
//     counted up to 3 (24), so one item that helps with several gaps rises;
//   - own catalogue: 5 for an item from the organisation's own catalogue,
//     which the organisation has chosen and usually pays for.
//
// Ties are broken by title (case and accents ignored), then by ID, so the
// order is the same on every run.
const (
	weightCoverage       = 40
	weightLevelFit       = 30
	weightLevelNear      = 15
	weightLevelFar       = 5
	weightLevelShallow   = 10
	weightOrgNamed       = 20
	weightOrgAll         = 10
	weightKindCourse     = 10
	weightKindActivity   = 8
	weightKindGuide      = 5
	weightKindMedia      = 3
	weightPerOtherGap    = 8
	maxOtherGapsCounted  = 3
	weightOwnCatalogue   = 5
	deepRequiredLevelMin = 3
)

// MatchOption changes what Match returns.
type MatchOption func(*matchConfig)

type matchConfig struct {
	limit int
}

// Limit keeps at most n matches per gap (n <= 0: all).
func Limit(n int) MatchOption { return func(c *matchConfig) { c.limit = n } }

// Match ranks, per gap, the catalogue items that serve the gap's competency
// for a person in organisation org. The result has one GapMatches per gap,
// in the order of gaps; the scoring is described at the weights above.
func Match(cat *Catalogue, gaps []assessment.Gap, org string, opts ...MatchOption) []GapMatches {
	var cfg matchConfig
	for _, o := range opts {
		o(&cfg)
	}
	// served counts, per entry, how many of the person's gap competencies it serves.
	served := make([]uint8, len(cat.entries))
	seen := map[string]bool{}
	for _, g := range gaps {
		if g.Competency == nil || seen[g.Competency.ID] {
			continue
		}
		seen[g.Competency.ID] = true
		for _, i := range cat.byComp[g.Competency.ID] {
			if served[i] < 255 {
				served[i]++
			}
		}
	}
	out := make([]GapMatches, 0, len(gaps))
	for _, g := range gaps {
		gm := GapMatches{Gap: g}
		if g.Competency == nil {
			out = append(out, gm)
			continue
		}
		cands := cat.byComp[g.Competency.ID]
		type scored struct {
			entry int
			score float64
		}
		list := make([]scored, len(cands))
		for k, i := range cands {
			list[k] = scored{i, score(cat.entries[i].item, g, org, int(served[i])-1)}
		}
		slices.SortFunc(list, func(x, y scored) int {
			if x.score != y.score {
				return cmp.Compare(y.score, x.score)
			}
			ex, ey := &cat.entries[x.entry], &cat.entries[y.entry]
			if c := strings.Compare(ex.titleKey, ey.titleKey); c != 0 {
				return c
			}
			return strings.Compare(ex.item.ID, ey.item.ID)
		})
		if cfg.limit > 0 && len(list) > cfg.limit {
			list = list[:cfg.limit]
		}
		// Many items share a reason; building each once keeps Match fast on
		// large catalogues.
		reasons := map[reasonKey]string{}
		gm.Matches = make([]ItemMatch, len(list))
		for k, s := range list {
			it := cat.entries[s.entry].item
			other := int(served[s.entry]) - 1
			key := reasonKey{level: it.Level, other: other, origin: it.Origin, orgFit: orgScore(it, org)}
			if key.orgFit == 0 {
				key.orgs = strings.Join(it.Organisations, ",")
			}
			r, ok := reasons[key]
			if !ok {
				r = reason(cat, it, g, org, other)
				reasons[key] = r
			}
			gm.Matches[k] = ItemMatch{Item: it, Score: s.score, Reason: r}
		}
		out = append(out, gm)
	}
	return out
}

// reasonKey holds everything reason depends on besides the gap and org.
type reasonKey struct {
	level  Level
	orgFit int
	orgs   string // only for items meant for other organisations
	other  int
	origin string
}

func score(it *Item, g assessment.Gap, org string, otherGaps int) float64 {
	s := weightCoverage + levelScore(it.Level, g.Required) + orgScore(it, org) + kindScore(it.Kind)
	s += weightPerOtherGap * min(otherGaps, maxOtherGapsCounted)
	if it.Origin != OriginBuiltin {
		s += weightOwnCatalogue
	}
	return float64(s)
}

func levelScore(l Level, required int) int {
	if required >= deepRequiredLevelMin {
		switch l {
		case LevelVerdiepend, LevelSpecialistisch:
			return weightLevelFit
		default:
			return weightLevelShallow
		}
	}
	switch l {
	case LevelBasis:
		return weightLevelFit
	case LevelVerdiepend:
		return weightLevelNear
	default:
		return weightLevelFar
	}
}

func orgScore(it *Item, org string) int {
	if len(it.Organisations) == 0 {
		return weightOrgAll
	}
	for _, o := range it.Organisations {
		if o == org {
			return weightOrgNamed
		}
	}
	return 0
}

func kindScore(k Kind) int {
	switch k {
	case KindTraining, KindCursus, KindMasterclass, KindELearning:
		return weightKindCourse
	case KindLeeractiviteit:
		return weightKindActivity
	case KindHandreiking, KindTrainingsmateriaal:
		return weightKindGuide
	default:
		return weightKindMedia
	}
}

// levelPhrase is the level as it reads after "op": "op basisniveau".
func levelPhrase(l Level) string {
	switch l {
	case LevelBasis:
		return "basisniveau"
	case LevelVerdiepend:
		return "verdiepend niveau"
	case LevelSpecialistisch:
		return "specialistisch niveau"
	}
	return "niveau " + string(l)
}

// reason explains a match in Dutch, part by part, e.g. "dekt 'Patronen van
// dwingende controle' op verdiepend niveau; gericht op Politie; helpt ook bij
// 2 andere tekorten".
func reason(cat *Catalogue, it *Item, g assessment.Gap, org string, otherGaps int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "dekt '%s' op %s", g.Competency.Title, levelPhrase(it.Level))
	switch fit := levelScore(it.Level, g.Required); {
	case fit == weightLevelFit:
	case g.Required >= deepRequiredLevelMin:
		b.WriteString(" (lager dan gevraagd)")
	default:
		b.WriteString(" (dieper dan nu nodig)")
	}
	switch orgScore(it, org) {
	case weightOrgNamed:
		b.WriteString("; gericht op " + cat.orgName(org))
	case weightOrgAll:
		b.WriteString("; voor alle organisaties")
	default:
		names := make([]string, len(it.Organisations))
		for i, o := range it.Organisations {
			names[i] = cat.orgName(o)
		}
		b.WriteString("; bedoeld voor " + joinAnd(names))
	}
	switch {
	case otherGaps == 1:
		b.WriteString("; helpt ook bij 1 ander tekort")
	case otherGaps > 1:
		fmt.Fprintf(&b, "; helpt ook bij %d andere tekorten", otherGaps)
	}
	if it.Origin != OriginBuiltin {
		b.WriteString("; uit het eigen aanbod (" + it.Origin + ")")
	}
	return b.String()
}

func (c *Catalogue) orgName(id string) string {
	if c.fw != nil {
		if o, ok := c.fw.Organisation(id); ok {
			return o.Name
		}
	}
	return id
}

// joinAnd joins names the Dutch way: "a, b en c".
func joinAnd(names []string) string {
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " en " + names[len(names)-1]
}
