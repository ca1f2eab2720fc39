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

// The organisation's own catalogue is stored by StoreSettingsCatalogue, not
// by ApplySettings (the first screen does not wait for it); the catalogue
// in use takes it up at ReloadCatalogue. A read-only window stores nothing,
// and a missing file is a message naming the file.
func TestSettingsCatalogueStoredAfterApply(t *testing.T) {
	fw, err := LoadFramework(nil, "")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	st, _, err := OpenStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	own := "../plans/testdata/own/valid-comma.csv"
	ws := New(fw, nil, st)
	if problems := ws.ApplySettings(Settings{OwnCatalogue: own}, "", nil); len(problems) > 0 {
		t.Fatal(problems)
	}
	stored := func(s Store) int {
		list, err := s.OwnCatalogues()
		if err != nil {
			t.Fatal(err)
		}
		return len(list)
	}
	if n := stored(st); n != 0 {
		t.Fatalf("ApplySettings stored %d own catalogues; that is StoreSettingsCatalogue's work", n)
	}
	hasOwn := func() bool {
		cat, _ := ws.Catalogue()
		for _, it := range cat.Items() {
			if it.Origin == "valid-comma" {
				return true
			}
		}
		return false
	}
	hasOwn() // the catalogue in use is loaded before the import
	if err := ws.StoreSettingsCatalogue(); err != nil {
		t.Fatal(err)
	}
	if n := stored(st); n != 1 {
		t.Fatalf("%d own catalogues stored, want 1", n)
	}
	if hasOwn() {
		t.Error("the catalogue in use changed before ReloadCatalogue (it is not safe to change from another goroutine)")
	}
	ws.ReloadCatalogue()
	if !hasOwn() {
		t.Error("the organisation's items are not in the catalogue after ReloadCatalogue")
	}

	ro, err := OpenStoreReadOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ro.Close() })
	if err := ro.DeleteOwnCatalogue("valid-comma"); err == nil {
		t.Fatal("a read-only store deleted a catalogue")
	}
	missing := filepath.Join(t.TempDir(), "weg.csv")
	readOnly := New(fw, nil, ro)
	readOnly.ApplySettings(Settings{OwnCatalogue: missing}, "", nil)
	if err := readOnly.StoreSettingsCatalogue(); err != nil {
		t.Errorf("a read-only window tried to store the catalogue: %v", err)
	}
	writable := New(fw, nil, st)
	writable.ApplySettings(Settings{OwnCatalogue: missing}, "", nil)
	if err := writable.StoreSettingsCatalogue(); err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("a missing catalogue file: %v", err)
	}
}
