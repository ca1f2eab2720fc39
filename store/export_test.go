package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"zelfscan/assessment"
	"zelfscan/plans"
)

// A database from the first schema, with answers and notes, is migrated to
// the current one: a backup at version 1 is made, the data is all there and
// plans can be added.
func TestMigrationFromV1KeepsData(t *testing.T) {
	dir := t.TempDir()
	s, err := open(dir, options{migrations: migrations[:1]})
	if err != nil {
		t.Fatal(err)
	}
	sc, err := s.CreateSelfCheck(assessment.Profile{Organisation: "reclassering", Function: "leidinggevend", Name: "Ayla"}, "2025.4", t0)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveRating(sc.ID, "rec-1", assessment.Rating{Level: 3, Note: "oud", At: t0}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveNote(sc.ID, "basis-vormen", "notitie uit v1", t0); err != nil {
		t.Fatal(err)
	}
	if err := s.SavePosition(sc.ID, 7); err != nil {
		t.Fatal(err)
	}
	want, err := s.SelfCheck(sc.ID)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	s = openT(t, dir)
	defer s.Close()
	if v := userVersion(t, filepath.Join(dir, FileName)); v != len(migrations) {
		t.Errorf("user_version = %d; want %d", v, len(migrations))
	}
	backup := s.BackupPath()
	if !strings.HasPrefix(filepath.Base(backup), FileName+".bak-v1-") {
		t.Fatalf("BackupPath = %q; want a v1 backup", backup)
	}
	if v := userVersion(t, backup); v != 1 {
		t.Errorf("backup is at version %d; want 1", v)
	}
	if id, err := s.PersonID(); err != nil || len(id) != 32 {
		t.Errorf("after the migration, person ID %q, %v", id, err)
	}
	got, err := s.SelfCheck(sc.ID)
	if err != nil || got.Position != 7 || got.Notes["basis-vormen"] != "notitie uit v1" ||
		got.Ratings["rec-1"].Level != 3 || got.Ratings["rec-1"].Note != "oud" || !got.Updated.Equal(want.Updated) {
		t.Errorf("self-check after migration = %+v, %v; want %+v", got, err, want)
	}
	p, err := s.PlanFor(sc.ID, t0.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveAction(p.ID, plans.Action{ID: "a1", CompetencyID: "basis-vormen", OwnText: "x", Status: plans.StatusGepland}, "", "", t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := s.IntegrityCheck(); err != nil {
		t.Error(err)
	}
}

// Every table of the schema has its data in the export: each table gets a
// row carrying a marker, and each marker must be in the document. A table
// added by a later migration fails here until ExportAll and this test know
// it.
func TestExportCoversEveryTable(t *testing.T) {
	s := openT(t, t.TempDir())
	defer s.Close()
	sc, err := s.CreateSelfCheck(assessment.Profile{Organisation: "politie", Function: "uitvoerend", Name: "marker-self_check"}, "1", t0)
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(s.SaveRating(sc.ID, "ind-1", assessment.Rating{Level: 2, Note: "marker-answer", At: t0}))
	must(s.SaveNote(sc.ID, "comp-1", "marker-competency_note", t0))
	p, err := s.PlanFor(sc.ID, t0)
	must(err)
	must(s.SaveReflection(p.ID, "marker-plan", t0))
	must(s.SaveAction(p.ID, plans.Action{ID: "a1", CompetencyID: "comp-1", OwnText: "marker-plan_action", Status: plans.StatusGepland}, "", "", t0))
	_, err = s.AddReview(p.ID, plans.Review{Reviewer: "marker-plan_review", Date: t0, Setting: plans.SettingSupervisie,
		ActionComments: map[string]string{"a1": "marker-review-comment"}}, t0)
	must(err)
	items := ownItems("x", 1)
	items[0].Title = "marker-own_catalogue_item"
	must(s.SaveOwnCatalogue("marker-own_catalogue", "x.csv", items, t0))

	markers := map[string]string{
		"self_check":         "marker-self_check",
		"answer":             "marker-answer",
		"competency_note":    "marker-competency_note",
		"plan":               "marker-plan",
		"plan_action":        "marker-plan_action",
		"plan_review":        "marker-plan_review",
		"own_catalogue":      "marker-own_catalogue",
		"own_catalogue_item": "marker-own_catalogue_item",
	}
	// The person table holds one random ID: its marker is that ID.
	id, err := s.PersonID()
	must(err)
	markers["person"] = id

	var buf bytes.Buffer
	if err := s.ExportAll(&buf); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("export is not JSON: %v", err)
	}
	if doc["format"] != ExportFormat || doc["version"] != float64(ExportVersion) || doc["exported"] == nil ||
		doc["schema_version"] != float64(len(migrations)) {
		t.Errorf("header = format %v, version %v, exported %v, schema %v", doc["format"], doc["version"], doc["exported"], doc["schema_version"])
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("{\n  \"format\"")) {
		t.Errorf("export is not indented with two spaces: %.40q", buf.String())
	}
	export := buf.String()
	if !strings.Contains(export, "marker-review-comment") {
		t.Error("review comments are missing from the export")
	}

	rows, err := s.db.Query(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, name)
	}
	rows.Close()
	if len(tables) < len(markers) {
		t.Errorf("schema has tables %v; the test expected at least %d", tables, len(markers))
	}
	for _, table := range tables {
		m, ok := markers[table]
		switch {
		case !ok:
			t.Errorf("table %s is not covered: add it to ExportAll and give it a marker here", table)
		case !strings.Contains(export, `"`+m+`"`): // quoted: one marker is a prefix of another
			t.Errorf("table %s: its row (%s) is not in the export", table, m)
		}
	}
	for table := range markers {
		if !slices.Contains(tables, table) {
			t.Errorf("marker for table %s, which the schema does not have", table)
		}
	}
}

// DeleteAll removes the database, its journals, the lock and every backup,
// and leaves other files in the folder; with the store still open it
// refuses and removes nothing.
func TestDeleteAll(t *testing.T) {
	dir := t.TempDir()
	s, err := open(dir, options{migrations: migrations[:1]})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateSelfCheck(assessment.Profile{Organisation: "politie", Function: "uitvoerend"}, "1", t0); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = openT(t, dir) // migrates, so a backup is made
	if s.BackupPath() == "" {
		t.Fatal("no backup was made")
	}
	unrelated := []string{"notities.txt", "zelfscan.db.old", "mijn-zelfscan.db", "sub/zelfscan.db"}
	for _, name := range unrelated {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("niet van ons"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	before := listDir(t, dir)
	if !slices.Contains(before, FileName+"-wal") || !slices.Contains(before, LockName) {
		t.Fatalf("expected the open store's -wal and lock file, have %v", before)
	}

	if err := DeleteAll(dir); !errors.Is(err, ErrLocked) {
		t.Errorf("DeleteAll with the store open: %v; want ErrLocked", err)
	}
	if after := listDir(t, dir); !slices.Equal(after, before) {
		t.Errorf("a refused DeleteAll changed the folder: %v → %v", before, after)
	}
	s.Close()
	if err := DeleteAll(dir); err != nil {
		t.Fatal(err)
	}
	if got := listDir(t, dir); !slices.Equal(got, []string{"mijn-zelfscan.db", "notities.txt", "sub", "sub/zelfscan.db", "zelfscan.db.old"}) {
		t.Errorf("left after DeleteAll: %v; want only the unrelated files", got)
	}
	if err := DeleteAll(filepath.Join(dir, "bestaat-niet")); err != nil {
		t.Errorf("DeleteAll on a missing folder: %v", err)
	}
	// A fresh start in the same folder works.
	s = openT(t, dir)
	if list, err := s.SelfChecks(); err != nil || len(list) != 0 {
		t.Errorf("after DeleteAll the store has %v, %v", list, err)
	}
	s.Close()
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || path == dir {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		out = append(out, filepath.ToSlash(rel))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// IntegrityCheck passes on a sound file and reports a reference to a row
// that is not there as damage.
func TestIntegrityCheckFindsDanglingReference(t *testing.T) {
	s := openT(t, t.TempDir())
	defer s.Close()
	if err := s.IntegrityCheck(); err != nil {
		t.Fatalf("fresh database: %v", err)
	}
	// The store has one connection, so this pragma reaches the next insert.
	if _, err := s.db.Exec("PRAGMA foreign_keys = OFF"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`INSERT INTO plan_action (plan_id, id, position, competency_id, status) VALUES (999, 'a1', 0, 'c', 'gepland')`); err != nil {
		t.Fatal(err)
	}
	if err := s.IntegrityCheck(); !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "plan_action") {
		t.Errorf("dangling action: %v; want ErrCorrupt naming plan_action", err)
	}
}
