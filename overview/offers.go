package overview

import (
	"cmp"
	"slices"
	"strings"

	"zelfscan/plans"
)

// offerIndex finds, per competency, the catalogue items that serve it.
type offerIndex struct {
	items  []*plans.Item
	byComp map[string][]int
}

func newOfferIndex(cat *plans.Catalogue) *offerIndex {
	x := &offerIndex{byComp: map[string][]int{}}
	if cat == nil {
		return x
	}
	x.items = cat.Items()
	for i, it := range x.items {
		for _, c := range it.Competencies {
			x.byComp[c] = append(x.byComp[c], i)
		}
	}
	return x
}

// serving counts, per item, the members with a gap the item serves and
// that the item is meant for; items for fewer than minGroup people are
// left out and counted in hidden.Items.
func (x *offerIndex) serving(members []*Person, minGroup int, hidden *Hidden) []Offer {
	if len(x.items) == 0 {
		return nil
	}
	people := make([]int, len(x.items))
	// last[i] is the member last counted for item i, so a member with
	// several gaps the item serves counts once.
	last := make([]int, len(x.items))
	for i := range last {
		last[i] = -1
	}
	for m, p := range members {
		for _, l := range p.Levels {
			if l.Own >= l.Required {
				continue
			}
			for _, i := range x.byComp[l.Competency] {
				if last[i] != m && x.items[i].MeantFor(p.Organisation) {
					last[i] = m
					people[i]++
				}
			}
		}
	}
	var out []Offer
	for i, n := range people {
		switch {
		case n >= minGroup:
			out = append(out, Offer{Item: x.items[i], People: n})
		case n > 0:
			hidden.Items++
		}
	}
	slices.SortFunc(out, func(a, b Offer) int {
		if c := cmp.Compare(b.People, a.People); c != 0 {
			return c
		}
		if c := strings.Compare(strings.ToLower(a.Item.Title), strings.ToLower(b.Item.Title)); c != 0 {
			return c
		}
		return strings.Compare(a.Item.ID, b.Item.ID)
	})
	return out[:min(len(out), maxOffers)]
}
