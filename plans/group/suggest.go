package group

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"zelfscan/assessment"
	"zelfscan/plans"
	"zelfscan/plans/planfile"
	"zelfscan/usermsg"
)

// together reports whether an item is meant to be done as a group.
func together(it *plans.Item) bool {
	return it.Group || it.Kind == plans.KindLeeractiviteit
}

// course reports whether an item is a course a group can follow together.
func course(it *plans.Item) bool {
	switch it.Kind {
	case plans.KindTraining, plans.KindCursus, plans.KindMasterclass, plans.KindELearning:
		return true
	}
	return false
}

type tally struct {
	item    *plans.Item
	members []int
	comps   map[string]int // competency -> members served on it
	gaps    int
	score   float64
}

// suggest proposes joint activities. Candidates are learning activities,
// items marked for groups, and courses; each must serve gaps of at least two
// members (or of the only member, in a group of one). Per member, plans.Match
// scores every item for each of the member's gaps — level fit to that
// member's required level, fit to that member's organisation, kind — and an
// item's Fit is the mean of those scores over the gaps it serves.
//
// Ranking: most members served first; then most gaps served; then
// activities meant to be done together before courses; then higher Fit;
// then title and ID, so the order is the same on every run.
func suggest(files []*planfile.File, cat *plans.Catalogue, o *Overview) []Suggestion {
	byItem := tallyMatches(files, cat)
	need := min(2, len(files))
	titles := map[string]string{}
	for _, c := range o.Competencies {
		titles[c.ID] = c.Title
	}
	var out []Suggestion
	for _, t := range byItem {
		if len(t.members) < need {
			continue
		}
		s := Suggestion{
			Item: t.item, Members: t.members, Gaps: t.gaps,
			Fit: t.score / float64(t.gaps), Together: together(t.item),
		}
		s.Competencies = make([]string, 0, len(t.comps))
		for id := range t.comps {
			s.Competencies = append(s.Competencies, id)
		}
		// Competencies most members share first, as in the overview.
		slices.SortFunc(s.Competencies, func(a, b string) int {
			if c := cmp.Compare(t.comps[b], t.comps[a]); c != 0 {
				return c
			}
			return strings.Compare(titles[a], titles[b])
		})
		s.Reason = reason(s, t.comps, titles, len(files))
		out = append(out, s)
	}
	slices.SortFunc(out, bySharedThenFit)
	return out
}

// reason explains a suggestion; in Dutch, e.g. "helpt 5 van de 8
// deelnemers bij 7 tekorten: 'Signaleren' (4), 'Patronen' (3); om samen te
// doen".
func reason(s Suggestion, comps map[string]int, titles map[string]string, members int) *usermsg.Error {
	served := make([]string, len(s.Competencies))
	for i, id := range s.Competencies {
		served[i] = fmt.Sprintf("'%s' (%d)", titles[id], comps[id])
	}
	code := "group.reason.gaps"
	if s.Gaps == 1 {
		code = "group.reason.gap"
	}
	parts := usermsg.Phrases{usermsg.New(code, map[string]any{
		"Members": len(s.Members), "Total": members, "Gaps": s.Gaps, "Competencies": strings.Join(served, ", "),
	})}
	if s.Together {
		parts = append(parts, usermsg.New("group.reason.together", nil))
	}
	return usermsg.New("group.reason", map[string]any{"Parts": parts})
}

// tallyMatches counts, per catalogue item that groups or courses offer, the
// members and gaps it serves across the files.
func tallyMatches(files []*planfile.File, cat *plans.Catalogue) map[string]*tally {
	byItem := map[string]*tally{}
	for mi, f := range files {
		gaps := make([]assessment.Gap, 0, len(f.Gaps))
		for _, g := range f.Gaps {
			if ag, ok := gapOf(f, g); ok {
				gaps = append(gaps, ag)
			}
		}
		for _, gm := range plans.Match(cat, gaps, f.Profile.OrganisationID) {
			for _, m := range gm.Matches {
				if !together(m.Item) && !course(m.Item) {
					continue
				}
				t := byItem[m.Item.ID]
				if t == nil {
					t = &tally{item: m.Item, comps: map[string]int{}}
					byItem[m.Item.ID] = t
				}
				if len(t.members) == 0 || t.members[len(t.members)-1] != mi {
					t.members = append(t.members, mi)
				}
				t.comps[gm.Gap.Competency.ID]++
				t.gaps++
				t.score += m.Score
			}
		}
	}
	return byItem
}

// bySharedThenFit orders suggestions: most members, most gaps, together
// before alone, best fit, then title and ID for a stable order.
func bySharedThenFit(a, b Suggestion) int {
	if c := cmp.Compare(len(b.Members), len(a.Members)); c != 0 {
		return c
	}
	if c := cmp.Compare(b.Gaps, a.Gaps); c != 0 {
		return c
	}
	if a.Together != b.Together {
		if a.Together {
			return -1
		}
		return 1
	}
	if c := cmp.Compare(b.Fit, a.Fit); c != 0 {
		return c
	}
	if c := strings.Compare(strings.ToLower(a.Item.Title), strings.ToLower(b.Item.Title)); c != 0 {
		return c
	}
	return strings.Compare(a.Item.ID, b.Item.ID)
}
