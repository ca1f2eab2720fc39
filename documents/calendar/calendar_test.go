package calendar

import (
	"bytes"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"zelfscan/plans"
	"zelfscan/plans/planfile"
)

var stamp = time.Date(2026, 12, 7, 9, 30, 0, 0, time.UTC)

func samplePlan() *planfile.File {
	day := func(m time.Month, d int) time.Time { return time.Date(2027, m, d, 0, 0, 0, 0, time.UTC) }
	return &planfile.File{
		PlanUID: "Plan-1",
		Competencies: []planfile.Competency{
			{ID: "dwingende-controle", Title: "Dwingende controle herkennen; patronen, niet incidenten"},
		},
		Actions: []planfile.Action{
			{ID: "a1", CompetencyID: "dwingende-controle", TargetDate: day(3, 1), Status: plans.StatusGepland,
				Item: &planfile.Item{Title: "Training dwingende controle, met casuïstiek uit de eigen praktijk en een terugkomdag", Provider: "Movisie", URL: "https://www.movisie.nl/"}},
			{ID: "a2", CompetencyID: "dwingende-controle", TargetDate: day(4, 15), Status: plans.StatusBezig,
				OwnText: "Casus inbrengen in de intervisie, met de aandachtsfunctionaris"},
			{ID: "a3", CompetencyID: "dwingende-controle", TargetDate: day(1, 10), Status: plans.StatusAfgerond, OwnText: "Al gedaan"},
			{ID: "a4", CompetencyID: "dwingende-controle", Status: plans.StatusGepland, OwnText: "Zonder streefdatum"},
		},
	}
}

// The file is RFC 5545 as calendars read it: CRLF line ends, no line over
// 75 octets, one all-day event per open action with a date and one for the
// next self-check, stable UIDs, and it parses back to the same texts.
func TestWriteCalendar(t *testing.T) {
	next := time.Date(2027, 6, 7, 0, 0, 0, 0, time.UTC)
	var buf bytes.Buffer
	if err := Write(&buf, samplePlan(), next, stamp); err != nil {
		t.Fatal(err)
	}
	raw := buf.String()
	if !strings.HasPrefix(raw, "BEGIN:VCALENDAR\r\n") || !strings.HasSuffix(raw, "END:VCALENDAR\r\n") {
		t.Fatalf("not a calendar:\n%s", raw)
	}
	for i, line := range strings.Split(strings.TrimSuffix(raw, "\r\n"), "\r\n") {
		if len(line) > 75 {
			t.Errorf("line %d has %d octets: %q", i+1, len(line), line)
		}
		if strings.Contains(line, "\n") {
			t.Errorf("line %d ends in a bare LF", i+1)
		}
	}
	for _, want := range []string{"VERSION:2.0", "PRODID:" + productID, "DTSTART;VALUE=DATE:20270301", "DTEND;VALUE=DATE:20270302",
		"DTSTART;VALUE=DATE:20270607", "DTSTAMP:20261207T093000Z", "CLASS:PRIVATE"} {
		if !strings.Contains(raw, want+"\r\n") {
			t.Errorf("missing %q", want)
		}
	}

	cal, err := ics.ParseCalendar(strings.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	events := cal.Events()
	got := map[string]string{}
	for _, e := range events {
		got[e.Id()] = e.GetProperty(ics.ComponentPropertySummary).Value
	}
	want := map[string]string{
		"plan-1-a1@zelfscan-ggg":                "Leerplan: Training dwingende controle, met casuïstiek uit de eigen praktijk en een terugkomdag",
		"plan-1-a2@zelfscan-ggg":                "Leerplan: Casus inbrengen in de intervisie, met de aandachtsfunctionaris",
		"plan-1-volgende-zelfscan@zelfscan-ggg": "Volgende zelfscan GGG",
	}
	if len(got) != len(want) {
		t.Fatalf("events %v, want %v (done actions and actions without a date left out)", got, want)
	}
	for id, summary := range want {
		if got[id] != summary {
			t.Errorf("event %s: %q, want %q", id, got[id], summary)
		}
	}
	desc := events[0].GetProperty(ics.ComponentPropertyDescription).Value
	if !strings.Contains(desc, "Dwingende controle herkennen; patronen, niet incidenten") || !strings.Contains(desc, "Movisie") {
		t.Errorf("the description lost text in escaping: %q", desc)
	}
	if u := events[0].GetProperty(ics.ComponentPropertyUrl); u == nil || u.Value != "https://www.movisie.nl/" {
		t.Errorf("the course's address is missing: %v", u)
	}

	// A second export of the same plan has the same UIDs.
	var again bytes.Buffer
	if err := Write(&again, samplePlan(), next, stamp.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	for id := range want {
		if !strings.Contains(again.String(), "UID:"+id) {
			t.Errorf("UID %s changed on a second export", id)
		}
	}
}

// Without a next self-check and without dated actions the file is still a
// valid, empty calendar.
func TestWriteEmptyCalendar(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, &planfile.File{PlanUID: "p"}, time.Time{}, stamp); err != nil {
		t.Fatal(err)
	}
	cal, err := ics.ParseCalendar(&buf)
	if err != nil || len(cal.Events()) != 0 {
		t.Fatalf("%v events, %v", len(cal.Events()), err)
	}
}
