package overview

import (
	"cmp"
	"slices"
	"strings"

	"zelfscan/disclosure"
	"zelfscan/plans"
)

// Participation is one offer within a group: how many members have it in
// their plan and how far they got, and how useful those who completed it
// found it. Every member is in exactly one of NotInPlan, Planned, Started,
// Ratings and NotRated, so these add up to the group's members, and each
// is rounded on its own like the level counts.
type Participation struct {
	Offer OfferLabel
	// Planned and Started count members whose furthest action with the
	// offer is planned or begun.
	NotInPlan, Planned, Started Count
	// Ratings[r-1] counts members who completed the offer and rated its
	// usefulness r (1..plans.MaxRating); NotRated those who completed it
	// without a rating.
	Ratings  []Count
	NotRated Count
	// Withheld: the audit could have solved a count of this offer from the
	// rest, so none of it is shown.
	Withheld bool
}

// Completed is the number of members who completed the offer: the sum of
// the rounded Ratings and NotRated.
func (p Participation) Completed() Count { return p.sum(p.cells()[3:]) }

// InPlan is the number of members with the offer in their plan at all:
// the sum of the rounded Planned, Started and completed counts.
func (p Participation) InPlan() Count { return p.sum(p.cells()[1:]) }

func (p Participation) sum(cs []Count) Count {
	if p.Withheld {
		return Count{Hidden: true}
	}
	n := 0
	for _, c := range cs {
		n += c.N
	}
	return Count{N: n}
}

// cells are the counts in the order of participationCells.
func (p Participation) cells() []Count {
	return append([]Count{p.NotInPlan, p.Planned, p.Started}, append(slices.Clone(p.Ratings), p.NotRated)...)
}

// participationCells names the counts of an offer: their figure names.
func participationCells() []string {
	names := []string{"niet-in-plan", "gepland", "bezig"}
	for r := 1; r <= plans.MaxRating; r++ {
		names = append(names, "nut-"+string(rune('0'+r)))
	}
	return append(names, "niet-beoordeeld")
}

// cellOf is the index in participationCells of a member's use of an offer.
func cellOf(u OfferUse) int {
	switch {
	case u.Stage == Planned:
		return 1
	case u.Stage == Started:
		return 2
	case u.Rating >= 1 && u.Rating <= plans.MaxRating:
		return 2 + u.Rating
	}
	return 3 + plans.MaxRating
}

// groupOffers are the offers a group gets a row for. Offers of the
// catalogue meant for the organisation that serve one of the group's
// competencies always get one, used or not, so that a row's presence
// says nothing about anyone; an item known only from plan files (an own
// catalogue not given) gets one only when at least minGroup members have
// it in their plan: the threshold rule, as for groups.
func (b *Builder) groupOffers(x *offerIndex, org string, comps []string, members []*Person) []OfferLabel {
	var out []OfferLabel
	seen := map[string]bool{}
	for _, it := range x.meantFor(org, comps) {
		seen[it.ID] = true
		out = append(out, OfferLabel{ID: it.ID, Title: it.Title, Provider: it.Provider, Origin: it.Origin})
	}
	users := map[string]int{}
	for _, p := range members {
		for _, u := range p.Offers {
			users[u.Item]++
		}
	}
	for _, id := range b.offerSeq {
		if !seen[id] && !x.has(id) && users[id] >= b.minGroup {
			out = append(out, b.offers[id])
		}
	}
	return out
}

// participation rounds the counts of every offer of the group with the
// group's draws, each under its own name, and returns the true counts
// for the audit.
func (b *Builder) participation(r disclosure.Rounder, offers []OfferLabel, members []*Person) ([]Participation, [][]int) {
	names := participationCells()
	parts := make([]Participation, len(offers))
	truth := make([][]int, len(offers))
	at := map[string]int{}
	for i, f := range offers {
		at[f.ID] = i
		truth[i] = make([]int, len(names))
		truth[i][0] = len(members)
	}
	for _, p := range members {
		for _, u := range p.Offers {
			if i, ok := at[u.Item]; ok {
				truth[i][0]--
				truth[i][cellOf(u)]++
			}
		}
	}
	for i, f := range offers {
		c := make([]Count, len(names))
		for k, n := range truth[i] {
			c[k] = Count{N: r.Round("aanbod/"+f.ID+"/"+names[k], n)}
		}
		parts[i] = Participation{Offer: f, NotInPlan: c[0], Planned: c[1], Started: c[2],
			Ratings: c[3 : 3+plans.MaxRating], NotRated: c[3+plans.MaxRating]}
	}
	return parts, truth
}

// auditRow is the offer as the audit reads it: cells adding up to the
// group's size.
func (p Participation) auditRow() disclosure.Row {
	row := disclosure.Row{Total: true}
	for _, c := range p.cells() {
		row.Cells = append(row.Cells, disclosure.RoundedFigure(c.N))
	}
	return row
}

func (p *Participation) withhold() {
	hidden := Count{Hidden: true}
	p.Withheld, p.NotInPlan, p.Planned, p.Started, p.NotRated = true, hidden, hidden, hidden, hidden
	for i := range p.Ratings {
		p.Ratings[i] = hidden
	}
}

// sortParticipation puts the offers most members have in their plan first.
func sortParticipation(parts []Participation) {
	slices.SortStableFunc(parts, func(a, c Participation) int {
		if d := cmp.Compare(c.InPlan().N, a.InPlan().N); d != 0 {
			return d
		}
		return strings.Compare(strings.ToLower(a.Offer.Title), strings.ToLower(c.Offer.Title))
	})
}
