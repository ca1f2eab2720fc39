package plans

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// The years a plan's dates may fall in: wide enough for any real plan,
// narrow enough to catch a typing slip such as 2-3-0227.
const (
	FirstDateYear = 2000
	LastDateYear  = 2100
)

// DateInRange reports whether t falls in FirstDateYear..LastDateYear (in
// UTC, as plans keep their dates). Typed dates and plan files are checked
// with the same rule.
func DateInRange(t time.Time) bool {
	y := t.UTC().Year()
	return y >= FirstDateYear && y <= LastDateYear
}

// DateProblem says why a typed date was refused, so the app can say it in
// the user's language.
type DateProblem int

const (
	// DateUnreadable: not day-month-year or year-month-day, or no such day.
	DateUnreadable DateProblem = iota + 1
	// DateOutOfRange: a real day outside FirstDateYear..LastDateYear.
	DateOutOfRange
	// DateNoSuchDay: a readable date whose month has fewer days (31-2,
	// 31-4); Month and Year say which month, Days how many it has.
	DateNoSuchDay
)

// DateError is a typed date that ParseDate refused.
type DateError struct {
	Problem DateProblem
	Input   string
	// Month, Year and Days are set for DateNoSuchDay.
	Month time.Month
	Year  int
	Days  int
}

// Error is a Dutch fallback; the app shows its own words per Problem.
func (e *DateError) Error() string {
	switch e.Problem {
	case DateOutOfRange:
		return fmt.Sprintf("datum %q ligt niet tussen %d en %d", e.Input, FirstDateYear, LastDateYear)
	case DateNoSuchDay:
		return fmt.Sprintf("datum %q bestaat niet: die maand heeft %d dagen", e.Input, e.Days)
	}
	return fmt.Sprintf("datum %q is niet te lezen", e.Input)
}

// dateNumbers reads day, month and year, or year, month and day when the
// first has four digits; a two-digit year is in this century. ok is false
// for anything that is not a possible day and month of a year.
func dateNumbers(day, month, year string) (y, m, d int, ok bool) {
	if len(day) == 4 {
		year, day = day, year
	}
	d, okD := number(day, 1, 2)
	m, okM := number(month, 1, 2)
	y, okY := number(year, 2, 4)
	if !okD || !okM || !okY || len(year) == 3 || m < 1 || m > 12 || d < 1 {
		return 0, 0, 0, false
	}
	if len(year) == 2 {
		y += 2000
	}
	return y, m, d, true
}

// ParseDate reads a date the way people type it: day-month-year with a
// two- or four-digit year (15-3-27, 15-03-2027, 15/3/2027, 15.3.2027) or
// year-month-day (2027-03-15). A two-digit year is in this century. The
// result is that day at midnight UTC, as the store and the PDF keep dates.
func ParseDate(s string) (time.Time, error) {
	in := strings.TrimSpace(s)
	fields := strings.FieldsFunc(in, func(r rune) bool {
		return r == '-' || r == '/' || r == '.' || r == ' '
	})
	unreadable := &DateError{Problem: DateUnreadable, Input: in}
	if len(fields) != 3 {
		return time.Time{}, unreadable
	}
	y, m, d, ok := dateNumbers(fields[0], fields[1], fields[2])
	if !ok {
		return time.Time{}, unreadable
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		// 31-2: time.Date would roll over into the next month.
		days := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
		return time.Time{}, &DateError{Problem: DateNoSuchDay, Input: in, Month: time.Month(m), Year: y, Days: days}
	}
	if !DateInRange(t) {
		return time.Time{}, &DateError{Problem: DateOutOfRange, Input: in}
	}
	return t, nil
}

// number reads a run of minDigits to maxDigits ASCII digits.
func number(s string, minDigits, maxDigits int) (int, bool) {
	if len(s) < minDigits || len(s) > maxDigits {
		return 0, false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}
