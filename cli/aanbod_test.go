package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runAanbod(args ...string) (int, string, string) {
	var out, errs bytes.Buffer
	code := Aanbod(args, &out, &errs, day)
	return code, out.String(), errs.String()
}

// The files are written whole: a PDF and a CSV with a line per requirement.
func TestAanbodWritesCSVAndPDF(t *testing.T) {
	dir := t.TempDir()
	csvPath, pdfPath := filepath.Join(dir, "aanbod.csv"), filepath.Join(dir, "aanbod.pdf")
	code, out, errs := runAanbod("--csv", csvPath, "--pdf", pdfPath)
	if code != 0 || errs != "" || !strings.Contains(out, "CSV geschreven") || !strings.Contains(out, "PDF geschreven") || !strings.Contains(out, "eisen (organisatie × functie × competentie)") {
		t.Fatalf("status %d, stdout %q, stderr %q", code, out, errs)
	}
	data, err := os.ReadFile(pdfPath)
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF")) {
		t.Fatalf("pdf: %v", err)
	}
	csv, err := os.ReadFile(csvPath)
	if err != nil || !strings.HasPrefix(string(csv), "\uFEFFOrganisatie;Functie;") {
		t.Fatalf("csv: %v", err)
	}
}

// With an own catalogue the summary says what it closes; with nothing to
// write, the unreached requirements are printed.
func TestAanbodWithOwnCatalogue(t *testing.T) {
	dir := t.TempDir()
	own := filepath.Join(dir, "opleidingen.csv")
	os.WriteFile(own, []byte("titel;soort;niveau;competenties;aanbieder\nLeergang bestuurlijk commitment;training;verdiepend;rol-richting-prioriteit;Eigen academie\n"), 0o600)
	code, out, errs := runAanbod("--catalogus", own)
	if code != 0 || errs != "" || !strings.Contains(out, "Eisen die geen aanbod uit de catalogus bereikt:") ||
		!strings.Contains(out, "Het eigen aanbod (opleidingen) sluit er 12 die de ingebouwde catalogus open laat.") {
		t.Fatalf("status %d, stdout %q, stderr %q", code, out, errs)
	}
}

func TestAanbodArguments(t *testing.T) {
	for _, c := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"--help"}, 0, "Gebruik: zelfscan aanbod"},
		{[]string{"map"}, 2, `onverwacht argument "map"`},
		{[]string{"--onbekend"}, 2, "onbekende optie -onbekend. Zie zelfscan aanbod --help"},
		{[]string{"--csv"}, 2, "de optie -csv heeft een waarde nodig"},
		{[]string{"--instellingen", "bestaat-niet.yaml"}, 1, "instellingenbestand bestaat-niet.yaml bestaat niet"},
		{[]string{"--catalogus", "bestaat-niet.csv"}, 1, "bestaat-niet.csv"},
	} {
		code, _, errs := runAanbod(c.args...)
		if code != c.code || !strings.Contains(errs, c.err) {
			t.Errorf("%v: status %d, stderr %q", c.args, code, errs)
		}
	}
}
