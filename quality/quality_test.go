package quality

import (
	"testing"
	"time"
)

// The period names months only, in Dutch.
func TestPeriod(t *testing.T) {
	march := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		from, to time.Time
		want     string
	}{
		{march, march, "maart 2026"},
		{march, time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), "maart 2026 – januari 2027"},
		{time.Time{}, time.Time{}, "onbekend"},
	} {
		if got := Period(c.from, c.to); got != c.want {
			t.Errorf("Period(%s, %s) = %q, want %q", c.from, c.to, got, c.want)
		}
	}
}
