package app

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"zelfscan/app/widgets"
)

// The date of an action: typed tolerantly, picked in the calendar, and a
// wrong one shown on the field itself without moving anything.
func TestTargetDateField(t *testing.T) {
	f := newPlanFixture(t, 0)
	tapButton(t, f.w, "Leerplan maken")
	ps := f.u.plan
	for range 2 {
		tapButton(t, f.w, "Actie toevoegen")
		test.Tap(f.w.Canvas().Focused().(*widgets.KeyButton))
	}
	first, second := ps.plan.Actions[0].ID, ps.plan.Actions[1].ID
	d := f.a.Driver()

	t.Run("short typing is read and shown in full", func(t *testing.T) {
		v := ps.actions[first]
		v.target.SetText("")
		typeInto(f.w, v.target, "15-3-27")
		if got := ps.plan.Actions[0].TargetDate; !got.Equal(time.Date(2027, 3, 15, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("stored %v", got)
		}
		if v.target.Text != "15-03-2027" {
			t.Errorf("shown as %q", v.target.Text)
		}
	})
	t.Run("a wrong date marks the field and moves nothing", func(t *testing.T) {
		v := ps.actions[first]
		below := d.AbsolutePositionForObject(ps.actions[second].status)
		v.target.SetText("")
		typeInto(f.w, v.target, "31-02-2027")
		if v.target.Validate() == nil {
			t.Error("the field shows no error state")
		}
		if v.targetMsg.Text == "" {
			t.Error("no message under the field")
		}
		if got := d.AbsolutePositionForObject(ps.actions[second].status); got != below {
			t.Errorf("the next action moved from %v to %v when the error appeared", below, got)
		}
		if got := ps.plan.Actions[0].TargetDate; !got.Equal(time.Date(2027, 3, 15, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("the wrong date changed the stored one to %v", got)
		}
	})
	t.Run("the calendar opens at the typed month, in Dutch, and a day is saved", func(t *testing.T) {
		v := ps.actions[first]
		v.target.SetText("15-03-2027")
		test.Tap(v.target.ActionItem.(*calendarButton))
		cal := findAll[*monthCalendar](f.w)
		if len(cal) != 1 || cal[0].title.Text != "maart 2027" {
			t.Fatalf("calendars %d, title %q; want one at maart 2027", len(cal), titleOf(cal))
		}
		tapButton(t, f.w, "20")
		if got := ps.plan.Actions[0].TargetDate; !got.Equal(time.Date(2027, 3, 20, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("picked day stored as %v", got)
		}
		if v.target.Text != "20-03-2027" || v.target.Validate() != nil || v.targetMsg.Text != "" {
			t.Errorf("after picking: field %q, error %v, message %q", v.target.Text, v.target.Validate(), v.targetMsg.Text)
		}
		if len(findAll[*monthCalendar](f.w)) != 0 {
			t.Error("the calendar stays open after a day was picked")
		}
	})
}

func titleOf(c []*monthCalendar) string {
	if len(c) == 0 {
		return ""
	}
	return c[0].title.Text
}

// The calendar starts on Monday and pages through the months.
func TestMonthCalendar(t *testing.T) {
	test.NewTempApp(t)
	cases := []struct {
		name      string
		month     time.Time
		blanks    int
		days      int
		nextTitle string
	}{
		{"a month that starts on Monday has no blank days", time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC), 0, 31, "april 2027"},
		{"a month that starts on Sunday has six", time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), 6, 30, "december 2026"},
		{"December goes on to January", time.Date(2027, 12, 1, 0, 0, 0, 0, time.UTC), 2, 31, "januari 2028"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cal := newMonthCalendar(c.month, func(time.Time) {})
			blanks, days := 0, 0
			for _, o := range cal.days.Objects[7:] {
				switch o.(type) {
				case *widgets.KeyButton:
					days++
				default:
					if days == 0 {
						blanks++
					}
				}
			}
			if blanks != c.blanks || days != c.days {
				t.Errorf("%d blanks and %d days, want %d and %d", blanks, days, c.blanks, c.days)
			}
			if head := cal.days.Objects[0].(*widget.Label).Text; head != "ma" {
				t.Errorf("the first column is %q, want ma", head)
			}
			cal.show(cal.month.AddDate(0, 1, 0))
			if cal.title.Text != c.nextTitle {
				t.Errorf("the next month reads %q, want %q", cal.title.Text, c.nextTitle)
			}
		})
	}
}
