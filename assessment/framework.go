// Package assessment holds the competency framework (loaded from the embedded
// YAML in assets), self-checks with their ratings, and the gap analysis.
// It never imports Fyne: everything here is tested without a display.
package assessment

import (
	"fmt"
	"iter"
	"slices"

	"zelfscan/usermsg"
)

// Category groups competencies the way bijlage 3a/3b of the plan of action does.
type Category string

const (
	CategoryBasis               Category = "basis"                 // bijlage 3a, gezamenlijke basiskennis
	CategoryVerdiepend          Category = "verdiepend"            // bijlage 3a, gezamenlijke verdieping
	CategoryPerOrgBasis         Category = "per_org_basis"         // bijlage 3a, basis uit te werken per organisatie
	CategoryPerOrgSpecialisatie Category = "per_org_specialisatie" // bijlage 3a, specialisatie per organisatie
	CategoryOrganisatie         Category = "organisatiespecifiek"  // bijlage 3b
	CategoryRol                 Category = "rol"                   // section 4.1, role competencies
)

// Categories lists every category in the order the scan asks them. It
// returns a new slice each call, so no caller can reorder it for the others.
func Categories() []Category {
	return []Category{
		CategoryBasis, CategoryPerOrgBasis, CategoryOrganisatie,
		CategoryVerdiepend, CategoryPerOrgSpecialisatie, CategoryRol,
	}
}

// Tier says whether a category belongs to the basis everyone needs or to the
// deepening/role layer; gap priority puts basis first.
type Tier int

const (
	TierBasis Tier = iota
	TierVerdieping
)

// Tier of the category: the basis that every professional needs comes first.
func (c Category) Tier() Tier {
	switch c {
	case CategoryBasis, CategoryPerOrgBasis, CategoryOrganisatie:
		return TierBasis
	default:
		return TierVerdieping
	}
}

// Label is the Dutch name of the category, for output that is always Dutch
// (the PDF, plan files); the GUI translates through its own strings.
func (c Category) Label() string {
	switch c {
	case CategoryBasis:
		return "Basiskennis en -vaardigheden"
	case CategoryVerdiepend:
		return "Verdieping"
	case CategoryPerOrgBasis:
		return "Basis uitgewerkt voor de organisatie"
	case CategoryPerOrgSpecialisatie:
		return "Specialisatie voor de organisatie"
	case CategoryOrganisatie:
		return "Organisatiespecifiek"
	case CategoryRol:
		return "Rol en functie"
	}
	return string(c)
}

// CategoryOf returns the category with the given ID or Dutch Label (plan
// files store the label); false when it is neither.
func CategoryOf(s string) (Category, bool) {
	for _, k := range Categories() {
		if string(k) == s || k.Label() == s {
			return k, true
		}
	}
	return Category(s), false
}

// Valid reports whether c is one of the known categories.
func (c Category) Valid() bool {
	for _, k := range Categories() {
		if k == c {
			return true
		}
	}
	return false
}

// Framework is the whole competency framework of one version.
type Framework struct {
	Version       string
	Source        Source
	Scale         []Level
	Organisations []Organisation
	Functions     []Function
	Competencies  []Competency

	// Extension is the organisation's extension in use, nil without one;
	// overrides are the required levels it sets, per function profile.
	Extension *Extension
	overrides map[string]*profileLevels

	compByID map[string]*Competency
	orgByID  map[string]*Organisation
	funcByID map[string]*Function
	indByID  map[string]indicatorRef
}

type indicatorRef struct {
	competency string
	text       string
}

// Source credits the document the framework is derived from.
type Source struct {
	Title     string `yaml:"title"`
	Publisher string `yaml:"publisher"`
	Year      int    `yaml:"year"`
	Credit    string `yaml:"credit"`
}

// Level is one step of the rating scale.
type Level struct {
	Value       int    `yaml:"level"`
	Label       string `yaml:"label"`
	Description string `yaml:"description"`
}

// Organisation is one of the organisations of bijlage 3b (or "andere").
type Organisation struct {
	ID      string  `yaml:"id"`
	Name    string  `yaml:"name"`
	Context Context `yaml:"context"`
}

// Context is bijlage 3c for one organisation: how its training is organised
// and where learning can land. Empty when the seed gives nothing.
type Context struct {
	Training      string   `yaml:"training"`
	Opportunities []string `yaml:"opportunities"`
	Source        string   `yaml:"source"`
}

// Function is a function profile: the required level per category, plus
// competencies with a level of their own (Extra): the role competencies it
// carries, and where its work asks more or less of one competency than its
// category does (a meldkamer triages more than it follows up).
type Function struct {
	ID          string           `yaml:"id"`
	Name        string           `yaml:"name"`
	Description string           `yaml:"description"`
	Required    map[Category]int `yaml:"required"`
	Extra       []Requirement    `yaml:"extra"`
	Source      string           `yaml:"source"`
	// OnlyFor and NotFor (organisation IDs, at most one of the two) say in
	// which organisations this profile exists: an aandachtsfunctionaris, for
	// instance, is not a role at the rechterlijke macht.
	OnlyFor []string `yaml:"only_for"`
	NotFor  []string `yaml:"not_for"`
}

// AvailableFor reports whether the profile exists in organisation org.
func (fn *Function) AvailableFor(org string) bool {
	return fitsOrganisation(org, fn.OnlyFor, fn.NotFor)
}

// Requirement is a required level for one competency; with OnlyFor only in
// those organisations (Veilig Thuis expects every worker to refer, bijlage 3c).
type Requirement struct {
	Competency string   `yaml:"competency"`
	Level      int      `yaml:"level"`
	OnlyFor    []string `yaml:"only_for"`
}

// Competency is one need of the plan of action, made observable by indicators.
type Competency struct {
	ID          string   `yaml:"id"`
	Category    Category `yaml:"category"`
	Title       string   `yaml:"title"`
	Description string   `yaml:"description"`
	Source      string   `yaml:"source"`
	// Organisations limits an organisatiespecifiek competency to these organisations.
	Organisations []string `yaml:"organisations"`
	// Specialist marks a need the plan of action calls specialist (bijlage 3b
	// for CSG, advocatuur and vrouwenopvang; for the reclassering, where
	// bijlage 3c leaves the split open, this framework's reading): like the deepening of bijlage 3a
	// it is not for every employee, so a profile asks it at its verdiepend level.
	Specialist bool        `yaml:"specialist"`
	Indicators []Indicator `yaml:"indicators"`
	// OrganisationIndicators replaces Indicators for the named organisation
	// (per-organisation categories of bijlage 3a).
	OrganisationIndicators map[string][]Indicator `yaml:"organisation_indicators"`
	// Offers names what serves a competency an extension adds: IDs of
	// catalogue items (built-in or own) and workplace routes ("route:<id>").
	// Built-in competencies leave it empty: there the catalogue names them.
	Offers []string `yaml:"offers"`
}

// Indicator is one observable statement ("Ik kan ...") rated on the scale.
type Indicator struct {
	ID   string `yaml:"id"`
	Text string `yaml:"text"`
	// OnlyFor and NotFor (organisation IDs, at most one of the two) keep a
	// general statement away from roles whose professional rules it conflicts
	// with, such as speaking a victim alone for a judge bound to hear both sides.
	OnlyFor []string `yaml:"only_for"`
	NotFor  []string `yaml:"not_for"`
}

// FitsOrganisation reports whether the statement may be asked in organisation org.
func (ind Indicator) FitsOrganisation(org string) bool {
	return fitsOrganisation(org, ind.OnlyFor, ind.NotFor)
}

// fitsOrganisation applies an only_for / not_for pair to one organisation.
func fitsOrganisation(org string, onlyFor, notFor []string) bool {
	if len(onlyFor) > 0 {
		return slices.Contains(onlyFor, org)
	}
	return !slices.Contains(notFor, org)
}

// Competency returns the competency with the given ID.
func (f *Framework) Competency(id string) (*Competency, bool) {
	c, ok := f.compByID[id]
	return c, ok
}

// Organisation returns the organisation with the given ID.
func (f *Framework) Organisation(id string) (*Organisation, bool) {
	o, ok := f.orgByID[id]
	return o, ok
}

// Function returns the function profile with the given ID.
func (f *Framework) Function(id string) (*Function, bool) {
	p, ok := f.funcByID[id]
	return p, ok
}

// IndicatorText returns the text of an indicator and the competency it belongs to.
func (f *Framework) IndicatorText(id string) (text, competency string, ok bool) {
	r, ok := f.indByID[id]
	return r.text, r.competency, ok
}

// MaxLevel is the highest level of the rating scale.
func (f *Framework) MaxLevel() int { return f.Scale[len(f.Scale)-1].Value }

// LevelLabel returns the label of a scale level, or the number when unknown.
func (f *Framework) LevelLabel(v int) string {
	for _, l := range f.Scale {
		if l.Value == v {
			return l.Label
		}
	}
	return fmt.Sprint(v)
}

// IndicatorsFor returns the indicators asked of someone in organisation org:
// the organisation's own indicators where the framework has them, otherwise
// the general ones that fit the organisation (only_for / not_for).
func (c *Competency) IndicatorsFor(org string) []Indicator {
	if ind, ok := c.OrganisationIndicators[org]; ok {
		return ind
	}
	var out []Indicator
	for _, ind := range c.Indicators {
		if ind.FitsOrganisation(org) {
			out = append(out, ind)
		}
	}
	return out
}

// FunctionsFor returns the profiles that exist in organisation org, in
// framework order: the choice the profile screen offers.
func (f *Framework) FunctionsFor(org string) []*Function {
	var out []*Function
	for i := range f.Functions {
		if f.Functions[i].AvailableFor(org) {
			out = append(out, &f.Functions[i])
		}
	}
	return out
}

// appliesTo reports whether an organisatiespecifiek competency belongs to org.
// An extension's competencies name their one organisation whatever their
// category.
func (c *Competency) appliesTo(org string) bool {
	if c.Category != CategoryOrganisatie && len(c.Organisations) == 0 {
		return true
	}
	for _, o := range c.Organisations {
		if o == org {
			return true
		}
	}
	return false
}

// RequiredCompetency is one competency a profile is assessed on, with the
// indicators that apply to it and the level the function asks.
type RequiredCompetency struct {
	Competency *Competency
	Indicators []Indicator
	Level      int
}

// LongestScan is the profile of this function with the most statements to
// answer, over the organisations that have the function, and how many: the
// longest scan a user can meet, which the benchmarks measure.
func (f *Framework) LongestScan(functionID string) (Profile, int) {
	var best Profile
	most := 0
	for _, o := range f.Organisations {
		req, err := f.Required(o.ID, functionID)
		if err != nil {
			continue // the function does not exist there (not_for)
		}
		n := 0
		for _, rc := range req {
			n += len(rc.Indicators)
		}
		if n > most {
			best, most = Profile{Organisation: o.ID, Function: functionID}, n
		}
	}
	return best, most
}

// Required returns, in scan order (category order, then framework order),
// every competency with a required level above 0 for the pair.
func (f *Framework) Required(orgID, functionID string) ([]RequiredCompetency, error) {
	if _, ok := f.orgByID[orgID]; !ok {
		return nil, errUnknownOrganisation(orgID)
	}
	fn, ok := f.funcByID[functionID]
	if !ok {
		return nil, usermsg.New("assessment.unknownFunction", map[string]any{"ID": functionID})
	}
	if !fn.AvailableFor(orgID) {
		return nil, usermsg.New("assessment.functionNotAt", map[string]any{"ID": functionID, "Org": orgID})
	}
	extra := map[string]int{}
	for _, r := range fn.Extra {
		if fitsOrganisation(orgID, r.OnlyFor, nil) {
			extra[r.Competency] = r.Level
		}
	}
	var out []RequiredCompetency
	for c := range f.inScanOrder(orgID) {
		if level := f.requiredLevel(orgID, fn, extra, c); level > 0 {
			out = append(out, RequiredCompetency{Competency: c, Indicators: c.IndicatorsFor(orgID), Level: level})
		}
	}
	return out, nil
}

// inScanOrder yields the competencies that apply to the organisation in
// scan order: category by category, within one in framework order; ""
// yields those of every organisation.
func (f *Framework) inScanOrder(orgID string) iter.Seq[*Competency] {
	return func(yield func(*Competency) bool) {
		for _, cat := range Categories() {
			for i := range f.Competencies {
				c := &f.Competencies[i]
				if c.Category == cat && (orgID == "" || c.appliesTo(orgID)) && !yield(c) {
					return
				}
			}
		}
	}
}

func errUnknownOrganisation(id string) error {
	return usermsg.New("assessment.unknownOrganisation", map[string]any{"ID": id})
}

// requiredLevel is the level fn asks of c in the organisation: the
// category's level, unless the competency has a level of its own; an
// extension's levels win over the built-in ones for its organisation.
func (f *Framework) requiredLevel(orgID string, fn *Function, extra map[string]int, c *Competency) int {
	var own profileLevels
	if f.ExtensionFor(orgID) != nil && f.overrides[fn.ID] != nil {
		own = *f.overrides[fn.ID]
	}
	if l, ok := own.competencies[c.ID]; ok {
		return l
	}
	if l, ok := extra[c.ID]; ok {
		return l
	}
	if l, ok := own.categories[c.Category]; ok {
		return l
	}
	if c.Category == CategoryRol {
		return 0 // role competencies count only where the function names them
	}
	if c.Specialist {
		return fn.Required[CategoryVerdiepend]
	}
	return fn.Required[c.Category]
}
