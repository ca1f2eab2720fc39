// Command vulndb turns a folder of OSV entries, data/osv of the module
// golang.org/x/vulndb, into a local Go vulnerability database in the v1
// layout that govulncheck reads with -db file://DIR
// (https://go.dev/doc/security/vuln/database): index/db.json,
// index/modules.json, index/vulns.json and ID/<id>.json. The module comes
// through the Go module proxy, which CI can reach, where vuln.go.dev is not.
//
// The entries in that repository carry no dates: its deploy step takes
// "modified" from the git history, which a module download lacks. Entries
// without one get -modified, the commit time of the downloaded version: no
// entry was changed after it.
//
// Usage: vulndb -modified 2026-11-05T23:49:57Z OSVDIR OUTDIR
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"golang.org/x/mod/semver"
)

// entry is the part of an OSV entry the indexes are made of; the entry
// itself is copied byte for byte.
type entry struct {
	ID       string    `json:"id"`
	Modified time.Time `json:"modified"`
	Aliases  []string  `json:"aliases,omitempty"`
	Affected []struct {
		Package struct {
			Name string `json:"name"`
		} `json:"package"`
		Ranges []osvRange `json:"ranges"`
	} `json:"affected"`
}

type osvRange struct {
	Type   string `json:"type"`
	Events []struct {
		Introduced string `json:"introduced,omitempty"`
		Fixed      string `json:"fixed,omitempty"`
	} `json:"events"`
}

// The shapes of the three index files.
type (
	dbMeta struct {
		Modified time.Time `json:"modified"`
	}
	moduleMeta struct {
		Path  string       `json:"path"`
		Vulns []moduleVuln `json:"vulns"`
	}
	moduleVuln struct {
		ID       string    `json:"id"`
		Modified time.Time `json:"modified"`
		Fixed    string    `json:"fixed,omitempty"`
	}
	vulnMeta struct {
		ID       string    `json:"id"`
		Modified time.Time `json:"modified"`
		Aliases  []string  `json:"aliases,omitempty"`
	}
)

// summary is what build reports about the database it wrote.
type summary struct {
	entries, modules int
	modified         time.Time // of the database
}

func main() {
	modified := flag.String("modified", "", "time (RFC 3339) for entries without a modified date")
	flag.Parse()
	if flag.NArg() != 2 || *modified == "" {
		fmt.Fprintln(os.Stderr, "usage: vulndb -modified TIME OSVDIR OUTDIR")
		os.Exit(2)
	}
	t, err := time.Parse(time.RFC3339, *modified)
	if err == nil {
		var s summary
		s, err = build(flag.Arg(0), flag.Arg(1), t)
		if err == nil {
			fmt.Printf("vulndb: %d entries for %d modules, as of %s (%d days old)\n",
				s.entries, s.modules, s.modified.Format(time.DateOnly),
				int(time.Since(s.modified).Hours()/24))
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "vulndb:", err)
		os.Exit(1)
	}
}

// build writes the database for the entries in osvDir into outDir.
func build(osvDir, outDir string, modified time.Time) (summary, error) {
	files, err := filepath.Glob(filepath.Join(osvDir, "*.json"))
	if err != nil {
		return summary{}, err
	}
	if len(files) == 0 {
		return summary{}, fmt.Errorf("no OSV entries in %s", osvDir)
	}
	for _, dir := range []string{"index", "ID"} {
		if err := os.MkdirAll(filepath.Join(outDir, dir), 0o755); err != nil {
			return summary{}, err
		}
	}
	db := dbMeta{}
	modules := map[string]*moduleMeta{}
	vulns := make([]vulnMeta, 0, len(files))
	for _, file := range files {
		e, err := copyEntry(file, outDir)
		if err != nil {
			return summary{}, err
		}
		if e.Modified.IsZero() {
			e.Modified = modified
		}
		if e.Modified.After(db.Modified) {
			db.Modified = e.Modified
		}
		vulns = append(vulns, vulnMeta{ID: e.ID, Modified: e.Modified, Aliases: e.Aliases})
		for _, a := range e.Affected {
			m := modules[a.Package.Name]
			if m == nil {
				m = &moduleMeta{Path: a.Package.Name}
				modules[a.Package.Name] = m
			}
			m.Vulns = append(m.Vulns, moduleVuln{ID: e.ID, Modified: e.Modified, Fixed: latestFix(a.Ranges)})
		}
	}
	if err := writeIndexes(outDir, db, modules, vulns); err != nil {
		return summary{}, err
	}
	return summary{entries: len(vulns), modules: len(modules), modified: db.Modified}, nil
}

// copyEntry reads one OSV entry and writes it unchanged to ID/<id>.json.
func copyEntry(file, outDir string) (entry, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return entry{}, err
	}
	var e entry
	if err := json.Unmarshal(b, &e); err != nil {
		return entry{}, fmt.Errorf("%s: %w", file, err)
	}
	// govulncheck looks an entry up by its ID, so the name must be the ID.
	if filepath.Base(file) != e.ID+".json" {
		return entry{}, fmt.Errorf("%s: entry has ID %q", file, e.ID)
	}
	return e, os.WriteFile(filepath.Join(outDir, "ID", e.ID+".json"), b, 0o644)
}

// writeIndexes writes the three index files, modules and vulnerabilities
// sorted, as vuln.go.dev serves them.
func writeIndexes(outDir string, db dbMeta, modules map[string]*moduleMeta, vulns []vulnMeta) error {
	mods := make([]*moduleMeta, 0, len(modules))
	for _, m := range modules {
		sort.Slice(m.Vulns, func(i, j int) bool { return m.Vulns[i].ID < m.Vulns[j].ID })
		mods = append(mods, m)
	}
	sort.Slice(mods, func(i, j int) bool { return mods[i].Path < mods[j].Path })
	sort.Slice(vulns, func(i, j int) bool { return vulns[i].ID < vulns[j].ID })
	return errors.Join(
		writeJSON(filepath.Join(outDir, "index", "db.json"), db),
		writeJSON(filepath.Join(outDir, "index", "modules.json"), mods),
		writeJSON(filepath.Join(outDir, "index", "vulns.json"), vulns),
	)
}

func writeJSON(path string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

// latestFix is the index's "fixed" of one affected module: the highest
// fixed version, or none when the vulnerability is introduced again after
// it. govulncheck skips an entry for a module version at or above it without
// reading the entry, so a wrong one would hide a vulnerability. Versions
// carry no "v"; "0" means from the beginning.
func latestFix(ranges []osvRange) string {
	var latest string
	for _, r := range ranges {
		if r.Type != "SEMVER" {
			continue
		}
		for _, e := range r.Events {
			if e.Fixed != "" && less(latest, e.Fixed) {
				latest = e.Fixed
			}
		}
		for _, e := range r.Events {
			if e.Introduced != "" && e.Introduced != "0" && less(latest, e.Introduced) {
				latest = ""
				break
			}
		}
	}
	return latest
}

// less compares two OSV versions as semver; "" sorts before every version.
func less(v, w string) bool {
	return semver.Compare("v"+v, "v"+w) < 0
}
