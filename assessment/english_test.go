package assessment

import (
	"strings"
	"testing"
	"testing/fstest"

	"zelfscan/assets"
)

func TestEmbeddedEnglishFormsFitTheFramework(t *testing.T) {
	fw, err := Load(assets.Files, assets.FrameworkDir)
	if err != nil {
		t.Fatal(err)
	}
	en, err := LoadEnglish(assets.Files, assets.FrameworkDir, fw)
	if err != nil || en == nil {
		t.Fatalf("english.yaml: %v (%v)", err, en)
	}
	tr := fw.Translated(en)
	if got := tr.LevelLabel(2); got != "Apply" {
		t.Errorf("level 2 in English: %q", got)
	}
	if o, _ := tr.Organisation("andere"); o.Name != "Other organisation" {
		t.Errorf("andere in English: %q", o.Name)
	}
	if o, _ := tr.Organisation("politie"); o.Name != "Politie" {
		t.Errorf("a proper name changed: %q", o.Name)
	}
	// Every profile has an English name, so the English profile screen is
	// English throughout; the Dutch framework keeps its names.
	for _, fn := range fw.Functions {
		name, ok := en.Functions[fn.ID]
		got, _ := tr.Function(fn.ID)
		if !ok || got.Name != name || fn.Name == name {
			t.Errorf("profile %s: English %q (listed %v), translated %q, Dutch %q", fn.ID, name, ok, got.Name, fn.Name)
		}
	}
	if tr.FunctionsFor("politie")[0].Name != "Frontline professional" {
		t.Errorf("FunctionsFor does not give the English names: %q", tr.FunctionsFor("politie")[0].Name)
	}
	if !strings.HasPrefix(tr.Source.Credit, "The needs in this framework") {
		t.Errorf("credit in English: %q", tr.Source.Credit)
	}
	// The Dutch framework is untouched.
	if fw.LevelLabel(2) != "Toepassen" || fw.Organisations[len(fw.Organisations)-1].Name == "Other organisation" {
		t.Error("Translated changed the Dutch framework")
	}
	if req, err := tr.Required("politie", "uitvoerend"); err != nil || len(req) == 0 {
		t.Errorf("translated framework lost its competencies: %v", err)
	}
}

func TestBrokenEnglishFormsAreRefused(t *testing.T) {
	fw, err := Load(assets.Files, assets.FrameworkDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, yaml, want string }{
		{"a level missing", "credit: x\nscale:\n  - {level: 0, label: a, description: b}\n", "english.yaml, regel 2, veld scale: 1 niveaus, het kader heeft er 4"},
		{"an unknown organisation", "credit: x\nscale: []\norganisations:\n  marsbasis: Mars base\n", "english.yaml, regel 4, veld organisations.marsbasis: onbekende organisatie \"marsbasis\""},
		{"an unknown profile", "credit: x\nscale: []\nfunctions:\n  astronaut: Astronaut\n", "english.yaml, regel 4, veld functions.astronaut: onbekend functieprofiel \"astronaut\""},
		{"an unknown field", "credit: x\nkleur: blauw\n", "kleur"},
		{"an empty credit", "credit: ''\nscale: []\n", "english.yaml, regel 1, veld credit: mag niet leeg zijn"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{"fw/english.yaml": {Data: []byte(tc.yaml)}}
			_, err := LoadEnglish(fsys, "fw", fw)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestNoEnglishFileMeansDutchOnly(t *testing.T) {
	fw, err := Load(assets.Files, assets.FrameworkDir)
	if err != nil {
		t.Fatal(err)
	}
	en, err := LoadEnglish(fstest.MapFS{}, "fw", fw)
	if en != nil || err != nil {
		t.Fatalf("got %v, %v", en, err)
	}
	if fw.Translated(nil) != fw {
		t.Error("Translated(nil) is not the framework itself")
	}
}
