// Package group combines the plan files of an intervision group or team
// into one overview: which gaps the members share, a heat map of gap sizes,
// and joint activities from the catalogue. It reads only what a group may
// see together — levels and gaps — and never notes, reflections or
// evaluations. It never imports Fyne.
package group

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"zelfscan/assessment"
	"zelfscan/plans"
	"zelfscan/plans/planfile"
	"zelfscan/usermsg"
)

// Options change how the overview is made.
type Options struct {
	// Anonymous replaces names by "Deelnemer 1", "Deelnemer 2", ... in
	// file order, and leaves teams out.
	Anonymous bool
}

// Member is one person in the group.
type Member struct {
	// Name is the name to show: the person's name, or "Deelnemer n" when
	// anonymous or when the file has no name. Unique within the overview.
	Name         string
	Team         string
	Organisation string
	Function     string
	PlanUID      string
	// Gaps counts the member's gaps.
	Gaps int
}

// Competency is one competency of the union of all files, with the group's gaps.
type Competency struct {
	ID       string
	Title    string
	Category string
	// Assessed counts the members whose profile includes the competency.
	Assessed int
	// WithGap lists the members (indices into Overview.Members) with a gap,
	// in member order.
	WithGap []int
	// Sizes[s-1] counts the gaps of s levels; len(Sizes) == Overview.MaxSize.
	Sizes []int
	// TotalSize adds up the gap sizes.
	TotalSize int
	// size per member, NaN where the member was not assessed on it: how
	// far the average of the answers lies below the required level.
	size []float64
}

// AverageGap is the mean size of the gaps there are (0 without gaps):
// how far the members who fall short are from the required level.
func (c *Competency) AverageGap() float64 {
	if len(c.WithGap) == 0 {
		return 0
	}
	return float64(c.TotalSize) / float64(len(c.WithGap))
}

// Suggestion is a catalogue item that serves gaps of several members.
type Suggestion struct {
	Item *plans.Item
	// Members (indices into Overview.Members) whose gaps the item serves.
	Members []int
	// Gaps counts the member gaps served (a member with two served gaps counts twice).
	Gaps int
	// Competencies are the IDs of the group's gap competencies it serves.
	Competencies []string
	// Fit is the mean plans.Match score over the gaps served.
	Fit float64
	// Together is true for a learning activity or an item marked for groups.
	Together bool
	// Reason says why, in message codes; its Error() is the Dutch sentence.
	Reason *usermsg.Error
}

// Overview is the group's picture, ready for the screen, the PDF and CSV.
type Overview struct {
	Members []Member
	// Competencies is the union of all files' competencies, shared gaps
	// first: by members with a gap (most first), then total gap size
	// (largest first), then title.
	Competencies []Competency
	// MaxSize is the largest gap size the scales allow (at least 3).
	MaxSize int
	// Suggestions are joint activities, best first (see suggest for the ranking).
	Suggestions []Suggestion
	// Warnings are in Dutch, e.g. a plan loaded twice.
	Warnings []string
	// Frameworks names each framework (with extension) the plans were made
	// against, in the order first met.
	Frameworks []string
}

// Overview combines the files. A plan (by PlanUID) loaded more than once
// counts once, in its most recently changed version, with a warning. cat may
// be nil: then there are no suggestions.
func New(files []*planfile.File, cat *plans.Catalogue, opt Options) (*Overview, error) {
	for i, f := range files {
		if f == nil {
			return nil, fmt.Errorf("groepsoverzicht: leerplan %d ontbreekt", i+1)
		}
	}
	kept, warnings := dedupe(files)
	o := &Overview{Warnings: warnings, MaxSize: 3}
	for _, f := range kept {
		if s := len(f.Framework.Scale) - 1; s > o.MaxSize {
			o.MaxSize = s
		}
		if l := f.Framework.Label(); !slices.Contains(o.Frameworks, l) {
			o.Frameworks = append(o.Frameworks, l)
		}
	}
	o.members(kept, opt)
	o.competencies(kept)
	if cat != nil {
		o.Suggestions = suggest(kept, cat, o)
	}
	return o, nil
}

// dedupe keeps one file per PlanUID, the latest by PlanUpdated then
// Exported, at the place of its first occurrence.
func dedupe(files []*planfile.File) ([]*planfile.File, []string) {
	first := map[string]int{}
	var kept []*planfile.File
	count := map[string]int{}
	for _, f := range files {
		count[f.PlanUID]++
		i, seen := first[f.PlanUID]
		if !seen {
			first[f.PlanUID] = len(kept)
			kept = append(kept, f)
			continue
		}
		if newer(f, kept[i]) {
			kept[i] = f
		}
	}
	var warnings []string
	for i, f := range kept {
		if n := count[f.PlanUID]; n > 1 {
			warnings = append(warnings, fmt.Sprintf(
				"Het leerplan van deelnemer %d is %d keer geladen; het telt één keer mee, in de laatst gewijzigde versie.", i+1, n))
		}
	}
	return kept, warnings
}

func newer(a, b *planfile.File) bool {
	if !a.PlanUpdated.Equal(b.PlanUpdated) {
		return a.PlanUpdated.After(b.PlanUpdated)
	}
	return a.Exported.After(b.Exported)
}

func (o *Overview) members(files []*planfile.File, opt Options) {
	used := map[string]int{}
	for i, f := range files {
		m := Member{
			Organisation: f.Profile.OrganisationName, Function: f.Profile.FunctionName,
			PlanUID: f.PlanUID, Gaps: len(f.Gaps),
		}
		name := strings.TrimSpace(f.Profile.Name)
		if opt.Anonymous || name == "" {
			name = fmt.Sprintf("Deelnemer %d", i+1)
		}
		if !opt.Anonymous {
			m.Team = f.Profile.Team
		}
		// Two people with the same name still get two columns that can be told apart.
		used[name]++
		if n := used[name]; n > 1 {
			name = fmt.Sprintf("%s (%d)", name, n)
		}
		m.Name = name
		o.Members = append(o.Members, m)
	}
}

func (o *Overview) competencies(files []*planfile.File) {
	index := map[string]int{}
	// titleFrom is the file whose title a competency shows: the most recently exported.
	titleFrom := map[string]*planfile.File{}
	for mi, f := range files {
		gaps := make(map[string]int, len(f.Gaps))
		for _, g := range f.Gaps {
			gaps[g.CompetencyID] = g.Size
		}
		// The heat map shows how far the average falls short, so a gap
		// of one whole level just under the line and one a level below it
		// look different.
		shortfall := func(id string, size int) float64 {
			if g, ok := f.Gap(id); ok && size > 0 && g.Answered > 0 {
				return math.Round((float64(g.Required)-g.Score())*10) / 10
			}
			return float64(size)
		}
		for _, fc := range f.Competencies {
			ci, ok := index[fc.ID]
			if !ok {
				ci = len(o.Competencies)
				index[fc.ID] = ci
				c := Competency{ID: fc.ID, Sizes: make([]int, o.MaxSize), size: make([]float64, len(files))}
				for k := range c.size {
					c.size[k] = math.NaN()
				}
				o.Competencies = append(o.Competencies, c)
			}
			c := &o.Competencies[ci]
			if prev := titleFrom[fc.ID]; prev == nil || !f.Exported.Before(prev.Exported) {
				titleFrom[fc.ID] = f
				c.Title, c.Category = fc.Title, fc.Category
			}
			c.Assessed++
			s := gaps[fc.ID]
			c.size[mi] = shortfall(fc.ID, s)
			if s > 0 {
				c.WithGap = append(c.WithGap, mi)
				c.TotalSize += s
				c.Sizes[min(s, o.MaxSize)-1]++
			}
		}
	}
	slices.SortStableFunc(o.Competencies, func(a, b Competency) int {
		if c := cmp.Compare(len(b.WithGap), len(a.WithGap)); c != 0 {
			return c
		}
		if c := cmp.Compare(b.TotalSize, a.TotalSize); c != 0 {
			return c
		}
		if c := strings.Compare(strings.ToLower(a.Title), strings.ToLower(b.Title)); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
}

// Shared returns the competencies at least min members have a gap on, in
// shared-gap order.
func (o *Overview) Shared(min int) []Competency {
	var out []Competency
	for _, c := range o.Competencies {
		if len(c.WithGap) >= max(min, 1) {
			out = append(out, c)
		}
	}
	return out
}

// Heatmap returns the matrix for chart.GroupHeatmap: a row per competency
// with at least one gap (shared-gap order), a column per member, how far
// the member's average falls short of the required level as value, to one
// decimal (0: no gap), and NaN where the member was not assessed on it.
func (o *Overview) Heatmap() (rows, cols []string, values [][]float64) {
	cols = make([]string, len(o.Members))
	for i, m := range o.Members {
		cols[i] = m.Name
	}
	for _, c := range o.Competencies {
		if len(c.WithGap) == 0 {
			continue
		}
		rows = append(rows, c.Title)
		values = append(values, slices.Clone(c.size))
	}
	return rows, cols, values
}

// Names returns the names of the given members, for lists such as WithGap.
func (o *Overview) Names(members []int) []string {
	out := make([]string, len(members))
	for i, m := range members {
		out[i] = o.Members[m].Name
	}
	return out
}

// gapOf rebuilds the assessment.Gap plans.Match needs from a file; a
// validated file always has the gap's competency.
func gapOf(f *planfile.File, g planfile.Gap) (assessment.Gap, bool) {
	c, ok := f.Competency(g.CompetencyID)
	if !ok {
		return assessment.Gap{}, false
	}
	return assessment.Gap{
		Competency: &assessment.Competency{ID: c.ID, Title: c.Title, Description: c.Description},
		Required:   g.Required, Own: g.Own, Complete: g.Complete,
	}, true
}
