package widgets

import (
	"image/color"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// InViewColumn is a column of blocks, the content of a vertical scroll, of
// which only the blocks in or near the visible part are in the widget tree.
// Fyne draws every object in the tree, also those scrolled out of view, and
// rasterises all their text first: the results of the longest scan, twenty
// gaps with their statements, took 600 ms to appear. The column lays its
// blocks out like a VBox. A block is measured (its wrapped text shaped)
// when it first comes near the view; until then it counts with an
// estimated height, so the scroll's length can grow while scrolling down.
// Blocks out of the tree cannot take the keyboard focus; Tab still reaches
// them, because a control that gets the focus scrolls into view (a scroll
// made in code must call the scroll's OnScrolled to tell the column), which
// brings the blocks around it in. Kept blocks
// stay in the tree wherever the view is.
type InViewColumn struct {
	widget.BaseWidget
	blocks []fyne.CanvasObject
	scroll *container.Scroll
	// drawn are the blocks in the tree; tops is where each block starts;
	// heights are the measured heights at width, 0 for a block not
	// measured yet.
	drawn   []fyne.CanvasObject
	tops    []float32
	heights []float32
	width   float32
	// kept are blocks always in the tree.
	kept map[fyne.CanvasObject]bool
	// marker is drawn always; refreshing it has the window drawn again
	// without discarding the text of the blocks already drawn (refreshing
	// the column would).
	marker *canvas.Rectangle
	// measuring is set while update lays the column out again.
	measuring bool
}

// estimatedHeight is what a block not yet measured counts for.
const estimatedHeight = 300

// NewInViewColumn makes a column of blocks to be the content of scroll,
// and has the scroll update it as it moves.
func NewInViewColumn(scroll *container.Scroll, blocks []fyne.CanvasObject, kept ...fyne.CanvasObject) *InViewColumn {
	c := &InViewColumn{blocks: blocks, scroll: scroll, kept: map[fyne.CanvasObject]bool{},
		heights: make([]float32, len(blocks)), marker: canvas.NewRectangle(color.Transparent)}
	for _, k := range kept {
		c.kept[k] = true
	}
	c.ExtendBaseWidget(c)
	previous := scroll.OnScrolled
	scroll.OnScrolled = func(p fyne.Position) {
		if previous != nil {
			previous(p)
		}
		c.update()
	}
	return c
}

// Blocks are the column's blocks, drawn or not.
func (c *InViewColumn) Blocks() []fyne.CanvasObject { return c.blocks }

// visibleRange is the part of the column that is in view or within one
// view's height of it. Before the scroll has a size (a test without a
// window) all of it is.
func (c *InViewColumn) visibleRange() (top, bottom float32, ok bool) {
	view := c.scroll.Size().Height
	if view <= 0 {
		return 0, 0, false
	}
	return c.scroll.Offset.Y - view, c.scroll.Offset.Y + 2*view, true
}

// near reports whether block i, at top y with height h, belongs in the tree.
func (c *InViewColumn) near(i int, y, h float32) bool {
	top, bottom, ok := c.visibleRange()
	return !ok || c.kept[c.blocks[i]] || (y+h >= top && y <= bottom)
}

// update puts the blocks near the view into the tree and takes the others
// out. A block that comes near unmeasured, or that has grown or shrunk, is
// measured, and the scroll told that the column's length changed.
func (c *InViewColumn) update() {
	if len(c.tops) != len(c.blocks) || c.measuring {
		return // not laid out yet, or being laid out again
	}
	for i, b := range c.blocks {
		if c.near(i, c.tops[i], c.height(i)) && (c.heights[i] == 0 || b.MinSize().Height != c.heights[i]) {
			c.measuring = true
			c.layout(c.Size())
			c.scroll.Refresh()
			c.measuring = false
			break
		}
	}
	var drawn []fyne.CanvasObject
	for i, b := range c.blocks {
		if c.near(i, c.tops[i], c.height(i)) {
			drawn = append(drawn, b)
		}
	}
	if !slices.Equal(drawn, c.drawn) {
		c.drawn = drawn
		canvas.Refresh(c.marker)
	}
}

// height is block i's measured or estimated height.
func (c *InViewColumn) height(i int) float32 {
	if h := c.heights[i]; h > 0 {
		return h
	}
	return estimatedHeight
}

func (c *InViewColumn) CreateRenderer() fyne.WidgetRenderer {
	return &inViewRenderer{c: c}
}

type inViewRenderer struct{ c *InViewColumn }

func (r *inViewRenderer) Layout(size fyne.Size) {
	r.c.layout(size)
	r.c.update()
}

// layout places the blocks as a VBox would, measuring those near the view
// that are not measured yet at this width.
func (c *InViewColumn) layout(size fyne.Size) {
	if size.Width != c.width {
		c.width = size.Width
		clear(c.heights)
	}
	c.tops = c.tops[:0]
	y := float32(0)
	for i, b := range c.blocks {
		if c.near(i, y, c.height(i)) {
			if c.heights[i] == 0 {
				// Wrapped text is measured at the width it gets.
				b.Resize(fyne.NewSize(size.Width, estimatedHeight))
			}
			// Measured again each time: a block can grow (an accordion
			// opened in it).
			c.heights[i] = b.MinSize().Height
		}
		b.Move(fyne.NewPos(0, y))
		if c.heights[i] > 0 {
			b.Resize(fyne.NewSize(size.Width, c.heights[i]))
		}
		c.tops = append(c.tops, y)
		y += c.height(i) + theme.Padding()
	}
}

func (r *inViewRenderer) MinSize() fyne.Size {
	c := r.c
	var w, h float32
	for i, b := range c.blocks {
		if c.heights[i] > 0 {
			w = max(w, b.MinSize().Width)
		}
		h += c.height(i)
		if i > 0 {
			h += theme.Padding()
		}
	}
	return fyne.NewSize(w, h)
}

func (r *inViewRenderer) Objects() []fyne.CanvasObject {
	return append([]fyne.CanvasObject{r.c.marker}, r.c.drawn...)
}
func (r *inViewRenderer) Refresh() {}
func (r *inViewRenderer) Destroy() {}
