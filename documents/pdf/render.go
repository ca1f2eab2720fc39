package pdf

// This file and chartvec.go are the only ones that import gofpdf: the
// library is archived, so everything else works on the layout types of
// layout.go.

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"codeberg.org/go-fonts/liberation/liberationsansbold"
	"codeberg.org/go-fonts/liberation/liberationsansitalic"
	"codeberg.org/go-fonts/liberation/liberationsansregular"
	"github.com/jung-kurt/gofpdf"
)

// Page geometry in millimetres (A4 portrait).
const (
	pageW     = 210.0
	pageH     = 297.0
	margin    = 20.0
	textW     = pageW - 2*margin
	bottom    = pageH - margin
	usable    = bottom - margin
	bodySize  = 10.0
	smallSize = 8.5
	ptMM      = 25.4 / 72
	leading   = 1.4 // line height as a multiple of the font size
	padX      = 1.5 // cell padding in tables
	padY      = 1.0
	labelW    = 48.0 // label column of a field list
	nbAlias   = "{nb}"
	fieldGap  = 0.6 // between the rows of a field list
	// maxPicture is the most a picture takes of a page: a long profile
	// chart shares its page with text rather than fill it (its labels
	// then print at about 8 points).
	maxPicture = usable * 0.8
	fontName   = "sans"
)

type rgb struct{ r, g, b int }

var (
	ink    = rgb{0x1f, 0x1f, 0x1f}
	muted  = rgb{0x55, 0x55, 0x55}
	accent = rgb{0x1d, 0x3c, 0x5e} // headings: dark blue, readable in grey print
	line   = rgb{0xb8, 0xb8, 0xb8}
	shade  = rgb{0xe8, 0xec, 0xf0}
)

type renderer struct {
	p *gofpdf.Fpdf
	// kept is set by keepWithNext for the heading it has just placed, so
	// heading does not ask again for room that may not be needed.
	kept bool
	// floating is a float that did not fit where it was; the next page
	// that starts between two blocks (not inside a text that runs over)
	// starts with it.
	floating group
	between  bool
}

// render draws doc as a PDF to w. created fixes the creation date so the
// same document gives the same bytes.
func render(w io.Writer, doc *document, created time.Time, atts []Attachment) (err error) {
	// gofpdf panics on some internal errors; a plan must never crash the app.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("pdf opmaken: %v", r)
		}
	}()
	p := gofpdf.New("P", "mm", "A4", "")
	p.SetMargins(margin, margin, margin)
	p.SetAutoPageBreak(false, margin) // breaks are placed by ensure
	p.SetCellMargin(0)
	// A plan's page streams stay uncompressed: gofpdf sets up a new zlib
	// writer (about a megabyte of state) for every stream, which cost a
	// fifth of the render time. A typical plan grows from 66 to 161 kB,
	// still well under the 286 kB of the raster-chart PDF; the embedded
	// font subsets are compressed regardless.
	p.SetCompression(doc.compressed)
	p.SetCreationDate(created)
	p.SetModificationDate(created)
	p.SetCatalogSort(true)
	p.SetTitle(cleanLine(doc.title), true)
	p.SetAuthor(cleanLine(doc.author), true)
	p.SetCreator("Zelfscan GGG", true)
	p.SetProducer("Zelfscan GGG", true)
	p.AddUTF8FontFromBytes(fontName, "", liberationsansregular.TTF)
	p.AddUTF8FontFromBytes(fontName, "B", liberationsansbold.TTF)
	p.AddUTF8FontFromBytes(fontName, "I", liberationsansitalic.TTF)
	p.AliasNbPages(nbAlias)
	if len(atts) > 0 {
		as := make([]gofpdf.Attachment, len(atts))
		for i, a := range atts {
			as[i] = gofpdf.Attachment{Content: a.Data, Filename: a.Name, Description: a.Description}
		}
		p.SetAttachments(as)
	}
	r := &renderer{p: p}
	header := cleanLine(doc.header)
	p.SetHeaderFunc(func() {
		r.font(regular, 8, muted)
		p.SetXY(margin, 10)
		p.CellFormat(textW, 4, r.fitLine(header, textW), "", 0, "L", false, 0, "")
		r.hline(14.5, 0.2)
		p.SetY(margin)
		if f := r.floating; f != nil && r.between {
			r.floating = nil
			r.draw(f)
			r.p.SetY(r.y() + 2)
		}
	})
	framework := clean(doc.framework)
	p.SetFooterFunc(func() {
		if framework != "" {
			r.font(regular, 7.5, muted)
			p.SetXY(margin, pageH-17.5)
			p.CellFormat(textW, 4, framework, "", 0, "C", false, 0, "")
		}
		r.font(regular, 8, muted)
		p.SetXY(margin, pageH-13)
		p.CellFormat(textW, 4, fmt.Sprintf("Pagina %d van %s", p.PageNo(), nbAlias), "", 0, "C", false, 0, "")
	})
	p.AddPage()
	for i, b := range doc.blocks {
		if h, ok := b.(heading); ok && i+1 < len(doc.blocks) {
			r.keepWithNext(h, doc.blocks[i+1:])
		}
		r.draw(b)
	}
	if r.floating != nil {
		r.between = true
		p.AddPage() // the page's header draws it
	}
	if err := p.Output(w); err != nil {
		return fmt.Errorf("pdf schrijven: %w", err)
	}
	return nil
}

func (r *renderer) font(f face, size float64, c rgb) {
	style := ""
	switch f {
	case bold:
		style = "B"
	case italic:
		style = "I"
	}
	r.p.SetFont(fontName, style, size)
	r.p.SetTextColor(c.r, c.g, c.b)
}

func lineH(size float64) float64 { return size * ptMM * leading }

func (r *renderer) y() float64 { return r.p.GetY() }

func (r *renderer) room() float64 { return bottom - r.y() }

func (r *renderer) atTop() bool { return r.y() <= margin+0.01 }

// ensure starts a new page when h millimetres do not fit on this one.
func (r *renderer) ensure(h float64) {
	if h > r.room() && !r.atTop() {
		r.between = true
		r.p.AddPage()
		r.between = false
	}
}

func (r *renderer) hline(y, width float64) {
	r.p.SetDrawColor(line.r, line.g, line.b)
	r.p.SetLineWidth(width)
	r.p.Line(margin, y, pageW-margin, y)
}

// split wraps text to width w in the current font; every \n starts a line.
func (r *renderer) split(text string, w float64) []string {
	var out []string
	for _, part := range strings.Split(clean(text), "\n") {
		if strings.TrimSpace(part) == "" {
			out = append(out, "")
			continue
		}
		out = append(out, r.p.SplitText(part, w)...)
	}
	return out
}

// cell is one column of a row: its lines are wrapped before drawing.
type cell struct {
	x, w  float64
	lines []string
	face  face
	size  float64
	color rgb
}

func (r *renderer) cellOf(text string, x, w float64, f face, size float64, c rgb) cell {
	r.font(f, size, c)
	return cell{x: x, w: w, lines: r.split(text, w), face: f, size: size, color: c}
}

func rowHeight(cells []cell) float64 {
	h := 0.0
	for _, c := range cells {
		h = max(h, float64(len(c.lines))*lineH(c.size))
	}
	return h
}

// drawRow draws cells side by side. A row that fits on a fresh page moves
// there whole; a taller row goes line by line, and onBreak (if any) runs
// after each page break it causes (a table repeats its header).
func (r *renderer) drawRow(cells []cell, padTop, padBottom float64, onBreak func()) {
	h := rowHeight(cells) + padTop + padBottom
	if h > r.room() && h <= usable-r.headRoom(onBreak) && !r.atTop() {
		r.p.AddPage()
		if onBreak != nil {
			onBreak()
		}
	}
	top := r.y() + padTop
	n := 0
	for _, c := range cells {
		n = max(n, len(c.lines))
	}
	y := top
	for i := range n {
		lh := 0.0
		for _, c := range cells {
			lh = max(lh, lineH(c.size))
		}
		if y+lh > bottom {
			r.p.AddPage()
			if onBreak != nil {
				onBreak()
			}
			y = r.y()
		}
		for _, c := range cells {
			if i < len(c.lines) {
				r.font(c.face, c.size, c.color)
				r.p.SetXY(c.x, y)
				r.p.CellFormat(c.w, lineH(c.size), c.lines[i], "", 0, "L", false, 0, "")
			}
		}
		y += lh
	}
	r.p.SetY(y + padBottom)
}

// headRoom is what a repeated table header takes from a fresh page.
func (r *renderer) headRoom(onBreak func()) float64 {
	if onBreak == nil {
		return 0
	}
	return lineH(smallSize)*3 + 2*padY
}

// para draws a paragraph in its size (body size when unset), muted or not.
func (r *renderer) para(b para) {
	size := b.size
	if size == 0 {
		size = bodySize
	}
	c := ink
	if b.muted {
		c = muted
	}
	r.drawRow([]cell{r.cellOf(b.text, margin, textW, b.face, size, c)}, 0, 1.5, nil)
}

// fields draws label and value pairs in two columns.
func (r *renderer) fields(b fields) {
	for _, f := range b {
		r.drawRow([]cell{
			r.cellOf(f.label, margin, labelW-3, bold, bodySize, muted),
			r.cellOf(f.value, margin+labelW, textW-labelW, regular, bodySize, ink),
		}, 0, fieldGap, nil)
	}
	r.p.SetY(r.y() + 1)
}

// writeLines draws a label over empty lines to write on, the first three
// kept with the label.
func (r *renderer) writeLines(b writeLines) {
	r.font(bold, bodySize, muted)
	r.ensure(lineH(bodySize) + 9*float64(min(b.n, 3)))
	r.drawRow([]cell{r.cellOf(b.label, margin, textW, bold, bodySize, muted)}, 0, 0, nil)
	for range b.n {
		r.ensure(9)
		y := r.y() + 8
		r.hline(y, 0.2)
		r.p.SetY(y + 1)
	}
	r.p.SetY(r.y() + 3)
}

func (r *renderer) draw(b block) {
	switch b := b.(type) {
	case heading:
		r.heading(b)
	case para:
		r.para(b)
	case fields:
		r.fields(b)
	case table:
		r.table(b)
	case picture:
		r.picture(b)
	case writeLines:
		r.writeLines(b)
	case signatures:
		r.signatures(b)
	default:
		r.layout(b)
	}
}

// layout draws the blocks that arrange others: page breaks, space, rules,
// groups kept on one page and floats that may wait for the next.
func (r *renderer) layout(b block) {
	switch b := b.(type) {
	case newPage:
		r.ensure(usable + 1)
	case spacer:
		if !r.atTop() {
			r.p.SetY(min(r.y()+float64(b), bottom))
		}
	case rule:
		r.ensure(3)
		r.hline(r.y()+1, 0.2)
		r.p.SetY(r.y() + 3)
	case group:
		if h := r.measure(b); h > r.room() && h <= usable {
			r.ensure(h)
		}
		for _, sub := range b {
			r.draw(sub)
		}
	case float:
		if r.floating == nil && !r.atTop() && r.measure(group(b)) > r.room() {
			r.floating = group(b)
			return
		}
		r.draw(group(b))
	}
}

// keepWithNext starts a new page when a heading would otherwise end up
// without what follows it: short paragraphs (up to a few lines in all) plus
// the first action or note (a group) where that fits on a page, or else
// the first few lines.
func (r *renderer) keepWithNext(h heading, next []block) {
	few := 4 * lineH(bodySize)
	need := r.measure(h)
	paras := 0.0
	for _, b := range next {
		if _, ok := b.(newPage); ok {
			break // the section ends: nothing more to keep with the heading
		}
		if h, ok := b.(heading); ok {
			need += r.measure(h) // a section's title stays with its first subsection
			continue
		}
		if p, ok := b.(para); ok {
			if m := r.measure(p); m <= few && paras+m <= 2*few {
				need += m
				paras += m
				continue
			}
		}
		if g, ok := b.(group); ok && need+r.measure(g) <= usable {
			need += r.measure(g)
		} else {
			need += few
		}
		break
	}
	r.ensure(need)
	r.kept = true
}

func headingStyle(level int) (size, before, after float64) {
	if level <= 1 {
		return 16, 6, 4
	}
	return 12, 4, 1.5
}

func (r *renderer) heading(h heading) {
	size, before, after := headingStyle(h.level)
	// Keep a heading with at least a few lines of what follows, unless
	// keepWithNext already measured what does follow.
	if r.kept {
		r.kept = false
		r.ensure(r.measure(h))
	} else {
		r.ensure(before + lineH(size) + after + 4*lineH(bodySize))
	}
	if !r.atTop() {
		r.p.SetY(r.y() + before)
	}
	r.drawRow([]cell{r.cellOf(h.text, margin, textW, bold, size, accent)}, 0, 0, nil)
	if h.level <= 1 {
		r.hline(r.y()+1, 0.4)
		r.p.SetY(r.y() + 1)
	}
	r.p.SetY(r.y() + after)
}

// measure is the height a block takes when drawn on one page.
func (r *renderer) measure(b block) float64 {
	switch b := b.(type) {
	case heading:
		size, before, after := headingStyle(b.level)
		r.font(bold, size, accent)
		return before + float64(len(r.split(b.text, textW)))*lineH(size) + after + 1
	case para:
		size := b.size
		if size == 0 {
			size = bodySize
		}
		r.font(b.face, size, ink)
		return float64(len(r.split(b.text, textW)))*lineH(size) + 1.5
	case fields:
		h := 1.0
		for _, f := range b {
			h += rowHeight([]cell{
				r.cellOf(f.label, margin, labelW-3, bold, bodySize, muted),
				r.cellOf(f.value, margin+labelW, textW-labelW, regular, bodySize, ink),
			}) + fieldGap
		}
		return h
	case writeLines:
		return lineH(bodySize) + 9*float64(b.n) + 3
	case spacer:
		return float64(b)
	case rule:
		return 3
	case picture:
		// The least it takes: picture shrinks to 70 % rather than break.
		return min(textW*b.aspect, maxPicture)*0.7 + 3
	case group:
		h := 0.0
		for _, sub := range b {
			h += r.measure(sub)
		}
		return h
	case float:
		return 0 // it never holds up the text around it
	}
	return 0 // tables and signatures place their own breaks
}

func (r *renderer) table(t table) {
	widths := make([]float64, len(t.cols))
	xs := make([]float64, len(t.cols))
	x := margin
	for i, c := range t.cols {
		xs[i], widths[i] = x, c.width*textW
		x += widths[i]
	}
	header := func() {
		cells := make([]cell, len(t.cols))
		for i, c := range t.cols {
			cells[i] = r.cellOf(c.title, xs[i]+padX, widths[i]-2*padX, bold, smallSize, ink)
		}
		h := rowHeight(cells) + 2*padY
		r.ensure(h + 2*lineH(bodySize))
		r.p.SetFillColor(shade.r, shade.g, shade.b)
		r.p.Rect(margin, r.y(), textW, h, "F")
		r.drawRow(cells, padY, padY, nil)
	}
	header()
	for i, row := range t.rows {
		cells := make([]cell, len(t.cols))
		for j := range t.cols {
			text := ""
			if j < len(row) {
				text = row[j]
			}
			f := regular
			if t.strong != nil && t.strong(i, j) {
				f = bold
			}
			cells[j] = r.cellOf(text, xs[j]+padX, widths[j]-2*padX, f, 9, ink)
		}
		r.drawRow(cells, padY, padY, header)
		r.hline(r.y(), 0.15)
	}
	r.p.SetY(r.y() + 3)
}

func (r *renderer) picture(pic picture) {
	w, h := textW, textW*pic.aspect
	if h > maxPicture {
		w, h = maxPicture/pic.aspect, maxPicture
	}
	// Shrink a little rather than leave the rest of the page empty (measure
	// counts on this).
	if room := r.room(); h > room && h*0.7 <= room {
		w, h = room/pic.aspect, room
	}
	r.ensure(h)
	if pic.vector != nil {
		drawChart(r.p, *pic.vector, margin+(textW-w)/2, r.y(), w)
		r.p.SetY(r.y() + h + 3)
		return
	}
	opt := gofpdf.ImageOptions{ImageType: "PNG"}
	r.p.RegisterImageOptionsReader(pic.name, opt, bytes.NewReader(pic.png))
	r.p.ImageOptions(pic.name, margin+(textW-w)/2, r.y(), w, h, false, opt, 0, "")
	r.p.SetY(r.y() + h + 3)
}

func (r *renderer) signatures(labels signatures) {
	if len(labels) == 0 {
		return
	}
	const gap, room = 10.0, 20.0
	h := room + lineH(bodySize) + 2
	r.ensure(h)
	w := (textW - gap*float64(len(labels)-1)) / float64(len(labels))
	top := r.y()
	for i, l := range labels {
		x := margin + float64(i)*(w+gap)
		r.p.SetDrawColor(ink.r, ink.g, ink.b)
		r.p.SetLineWidth(0.3)
		r.p.Line(x, top+room, x+w, top+room)
		r.font(regular, 9, muted)
		r.p.SetXY(x, top+room+1)
		r.p.CellFormat(w, lineH(9), clean(l), "", 0, "L", false, 0, "")
	}
	r.p.SetY(top + h + 2)
}
