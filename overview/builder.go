package overview

import (
	"errors"
	"io/fs"
	"slices"
	"strings"

	"zelfscan/plans/planfile"
	"zelfscan/usermsg"
)

// MinGroupFloor is the smallest group size ever shown: below it, counts of
// people in a function of an organisation come close to pointing at one
// colleague.
const MinGroupFloor = 5

// Problem is a file that could not be used, with the reason as a message
// (its Error() is the Dutch sentence).
type Problem struct {
	Name   string
	Reason *usermsg.Error
}

// Builder gathers people one file at a time, so a folder of thousands of
// plans is read with one plan file in memory per reader. Only the newest
// plan of each person is kept.
type Builder struct {
	minGroup int
	people   map[string]*Person
	// order keeps the people in the order first seen, so results do not
	// depend on map iteration.
	order   []string
	orgs    map[string]string
	funcs   map[string]string
	comps   map[string]CompetencyLabel
	compSeq []string
	// offers are the catalogue items seen in plan files, in order seen.
	offers   map[string]OfferLabel
	offerSeq []string
	// planOwner is the key each plan counts under.
	planOwner map[string]string
	used      int
	problems  []Problem
}

// NewBuilder starts an overview that shows only groups, rows and cells of
// at least minGroup people; minGroup below MinGroupFloor is an error.
func NewBuilder(minGroup int) (*Builder, error) {
	if minGroup < MinGroupFloor {
		return nil, usermsg.New("overview.minGroup", map[string]any{"Size": minGroup, "Floor": MinGroupFloor})
	}
	return &Builder{
		minGroup: minGroup, people: map[string]*Person{}, planOwner: map[string]string{},
		orgs: map[string]string{}, funcs: map[string]string{}, comps: map[string]CompetencyLabel{},
		offers: map[string]OfferLabel{},
	}, nil
}

// AddFile adds the person of a plan file that was read without problems.
func (b *Builder) AddFile(f *planfile.File) {
	p, l := FromFile(f)
	b.Add(p, l)
}

// Add adds the plan of one person. A person already added counts once,
// with the newest plan.
func (b *Builder) Add(p Person, l Labels) {
	b.used++
	b.label(b.orgs, p.Organisation, l.Organisation)
	b.label(b.funcs, p.Function, l.Function)
	for _, c := range l.Competencies {
		if _, ok := b.comps[c.ID]; !ok {
			b.compSeq = append(b.compSeq, c.ID)
		}
		b.comps[c.ID] = c
	}
	for _, o := range l.Offers {
		if _, ok := b.offers[o.ID]; !ok {
			b.offerSeq = append(b.offerSeq, o.ID)
			b.offers[o.ID] = o
		}
	}
	// Competency IDs are shared with the label map, so thousands of
	// people do not each hold their own copy of the same strings.
	for i := range p.Levels {
		p.Levels[i].Competency = b.comps[p.Levels[i].Competency].ID
	}
	key := b.owner(&p)
	prev, seen := b.people[key]
	if !seen {
		b.order = append(b.order, key)
		b.people[key] = &p
		return
	}
	if p.newer(prev) {
		*prev = p
	}
}

// owner is the key p counts under. A plan seen before under its person
// ID stays with that person when an older copy without the ID comes in,
// and a person counted by plan (an older copy read first) moves to the
// person ID when a newer copy carries it.
func (b *Builder) owner(p *Person) string {
	key := p.key()
	prev, ok := b.planOwner[p.PlanUID]
	switch {
	case !ok:
		b.planOwner[p.PlanUID] = key
	case p.PersonID == "":
		key = prev
	case prev != key && strings.HasPrefix(prev, "plan:"):
		old := b.people[prev]
		old.PersonID = p.PersonID
		delete(b.people, prev)
		b.order = slices.DeleteFunc(b.order, func(k string) bool { return k == prev })
		b.planOwner[p.PlanUID] = key
		if mine, ok := b.people[key]; !ok || old.newer(mine) {
			if !ok {
				b.order = append(b.order, key)
			}
			b.people[key] = old
		}
	}
	return key
}

func (b *Builder) label(m map[string]string, id, name string) {
	if name != "" {
		m[id] = name
	} else if _, ok := m[id]; !ok {
		m[id] = id
	}
}

// Skip records a file that could not be used, and why.
func (b *Builder) Skip(name string, err error) {
	var reason *usermsg.Error
	if fe, ok := errors.AsType[*planfile.FileError](err); ok {
		reason = fe.Problem
	} else if m, ok := usermsg.As(err); ok {
		reason = m
	} else if pe, ok := errors.AsType[*fs.PathError](err); ok {
		reason = usermsg.Wrap("overview.unreadable", map[string]any{"Cause": pe.Err.Error()}, err)
	} else {
		reason = usermsg.Wrap("overview.unusable", map[string]any{"Cause": err.Error()}, err)
	}
	b.problems = append(b.problems, Problem{Name: name, Reason: reason})
}

// Read reports how many files were used and how many skipped.
func (b *Builder) Read() (used, skipped int) { return b.used, len(b.problems) }
