// Package calendar writes a learning plan's dates as an iCalendar file
// (RFC 5545) that Outlook, Google and Apple calendars import: the target
// date of every action not yet done, and the day the next self-check is
// due. The format is left to github.com/arran4/golang-ical (escaping, line
// folding at 75 octets).
package calendar

import (
	"fmt"
	"io"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"zelfscan/plans"
	"zelfscan/plans/planfile"
)

// productID names the program that made the file (PRODID).
const productID = "-//Zelfscan GGG//Leerplan//NL"

// uidDomain makes each event's UID globally unique; a re-export of the
// same plan gives the same UIDs, so a calendar updates its events instead
// of adding them twice.
const uidDomain = "@zelfscan-ggg"

// Write writes the plan's dates to w. nextSelfCheck is the day the next
// self-check is due (zero: none); stamp is when the file is made. The
// texts are Dutch, like the plan file and its PDF.
func Write(w io.Writer, f *planfile.File, nextSelfCheck, stamp time.Time) error {
	cal := ics.NewCalendarFor("Zelfscan GGG")
	cal.SetProductId(productID)
	cal.SetMethod(ics.MethodPublish)
	cal.SetXWRCalName("Leerplan Zelfscan GGG")
	for _, a := range f.Actions {
		if a.TargetDate.IsZero() || a.Status == plans.StatusAfgerond {
			continue
		}
		title, _ := f.ActionTitle(a.ID)
		comp, _ := f.CompetencyTitle(a.CompetencyID)
		desc := fmt.Sprintf("Streefdatum van een actie uit uw leerplan, voor de competentie '%s'.", comp)
		if a.Item != nil && a.Item.Provider != "" {
			desc += " Aanbieder: " + a.Item.Provider + "."
		}
		e := addDay(cal, f.PlanUID+"-"+a.ID, a.TargetDate, stamp, "Leerplan: "+title, desc)
		if a.Item != nil && a.Item.URL != "" {
			e.SetURL(a.Item.URL)
		}
	}
	if !nextSelfCheck.IsZero() {
		addDay(cal, f.PlanUID+"-volgende-zelfscan", nextSelfCheck, stamp, "Volgende zelfscan GGG",
			"Tijd voor een nieuwe zelfscan: zo ziet u wat uw leerplan heeft opgeleverd en waar u nu staat.")
	}
	// RFC 5545 ends every line in CRLF; the library's default is a bare LF.
	return cal.SerializeTo(w, ics.WithNewLine("\r\n"))
}

// addDay adds an all-day event; DTEND is the next day, as RFC 5545 counts
// an all-day event's end exclusive. CLASS:PRIVATE keeps a shared calendar
// from showing the learning plan to colleagues.
func addDay(cal *ics.Calendar, id string, day, stamp time.Time, summary, description string) *ics.VEvent {
	e := cal.AddEvent(strings.ToLower(id) + uidDomain)
	e.SetDtStampTime(stamp.UTC())
	d := time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, time.UTC)
	e.SetAllDayStartAt(d)
	e.SetAllDayEndAt(d.AddDate(0, 0, 1))
	e.SetSummary(summary)
	e.SetDescription(description)
	e.SetClass(ics.ClassificationPrivate)
	e.SetTimeTransparency(ics.TransparencyTransparent)
	return e
}
