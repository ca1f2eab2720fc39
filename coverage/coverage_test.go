package coverage

import (
	"bytes"
	"encoding/csv"
	"os"
	"slices"
	"strings"
	"testing"

	"zelfscan/assessment"
	"zelfscan/assets"
	"zelfscan/plans"
)

func embedded(t testing.TB) (*assessment.Framework, *plans.Catalogue) {
	t.Helper()
	fw, cat, err := plans.LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	return fw, cat
}

// requirements counts every organisation × function × competency
// requirement of the framework.
func requirements(t testing.TB, fw *assessment.Framework) int {
	n := 0
	for _, o := range fw.Organisations {
		for _, fn := range fw.FunctionsFor(o.ID) {
			req, err := fw.Required(o.ID, fn.ID)
			if err != nil {
				t.Fatal(err)
			}
			n += len(req)
		}
	}
	return n
}

// The report has one row per requirement; an offer counts for a row when
// it serves the competency and is meant for the organisation, and reaches
// it by the rule of plans.Reaches; the unreached rows come first, then
// those without a course; with the workplace routes every requirement can
// be reached.
func TestBuildOnTheEmbeddedFramework(t *testing.T) {
	fw, cat := embedded(t)
	r := Build(fw, cat)
	if len(r.Rows) != requirements(t, fw) {
		t.Fatalf("%d rows, %d requirements", len(r.Rows), requirements(t, fw))
	}
	last := 0
	for i := range r.Rows {
		row := &r.Rows[i]
		for _, it := range cat.Items() {
			counted := slices.ContainsFunc(row.ByLevel[:], func(l []*plans.Item) bool { return slices.Contains(l, it) })
			if want := it.MeantFor(row.OrganisationID) && it.ServesCompetency(row.Competency); counted != want {
				t.Errorf("%s/%s/%s: %s counted %v", row.OrganisationID, row.FunctionID, row.Competency.ID, it.ID, counted)
			}
			if reaching := slices.Contains(row.Reaching, it); counted && reaching != plans.Reaches(it.Level, row.Required) {
				t.Errorf("%s at level %d: %s reaching %v", row.Competency.ID, row.Required, it.ID, reaching)
			}
		}
		if rank(row) < last {
			t.Errorf("row %d (%s) out of order", i, row.Competency.ID)
		}
		last = rank(row)
		if len(row.Routes) == 0 {
			t.Errorf("%s/%s/%s: no workplace route reaches level %d", row.OrganisationID, row.FunctionID, row.Competency.ID, row.Required)
		}
	}
	tot := r.Totals()
	if tot.Unreached == 0 || tot.WithoutRoute != 0 || tot.NoCourse < tot.Unreached || tot.ClosedByOwn != 0 {
		t.Errorf("totals %+v", tot)
	}
	t.Logf("%+v", tot)
	served := 0
	for _, o := range r.Offers {
		served += o.Serves
	}
	perRow := 0
	for i := range r.Rows {
		for _, l := range r.Rows[i].ByLevel {
			perRow += len(l)
		}
	}
	if served != perRow || len(r.Offers) != len(cat.Items()) {
		t.Errorf("offers serve %d requirements, rows count %d; %d offers of %d items", served, perRow, len(r.Offers), len(cat.Items()))
	}
}

// An own catalogue with a verdiepend item for the bestuurder's role
// competency closes that gap in every organisation, and the report says it
// is the own offer that closes it.
func TestOwnCatalogueClosesGaps(t *testing.T) {
	fw, cat := embedded(t)
	before := Build(fw, cat)
	own := cat.WithOwn("opleidingen", []plans.Item{{ID: "eigen-bestuurlijk", Title: "Leergang bestuurlijk commitment", Kind: plans.KindTraining,
		Level: plans.LevelVerdiepend, Competencies: []string{"rol-richting-prioriteit"}}})
	after := Build(fw, own)
	open := 0
	for i := range before.Rows {
		if row := &before.Rows[i]; !row.Reached() && row.Competency.ID == "rol-richting-prioriteit" {
			open++
		}
	}
	got := after.Totals()
	if open == 0 || got.ClosedByOwn != open || got.Unreached != before.Totals().Unreached-open || !slices.Equal(after.Own, []string{"opleidingen"}) {
		t.Errorf("%d open before; after %+v, own %v", open, got, after.Own)
	}
	for i := range after.Rows {
		if row := &after.Rows[i]; row.ClosedByOwn() && (row.Competency.ID != "rol-richting-prioriteit" || row.State() != StateOwnOnly) {
			t.Errorf("%s closed by own: %v", row.Competency.ID, row.State())
		}
	}
}

// A competency an extension adds gets the offers it names: the items count
// in its rows and only the routes it names are offered.
func TestExtensionNamesItsOffers(t *testing.T) {
	base, _ := embedded(t)
	data, err := os.ReadFile("../docs/kader-uitbreiding.example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fw, err := assessment.Extend(base, "kader-uitbreiding.example.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := plans.LoadBuiltin(assets.Files, assets.CatalogueFile, fw)
	if err != nil {
		t.Fatal(err)
	}
	if err := plans.CheckOffers(fw, cat); err != nil {
		t.Fatal(err)
	}
	c, _ := fw.Competency("vtvr-werkafspraken")
	r := Build(fw, cat)
	rows := 0
	for i := range r.Rows {
		row := &r.Rows[i]
		if row.Competency.ID != c.ID {
			continue
		}
		rows++
		var items, routes []string
		for _, l := range row.ByLevel {
			for _, it := range l {
				items = append(items, it.ID)
			}
		}
		for _, route := range row.Routes {
			routes = append(routes, plans.RouteIDPrefix+route.ID)
		}
		slices.Sort(items)
		if !slices.Equal(items, []string{"la-casuistiekbespreking", "la-kijkje-in-de-keuken"}) || len(routes) == 0 ||
			slices.ContainsFunc(routes, func(id string) bool { return !slices.Contains(c.Offers, id) }) || row.OrganisationID != "veilig-thuis" {
			t.Errorf("%s/%s level %d: items %v, routes %v", row.OrganisationID, row.FunctionID, row.Required, items, routes)
		}
	}
	if rows == 0 {
		t.Error("the extension's competency has no rows")
	}
}

// The CSV has a header and one line per requirement, in the report's order,
// with the state in words.
func TestWriteCSV(t *testing.T) {
	fw, cat := embedded(t)
	r := Build(fw, cat)
	var b bytes.Buffer
	if err := r.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	cr := csv.NewReader(strings.NewReader(strings.TrimPrefix(b.String(), "\uFEFF")))
	cr.Comma = ';'
	lines, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) != len(r.Rows)+1 || lines[0][6] != "Stand" {
		t.Fatalf("%d lines for %d rows; header %v", len(lines), len(r.Rows), lines[0])
	}
	first := &r.Rows[0]
	if lines[1][2] != first.Competency.ID || lines[1][6] != first.State().Message().Error() || lines[1][13] != strings.Join(first.RouteTitles(), " | ") {
		t.Errorf("first line %v", lines[1])
	}
}

func BenchmarkBuildAllOrganisations(b *testing.B) {
	fw, cat := embedded(b)
	for b.Loop() {
		Build(fw, cat)
	}
}
