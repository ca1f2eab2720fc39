package widgets

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Fyne v2.7.1's RadioGroup ignores the arrow keys (radioItem.TypedKey is
// empty); LevelPicker is the scan's keyboard-friendly replacement.

// LevelColumnWidth is the width of one level's column, in the picker and in
// the header row above the statements; the same for every level, so the
// bold selected option never moves the others.
const LevelColumnWidth = 118

// LevelPicker lets the user choose one level of the scale. It looks like a
// row of radio buttons under the column headings, but is one focus stop:
// the arrow keys move the choice, a number key picks that level.
type LevelPicker struct {
	widget.BaseWidget
	options  []*levelOption
	values   []int // the scale value of each option
	selected int   // index into options; -1: no answer yet
	focused  bool
	// onChanged is asked to save a new choice; false keeps the old one.
	onChanged func(index int) bool
	// OnFocus runs when the picker gains the focus (to scroll it into view).
	OnFocus func()
	// OnFocusLost runs when the picker loses the focus.
	OnFocusLost func()
	// OnNumber runs after a number key chose a level (to move on).
	OnNumber func()
	// OnText, when set, gets the characters that are no level's number
	// (to write them where text belongs rather than lose them).
	OnText func(r rune)
}

// NewLevelPicker shows one option per scale value; selected is an index
// into values, -1 for none.
func NewLevelPicker(values []int, selected int, onChanged func(int) bool) *LevelPicker {
	p := &LevelPicker{values: values, selected: selected, onChanged: onChanged}
	for i, v := range values {
		p.options = append(p.options, newLevelOption(p, i, strconv.Itoa(v)))
	}
	p.ExtendBaseWidget(p)
	p.update()
	return p
}

// Answered reports whether a level is chosen.
func (p *LevelPicker) Answered() bool { return p.selected >= 0 }

// Selected is the index of the chosen level, -1 for none.
func (p *LevelPicker) Selected() int { return p.selected }

// Option is the tappable option of the level at index, for tests that
// click it.
func (p *LevelPicker) Option(index int) fyne.Tappable { return p.options[index] }

// choose asks to select index and shows the outcome; it reports whether
// index is the choice afterwards.
func (p *LevelPicker) choose(index int) bool {
	if index < 0 || index >= len(p.options) {
		return false
	}
	if index == p.selected {
		return true
	}
	if p.onChanged != nil && !p.onChanged(index) {
		return false
	}
	p.selected = index
	p.update()
	return true
}

func (p *LevelPicker) update() {
	for i, o := range p.options {
		o.setChecked(i == p.selected)
	}
	p.Refresh()
}

// FocusGained shows the focus ring.
func (p *LevelPicker) FocusGained() {
	p.focused = true
	p.Refresh()
	if p.OnFocus != nil {
		p.OnFocus()
	}
}

// FocusLost hides the focus ring.
func (p *LevelPicker) FocusLost() {
	p.focused = false
	p.Refresh()
	if p.OnFocusLost != nil {
		p.OnFocusLost()
	}
}

// TypedRune picks the level of a number key. Space picks nothing: it is
// the key that activates buttons, and a stray one must never answer
// "Nog niet" in the user's name.
func (p *LevelPicker) TypedRune(r rune) {
	for i, v := range p.values {
		if strconv.Itoa(v) == string(r) {
			if p.choose(i) && p.OnNumber != nil {
				p.OnNumber()
			}
			return
		}
	}
	if p.OnText != nil && r != ' ' {
		p.OnText(r)
	}
}

// TypedKey moves the choice with the arrow keys, Home and End; other keys
// (Escape) go to the window.
func (p *LevelPicker) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyRight, fyne.KeyDown:
		p.choose(p.selected + 1)
	case fyne.KeyLeft, fyne.KeyUp:
		p.choose(max(p.selected-1, 0))
	case fyne.KeyHome:
		p.choose(0)
	case fyne.KeyEnd:
		p.choose(len(p.options) - 1)
	default:
		ToWindow(p, ev)
	}
}

func (p *LevelPicker) CreateRenderer() fyne.WidgetRenderer {
	ring := canvas.NewRectangle(color.Transparent)
	ring.CornerRadius = theme.InputRadiusSize()
	ring.StrokeWidth = 2
	objs := make([]fyne.CanvasObject, len(p.options))
	for i, o := range p.options {
		objs[i] = o
	}
	row := container.New(LevelColumns{}, objs...)
	return &levelPickerRenderer{p: p, ring: ring, row: row}
}

type levelPickerRenderer struct {
	p    *LevelPicker
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

// levelOption is one tappable level inside a LevelPicker.
type levelOption struct {
	widget.BaseWidget
	picker  *LevelPicker
	index   int
	icon    *widget.Icon
	label   *widget.Label
	hovered bool
	bg      *canvas.Rectangle
}

func newLevelOption(p *LevelPicker, index int, label string) *levelOption {
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
	box := container.NewStack(o.bg, container.NewCenter(container.NewHBox(o.icon, o.label)))
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

// LevelColumns lays its objects out as the scale's columns, each
// LevelColumnWidth wide and as high as the highest: the picker's options
// and the headings above them line up.
type LevelColumns struct{}

func (LevelColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for i, o := range objs {
		o.Move(fyne.NewPos(float32(i)*LevelColumnWidth, 0))
		o.Resize(fyne.NewSize(LevelColumnWidth, size.Height))
	}
}

func (LevelColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(LevelColumnWidth*float32(len(objs)), h)
}
