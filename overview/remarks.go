package overview

import (
	"crypto/sha256"
	"slices"
	"strings"
)

// OfferRemarks are the improvement points about one offer that people
// chose to share, without dates or names, in an order that says nothing
// about who wrote which or in which file it was.
type OfferRemarks struct {
	Offer   OfferLabel
	Remarks []string
}

// remarks lists the shared remarks of every offer that at least MinGroup
// people completed, so a remark cannot be traced to one of a handful of
// people. Each list is sorted by a hash of the offer and the remark's
// text: the same remarks always come out in the same order, whatever the
// order of the files.
func (b *Builder) remarks() []OfferRemarks {
	completed := map[string]int{}
	texts := map[string][]string{}
	for _, key := range b.order {
		p := b.people[key]
		for _, u := range p.Offers {
			if u.Stage == Completed {
				completed[u.Item]++
			}
		}
		for _, s := range p.Shared {
			texts[s.Item] = append(texts[s.Item], s.Text)
		}
	}
	var out []OfferRemarks
	for _, id := range b.offerSeq {
		if completed[id] < b.minGroup || len(texts[id]) == 0 {
			continue
		}
		out = append(out, OfferRemarks{Offer: b.offers[id], Remarks: shuffled(id, texts[id])})
	}
	slices.SortFunc(out, func(a, c OfferRemarks) int {
		return strings.Compare(strings.ToLower(a.Offer.Title), strings.ToLower(c.Offer.Title))
	})
	return out
}

// shuffled orders texts by the SHA-256 of the offer's ID and the text.
func shuffled(id string, texts []string) []string {
	type keyed struct {
		key  [sha256.Size]byte
		text string
	}
	k := make([]keyed, len(texts))
	for i, t := range texts {
		k[i] = keyed{sha256.Sum256([]byte(id + "\x00" + t)), t}
	}
	slices.SortFunc(k, func(a, c keyed) int {
		if d := slices.Compare(a.key[:], c.key[:]); d != 0 {
			return d
		}
		return strings.Compare(a.text, c.text)
	})
	out := make([]string, len(k))
	for i, x := range k {
		out[i] = x.text
	}
	return out
}
