package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
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
// gain the focus; ones that already do something on focus keep it. It looks
// into containers and cards, which is where the screens put them.
func followFocus(s *container.Scroll, root fyne.CanvasObject) {
	switch o := root.(type) {
	case *keyButton:
		if o.onFocus == nil {
			o.onFocus = func() { scrollIntoView(s, o) }
		}
	case *shortcutEntry:
		if o.onFocus == nil {
			o.onFocus = func() { scrollIntoView(s, o) }
		}
	case *fyne.Container:
		for _, c := range o.Objects {
			followFocus(s, c)
		}
	case *widget.Card:
		followFocus(s, o.Content)
	case *inViewColumn:
		for _, b := range o.blocks {
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

// scrollTo moves s to offset and tells s.OnScrolled, as a scroll by the
// user does (Fyne's ScrollToOffset does not), so that a column that draws
// only what is near the view (inViewColumn) follows. It moves the view
// only: Scroll.Refresh would refresh all of the content, every label
// shaped and drawn again on the UI goroutine, at each focus change (on
// the review of a long plan that held up the window).
func scrollTo(s *container.Scroll, offset fyne.Position) {
	s.ScrollToOffset(offset)
	if s.OnScrolled != nil {
		s.OnScrolled(s.Offset)
	}
}
