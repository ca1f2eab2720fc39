package chart

import (
	"image/color"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Layout sizes, in points.
const (
	margin      = vg.Length(12)
	labelSize   = vg.Length(10) // competency titles, at full size
	minLabel    = vg.Length(6)
	tickSize    = vg.Length(9) // scale labels on the x axis
	legendSize  = vg.Length(10)
	noteSize    = vg.Length(8.5)
	rowPitch    = vg.Length(30) // height per row when the chart grows with its rows
	legendGapX  = vg.Length(18)
	legendGapY  = vg.Length(6)
	thumbWidth  = vg.Length(20)
	axisReserve = vg.Length(14) // tick marks and padding under the data
)

// rowChart is the shared layout of the charts: one row per competency from
// top to bottom, titles on the left, the x axis below (the level scale, or
// the group's columns), a legend above and an optional note below.
type rowChart struct {
	titles []string
	marks  []bool // a title marked with " *", explained by note
	// headers names the group that starts at a row; such a row is a group
	// heading and carries no data.
	headers []string
	// topScale repeats the level numbers above the rows, so the scale is
	// readable where the bars are in a long chart.
	topScale bool
	// The x axis runs from xMin to xMax; labels returns its tick labels,
	// given the width each of its slots may take.
	xMin, xMax float64
	slots      int
	labels     func(sty text.Style, slot vg.Length) plot.ConstantTicks
	data       plot.Plotter
	legend     []legendItem
	note       string
}

type legendItem struct {
	name  string
	thumb plot.Thumbnailer
}

// render lays the chart out; o is normalised and len(titles) > 0.
func (rc rowChart) render(o Options, th theme) Drawing {
	n := len(rc.titles)
	width := o.points(o.Width)
	inner := width - 2*margin

	legendSty := th.text(th.ink, legendSize)
	legendRows, legendH := layoutLegend(rc.legend, legendSty, inner)

	labelW := min(inner*0.36, 260)
	// The scale labels share what is left after the titles, one slot per level.
	tickSty := th.text(th.muted, tickSize)
	tickSty.XAlign, tickSty.YAlign = draw.XCenter, draw.YTop
	ticks := rc.labels(tickSty, (inner-labelW)/vg.Length(max(rc.slots, 1))*0.92)
	axisH := axisReserve
	for _, t := range ticks {
		axisH = max(axisH, tickSty.Height(t.Label)+axisReserve)
	}

	noteSty := th.text(th.muted, noteSize)
	note, noteH := "", vg.Length(0)
	if rc.note != "" {
		note = wrap(noteSty, rc.note, inner, 3)
		noteH = noteSty.Height(note) + margin/2
	}
	topH := vg.Length(0)
	if rc.topScale {
		topH = tickSty.Height("0") + axisReserve/2
	}

	overhead := 2*margin + legendH + margin + axisH + noteH + topH
	heightPx := o.Height
	var yticks styledTicks
	if heightPx == 0 {
		// The chart grows until every title fits whole.
		var pitch vg.Length
		yticks, pitch = rc.titleTicks(th.text(th.ink, labelSize), labelW, titleLines)
		heightPx = o.pixels(overhead + vg.Length(n)*pitch)
	} else {
		yticks = rc.fixedTitleTicks(th, labelW, (o.points(heightPx)-overhead)/vg.Length(n))
	}
	labelSty := yticks[0].style

	p := plot.New()
	p.BackgroundColor = nil // the canvas is already filled
	p.X.Min, p.X.Max = rc.xMin, rc.xMax
	p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
	styleAxis(&p.X, th, tickSty)
	p.X.Tick.Marker = ticks
	p.X.Tick.Length = 4
	styleAxis(&p.Y, th, labelSty)
	p.Y.Tick.Marker = yticks.ticks()
	p.Y.Tick.Length = 0

	grid := plotter.NewGrid()
	grid.Vertical = draw.LineStyle{Color: th.grid, Width: 0.75}
	grid.Horizontal.Color = nil
	p.Add(grid, rc.data)

	return Drawing{opt: o, heightPx: heightPx, bg: th.bg, paint: func(c draw.Canvas) {
		top := c.Max.Y - margin
		drawLegend(c, legendRows, legendSty, margin, top)
		plotArea := draw.Crop(c, margin, -margin, margin+noteH, -(margin + legendH + margin + topH))
		p.Draw(plotArea)
		data := p.DataCanvas(plotArea)
		rc.drawHeaders(&data, p, labelSty, th.muted, c.Min.X+margin)
		if rc.topScale {
			drawTopScale(&data, p, ticks, tickSty)
		}
		if note != "" {
			noteSty.YAlign = draw.YBottom
			c.FillText(noteSty, vg.Point{X: margin, Y: margin}, note)
		}
	}}
}

// rowY is the y value of row i: the first row is drawn at the top.
func rowY(n, i int) float64 { return float64(n - 1 - i) }

func styleAxis(a *plot.Axis, th theme, labels text.Style) {
	a.LineStyle = draw.LineStyle{Color: th.muted, Width: 0.75}
	a.Tick.LineStyle = draw.LineStyle{Color: th.muted, Width: 0.75}
	a.Tick.Label = labels
	a.Padding = 0
}

// titleLines is how many lines a title may wrap to in a chart that grows
// with its rows; the longest titles of the framework need three.
const titleLines = 4

// styledTicks are the y-axis labels with the style they were fitted in.
type styledTicks []styledTick

type styledTick struct {
	plot.Tick
	style text.Style
}

func (s styledTicks) ticks() plot.ConstantTicks {
	out := make(plot.ConstantTicks, len(s))
	for i, t := range s {
		out[i] = t.Tick
	}
	return out
}

// titleTicks wraps every title whole into at most lines lines and returns
// the row pitch that fits the longest.
func (rc rowChart) titleTicks(sty text.Style, labelW vg.Length, lines int) (styledTicks, vg.Length) {
	sty.XAlign, sty.YAlign = draw.XRight, draw.YCenter
	out := make(styledTicks, len(rc.titles))
	pitch := rowPitch
	for i := range rc.titles {
		label := rc.title(sty, i, labelW, lines)
		out[i] = styledTick{Tick: plot.Tick{Value: rowY(len(rc.titles), i), Label: label}, style: sty}
		pitch = max(pitch, sty.Height(label)+vg.Length(10))
	}
	return out, pitch
}

// fixedTitleTicks fits the titles into a given pitch: two lines while the
// rows have room, else one line in a smaller font, so a fixed height with
// many rows stays legible without overlap.
func (rc rowChart) fixedTitleTicks(th theme, labelW, pitch vg.Length) styledTicks {
	size, lines := min(labelSize, pitch/2.6), 2
	if size < 8 {
		size, lines = min(labelSize, max(minLabel, pitch/1.35)), 1
	}
	out, _ := rc.titleTicks(th.text(th.ink, size), labelW, lines)
	return out
}

// title is the y label of row i: empty for a group heading (drawn by
// drawHeaders), else the wrapped title with its mark.
func (rc rowChart) title(sty text.Style, i int, labelW vg.Length, lines int) string {
	if i < len(rc.headers) && rc.headers[i] != "" {
		return ""
	}
	suffix := ""
	if i < len(rc.marks) && rc.marks[i] {
		suffix = " *"
	}
	label := wrap(sty, rc.titles[i], labelW-sty.Width(suffix), lines)
	if label == "" {
		label = "(zonder titel)"
	}
	return label + suffix
}

// drawHeaders writes each group name at the left edge of its heading row,
// in the size of the titles, with a rule across the data area.
func (rc rowChart) drawHeaders(data *draw.Canvas, p *plot.Plot, sty text.Style, ruleColour color.Color, left vg.Length) {
	_, trY := p.Transforms(data)
	sty.XAlign, sty.YAlign = draw.XLeft, draw.YCenter
	rule := draw.LineStyle{Color: ruleColour, Width: 0.75}
	n := len(rc.titles)
	for i, h := range rc.headers {
		if h == "" {
			continue
		}
		y := trY(rowY(n, i))
		data.FillText(sty, vg.Point{X: left, Y: y}, h)
		start := max(data.Min.X, left+sty.Width(h)+vg.Length(6))
		data.StrokeLine2(rule, start, y, data.Max.X, y)
	}
}

// drawTopScale repeats the level numbers above the data area.
func drawTopScale(data *draw.Canvas, p *plot.Plot, ticks plot.ConstantTicks, sty text.Style) {
	trX, _ := p.Transforms(data)
	sty.YAlign = draw.YBottom
	for _, t := range ticks {
		number, _, _ := strings.Cut(t.Label, " ")
		data.FillText(sty, vg.Point{X: trX(t.Value), Y: data.Max.Y + axisReserve/4}, number)
	}
}

// layoutLegend places the entries left to right, starting a new line when
// the width runs out, and returns the lines and their total height.
func layoutLegend(items []legendItem, sty text.Style, width vg.Length) ([][]legendItem, vg.Length) {
	var rows [][]legendItem
	var used vg.Length
	for _, it := range items {
		w := entryWidth(it, sty)
		if len(rows) == 0 || used+w > width {
			rows = append(rows, nil)
			used = 0
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], it)
		used += w + legendGapX
	}
	lineH := sty.Height("Ág") + legendGapY
	return rows, vg.Length(len(rows)) * lineH
}

func entryWidth(it legendItem, sty text.Style) vg.Length {
	return thumbWidth + sty.Width(" "+it.name)
}

// drawLegend draws each entry with gonum's own legend, one small legend per
// entry, so the entries can sit side by side above the chart.
func drawLegend(c draw.Canvas, rows [][]legendItem, sty text.Style, left, top vg.Length) {
	lineH := sty.Height("Ág") + legendGapY
	for r, row := range rows {
		x := left
		y := top - vg.Length(r)*lineH
		for _, it := range row {
			w := entryWidth(it, sty)
			l := plot.NewLegend()
			l.TextStyle = sty
			l.Left, l.Top = true, true
			l.ThumbnailWidth = thumbWidth
			l.Add(it.name, it.thumb)
			l.Draw(draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{
				Min: vg.Point{X: x, Y: y - lineH},
				Max: vg.Point{X: x + w, Y: y},
			}})
			x += w + legendGapX
		}
	}
}

// Legend thumbnails.

// swatch is a filled box, optionally outlined.
type swatch struct {
	fill    color.Color
	outline draw.LineStyle
}

func (s swatch) Thumbnail(c *draw.Canvas) {
	inset := (c.Max.Y - c.Min.Y) * 0.15
	// The right inset keeps a dashed outline clear of the entry's text.
	r := vg.Rectangle{Min: vg.Point{X: c.Min.X, Y: c.Min.Y + inset}, Max: vg.Point{X: c.Max.X - 3, Y: c.Max.Y - inset}}
	fillRect(c, r, s.fill, s.outline)
}

// tick is the vertical stroke that marks the required level.
type tick struct{ style draw.LineStyle }

func (t tick) Thumbnail(c *draw.Canvas) {
	x := (c.Min.X + c.Max.X) / 2
	c.StrokeLine2(t.style, x, c.Min.Y, x, c.Max.Y)
}

// segment is a horizontal stroke, as used for the change between two scans.
type segment struct{ style draw.LineStyle }

func (s segment) Thumbnail(c *draw.Canvas) {
	y := (c.Min.Y + c.Max.Y) / 2
	c.StrokeLine2(s.style, c.Min.X, y, c.Max.X, y)
}

// dot is a single glyph in the middle of the thumbnail.
type dot struct{ style draw.GlyphStyle }

func (d dot) Thumbnail(c *draw.Canvas) {
	c.DrawGlyphNoClip(d.style, c.Center())
}

// fillRect fills r (when fill is set) and strokes its outline (when the
// outline has a colour and width).
func fillRect(c *draw.Canvas, r vg.Rectangle, fill color.Color, outline draw.LineStyle) {
	if fill != nil {
		c.FillPolygon(fill, rectPoints(r))
	}
	if outline.Color != nil && outline.Width > 0 {
		pts := append(rectPoints(r), r.Min)
		c.StrokeLines(outline, pts)
	}
}

func rectPoints(r vg.Rectangle) []vg.Point {
	return []vg.Point{r.Min, {X: r.Min.X, Y: r.Max.Y}, r.Max, {X: r.Max.X, Y: r.Min.Y}}
}
