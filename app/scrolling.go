package app

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zelfscan/app/widgets"
)

// Fyne does not scroll to the control that gains the keyboard focus; these
// helpers do.

// focusScroll is a vertical scroll around content whose buttons and
// entries scroll into view when Tab reaches them.
func focusScroll(content fyne.CanvasObject) *container.Scroll {
	s := container.NewVScroll(content)
	followFocus(s, content)
	return s
}

// followFocus makes our buttons and entries inside root scroll s when they
// gain the focus (ones that already do something on focus keep it), and
// the mouse wheel over an entry scroll s. It looks into containers and
// cards, which is where the screens put them.
func followFocus(s *container.Scroll, root fyne.CanvasObject) {
	switch o := root.(type) {
	case *widgets.KeyButton:
		if o.OnFocus == nil {
			o.OnFocus = func() { scrollIntoView(s, o) }
		}
	case *shortcutEntry:
		o.page = s
		if o.onFocus == nil {
			o.onFocus = func() { scrollIntoView(s, o) }
		}
	case *fyne.Container:
		for _, c := range o.Objects {
			followFocus(s, c)
		}
	case *widget.Card:
		followFocus(s, o.Content)
	case *widgets.InViewColumn:
		for _, b := range o.Blocks() {
			followFocus(s, b)
		}
	}
}

// scrollIntoView scrolls s so that obj, somewhere inside its content, is
// fully visible: Fyne does not follow the keyboard focus by itself.
func scrollIntoView(s *container.Scroll, obj fyne.CanvasObject) {
	scrollIntoViewTries(s, obj, 10)
}

// scrollRetry is how long to wait for a screen just built to be drawn.
const scrollRetry = 30 * time.Millisecond

// scrollIntoViewTries does the work of scrollIntoView. The driver knows
// where an object is only once it has been drawn; a screen built a moment
// ago (the plan after adding an action) has not been yet, so it tries again
// shortly, a few times, instead of scrolling to the top.
func scrollIntoViewTries(s *container.Scroll, obj fyne.CanvasObject, tries int) {
	d := fyne.CurrentApp().Driver()
	if d.CanvasForObject(obj) == nil {
		if tries > 0 {
			time.AfterFunc(scrollRetry, func() {
				fyne.Do(func() { scrollIntoViewTries(s, obj, tries-1) })
			})
		}
		return
	}
	top := d.AbsolutePositionForObject(obj).Y - d.AbsolutePositionForObject(s.Content).Y
	bottom := top + obj.Size().Height
	offset := s.Offset
	switch {
	case top < s.Offset.Y:
		offset.Y = top
	case bottom > s.Offset.Y+s.Size().Height:
		offset.Y = bottom - s.Size().Height
	default:
		return
	}
	scrollTo(s, offset)
}

// pageScroll moves the screen's main scroll (the tallest vertical one in
// root's containers) a view's height down or up, less a little so the
// reader keeps their place.
func pageScroll(root fyne.CanvasObject, down bool) {
	main := mainScroll(root)
	if main == nil {
		return
	}
	step := main.Size().Height * 0.9
	if !down {
		step = -step
	}
	limit := max(main.Content.MinSize().Height-main.Size().Height, 0)
	scrollTo(main, fyne.NewPos(main.Offset.X, min(max(main.Offset.Y+step, 0), limit)))
}

// mainScroll is the tallest visible vertical scroll among obj and the
// containers inside it, where the screens put theirs; nil when there is none.
func mainScroll(obj fyne.CanvasObject) *container.Scroll {
	if obj == nil || !obj.Visible() {
		return nil
	}
	switch o := obj.(type) {
	case *container.Scroll:
		if o.Direction == container.ScrollVerticalOnly {
			return o
		}
	case *fyne.Container:
		var tallest *container.Scroll
		for _, c := range o.Objects {
			if s := mainScroll(c); s != nil && (tallest == nil || s.Size().Height > tallest.Size().Height) {
				tallest = s
			}
		}
		return tallest
	}
	return nil
}

// scrollTo moves s to offset and tells s.OnScrolled, as a scroll by the
// user does (Fyne's ScrollToOffset does not), so that a column that draws
// only what is near the view (widgets.InViewColumn) follows. It moves the view
// only: Scroll.Refresh would refresh all of the content, every label
// shaped and drawn again on the UI goroutine, at each focus change (on
// the review of a long plan that held up the window).
func scrollTo(s *container.Scroll, offset fyne.Position) {
	s.ScrollToOffset(offset)
	if s.OnScrolled != nil {
		s.OnScrolled(s.Offset)
	}
}

// scrollMargin keeps a vertical scroll bar, which Fyne draws over the
// content, off the buttons at its right edge: put it to the right of the
// content, inside the scroll.
func scrollMargin() fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(theme.Padding()*2, 0))
	return r
}
