package assessment

import "slices"

// The review edition lets experts read the whole framework without taking
// the scan: per organisation every competency it is asked, the statements as
// that organisation gets them and the level each function profile requires.
// It asks Required and IndicatorsFor, so it shows exactly what users get.

// NotAvailable is the level of a function profile that does not exist in an
// organisation: not "level 0" but "nobody there is asked this".
const NotAvailable = -1

// ReviewCompetency is one competency as one organisation is asked it.
type ReviewCompetency struct {
	Competency *Competency
	// Indicators are the statements someone in the organisation rates.
	Indicators []Indicator
	// Levels holds the required level per function profile, in the order of
	// Framework.Functions: 0 when the profile does not ask the competency,
	// NotAvailable when the profile does not exist in the organisation.
	Levels []int
}

// Review returns, in scan order (category order, then framework order),
// every competency that applies to the organisation, whether or not a
// profile requires it, so a reviewer also sees what nobody is asked yet.
func (f *Framework) Review(orgID string) ([]ReviewCompetency, error) {
	if _, ok := f.orgByID[orgID]; !ok {
		return nil, errUnknownOrganisation(orgID)
	}
	levels := f.levelsByProfile(orgID)
	var out []ReviewCompetency
	for c := range f.inScanOrder(orgID) {
		rc := ReviewCompetency{Competency: c, Indicators: c.IndicatorsFor(orgID), Levels: make([]int, len(f.Functions))}
		for j, byComp := range levels {
			if byComp == nil {
				rc.Levels[j] = NotAvailable
			} else {
				rc.Levels[j] = byComp[c.ID]
			}
		}
		out = append(out, rc)
	}
	return out, nil
}

// levelsByProfile is, per function profile, the required level of each
// competency Required returns; nil for a profile the organisation lacks.
func (f *Framework) levelsByProfile(orgID string) []map[string]int {
	out := make([]map[string]int, len(f.Functions))
	for i, fn := range f.Functions {
		req, err := f.Required(orgID, fn.ID)
		if err != nil {
			continue
		}
		out[i] = map[string]int{}
		for _, r := range req {
			out[i][r.Competency.ID] = r.Level
		}
	}
	return out
}

// ReviewEntry is one competency across every organisation it applies to:
// which statements go to which organisations and which required levels.
type ReviewEntry struct {
	Competency *Competency
	// Organisations are the IDs of the organisations it applies to, in
	// framework order.
	Organisations []string
	Statements    []ReviewStatement
	Levels        []ReviewLevels
}

// ReviewStatement is one statement and the organisations asked it.
type ReviewStatement struct {
	Indicator     Indicator
	Organisations []string
}

// ReviewLevels are required levels per function profile (as in
// ReviewCompetency.Levels) shared by a set of organisations.
type ReviewLevels struct {
	Levels        []int
	Organisations []string
}

// ReviewAll merges Review over all organisations, so a statement or a set
// of levels that many organisations share is listed once with all of them.
// Order: scan order of the competencies, then first appearance.
func (f *Framework) ReviewAll() []ReviewEntry {
	byComp := map[string]*ReviewEntry{}
	for _, org := range f.Organisations {
		list, _ := f.Review(org.ID) // org comes from the framework itself
		for _, rc := range list {
			e := byComp[rc.Competency.ID]
			if e == nil {
				e = &ReviewEntry{Competency: rc.Competency}
				byComp[rc.Competency.ID] = e
			}
			e.add(org.ID, rc)
		}
	}
	var out []ReviewEntry
	for c := range f.inScanOrder("") {
		if e := byComp[c.ID]; e != nil {
			out = append(out, *e)
		}
	}
	return out
}

func (e *ReviewEntry) add(org string, rc ReviewCompetency) {
	e.Organisations = append(e.Organisations, org)
	for _, ind := range rc.Indicators {
		i := slices.IndexFunc(e.Statements, func(s ReviewStatement) bool { return s.Indicator.ID == ind.ID })
		if i < 0 {
			e.Statements = append(e.Statements, ReviewStatement{Indicator: ind})
			i = len(e.Statements) - 1
		}
		e.Statements[i].Organisations = append(e.Statements[i].Organisations, org)
	}
	i := slices.IndexFunc(e.Levels, func(l ReviewLevels) bool { return slices.Equal(l.Levels, rc.Levels) })
	if i < 0 {
		e.Levels = append(e.Levels, ReviewLevels{Levels: rc.Levels})
		i = len(e.Levels) - 1
	}
	e.Levels[i].Organisations = append(e.Levels[i].Organisations, org)
}
