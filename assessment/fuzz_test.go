package assessment

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// frameworkFiles are the four files of a framework, in the order the fuzz
// target's file index picks them.
var frameworkFiles = []string{fileFramework, fileOrganisations, fileFunctions, fileCompetencies}

// FuzzLoadFramework replaces one of the four files of testdata/valid with
// arbitrary bytes. Load must never panic, must refuse with ValidationErrors
// only, and whatever it accepts must hold together: unique IDs, a scale,
// and profiles whose competencies, indicators and levels all resolve.
// Seeds: testdata/fuzz/FuzzLoadFramework (each valid file and each broken
// case of testdata/broken) plus the valid files added here.
func FuzzLoadFramework(f *testing.F) {
	valid := fstest.MapFS{}
	for _, name := range frameworkFiles {
		data, err := os.ReadFile(filepath.Join("testdata", "valid", name))
		if err != nil {
			f.Fatal(err)
		}
		valid["fw/"+name] = &fstest.MapFile{Data: data}
	}
	for i, name := range frameworkFiles {
		f.Add(uint8(i), valid["fw/"+name].Data)
	}
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		fsys := fstest.MapFS{}
		for k, v := range valid {
			fsys[k] = v
		}
		fsys["fw/"+frameworkFiles[int(which)%len(frameworkFiles)]] = &fstest.MapFile{Data: data}
		fw, err := Load(fsys, "fw")
		if err != nil {
			checkOnlyValidationErrors(t, err)
			return
		}
		checkFramework(t, fw)
	})
}

// checkOnlyValidationErrors: every problem Load reports names its file.
func checkOnlyValidationErrors(t *testing.T, err error) {
	t.Helper()
	var errs []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	} else {
		errs = []error{err}
	}
	for _, e := range errs {
		var ve *ValidationError
		if !errors.As(e, &ve) || ve.File == "" {
			t.Fatalf("error %T without a file: %v", e, e)
		}
	}
}

// checkFramework asserts what the app relies on in an accepted framework.
func checkFramework(t *testing.T, fw *Framework) {
	t.Helper()
	if fw.Version == "" || len(fw.Scale) == 0 || fw.MaxLevel() < 1 {
		t.Fatalf("accepted framework without version or scale: %q, %d levels", fw.Version, len(fw.Scale))
	}
	seen := map[string]bool{}
	unique := func(kind, id string) {
		if id == "" || seen[kind+id] {
			t.Fatalf("accepted framework with empty or duplicate %s id %q", kind, id)
		}
		seen[kind+id] = true
	}
	for _, o := range fw.Organisations {
		unique("organisation", o.ID)
	}
	for _, fn := range fw.Functions {
		unique("function", fn.ID)
	}
	for _, c := range fw.Competencies {
		unique("competency", c.ID)
		if got, ok := fw.Competency(c.ID); !ok || got.ID != c.ID {
			t.Fatalf("competency %q not found by its id", c.ID)
		}
	}
	for _, o := range fw.Organisations {
		// Profiles that do not exist in an organisation (not_for/only_for)
		// are refused there by design; every other pair must resolve.
		for _, fn := range fw.FunctionsFor(o.ID) {
			checkRequired(t, fw, o.ID, fn.ID)
		}
	}
}

// checkRequired asserts that one organisation/profile pair resolves to
// competencies within the scale whose indicators are all indexed.
func checkRequired(t *testing.T, fw *Framework, org, fn string) {
	t.Helper()
	req, err := fw.Required(org, fn)
	if err != nil {
		t.Fatalf("Required(%q, %q) on an accepted framework: %v", org, fn, err)
	}
	for _, rc := range req {
		if rc.Competency == nil || rc.Level < 1 || rc.Level > fw.MaxLevel() {
			t.Fatalf("%s/%s: required competency %v at level %d", org, fn, rc.Competency, rc.Level)
		}
		if len(rc.Indicators) == 0 {
			t.Fatalf("%s/%s: competency %q has no indicators", org, fn, rc.Competency.ID)
		}
		for _, ind := range rc.Indicators {
			if _, comp, ok := fw.IndicatorText(ind.ID); !ok || comp != rc.Competency.ID {
				t.Fatalf("%s/%s: indicator %q does not resolve to %q", org, fn, ind.ID, rc.Competency.ID)
			}
		}
	}
}
