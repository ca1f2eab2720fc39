package overview

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"zelfscan/disclosure"
	"zelfscan/plans"
	"zelfscan/usermsg"
)

// ErrNothingRead is returned by Result when no file could be used.
var ErrNothingRead error = usermsg.New("overview.nothingRead", nil)

// Count is one published count of people: a multiple of disclosure.Base,
// or Hidden when the audit withheld it.
type Count struct {
	N      int
	Hidden bool
}

// Overview is one release of the organisation overview: every figure in it
// may be published, and the CSV, PDF, text and screen show these figures
// and no others. Counts of people and files are rounded (disclosure.Base).
type Overview struct {
	MinGroup int
	// MaxLevel is the top of the scale (3 for the framework of 2026).
	MaxLevel int
	// Files counts the files read, Duplicates those that did not count as
	// a person of their own (a copy, an older plan of the same person).
	// Both rounded.
	Files, Duplicates int
	// FilesSkipped and Problems are the files that could not be used, for
	// the one who made the overview; they are in no figure.
	FilesSkipped int
	Problems     []Problem
	// SmallGroups is the number of organisation and function combinations
	// with fewer than MinGroup people, SmallGroupPeople (rounded) how
	// many people they have: they are in no other figure.
	SmallGroups, SmallGroupPeople int
	// WithoutID (rounded) counts people known only by a plan, from plan
	// files made before plans carried a person ID: each such plan counts
	// as one person. AnyWithoutID tells whether there is any.
	WithoutID    int
	AnyWithoutID bool
	// Withheld counts the competency rows the audit withheld,
	// WithheldOffers the offers of groups.
	Withheld, WithheldOffers, WithheldEffects int
	Groups                                    []Group
	// From and To are the first day of the months of the earliest and the
	// latest plan counted: the period the release covers, to the month so
	// that no date points at the one who planned on it.
	From, To time.Time
	// Effects are the changes per offer and competency (see Effect),
	// Remarks the shared improvement points per offer.
	Effects []Effect
	Remarks []OfferRemarks
}

// People is the number of people in the groups shown (a sum of rounded
// counts).
func (o *Overview) People() int {
	n := 0
	for _, g := range o.Groups {
		n += g.Members
	}
	return n
}

// Group is one function within one organisation.
type Group struct {
	OrganisationID, Organisation string
	FunctionID, Function         string
	// Members is the number of distinct people, rounded.
	Members int
	// Competencies in the files' scan order.
	Competencies []Row
	// SharedGaps are the rows with the most members short, most first.
	SharedGaps []Row
	// Offers are catalogue items for the rows with the largest gaps.
	Offers []Offer
	// Participation is per offer how far members got with it and how
	// useful they found it, most used first.
	Participation []Participation
}

// Row is one competency within a group.
type Row struct {
	ID, Title, Category string
	// Required is the level the function asks; when files of different
	// framework versions disagree, the most common one.
	Required int
	// Own[l] counts the members at own level l; NotAnswered those who
	// did not rate the competency. With Own they add up to the members.
	Own         []Count
	NotAnswered Count
	// Withheld: the audit could have solved a count of this row from the
	// rest, so none of it is shown.
	Withheld bool
}

// Assessed is the number of members with a level: the sum of Own.
func (r Row) Assessed() Count { return r.sum(len(r.Own)) }

// WithGap is the number of members below Required: the sum of the Own
// counts below it.
func (r Row) WithGap() Count { return r.sum(min(r.Required, len(r.Own))) }

func (r Row) sum(levels int) Count {
	if r.Withheld {
		return Count{Hidden: true}
	}
	n := 0
	for _, c := range r.Own[:levels] {
		n += c.N
	}
	return Count{N: n}
}

// Share is WithGap / Assessed, or -1 when withheld or nobody assessed.
func (r Row) Share() float64 {
	a, g := r.Assessed(), r.WithGap()
	if a.Hidden || a.N == 0 {
		return -1
	}
	return float64(g.N) / float64(a.N)
}

// Offer is a catalogue item for a row of the group: For is that row (the
// one of the item's competencies with the most members short) and
// People its WithGap. The figure is one of the row's, so it tells nothing
// the table does not.
type Offer struct {
	Item   *plans.Item
	For    string
	People int
}

// maxShared and maxOffers bound the lists per group: the coordinator needs
// the top of the list, the CSV has every row.
const (
	maxShared = 5
	maxOffers = 10
)

// Result makes the release. cat may be nil: then there are no offers.
// It fails with ErrNothingRead when no file was usable.
func (b *Builder) Result(cat *plans.Catalogue) (*Overview, error) {
	o := &Overview{MinGroup: b.minGroup, FilesSkipped: len(b.problems), Problems: b.problems, MaxLevel: 3}
	if b.used == 0 {
		return o, ErrNothingRead
	}
	groups := map[[2]string][]*Person{}
	var keys [][2]string
	for _, key := range b.order {
		p := b.people[key]
		for _, l := range p.Levels {
			if l.Answered {
				o.MaxLevel = max(o.MaxLevel, l.Own)
			}
			o.MaxLevel = max(o.MaxLevel, l.Required)
		}
		k := [2]string{p.Organisation, p.Function}
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], p)
	}
	b.totals(o, groups)
	o.From, o.To = b.period()
	offers := newOfferIndex(cat)
	for _, k := range keys {
		members := groups[k]
		if len(members) < b.minGroup {
			continue
		}
		g, err := b.group(o, k, members, offers)
		if err != nil {
			return o, err
		}
		g.Offers = offers.serving(g)
		o.Groups = append(o.Groups, g)
	}
	var err error
	if o.Effects, o.WithheldEffects, err = b.effects(); err != nil {
		return o, err
	}
	o.Remarks = b.remarks()
	slices.SortFunc(o.Groups, func(a, c Group) int {
		if d := strings.Compare(strings.ToLower(a.Organisation), strings.ToLower(c.Organisation)); d != 0 {
			return d
		}
		return strings.Compare(strings.ToLower(a.Function), strings.ToLower(c.Function))
	})
	return o, nil
}

// period is the months of the earliest and the latest plan counted.
func (b *Builder) period() (from, to time.Time) {
	for _, key := range b.order {
		u := b.people[key].Updated
		if from.IsZero() || u.Before(from) {
			from = u
		}
		if u.After(to) {
			to = u
		}
	}
	month := func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC) }
	return month(from), month(to)
}

// totals rounds the counts about all files and the small groups, each
// keyed by the people it counts.
func (b *Builder) totals(o *Overview, groups map[[2]string][]*Person) {
	everyone := disclosure.NewRounder(b.order)
	o.Files = everyone.Round("files", b.used)
	o.Duplicates = everyone.Round("duplicates", b.used-len(b.people))
	withoutID := 0
	for _, p := range b.people {
		if p.PersonID == "" {
			withoutID++
		}
	}
	o.WithoutID, o.AnyWithoutID = everyone.Round("without-id", withoutID), withoutID > 0
	var small []string
	for _, members := range groups {
		if len(members) < b.minGroup {
			o.SmallGroups++
			for _, p := range members {
				small = append(small, p.key())
			}
		}
	}
	o.SmallGroupPeople = disclosure.NewRounder(small).Round("small-groups", len(small))
}

// group makes the release of one group: every count rounded with the
// group's own draws, then audited; rows the audit could solve are withheld.
func (b *Builder) group(o *Overview, k [2]string, members []*Person, offers *offerIndex) (Group, error) {
	ids := make([]string, len(members))
	for i, p := range members {
		ids[i] = p.key()
	}
	r := disclosure.NewRounder(ids)
	g := Group{OrganisationID: k[0], Organisation: b.orgs[k[0]], FunctionID: k[1], Function: b.funcs[k[1]],
		Members: r.Round("size", len(members))}
	truth, required := b.tally(members, o.MaxLevel)
	audit := disclosure.Group{Size: disclosure.RoundedFigure(g.Members)}
	var counts [][]int
	for _, id := range b.compSeq {
		t := truth[id]
		if t == nil {
			continue
		}
		c := b.comps[id]
		row := Row{ID: id, Title: c.Title, Category: c.Category, Required: mostCommon(required[id])}
		cells := disclosure.Row{Total: true}
		for l, n := range t {
			if l == len(t)-1 {
				row.NotAnswered = Count{N: r.Round(id+"/niet-beantwoord", n)}
				cells.Cells = append(cells.Cells, disclosure.RoundedFigure(row.NotAnswered.N))
				continue
			}
			row.Own = append(row.Own, Count{N: r.Round(id+"/"+strconv.Itoa(l), n)})
			cells.Cells = append(cells.Cells, disclosure.RoundedFigure(row.Own[l].N))
		}
		g.Competencies = append(g.Competencies, row)
		audit.Rows = append(audit.Rows, cells)
		counts = append(counts, t)
	}
	var comps []string
	for _, row := range g.Competencies {
		comps = append(comps, row.ID)
	}
	parts, partTruth := b.participation(r, b.groupOffers(offers, k[0], comps, members), members)
	for i := range parts {
		audit.Rows = append(audit.Rows, parts[i].auditRow())
	}
	counts = append(counts, partTruth...)
	withheld, err := disclosure.Protect(&audit, counts, b.minGroup)
	if err != nil {
		return g, err
	}
	withheld = slices.DeleteFunc(withheld, func(i int) bool {
		if i >= len(g.Competencies) {
			parts[i-len(g.Competencies)].withhold()
			o.WithheldOffers++
			return true
		}
		return false
	})
	sortParticipation(parts)
	g.Participation = parts
	for _, i := range withheld {
		row := &g.Competencies[i]
		row.Withheld, row.NotAnswered = true, Count{Hidden: true}
		for l := range row.Own {
			row.Own[l] = Count{Hidden: true}
		}
	}
	o.Withheld += len(withheld)
	shared := slices.DeleteFunc(slices.Clone(g.Competencies), func(r Row) bool { return r.WithGap().Hidden || r.WithGap().N == 0 })
	slices.SortStableFunc(shared, func(a, c Row) int { return cmp.Compare(c.WithGap().N, a.WithGap().N) })
	g.SharedGaps = shared[:min(len(shared), maxShared)]
	return g, nil
}

// tally counts per competency the members at each level 0..maxLevel and,
// last, those who did not answer it (including members whose profile does
// not have it), and the required levels seen.
func (b *Builder) tally(members []*Person, maxLevel int) (map[string][]int, map[string]map[int]int) {
	counts := map[string][]int{}
	required := map[string]map[int]int{}
	for _, p := range members {
		for _, l := range p.Levels {
			if counts[l.Competency] == nil {
				counts[l.Competency] = make([]int, maxLevel+2)
				required[l.Competency] = map[int]int{}
			}
		}
	}
	for _, p := range members {
		for _, l := range p.Levels {
			required[l.Competency][l.Required]++
			if l.Answered {
				counts[l.Competency][l.Own]++
			}
		}
	}
	for _, t := range counts {
		t[maxLevel+1] = len(members) - sum(t[:maxLevel+1])
	}
	return counts, required
}

func sum(ns []int) int {
	t := 0
	for _, n := range ns {
		t += n
	}
	return t
}

// mostCommon returns the key with the highest count, the lowest key on a tie.
func mostCommon(m map[int]int) int {
	best, bestN := 0, -1
	for k, n := range m {
		if n > bestN || (n == bestN && k < best) {
			best, bestN = k, n
		}
	}
	return best
}
