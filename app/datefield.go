package app

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zelfscan/app/widgets"
	"zelfscan/plans"
)

// A date is typed as people write it (plans.ParseDate) or picked from a
// month calendar. Fyne's DateEntry would show the date in the format of
// the system locale (US order for plain "nl") and its Calendar names the
// month in English; this one speaks the app's language.

// targetLayout is how a target date is shown: dd-mm-jjjj.
const targetLayout = "02-01-2006"

// dateFieldWidth fits dd-mm-jjjj beside the field's two icons (its error
// state and the calendar).
const dateFieldWidth = 180

// parseTargetDate reads a typed date; its error is a sentence in the
// user's language with an example in the future.
func parseTargetDate(s string, now time.Time) (time.Time, error) {
	d, err := plans.ParseDate(s)
	var de *plans.DateError
	if err == nil || !errors.As(err, &de) {
		return d, err
	}
	switch de.Problem {
	case plans.DateOutOfRange:
		return d, errors.New(lang.X("plan.target.range", "Kies een jaar tussen {{.First}} en {{.Last}}.",
			map[string]any{"First": plans.FirstDateYear, "Last": plans.LastDateYear}))
	case plans.DateNoSuchDay:
		return d, errors.New(lang.X("plan.target.noSuchDay", "Die dag bestaat niet: {{.Month}} {{.Year}} heeft {{.Days}} dagen.",
			map[string]any{"Month": monthName(de.Month), "Year": de.Year, "Days": de.Days}))
	}
	example := now.AddDate(0, 3, 0)
	return d, errors.New(lang.X("plan.target.invalid",
		"Deze datum is niet te lezen. Schrijf dag-maand-jaar, bijvoorbeeld {{.Example}} of {{.Short}}, of kies de datum in de kalender.",
		map[string]any{"Example": example.Format(targetLayout), "Short": example.Format("2-1-06")}))
}

// addDatePicker puts a calendar button in e; a day picked there is written
// into e and handed to picked.
func (u *UI) addDatePicker(e *shortcutEntry, picked func()) {
	b := &calendarButton{}
	b.ExtendBaseWidget(b)
	b.tapped = func() {
		month := u.now()
		if d, err := plans.ParseDate(e.Text); err == nil {
			month = d
		}
		var pop *widget.PopUp
		cal := newMonthCalendar(month, func(d time.Time) {
			pop.Hide()
			e.SetText(d.Format(targetLayout))
			picked()
		})
		pop = widget.NewPopUp(cal, u.win.Canvas())
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e)
		pop.ShowAtPosition(pos.Add(fyne.NewPos(0, e.Size().Height)))
	}
	e.ActionItem = b
}

// calendarButton opens the calendar on a click. It is no Tab stop: the
// keyboard types the date, and Tab goes on from the date to what follows.
type calendarButton struct {
	widget.BaseWidget
	tapped func()
}

func (b *calendarButton) Tapped(*fyne.PointEvent) { b.tapped() }

// Cursor shows a hand: the icon is clickable.
func (b *calendarButton) Cursor() desktop.Cursor { return desktop.PointerCursor }

func (b *calendarButton) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewPadded(widget.NewIcon(theme.CalendarIcon())))
}

// monthCalendar shows one month as buttons per day, Monday first, with
// buttons to the month before and after.
type monthCalendar struct {
	widget.BaseWidget
	box    *fyne.Container
	month  time.Time // first day of the month shown
	picked func(time.Time)
	title  *widget.Label
	days   *fyne.Container
}

func newMonthCalendar(day time.Time, picked func(time.Time)) *monthCalendar {
	c := &monthCalendar{picked: picked,
		month: time.Date(day.Year(), day.Month(), 1, 0, 0, 0, 0, time.UTC),
		title: widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true}),
		days:  container.New(layout.NewGridLayoutWithColumns(7))}
	prev := widgets.NewIconKeyButton("", theme.NavigateBackIcon(), func() { c.show(c.month.AddDate(0, -1, 0)) })
	next := widgets.NewIconKeyButton("", theme.NavigateNextIcon(), func() { c.show(c.month.AddDate(0, 1, 0)) })
	c.box = container.NewBorder(container.NewBorder(nil, nil, prev, next, c.title), nil, nil, nil, c.days)
	c.ExtendBaseWidget(c)
	c.show(c.month)
	return c
}

func (c *monthCalendar) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(c.box) }

// show fills the calendar with month m.
func (c *monthCalendar) show(m time.Time) {
	c.month = m
	c.title.SetText(monthName(m.Month()) + " " + strconv.Itoa(m.Year()))
	var cells []fyne.CanvasObject
	for _, d := range strings.Split(lang.X("date.weekdays", "ma,di,wo,do,vr,za,zo"), ",") {
		cells = append(cells, widget.NewLabelWithStyle(d, fyne.TextAlignCenter, fyne.TextStyle{}))
	}
	// Monday is the first column; Go counts from Sunday.
	for range (int(m.Weekday()) + 6) % 7 {
		cells = append(cells, layout.NewSpacer())
	}
	for d := m; d.Month() == m.Month(); d = d.AddDate(0, 0, 1) {
		day := d
		b := widgets.NewKeyButton(strconv.Itoa(d.Day()), func() { c.picked(day) })
		b.Importance = widget.LowImportance
		cells = append(cells, b)
	}
	c.days.Objects = cells
	c.days.Refresh()
}

// monthNames are the months in the language of the window.
func monthNames() []string {
	return strings.Split(lang.X("date.months", "januari,februari,maart,april,mei,juni,juli,augustus,september,oktober,november,december"), ",")
}

// monthName is one month in the language of the window.
func monthName(m time.Month) string {
	if names := monthNames(); m >= 1 && int(m) <= len(names) {
		return names[m-1]
	}
	return m.String()
}
