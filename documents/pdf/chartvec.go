package pdf

// The chart's gonum canvas on gofpdf: the profile chart is drawn into the
// PDF as paths and text rather than as a raster, so it prints sharp at any
// zoom and its labels are text in the document's own font. Besides
// render.go, this is the only file that imports gofpdf.

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"math"

	"github.com/jung-kurt/gofpdf"
	stdfont "golang.org/x/image/font"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"

	"zelfscan/documents/chart"
)

// affine maps chart points: x' = a*x + c*y + e, y' = b*x + d*y + f.
type affine struct{ a, b, c, d, e, f float64 }

func (m affine) apply(p vg.Point) (float64, float64) {
	x, y := float64(p.X), float64(p.Y)
	return m.a*x + m.c*y + m.e, m.b*x + m.d*y + m.f
}

// then is m followed by n applied in m's frame (n first, then m).
func (m affine) then(n affine) affine {
	return affine{
		a: m.a*n.a + m.c*n.b, b: m.b*n.a + m.d*n.b,
		c: m.a*n.c + m.c*n.d, d: m.b*n.c + m.d*n.d,
		e: m.a*n.e + m.c*n.f + m.e, f: m.b*n.e + m.d*n.f + m.f,
	}
}

type painterState struct {
	m     affine
	width vg.Length
	dash  []vg.Length
	phase vg.Length
	col   color.Color
}

// painter is a vg.Canvas that draws on a PDF page. Chart coordinates are
// points with y up from the chart's lower left corner; the page is in
// millimetres with y down, so every point goes through state.m and then
// page().
type painter struct {
	p      *gofpdf.Fpdf
	left   float64 // page position of the chart's left edge, mm
	bottom float64 // page position of the chart's bottom edge, mm
	scale  float64 // mm per chart point (the chart may be shrunk to fit)
	state  painterState
	stack  []painterState
	images int
}

func newPainter(p *gofpdf.Fpdf, left, bottom, scale float64) *painter {
	return &painter{p: p, left: left, bottom: bottom, scale: scale,
		state: painterState{m: affine{a: 1, d: 1}, width: 1, col: color.Black}}
}

// page maps a chart point to page millimetres.
func (c *painter) page(pt vg.Point) (float64, float64) {
	x, y := c.state.m.apply(pt)
	return c.left + x*c.scale, c.bottom - y*c.scale
}

// unit is how many page millimetres one chart point is under the current
// transform (uniform scaling assumed, as gonum's text and lines use).
func (c *painter) unit() float64 {
	return math.Hypot(c.state.m.a, c.state.m.b) * c.scale
}

func (c *painter) SetLineWidth(w vg.Length) { c.state.width = w }

func (c *painter) SetLineDash(pattern []vg.Length, offset vg.Length) {
	c.state.dash, c.state.phase = append([]vg.Length(nil), pattern...), offset
}

func (c *painter) SetColor(col color.Color) {
	if col == nil {
		col = color.Black
	}
	c.state.col = col
}

func (c *painter) Rotate(rad float64) {
	sin, cos := math.Sincos(rad)
	c.state.m = c.state.m.then(affine{a: cos, b: sin, c: -sin, d: cos})
}

func (c *painter) Translate(pt vg.Point) {
	c.state.m = c.state.m.then(affine{a: 1, d: 1, e: float64(pt.X), f: float64(pt.Y)})
}

func (c *painter) Scale(x, y float64) { c.state.m = c.state.m.then(affine{a: x, d: y}) }

func (c *painter) Push() {
	c.stack = append(c.stack, c.state)
	c.state.dash = append([]vg.Length(nil), c.state.dash...)
}

func (c *painter) Pop() {
	if n := len(c.stack); n > 0 {
		c.state, c.stack = c.stack[n-1], c.stack[:n-1]
	}
}

// colour sets col as the fill, stroke and text colour and its opacity.
func (c *painter) colour() {
	n := color.NRGBAModel.Convert(c.state.col).(color.NRGBA)
	c.p.SetDrawColor(int(n.R), int(n.G), int(n.B))
	c.p.SetFillColor(int(n.R), int(n.G), int(n.B))
	c.p.SetTextColor(int(n.R), int(n.G), int(n.B))
	c.p.SetAlpha(float64(n.A)/255, "Normal")
}

func (c *painter) Stroke(path vg.Path) {
	if c.state.width <= 0 {
		return
	}
	c.colour()
	u := c.unit()
	c.p.SetLineWidth(float64(c.state.width) * u)
	dash := make([]float64, len(c.state.dash))
	for i, d := range c.state.dash {
		dash[i] = float64(d) * u
	}
	c.p.SetDashPattern(dash, float64(c.state.phase)*u)
	c.path(path)
	c.p.DrawPath("D")
	c.p.SetDashPattern(nil, 0)
	c.p.SetAlpha(1, "Normal")
}

func (c *painter) Fill(path vg.Path) {
	c.colour()
	c.path(path)
	c.p.DrawPath("F")
	c.p.SetAlpha(1, "Normal")
}

// path traces p on the page; arcs become short straight segments (the
// charts only use them for small glyphs).
func (c *painter) path(p vg.Path) {
	started := false
	to := func(pt vg.Point) {
		x, y := c.page(pt)
		if started {
			c.p.LineTo(x, y)
		} else {
			c.p.MoveTo(x, y)
			started = true
		}
	}
	for _, comp := range p {
		switch comp.Type {
		case vg.MoveComp:
			x, y := c.page(comp.Pos)
			c.p.MoveTo(x, y)
			started = true
		case vg.LineComp:
			to(comp.Pos)
		case vg.ArcComp:
			steps := max(4, int(math.Ceil(math.Abs(comp.Angle)/(math.Pi/16))))
			for i := 0; i <= steps; i++ {
				a := comp.Start + comp.Angle*float64(i)/float64(steps)
				to(vg.Point{X: comp.Pos.X + comp.Radius*vg.Length(math.Cos(a)), Y: comp.Pos.Y + comp.Radius*vg.Length(math.Sin(a))})
			}
		case vg.CurveComp:
			c.curve(comp, &started)
		case vg.CloseComp:
			c.p.ClosePath()
		}
	}
}

// curve draws a quadratic or cubic Bézier segment.
func (c *painter) curve(comp vg.PathComp, started *bool) {
	if !*started || len(comp.Control) == 0 || len(comp.Control) > 2 {
		x, y := c.page(comp.Pos)
		c.p.LineTo(x, y)
		return
	}
	x, y := c.page(comp.Pos)
	x0, y0 := c.page(comp.Control[0])
	if len(comp.Control) == 1 {
		c.p.CurveTo(x0, y0, x, y)
		return
	}
	x1, y1 := c.page(comp.Control[1])
	c.p.CurveBezierCubicTo(x0, y0, x1, y1, x, y)
}

// FillString sets text in the PDF's embedded Liberation Sans, the same
// font the chart is measured in, with pt on the baseline.
func (c *painter) FillString(f font.Face, pt vg.Point, text string) {
	if f.Font.Size == 0 || text == "" {
		return
	}
	style := ""
	if f.Font.Weight >= stdfont.WeightBold {
		style += "B"
	}
	if f.Font.Style == stdfont.StyleItalic {
		style += "I"
	}
	c.colour()
	c.p.SetFont(fontName, style, float64(f.Font.Size)*c.unit()/ptMM)
	x, y := c.page(pt)
	angle := math.Atan2(c.state.m.b, c.state.m.a) * 180 / math.Pi
	if math.Abs(angle) > 0.01 {
		c.p.TransformBegin()
		c.p.TransformRotate(angle, x, y)
		defer c.p.TransformEnd()
	}
	c.p.Text(x, y, clean(text))
	c.p.SetAlpha(1, "Normal")
}

// DrawImage places img, as PNG, in rect.
func (c *painter) DrawImage(rect vg.Rectangle, img image.Image) {
	data, err := encodeRGB(img)
	if err != nil {
		panic(fmt.Errorf("afbeelding in grafiek: %w", err)) // render turns panics into errors
	}
	c.images++
	name := fmt.Sprintf("chart-image-%d", c.images)
	opt := gofpdf.ImageOptions{ImageType: "PNG"}
	c.p.RegisterImageOptionsReader(name, opt, bytes.NewReader(data))
	x0, y0 := c.page(rect.Min)
	x1, y1 := c.page(rect.Max)
	c.p.ImageOptions(name, math.Min(x0, x1), math.Min(y0, y1), math.Abs(x1-x0), math.Abs(y1-y0), false, opt, 0, "")
}

// drawChart draws d with its top left corner at (left, top) on the page,
// w millimetres wide.
func drawChart(p *gofpdf.Fpdf, d chart.Drawing, left, top, w float64) {
	x, y := p.GetXY() // path operators move gofpdf's current position
	lw := p.GetLineWidth()
	dr, dg, db := p.GetDrawColor()
	fr, fg, fb := p.GetFillColor()
	tr, tg, tb := p.GetTextColor()
	cw, ch := d.Size()
	scale := w / float64(cw)
	d.Draw(newPainter(p, left, top+float64(ch)*scale, scale))
	// The rest of the page expects gofpdf's state as it was.
	p.SetLineWidth(lw)
	p.SetDrawColor(dr, dg, db)
	p.SetFillColor(fr, fg, fb)
	p.SetTextColor(tr, tg, tb)
	p.SetXY(x, y)
}
