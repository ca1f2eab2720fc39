package app

import (
	"fmt"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"zelfscan/overview/sample"
	"zelfscan/plans"
	"zelfscan/workspace"
)

// refreshCounter is a label that counts its refreshes.
type refreshCounter struct {
	widget.Label
	n int
}

func (r *refreshCounter) Refresh() {
	r.n++
	r.Label.Refresh()
}

// Following the focus moves the view and nothing else: refreshing the
// content would shape and draw every text on the screen again.
func TestFollowingTheFocusRefreshesNoContent(t *testing.T) {
	test.NewTempApp(t)
	counter := &refreshCounter{}
	counter.Text = "tekst"
	counter.ExtendBaseWidget(counter)
	box := container.NewVBox(counter)
	for i := range 40 {
		box.Add(widget.NewLabel(fmt.Sprint("regel ", i)))
	}
	field := newShortcutEntry(nil, false)
	box.Add(field)
	scroll := focusScroll(box)
	w := test.NewWindow(scroll)
	defer w.Close()
	w.Resize(fyne.NewSize(400, 300))
	before := counter.n
	w.Canvas().Focus(field)
	if scroll.Offset.Y == 0 {
		t.Fatal("the focused field at the bottom did not scroll into view")
	}
	if counter.n != before {
		t.Errorf("following the focus refreshed the content %d times", counter.n-before)
	}
}

// Wheel-scrolling the review of a long plan and typing an answer between
// the wheel turns finishes in good time; a hang shows where it stuck.
func TestReviewWheelAndTypingDoNotHang(t *testing.T) {
	fw, cat, err := plans.LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "lang.zelfscan")
	most := -1
	for i := range 60 {
		f, err := sample.Plan(fw, cat, 1, i)
		if err != nil {
			t.Fatal(err)
		}
		if len(f.Actions) > most {
			most = len(f.Actions)
			if err := workspace.WritePlanFile(path, f); err != nil {
				t.Fatal(err)
			}
		}
	}
	sup := newUIFixture(t)
	sup.w.Resize(fyne.NewSize(1024, 700))
	rs := openReview(t, sup, path)
	var scroll *container.Scroll
	for _, s := range findAll[*container.Scroll](sup.w) {
		if scroll == nil || s.Content.MinSize().Height > scroll.Content.MinSize().Height {
			scroll = s
		}
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for id, e := range rs.gapNotes {
			sup.w.Canvas().Focus(e)
			for range 20 {
				scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -120)})
				if f := sup.w.Canvas().Focused(); f != nil {
					f.TypedRune('x')
				}
			}
			if len(e.Text) != 20 {
				t.Errorf("the answer on %s reads %q after 20 letters", id, e.Text)
			}
		}
	}()
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		buf := make([]byte, 1<<20)
		t.Fatalf("wheel and typing on a review of %d actions still busy after 60 s:\n%s", most, buf[:runtime.Stack(buf, true)])
	}
}

// The mouse wheel over a text field that has no focus scrolls the page, as
// it does elsewhere on the page; over the field being typed in it stays
// with the field.
func TestWheelOverATextFieldScrollsThePage(t *testing.T) {
	a := test.NewTempApp(t)
	pro := newProfessional(t, a, "Zoë de Vries", 0)
	path := filepath.Join(t.TempDir(), "leerplan.zelfscan")
	pro.export(t, path)
	sup := newUIFixture(t)
	sup.w.Resize(MinSize())
	rs := openReview(t, sup, path)
	page := mainScroll(sup.w.Content())
	c := sup.w.Canvas()
	for _, field := range []*shortcutEntry{rs.gapNotes[pro.gap], rs.actionNotes["a1"]} {
		scrollIntoView(page, field)
		at, _ := positionIn(c.Content(), field, fyne.Position{})
		at = at.Add(fyne.NewPos(20, 10))
		before := page.Offset.Y
		test.Scroll(c, at, 0, -40)
		if page.Offset.Y <= before {
			t.Errorf("the wheel over an unfocused field left the page at %v", page.Offset.Y)
		}
		c.Focus(field)
		at, _ = positionIn(c.Content(), field, fyne.Position{})
		at = at.Add(fyne.NewPos(20, 10))
		before = page.Offset.Y
		test.Scroll(c, at, 0, -40)
		if page.Offset.Y != before {
			t.Errorf("the wheel over the field being typed in moved the page from %v to %v", before, page.Offset.Y)
		}
		c.Unfocus()
	}
}

// positionIn is where target is in the window, found the way the window
// finds what is under the pointer: from root down, through renderers.
func positionIn(root, target fyne.CanvasObject, at fyne.Position) (fyne.Position, bool) {
	at = at.Add(root.Position())
	if root == target {
		return at, true
	}
	var children []fyne.CanvasObject
	switch o := root.(type) {
	case *fyne.Container:
		children = o.Objects
	case fyne.Widget:
		children = test.WidgetRenderer(o).Objects()
	}
	for _, ch := range children {
		if p, ok := positionIn(ch, target, at); ok {
			return p, true
		}
	}
	return at, false
}
