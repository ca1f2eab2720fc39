package plans

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"zelfscan/assessment"
	"zelfscan/usermsg"
)

// ItemMatch is one catalogue item proposed for a gap. (The function Match
// takes the plain name.)
type ItemMatch struct {
	Item  *Item
	Score float64
	// Reaches reports whether the item goes as deep as the gap's required
	// level (see Reaches).
	Reaches bool
	// why holds what Reason says it from.
	why matchContext
}

// matchContext is what a match's reason depends on besides the item.
type matchContext struct {
	cat       *Catalogue
	gap       *assessment.Gap
	org       string
	otherGaps int
}

// Reason says why the item is proposed, part by part; its Error() is the
// Dutch sentence. It is built when asked: most matches are never shown.
func (m ItemMatch) Reason() *usermsg.Error {
	w := m.why
	return reason(w.cat, m.Item, *w.gap, w.org, w.otherGaps)
}

// GapMatches holds the ranked proposals for one gap.
type GapMatches struct {
	Gap     assessment.Gap
	Matches []ItemMatch
	// AtLevel counts the Matches that reach the required level. When it is
	// 0, Routes holds the workplace routes, written out for this competency,
	// that do reach it.
	AtLevel int
	Routes  []RouteMatch
}

// Part says where a suggestion stands in the list the user sees.
type Part int

const (
	// PartAtLevel: an offer that reaches the required level.
	PartAtLevel Part = iota
	// PartRoute: no offer reaches the level; a workplace route that does.
	PartRoute
	// PartBelow: an offer below the level, as a first step.
	PartBelow
)

// Suggestion is one line of the proposals for a gap: an offer or a route.
type Suggestion struct {
	Part  Part
	Match *ItemMatch  // nil for a route
	Route *RouteMatch // nil for an offer
}

// Suggestions puts the proposals in the order the user sees them: the
// offers that reach the level; when there are none, the workplace routes
// that do; then the offers below the level as a first step.
func (gm *GapMatches) Suggestions() []Suggestion {
	out := make([]Suggestion, 0, len(gm.Matches)+len(gm.Routes))
	for i := range gm.Matches[:gm.AtLevel] {
		out = append(out, Suggestion{Part: PartAtLevel, Match: &gm.Matches[i]})
	}
	for i := range gm.Routes {
		out = append(out, Suggestion{Part: PartRoute, Route: &gm.Routes[i]})
	}
	for i := gm.AtLevel; i < len(gm.Matches); i++ {
		out = append(out, Suggestion{Part: PartBelow, Match: &gm.Matches[i]})
	}
	return out
}

// The weights of Match. An item is only proposed for a gap when it serves the
// gap's competency and the app can say who offers it (a provider, the own
// catalogue it came from, or the source that describes it). Items that reach
// the gap's required level come first; within each part the score is the
// sum of:
//
//   - coverage: 40 for serving the gap's competency;
//   - level fit: 30 when the item's level is the one the required level asks
//     (basis for 1, verdiepend for 2, verdiepend or specialistisch for 3),
//     15 when it reaches the level but goes deeper than needed, 5 when it
//     stays below (a basis item for level 2 or 3);
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
	weightCoverage      = 40
	weightLevelFit      = 30
	weightLevelDeeper   = 15
	weightLevelBelow    = 5
	weightOrgNamed      = 20
	weightOrgAll        = 10
	weightKindCourse    = 10
	weightKindActivity  = 8
	weightKindGuide     = 5
	weightKindMedia     = 3
	weightPerOtherGap   = 8
	maxOtherGapsCounted = 3
	weightOwnCatalogue  = 5
)

// MatchOption changes what Match returns.
type MatchOption func(*matchConfig)

type matchConfig struct {
	limit    int
	function string
}

// Limit keeps at most n matches per gap (n <= 0: all).
func Limit(n int) MatchOption { return func(c *matchConfig) { c.limit = n } }

// ForFunction names the person's function profile, so the workplace routes
// fit it (an aandachtsfunctionaris is not coached by themselves).
func ForFunction(id string) MatchOption { return func(c *matchConfig) { c.function = id } }

// scored is a catalogue entry with its score for one gap.
type scored struct {
	entry   int
	score   float64
	reaches bool
}

// Match ranks, per gap, the catalogue items that serve the gap's competency
// for a person in organisation org. The result has one GapMatches per gap,
// in the order of gaps; the scoring is described at the weights above.
func Match(cat *Catalogue, gaps []assessment.Gap, org string, opts ...MatchOption) []GapMatches {
	var cfg matchConfig
	for _, o := range opts {
		o(&cfg)
	}
	served := servedCounts(cat, gaps)
	out := make([]GapMatches, 0, len(gaps))
	for _, g := range gaps {
		gm := GapMatches{Gap: g}
		if g.Competency != nil {
			list := rankFor(cat, g, org, served)
			if cfg.limit > 0 && len(list) > cfg.limit {
				list = list[:cfg.limit]
			}
			gm.Matches = matchesOf(cat, list, &gm.Gap, org, served)
			for _, m := range gm.Matches {
				if m.Reaches {
					gm.AtLevel++
				}
			}
			if gm.AtLevel == 0 {
				gm.Routes = RoutesFor(cat, &gm.Gap, org, cfg.function)
			}
		}
		out = append(out, gm)
	}
	return out
}

// servedCounts counts, per entry, how many of the person's gap competencies
// it serves.
func servedCounts(cat *Catalogue, gaps []assessment.Gap) []uint8 {
	served := make([]uint8, len(cat.entries))
	seen := map[string]bool{}
	for _, g := range gaps {
		if g.Competency == nil || seen[g.Competency.ID] {
			continue
		}
		seen[g.Competency.ID] = true
		for _, i := range cat.serving(g.Competency) {
			if served[i] < 255 {
				served[i]++
			}
		}
	}
	return served
}

// rankFor scores the entries that serve g's competency and whose offerer is
// known: those that reach the required level first, then by score, title
// and ID.
func rankFor(cat *Catalogue, g assessment.Gap, org string, served []uint8) []scored {
	cands := cat.serving(g.Competency)
	list := make([]scored, 0, len(cands))
	for _, i := range cands {
		it := cat.entries[i].item
		if !offererKnown(it) {
			continue
		}
		list = append(list, scored{i, score(it, g, org, int(served[i])-1), Reaches(it.Level, g.Required)})
	}
	slices.SortFunc(list, func(x, y scored) int {
		if x.reaches != y.reaches {
			if x.reaches {
				return -1
			}
			return 1
		}
		if x.score != y.score {
			return cmp.Compare(y.score, x.score)
		}
		return cat.compareEntries(x.entry, y.entry)
	})
	return list
}

// compareEntries orders two entries by title (case and accents ignored),
// then by ID.
func (c *Catalogue) compareEntries(x, y int) int {
	ex, ey := &c.entries[x], &c.entries[y]
	if r := strings.Compare(ex.titleKey, ey.titleKey); r != 0 {
		return r
	}
	return strings.Compare(ex.item.ID, ey.item.ID)
}

// matchesOf turns ranked entries into matches for g.
func matchesOf(cat *Catalogue, list []scored, g *assessment.Gap, org string, served []uint8) []ItemMatch {
	out := make([]ItemMatch, len(list))
	for k, s := range list {
		out[k] = ItemMatch{Item: cat.entries[s.entry].item, Score: s.score, Reaches: s.reaches,
			why: matchContext{cat: cat, gap: g, org: org, otherGaps: int(served[s.entry]) - 1}}
	}
	return out
}

func score(it *Item, g assessment.Gap, org string, otherGaps int) float64 {
	s := weightCoverage + levelScore(it.Level, g.Required) + orgScore(it, org) + kindScore(it.Kind)
	s += weightPerOtherGap * min(otherGaps, maxOtherGapsCounted)
	if it.Origin != OriginBuiltin {
		s += weightOwnCatalogue
	}
	return float64(s)
}

// Reaches reports whether an item of level l takes a person as far as the
// required level: a basis item brings knowing and recognising (level 1); a
// verdiepend or specialistisch item also applying and deepening (2 and 3).
func Reaches(l Level, required int) bool {
	return required <= 1 || l == LevelVerdiepend || l == LevelSpecialistisch
}

// levelScore: the level the requirement asks, deeper than needed, or below.
func levelScore(l Level, required int) int {
	var fits bool
	switch {
	case required <= 1:
		fits = l == LevelBasis
	case required == 2:
		fits = l == LevelVerdiepend
	default:
		fits = l == LevelVerdiepend || l == LevelSpecialistisch
	}
	switch {
	case fits:
		return weightLevelFit
	case Reaches(l, required):
		return weightLevelDeeper
	default:
		return weightLevelBelow
	}
}

// offererKnown reports whether the app can say who offers an item: a
// provider, an own catalogue, or at least the source that describes it.
func offererKnown(it *Item) bool {
	return it.Provider != "" || it.Origin != OriginBuiltin || it.Source != ""
}

// offerer says who offers an item. A learning activity without a provider
// is one the person arranges in their own team or organisation, as the
// plan of action describes it.
func offerer(it *Item) *usermsg.Error {
	switch {
	case it.Provider != "":
		return usermsg.New("match.offer.provider", map[string]any{"Provider": it.Provider})
	case it.Origin != OriginBuiltin:
		return usermsg.New("match.offer.own", nil)
	case it.Kind == KindLeeractiviteit:
		return usermsg.New("match.offer.arrange", map[string]any{"Source": it.Source})
	}
	return usermsg.New("match.offer.unnamed", map[string]any{"Source": it.Source})
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
	switch {
	case k.Course():
		return weightKindCourse
	case k == KindLeeractiviteit:
		return weightKindActivity
	case k == KindHandreiking || k == KindTrainingsmateriaal:
		return weightKindGuide
	default:
		return weightKindMedia
	}
}

// levelPhrase names a catalogue level: "verdiepend niveau".
func levelPhrase(l Level) *usermsg.Error {
	switch l {
	case LevelBasis:
		return usermsg.New("match.level.basis", nil)
	case LevelVerdiepend:
		return usermsg.New("match.level.verdiepend", nil)
	case LevelSpecialistisch:
		return usermsg.New("match.level.specialistisch", nil)
	}
	return usermsg.New("match.level.other", map[string]any{"Level": string(l)})
}

// requiredPhrase names a required level with its label: "niveau 2 (Toepassen)".
func (c *Catalogue) requiredPhrase(required int) *usermsg.Error {
	if c.fw != nil {
		if l := c.fw.LevelLabel(required); l != fmt.Sprint(required) {
			return usermsg.New("match.required", map[string]any{"Level": required, "Label": l})
		}
	}
	return usermsg.New("match.requiredBare", map[string]any{"Level": required})
}

// reason explains a match part by part; in Dutch, e.g. "dekt 'Patronen van
// dwingende controle' op verdiepend niveau, tot het vereiste niveau 2
// (Toepassen); aangeboden door Movisie; gericht op Politie; helpt ook bij
// 2 andere tekorten".
func reason(cat *Catalogue, it *Item, g assessment.Gap, org string, otherGaps int) *usermsg.Error {
	fit := "match.fit.lower"
	switch levelScore(it.Level, g.Required) {
	case weightLevelFit:
		fit = "match.fit.reaches"
	case weightLevelDeeper:
		fit = "match.fit.deeper"
	}
	parts := usermsg.Phrases{
		usermsg.New("match.covers", map[string]any{"Competency": g.Competency.Title, "Level": levelPhrase(it.Level),
			"Fit": usermsg.New(fit, map[string]any{"Required": cat.requiredPhrase(g.Required)})}),
		offerer(it),
		orgPhrase(cat, it, org),
	}
	switch {
	case otherGaps == 1:
		parts = append(parts, usermsg.New("match.alsoOne", nil))
	case otherGaps > 1:
		parts = append(parts, usermsg.New("match.alsoMany", map[string]any{"Count": otherGaps}))
	}
	if it.Origin != OriginBuiltin {
		parts = append(parts, usermsg.New("match.ownCatalogue", map[string]any{"Origin": it.Origin}))
	}
	return usermsg.New("match.reason", map[string]any{"Parts": parts})
}

// orgPhrase says for whom an item is meant.
func orgPhrase(cat *Catalogue, it *Item, org string) *usermsg.Error {
	switch orgScore(it, org) {
	case weightOrgNamed:
		return usermsg.New("match.org.named", map[string]any{"Org": cat.orgName(org)})
	case weightOrgAll:
		return usermsg.New("match.org.all", nil)
	}
	names := make(usermsg.Names, len(it.Organisations))
	for i, o := range it.Organisations {
		names[i] = cat.orgName(o)
	}
	return usermsg.New("match.org.meant", map[string]any{"Orgs": names})
}

func (c *Catalogue) orgName(id string) string {
	if c.fw != nil {
		if o, ok := c.fw.Organisation(id); ok {
			return o.Name
		}
	}
	return id
}
