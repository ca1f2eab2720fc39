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
		{"indicator-both-filters", "competencies.yaml, regel 16, veld competencies[1].indicators[0].only_for: only_for en not_for samen kan niet; kies er één"},
		{"indicator-unknown-org", `competencies.yaml, regel 16, veld competencies[1].indicators[0].not_for[1]: verwijst naar onbekende organisatie "rechtbank"`},
		{"indicator-too-few-left", `competencies.yaml, regel 7, veld competencies[0].indicators: voor organisatie "andere" blijven na only_for en not_for 1 indicatoren over; er zijn er minstens 2 nodig`},
		{"org-indicator-filter", "competencies.yaml, regel 38, veld competencies[3].organisation_indicators.politie[1].only_for: only_for en not_for horen bij de algemene indicatoren; deze lijst geldt al voor één organisatie"},
		{"function-unknown-org", `functions.yaml, regel 7, veld functions[1].only_for[1]: organisatie "politie" staat twee keer in de lijst`},
		{"specialist-not-organisation", "competencies.yaml, regel 21, veld competencies[2].specialist: alleen een organisatiespecifieke competentie kan specialist zijn; de andere categorieën hebben hun niveau al"},
		{"builtin-offers", "competencies.yaml, regel 10, veld competencies[0].offers: laat dit veld weg: de catalogus noemt zelf welke competenties een item dient"},
		{"function-nowhere", `functions.yaml, regel 1, veld functions: bij organisatie "andere" is geen enkel functieprofiel beschikbaar`},
		{"extra-unreachable", `functions.yaml, regel 6, veld functions[0].extra[0].competency: competentie "p1" wordt met dit profiel bij geen enkele organisatie gevraagd`},
		{"extra-unknown-org", `functions.yaml, regel 6, veld functions[0].extra[0].only_for[0]: verwijst naar onbekende organisatie "marechaussee"`},
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

// only_for / not_for decide what a user is asked and which profiles exist:
// the general statement is left out where it does not fit, and a profile that
// does not exist in an organisation cannot be chosen or assessed there.
func TestOrganisationFilters(t *testing.T) {
	fsys := overlay(t, "")
	comp := string(fsys["fw/competencies.yaml"].Data)
	comp = strings.Replace(comp, `{id: b2-3, text: "Ik kan e."}`, `{id: b2-3, text: "Ik kan e.", not_for: [andere]}`, 1)
	comp = strings.Replace(comp, `{id: b1-2, text: "Ik kan b."}`, `{id: b1-2, text: "Ik kan b.", only_for: [andere]}`, 1)
	comp = strings.Replace(comp, `{id: b1-1, text: "Ik kan a."}`, "{id: b1-1, text: \"Ik kan a.\"}\n      - {id: b1-3, text: \"Ik kan a2.\"}", 1)
	fsys["fw/competencies.yaml"] = &fstest.MapFile{Data: []byte(comp)}
	fns := strings.Replace(string(fsys["fw/functions.yaml"].Data), "    name: Leidinggevende\n", "    name: Leidinggevende\n    not_for: [andere]\n", 1)
	fsys["fw/functions.yaml"] = &fstest.MapFile{Data: []byte(fns)}
	f, err := Load(fsys, "fw")
	if err != nil {
		t.Fatal(err)
	}
	ids := func(org, comp string) string {
		c, _ := f.Competency(comp)
		var out []string
		for _, ind := range c.IndicatorsFor(org) {
			out = append(out, ind.ID)
		}
		return strings.Join(out, " ")
	}
	for _, c := range []struct{ org, comp, want string }{
		{"politie", "b2", "b2-1 b2-2 b2-3"},
		{"andere", "b2", "b2-1 b2-2"},
		{"politie", "b1", "b1-1 b1-3"},
		{"andere", "b1", "b1-1 b1-3 b1-2"},
		{"politie", "o1", "o1-politie-1 o1-politie-2"},
	} {
		if got := ids(c.org, c.comp); got != c.want {
			t.Errorf("%s at %s: asked %q, want %q", c.comp, c.org, got, c.want)
		}
	}
	if _, err := f.Required("andere", "leidinggevende"); err == nil || err.Error() != `het functieprofiel "leidinggevende" bestaat niet bij organisatie "andere"` {
		t.Fatalf("unavailable profile not refused clearly: %v", err)
	}
	if _, err := f.Required("politie", "leidinggevende"); err != nil {
		t.Fatalf("available profile refused: %v", err)
	}
	var names []string
	for _, fn := range f.FunctionsFor("andere") {
		names = append(names, fn.ID)
	}
	if strings.Join(names, " ") != "uitvoerend" {
		t.Fatalf("profiles offered at andere: %v", names)
	}
	if len(f.FunctionsFor("politie")) != 2 {
		t.Fatalf("politie should offer both profiles")
	}
	req, _ := f.Required("andere", "uitvoerend")
	for _, rc := range req {
		if rc.Competency.ID == "b2" && len(rc.Indicators) != 2 {
			t.Fatalf("Required does not apply not_for: %d indicators for b2", len(rc.Indicators))
		}
	}
}

// A profile can give any competency a level of its own, in every
// organisation or, with only_for, in some: the deepening v1 asked at 3 by the
// uitvoerend professional of the politie only, an organisation-specific p1
// at 1 below its category.
func TestExtraLevelsPerOrganisation(t *testing.T) {
	fsys := overlay(t, "")
	fsys["fw/functions.yaml"] = &fstest.MapFile{Data: []byte(`functions:
  - id: uitvoerend
    name: Uitvoerend professional
    required: {basis: 2, verdiepend: 1, per_org_basis: 2, organisatiespecifiek: 2, rol: 0}
    extra:
      - {competency: v1, level: 3, only_for: [politie]}
      - {competency: p1, level: 1}
`)}
	f, err := Load(fsys, "fw")
	if err != nil {
		t.Fatal(err)
	}
	level := func(org, comp string) int {
		req, err := f.Required(org, "uitvoerend")
		if err != nil {
			t.Fatal(err)
		}
		for _, rc := range req {
			if rc.Competency.ID == comp {
				return rc.Level
			}
		}
		return 0
	}
	for _, c := range []struct {
		org, comp string
		want      int
	}{{"politie", "v1", 3}, {"andere", "v1", 1}, {"politie", "p1", 1}, {"politie", "b1", 2}} {
		if got := level(c.org, c.comp); got != c.want {
			t.Errorf("%s at %s: level %d, want %d", c.comp, c.org, got, c.want)
		}
	}
}
