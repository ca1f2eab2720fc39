package plans

import (
	"testing"
	"time"
)

func TestNextSelfCheck(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		answered time.Time
		months   int
		want     time.Time
	}{
		{day(2026, 12, 7), 6, day(2027, 6, 7)},
		{day(2026, 8, 31), 6, day(2027, 2, 28)}, // no 31 February: the last day
		{day(2027, 8, 31), 6, day(2028, 2, 29)}, // a leap year
		{day(2026, 1, 31), 1, day(2026, 2, 28)},
		{day(2026, 3, 15), 12, day(2027, 3, 15)},
		{time.Date(2026, 12, 7, 23, 59, 0, 0, time.UTC), 6, day(2027, 6, 7)},
		{time.Time{}, 6, time.Time{}},
	} {
		if got := NextSelfCheck(c.answered, c.months); !got.Equal(c.want) {
			t.Errorf("NextSelfCheck(%s, %d) = %s, want %s", c.answered.Format(time.DateOnly), c.months, got.Format(time.DateOnly), c.want.Format(time.DateOnly))
		}
	}
}

func TestRescanDue(t *testing.T) {
	next := time.Date(2027, 6, 7, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		now  time.Time
		want bool
	}{
		{time.Date(2027, 6, 6, 23, 0, 0, 0, time.UTC), false},
		{time.Date(2027, 6, 7, 8, 0, 0, 0, time.UTC), true},
		{time.Date(2028, 1, 1, 0, 0, 0, 0, time.UTC), true},
	} {
		if got := RescanDue(next, c.now); got != c.want {
			t.Errorf("RescanDue(%s) = %v", c.now, got)
		}
	}
	if RescanDue(time.Time{}, next) {
		t.Error("no date is never due")
	}
}
