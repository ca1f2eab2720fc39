package overview

import (
	"cmp"
	"slices"
	"strings"

	"zelfscan/plans"
	"zelfscan/usermsg"
)

// ErrNothingRead is returned by Result when no file could be used.
var ErrNothingRead error = usermsg.New("overview.nothingRead", nil)

// Count is one cell: a number of people, or Hidden when it would describe
// fewer than MinGroup people ("te weinig deelnemers").
type Count struct {
	N      int
	Hidden bool
}

// Overview is the organisation's picture, for the screen, CSV and PDF.
type Overview struct {
	MinGroup int
	// FilesUsed counts files read, FilesSkipped files that could not be
	// used, Duplicates the files that were another copy or an older version
	// of a plan already counted; People = FilesUsed - Duplicates.
	FilesUsed, FilesSkipped, Duplicates, People int
	Problems                                    []Problem
	// MaxLevel is the top of the scale (3 for the framework of 2026).
	MaxLevel int
	Groups   []Group
	// Hidden counts what was left out as "te weinig deelnemers".
	Hidden Hidden
}

// Hidden counts what was left out because it describes too few people.
type Hidden struct {
	// Groups: organisation and function combinations with fewer members;
	// their people are in no figure at all.
	Groups int
	// Rows: competencies in a shown group assessed for too few members.
	Rows int
	// Cells: single figures within shown rows.
	Cells int
	// Items: catalogue offers that would serve too few people in a group.
	Items int
}

// Total adds up everything hidden.
func (h Hidden) Total() int { return h.Groups + h.Rows + h.Cells + h.Items }

// Group is one function within one organisation.
type Group struct {
	OrganisationID, Organisation string
	FunctionID, Function         string
	Members                      int
	// Competencies in the files' scan order; rows with too few assessed
	// members are left out (counted in Overview.Hidden.Rows).
	Competencies []Row
	// SharedGaps are the rows with the most members short, most first.
	SharedGaps []Row
	// Offers are catalogue items that serve a gap of at least MinGroup
	// members, most people first.
	Offers []Offer
}

// Row is one competency within a group.
type Row struct {
	ID, Title, Category string
	Assessed            int
	// Required is the level the function asks; when files of different
	// framework versions disagree, the most common one.
	Required int
	// Own[l] counts the members at own level l.
	Own []Count
	// WithGap counts the members below Required; Share is WithGap/Assessed.
	WithGap Count
}

// Share is the fraction of assessed members with a gap, or -1 when hidden.
func (r Row) Share() float64 {
	if r.WithGap.Hidden || r.Assessed == 0 {
		return -1
	}
	return float64(r.WithGap.N) / float64(r.Assessed)
}

// Offer is a catalogue item and the number of group members it serves.
type Offer struct {
	Item   *plans.Item
	People int
}

// maxShared and maxOffers bound the lists per group: the coordinator needs
// the top of the list, the CSV has every row.
const (
	maxShared = 5
	maxOffers = 10
)

// Result makes the overview. cat may be nil: then there are no offers.
// It fails with ErrNothingRead when no file was usable.
func (b *Builder) Result(cat *plans.Catalogue) (*Overview, error) {
	o := &Overview{
		MinGroup: b.minGroup, FilesUsed: b.used, FilesSkipped: len(b.problems),
		Duplicates: b.dupes, People: len(b.people), Problems: b.problems, MaxLevel: 3,
	}
	if b.used == 0 {
		return o, ErrNothingRead
	}
	groups := map[[2]string][]*Person{}
	var keys [][2]string
	for _, uid := range b.order {
		p := b.people[uid]
		for _, l := range p.Levels {
			o.MaxLevel = max(o.MaxLevel, l.Own, l.Required)
		}
		k := [2]string{p.Organisation, p.Function}
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], p)
	}
	offers := newOfferIndex(cat)
	for _, k := range keys {
		members := groups[k]
		if len(members) < b.minGroup {
			o.Hidden.Groups++
			continue
		}
		g := Group{OrganisationID: k[0], Organisation: b.orgs[k[0]], FunctionID: k[1], Function: b.funcs[k[1]], Members: len(members)}
		b.rows(&g, members, o)
		g.Offers = offers.serving(members, b.minGroup, &o.Hidden)
		o.Groups = append(o.Groups, g)
	}
	slices.SortFunc(o.Groups, func(a, c Group) int {
		if d := strings.Compare(strings.ToLower(a.Organisation), strings.ToLower(c.Organisation)); d != 0 {
			return d
		}
		return strings.Compare(strings.ToLower(a.Function), strings.ToLower(c.Function))
	})
	return o, nil
}

// rows fills the competency rows, the hidden counts and the shared gaps of g.
func (b *Builder) rows(g *Group, members []*Person, o *Overview) {
	type tally struct {
		own      []int
		required map[int]int
		gap      int
	}
	per := map[string]*tally{}
	for _, p := range members {
		for _, l := range p.Levels {
			t := per[l.Competency]
			if t == nil {
				t = &tally{own: make([]int, o.MaxLevel+1), required: map[int]int{}}
				per[l.Competency] = t
			}
			t.own[l.Own]++
			t.required[l.Required]++
			if l.Own < l.Required {
				t.gap++
			}
		}
	}
	for _, id := range b.compSeq {
		t := per[id]
		if t == nil {
			continue
		}
		assessed := sum(t.own)
		if assessed < b.minGroup {
			o.Hidden.Rows++
			continue
		}
		c := b.comps[id]
		r := Row{ID: id, Title: c.Title, Category: c.Category, Assessed: assessed, Required: mostCommon(t.required)}
		var hidden int
		r.Own, hidden = suppress(t.own, b.minGroup)
		r.WithGap = Count{N: t.gap}
		if small(t.gap, b.minGroup) || small(assessed-t.gap, b.minGroup) {
			r.WithGap = Count{Hidden: true}
			hidden++
		}
		o.Hidden.Cells += hidden
		g.Competencies = append(g.Competencies, r)
	}
	shared := slices.Clone(g.Competencies)
	shared = slices.DeleteFunc(shared, func(r Row) bool { return r.WithGap.Hidden || r.WithGap.N == 0 })
	slices.SortStableFunc(shared, func(a, c Row) int { return cmp.Compare(c.WithGap.N, a.WithGap.N) })
	g.SharedGaps = shared[:min(len(shared), maxShared)]
}

// small reports whether n people are too few to show, but not none.
func small(n, minGroup int) bool { return n > 0 && n < minGroup }

// suppress hides every count of 1 to minGroup-1 people. When what is hidden
// in a row adds up to fewer than minGroup people, the smallest shown counts
// are hidden too, so the row total minus the shown cells cannot give a
// hidden cell back. It returns the cells and how many were hidden.
func suppress(counts []int, minGroup int) ([]Count, int) {
	out := make([]Count, len(counts))
	hiddenPeople, hidden := 0, 0
	for i, n := range counts {
		out[i] = Count{N: n}
		if small(n, minGroup) {
			out[i] = Count{Hidden: true}
			hiddenPeople += n
			hidden++
		}
	}
	for hidden > 0 && hiddenPeople < minGroup {
		next := -1
		for i, c := range out {
			if !c.Hidden && c.N > 0 && (next < 0 || c.N < out[next].N) {
				next = i
			}
		}
		if next < 0 {
			break
		}
		hiddenPeople += out[next].N
		out[next] = Count{Hidden: true}
		hidden++
	}
	return out, hidden
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
