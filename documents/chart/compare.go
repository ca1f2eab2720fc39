package chart

import (
	"fmt"
	"image"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"zelfscan/assessment"
)

// Change is one competency in the comparison of two self-checks.
type Change struct {
	Title         string
	Before, After int
	// Required is the level the function asks; 0 draws no marker.
	Required int
}

// Delta is the change in level from the earlier to the later self-check.
func (c Change) Delta() int { return c.After - c.Before }

// Trend classifies a change.
type Trend int

const (
	Unchanged Trend = iota
	Growth
	Decline
)

// Trend says whether the level went up, down or stayed the same.
func (c Change) Trend() Trend {
	switch d := c.Delta(); {
	case d > 0:
		return Growth
	case d < 0:
		return Decline
	default:
		return Unchanged
	}
}

// trendColour is the colour a change is drawn in.
func (th theme) trendColour(t Trend) color.Color {
	switch t {
	case Growth:
		return th.good
	case Decline:
		return th.bad
	default:
		return th.muted
	}
}

// Comparison draws, per competency in the order given, the earlier level
// (open ring) and the later level (dot) joined by a stroke: growth in one
// colour, decline in another, no change in grey. The required level is the
// same vertical stroke as in the profile.
func Comparison(changes []Change, scale []assessment.Level, opt Options) (image.Image, error) {
	o, err := opt.normalise()
	if err != nil {
		return nil, fmt.Errorf("vergelijkingsgrafiek: %w", err)
	}
	if len(changes) == 0 {
		return message(o, or(o.Labels.NothingToCompare, "Nog niets te vergelijken"),
			or(o.Labels.NothingToCompareHint, "Voor een vergelijking zijn twee zelfscans met antwoorden nodig.")).Image(), nil
	}
	th := themeFor(o)
	var rc rowChart
	rows := make([]Change, len(changes))
	data := make([]int, 0, 3*len(changes))
	for i, ch := range changes {
		ch.Before, ch.After, ch.Required = max(ch.Before, 0), max(ch.After, 0), max(ch.Required, 0)
		rows[i] = ch
		rc.titles = append(rc.titles, ch.Title)
		data = append(data, ch.Before, ch.After, ch.Required)
	}
	top := scaleTop(scale, data...)
	// The padding keeps the glyphs at level 0 off the titles.
	rc.xMin, rc.xMax = -0.12, float64(top)+0.12
	rc.slots, rc.labels = top+1, scaleTicks(scale, top)
	st := compareStyles(th)
	rc.data = dumbbells{rows: rows, st: st}
	line := func(t Trend) draw.LineStyle {
		return draw.LineStyle{Color: th.trendColour(t), Width: st.stroke}
	}
	rc.legend = []legendItem{
		{or(o.Labels.Earlier, "Eerdere scan"), dot{st.before}},
		{or(o.Labels.Later, "Latere scan"), dot{draw.GlyphStyle{Color: th.ink, Radius: st.after.Radius, Shape: draw.CircleGlyph{}}}},
		{or(o.Labels.Grown, "Gegroeid"), segment{line(Growth)}},
		{or(o.Labels.Declined, "Gedaald"), segment{line(Decline)}},
		{or(o.Labels.Unchanged, "Gelijk gebleven"), segment{line(Unchanged)}},
		{or(o.Labels.Required, "Vereist niveau"), tick{st.marker}},
	}
	return rc.render(o, th).Image(), nil
}

// ComparisonPNG is Comparison encoded as PNG, for the PDF.
func ComparisonPNG(changes []Change, scale []assessment.Level, opt Options) ([]byte, error) {
	img, err := Comparison(changes, scale, opt)
	if err != nil {
		return nil, err
	}
	return encodePNG(img, "vergelijkingsgrafiek")
}

type dumbbellStyles struct {
	th     theme
	stroke vg.Length
	before draw.GlyphStyle
	after  draw.GlyphStyle
	marker draw.LineStyle
}

func compareStyles(th theme) dumbbellStyles {
	return dumbbellStyles{
		th:     th,
		stroke: 4,
		// The ring is larger than the dot, so an unchanged level shows both.
		before: draw.GlyphStyle{Color: th.ink, Radius: 6.5, Shape: ring{width: 2}},
		after:  draw.GlyphStyle{Radius: 4.5, Shape: draw.CircleGlyph{}},
		marker: draw.LineStyle{Color: th.ink, Width: 3},
	}
}

// dumbbells is the plotter for the comparison rows.
type dumbbells struct {
	rows []Change
	st   dumbbellStyles
}

func (d dumbbells) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	n := len(d.rows)
	pitch := trY(1) - trY(0)
	for i, r := range d.rows {
		y := trY(rowY(n, i))
		if r.Required > 0 {
			x := trX(float64(r.Required))
			reach := pitch * 0.38
			c.StrokeLine2(d.st.marker, x, y-reach, x, y+reach)
		}
		col := d.st.th.trendColour(r.Trend())
		xb, xa := trX(float64(r.Before)), trX(float64(r.After))
		if xb != xa {
			c.StrokeLine2(draw.LineStyle{Color: col, Width: d.st.stroke}, xb, y, xa, y)
		}
		c.DrawGlyphNoClip(d.st.before, vg.Point{X: xb, Y: y})
		after := d.st.after
		after.Color = col
		c.DrawGlyphNoClip(after, vg.Point{X: xa, Y: y})
	}
}

// ring is an open circle with a stroke width of its own (gonum's RingGlyph
// is a hairline, too faint next to the thick strokes).
type ring struct{ width vg.Length }

func (g ring) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	c.SetLineStyle(draw.LineStyle{Color: sty.Color, Width: g.width})
	r := sty.Radius - g.width/2
	var path vg.Path
	path.Move(vg.Point{X: pt.X + r, Y: pt.Y})
	path.Arc(pt, r, 0, 2*math.Pi)
	path.Close()
	c.Stroke(path)
}
