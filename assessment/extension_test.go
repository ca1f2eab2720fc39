package assessment_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"zelfscan/assessment"
	"zelfscan/usermsg"
)

// exampleExtension is the example of docs/kader-uitbreiding.md: the test
// keeps the documentation honest.
const exampleExtension = "../docs/kader-uitbreiding.example.yaml"

func loadExample(t *testing.T, base *assessment.Framework) *assessment.Framework {
	t.Helper()
	data, err := os.ReadFile(exampleExtension)
	if err != nil {
		t.Fatal(err)
	}
	fw, err := assessment.Extend(base, filepath.Base(exampleExtension), data)
	if err != nil {
		t.Fatalf("documented example refused: %v", err)
	}
	return fw
}

func requiredLevels(t *testing.T, fw *assessment.Framework, org, fn string) (map[string]int, map[string][]string) {
	t.Helper()
	req, err := fw.Required(org, fn)
	if err != nil {
		t.Fatal(err)
	}
	levels, statements := map[string]int{}, map[string][]string{}
	for _, r := range req {
		levels[r.Competency.ID] = r.Level
		for _, ind := range r.Indicators {
			statements[r.Competency.ID] = append(statements[r.Competency.ID], ind.ID)
		}
	}
	return levels, statements
}

func TestDocumentedExtensionApplies(t *testing.T) {
	base := loadEmbedded(t)
	fw := loadExample(t, base)
	ext := fw.Extension
	if ext == nil || ext.Name != "Veilig Thuis Voorbeeldregio" || ext.Version != "2027.1" || ext.Organisation != "veilig-thuis" {
		t.Fatalf("extension = %+v", ext)
	}
	if got, want := fw.Label(), "Competentiekader "+base.Version+" met uitbreiding Veilig Thuis Voorbeeldregio, versie 2027.1 (Veilig Thuis)"; got != want {
		t.Errorf("Label() = %q, want %q", got, want)
	}
	if got, want := fw.VersionFor("veilig-thuis"), base.Version+" + Veilig Thuis Voorbeeldregio 2027.1"; got != want {
		t.Errorf("VersionFor(veilig-thuis) = %q, want %q", got, want)
	}
	if got := fw.VersionFor("politie"); got != base.Version {
		t.Errorf("the extension must not change another organisation's version: %q", got)
	}

	levels, statements := requiredLevels(t, fw, "veilig-thuis", "uitvoerend")
	if levels["vtvr-werkafspraken"] != 2 {
		t.Errorf("new competency asked at %d, want 2", levels["vtvr-werkafspraken"])
	}
	if !slices.Equal(statements["spec-netwerk"], []string{"vtvr-spec-netwerk-1", "vtvr-spec-netwerk-2"}) {
		t.Errorf("spec-netwerk statements for Veilig Thuis = %v", statements["spec-netwerk"])
	}
	if levels["spec-netwerk"] != 2 {
		t.Errorf("category level per_org_specialisatie not raised: %d", levels["spec-netwerk"])
	}
	aLevels, _ := requiredLevels(t, fw, "veilig-thuis", "aandachtsfunctionaris")
	if aLevels["vtvr-werkafspraken"] != 3 {
		t.Errorf("aandachtsfunctionaris asked %d, want 3", aLevels["vtvr-werkafspraken"])
	}
	if text, comp, ok := fw.IndicatorText("vtvr-werkafspraken-1"); !ok || comp != "vtvr-werkafspraken" || text == "" {
		t.Errorf("new statement not indexed: %q %q %v", text, comp, ok)
	}

	// Other organisations and the built-in framework are untouched.
	for _, org := range []string{"politie", "om"} {
		want, wantStatements := requiredLevels(t, base, org, "uitvoerend")
		got, gotStatements := requiredLevels(t, fw, org, "uitvoerend")
		if !mapsEqual(got, want) || len(gotStatements) != len(wantStatements) {
			t.Errorf("%s: the extension changed what it is asked", org)
		}
	}
	baseLevels, baseStatements := requiredLevels(t, base, "veilig-thuis", "uitvoerend")
	if _, ok := baseLevels["vtvr-werkafspraken"]; ok || base.Extension != nil {
		t.Error("Extend changed the built-in framework")
	}
	if slices.Contains(baseStatements["spec-netwerk"], "vtvr-spec-netwerk-1") {
		t.Error("Extend changed the built-in statements")
	}
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// Every broken extension is refused with a message that names file, line
// and field, exactly as the organisation's IT department will read it.
func TestExtendRejectsBrokenExtensions(t *testing.T) {
	base := loadEmbedded(t)
	cases := map[string]string{
		"alias.yaml":                   "alias.yaml, regel 1: verwijzingen met & en * (ankers) zijn niet toegestaan",
		"category-and-competency.yaml": "category-and-competency.yaml, regel 5, veld required[0]: noem óf een category óf een competency",
		"empty.yaml":                   "empty.yaml, regel 1: de uitbreiding voegt niets toe: geef competencies, organisation_indicators of required",
		"level-out-of-scale.yaml":      "level-out-of-scale.yaml, regel 7, veld required[0].level: niveau 4 valt buiten de schaal 0–3",
		"missing-name.yaml":            "missing-name.yaml, regel 1, veld name: mag niet leeg zijn",
		"new-with-organisations.yaml":  "new-with-organisations.yaml, regel 7, veld competencies[0].organisations: laat dit veld weg: een uitbreiding geldt alleen voor haar eigen organisatie (politie)",
		"offer-twice.yaml":             `offer-twice.yaml, regel 15, veld competencies[0].offers[2]: "la-intervisie" staat er twee keer`,
		"one-indicator.yaml":           "one-indicator.yaml, regel 5, veld organisation_indicators.spec-netwerk: een competentie heeft 2 tot 5 indicatoren, niet 1",
		"other-organisation.yaml":      `other-organisation.yaml, regel 6, veld required[0].competency: competentie "vt-strafrecht" geldt niet voor organisatie "politie"`,
		"shared-competency.yaml":       `shared-competency.yaml, regel 5, veld organisation_indicators.basis-signaleren: competentie "basis-signaleren" hoort bij de gedeelde basis of verdieping (Basiskennis en -vaardigheden); alleen competenties die per organisatie worden uitgewerkt krijgen eigen uitspraken`,
		"taken-id.yaml":                `taken-id.yaml, regel 5, veld competencies[0].id: id "basis-signaleren" bestaat al in het ingebouwde kader; kies een nieuwe id`,
		"unknown-field.yaml":           "unknown-field.yaml, regel 6, veld categorie: onbekend veld",
		"unknown-function.yaml":        `unknown-function.yaml, regel 5, veld required[0].function: onbekend functieprofiel "rechercheur"; kies uit: uitvoerend, politie-meldkamer, politie-zeden, aandachtsfunctionaris, advocaat-specialist, rechter-specialist, leidinggevende, beleidsmedewerker, trainer, bestuurder, opleiding-hr`,
		"profile-not-there.yaml":       `profile-not-there.yaml, regel 5, veld required[0].function: functieprofiel "aandachtsfunctionaris" bestaat niet bij organisatie "advocatuur"`,
		"unknown-organisation.yaml":    `unknown-organisation.yaml, regel 3, veld organisation: onbekende organisatie "marechaussee"; kies uit: rvdk, veilig-thuis, politie, reclassering, jeugdbescherming, csg, advocatuur, rechterlijke-macht, lokale-teams, vrouwenopvang, om, andere`,
	}
	files, err := filepath.Glob("testdata/extension/*.yaml")
	if err != nil || len(files) != len(cases) {
		t.Fatalf("%d broken extensions in testdata, %d cases (%v): every file needs its message", len(files), len(cases), err)
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			fw, err := assessment.Extend(base, name, data)
			if err == nil {
				t.Fatalf("accepted: %+v", fw.Extension)
			}
			if err.Error() != cases[name] {
				t.Errorf("message\n got: %s\nwant: %s", err, cases[name])
			}
			// The app says the same as codes in the user's language: no
			// Dutch is left outside them.
			msgs := usermsg.List(err)
			if len(msgs) == 0 {
				t.Fatalf("%T is no message", err)
			}
			for _, m := range msgs {
				said := usermsg.Render(m, func(code, _ string, args map[string]any) string {
					return code + fmt.Sprint(args)
				})
				for _, w := range []string{" niet ", " een ", "mag ", " de ", "onbekend"} {
					if strings.Contains(said, w) {
						t.Errorf("%q holds Dutch %q outside a code", said, w)
					}
				}
			}
		})
	}
}
