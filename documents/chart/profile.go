package chart

import (
	"fmt"
	"image"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"zelfscan/assessment"
)

// profileRow is one row of the profile chart: a competency, or the heading
// of a group of competencies.
type profileRow struct {
	header   bool
	own      int     // the whole level, which decides whether there is a gap
	score    float64 // the average behind it: the length of the bar
	required int
}

// gap reports whether the own level is below the required level, the same
// rule the gap analysis uses.
func (r profileRow) gap() bool { return !r.header && r.own < r.required }

// Profile draws the average rating per competency as a bar against the
// required level (a thick vertical stroke), one row per competency in the
// order given (pass the scan order), under a heading per group (basis,
// organisation, deepening, role). A competency whose whole level is below
// the required level is drawn in the "gap" colour with the missing span
// outlined; a level-0 bar is a short stub so it is visibly there.
// Competencies with unanswered indicators get a "*" and a note. With no
// competencies the image says there are no answers yet.
func Profile(levels []assessment.CompetencyResult, scale []assessment.Level, opt Options) (image.Image, error) {
	d, err := ProfileDrawing(levels, scale, opt)
	if err != nil {
		return nil, err
	}
	return d.Image(), nil
}

// ProfileDrawing is the profile chart laid out but not yet drawn, for a
// canvas of the caller's (the PDF draws it as vectors).
func ProfileDrawing(levels []assessment.CompetencyResult, scale []assessment.Level, opt Options) (Drawing, error) {
	o, err := opt.normalise()
	if err != nil {
		return Drawing{}, fmt.Errorf("profielgrafiek: %w", err)
	}
	if len(levels) == 0 {
		return message(o, or(o.Labels.NoAnswers, "Nog geen antwoorden"),
			or(o.Labels.NoAnswersHint, "Beantwoord de uitspraken van de zelfscan; daarna verschijnt hier uw profiel.")), nil
	}
	th := themeFor(o)
	return profileDefinition(levels, scale, o.Labels, th).render(o, th), nil
}

// profileDefinition is everything the profile chart shows, before drawing:
// titles, group headings, bars and legend. The window and the PDF draw it.
func profileDefinition(levels []assessment.CompetencyResult, scale []assessment.Level, lb Labels, th theme) rowChart {
	rc := rowChart{topScale: true}
	var rows []profileRow
	incomplete := false
	data := make([]int, 0, 2*len(levels))
	previous := group(-1)
	for _, l := range levels {
		if g := groupOf(l); g != previous && g != groupNone {
			rows = append(rows, profileRow{header: true})
			rc.titles, rc.marks, rc.headers = append(rc.titles, ""), append(rc.marks, false), append(rc.headers, g.name(lb))
			previous = g
		}
		row := profileRow{own: max(l.Own.Level, 0), score: max(l.Own.Score(), 0), required: max(l.Level, 0)}
		if l.Own.Answered == 0 {
			row.score = float64(row.own) // a result made without ratings
		}
		rows = append(rows, row)
		data = append(data, row.own, row.required)
		title := ""
		if l.Competency != nil {
			title = l.Competency.Title
		}
		open := !l.Own.Complete() || l.Own.Answered == 0
		incomplete = incomplete || open
		rc.titles, rc.marks, rc.headers = append(rc.titles, title), append(rc.marks, open), append(rc.headers, "")
	}
	top := scaleTop(scale, data...)
	rc.xMax, rc.slots, rc.labels = float64(top), top+1, scaleTicks(scale, top)
	st := profileStyles(th)
	rc.data = profileBars{rows: rows, st: st}
	rc.legend = []legendItem{
		{or(lb.OwnMeets, "Eigen niveau (gemiddelde): voldoet"), swatch{fill: th.good}},
		{or(lb.OwnBelow, "Eigen niveau (gemiddelde): lager dan vereist"), swatch{fill: th.bad}},
		{or(lb.GapSpan, "Tekort tot vereist niveau"), swatch{fill: th.badFill, outline: st.span}},
		{or(lb.Required, "Vereist niveau"), tick{st.marker}},
	}
	if incomplete {
		rc.note = or(lb.Unanswered, "* Nog niet alle uitspraken van deze competentie zijn beantwoord; het niveau telt alleen de gegeven antwoorden.")
	}
	return rc
}

// group is a heading of the profile: the categories in scan order, with
// the per-organisation ones under the shared group they work out.
type group int

const (
	groupNone group = iota
	groupBasis
	groupOrganisation
	groupDeepening
	groupRole
)

func groupOf(l assessment.CompetencyResult) group {
	if l.Competency == nil {
		return groupNone
	}
	cat, _ := assessment.CategoryOf(string(l.Competency.Category))
	switch cat {
	case assessment.CategoryBasis, assessment.CategoryPerOrgBasis:
		return groupBasis
	case assessment.CategoryOrganisatie:
		return groupOrganisation
	case assessment.CategoryVerdiepend, assessment.CategoryPerOrgSpecialisatie:
		return groupDeepening
	case assessment.CategoryRol:
		return groupRole
	}
	return groupNone
}

func (g group) name(lb Labels) string {
	switch g {
	case groupBasis:
		return or(lb.GroupBasis, "Basis")
	case groupOrganisation:
		return or(lb.GroupOrganisation, "Organisatiespecifiek")
	case groupDeepening:
		return or(lb.GroupDeepening, "Verdieping")
	case groupRole:
		return or(lb.GroupRole, "Rol en functie")
	}
	return ""
}

// ProfilePNG is Profile encoded as PNG.
func ProfilePNG(levels []assessment.CompetencyResult, scale []assessment.Level, opt Options) ([]byte, error) {
	img, err := Profile(levels, scale, opt)
	if err != nil {
		return nil, err
	}
	return encodePNG(img, "profielgrafiek")
}

type barStyles struct {
	th     theme
	span   draw.LineStyle // outline of the missing span
	marker draw.LineStyle // required level
}

func profileStyles(th theme) barStyles {
	return barStyles{
		th:     th,
		span:   draw.LineStyle{Color: th.bad, Width: 1, Dashes: []vg.Length{3, 2}},
		marker: draw.LineStyle{Color: th.ink, Width: 3},
	}
}

// profileBars is the plotter for the profile rows.
type profileBars struct {
	rows []profileRow
	st   barStyles
}

// levelZeroStub is the width of the bar drawn for an average of 0, so a
// level-0 competency shows a mark rather than nothing.
const levelZeroStub = vg.Length(3)

func (b profileBars) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	n := len(b.rows)
	pitch := trY(1) - trY(0)
	half := min(pitch*0.28, vg.Length(9))
	for i, r := range b.rows {
		if r.header {
			continue
		}
		y := trY(rowY(n, i))
		x0, xOwn, xReq := trX(0), trX(r.score), trX(float64(r.required))
		fill := b.st.th.good
		if r.gap() {
			fill = b.st.th.bad
			span := vg.Rectangle{Min: vg.Point{X: xOwn, Y: y - half}, Max: vg.Point{X: xReq, Y: y + half}}
			fillRect(&c, span, b.st.th.badFill, b.st.span)
		}
		bar := vg.Rectangle{Min: vg.Point{X: x0, Y: y - half}, Max: vg.Point{X: max(xOwn, x0+levelZeroStub), Y: y + half}}
		fillRect(&c, bar, fill, draw.LineStyle{})
		if r.required > 0 {
			reach := min(pitch*0.38, half+vg.Length(4))
			c.StrokeLine2(b.st.marker, xReq, y-reach, xReq, y+reach)
		}
	}
}
