package workspace

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The window's own-catalogue flow: a file is read and checked without
// storing anything, stored under the name the user gives, and removed;
// the catalogue follows each step.
func TestOwnCatalogueReadSaveDelete(t *testing.T) {
	ws := withExtension(t)
	f, err := ws.ReadOwnCatalogue("../plans/testdata/own/valid-comma.csv")
	if err != nil {
		t.Fatal(err)
	}
	if f.Name != "valid-comma.csv" || f.Encoding != "UTF-8" || len(f.Items) != 2 {
		t.Fatalf("read %+v", f)
	}
	if own, err := ws.Store().OwnCatalogues(); err != nil || len(own) != 0 {
		t.Fatalf("reading stored something: %v, %v", own, err)
	}
	hasOrigin := func(origin string) bool {
		cat, err := ws.Catalogue()
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range cat.Items() {
			if it.Origin == origin {
				return true
			}
		}
		return false
	}
	hasOrigin("") // loads the catalogue, so saving must make it read again
	if err := ws.SaveOwnCatalogue("academie", f.Name, f.Items, day); err != nil {
		t.Fatal(err)
	}
	if !hasOrigin("academie") {
		t.Error("a saved own catalogue is not in the catalogue")
	}
	if err := ws.DeleteOwnCatalogue("academie"); err != nil {
		t.Fatal(err)
	}
	if hasOrigin("academie") {
		t.Error("a removed own catalogue is still in the catalogue")
	}
}

func TestOwnCatalogueProblems(t *testing.T) {
	ws := withExtension(t)
	if _, err := ws.ReadOwnCatalogue("../plans/testdata/own/broken/bad-level.csv"); err == nil || !strings.Contains(err.Error(), "rij 4, kolom 'niveau'") {
		t.Errorf("a broken file: %v", err)
	}
	path := filepath.Join(t.TempDir(), "groot.csv")
	if err := os.WriteFile(path, make([]byte, 5<<20+1), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.ReadOwnCatalogue(path); err == nil || !strings.Contains(err.Error(), "groter dan 5 MiB") {
		t.Errorf("a file that is too large: %v", err)
	}
}
