package plans

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"zelfscan/assessment"
	"zelfscan/assets"
)

// Own catalogues come from whatever a spreadsheet or an editor produced, so
// the parsers are fuzzed: they must never panic, must refuse with errors that
// name the file (RowError or ValidationError), and whatever they accept must
// be safe to put in the catalogue. Seeds: testdata/fuzz/<FuzzName> (the
// valid and broken files of testdata/own) and the inline ones below.

func FuzzParseOwnCatalogueCSV(f *testing.F) {
	fw := testFramework(f)
	f.Add([]byte("titel;soort;niveau;competenties\nIntervisie;leeractiviteit;basis;basis-vormen\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		items, err := ParseOwnCatalogue("eigen.csv", data, fw)
		checkOwn(t, fw, "eigen.csv", items, err)
	})
}

func FuzzParseOwnCatalogueYAML(f *testing.F) {
	fw := testFramework(f)
	f.Add([]byte("items:\n  - {title: X, kind: training, level: basis, competencies: [basis-vormen]}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		items, err := ParseOwnCatalogue("eigen.yaml", data, fw)
		checkOwn(t, fw, "eigen.yaml", items, err)
	})
}

// FuzzLoadBuiltinCatalogue mutates a small catalogue and the real one.
func FuzzLoadBuiltinCatalogue(f *testing.F) {
	fw := testFramework(f)
	f.Add([]byte("version: \"1\"\nproviders:\n  - {id: atria, name: Atria, source: Bijlage 4}\nitems:\n" +
		"  - id: x\n    title: X\n    provider: Atria\n    kind: training\n    level: basis\n    competencies: [basis-vormen]\n    description: d\n    source: s\n"))
	real, err := assets.Files.ReadFile(assets.CatalogueFile)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(real)
	f.Fuzz(func(t *testing.T, data []byte) {
		cat, err := LoadBuiltin(fstest.MapFS{"cat.yaml": {Data: data}}, "cat.yaml", fw)
		if err != nil {
			checkNamedErrors(t, err)
			return
		}
		seen := map[string]bool{}
		for _, it := range cat.Items() {
			checkItemResolves(t, fw, it)
			if seen[it.ID] || strings.HasPrefix(it.ID, OwnIDPrefix) || it.Origin != OriginBuiltin {
				t.Fatalf("accepted built-in item %q: duplicate, own prefix or origin %q", it.ID, it.Origin)
			}
			seen[it.ID] = true
			if got, ok := cat.Item(it.ID); !ok || got != it {
				t.Fatalf("item %q not found by its id", it.ID)
			}
		}
	})
}

// checkOwn asserts the contract of ParseOwnCatalogue on one input.
func checkOwn(t *testing.T, fw *assessment.Framework, file string, items []Item, err error) {
	t.Helper()
	if err != nil {
		if items != nil {
			t.Fatalf("items returned with an error: %v", err)
		}
		checkNamedErrors(t, err)
		return
	}
	if len(items) == 0 || len(items) > MaxOwnItems {
		t.Fatalf("accepted %d items", len(items))
	}
	seen := map[string]bool{}
	for i := range items {
		it := &items[i]
		checkItemResolves(t, fw, it)
		if !strings.HasPrefix(it.ID, OwnIDPrefix) || seen[it.ID] || it.Origin != file {
			t.Fatalf("accepted own item with id %q (duplicate: %v), origin %q", it.ID, seen[it.ID], it.Origin)
		}
		seen[it.ID] = true
	}
}

// checkItemResolves: an accepted item has a title, a known kind and level,
// and only competencies and organisations the framework knows.
func checkItemResolves(t *testing.T, fw *assessment.Framework, it *Item) {
	t.Helper()
	if strings.TrimSpace(it.Title) == "" || !it.Kind.Valid() || !it.Level.Valid() || len(it.Competencies) == 0 {
		t.Fatalf("accepted incomplete item %+v", *it)
	}
	for _, c := range it.Competencies {
		if _, ok := fw.Competency(c); !ok {
			t.Fatalf("item %q: unknown competency %q accepted", it.ID, c)
		}
	}
	for _, o := range it.Organisations {
		if _, ok := fw.Organisation(o); !ok {
			t.Fatalf("item %q: unknown organisation %q accepted", it.ID, o)
		}
	}
}

// checkNamedErrors: every problem reported is one that names its file.
func checkNamedErrors(t *testing.T, err error) {
	t.Helper()
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	for _, e := range errs {
		var re *RowError
		var ve *assessment.ValidationError
		switch {
		case errors.As(e, &re):
			if re.File == "" {
				t.Fatalf("RowError without a file: %v", e)
			}
		case errors.As(e, &ve):
			if ve.File == "" {
				t.Fatalf("ValidationError without a file: %v", e)
			}
		default:
			t.Fatalf("error %T names no file: %v", e, e)
		}
	}
}
