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
	ids    map[string]bool
}

func newOfferIndex(cat *plans.Catalogue) *offerIndex {
	x := &offerIndex{byComp: map[string][]int{}, ids: map[string]bool{}}
	if cat == nil {
		return x
	}
	x.items = cat.Items()
	for i, it := range x.items {
		x.ids[it.ID] = true
		for _, c := range it.Competencies {
			x.byComp[c] = append(x.byComp[c], i)
		}
	}
	return x
}

// serving lists the items meant for g's organisation that serve a row with
// members short, each with the row of its competencies that has the most
// members short. It counts no people itself: a count of the people an item
// serves is a sum over rows, which the issue showed gives hidden cells
// back; the published gap of one row adds nothing to the table.
func (x *offerIndex) serving(g Group) []Offer {
	best := map[int]Offer{}
	for _, r := range g.Competencies {
		gap := r.WithGap()
		if gap.Hidden || gap.N == 0 {
			continue
		}
		for _, i := range x.byComp[r.ID] {
			it := x.items[i]
			if it.MeantFor(g.OrganisationID) && gap.N > best[i].People {
				best[i] = Offer{Item: it, For: r.Title, People: gap.N}
			}
		}
	}
	out := make([]Offer, 0, len(best))
	for _, f := range best {
		out = append(out, f)
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

// meantFor lists the items meant for org that serve one of comps, in
// catalogue order.
func (x *offerIndex) meantFor(org string, comps []string) []*plans.Item {
	var idx []int
	for _, c := range comps {
		idx = append(idx, x.byComp[c]...)
	}
	slices.Sort(idx)
	idx = slices.Compact(idx)
	var out []*plans.Item
	for _, i := range idx {
		if x.items[i].MeantFor(org) {
			out = append(out, x.items[i])
		}
	}
	return out
}

// has reports whether the catalogue has an item with the ID.
func (x *offerIndex) has(id string) bool {
	return x.ids[id]
}
