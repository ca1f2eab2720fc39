package plans

import (
	"errors"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	march15 := time.Date(2027, time.March, 15, 0, 0, 0, 0, time.UTC)
	accepted := []struct {
		name, in string
		want     time.Time
	}{
		{"day-month-year with a two-digit year is this century", "15-3-27", march15},
		{"day-month-year with leading zeros", "15-03-2027", march15},
		{"year-month-day as in ISO 8601", "2027-03-15", march15},
		{"slashes separate like dashes", "15/3/2027", march15},
		{"dots separate like dashes", "15.03.2027", march15},
		{"spaces separate like dashes", "15 3 2027", march15},
		{"surrounding spaces are ignored", "  15-3-2027 ", march15},
		{"a leap day in a leap year", "29-2-2028", time.Date(2028, time.February, 29, 0, 0, 0, 0, time.UTC)},
		{"the first year allowed", "1-1-2000", time.Date(2000, time.January, 1, 0, 0, 0, 0, time.UTC)},
		{"the last day allowed", "31-12-2100", time.Date(2100, time.December, 31, 0, 0, 0, 0, time.UTC)},
	}
	for _, c := range accepted {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseDate(c.in)
			if err != nil || !got.Equal(c.want) || got.Location() != time.UTC {
				t.Errorf("ParseDate(%q) = %v, %v; want %v", c.in, got, err, c.want)
			}
		})
	}
	refused := []struct {
		name, in string
		want     DateProblem
	}{
		{"empty text", "", DateUnreadable},
		{"words", "volgende week", DateUnreadable},
		{"two parts only", "15-3", DateUnreadable},
		{"four parts", "15-3-2027-1", DateUnreadable},
		{"a three-digit year", "15-3-202", DateUnreadable},
		{"a one-digit year", "15-3-7", DateUnreadable},
		{"a day that does not exist", "31-2-2027", DateNoSuchDay},
		{"no leap day in a common year", "29-2-2027", DateNoSuchDay},
		{"the 31st of a 30-day month", "31-4-27", DateNoSuchDay},
		{"month thirteen", "1-13-2027", DateUnreadable},
		{"day zero", "0-3-2027", DateUnreadable},
		{"a sign in a number", "+5-3-2027", DateUnreadable},
		{"American month-first order with day over 12", "3-15-2027", DateUnreadable},
		{"a year before 2000", "15-3-1999", DateOutOfRange},
		{"a year after 2100", "1-1-2101", DateOutOfRange},
		{"a typing slip in the year", "15-3-0227", DateOutOfRange},
	}
	for _, c := range refused {
		t.Run("refuses "+c.name, func(t *testing.T) {
			got, err := ParseDate(c.in)
			var de *DateError
			if !errors.As(err, &de) || de.Problem != c.want {
				t.Fatalf("ParseDate(%q) = %v, %v; want problem %d", c.in, got, err, c.want)
			}
			if de.Error() == "" {
				t.Error("the error has no text")
			}
		})
	}
}

// A day its month does not have says which month and how many days it has.
func TestNoSuchDaySaysTheMonth(t *testing.T) {
	_, err := ParseDate("29-2-2028")
	if err != nil {
		t.Fatalf("29-2-2028 is a leap day: %v", err)
	}
	_, err = ParseDate("31-2-27")
	var de *DateError
	if !errors.As(err, &de) || de.Problem != DateNoSuchDay || de.Month != 2 || de.Year != 2027 || de.Days != 28 {
		t.Fatalf("31-2-27 gives %#v", err)
	}
}
