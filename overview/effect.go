package overview

import (
	"cmp"
	"slices"
	"strings"

	"zelfscan/disclosure"
)

// Band is a range of change in a competency's average self-rating (on the
// framework's scale of 0 to 3) between a self-check and the next one.
type Band int

// The bands. Counts per band are all the overview publishes of changes:
// a median or quartile of a few people is one of their own values, a
// band count rounded to five is not.
const (
	Lower Band = iota // went down
	Same              // the same average
	Up                // up by less than one level
	UpOne             // up by one level or more
	numBands
)

// BandNames are the bands' headings, in order.
var BandNames = [numBands]string{"lager", "gelijk", "minder dan 1 hoger", "1 of meer hoger"}

// bandOf puts a change in its band. Averages of a few levels differ by
// fractions such as 1/3, so "the same" allows for float noise only.
func bandOf(change float64) Band {
	const eps = 1e-9
	switch {
	case change < -eps:
		return Lower
	case change <= eps:
		return Same
	case change < 1-eps:
		return Up
	}
	return UpOne
}

// Bands is the change of one set of people, counted per band. It is
// published only when the set has at least MinGroup people; the counts
// are rounded with draws keyed on exactly those people, and audited.
type Bands struct {
	// Shown is false when the set has fewer than MinGroup people (or
	// none): then there is no figure.
	Shown bool
	// Counts per Band, rounded; all Hidden when the audit withheld them.
	Counts   [numBands]Count
	Withheld bool
}

// People is the sum of the rounded band counts.
func (b Bands) People() Count {
	if !b.Shown || b.Withheld {
		return Count{Hidden: true}
	}
	n := 0
	for _, c := range b.Counts {
		n += c.N
	}
	return Count{N: n}
}

// Quantile is the band in which the q-quantile (0.5: the median, 0.25 and
// 0.75: the quartiles) of the rounded counts falls, or -1 when there is
// none. It is computed from the published counts, so it adds nothing.
func (b Bands) Quantile(q float64) Band {
	total := b.People()
	if total.Hidden || total.N == 0 {
		return -1
	}
	cum := 0
	for k, c := range b.Counts {
		cum += c.N
		if float64(cum) >= q*float64(total.N) {
			return Band(k)
		}
	}
	return UpOne
}

// Effect is what the people's own next self-checks say about a
// competency that an offer served: Took are the people who completed the
// offer for the competency, Others those whose next self-check assessed
// the competency too but who completed no action for it at all. It is a
// self-report without a comparison group chosen by chance: the people
// who took an offer may differ from the others in more than the offer, and
// the change says how people rate themselves, not what they can.
type Effect struct {
	Offer                    OfferLabel
	CompetencyID, Competency string
	Took, Others             Bands
}

// changeSet gathers the people of one Bands.
type changeSet struct {
	ids    []string
	counts [numBands]int
}

func (s *changeSet) add(id string, change float64) {
	s.ids = append(s.ids, id)
	s.counts[bandOf(change)]++
}

// effects makes the release's effects: per offer and competency with at
// least MinGroup people who completed the offer for it, beside the
// people who completed no action for the competency.
func (b *Builder) effects() ([]Effect, int, error) {
	took := map[[2]string]*changeSet{}
	others := map[string]*changeSet{}
	var keys [][2]string
	for _, key := range b.order {
		for _, c := range b.people[key].Changes {
			if !c.Served {
				if others[c.Competency] == nil {
					others[c.Competency] = &changeSet{}
				}
				others[c.Competency].add(key, c.Change)
			}
			for _, it := range c.Items {
				k := [2]string{it, c.Competency}
				if took[k] == nil {
					took[k] = &changeSet{}
					keys = append(keys, k)
				}
				took[k].add(key, c.Change)
			}
		}
	}
	var out []Effect
	withheld := 0
	for _, k := range keys {
		if len(took[k].ids) < b.minGroup {
			continue
		}
		e := Effect{Offer: b.offers[k[0]], CompetencyID: k[1], Competency: b.comps[k[1]].Title}
		if e.Offer.ID == "" {
			e.Offer = OfferLabel{ID: k[0], Title: k[0]}
		}
		var err error
		// Named by the competency only: when two offers were taken by
		// the same people, their counts are the same quantity and must
		// get the same draws, or the two roundings together would narrow
		// it down.
		if e.Took, err = b.bands(took[k], "effect/"+k[1]); err != nil {
			return nil, 0, err
		}
		if e.Others, err = b.bands(others[k[1]], "effect-zonder/"+k[1]); err != nil {
			return nil, 0, err
		}
		for _, x := range []Bands{e.Took, e.Others} {
			if x.Withheld {
				withheld++
			}
		}
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, c Effect) int {
		if d := strings.Compare(strings.ToLower(a.Offer.Title), strings.ToLower(c.Offer.Title)); d != 0 {
			return d
		}
		return cmp.Compare(a.Competency, c.Competency)
	})
	return out, withheld, nil
}

// bands rounds and audits one set of people, if it is large enough.
func (b *Builder) bands(s *changeSet, name string) (Bands, error) {
	var out Bands
	if s == nil || len(s.ids) < b.minGroup {
		return out, nil
	}
	out.Shown = true
	r := disclosure.NewRounder(s.ids)
	row := disclosure.Row{Total: true}
	for k, n := range s.counts {
		out.Counts[k] = Count{N: r.Round(name+"/"+BandNames[k], n)}
		row.Cells = append(row.Cells, disclosure.RoundedFigure(out.Counts[k].N))
	}
	g := disclosure.Group{Size: disclosure.Figure{Hidden: true}, Rows: []disclosure.Row{row}}
	withheld, err := disclosure.Protect(&g, [][]int{s.counts[:]}, b.minGroup)
	if err != nil {
		return out, err
	}
	if len(withheld) > 0 {
		out.Withheld = true
		for k := range out.Counts {
			out.Counts[k] = Count{Hidden: true}
		}
	}
	return out, nil
}
