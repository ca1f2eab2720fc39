package app

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zelfscan/plans/plaintext"
)

// Fyne v2.7.1 widgets lack some keys the scan needs: a RadioGroup's items
// ignore the arrow keys (radioItem.TypedKey is empty), a Button reacts to
// Space but not Enter, and a focused Entry swallows every shortcut. The
// small types here fill those gaps.

// shortcutKey names a shortcut the way the window's table does.
func shortcutKey(s fyne.Shortcut) string { return s.ShortcutName() }

// addShortcut registers a window shortcut that also works while an entry of
// ours has the focus.
func (u *UI) addShortcut(s *desktop.CustomShortcut, run func()) {
	if u.shortcuts == nil {
		u.shortcuts = map[string]func(){}
	}
	u.shortcuts[shortcutKey(s)] = run
	u.win.Canvas().AddShortcut(s, func(fyne.Shortcut) { run() })
}

// keyButton is a Button that Enter and Return activate as well as Space.
type keyButton struct {
	widget.Button
	// onFocus, when set, runs when the button gains the focus (to scroll
	// it into view).
	onFocus func()
}

func newKeyButton(label string, tapped func()) *keyButton {
	b := &keyButton{}
	b.Text = label
	b.OnTapped = tapped
	b.ExtendBaseWidget(b)
	return b
}

// newIconKeyButton is newKeyButton with an icon, in place of
// widget.NewButtonWithIcon.
func newIconKeyButton(label string, icon fyne.Resource, tapped func()) *keyButton {
	b := newKeyButton(label, tapped)
	b.Icon = icon
	return b
}

// FocusGained lets the screen scroll the button into view.
func (b *keyButton) FocusGained() {
	b.Button.FocusGained()
	if b.onFocus != nil {
		b.onFocus()
	}
}

// TypedKey activates the button on Enter and Return.
func (b *keyButton) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter {
		b.Tapped(nil)
		return
	}
	b.Button.TypedKey(ev)
}

// shortcutEntry is an Entry that passes the window's shortcuts on instead of
// swallowing them, and lets Tab move on even when it is multi-line (a
// reflection note has no use for tab characters).
type shortcutEntry struct {
	widget.Entry
	u *UI
	// onFocusLost, when set, runs after the entry loses the focus.
	onFocusLost func()
	// onFocus, when set, runs when the entry gains the focus.
	onFocus func()
}

func newShortcutEntry(u *UI, multiLine bool) *shortcutEntry {
	e := &shortcutEntry{u: u}
	e.MultiLine = multiLine
	e.Wrapping = fyne.TextWrapWord
	if !multiLine {
		e.Wrapping = fyne.TextWrapOff
	}
	e.ExtendBaseWidget(e)
	return e
}

// AcceptsTab is false so Tab moves the focus to the next control.
func (e *shortcutEntry) AcceptsTab() bool { return false }

// FocusGained lets the screen scroll the entry into view.
func (e *shortcutEntry) FocusGained() {
	e.Entry.FocusGained()
	if e.onFocus != nil {
		e.onFocus()
	}
}

// FocusLost lets the screen save what was typed.
func (e *shortcutEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onFocusLost != nil {
		e.onFocusLost()
	}
}

// TypedShortcut runs our own shortcuts and leaves the rest to the Entry.
// Pasted text loses its control characters (a NUL from another program
// would make the plan file unreadable), without changing the clipboard.
func (e *shortcutEntry) TypedShortcut(s fyne.Shortcut) {
	if run, ok := e.u.shortcuts[shortcutKey(s)]; ok {
		run()
		return
	}
	if p, ok := s.(*fyne.ShortcutPaste); ok && p.Clipboard != nil {
		s = &fyne.ShortcutPaste{Clipboard: cleanClipboard{p.Clipboard}}
	}
	e.Entry.TypedShortcut(s)
}

// TypedRune drops control characters typed or sent by an input method.
func (e *shortcutEntry) TypedRune(r rune) {
	if !plaintext.IsControl(r) {
		e.Entry.TypedRune(r)
	}
}

// cleanClipboard hands out the clipboard's text without control characters.
type cleanClipboard struct{ fyne.Clipboard }

func (c cleanClipboard) Content() string { return plaintext.StripControls(c.Clipboard.Content()) }

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
	switch {
	case top < s.Offset.Y:
		s.Offset.Y = top
	case bottom > s.Offset.Y+s.Size().Height:
		s.Offset.Y = bottom - s.Size().Height
	default:
		return
	}
	s.Refresh()
}
