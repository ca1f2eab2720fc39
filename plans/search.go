package plans

import (
	"sort"
	"strings"
)

// Filter narrows a search; empty fields do not filter.
type Filter struct {
	Kind  Kind
	Level Level
	// Provider matches a provider ID of the item, or any part of the
	// provider text (case and accents ignored).
	Provider string
	// Competency keeps items that serve this competency.
	Competency string
}

// Search returns the items whose title, provider and description contain
// every word of query (case and accents ignored) and that pass filter,
// sorted by title and then ID. An empty query returns everything the filter lets through.
func Search(cat *Catalogue, query string, filter Filter) []*Item {
	words := strings.Fields(fold(query))
	provider := fold(strings.TrimSpace(filter.Provider))
	candidates := make([]int, 0, len(cat.entries))
	if filter.Competency != "" {
		candidates = append(candidates, cat.byComp[filter.Competency]...)
	} else {
		for i := range cat.entries {
			candidates = append(candidates, i)
		}
	}
	var hits []int
	for _, i := range candidates {
		e := &cat.entries[i]
		it := e.item
		if filter.Kind != "" && it.Kind != filter.Kind {
			continue
		}
		if filter.Level != "" && it.Level != filter.Level {
			continue
		}
		if provider != "" && !hasProvider(it, provider) {
			continue
		}
		if containsAll(e.text, words) {
			hits = append(hits, i)
		}
	}
	sort.Slice(hits, func(a, b int) bool {
		x, y := &cat.entries[hits[a]], &cat.entries[hits[b]]
		if x.titleKey != y.titleKey {
			return x.titleKey < y.titleKey
		}
		return x.item.ID < y.item.ID
	})
	out := make([]*Item, len(hits))
	for k, i := range hits {
		out[k] = cat.entries[i].item
	}
	return out
}

// hasProvider matches a folded provider filter against the item.
func hasProvider(it *Item, provider string) bool {
	for _, p := range it.Providers {
		if p == provider {
			return true
		}
	}
	return strings.Contains(fold(it.Provider), provider)
}

func containsAll(text string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}
