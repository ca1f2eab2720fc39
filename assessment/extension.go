package assessment

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"zelfscan/usermsg"
)

// An organisation works the shared framework out for itself (the plan of
// action asks every organisation to) in an extension file: it adds
// competencies for its own organisation, replaces the organisation-specific
// statements of a competency, and sets required levels per profile. The
// extension never changes what other organisations are asked.

// Extension says which extension is in use; Framework.Extension is nil
// without one.
type Extension struct {
	Name         string
	Version      string
	Organisation string
	// File is the base name of the file it was read from.
	File string
	// Added and Replaced are the competencies it added and those whose
	// organisation statements it replaced, in file order.
	Added, Replaced []string
	// Offers are the offers its competencies name, with where they stand,
	// so that whoever knows the catalogue can check them (plans.CheckOffers).
	Offers []OfferRef
}

// OfferRef is one offer an extension's competency names: a catalogue item
// ID or a workplace route ("route:<id>"), with the line and field it is on.
type OfferRef struct {
	Competency, ID string
	Line           int
	Field          string
}

// maxOffers caps the offers one competency names.
const maxOffers = 50

// Limits on the extension's own labels: they are printed on every page.
const (
	maxExtensionName    = 80
	maxExtensionVersion = 20
)

// extensionFile is the YAML shape of an extension; it uses the keys of the
// framework files, so whoever knows those knows this.
type extensionFile struct {
	Name                   string                 `yaml:"name"`
	Version                string                 `yaml:"version"`
	Organisation           string                 `yaml:"organisation"`
	Competencies           []Competency           `yaml:"competencies"`
	OrganisationIndicators map[string][]Indicator `yaml:"organisation_indicators"`
	Required               []extensionRequirement `yaml:"required"`
}

// extensionRequirement sets the required level of one function profile,
// for the extension's organisation, on a whole category or on one
// competency (which wins over its category).
type extensionRequirement struct {
	Function   string   `yaml:"function"`
	Category   Category `yaml:"category"`
	Competency string   `yaml:"competency"`
	Level      *int     `yaml:"level"`
}

// profileLevels are the levels an extension sets for one function profile
// in its organisation.
type profileLevels struct {
	categories   map[Category]int
	competencies map[string]int
}

// Extend returns a new framework: base with the extension in data (read
// from the file called name) applied. base is not changed. Every problem
// is returned, each naming file, line and field, as Load does.
func Extend(base *Framework, name string, data []byte) (*Framework, error) {
	var ef extensionFile
	root, err := DecodeStrict(name, data, &ef)
	if err != nil {
		return nil, err
	}
	v := &validator{docs: map[string]*yamlDoc{name: {name: name, root: root}}, known: map[string]bool{}}
	f := base.copyForExtension()
	for id := range base.compByID {
		v.known[id] = true
	}
	for id := range base.indByID {
		v.known[id] = true
	}
	v.extensionHeader(f, name, &ef)
	if len(v.errs) > 0 {
		return nil, errors.Join(v.errs...)
	}
	ext := &Extension{Name: strings.TrimSpace(ef.Name), Version: strings.TrimSpace(ef.Version), Organisation: ef.Organisation, File: name}
	seenInd := map[string]bool{}
	v.addCompetencies(f, name, ext, ef.Competencies, seenInd)
	v.replaceIndicators(f, name, ext, ef.OrganisationIndicators, seenInd)
	f.index()
	v.requirements(f, name, ef.Organisation, ef.Required)
	if len(ef.Competencies) == 0 && len(ef.OrganisationIndicators) == 0 && len(ef.Required) == 0 {
		v.fail(name, nil, "assessment.extension.nothing", nil)
	}
	if len(v.errs) > 0 {
		return nil, errors.Join(v.errs...)
	}
	f.Extension = ext
	return f, nil
}

// copyForExtension copies what an extension may change, so the built-in
// framework stays as it was (the app falls back to it).
func (f *Framework) copyForExtension() *Framework {
	c := *f
	c.Competencies = slices.Clone(f.Competencies)
	c.overrides = map[string]*profileLevels{}
	c.index()
	return &c
}

func (v *validator) extensionHeader(f *Framework, file string, ef *extensionFile) {
	v.label(file, "name", ef.Name, maxExtensionName)
	v.label(file, "version", ef.Version, maxExtensionVersion)
	switch {
	case ef.Organisation == "":
		v.fail(file, []any{"organisation"}, "assessment.extension.noOrganisation", nil)
	case f.orgByID[ef.Organisation] == nil:
		v.fail(file, []any{"organisation"}, "assessment.extension.unknownOrganisation", map[string]any{"ID": ef.Organisation, "Known": strings.Join(f.organisationIDs(), ", ")})
	}
}

// label checks a short text printed on every page: present, one line, not too long.
func (v *validator) label(file, field, s string, maxRunes int) {
	switch {
	case strings.TrimSpace(s) == "":
		v.fail(file, []any{field}, "assessment.required", nil)
	case strings.ContainsAny(s, "\r\n"):
		v.fail(file, []any{field}, "assessment.extension.oneLine", nil)
	case utf8.RuneCountInString(s) > maxRunes:
		v.fail(file, []any{field}, "assessment.extension.tooLong", map[string]any{"Max": maxRunes})
	}
}

// addCompetencies checks the new competencies as strictly as the built-in
// ones and adds them for the extension's organisation only.
func (v *validator) addCompetencies(f *Framework, file string, ext *Extension, list []Competency, seenInd map[string]bool) {
	seen := map[string]bool{}
	for i, c := range list {
		at := []any{"competencies", i}
		if len(c.Organisations) > 0 {
			v.fail(file, append(at, "organisations"), "assessment.extension.ownOrganisation", map[string]any{"ID": ext.Organisation})
		}
		if len(c.OrganisationIndicators) > 0 {
			v.fail(file, append(at, "organisation_indicators"), "assessment.extension.indicatorsPlace", nil)
		}
		c.Organisations = []string{ext.Organisation}
		v.competency(f, file, at, &c, seen, seenInd)
		v.offers(file, at, ext, &c)
		f.Competencies = append(f.Competencies, c)
		ext.Added = append(ext.Added, c.ID)
	}
}

// offers checks the offers a new competency names (each once, not empty,
// at most maxOffers) and keeps where each stands; whether they exist is for
// the catalogue to say.
func (v *validator) offers(file string, at []any, ext *Extension, c *Competency) {
	if len(c.Offers) > maxOffers {
		v.fail(file, append(at, "offers"), "assessment.offers.tooMany", map[string]any{"Max": maxOffers})
	}
	seen := map[string]bool{}
	for j, id := range c.Offers {
		steps := append(slices.Clone(at), "offers", j)
		switch {
		case strings.TrimSpace(id) == "":
			v.fail(file, steps, "assessment.required", nil)
		case seen[id]:
			v.fail(file, steps, "assessment.offers.twice", map[string]any{"ID": id})
		}
		seen[id] = true
		ext.Offers = append(ext.Offers, OfferRef{Competency: c.ID, ID: id,
			Line: LineOf(v.docs[file].root, steps...), Field: FieldPath(steps)})
	}
}

// replaceIndicators gives existing competencies that are worked out per
// organisation new statements for the extension's organisation.
func (v *validator) replaceIndicators(f *Framework, file string, ext *Extension, byComp map[string][]Indicator, seenInd map[string]bool) {
	for _, id := range slices.Sorted(maps.Keys(byComp)) {
		at := []any{"organisation_indicators", id}
		c, ok := f.compByID[id]
		switch {
		case !ok:
			v.fail(file, at, "assessment.unknownCompetencyRef", map[string]any{"ID": id})
			continue
		case !perOrganisation(c.Category):
			v.fail(file, at, "assessment.extension.shared", map[string]any{"ID": id, "Category": categoryTerm(c.Category)})
			continue
		case !c.appliesTo(ext.Organisation):
			v.fail(file, at, "assessment.extension.notForOrganisation", map[string]any{"ID": id, "Org": ext.Organisation})
			continue
		}
		v.indicators(file, at, byComp[id], seenInd)
		v.noOrgFilter(file, at, byComp[id])
		own := maps.Clone(c.OrganisationIndicators)
		if own == nil {
			own = map[string][]Indicator{}
		}
		own[ext.Organisation] = byComp[id]
		c.OrganisationIndicators = own
		ext.Replaced = append(ext.Replaced, id)
	}
}

// perOrganisation reports whether the plan of action leaves a category to
// be worked out by each organisation.
func perOrganisation(c Category) bool {
	return c == CategoryPerOrgBasis || c == CategoryPerOrgSpecialisatie || c == CategoryOrganisatie
}

// requirements checks and records the levels the extension sets.
func (v *validator) requirements(f *Framework, file, org string, list []extensionRequirement) {
	seen := map[string]bool{}
	for i, r := range list {
		at := []any{"required", i}
		if _, ok := f.funcByID[r.Function]; !ok {
			v.fail(file, append(at, "function"), "assessment.extension.unknownFunction", map[string]any{"ID": r.Function, "Known": strings.Join(f.functionIDs(), ", ")})
			continue
		}
		if !f.funcByID[r.Function].AvailableFor(org) {
			v.fail(file, append(at, "function"), "assessment.extension.functionNotAt", map[string]any{"ID": r.Function, "Org": org})
			continue
		}
		target, ok := v.requirementTarget(f, file, at, org, r)
		if !ok {
			continue
		}
		if key := r.Function + "/" + target; seen[key] {
			v.fail(file, at, "assessment.extension.levelTwice", map[string]any{"Target": target, "Function": r.Function})
		} else {
			seen[key] = true
		}
		if r.Level == nil {
			v.fail(file, append(at, "level"), "assessment.extension.noLevel", nil)
			continue
		}
		if *r.Level < 0 || *r.Level > f.MaxLevel() {
			v.fail(file, append(at, "level"), "assessment.levelOutOfScale", map[string]any{"Level": *r.Level, "Max": f.MaxLevel()})
			continue
		}
		f.setOverride(r, *r.Level)
	}
}

// requirementTarget checks that a requirement names exactly one known
// category or one competency of the organisation, and returns it.
func (v *validator) requirementTarget(f *Framework, file string, at []any, org string, r extensionRequirement) (string, bool) {
	switch {
	case (r.Category == "") == (r.Competency == ""):
		v.fail(file, at, "assessment.extension.categoryOrCompetency", nil)
	case r.Category != "" && !r.Category.Valid():
		v.fail(file, append(at, "category"), "assessment.unknownCategory", map[string]any{"Category": r.Category})
	case r.Category != "":
		return string(r.Category), true
	case f.compByID[r.Competency] == nil:
		v.fail(file, append(at, "competency"), "assessment.unknownCompetencyRef", map[string]any{"ID": r.Competency})
	case !f.compByID[r.Competency].appliesTo(org):
		v.fail(file, append(at, "competency"), "assessment.extension.notForOrganisation", map[string]any{"ID": r.Competency, "Org": org})
	default:
		return r.Competency, true
	}
	return "", false
}

func (f *Framework) setOverride(r extensionRequirement, level int) {
	p := f.overrides[r.Function]
	if p == nil {
		p = &profileLevels{categories: map[Category]int{}, competencies: map[string]int{}}
		f.overrides[r.Function] = p
	}
	if r.Category != "" {
		p.categories[r.Category] = level
	} else {
		p.competencies[r.Competency] = level
	}
}

func (f *Framework) organisationIDs() []string {
	ids := make([]string, len(f.Organisations))
	for i, o := range f.Organisations {
		ids[i] = o.ID
	}
	return ids
}

func (f *Framework) functionIDs() []string {
	ids := make([]string, len(f.Functions))
	for i, fn := range f.Functions {
		ids[i] = fn.ID
	}
	return ids
}

// ExtensionFor returns the extension when it applies to the organisation:
// an extension changes only what its own organisation is asked.
func (f *Framework) ExtensionFor(orgID string) *Extension {
	if f.Extension != nil && f.Extension.Organisation == orgID {
		return f.Extension
	}
	return nil
}

// Label names the framework for the reader of a page: the version, and the
// extension when one is in use.
func (f *Framework) Label() string {
	s := "Competentiekader " + f.Version
	if e := f.Extension; e != nil {
		s += fmt.Sprintf(" met uitbreiding %s, versie %s (%s)", e.Name, e.Version, f.organisationName(e.Organisation))
	}
	return s
}

// VersionFor is the version a self-check of the organisation is made
// against, as it is stored with the self-check: the framework version,
// plus the extension's name and version when the extension applies.
func (f *Framework) VersionFor(orgID string) string {
	if e := f.ExtensionFor(orgID); e != nil {
		return fmt.Sprintf("%s + %s %s", f.Version, e.Name, e.Version)
	}
	return f.Version
}

func (f *Framework) organisationName(id string) string {
	if o, ok := f.orgByID[id]; ok {
		return o.Name
	}
	return id
}

// categoryTerm names a category in messages.
func categoryTerm(c Category) usermsg.Term {
	switch c {
	case CategoryBasis:
		return "assessment.category.basis"
	case CategoryVerdiepend:
		return "assessment.category.verdiepend"
	case CategoryPerOrgBasis:
		return "assessment.category.perOrgBasis"
	case CategoryPerOrgSpecialisatie:
		return "assessment.category.perOrgSpecialisatie"
	case CategoryOrganisatie:
		return "assessment.category.organisatiespecifiek"
	}
	return "assessment.category.rol"
}
