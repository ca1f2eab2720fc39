package chart

import (
	"fmt"
	"image"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"zelfscan/assessment"
)

// profileRow is one competency of the profile chart.
type profileRow struct {
	own, required int
}

// gap reports whether the own level is below the required level, the same
// rule the gap analysis uses.
func (r profileRow) gap() bool { return r.own < r.required }

// Profile draws the own level per competency as a bar against the required
// level (a thick vertical stroke), one row per competency in the order given
// (pass the scan order). A bar below the required level is drawn in the
// "gap" colour and the missing span is outlined. Competencies with
// unanswered indicators get a "*" and a note. With no competencies the image
// says there are no answers yet.
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
	th := themeFor(o.Dark)
	var rc rowChart
	rows := make([]profileRow, len(levels))
	incomplete := false
	data := make([]int, 0, 2*len(levels))
	for i, l := range levels {
		rows[i] = profileRow{own: max(l.Own.Level, 0), required: max(l.Level, 0)}
		data = append(data, rows[i].own, rows[i].required)
		title, group := "", assessment.Category("")
		if l.Competency != nil {
			title, group = l.Competency.Title, l.Competency.Category
		}
		rc.titles = append(rc.titles, title)
		open := !l.Own.Complete() || l.Own.Answered == 0
		incomplete = incomplete || open
		rc.marks = append(rc.marks, open)
		rc.breaks = append(rc.breaks, i > 0 && group != "" && group != categoryOf(levels[i-1]))
	}
	top := scaleTop(scale, data...)
	rc.xMax, rc.slots, rc.labels = float64(top), top+1, scaleTicks(scale, top)
	st := profileStyles(th)
	rc.data = profileBars{rows: rows, st: st}
	rc.legend = []legendItem{
		{or(o.Labels.OwnMeets, "Eigen niveau: voldoet"), swatch{fill: th.good}},
		{or(o.Labels.OwnBelow, "Eigen niveau: lager dan vereist"), swatch{fill: th.bad}},
		{or(o.Labels.GapSpan, "Tekort tot vereist niveau"), swatch{fill: th.badFill, outline: st.span}},
		{or(o.Labels.Required, "Vereist niveau"), tick{st.marker}},
	}
	if incomplete {
		rc.note = or(o.Labels.Unanswered, "* Nog niet alle uitspraken van deze competentie zijn beantwoord; het niveau telt alleen de gegeven antwoorden.")
	}
	return rc.render(o, th), nil
}

// ProfilePNG is Profile encoded as PNG.
func ProfilePNG(levels []assessment.CompetencyResult, scale []assessment.Level, opt Options) ([]byte, error) {
	img, err := Profile(levels, scale, opt)
	if err != nil {
		return nil, err
	}
	return encodePNG(img, "profielgrafiek")
}

func categoryOf(l assessment.CompetencyResult) assessment.Category {
	if l.Competency == nil {
		return ""
	}
	return l.Competency.Category
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

func (b profileBars) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	n := len(b.rows)
	pitch := trY(1) - trY(0)
	half := pitch * 0.28
	for i, r := range b.rows {
		y := trY(rowY(n, i))
		x0, xOwn, xReq := trX(0), trX(float64(r.own)), trX(float64(r.required))
		fill := b.st.th.good
		if r.gap() {
			fill = b.st.th.bad
			span := vg.Rectangle{Min: vg.Point{X: xOwn, Y: y - half}, Max: vg.Point{X: xReq, Y: y + half}}
			fillRect(&c, span, b.st.th.badFill, b.st.span)
		}
		if r.own > 0 {
			bar := vg.Rectangle{Min: vg.Point{X: x0, Y: y - half}, Max: vg.Point{X: xOwn, Y: y + half}}
			fillRect(&c, bar, fill, draw.LineStyle{})
		}
		if r.required > 0 {
			reach := pitch * 0.38
			c.StrokeLine2(b.st.marker, xReq, y-reach, xReq, y+reach)
		}
	}
}
