package assessment

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// overlay builds a framework folder from testdata/valid with the files of
// one broken case put over it, so each case holds only what it breaks.
func overlay(t *testing.T, brokenCase string) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, dir := range []string{"testdata/valid", filepath.Join("testdata/broken", brokenCase)} {
		if dir == filepath.Join("testdata/broken", "") {
			continue
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			data, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			fsys["fw/"+e.Name()] = &fstest.MapFile{Data: data}
		}
	}
	return fsys
}

func TestLoadValidTestFramework(t *testing.T) {
	f, err := Load(overlay(t, ""), "fw")
	if err != nil {
		t.Fatalf("valid framework refused: %v", err)
	}
	if f.Version != "test-1" || len(f.Competencies) != 6 || f.MaxLevel() != 3 {
		t.Fatalf("unexpected framework: version %q, %d competencies, max level %d", f.Version, len(f.Competencies), f.MaxLevel())
	}
	if text, comp, ok := f.IndicatorText("o1-politie-1"); !ok || comp != "o1" || text != "Ik kan aan de deur j." {
		t.Fatalf("organisation indicator not indexed: %q %q %v", text, comp, ok)
	}
}

// Each broken file must be refused with a message that names the file, the
// line and the field, so whoever edits the data can find the mistake.
func TestLoadRejectsBrokenFrameworks(t *testing.T) {
	cases := []struct {
		name string
		want string
	}{
		{"unknown-key", "competencies.yaml, regel 5, veld descriptoin: onbekend veld"},
		{"duplicate-id", `competencies.yaml, regel 10, veld competencies[1].id: id "b1" komt twee keer voor`},
		{"dangling-extra", `functions.yaml, regel 6, veld functions[0].extra[0].competency: verwijst naar onbekende competentie "rol-bestaat-niet"`},
		{"dangling-organisation", `competencies.yaml, regel 7, veld competencies[0].organisations[0]: verwijst naar onbekende organisatie "marechaussee"`},
		{"profile-without-levels", "functions.yaml, regel 2, veld functions[0].required: het profiel noemt geen vereiste niveaus"},
		{"empty-indicators", "competencies.yaml, regel 7, veld competencies[0].indicators: een competentie heeft 2 tot 5 indicatoren, niet 0"},
		{"level-out-of-scale", "functions.yaml, regel 4, veld functions[0].required.basis: niveau 7 valt buiten de schaal 0–3"},
		{"unknown-category", `competencies.yaml, regel 3, veld competencies[0].category: onbekende categorie "basaal"`},
		{"scale-gap", "framework.yaml, regel 5, veld scale[1].level: niveaus moeten oplopen vanaf 0 (verwacht 1, gevonden 2)"},
		{"not-yaml", "organisations.yaml, regel 2: ongeldige YAML:"},
		{"empty-file", "organisations.yaml: het bestand is leeg"},
		{"missing-source", "competencies.yaml, regel 2, veld competencies[0].source: mag niet leeg zijn"},
		{"alias-bomb", "organisations.yaml, regel 8: verwijzingen met & en * (ankers) zijn niet toegestaan"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Load(overlay(t, c.name), "fw")
			if err == nil {
				t.Fatal("broken framework was accepted")
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error does not say %q:\n%v", c.want, err)
			}
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("error is not a ValidationError: %T", err)
			}
		})
	}
}

func TestLoadRefusesOversizeFile(t *testing.T) {
	fsys := overlay(t, "")
	fsys["fw/organisations.yaml"] = &fstest.MapFile{Data: []byte("organisations:\n" + strings.Repeat("# opvulling\n", MaxFileSize/12+10))}
	_, err := Load(fsys, "fw")
	if err == nil || !strings.Contains(err.Error(), "organisations.yaml: bestand is groter dan") {
		t.Fatalf("oversize file not refused clearly: %v", err)
	}
}

func TestLoadNamesMissingFile(t *testing.T) {
	fsys := overlay(t, "")
	delete(fsys, "fw/functions.yaml")
	_, err := Load(fsys, "fw")
	if err == nil || !strings.Contains(err.Error(), "functions.yaml: bestand ontbreekt") {
		t.Fatalf("missing file not named: %v", err)
	}
}
