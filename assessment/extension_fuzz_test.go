package assessment

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zelfscan/assets"
)

// FuzzExtend feeds arbitrary bytes as an extension of the embedded
// framework. Extend must never panic, must refuse with ValidationErrors
// that name the file, must leave the built-in framework as it was, and
// whatever it accepts must resolve for every profile of its organisation.
// Seeds: the documented example and every broken case.
func FuzzExtend(f *testing.F) {
	base, err := Load(assets.Files, assets.FrameworkDir)
	if err != nil {
		f.Fatal(err)
	}
	seeds, _ := filepath.Glob(filepath.Join("testdata", "extension", "*.yaml"))
	for _, p := range append(seeds, filepath.Join("..", "docs", "kader-uitbreiding.example.yaml")) {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	competencies := len(base.Competencies)
	f.Fuzz(func(t *testing.T, data []byte) {
		fw, err := Extend(base, "uitbreiding.yaml", data)
		if len(base.Competencies) != competencies || base.Extension != nil {
			t.Fatal("Extend changed the built-in framework")
		}
		if err != nil {
			for _, e := range unjoin(err) {
				var ve *ValidationError
				if !errors.As(e, &ve) || !strings.HasPrefix(e.Error(), "uitbreiding.yaml") {
					t.Fatalf("error without file: %v", e)
				}
			}
			return
		}
		if fw.Extension == nil {
			t.Fatal("accepted without Extension")
		}
		for _, fn := range fw.FunctionsFor(fw.Extension.Organisation) {
			req, err := fw.Required(fw.Extension.Organisation, fn.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, rc := range req {
				if rc.Level > fw.MaxLevel() || len(rc.Indicators) < 2 {
					t.Fatalf("%s: level %d, %d statements", rc.Competency.ID, rc.Level, len(rc.Indicators))
				}
			}
		}
	})
}

func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}
