package plans

import (
	"cmp"
	"slices"
	"strings"

	"zelfscan/assessment"
	"zelfscan/usermsg"
)

// Route is a way to learn on the job that needs no course: the forms of
// workplace learning that paragraphs 4.2 and 4.3 of the plan of action
// recommend. A route is written out for one competency (see RouteMatch), so
// it is offered where the catalogue has nothing at the required level.
//
// Its Level follows from how it is set up, by the rule of
// docs/aanbod-niveaus.md: watching, listening or reading brings knowing and
// recognising (basis, level 1); applying it in one's own cases with feedback
// from someone with expertise brings applying (verdiepend, level 2 and up);
// preparing it for others and leading them brings deepening
// (specialistisch).
type Route struct {
	ID    string
	Level Level
	// scope says whether the route fits competencies about cases, role
	// competencies (category rol: steering, policy, training) or both.
	scope scope
	// coach: the route leans on the organisation's aandachtsfunctionaris,
	// so it needs one who is not the person themselves.
	coach bool
	// title and steps are message codes; steps gets Competency, Statement
	// and Required.
	title, steps string
}

type scope int

const (
	forCases scope = iota
	forRoles
	forBoth
)

// fits reports whether a route of this scope suits a competency of category c.
func (s scope) fits(c assessment.Category) bool {
	return s == forBoth || (s == forRoles) == (c == assessment.CategoryRol)
}

// coachFunction is the profile whose holders coach colleagues.
const coachFunction = "aandachtsfunctionaris"

// routes in the order they are offered among equals: the routes in one's
// own cases first, then those that go beyond, then those that only show.
// Role competencies (steering, policy, training) are not learnt in cases:
// for them the own-work route is intervision with peers in the same role,
// which paragraph 4.1 names for managers.
var routes = []Route{
	{ID: "casuistiek-deskundige", Level: LevelVerdiepend, title: "route.casuistiek.title", steps: "route.casuistiek.steps"},
	{ID: "intervisie-rol", Level: LevelVerdiepend, scope: forRoles, title: "route.intervisieRol.title", steps: "route.intervisieRol.steps"},
	{ID: "coaching-aandachtsfunctionaris", Level: LevelVerdiepend, coach: true, title: "route.coaching.title", steps: "route.coaching.steps"},
	{ID: "cross-training", Level: LevelVerdiepend, title: "route.crossTraining.title", steps: "route.crossTraining.steps"},
	{ID: "themabijeenkomst-leiden", Level: LevelSpecialistisch, scope: forBoth, title: "route.themabijeenkomst.title", steps: "route.themabijeenkomst.steps"},
	{ID: "wisselstage", Level: LevelBasis, title: "route.wisselstage.title", steps: "route.wisselstage.steps"},
	{ID: "meelopen", Level: LevelBasis, scope: forBoth, title: "route.meelopen.title", steps: "route.meelopen.steps"},
}

// RouteIDPrefix marks a route where a list of offers names it ("route:cross-training").
const RouteIDPrefix = "route:"

// Routes lists every workplace route in the order they are offered.
func Routes() []Route { return slices.Clone(routes) }

// RouteByID returns the route with the given ID.
func RouteByID(id string) (Route, bool) {
	i := slices.IndexFunc(routes, func(r Route) bool { return r.ID == id })
	if i < 0 {
		return Route{}, false
	}
	return routes[i], true
}

// Title names the route.
func (r Route) Title() *usermsg.Error { return usermsg.New(r.title, nil) }

// Fits reports whether the route suits competency c for a person with
// function fn (may be "") in organisation org of fw. A competency of an
// extension that names its routes takes exactly those.
func (r Route) Fits(fw *assessment.Framework, c *assessment.Competency, org, fn string) bool {
	if named := namedRoutes(c); named != nil {
		return slices.Contains(named, r.ID)
	}
	if !r.scope.fits(c.Category) {
		return false
	}
	if r.coach {
		coach, ok := fw.Function(coachFunction)
		return ok && fn != coachFunction && coach.AvailableFor(org)
	}
	return true
}

// namedRoutes returns the routes an extension competency names among its
// offers, or nil when it names none.
func namedRoutes(c *assessment.Competency) []string {
	var out []string
	for _, ref := range c.Offers {
		if id, ok := strings.CutPrefix(ref, RouteIDPrefix); ok {
			out = append(out, id)
		}
	}
	return out
}

// RouteMatch is a route written out for one gap.
type RouteMatch struct {
	Route Route
	// Reaches reports whether the route goes as deep as the gap's level.
	Reaches bool
	gap     *assessment.Gap
	org     string
	cat     *Catalogue
}

// Title names the route.
func (m RouteMatch) Title() *usermsg.Error { return m.Route.Title() }

// Steps says what to do, for this competency, to reach the required level.
func (m RouteMatch) Steps() *usermsg.Error {
	return usermsg.New(m.Route.steps, map[string]any{
		"Competency": m.gap.Competency.Title,
		"Statement":  statementFor(m.gap, m.org),
		"Required":   m.cat.requiredPhrase(m.gap.Required),
	})
}

// statementFor is the statement of the scan the route works towards: the
// one the person rated lowest, or else the first one asked in org. Its
// closing full stop goes, as the route quotes it inside a sentence.
func statementFor(g *assessment.Gap, org string) string {
	s := g.Competency.Title
	if len(g.Evidence) > 0 {
		s = g.Evidence[0].Indicator.Text
	} else if ind := g.Competency.IndicatorsFor(org); len(ind) > 0 {
		s = ind[0].Text
	}
	return strings.TrimSuffix(s, ".")
}

// maxRoutes is how many routes are offered for one gap.
const maxRoutes = 3

// RoutesFor returns the routes that fit g's competency and reach its level
// for a person with function fn in org: the level the requirement asks
// first (see levelScore), then in the order of Routes.
func RoutesFor(cat *Catalogue, g *assessment.Gap, org, fn string) []RouteMatch {
	var out []RouteMatch
	if cat.fw == nil || g.Competency == nil {
		return nil
	}
	for _, r := range routes {
		if r.Fits(cat.fw, g.Competency, org, fn) && Reaches(r.Level, g.Required) {
			out = append(out, RouteMatch{Route: r, Reaches: true, gap: g, org: org, cat: cat})
		}
	}
	slices.SortStableFunc(out, func(x, y RouteMatch) int {
		return cmp.Compare(levelScore(y.Route.Level, g.Required), levelScore(x.Route.Level, g.Required))
	})
	return out[:min(len(out), maxRoutes)]
}
