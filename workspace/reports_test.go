package workspace

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"zelfscan/overview"
)

// A smallest group below the floor is refused before anything is read;
// folders without a usable plan give an overview that says what was
// skipped, and the error that nothing was read.
func TestReadOrganisationOverview(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "kapot.zelfscan"), []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	if o, err := ReadOrganisationOverview([]string{dir}, MinGroupFloor-1, nil); o != nil || err == nil {
		t.Errorf("a group below the floor: overview %v, error %v", o, err)
	}
	o, err := ReadOrganisationOverview([]string{dir}, MinGroupFloor, nil)
	if !errors.Is(err, overview.ErrNothingRead) || o == nil || len(o.Problems) != 1 {
		t.Fatalf("only a broken file: overview %v, error %v", o, err)
	}
}

// The offer coverage follows the window's language; the quality report is
// a Dutch document in either, and both carry the organisation's extension.
func TestCoverageInTheViewQualityInDutch(t *testing.T) {
	ws := withExtension(t)
	ws.SetLanguage("en")
	cat, err := ws.Catalogue()
	if err != nil {
		t.Fatal(err)
	}
	shown := ws.Coverage(cat)
	dutch := ws.QualityReport(&OrganisationOverview{}, cat).Coverage
	if len(shown.Rows) != len(dutch.Rows) {
		t.Fatalf("%d requirements in the view, %d in Dutch", len(shown.Rows), len(dutch.Rows))
	}
	function := func(r *CoverageReport, id string) (name string, extended bool) {
		for _, row := range r.Rows {
			if row.FunctionID == id {
				name = row.Function
			}
			extended = extended || row.Competency.ID == "vtvr-werkafspraken"
		}
		return name, extended
	}
	en, enExtended := function(shown, "uitvoerend")
	nl, nlExtended := function(dutch, "uitvoerend")
	if en != "Frontline professional" || en == nl || !enExtended || !nlExtended {
		t.Errorf("coverage names the frontline profile %q in English and %q in Dutch; extension in each: %v, %v", en, nl, enExtended, nlExtended)
	}
	var coverage, framework bytes.Buffer
	if err := WriteCoveragePDF(&coverage, shown, day); err != nil || !bytes.HasPrefix(coverage.Bytes(), []byte("%PDF-")) {
		t.Errorf("no coverage PDF: %v", err)
	}
	if err := WriteFrameworkPDF(&framework, ws.Framework(), day); err != nil || !bytes.HasPrefix(framework.Bytes(), []byte("%PDF-")) {
		t.Errorf("no framework PDF: %v", err)
	}
}
