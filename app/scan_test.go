package app

import (
	"reflect"
	"slices"
	"strconv"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"zelfscan/app/widgets"
	"zelfscan/assessment"
)

// newScanFixture opens a fresh police self-check (uitvoerend) of the test
// framework on its first page.
func newScanFixture(t *testing.T) *uiFixture {
	t.Helper()
	f := newUIFixture(t)
	sc, err := f.u.store.CreateSelfCheck(assessment.Profile{Organisation: "politie", Function: "uitvoerend"}, "test.1", f.u.now())
	if err != nil {
		t.Fatal(err)
	}
	f.w.Resize(MinSize())
	f.u.showScan(sc.ID)
	// Leaving saves a note typed in the test and stops its timer, which
	// would otherwise fire during a later test.
	t.Cleanup(f.u.flush)
	return f
}

// pressEscape sends Escape the way the window does: to the focused widget,
// or to the window when nothing has the focus.
func pressEscape(c fyne.Canvas) {
	ev := &fyne.KeyEvent{Name: fyne.KeyEscape}
	if w := c.Focused(); w != nil {
		w.TypedKey(ev)
		return
	}
	c.OnTypedKey()(ev)
}

// dialogsOnScreen counts the dialogs (overlays) over the window.
func dialogsOnScreen(w fyne.Window) int { return len(w.Canvas().Overlays().List()) }

func TestNumberKeysRateAndMoveOn(t *testing.T) {
	cases := []struct {
		name string
		// statement is the one that has the focus; key is typed there.
		statement int
		key       rune
		// wantLevel is the stored level, -1 for none; wantFocus the statement
		// that has the focus after it, -1 for the button that pages on, -2
		// for the note.
		wantLevel, wantFocus int
	}{
		{"0 rates level 0 and moves to the next statement", 0, '0', 0, 1},
		{"3 rates level 3 and moves to the next statement", 0, '3', 3, 1},
		{"on the last statement the focus goes on to the next page's button", -1, '2', 2, -1},
		{"a number beyond the scale rates nothing and stays", 0, '7', -1, 0},
		{"a letter rates nothing and goes into the note", 0, 'a', -1, -2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newScanFixture(t)
			s := f.u.scan
			i := c.statement
			if i < 0 {
				i = len(s.pickers) - 1
			}
			f.w.Canvas().Focus(s.pickers[i])
			s.pickers[i].TypedRune(c.key)

			id := s.req[s.pos].Indicators[i].ID
			stored, err := f.u.store.SelfCheck(s.sc.ID)
			if err != nil {
				t.Fatal(err)
			}
			r, ok := stored.Ratings[id]
			switch {
			case c.wantLevel < 0 && ok:
				t.Errorf("stored level %d, want none", r.Level)
			case c.wantLevel >= 0 && (!ok || r.Level != c.wantLevel):
				t.Errorf("stored %+v (found %v), want level %d", r, ok, c.wantLevel)
			}
			var want fyne.Focusable = s.next
			switch {
			case c.wantFocus >= 0:
				want = s.pickers[c.wantFocus]
			case c.wantFocus == -2:
				want = s.note
				if s.note.Text != string(c.key) {
					t.Errorf("the note reads %q, want %q", s.note.Text, string(c.key))
				}
			}
			if got := f.w.Canvas().Focused(); got != want {
				t.Errorf("focus on %T %p, want %T %p", got, got, want, want)
			}
		})
	}
}

// Moving past a statement without answering marks it, lightly: a sign
// before it and in the jump list, never a dialog.
func TestMovingPastAnOpenStatementMarksIt(t *testing.T) {
	f := newScanFixture(t)
	s := f.u.scan
	c := f.w.Canvas()
	if s.marks[0].Resource != nil {
		t.Fatal("an untouched statement is marked")
	}
	test.FocusNext(c) // past the first statement, unanswered
	if s.marks[0].Resource == nil {
		t.Error("the statement Tab moved past is not marked")
	}
	if dialogsOnScreen(f.w) != 0 {
		t.Errorf("moving past an open statement opened a dialog: %q", visibleTexts(f.w))
	}
	test.Tap(s.pickers[0].Option(2))
	if s.marks[0].Resource != nil {
		t.Error("the mark stays after the statement was answered")
	}
	// Paging on with statements open marks the page in the jump list, and
	// its open statements when the user comes back.
	f.u.scanStep(1)
	if got := s.jump.Options[0]; got[0] != '!' {
		t.Errorf("the page left with open statements reads %q in the jump list, want a leading !", got)
	}
	f.u.scanStep(-1)
	if s.marks[0].Resource != nil || s.marks[1].Resource == nil {
		t.Errorf("back on the page: answered mark %v, open mark %v; want only the open one marked",
			s.marks[0].Resource, s.marks[1].Resource)
	}
	if dialogsOnScreen(f.w) != 0 {
		t.Errorf("paging on opened a dialog: %q", visibleTexts(f.w))
	}
}

// At the end the open statements are listed, each with a way to it.
func TestEndOfScanListsOpenStatements(t *testing.T) {
	f := newScanFixture(t)
	s := f.u.scan
	// Answer everything except one statement on the first page and one on
	// the last.
	var open []string
	for p := range s.req {
		f.u.scanGoTo(s, p)
		for i, picker := range s.pickers {
			if (p == 0 && i == 1) || (p == len(s.req)-1 && i == 0) {
				open = append(open, s.req[p].Indicators[i].Text)
				continue
			}
			test.Tap(picker.Option(1))
		}
	}
	tapButton(t, f.w, "Bekijk resultaten")
	for _, text := range open {
		if !showsText(f.w, text) {
			t.Errorf("the list of open statements lacks %q; it shows %q", text, visibleTexts(f.w))
		}
	}
	var goTo []*widgets.KeyButton
	for _, b := range findAll[*widgets.KeyButton](f.w) {
		if b.Text == "Ga erheen" {
			goTo = append(goTo, b)
		}
	}
	if len(goTo) != len(open) {
		t.Fatalf("%d buttons to go to an open statement, want %d", len(goTo), len(open))
	}
	test.Tap(goTo[0])
	if dialogsOnScreen(f.w) != 0 {
		t.Errorf("the list stays open after going to a statement")
	}
	if s.pos != 0 || f.w.Canvas().Focused() != s.pickers[1] {
		t.Errorf("went to page %d with the focus on %T; want page 0, its second statement", s.pos, f.w.Canvas().Focused())
	}
}

// Alt+→ on the last page asks once, however often it is pressed.
func TestRepeatedAltRightNeverStacksDialogs(t *testing.T) {
	f := newScanFixture(t)
	f.u.scanGoTo(f.u.scan, len(f.u.scan.req)-1)
	for range 3 {
		f.w.Canvas().(fyne.Shortcutable).TypedShortcut(shortcutForward)
	}
	if n := dialogsOnScreen(f.w); n != 1 {
		t.Errorf("%d dialogs after Alt+→ three times, want 1", n)
	}
	tapButton(t, f.w, "Verder invullen")
	f.w.Canvas().(fyne.Shortcutable).TypedShortcut(shortcutForward)
	if n := dialogsOnScreen(f.w); n != 1 {
		t.Errorf("%d dialogs after closing and pressing Alt+→ again, want 1", n)
	}
}

func TestEscapeClosesDialogs(t *testing.T) {
	cases := []struct {
		name string
		open func(f *uiFixture)
	}{
		{"the list of open statements, nothing focused", func(f *uiFixture) {
			f.u.finishScan(f.u.scan)
			f.w.Canvas().Unfocus()
		}},
		{"the list of open statements, from a focused button in it", func(f *uiFixture) {
			f.u.finishScan(f.u.scan)
			for _, b := range findAll[*widgets.KeyButton](f.w) {
				if b.Text == "Ga erheen" {
					f.w.Canvas().Focus(b)
					return
				}
			}
		}},
		{"a message with its OK button focused", func(f *uiFixture) {
			f.u.showMessage("Titel", "Tekst")
		}},
		{"the about dialog", func(f *uiFixture) {
			f.u.showAbout()
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newScanFixture(t)
			c.open(f)
			if dialogsOnScreen(f.w) != 1 {
				t.Fatalf("%d dialogs open, want 1", dialogsOnScreen(f.w))
			}
			pressEscape(f.w.Canvas())
			if n := dialogsOnScreen(f.w); n != 0 || f.u.dialogOpen() {
				t.Errorf("after Escape %d dialogs on screen, %d remembered", n, len(f.u.dialogs))
			}
		})
	}
	t.Run("two dialogs close newest first", func(t *testing.T) {
		f := newScanFixture(t)
		f.u.showAbout()
		f.u.showMessage("Bovenop", "Tekst")
		pressEscape(f.w.Canvas())
		if showsText(f.w, "Bovenop") || dialogsOnScreen(f.w) != 1 {
			t.Errorf("after one Escape: %d dialogs, texts %q", dialogsOnScreen(f.w), visibleTexts(f.w))
		}
		pressEscape(f.w.Canvas())
		if dialogsOnScreen(f.w) != 0 {
			t.Errorf("after two: %d dialogs", dialogsOnScreen(f.w))
		}
	})
}

// Tab from the last button of the page reaches the jump list, where ← and
// → no longer change the page; the next Tab goes round to the page.
func TestJumpListArrowsKeepThePage(t *testing.T) {
	f := newScanFixture(t)
	c := f.w.Canvas()
	c.Focus(f.u.scan.next)
	test.FocusNext(c)
	if c.Focused() != f.u.scan.jump {
		t.Fatalf("Tab after the last button reaches %T, want the jump list", c.Focused())
	}
	for _, k := range []fyne.KeyName{fyne.KeyRight, fyne.KeyLeft, fyne.KeyRight} {
		c.Focused().TypedKey(&fyne.KeyEvent{Name: k})
	}
	if f.u.scan.pos != 0 {
		t.Errorf("arrow keys in the jump list went to page %d", f.u.scan.pos)
	}
}

// pressSpace sends Space the way the desktop window does: the key to the
// focused widget, then the character ' ' to whatever has the focus after
// the key was handled.
func pressSpace(c fyne.Canvas) {
	if w := c.Focused(); w != nil {
		w.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	}
	if w := c.Focused(); w != nil {
		w.TypedRune(' ')
	}
}

// Space activates a button, and the button moves the focus to a statement;
// the space must not then answer that statement.
func TestSpaceOnAButtonNeverAnswers(t *testing.T) {
	rated := func(t *testing.T, f *uiFixture) int {
		t.Helper()
		sc, err := f.u.store.SelfCheck(f.u.scan.sc.ID)
		if err != nil {
			t.Fatal(err)
		}
		return len(sc.Ratings)
	}
	t.Run("Ga erheen", func(t *testing.T) {
		f := newScanFixture(t)
		s := f.u.scan
		f.u.finishScan(s)
		for _, b := range findAll[*widgets.KeyButton](f.w) {
			if b.Text == "Ga erheen" {
				f.w.Canvas().Focus(b)
				break
			}
		}
		pressSpace(f.w.Canvas())
		if dialogsOnScreen(f.w) != 0 || f.w.Canvas().Focused() != s.pickers[0] {
			t.Fatalf("Space on 'Ga erheen' left %d dialogs, the focus on %T", dialogsOnScreen(f.w), f.w.Canvas().Focused())
		}
		if n := rated(t, f); n != 0 || s.pickers[0].Answered() {
			t.Errorf("Space on 'Ga erheen' stored %d answers", n)
		}
	})
	for _, name := range []string{"Volgende", "Vorige"} {
		t.Run(name, func(t *testing.T) {
			f := newScanFixture(t)
			s := f.u.scan
			f.u.scanGoTo(s, 1)
			b := s.chrome.prev
			if name == "Volgende" {
				b = s.next
			}
			f.w.Canvas().Focus(b)
			pressSpace(f.w.Canvas())
			if s.pos == 1 {
				t.Fatalf("Space on %q did not turn the page", name)
			}
			if n := rated(t, f); n != 0 {
				t.Errorf("Space on %q stored %d answers", name, n)
			}
		})
	}
	t.Run("on a statement", func(t *testing.T) {
		f := newScanFixture(t)
		s := f.u.scan
		f.w.Canvas().Focus(s.pickers[0])
		pressSpace(f.w.Canvas())
		if n := rated(t, f); n != 0 {
			t.Errorf("Space on an open statement stored %d answers", n)
		}
	})
}

// typeKeys types text the way the desktop window does: each character to
// whatever has the focus at that moment, Space as key and character.
func typeKeys(c fyne.Canvas, text string) {
	for _, r := range text {
		if r == ' ' {
			pressSpace(c)
			continue
		}
		if w := c.Focused(); w != nil {
			w.TypedRune(r)
		}
	}
}

// The note is reached by Alt+R and by Tab after the last statement, and
// text typed while the focus is elsewhere on the page ends up in it rather
// than being lost, or turning the page at its first space.
func TestNoteReachedAndNothingTypedLost(t *testing.T) {
	t.Run("Alt+R", func(t *testing.T) {
		f := newScanFixture(t)
		c := f.w.Canvas()
		c.(fyne.Shortcutable).TypedShortcut(shortcutNote)
		if c.Focused() != f.u.scan.note {
			t.Fatalf("Alt+R focuses %T, want the note", c.Focused())
		}
	})
	t.Run("Tab after the last statement", func(t *testing.T) {
		f := newScanFixture(t)
		c := f.w.Canvas()
		c.Focus(f.u.scan.pickers[len(f.u.scan.pickers)-1])
		test.FocusNext(c)
		if c.Focused() != f.u.scan.note {
			t.Fatalf("Tab after the last statement reaches %T, want the note", c.Focused())
		}
	})
	for _, where := range []string{"Vorige", "Volgende", "a statement"} {
		t.Run("typed on "+where, func(t *testing.T) {
			f := newScanFixture(t)
			s := f.u.scan
			f.u.scanGoTo(s, 1)
			c := f.w.Canvas()
			switch where {
			case "Vorige":
				c.Focus(s.chrome.prev)
			case "Volgende":
				c.Focus(s.next)
			default:
				c.Focus(s.pickers[0])
			}
			const text = "Ik vraag het mijn leidinggevende."
			typeKeys(c, text)
			if s.pos != 1 || s.note.Text != text {
				t.Fatalf("typing on %s: page %d, note %q; want page 1, note %q", where, s.pos, s.note.Text, text)
			}
			sc, err := f.u.store.SelfCheck(s.sc.ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(sc.Ratings) != 0 {
				t.Errorf("typing on %s stored %d answers", where, len(sc.Ratings))
			}
			f.u.scanStep(1)
			if sc, _ = f.u.store.SelfCheck(s.sc.ID); sc.Notes[s.req[1].Competency.ID] != text {
				t.Errorf("after the page turn the stored note is %q", sc.Notes[s.req[1].Competency.ID])
			}
		})
	}
}

// A whole scan by keyboard: a number key per statement and Space on the
// focused button per page, nothing else; every answer is the one typed.
func TestWholeScanByKeyboard(t *testing.T) {
	f, st, fw := newMinSizeFixture(t)
	sc, err := st.CreateSelfCheck(assessment.Profile{Organisation: "politie", Function: "uitvoerend"}, fw.Version, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	f.u.showScan(sc.ID)
	c := f.w.Canvas()
	pages := len(f.u.scan.req)
	keys, statements := 0, 0
	want := map[string]int{}
	for f.u.scan != nil && keys < 1000 {
		s := f.u.scan
		switch focused := c.Focused().(type) {
		case *widgets.LevelPicker:
			i := slices.Index(s.pickers, focused)
			level := (statements + i) % 4
			want[s.req[s.pos].Indicators[i].ID] = level
			typeKeys(c, strconv.Itoa(level))
		case *widgets.KeyButton:
			if focused != s.next {
				t.Fatalf("the focus is on %q, not on the button that pages on", focused.Text)
			}
			statements += len(s.pickers)
			pressSpace(c)
		default:
			t.Fatalf("the focus is on %T", focused)
		}
		keys++
	}
	got := mustSelfCheck(t, st, sc.ID)
	if !reflect.DeepEqual(ratingLevels(got.Ratings), want) {
		t.Errorf("stored answers differ from the keys typed")
	}
	if f.a.Preferences().String(prefLastScreen) != screenResults || len(want) != len(got.Ratings) {
		t.Errorf("after %d keys the results are not on screen, or answers are missing", keys)
	}
	if keys != len(want)+pages {
		t.Errorf("%d keys for %d statements on %d pages, want one per statement and one per page", keys, len(want), pages)
	}
	t.Logf("%d statements on %d pages in %d keys", len(want), pages, keys)
}
