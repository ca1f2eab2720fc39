package plans

import "time"

// DefaultRescanMonths is how long after a self-check the next one is due
// when the organisation sets nothing else: expertise promotion is a
// continuing process, and needs are gathered again periodically (the plan
// of action, §4.5).
const DefaultRescanMonths = 6

// MinRescanMonths and MaxRescanMonths bound what an organisation may set.
const (
	MinRescanMonths = 1
	MaxRescanMonths = 24
)

// NextSelfCheck is the day the next self-check is due: months after the
// day the self-check was last answered. A day that the target month lacks
// (31 August plus 6 months) becomes that month's last day, not a day in
// the month after.
func NextSelfCheck(answered time.Time, months int) time.Time {
	if answered.IsZero() {
		return time.Time{}
	}
	y, m, d := answered.Date()
	first := time.Date(y, m+time.Month(months), 1, 0, 0, 0, 0, answered.Location())
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(d, last), 0, 0, 0, 0, answered.Location())
}

// RescanDue reports whether the next self-check is due on day now.
func RescanDue(next, now time.Time) bool {
	return !next.IsZero() && !dayOf(now).Before(dayOf(next))
}

func dayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}
