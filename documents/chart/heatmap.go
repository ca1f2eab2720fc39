package chart

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/palette/brewer"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// GroupHeatmap draws values[r][c] as a coloured cell per row (competency)
// and column (member, or a bucket of gap sizes), with the value printed in
// the cell where it fits and a colour legend above. NaN means "no data".
// Whole numbers in a small range get one colour each; other values are
// binned into seven classes.
func GroupHeatmap(rows []string, cols []string, values [][]float64, opt Options) (image.Image, error) {
	d, err := GroupHeatmapDrawing(rows, cols, values, opt)
	if err != nil {
		return nil, err
	}
	return d.Image(), nil
}

// GroupHeatmapDrawing is the heat map laid out but not yet drawn, for a
// canvas of the caller's (the PDF draws it as vectors).
func GroupHeatmapDrawing(rows []string, cols []string, values [][]float64, opt Options) (Drawing, error) {
	o, err := opt.normalise()
	if err != nil {
		return Drawing{}, fmt.Errorf("groepsoverzicht: %w", err)
	}
	if len(values) != len(rows) {
		return Drawing{}, fmt.Errorf("groepsoverzicht: %d rijen met waarden voor %d competenties", len(values), len(rows))
	}
	for i, v := range values {
		if len(v) != len(cols) {
			return Drawing{}, fmt.Errorf("groepsoverzicht: rij %d heeft %d waarden voor %d kolommen", i+1, len(v), len(cols))
		}
		for _, x := range v {
			if math.IsInf(x, 0) {
				return Drawing{}, fmt.Errorf("groepsoverzicht: rij %d bevat een oneindige waarde", i+1)
			}
		}
	}
	if len(rows) == 0 || len(cols) == 0 {
		return message(o, or(o.Labels.NoGroupData, "Nog geen groepsgegevens"),
			or(o.Labels.NoGroupDataHint, "Zodra leden van de groep de zelfscan hebben ingevuld, verschijnt hier het overzicht.")), nil
	}
	th := themeFor(o)
	cl := classesFor(values)
	pal, err := brewer.GetPalette(brewer.TypeSequential, "Blues", cl.n)
	if err != nil {
		return Drawing{}, fmt.Errorf("groepsoverzicht: kleurenpalet: %w", err)
	}
	g := grid{values: values}
	hm := plotter.NewHeatMap(g, pal)
	hm.Min, hm.Max = cl.lo, cl.hi
	hm.NaN = th.grid

	rc := rowChart{
		titles: rows,
		xMin:   -0.5,
		xMax:   float64(len(cols)) - 0.5,
		slots:  len(cols),
		labels: func(sty text.Style, slot vg.Length) plot.ConstantTicks {
			ticks := make(plot.ConstantTicks, len(cols))
			for c, name := range cols {
				ticks[c] = plot.Tick{Value: float64(c), Label: wrap(sty, name, slot, 2)}
			}
			return ticks
		},
		data: plotters{hm, cells{grid: g, classes: cl, palette: pal, th: th}},
	}
	// A hairline keeps the palest colour visible against the background.
	edge := draw.LineStyle{Color: th.muted, Width: 0.5}
	for k, c := range pal.Colors() {
		rc.legend = append(rc.legend, legendItem{cl.label(k), swatch{fill: c, outline: edge}})
	}
	if g.hasNaN() {
		rc.legend = append(rc.legend, legendItem{or(o.Labels.NoData, "Geen gegevens"), swatch{fill: th.grid, outline: edge}})
	}
	return rc.render(o, th), nil
}

// GroupHeatmapPNG is GroupHeatmap encoded as PNG.
func GroupHeatmapPNG(rows []string, cols []string, values [][]float64, opt Options) ([]byte, error) {
	img, err := GroupHeatmap(rows, cols, values, opt)
	if err != nil {
		return nil, err
	}
	return encodePNG(img, "groepsoverzicht")
}

// classes is how values map onto the palette's colours.
type classes struct {
	lo, hi   float64
	n        int // colours, 3..9 (what the Brewer palettes offer)
	integral bool
}

func classesFor(values [][]float64) classes {
	lo, hi := math.Inf(1), math.Inf(-1)
	integral := true
	for _, row := range values {
		for _, v := range row {
			if math.IsNaN(v) {
				continue
			}
			lo, hi = math.Min(lo, v), math.Max(hi, v)
			integral = integral && v == math.Trunc(v)
		}
	}
	if lo > hi { // no data at all
		lo, hi = 0, 1
	}
	if integral && hi-lo <= 8 {
		// One colour per whole number; at least three, the smallest palette.
		return classes{lo: lo, hi: math.Max(hi, lo+2), n: int(math.Max(hi, lo+2)-lo) + 1, integral: true}
	}
	if hi == lo {
		hi = lo + 1
	}
	return classes{lo: lo, hi: hi, n: 7}
}

// index is the palette colour of v, as gonum's HeatMap picks it.
func (cl classes) index(v float64) int {
	return int((v-cl.lo)*float64(cl.n-1)/(cl.hi-cl.lo) + 0.5)
}

// label names the value a colour stands for.
func (cl classes) label(k int) string {
	v := cl.lo + float64(k)*(cl.hi-cl.lo)/float64(cl.n-1)
	if cl.integral {
		return formatValue(v)
	}
	return "≈ " + formatValue(v)
}

// formatValue writes v the Dutch way: a decimal comma, at most one decimal.
func formatValue(v float64) string {
	s := strconv.FormatFloat(v, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	return strings.Replace(s, ".", ",", 1)
}

// grid adapts values to gonum's GridXYZ; the first row is drawn at the top.
type grid struct{ values [][]float64 }

func (g grid) Dims() (c, r int)   { return len(g.values[0]), len(g.values) }
func (g grid) Z(c, r int) float64 { return g.values[len(g.values)-1-r][c] }
func (g grid) X(c int) float64    { return float64(c) }
func (g grid) Y(r int) float64    { return float64(r) }
func (g grid) hasNaN() bool {
	for _, row := range g.values {
		for _, v := range row {
			if math.IsNaN(v) {
				return true
			}
		}
	}
	return false
}

// plotters draws several plotters as one.
type plotters []plot.Plotter

func (ps plotters) Plot(c draw.Canvas, p *plot.Plot) {
	for _, x := range ps {
		x.Plot(c, p)
	}
}

// cells separates the heat map's cells with thin lines in the background
// colour and prints each value where it fits, in a colour that contrasts
// with its cell.
type cells struct {
	grid    grid
	classes classes
	palette palette.Palette
	th      theme
}

func (cs cells) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	cols, rows := cs.grid.Dims()
	sep := draw.LineStyle{Color: cs.th.bg, Width: 1.5}
	for x := 1; x < cols; x++ {
		xx := trX(float64(x) - 0.5)
		c.StrokeLine2(sep, xx, c.Min.Y, xx, c.Max.Y)
	}
	for y := 1; y < rows; y++ {
		yy := trY(float64(y) - 0.5)
		c.StrokeLine2(sep, c.Min.X, yy, c.Max.X, yy)
	}
	cellW, cellH := trX(1)-trX(0), trY(1)-trY(0)
	size := min(labelSize, cellH*0.55)
	if size < minLabel {
		return
	}
	pal := cs.palette.Colors()
	for x := range cols {
		for y := range rows {
			v := cs.grid.Z(x, y)
			if math.IsNaN(v) {
				continue
			}
			k := min(max(cs.classes.index(v), 0), len(pal)-1)
			sty := cs.th.text(contrast(pal[k]), size)
			sty.XAlign, sty.YAlign = draw.XCenter, draw.YCenter
			s := formatValue(v)
			if sty.Width(s) > cellW-4 {
				continue
			}
			c.FillText(sty, vg.Point{X: trX(float64(x)), Y: trY(float64(y))}, s)
		}
	}
}

// contrast returns black or white, whichever reads better on bg.
func contrast(bg color.Color) color.Color {
	r, g, b, _ := bg.RGBA()
	// Relative luminance, rough sRGB weights; enough to pick black or white.
	lum := (0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(b)) / 0xffff
	if lum > 0.5 {
		return color.Black
	}
	return color.White
}
