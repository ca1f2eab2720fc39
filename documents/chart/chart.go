// Package chart draws the competency charts (profile, comparison of two
// self-checks, group heat map) with gonum.org/v1/plot. The same definition
// serves the window (as an image) and the PDF (as PNG bytes), so both always
// show the same picture.
//
// Sizes are in pixels at a given DPI; text is set in points, so a chart
// rendered for print (see ForPDF) keeps readable text at its physical size.
package chart

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strings"
	"unicode/utf8"

	"golang.org/x/image/font/opentype"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"zelfscan/assessment"
)

// Options sets the size and look of a chart.
type Options struct {
	// Width in pixels; 0 means 1000.
	Width int
	// Height in pixels; 0 lets the chart grow with the number of rows.
	Height int
	// DPI maps points (text, lines) to pixels; 0 means 96 (screen).
	DPI int
	// Dark uses colours for a dark window theme.
	Dark bool
	// Labels holds the texts in another language; empty fields stay Dutch.
	Labels Labels
	// Font sets the texts in the window's own typeface (see NewFont); nil
	// keeps Liberation Sans, the typeface of the PDF.
	Font *Font
}

// Font is a parsed TrueType typeface for the chart texts. Parse it once
// (NewFont) and pass it with every chart: parsing costs more than drawing.
type Font struct {
	face    font.Font
	handler text.Handler
}

// NewFont parses ttf, for example the window theme's regular font, so the
// chart reads like the rest of the app.
func NewFont(name string, ttf []byte) (*Font, error) {
	parsed, err := opentype.Parse(ttf)
	if err != nil {
		return nil, fmt.Errorf("lettertype %s lezen: %w", name, err)
	}
	face := font.Font{Typeface: font.Typeface(name)}
	cache := font.NewCache(font.Collection{{Font: face, Face: parsed}})
	return &Font{face: face, handler: text.Plain{Fonts: cache}}, nil
}

// Labels are the chart's own texts: legends, the note on unanswered
// statements and the message of an empty chart. The window passes them in
// the chosen language; the PDF is Dutch and leaves them empty.
type Labels struct {
	OwnMeets, OwnBelow, GapSpan, Required, Unanswered string
	NoAnswers, NoAnswersHint                          string
	Earlier, Later, Grown, Declined, Unchanged        string
	NothingToCompare, NothingToCompareHint            string
	NoData, NoGroupData, NoGroupDataHint              string
	// Group names over the rows of the profile (see groupOf).
	GroupBasis, GroupOrganisation, GroupDeepening, GroupRole string
}

// or is s, or the Dutch text when s is empty.
func or(s, dutch string) string {
	if s == "" {
		return dutch
	}
	return s
}

const (
	defaultWidth = 1000
	defaultDPI   = 96
	// Limits keep a bad caller from allocating gigabytes.
	maxPixels = 12000
	maxDPI    = 1200
)

// ForPDF returns options for a chart printed widthMM millimetres wide, at a
// resolution that stays sharp on paper. Text then prints at its point size.
func ForPDF(widthMM float64) Options {
	const dpi = 200
	return Options{Width: int(widthMM/25.4*dpi + 0.5), DPI: dpi}
}

// normalise fills in defaults and rejects sizes that make no sense.
func (o Options) normalise() (Options, error) {
	if o.Width == 0 {
		o.Width = defaultWidth
	}
	if o.DPI == 0 {
		o.DPI = defaultDPI
	}
	switch {
	case o.Width < 100 || o.Width > maxPixels:
		return o, fmt.Errorf("grafiekbreedte %d px valt buiten 100–%d", o.Width, maxPixels)
	case o.Height != 0 && (o.Height < 100 || o.Height > maxPixels):
		return o, fmt.Errorf("grafiekhoogte %d px valt buiten 100–%d", o.Height, maxPixels)
	case o.DPI < 24 || o.DPI > maxDPI:
		return o, fmt.Errorf("DPI %d valt buiten 24–%d", o.DPI, maxDPI)
	}
	return o, nil
}

// points converts pixels to a length at the options' DPI.
func (o Options) points(px int) vg.Length {
	return vg.Length(px) / vg.Length(o.DPI) * vg.Inch
}

// pixels converts a length to whole pixels at the options' DPI, capped so an
// auto-grown chart stays within the limits.
func (o Options) pixels(l vg.Length) int {
	px := int(l.Dots(float64(o.DPI)) + 0.5)
	return min(max(px, 100), maxPixels)
}

// theme holds the colours of one look. Colours come from the Okabe–Ito set,
// which stays distinguishable for the common forms of colour blindness.
type theme struct {
	font                 *Font // nil: Liberation Sans
	bg, ink, muted, grid color.Color
	good, bad            color.Color // level met / growth; gap / decline
	badFill              color.Color // the missing span of a gap
}

func themeFor(o Options) theme {
	th := colours(o.Dark)
	th.font = o.Font
	return th
}

func colours(dark bool) theme {
	if dark {
		return theme{
			bg:      color.NRGBA{0x17, 0x17, 0x18, 0xff},
			ink:     color.NRGBA{0xee, 0xee, 0xee, 0xff},
			muted:   color.NRGBA{0xb4, 0xb4, 0xb4, 0xff},
			grid:    color.NRGBA{0x46, 0x46, 0x48, 0xff},
			good:    color.NRGBA{0x56, 0xb4, 0xe9, 0xff},
			bad:     color.NRGBA{0xe6, 0x9f, 0x00, 0xff},
			badFill: color.NRGBA{0xe6, 0x9f, 0x00, 0x38},
		}
	}
	return theme{
		bg:      color.White,
		ink:     color.NRGBA{0x1f, 0x1f, 0x1f, 0xff},
		muted:   color.NRGBA{0x55, 0x55, 0x55, 0xff},
		grid:    color.NRGBA{0xd6, 0xd6, 0xd6, 0xff},
		good:    color.NRGBA{0x00, 0x72, 0xb2, 0xff},
		bad:     color.NRGBA{0xd5, 0x5e, 0x00, 0xff},
		badFill: color.NRGBA{0xd5, 0x5e, 0x00, 0x24},
	}
}

// sans is Liberation Sans, bundled with gonum plot; it covers the accents
// Dutch needs (ë, ï, é, ...).
var sans = font.Font{Typeface: "Liberation", Variant: "Sans"}

// text is a text style in the theme's typeface.
func (th theme) text(col color.Color, size vg.Length) text.Style {
	if th.font != nil {
		return text.Style{Color: col, Font: font.From(th.font.face, size), Handler: th.font.handler}
	}
	return text.Style{Color: col, Font: font.From(sans, size), Handler: plot.DefaultTextHandler}
}

// newCanvas returns an image canvas of exactly w×h pixels filled with bg.
func newCanvas(o Options, h int, bg color.Color) (*vgimg.Canvas, draw.Canvas) {
	c := vgimg.NewWith(
		vgimg.UseWH(o.points(o.Width), o.points(h)),
		vgimg.UseDPI(o.DPI),
		vgimg.UseBackgroundColor(bg),
	)
	return c, draw.New(c)
}

// encodePNG encodes img; Go's encoder is deterministic, so the same chart
// gives the same bytes.
func encodePNG(img image.Image, what string) ([]byte, error) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("%s als PNG opslaan: %w", what, err)
	}
	return buf.Bytes(), nil
}

// wrap breaks s into at most maxLines lines no wider than maxW, cutting the
// rest off with an ellipsis, so a long title never pushes the chart aside.
func wrap(sty text.Style, s string, maxW vg.Length, maxLines int) string {
	words := strings.Fields(s)
	var lines []string
	line := ""
	for len(words) > 0 {
		try := words[0]
		if line != "" {
			try = line + " " + words[0]
		}
		if sty.Width(try) <= maxW {
			line = try
			words = words[1:]
			continue
		}
		if line == "" {
			// One word wider than a line: break it hard.
			head, tail := fitRunes(sty, words[0], maxW)
			line = head
			if tail == "" {
				words = words[1:]
			} else {
				words[0] = tail
			}
			if len(words) == 0 {
				break
			}
		}
		if len(lines)+1 == maxLines {
			return strings.Join(append(lines, ellipsis(sty, line, maxW)), "\n")
		}
		lines = append(lines, line)
		line = ""
	}
	if line != "" {
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// fitRunes splits w so that head is the longest prefix that fits maxW (at
// least one rune, so wrapping always advances).
func fitRunes(sty text.Style, w string, maxW vg.Length) (head, tail string) {
	end := 0
	for i, r := range w {
		next := i + utf8.RuneLen(r)
		if end > 0 && sty.Width(w[:next]) > maxW {
			break
		}
		end = next
	}
	return w[:end], w[end:]
}

// ellipsis ends s with "…", dropping runes until it fits maxW.
func ellipsis(sty text.Style, s string, maxW vg.Length) string {
	for s != "" {
		out := strings.TrimRight(s, " ,;:-") + "…"
		if sty.Width(out) <= maxW {
			return out
		}
		_, size := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-size]
	}
	return "…"
}

// scaleTicks returns the x-axis ticks: every level of the scale with its
// label ("2 Toepassen"), wrapped to fit the space one level gets. Without a
// scale the levels 0..top are numbered.
func scaleTicks(scale []assessment.Level, top int) func(text.Style, vg.Length) plot.ConstantTicks {
	labels := map[int]string{}
	for _, l := range scale {
		labels[l.Value] = l.Label
	}
	return func(sty text.Style, slot vg.Length) plot.ConstantTicks {
		ticks := make(plot.ConstantTicks, 0, top+1)
		for v := 0; v <= top; v++ {
			s := fmt.Sprint(v)
			if l := strings.TrimSpace(labels[v]); l != "" {
				s = wrap(sty, s+" "+l, slot, 2)
			}
			ticks = append(ticks, plot.Tick{Value: float64(v), Label: s})
		}
		return ticks
	}
}

// scaleTop is the highest level on the x axis: the top of the scale, or of
// the data when a level lies above it.
func scaleTop(scale []assessment.Level, data ...int) int {
	top := 0
	for _, l := range scale {
		top = max(top, l.Value)
	}
	for _, v := range data {
		top = max(top, v)
	}
	if top == 0 {
		top = 1 // an axis 0..0 has no width
	}
	return top
}

// message lays out a chart-sized notice, for when there is nothing to draw.
func message(o Options, title, sub string) Drawing {
	th := themeFor(o)
	h := o.Height
	if h == 0 {
		h = o.pixels(vg.Points(140))
	}
	return Drawing{opt: o, heightPx: h, bg: th.bg, paint: func(c draw.Canvas) {
		head := th.text(th.ink, 16)
		head.XAlign, head.YAlign = draw.XCenter, draw.YCenter
		mid := c.Center()
		c.FillText(head, vg.Point{X: mid.X, Y: mid.Y + 10}, title)
		if sub != "" {
			body := th.text(th.muted, 10)
			body.XAlign, body.YAlign = draw.XCenter, draw.YCenter
			sub = wrap(body, sub, c.Size().X-vg.Points(40), 2)
			c.FillText(body, vg.Point{X: mid.X, Y: mid.Y - 14}, sub)
		}
	}}
}

// Drawing is a chart laid out at its size, not yet drawn: the window
// rasterises it (Image), the PDF draws it as vectors on its own canvas
// (Draw), so both show the one definition.
type Drawing struct {
	opt      Options
	heightPx int
	bg       color.Color
	paint    func(draw.Canvas)
}

// Size is the chart's width and height in points.
func (d Drawing) Size() (width, height vg.Length) {
	return d.opt.points(d.opt.Width), d.opt.points(d.heightPx)
}

// Draw paints the chart on c with its lower left corner at c's origin,
// background first.
func (d Drawing) Draw(c vg.Canvas) {
	w, h := d.Size()
	dc := draw.Canvas{Canvas: c, Rectangle: vg.Rectangle{Max: vg.Point{X: w, Y: h}}}
	dc.FillPolygon(d.bg, rectPoints(dc.Rectangle))
	d.paint(dc)
}

// Image rasterises the chart at the options' width and DPI.
func (d Drawing) Image() image.Image {
	img, c := newCanvas(d.opt, d.heightPx, d.bg)
	d.paint(c)
	return img.Image()
}
