package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Fyne v2.7.1's RadioGroup ignores the arrow keys (radioItem.TypedKey is
// empty); levelPicker is the scan's keyboard-friendly replacement.

// levelPicker lets the user choose one level of the scale. It looks like a
// horizontal radio group but is one focus stop: the arrow keys move the
// choice, Space picks the first level when none is chosen.
type levelPicker struct {
	widget.BaseWidget
	options  []*levelOption
	selected int // -1: no answer yet
	focused  bool
	// onChanged is asked to save a new choice; false keeps the old one.
	onChanged func(index int) bool
	// onFocus runs when the picker gains the focus (to scroll it into view).
	onFocus func()
}

func newLevelPicker(labels []string, selected int, onChanged func(int) bool) *levelPicker {
	p := &levelPicker{selected: selected, onChanged: onChanged}
	for i, l := range labels {
		p.options = append(p.options, newLevelOption(p, i, l))
	}
	p.ExtendBaseWidget(p)
	p.update()
	return p
}

// choose asks to select index and shows the outcome.
func (p *levelPicker) choose(index int) {
	if index < 0 || index >= len(p.options) || index == p.selected {
		return
	}
	if p.onChanged != nil && !p.onChanged(index) {
		return
	}
	p.selected = index
	p.update()
}

func (p *levelPicker) update() {
	for i, o := range p.options {
		o.setChecked(i == p.selected)
	}
	p.Refresh()
}

// FocusGained shows the focus ring.
func (p *levelPicker) FocusGained() {
	p.focused = true
	p.Refresh()
	if p.onFocus != nil {
		p.onFocus()
	}
}

// FocusLost hides the focus ring.
func (p *levelPicker) FocusLost() { p.focused = false; p.Refresh() }

// TypedRune picks the first level on Space when nothing is chosen yet.
func (p *levelPicker) TypedRune(r rune) {
	if r == ' ' && p.selected < 0 {
		p.choose(0)
	}
}

// TypedKey moves the choice with the arrow keys, Home and End.
func (p *levelPicker) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyRight, fyne.KeyDown:
		if p.selected < 0 {
			p.choose(0)
		} else {
			p.choose(p.selected + 1)
		}
	case fyne.KeyLeft, fyne.KeyUp:
		if p.selected < 0 {
			p.choose(0)
		} else {
			p.choose(p.selected - 1)
		}
	case fyne.KeyHome:
		p.choose(0)
	case fyne.KeyEnd:
		p.choose(len(p.options) - 1)
	}
}

func (p *levelPicker) CreateRenderer() fyne.WidgetRenderer {
	ring := canvas.NewRectangle(color.Transparent)
	ring.CornerRadius = theme.InputRadiusSize()
	ring.StrokeWidth = 2
	objs := make([]fyne.CanvasObject, len(p.options))
	for i, o := range p.options {
		objs[i] = o
	}
	row := container.New(&wrapRow{}, objs...)
	return &levelPickerRenderer{p: p, ring: ring, row: row}
}

type levelPickerRenderer struct {
	p    *levelPicker
	ring *canvas.Rectangle
	row  *fyne.Container
}

func (r *levelPickerRenderer) Layout(s fyne.Size) {
	r.ring.Resize(s)
	r.row.Resize(s)
}

func (r *levelPickerRenderer) MinSize() fyne.Size { return r.row.MinSize() }

func (r *levelPickerRenderer) Refresh() {
	r.ring.StrokeColor = color.Transparent
	if r.p.focused {
		r.ring.StrokeColor = theme.Color(theme.ColorNamePrimary)
	}
	r.ring.Refresh()
	r.row.Refresh()
}

func (r *levelPickerRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.ring, r.row}
}

func (r *levelPickerRenderer) Destroy() {}

// levelOption is one tappable level inside a levelPicker.
type levelOption struct {
	widget.BaseWidget
	picker  *levelPicker
	index   int
	icon    *widget.Icon
	label   *widget.Label
	hovered bool
	bg      *canvas.Rectangle
}

func newLevelOption(p *levelPicker, index int, label string) *levelOption {
	o := &levelOption{picker: p, index: index,
		icon: widget.NewIcon(theme.RadioButtonIcon()), label: widget.NewLabel(label),
		bg: canvas.NewRectangle(color.Transparent)}
	o.bg.CornerRadius = theme.InputRadiusSize()
	o.ExtendBaseWidget(o)
	return o
}

func (o *levelOption) setChecked(on bool) {
	if on {
		o.icon.SetResource(theme.NewPrimaryThemedResource(theme.RadioButtonCheckedIcon()))
		o.label.TextStyle.Bold = true
	} else {
		o.icon.SetResource(theme.RadioButtonIcon())
		o.label.TextStyle.Bold = false
	}
	o.label.Refresh()
}

// Tapped chooses this level and gives the picker the focus, so the arrow
// keys carry on from here.
func (o *levelOption) Tapped(*fyne.PointEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(o.picker); c != nil {
		c.Focus(o.picker)
	}
	o.picker.choose(o.index)
}

// MouseIn, MouseMoved and MouseOut give hover feedback.
func (o *levelOption) MouseIn(*desktop.MouseEvent) { o.hovered = true; o.Refresh() }

func (o *levelOption) MouseMoved(*desktop.MouseEvent) {}

func (o *levelOption) MouseOut() { o.hovered = false; o.Refresh() }

// Cursor shows a hand: the whole option is clickable.
func (o *levelOption) Cursor() desktop.Cursor { return desktop.PointerCursor }

func (o *levelOption) CreateRenderer() fyne.WidgetRenderer {
	box := container.NewStack(o.bg, container.NewHBox(o.icon, o.label))
	return &hoverRenderer{WidgetRenderer: widget.NewSimpleRenderer(box), o: o}
}

type hoverRenderer struct {
	fyne.WidgetRenderer
	o *levelOption
}

func (r *hoverRenderer) Refresh() {
	r.o.bg.FillColor = color.Transparent
	if r.o.hovered {
		r.o.bg.FillColor = theme.Color(theme.ColorNameHover)
	}
	r.WidgetRenderer.Refresh()
}

// wrapRow lays its objects out left to right and wraps to a new line when
// the width runs out, so long level labels never clip.
type wrapRow struct {
	width float32 // width of the last layout, for MinSize
}

func (l *wrapRow) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	x, y, rowH := float32(0), float32(0), float32(0)
	for _, o := range objs {
		m := o.MinSize()
		if x > 0 && x+m.Width > size.Width {
			x, y, rowH = 0, y+rowH+theme.Padding(), 0
		}
		o.Move(fyne.NewPos(x, y))
		o.Resize(m)
		x += m.Width + theme.Padding()
		rowH = max(rowH, m.Height)
	}
}

func (l *wrapRow) MinSize(objs []fyne.CanvasObject) fyne.Size {
	// Height depends on the width given; before the first layout assume one row.
	x, y, rowH, widest := float32(0), float32(0), float32(0), float32(0)
	for _, o := range objs {
		m := o.MinSize()
		widest = max(widest, m.Width)
		if x > 0 && l.width > 0 && x+m.Width > l.width {
			x, y, rowH = 0, y+rowH+theme.Padding(), 0
		}
		x += m.Width + theme.Padding()
		rowH = max(rowH, m.Height)
	}
	return fyne.NewSize(widest, y+rowH)
}
