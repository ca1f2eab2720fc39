package plans

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func parseFile(t *testing.T, path string) ([]Item, error) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return ParseOwnCatalogue(path, data, testFramework(t))
}

// A semicolon export with BOM, CRLF, a trailing empty column, a blank row,
// labels in another case ("Training", "Verdiepend"), an organisation by name,
// a decimal comma, and a quoted field with quotes and a line break.
func TestParseOwnCSVSemicolonExport(t *testing.T) {
	items, err := parseFile(t, "testdata/own/valid-semicolon.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := []Item{
		{
			ID: "eigen-basistraining-meldcode", Title: "Basistraining meldcode", Provider: "Opleidingsteam",
			Kind: KindTraining, Level: LevelBasis, Competencies: []string{"basis-signaleren", "org-vervolgstappen"},
			Organisations: []string{"politie"}, URL: "https://intranet.example.nl/meldcode",
			Accreditation: Accreditation{Register: "SKJ", Points: 4.5},
			Description:   "Training van het eigen opleidingsteam; met oefencasussen.",
			Source:        "Eigen aanbod (valid-semicolon.csv)", Origin: "valid-semicolon.csv",
		},
		{
			ID: "eigen-verdieping-intieme-terreur", Title: "Verdieping intieme terreur", Provider: "Opleidingsteam",
			Kind: KindCursus, Level: LevelVerdiepend, Competencies: []string{"lt-intieme-terreur", "basis-patronen"},
			Description: "Een omschrijving met \"aanhalingstekens\"\nover twee regels.",
			Source:      "Eigen aanbod (valid-semicolon.csv)", Origin: "valid-semicolon.csv",
		},
	}
	if !reflect.DeepEqual(items, want) {
		t.Errorf("items\n%+v\nverwacht\n%+v", items, want)
	}
}

// A comma export: competencies in a quoted cell separated by commas, a group
// column, and two rows with the same title getting distinct IDs.
func TestParseOwnCSVCommaExport(t *testing.T) {
	items, err := parseFile(t, "testdata/own/valid-comma.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 2 {
		t.Fatalf("%d items, verwacht 2", len(items))
	}
	a, b := items[0], items[1]
	if a.ID != "eigen-intervisie-ggg" || b.ID != "eigen-intervisie-ggg-2" {
		t.Errorf("id's %q en %q", a.ID, b.ID)
	}
	if !reflect.DeepEqual(a.Competencies, []string{"basis-eigen-bril", "verdiep-complexiteit"}) || !a.Group || b.Group {
		t.Errorf("rij 2: %+v; rij 3: %+v", a, b)
	}
	if b.Kind != KindELearning || b.Level != LevelSpecialistisch {
		t.Errorf("rij 3: soort %q, niveau %q", b.Kind, b.Level)
	}
}

func TestParseOwnYAML(t *testing.T) {
	items, err := parseFile(t, "testdata/own/valid.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 2 {
		t.Fatalf("%d items, verwacht 2", len(items))
	}
	if items[0].ID != "eigen-meldcode-basis" || items[0].Accreditation != (Accreditation{"SKJ", 4.5}) || items[0].Origin != "valid.yaml" {
		t.Errorf("eerste item: %+v", items[0])
	}
	if items[1].ID != "eigen-casusoverleg" || !items[1].Group || items[1].Source != "Eigen aanbod (valid.yaml)" {
		t.Errorf("tweede item: %+v", items[1])
	}
}

// Every broken example file fails with exactly these messages, and no items.
func TestParseOwnCatalogueBrokenFiles(t *testing.T) {
	kinds := "training, cursus, e-learning, masterclass, handreiking, trainingsmateriaal, factsheet, animatie, magazine, vlog of leeractiviteit"
	cases := map[string]string{
		"bad-level.csv":          "bad-level.csv: rij 4, kolom 'niveau': 'gevorderd' is geen bekend niveau (kies basis, verdiepend of specialistisch)",
		"unknown-competency.csv": "unknown-competency.csv: rij 2, kolom 'competenties': 'basis-onbekend' is geen bekende competentie",
		"missing-column.csv":     "missing-column.csv: rij 1, kolom 'niveau': verplichte kolom ontbreekt",
		"unknown-column.csv":     "unknown-column.csv: rij 1, kolom 'prijs': onbekende kolom (bekende kolommen: id, titel, aanbieder, soort, niveau, competenties, organisaties, url, accreditatie_register, accreditatie_punten, omschrijving, groep, bron)",
		"bad-points.csv":         "bad-points.csv: rij 2, kolom 'accreditatie_punten': 'veel' is geen getal",
		"bad-url.csv":            "bad-url.csv: rij 2, kolom 'url': 'javascript:alert(1)' is geen webadres (het moet beginnen met http:// of https://)",
		"unterminated-quote.csv": "unterminated-quote.csv: rij 2, een veld tussen aanhalingstekens wordt niet afgesloten",
		"header-only.csv":        "header-only.csv: het bestand bevat alleen een koprij en geen aanbod",
		"empty.csv":              "empty.csv: het bestand is leeg",
		"duplicate-id.csv":       "duplicate-id.csv: rij 3, kolom 'id': id \"x\" komt twee keer voor",
		"too-many-columns.csv":   "too-many-columns.csv: rij 2, de rij heeft 5 kolommen, de koprij 4",
		"many-problems.csv": strings.Join([]string{
			"many-problems.csv: rij 2, kolom 'titel': mag niet leeg zijn",
			"many-problems.csv: rij 2, kolom 'soort': 'webinarreeks' is geen bekende soort (kies " + kinds + ")",
			"many-problems.csv: rij 2, kolom 'competenties': noem minstens één competentie",
			"many-problems.csv: rij 2, kolom 'organisaties': 'brandweer' is geen bekende organisatie",
			"many-problems.csv: rij 2, kolom 'groep': 'misschien' is geen ja of nee",
		}, "\n"),
		"alias-bomb.yaml":    "alias-bomb.yaml, regel 1: verwijzingen met & en * (ankers) zijn niet toegestaan",
		"unknown-field.yaml": "unknown-field.yaml, regel 6, veld prijs: onbekend veld",
		"providers.yaml":     "providers.yaml, regel 4, veld items[0].providers: alleen de ingebouwde catalogus verwijst naar aanbieders; noem de aanbieder bij 'provider'",
		"bad-kind.yaml": "bad-kind.yaml, regel 3, veld items[0].kind: 'workshop' is geen bekende soort (kies " + kinds + ")\n" +
			"bad-kind.yaml, regel 6, veld items[0].organisations[0]: 'brandweer' is geen bekende organisatie",
	}
	files, err := filepath.Glob("testdata/own/broken/*")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(cases) {
		t.Errorf("%d voorbeeldbestanden, %d verwachte meldingen", len(files), len(cases))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			want, ok := cases[filepath.Base(f)]
			if !ok {
				t.Fatal("geen verwachte melding voor dit bestand")
			}
			items, err := parseFile(t, f)
			if err == nil || items != nil {
				t.Fatalf("items %v, fout %v: verwacht een fout en geen items", items, err)
			}
			if err.Error() != want {
				t.Errorf("melding\n%s\nverwacht\n%s", err, want)
			}
		})
	}
}

func TestParseOwnCatalogueRefusesOversizeAndUnknownType(t *testing.T) {
	fw := testFramework(t)
	if _, err := ParseOwnCatalogue("groot.csv", make([]byte, MaxCatalogueSize+1), fw); err == nil ||
		err.Error() != "groot.csv: het bestand is groter dan 5 MiB" {
		t.Errorf("te groot bestand: %v", err)
	}
	if _, err := ParseOwnCatalogue("aanbod.xlsx", []byte("PK"), fw); err == nil ||
		err.Error() != "aanbod.xlsx: dit is een werkmap, geen tekstbestand; kies in het spreadsheetprogramma 'Opslaan als' en dan 'CSV (gescheiden door lijsten)' of 'Unicode-tekst'" {
		t.Errorf("onbekend type: %v", err)
	}
}

// A file with many bad rows lists the first 25 problems and counts the rest.
func TestParseOwnCatalogueCapsReportedProblems(t *testing.T) {
	var b strings.Builder
	b.WriteString("titel;soort;niveau;competenties\n")
	for range 30 {
		b.WriteString("Een;training;gevorderd;basis-vormen\n")
	}
	_, err := ParseOwnCatalogue("veel.csv", []byte(b.String()), testFramework(t))
	if err == nil {
		t.Fatal("geen fout")
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != 26 || lines[25] != "veel.csv: en nog 5 andere fouten" {
		t.Errorf("%d regels, laatste %q", len(lines), lines[len(lines)-1])
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Casuïstiek & intervisie (2026)": "casuistiek-intervisie-2026",
		"  !!  ":                         "item",
		"Één 1 — ½":                      "een-1", // accents fold, other signs drop out
	} {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, verwacht %q", in, got, want)
		}
	}
}
