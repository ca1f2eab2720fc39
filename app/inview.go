package app

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// inViewColumn is a column of blocks, the content of a vertical scroll (or
// at the top of it), of which only the blocks in or near the visible part
// are in the widget tree. Fyne draws
// every object in the tree, also those scrolled out of view, and rasterises
// all their text first: the results of the longest scan, twenty gaps with
// their statements, took 600 ms to appear. The column lays its blocks out
// like a VBox and keeps the others out of the tree until a scroll brings
// them near, so they cannot take the keyboard focus either: use it only for
// blocks without controls.
type inViewColumn struct {
	widget.BaseWidget
	blocks []fyne.CanvasObject
	scroll *container.Scroll
	// drawn are the blocks in the tree; tops is where each block starts.
	drawn []fyne.CanvasObject
	tops  []float32
	// kept are blocks with controls, always in the tree so that Tab finds them.
	kept map[fyne.CanvasObject]bool
}

// newInViewColumn makes a column of blocks to put at the top of scroll,
// and has the scroll update it as it moves.
func newInViewColumn(scroll *container.Scroll, blocks []fyne.CanvasObject, kept ...fyne.CanvasObject) *inViewColumn {
	c := &inViewColumn{blocks: blocks, scroll: scroll, kept: map[fyne.CanvasObject]bool{}}
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

// visibleRange is the part of the column that is in view or within one
// view's height of it; the column is the scroll's content, or at its top.
// Before the scroll has a size (a test without a window) all of it is.
func (c *inViewColumn) visibleRange() (top, bottom float32, ok bool) {
	view := c.scroll.Size().Height
	if view <= 0 {
		return 0, 0, false
	}
	return c.scroll.Offset.Y - view, c.scroll.Offset.Y + 2*view, true
}

// update puts the blocks near the view into the tree and takes the others
// out.
func (c *inViewColumn) update() {
	if len(c.tops) != len(c.blocks) {
		return // not laid out yet
	}
	top, bottom, ok := c.visibleRange()
	var drawn []fyne.CanvasObject
	for i, b := range c.blocks {
		if !ok || c.kept[b] || (c.tops[i]+b.Size().Height >= top && c.tops[i] <= bottom) {
			drawn = append(drawn, b)
		}
	}
	if !slices.Equal(drawn, c.drawn) {
		c.drawn = drawn
		c.Refresh()
	}
}

func (c *inViewColumn) CreateRenderer() fyne.WidgetRenderer {
	return &inViewRenderer{c: c}
}

type inViewRenderer struct{ c *inViewColumn }

// Layout places every block, drawn or not, as a VBox would (hidden blocks
// too: they keep their place).
func (r *inViewRenderer) Layout(size fyne.Size) {
	c := r.c
	c.tops = c.tops[:0]
	y := float32(0)
	for _, b := range c.blocks {
		h := b.MinSize().Height
		b.Move(fyne.NewPos(0, y))
		b.Resize(fyne.NewSize(size.Width, h))
		c.tops = append(c.tops, y)
		y += h + theme.Padding()
	}
	c.update()
}

func (r *inViewRenderer) MinSize() fyne.Size {
	var w, h float32
	for i, b := range r.c.blocks {
		m := b.MinSize()
		w = max(w, m.Width)
		h += m.Height
		if i > 0 {
			h += theme.Padding()
		}
	}
	return fyne.NewSize(w, h)
}

func (r *inViewRenderer) Objects() []fyne.CanvasObject { return r.c.drawn }
func (r *inViewRenderer) Refresh()                     {}
func (r *inViewRenderer) Destroy()                     {}
