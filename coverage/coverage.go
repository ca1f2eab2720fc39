// Package coverage sets the offer against the need: the offer-coverage
// report ("Aanbodanalyse") for training coordinators and for the committee
// that tests the offer for completeness (§4.4 of the plan of action). Per
// organisation × function × competency it gives the required level and
// what the catalogue (built-in, own, and what a framework extension names)
// offers at each level, and which requirements no offer reaches. It reads
// the framework and the catalogue only: no self-check, no person. It never
// imports Fyne; the command line and the app both call Build.
package coverage

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"zelfscan/assessment"
	"zelfscan/plans"
)

// Row is one requirement: a function in an organisation asks a competency
// at a level.
type Row struct {
	OrganisationID, Organisation string
	FunctionID, Function         string
	Competency                   *assessment.Competency
	Required                     int
	// ByLevel holds the offers meant for the organisation that serve the
	// competency, per catalogue level in the order of plans.Levels.
	ByLevel [3][]*plans.Item
	// Reaching are the offers among them that reach Required.
	Reaching []*plans.Item
	// Routes are the workplace routes that reach Required for this function.
	Routes []plans.Route
	// Index is the row's place in framework order: by organisation,
	// function and scan order.
	Index int
}

// Reached reports whether an offer in the catalogue reaches the level.
func (r *Row) Reached() bool { return len(r.Reaching) > 0 }

// Course reports whether a course (training, cursus, masterclass,
// e-learning) reaches the level; learning activities and guides do not count.
func (r *Row) Course() bool {
	return slices.ContainsFunc(r.Reaching, func(it *plans.Item) bool { return it.Kind.Course() })
}

// ClosedByOwn reports whether only offers of the organisation's own
// catalogue reach the level: a gap of the built-in catalogue its own offer closes.
func (r *Row) ClosedByOwn() bool {
	return r.Reached() && !slices.ContainsFunc(r.Reaching, func(it *plans.Item) bool { return it.Origin == plans.OriginBuiltin })
}

// Offer is one catalogue item with the requirements it serves.
type Offer struct {
	Item *plans.Item
	// Serves counts the requirements the item serves; Reaches those of
	// them it takes to the required level.
	Serves, Reaches int
	// Competencies are those the requirements ask, in the order first met.
	Competencies []*assessment.Competency
}

// Report is the whole analysis.
type Report struct {
	// Framework is the framework's label (with its extension, if any).
	Framework string
	// Catalogue is the version of the built-in catalogue.
	Catalogue string
	// Own names the own catalogues taken into account.
	Own []string
	// Rows has every requirement: those no offer reaches first, then those
	// only a workplace route or a learning activity reaches (no course),
	// then the rest; within each, by organisation, function and scan order.
	Rows   []Row
	Offers []Offer
}

// Totals are the report's headline figures.
type Totals struct {
	Requirements int
	// Unreached: no offer in the catalogue reaches the level.
	Unreached int
	// WithoutRoute: neither an offer nor a workplace route reaches it.
	WithoutRoute int
	// NoCourse: no course reaches it (whatever else does).
	NoCourse int
	// ClosedByOwn: only the own catalogue reaches it.
	ClosedByOwn int
}

// Totals counts the rows.
func (r *Report) Totals() Totals {
	t := Totals{Requirements: len(r.Rows)}
	for i := range r.Rows {
		row := &r.Rows[i]
		if !row.Reached() {
			t.Unreached++
			if len(row.Routes) == 0 {
				t.WithoutRoute++
			}
		}
		if !row.Course() {
			t.NoCourse++
		}
		if row.ClosedByOwn() {
			t.ClosedByOwn++
		}
	}
	return t
}

// Summary gives the headline figures in two Dutch sentences, as the PDF
// and the command line say them.
func (r *Report) Summary() string {
	t := r.Totals()
	requirements := strconv.Itoa(t.Requirements) + " eisen"
	if t.Requirements == 1 {
		requirements = "1 eis"
	}
	s := fmt.Sprintf("%s (organisatie × functie × competentie). Bij %d bereikt geen aanbod uit de catalogus het vereiste niveau; "+
		"bij %d daarvan ook geen werkplekroute. Bij %d bereikt geen cursus het niveau.",
		requirements, t.Unreached, t.WithoutRoute, t.NoCourse)
	if len(r.Own) > 0 {
		s += fmt.Sprintf(" Het eigen aanbod (%s) sluit er %d die de ingebouwde catalogus open laat.", strings.Join(r.Own, ", "), t.ClosedByOwn)
	}
	return s
}

// Build makes the report for every organisation and function of fw with
// the offers of cat (which must have been loaded against fw, so that an
// extension's competencies and offers are known).
func Build(fw *assessment.Framework, cat *plans.Catalogue) *Report {
	rep := &Report{Framework: fw.Label(), Catalogue: cat.Version, Own: ownOrigins(cat)}
	uses := map[string]*Offer{}
	for _, o := range fw.Organisations {
		for _, fn := range fw.FunctionsFor(o.ID) {
			req, err := fw.Required(o.ID, fn.ID)
			if err != nil {
				continue // FunctionsFor gives only profiles that exist there
			}
			for _, rc := range req {
				row := newRow(fw, cat, o, fn, rc, len(rep.Rows))
				count(uses, &row)
				rep.Rows = append(rep.Rows, row)
			}
		}
	}
	slices.SortStableFunc(rep.Rows, func(a, b Row) int {
		return cmp.Or(cmp.Compare(rank(&a), rank(&b)), cmp.Compare(a.Index, b.Index))
	})
	for _, it := range cat.Items() {
		if u, ok := uses[it.ID]; ok {
			rep.Offers = append(rep.Offers, *u)
		} else {
			rep.Offers = append(rep.Offers, Offer{Item: it})
		}
	}
	return rep
}

// rank puts the rows no offer reaches first, then those without a course.
func rank(r *Row) int {
	switch {
	case !r.Reached():
		return 0
	case !r.Course():
		return 1
	}
	return 2
}

func newRow(fw *assessment.Framework, cat *plans.Catalogue, o assessment.Organisation, fn *assessment.Function, rc assessment.RequiredCompetency, index int) Row {
	row := Row{OrganisationID: o.ID, Organisation: o.Name, FunctionID: fn.ID, Function: fn.Name,
		Competency: rc.Competency, Required: rc.Level, Index: index}
	for _, it := range cat.Items() {
		if !it.MeantFor(o.ID) || !it.ServesCompetency(rc.Competency) {
			continue
		}
		if l := slices.Index(plans.Levels(), it.Level); l >= 0 {
			row.ByLevel[l] = append(row.ByLevel[l], it)
		}
		if plans.Reaches(it.Level, rc.Level) {
			row.Reaching = append(row.Reaching, it)
		}
	}
	for _, r := range plans.Routes() {
		if r.Fits(fw, rc.Competency, o.ID, fn.ID) && plans.Reaches(r.Level, rc.Level) {
			row.Routes = append(row.Routes, r)
		}
	}
	return row
}

// count adds the row to the use of every offer that serves it.
func count(uses map[string]*Offer, row *Row) {
	for _, list := range row.ByLevel {
		for _, it := range list {
			u, ok := uses[it.ID]
			if !ok {
				u = &Offer{Item: it}
				uses[it.ID] = u
			}
			u.Serves++
			if !slices.Contains(u.Competencies, row.Competency) {
				u.Competencies = append(u.Competencies, row.Competency)
			}
			if plans.Reaches(it.Level, row.Required) {
				u.Reaches++
			}
		}
	}
}

// ownOrigins lists the own catalogues in cat, in the order they were added.
func ownOrigins(cat *plans.Catalogue) []string {
	var out []string
	for _, it := range cat.Items() {
		if it.Origin != plans.OriginBuiltin && !slices.Contains(out, it.Origin) {
			out = append(out, it.Origin)
		}
	}
	return out
}

// Group is the rows of one competency at one required level: the same gap
// repeats over organisations and functions, and is read best at once.
type Group struct {
	Competency *assessment.Competency
	Required   int
	Rows       []*Row
	// Functions are the names of the functions, in the order first met;
	// Organisations the names of the organisations per function.
	Functions     []string
	Organisations map[string][]string
}

// Groups groups the rows keep lets through by competency and required
// level, in the order of the report.
func (r *Report) Groups(keep func(*Row) bool) []*Group {
	type key struct {
		id    string
		level int
	}
	var out []*Group
	byKey := map[key]*Group{}
	for i := range r.Rows {
		row := &r.Rows[i]
		if !keep(row) {
			continue
		}
		k := key{row.Competency.ID, row.Required}
		g, ok := byKey[k]
		if !ok {
			g = &Group{Competency: row.Competency, Required: row.Required, Organisations: map[string][]string{}}
			byKey[k] = g
			out = append(out, g)
		}
		g.Rows = append(g.Rows, row)
		if _, ok := g.Organisations[row.Function]; !ok {
			g.Functions = append(g.Functions, row.Function)
		}
		g.Organisations[row.Function] = append(g.Organisations[row.Function], row.Organisation)
	}
	return out
}

// Routes are the workplace routes that reach the level for some row of
// the group, in the order of plans.Routes.
func (g *Group) Routes() []plans.Route {
	var out []plans.Route
	for _, route := range plans.Routes() {
		if slices.ContainsFunc(g.Rows, func(row *Row) bool { return slices.Contains(row.Routes, route) }) {
			out = append(out, route)
		}
	}
	return out
}

// OrganisationCount is the number of organisations the report covers.
func (r *Report) OrganisationCount() int {
	seen := map[string]bool{}
	for i := range r.Rows {
		seen[r.Rows[i].OrganisationID] = true
	}
	return len(seen)
}
