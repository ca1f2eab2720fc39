package group

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"zelfscan/assessment"
	"zelfscan/assets"
	"zelfscan/documents/chart"
	"zelfscan/plans"
	"zelfscan/plans/planfile"
	"zelfscan/usermsg"
)

var t0 = time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)

type comp struct {
	id, title string
	req, own  int
}

var scale = []assessment.Level{{Value: 0, Label: "nog niet"}, {Value: 1, Label: "basis"}, {Value: 2, Label: "toepassen"}, {Value: 3, Label: "verdiepen"}}

// secret marks every personal text in the test files; none may leak.
const secret = "GEHEIM"

// member makes a valid plan file with the given competencies; a gap for
// each own level below the required one, and personal texts everywhere.
func member(t testing.TB, name, uid, org string, exported time.Time, comps ...comp) *planfile.File {
	t.Helper()
	f := &planfile.File{
		Format: planfile.Format, Version: planfile.Version, Exported: exported, PlanUID: uid,
		PlanCreated: exported.Add(-time.Hour), PlanUpdated: exported.Add(-time.Minute),
		Framework:  planfile.FrameworkInfo{Version: "2026.1", Scale: scale},
		Profile:    planfile.Profile{OrganisationID: org, OrganisationName: org, FunctionID: "uitvoerend", FunctionName: "Uitvoerend professional", Name: name, Team: "team " + secret},
		Reflection: secret + " reflectie van " + name,
	}
	for _, c := range comps {
		f.Competencies = append(f.Competencies, planfile.Competency{
			ID: c.id, Title: c.title, Required: c.req, Own: c.own, Complete: true, Note: secret + " notitie",
			Indicators: []planfile.Indicator{{ID: uid + c.id + "-1", Text: "Ik kan het", Level: &c.own, Note: secret + " uitspraak"}},
		})
		if c.own < c.req {
			f.Gaps = append(f.Gaps, planfile.Gap{CompetencyID: c.id, Required: c.req, Own: c.own, Size: c.req - c.own, Priority: "hoog", Complete: true})
			f.Actions = append(f.Actions, planfile.Action{ID: fmt.Sprintf("a%d", len(f.Actions)+1), CompetencyID: c.id,
				OwnText: secret + " actie", Status: plans.StatusAfgerond, Evaluation: plans.Evaluation{Brought: secret + " evaluatie"}})
		}
	}
	if err := f.AddReview(planfile.Review{Reviewer: "Begeleider", Date: exported, Setting: plans.SettingIntervisie, Overall: secret + " bespreking"}); err != nil {
		t.Fatal(err)
	}
	if err := f.Validate(); err != nil {
		t.Fatal(err)
	}
	return f
}

const (
	signaleren = "basis-signaleren"
	patronen   = "basis-patronen"
	vormen     = "basis-vormen"
	wetgeving  = "verdiep-wetgeving"
	eigenBril  = "basis-eigen-bril"
)

// threeMembers: Anna (politie) and Chris (politie) share patronen, Anna
// and Bram (veilig-thuis) share signaleren; Chris was not assessed on
// vormen and signaleren.
func threeMembers(t testing.TB) []*planfile.File {
	return []*planfile.File{
		member(t, "Anna", "uid-a", "politie", t0,
			comp{signaleren, "Signaleren", 2, 0}, comp{patronen, "Patronen", 2, 1}, comp{vormen, "Vormen", 1, 1},
			comp{wetgeving, "Wetgeving", 2, 1}, comp{eigenBril, "Eigen bril", 2, 2}),
		member(t, "Bram", "uid-b", "veilig-thuis", t0.Add(time.Hour),
			comp{signaleren, "Signaleren", 2, 1}, comp{patronen, "Patronen", 2, 2}, comp{vormen, "Vormen (nieuw)", 2, 0},
			comp{eigenBril, "Eigen bril", 2, 2}),
		member(t, "Chris", "uid-c", "politie", t0,
			comp{patronen, "Patronen", 3, 0}, comp{eigenBril, "Eigen bril", 2, 3}),
	}
}

func TestOverviewCounts(t *testing.T) {
	o, err := New(threeMembers(t), nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := o.Names([]int{0, 1, 2}); !reflect.DeepEqual(got, []string{"Anna", "Bram", "Chris"}) {
		t.Fatalf("members %v", got)
	}
	var order []string
	for _, c := range o.Competencies {
		order = append(order, c.ID)
	}
	// patronen: 2 members, 4 levels; signaleren: 2 members, 3 levels;
	// vormen 1 member 2 levels; wetgeving 1 member 1 level; eigen bril none.
	if want := []string{patronen, signaleren, vormen, wetgeving, eigenBril}; !reflect.DeepEqual(order, want) {
		t.Fatalf("shared-gap order %v, want %v", order, want)
	}
	p := o.Competencies[0]
	if p.Assessed != 3 || !reflect.DeepEqual(p.WithGap, []int{0, 2}) || !reflect.DeepEqual(p.Sizes, []int{1, 0, 1}) ||
		p.TotalSize != 4 || p.AverageGap() != 2 {
		t.Fatalf("patronen: %+v avg %v", p, p.AverageGap())
	}
	v := o.Competencies[2]
	if v.Title != "Vormen (nieuw)" || v.Assessed != 2 {
		t.Fatalf("vormen: title %q (want the newest file's), assessed %d", v.Title, v.Assessed)
	}
	if e := o.Competencies[4]; len(e.WithGap) != 0 || e.AverageGap() != 0 || e.Assessed != 3 {
		t.Fatalf("eigen bril: %+v", e)
	}
	if got := o.Shared(2); len(got) != 2 || got[0].ID != patronen || got[1].ID != signaleren {
		t.Fatalf("Shared(2) = %v", got)
	}

	rows, cols, values := o.Heatmap()
	if !reflect.DeepEqual(rows, []string{"Patronen", "Signaleren", "Vormen (nieuw)", "Wetgeving"}) || len(cols) != 3 {
		t.Fatalf("heat map rows %v cols %v", rows, cols)
	}
	want := [][]float64{{1, 0, 3}, {2, 1, math.NaN()}, {0, 2, math.NaN()}, {1, math.NaN(), math.NaN()}}
	for r := range want {
		for c := range want[r] {
			got, w := values[r][c], want[r][c]
			if got != w && !(math.IsNaN(got) && math.IsNaN(w)) {
				t.Fatalf("heat map [%d][%d] = %v, want %v", r, c, got, w)
			}
		}
	}
	if _, err := chart.GroupHeatmap(rows, cols, values, chart.Options{Width: 600}); err != nil {
		t.Fatalf("chart.GroupHeatmap refuses the matrix: %v", err)
	}
}

// A plan loaded twice counts once, in its latest version, with a warning.
func TestOverviewDuplicatePlan(t *testing.T) {
	files := threeMembers(t)
	later := member(t, "Anna", "uid-a", "politie", t0.Add(24*time.Hour), comp{signaleren, "Signaleren", 2, 2})
	files = append(files, later, files[0])
	o, err := New(files, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(o.Members) != 3 || o.Members[0].Name != "Anna" || o.Members[0].Gaps != 0 {
		t.Fatalf("members %+v", o.Members)
	}
	if len(o.Warnings) != 1 || !strings.Contains(o.Warnings[0], "deelnemer 1 is 3 keer geladen") {
		t.Fatalf("warnings %q", o.Warnings)
	}
	for _, c := range o.Competencies {
		if c.ID == signaleren && !reflect.DeepEqual(c.WithGap, []int{1}) {
			t.Fatalf("signaleren counted from the old version: %v", c.WithGap)
		}
	}
}

func TestOverviewAnonymousAndNames(t *testing.T) {
	files := threeMembers(t)
	files = append(files, member(t, "Anna", "uid-a2", "om", t0), member(t, "", "uid-x", "om", t0))
	o, _ := New(files, nil, Options{})
	if got := o.Names([]int{0, 3, 4}); !reflect.DeepEqual(got, []string{"Anna", "Anna (2)", "Deelnemer 5"}) {
		t.Fatalf("names %v", got)
	}
	o, _ = New(files, nil, Options{Anonymous: true})
	var buf bytes.Buffer
	if err := o.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	for i, m := range o.Members {
		if m.Name != fmt.Sprintf("Deelnemer %d", i+1) || m.Team != "" {
			t.Fatalf("member %d not anonymous: %+v", i, m)
		}
	}
	for _, name := range []string{"Anna", "Bram", "Chris"} {
		if strings.Contains(buf.String(), name) {
			t.Fatalf("anonymous CSV names %s", name)
		}
	}
}

func TestWriteCSV(t *testing.T) {
	files := threeMembers(t)
	files[1].Competencies[0].Title = "=HYPERLINK(\"x\")"
	o, _ := New(files, nil, Options{})
	var buf bytes.Buffer
	if err := o.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	out := buf.Bytes()
	if !bytes.HasPrefix(out, []byte("\xEF\xBB\xBFCompetentie-id;Competentie;Categorie;")) || !bytes.Contains(out, []byte("\r\n")) {
		t.Fatalf("no BOM, Dutch header or CRLF: %q", out[:min(80, len(out))])
	}
	r := csv.NewReader(bytes.NewReader(out[3:]))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+len(o.Competencies) {
		t.Fatalf("%d rows", len(rows))
	}
	want := []string{patronen, "Patronen", "", "3", "2", "1", "0", "1", "4", "2,0", "Anna, Chris"}
	if !reflect.DeepEqual(rows[1], want) {
		t.Fatalf("row %q\nwant %q", rows[1], want)
	}
	if rows[2][1] != "'=HYPERLINK(\"x\")" {
		t.Fatalf("formula not defused: %q", rows[2][1])
	}
	if bytes.Contains(out, []byte(secret)) {
		t.Fatal("a personal note, reflection, evaluation or review leaks into the CSV")
	}
}

// Nothing personal reaches any part of the overview the GUI or PDF shows.
func TestOverviewHoldsNoPersonalText(t *testing.T) {
	o, err := New(threeMembers(t), testCatalogue(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	o.Members = nil // teams are shown only by choice; checked in the anonymous test
	if s := fmt.Sprintf("%+v", *o); strings.Contains(s, secret) {
		t.Fatalf("personal text in the overview: %s", s)
	}
}

func testCatalogue(t testing.TB) *plans.Catalogue {
	t.Helper()
	fw, err := assessment.Load(assets.Files, assets.FrameworkDir)
	if err != nil {
		t.Fatal(err)
	}
	item := func(id, kind, provider string, group bool, comps ...string) string {
		return fmt.Sprintf("  - id: %s\n    title: %q\n    provider: %q\n    kind: %s\n    level: basis\n    group: %v\n    competencies: [%s]\n    description: test\n    source: test\n",
			id, "Titel "+id, provider, kind, group, strings.Join(comps, ", "))
	}
	yaml := "version: test\nitems:\n" +
		item("intervisie", "leeractiviteit", "", true, signaleren, patronen) +
		item("cursus-b", "cursus", "Aanbieder", false, patronen, vormen) +
		item("training-a", "training", "Aanbieder", false, signaleren) +
		item("handreiking", "handreiking", "Aanbieder", false, signaleren, patronen, vormen) +
		item("alleen-anna", "training", "Aanbieder", false, wetgeving) +
		item("samen-a", "masterclass", "Aanbieder", true, signaleren)
	cat, err := plans.LoadBuiltin(fstest.MapFS{"cat.yaml": {Data: []byte(yaml)}}, "cat.yaml", fw)
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// Worked by hand: intervisie serves Anna (signaleren, patronen), Bram
// (signaleren) and Chris (patronen): 3 members, 4 gaps. cursus-b serves
// Anna and Chris (patronen) and Bram (vormen): 3 members, 3 gaps. samen-a
// and training-a both serve Anna and Bram on signaleren: 2 members, 2 gaps;
// samen-a is marked for groups, so it goes first. The guide is no activity
// and alleen-anna serves one member: neither is proposed.
func TestSuggestions(t *testing.T) {
	o, err := New(threeMembers(t), testCatalogue(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range o.Suggestions {
		got = append(got, fmt.Sprintf("%s:%d/%d", s.Item.ID, len(s.Members), s.Gaps))
	}
	want := []string{"intervisie:3/4", "cursus-b:3/3", "samen-a:2/2", "training-a:2/2"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("suggestions %v\nwant %v", got, want)
	}
	s := o.Suggestions[0]
	if !s.Together || !reflect.DeepEqual(s.Competencies, []string{patronen, signaleren}) || s.Fit <= 0 {
		t.Fatalf("first suggestion %+v", s)
	}
	if want := "helpt 3 van de 3 deelnemers bij 4 tekorten: 'Patronen' (2), 'Signaleren' (2); om samen te doen"; s.Reason.Error() != want {
		t.Fatalf("reason %q\nwant %q", s.Reason.Error(), want)
	}
	// Every word of it is a message code, so the English window says it in
	// English; only titles and numbers are data.
	coded := usermsg.Render(s.Reason, func(code, _ string, args map[string]any) string { return code + fmt.Sprint(args) })
	for _, dutch := range []string{"helpt", "deelnemers", "tekort", "samen"} {
		if strings.Contains(coded, dutch) {
			t.Errorf("reason has the Dutch %q outside a message: %s", dutch, coded)
		}
	}
}

func TestOverviewEdgeCases(t *testing.T) {
	if _, err := New([]*planfile.File{nil}, nil, Options{}); err == nil {
		t.Fatal("nil file accepted")
	}
	o, err := New(nil, testCatalogue(t), Options{})
	if err != nil || len(o.Members) != 0 || len(o.Suggestions) != 0 {
		t.Fatalf("empty group: %+v, %v", o, err)
	}
	rows, cols, values := o.Heatmap()
	if _, err := chart.GroupHeatmap(rows, cols, values, chart.Options{}); err != nil {
		t.Fatalf("empty heat map: %v", err)
	}
	// One member: a suggestion needs only that member.
	o, _ = New(threeMembers(t)[:1], testCatalogue(t), Options{})
	if len(o.Suggestions) == 0 {
		t.Fatal("no suggestions for a group of one")
	}
}

// Two gaps of one whole level look different in the heat map when one
// average is just under the required level and the other a whole level
// below it: the cell shows how far the average falls short.
func TestHeatmapShowsHowFarTheAverageFallsShort(t *testing.T) {
	near := member(t, "Dana", "uid-d", "politie", t0, comp{patronen, "Patronen", 2, 1})
	far := member(t, "Eef", "uid-e", "politie", t0, comp{patronen, "Patronen", 2, 1})
	level := func(v int) *int { return &v }
	near.Competencies[0].Indicators = []planfile.Indicator{
		{ID: "d1", Text: "a", Level: level(1)}, {ID: "d2", Text: "b", Level: level(2)}, {ID: "d3", Text: "c", Level: level(2)}}
	far.Competencies[0].Indicators = []planfile.Indicator{
		{ID: "e1", Text: "a", Level: level(1)}, {ID: "e2", Text: "b", Level: level(1)}, {ID: "e3", Text: "c", Level: level(1)}}
	o, err := New([]*planfile.File{near, far}, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, _, values := o.Heatmap()
	if len(values) != 1 || !reflect.DeepEqual(values[0], []float64{0.3, 1}) {
		t.Fatalf("heat map %v, want [[0.3 1]]: 2 - 1.67 and 2 - 1.0", values)
	}
	if c := o.Competencies[0]; c.TotalSize != 2 || c.Sizes[0] != 2 {
		t.Errorf("the counts of whole levels changed: %+v", c)
	}
}
