package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestLevelPickerKeys(t *testing.T) {
	key := func(name fyne.KeyName) func(p *LevelPicker) {
		return func(p *LevelPicker) { p.TypedKey(&fyne.KeyEvent{Name: name}) }
	}
	char := func(r rune) func(p *LevelPicker) { return func(p *LevelPicker) { p.TypedRune(r) } }
	cases := []struct {
		name       string
		start      int // selected index before, -1 for none
		press      func(p *LevelPicker)
		want       int
		movedOn    bool // the picker asked to move to the next statement
		savedCalls int
	}{
		{"→ without an answer picks the lowest level", -1, key(fyne.KeyRight), 0, false, 1},
		{"← without an answer picks the lowest level", -1, key(fyne.KeyLeft), 0, false, 1},
		{"→ moves one level up", 1, key(fyne.KeyRight), 2, false, 1},
		{"↓ moves one level up like →", 1, key(fyne.KeyDown), 2, false, 1},
		{"← moves one level down", 2, key(fyne.KeyLeft), 1, false, 1},
		{"→ on the highest level stays", 3, key(fyne.KeyRight), 3, false, 0},
		{"← on the lowest level stays", 0, key(fyne.KeyLeft), 0, false, 0},
		{"Home picks the lowest level", 2, key(fyne.KeyHome), 0, false, 1},
		{"End picks the highest level", -1, key(fyne.KeyEnd), 3, false, 1},
		{"Space without an answer picks nothing", -1, char(' '), -1, false, 0},
		{"Space on an answer keeps it", 2, char(' '), 2, false, 0},
		{"a number picks its level and moves on", -1, char('2'), 2, true, 1},
		{"the number of the chosen level moves on without saving again", 2, char('2'), 2, true, 0},
		{"a number beyond the scale does nothing", 1, char('4'), 1, false, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			test.NewTempApp(t)
			saved, movedOn := 0, false
			p := NewLevelPicker([]int{0, 1, 2, 3}, c.start, func(int) bool { saved++; return true })
			p.OnNumber = func() { movedOn = true }
			c.press(p)
			if p.selected != c.want || movedOn != c.movedOn || saved != c.savedCalls {
				t.Errorf("selected %d, moved on %v, saved %d times; want %d, %v, %d",
					p.selected, movedOn, saved, c.want, c.movedOn, c.savedCalls)
			}
		})
	}
	t.Run("a refused save keeps the old choice and does not move on", func(t *testing.T) {
		test.NewTempApp(t)
		movedOn := false
		p := NewLevelPicker([]int{0, 1, 2, 3}, 1, func(int) bool { return false })
		p.OnNumber = func() { movedOn = true }
		p.TypedRune('3')
		if p.selected != 1 || movedOn {
			t.Errorf("selected %d, moved on %v; want 1 and no move", p.selected, movedOn)
		}
	})
}

// The selected option is drawn bold, but every option keeps its column:
// choosing never moves the others.
func TestLevelPickerColumnsDoNotMove(t *testing.T) {
	test.NewTempApp(t)
	p := NewLevelPicker([]int{0, 1, 2, 3}, -1, func(int) bool { return true })
	w := test.NewWindow(p)
	defer w.Close()
	w.Resize(fyne.NewSize(600, 100))
	before := make([]fyne.Position, len(p.options))
	for i, o := range p.options {
		before[i] = o.Position()
	}
	p.choose(1)
	for i, o := range p.options {
		if o.Position() != before[i] || o.Size().Width != LevelColumnWidth {
			t.Errorf("option %d at %v width %v after choosing, was at %v", i, o.Position(), o.Size().Width, before[i])
		}
	}
}
