package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// Hand-written entries in the shape of data/osv in golang.org/x/vulndb:
// dates unset, one entry with two modules, one fixed and introduced again,
// one with a date of its own.
var entries = map[string]string{
	"GO-2024-0001": `{"id": "GO-2024-0001", "modified": "0001-01-01T00:00:00Z",
		"aliases": ["CVE-2024-1"],
		"affected": [
			{"package": {"name": "example.com/b", "ecosystem": "Go"}, "ranges": [{"type": "SEMVER", "events": [
				{"introduced": "0"}, {"fixed": "1.9.0"}, {"introduced": "1.10.0"}, {"fixed": "1.10.2"}]}]},
			{"package": {"name": "stdlib", "ecosystem": "Go"}, "ranges": [{"type": "SEMVER", "events": [
				{"introduced": "0"}, {"fixed": "1.25.9"}, {"introduced": "1.26.0-0"}, {"fixed": "1.26.10"}]}]}]}`,
	"GO-2024-0002": `{"id": "GO-2024-0002", "modified": "0001-01-01T00:00:00Z",
		"affected": [
			{"package": {"name": "example.com/b", "ecosystem": "Go"}, "ranges": [{"type": "SEMVER", "events": [
				{"introduced": "0"}, {"fixed": "1.2.0"}, {"introduced": "2.0.0"}]}]}]}`,
	"GO-2023-0003": `{"id": "GO-2023-0003", "modified": "2026-12-01T10:00:00Z",
		"affected": [
			{"package": {"name": "example.com/a", "ecosystem": "Go"}}]}`,
}

var snapshot = time.Date(2026, 11, 5, 23, 49, 57, 0, time.UTC)

func writeEntries(t *testing.T, entries map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for id, e := range entries {
		if err := os.WriteFile(filepath.Join(dir, id+".json"), []byte(e), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

func TestBuild(t *testing.T) {
	out := t.TempDir()
	s, err := build(writeEntries(t, entries), out, snapshot)
	if err != nil {
		t.Fatal(err)
	}
	later := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	if want := (summary{entries: 3, modules: 3, modified: later}); s != want {
		t.Errorf("summary %+v, want %+v", s, want)
	}

	var db dbMeta
	readJSON(t, filepath.Join(out, "index", "db.json"), &db)
	if !db.Modified.Equal(later) {
		t.Errorf("db.json modified %v, want the newest entry's %v", db.Modified, later)
	}

	// Sorted by path, each module's vulnerabilities by ID; "fixed" is what
	// govulncheck compares a module's version with before it reads an entry.
	var modules []moduleMeta
	readJSON(t, filepath.Join(out, "index", "modules.json"), &modules)
	want := []moduleMeta{
		{Path: "example.com/a", Vulns: []moduleVuln{{ID: "GO-2023-0003", Modified: later}}},
		{Path: "example.com/b", Vulns: []moduleVuln{
			{ID: "GO-2024-0001", Modified: snapshot, Fixed: "1.10.2"},
			{ID: "GO-2024-0002", Modified: snapshot}, // introduced again after 1.2.0
		}},
		{Path: "stdlib", Vulns: []moduleVuln{{ID: "GO-2024-0001", Modified: snapshot, Fixed: "1.26.10"}}},
	}
	if !reflect.DeepEqual(modules, want) {
		t.Errorf("modules.json\n got %+v\nwant %+v", modules, want)
	}

	var vulns []vulnMeta
	readJSON(t, filepath.Join(out, "index", "vulns.json"), &vulns)
	wantVulns := []vulnMeta{
		{ID: "GO-2023-0003", Modified: later},
		{ID: "GO-2024-0001", Modified: snapshot, Aliases: []string{"CVE-2024-1"}},
		{ID: "GO-2024-0002", Modified: snapshot},
	}
	if !reflect.DeepEqual(vulns, wantVulns) {
		t.Errorf("vulns.json\n got %+v\nwant %+v", vulns, wantVulns)
	}

	// The entries themselves are served as they are.
	for id, e := range entries {
		b, err := os.ReadFile(filepath.Join(out, "ID", id+".json"))
		if err != nil || string(b) != e {
			t.Errorf("ID/%s.json: %q, %v; want the entry unchanged", id, b, err)
		}
	}
}

func TestBuildRefusesMisnamedEntry(t *testing.T) {
	dir := writeEntries(t, map[string]string{"GO-2024-0009": entries["GO-2024-0002"]})
	_, err := build(dir, t.TempDir(), snapshot)
	if err == nil || !strings.Contains(err.Error(), `entry has ID "GO-2024-0002"`) {
		t.Errorf("err = %v, want one naming the entry's ID", err)
	}
}

func TestBuildRefusesEmptyFolder(t *testing.T) {
	if _, err := build(t.TempDir(), t.TempDir(), snapshot); err == nil {
		t.Error("no error for a folder without entries")
	}
}
