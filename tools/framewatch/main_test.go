package main

import (
	"testing"
	"time"

	"github.com/jezek/xgb/xproto"
)

func TestParseKeySpec(t *testing.T) {
	got, err := parseKeySpec("alt+Right")
	if err != nil || len(got) != 2 || got[0] != 0xffe9 || got[1] != 0xff53 {
		t.Errorf("alt+Right = %x, %v", got, err)
	}
	if got, err := parseKeySpec("ctrl+h"); err != nil || len(got) != 2 || got[1] != 'h' {
		t.Errorf("ctrl+h = %x, %v", got, err)
	}
	if _, err := parseKeySpec("hyper+Right"); err == nil {
		t.Error("an unknown modifier was accepted")
	}
}

func TestFindKeycode(t *testing.T) {
	// Two keysyms per keycode, starting at keycode 8.
	table := []xproto.Keysym{'a', 'A', 0xff53, 0, 'h', 'H'}
	if c, ok := findKeycode(table, 2, 8, 0xff53); !ok || c != 9 {
		t.Errorf("Right = %d, %v; want 9", c, ok)
	}
	if c, ok := findKeycode(table, 2, 8, 'h'); !ok || c != 10 {
		t.Errorf("h = %d, %v; want 10", c, ok)
	}
	if _, ok := findKeycode(table, 2, 8, 'H'); ok {
		t.Error("a shifted keysym counted as the key's own")
	}
}

// The frame that counts is the first one equal to the settled frame, not a
// blank or half-built one before it.
func TestFirstSettled(t *testing.T) {
	ms := func(n int) time.Duration { return time.Duration(n) * time.Millisecond }
	frames := []frame{{ms(5), 1}, {ms(10), 2}, {ms(15), 3}, {ms(20), 3}}
	if got := firstSettled(frames, 3); got != ms(15) {
		t.Errorf("firstSettled = %v, want 15ms", got)
	}
	if got := firstSettled(frames, 4); got != -1 {
		t.Errorf("never settled gives %v, want -1", got)
	}
}
