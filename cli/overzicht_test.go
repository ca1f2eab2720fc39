package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"zelfscan/overview/sample"
	"zelfscan/plans"
	"zelfscan/plans/planfile"
)

var day = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)

func run(args ...string) (int, string, string) {
	var out, errs bytes.Buffer
	code := Overzicht(args, &out, &errs, day)
	return code, out.String(), errs.String()
}

// Nothing readable: a clear message, status 1, and no output file at all.
func TestNothingReadWritesNothing(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "kapot.zelfscan"), []byte("{"), 0o600)
	csv := filepath.Join(t.TempDir(), "uit.csv")
	code, _, errs := run("--csv", csv, dir)
	if code != 1 || !strings.Contains(errs, "kapot.zelfscan") || !strings.Contains(errs, "er is niets geschreven") {
		t.Fatalf("status %d, stderr %q", code, errs)
	}
	if _, err := os.Stat(csv); !os.IsNotExist(err) {
		t.Fatalf("output file exists: %v", err)
	}
}

func TestArguments(t *testing.T) {
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--min-groep", "4", "."}, 2, "kleiner dan 5 mag niet"},
		{nil, 2, "geef minstens één map"},
		{[]string{"--help"}, 0, "Gebruik: zelfscan overzicht"},
	} {
		code, _, errs := run(c.args...)
		if code != c.code || !strings.Contains(errs, c.want) {
			t.Errorf("%v: status %d, stderr %q", c.args, code, errs)
		}
	}
}

// Plans with a bad file among them: CSV and PDF written, the bad file named.
func TestWritesCSVAndPDF(t *testing.T) {
	fw, cat, err := plans.LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for i := range 150 {
		f, err := sample.Plan(fw, cat, 5, i)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		planfile.Encode(&buf, f)
		os.WriteFile(filepath.Join(dir, f.PlanUID+".zelfscan"), buf.Bytes(), 0o600)
	}
	os.WriteFile(filepath.Join(dir, "leeg.pdf"), nil, 0o600)
	out := t.TempDir()
	code, stdout, errs := run("--csv", filepath.Join(out, "o.csv"), "--pdf", filepath.Join(out, "o.pdf"), dir)
	if code != 0 || !strings.Contains(errs, "overgeslagen: ") || !strings.Contains(stdout, "Gelezen: ongeveer 150 bestanden, 1 overgeslagen.") {
		t.Fatalf("status %d\nstdout %s\nstderr %s", code, stdout, errs)
	}
	for _, name := range []string{"o.csv", "o.pdf"} {
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil || len(data) < 100 || bytes.Contains(data, []byte(sample.Secret)) {
			t.Errorf("%s: %d bytes, %v", name, len(data), err)
		}
	}
}
