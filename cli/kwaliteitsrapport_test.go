package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zelfscan/documents/pdftext"
	"zelfscan/overview/sample"
	"zelfscan/plans"
	"zelfscan/plans/planfile"
)

func runQuality(args ...string) (int, string, string) {
	var out, errs bytes.Buffer
	code := Kwaliteitsrapport(args, &out, &errs, day)
	return code, out.String(), errs.String()
}

// samplePlans writes n generated plan files into a new folder.
func samplePlans(t *testing.T, n int) string {
	t.Helper()
	fw, cat, err := plans.LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for i := range n {
		f, err := sample.Plan(fw, cat, 11, i)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := planfile.Encode(&buf, f); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, f.PlanUID+planfile.Extension), buf.Bytes(), 0o600)
	}
	return dir
}

// One PDF and one CSV with every part: the facts and guarantees, the
// overview's tables (levels, participation, effect, remarks) and the
// coverage; the PDF's text has the period and every part's heading, and no
// personal text.
func TestKwaliteitsrapportWritesEveryPart(t *testing.T) {
	dir := samplePlans(t, 400)
	out := t.TempDir()
	csvPath, pdfPath := filepath.Join(out, "rapport.csv"), filepath.Join(out, "rapport.pdf")
	code, stdout, errs := runQuality("--csv", csvPath, "--pdf", pdfPath, "--min-groep", "6", dir)
	if code != 0 || errs != "" || !strings.Contains(stdout, "PDF geschreven") || !strings.Contains(stdout, "Periode (maanden van de gelezen leerplannen): maart 2026") {
		t.Fatalf("status %d, stdout %q, stderr %q", code, stdout, errs)
	}
	csv, err := os.ReadFile(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	text := string(csv)
	if !strings.HasPrefix(text, "\uFEFFKwaliteitsrapport;Waarde") || strings.Count(text, "\uFEFF") != 1 {
		t.Fatalf("CSV does not start with its facts or has more than one byte order mark: %.80q", text)
	}
	for _, head := range []string{"Kleinste groep die getoond wordt;6", "Werkwijze;", "Competentie-id;Competentie;Categorie;Vereist niveau;Niveau 0",
		"Aanbod-id;Aanbod;Aanbieder;Herkomst;Niet in plan", "Met aanbod: mensen (afgerond)", "Verbeterpunt (anoniem gedeeld)", "Stand;Aanbod basis"} {
		if !strings.Contains(text, head) {
			t.Errorf("CSV has no %q", head)
		}
	}
	data, err := os.ReadFile(pdfPath)
	if err != nil {
		t.Fatal(err)
	}
	doc := pdftext.Bytes(t, data)
	for _, want := range []string{"Kwaliteitsrapport deskundigheidsbevordering", "Wat de werkwijze garandeert", "Deelname en oordeel over het nut",
		"Effect per aanbod en competentie", "Verbeterpunten van deelnemers", "Dekking van het aanbod", "maart 2026"} {
		if !strings.Contains(doc, want) {
			t.Errorf("PDF has no %q", want)
		}
	}
	for what, s := range map[string]string{"csv": text, "pdf": doc} {
		if strings.Contains(s, sample.Secret) {
			t.Errorf("%s holds personal text", what)
		}
	}
}

// The same output checks as zelfscan overzicht, and Dutch help.
func TestKwaliteitsrapportArguments(t *testing.T) {
	dir := samplePlans(t, 3)
	plan := filepath.Join(dir, "x"+planfile.Extension)
	for _, c := range []struct {
		args []string
		want string
		code int
	}{
		{nil, "geef minstens één map met leerplannen op", 2},
		{[]string{"--pdf", plan, dir}, "is een leerplan", 2},
		{[]string{"--csv", dir, dir}, "een van de mappen of bestanden die gelezen worden", 2},
		{[]string{"--min-groep", "3", dir}, "5", 2},
		{[]string{"--help"}, "Gebruik: zelfscan kwaliteitsrapport", 0},
	} {
		code, _, errs := runQuality(c.args...)
		if code != c.code || !strings.Contains(errs, c.want) {
			t.Errorf("%v: status %d, stderr %q, want %d and %q", c.args, code, errs, c.code, c.want)
		}
	}
}
