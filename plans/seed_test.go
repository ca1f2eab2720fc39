package plans

import (
	"os"
	"slices"
	"strings"
	"testing"

	"zelfscan/assessment"
)

// seedDir is where the plan of action lives beside a clone of this
// repository: <repo root>/../shared/seed (tests run in plans/).
const seedDir = "../../shared/seed"

// bijlage4 holds the three tables of bijlage 4 as the seed prints them.
type bijlage4 struct {
	guides, trainings [][2]string // title, provider
	providers         []string
}

// readBijlage4 finds the seed file with bijlage 4 and reads its tables: a
// header line names the table, its rows follow up to the first empty line.
// The seed ends without a newline after its last row, which splitting on
// "\n" keeps.
func readBijlage4(t *testing.T) bijlage4 {
	t.Helper()
	for _, name := range seedFiles(t) {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if b, ok := parseBijlage4(string(data)); ok {
			return b
		}
	}
	t.Fatalf("geen bestand in %s bevat bijlage 4", seedDir)
	return bijlage4{}
}

func parseBijlage4(text string) (bijlage4, bool) {
	var b bijlage4
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	start := slices.Index(lines, "Bijlage 4: overzicht aanbod")
	if start < 0 {
		return b, false
	}
	var table string
	for _, line := range lines[start:] {
		cells := strings.Split(line, "\t")
		switch {
		case strings.TrimSpace(line) == "":
			table = ""
		case strings.HasPrefix(line, "Handreikingen/trainingsmateriaal\t"):
			table = "guides"
		case strings.HasPrefix(line, "Training/cursus/masterclass"):
			table = "trainings"
		case strings.HasPrefix(line, "Organisaties die deskundigheidsbevordering"):
			table = "providers"
		case table == "guides" && len(cells) == 2:
			b.guides = append(b.guides, [2]string{strings.TrimSpace(cells[0]), strings.TrimSpace(cells[1])})
		case table == "trainings" && len(cells) == 2:
			b.trainings = append(b.trainings, [2]string{strings.TrimSpace(cells[0]), strings.TrimSpace(cells[1])})
		case table == "providers":
			for _, c := range cells {
				if c = strings.TrimSpace(c); c != "" {
					b.providers = append(b.providers, c)
				}
			}
		}
	}
	return b, len(b.guides) > 0 && len(b.trainings) > 0 && len(b.providers) > 0
}

// Every row of the three bijlage 4 tables in the seed itself is in the
// catalogue: the source is the check, not a list typed over by hand.
func TestBuiltinHoldsBijlage4OfTheSeed(t *testing.T) {
	seed := readBijlage4(t)
	t.Logf("bijlage 4 in de bron: %d handreikingen, %d trainingen, %d aanbieders", len(seed.guides), len(seed.trainings), len(seed.providers))
	cat := builtin(t)
	check := func(rows [][2]string, source string) {
		for _, r := range rows {
			it := findByTitle(cat, r[0])
			switch {
			case it == nil:
				t.Errorf("%q (%s) uit bijlage 4 ontbreekt in de catalogus", r[0], r[1])
			case it.Provider != r[1] || it.Source != source:
				t.Errorf("%q: aanbieder %q en bron %q, bijlage 4 zegt %q in %q", r[0], it.Provider, it.Source, r[1], source)
			}
		}
	}
	check(seed.guides, "Bijlage 4 — Handreikingen/trainingsmateriaal")
	check(seed.trainings, "Bijlage 4 — Training/cursus/masterclass")
	n := 0
	for _, it := range cat.Items() {
		if strings.HasPrefix(it.Source, "Bijlage 4") {
			n++
		}
	}
	if n != len(seed.guides)+len(seed.trainings) {
		t.Errorf("%d items noemen bijlage 4 als bron, de bron heeft er %d", n, len(seed.guides)+len(seed.trainings))
	}
	if len(cat.Providers) != len(seed.providers) {
		t.Errorf("%d aanbieders in de catalogus, %d in bijlage 4", len(cat.Providers), len(seed.providers))
	}
	for _, name := range seed.providers {
		if !slices.ContainsFunc(cat.Providers, func(p Provider) bool { return p.Name == name }) {
			t.Errorf("aanbieder %q uit bijlage 4 ontbreekt", name)
		}
	}
	// The hand-kept lists the other tests use stay equal to the source.
	if !slices.Equal(seed.guides, seedGuides) || !slices.Equal(seed.trainings, seedTrainings) {
		t.Errorf("de lijsten in catalogue_test.go wijken af van bijlage 4 in de bron")
	}
}

// The last row of the seed has no newline after it; it must still count.
func TestParseBijlage4KeepsTheLastRow(t *testing.T) {
	text := "Bijlage 4: overzicht aanbod\n\nHandreikingen/trainingsmateriaal\tAanbieder\nA\tX\n\n" +
		"Organisaties die deskundigheidsbevordering HGKM aanbieden\t\nP\tQ\n\n" +
		"Training/cursus/masterclass over gendergerelateerd geweld\tAanbieder\nB\tY\nC\tZ"
	b, ok := parseBijlage4(text)
	if !ok || len(b.guides) != 1 || len(b.trainings) != 2 || b.trainings[1] != [2]string{"C", "Z"} || len(b.providers) != 2 {
		t.Fatalf("parsed %+v, %v", b, ok)
	}
}

// Every requirement a user can meet, in any organisation and profile, has
// an item meant for everyone or for that organisation that reaches the
// required level, or else a workplace route that does; and every
// competency has at least one item. The requirements only a route reaches
// are counted: they are what the offer still lacks (§4.3).
func TestEveryReachableCompetencyHasAnItem(t *testing.T) {
	fw, cat := embedded(t)
	onlyRoute := 0
	eachRequirement(fw, func(org, fn string, g assessment.Gap) {
		if slices.ContainsFunc(cat.Items(), func(it *Item) bool {
			return it.ServesCompetency(g.Competency) && Reaches(it.Level, g.Required) && it.MeantFor(org)
		}) {
			return
		}
		onlyRoute++
		if len(RoutesFor(cat, &g, org, fn)) == 0 {
			t.Errorf("%s (%s, %s): geen aanbod en geen route tot niveau %d", g.Competency.ID, org, fn, g.Required)
		}
	})
	t.Logf("%d eisen alleen via een werkplekroute te bereiken", onlyRoute)
	for _, c := range fw.Competencies {
		if !slices.ContainsFunc(cat.Items(), func(it *Item) bool { return it.Serves(c.ID) }) {
			t.Errorf("%s: geen enkel item in de catalogus", c.ID)
		}
	}
}
