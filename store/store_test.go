package store

import (
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"zelfscan/assessment"
)

var t0 = time.Date(2026, 3, 2, 9, 30, 0, 123456789, time.UTC)

func openT(t *testing.T, dir string) *Store {
	t.Helper()
	s, err := Open(dir)
	if err != nil {
		t.Fatalf("Open(%s): %v", dir, err)
	}
	return s
}

func hashFile(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func userVersion(t *testing.T, path string) int {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v int
	if err := db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// assertNothingWritten checks that no journal holds changes for path. A
// read-only SQLite connection to a WAL-mode file may leave an empty -wal and
// a -shm index beside it; those carry no data.
func assertNothingWritten(t *testing.T, path string) {
	t.Helper()
	if _, err := os.Stat(path + "-journal"); err == nil {
		t.Errorf("%s-journal was created", path)
	}
	if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() != 0 {
		t.Errorf("%s-wal holds %d bytes", path, fi.Size())
	}
}

// Save and resume: everything written before Close is there after a new
// Open. The folder name has characters a file URI must escape, as user
// folders often do.
func TestSaveAndResume(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Mijn gegevens #1 ?x=%20 ë")
	s := openT(t, dir)
	if want := filepath.Join(dir, FileName); s.Path() != want {
		t.Errorf("Path() = %q; want %q", s.Path(), want)
	}
	p := assessment.Profile{Organisation: "politie", Function: "uitvoerend", Name: "Sanne", Team: "Noord"}
	sc, err := s.CreateSelfCheck(p, "2026.1", t0)
	if err != nil {
		t.Fatal(err)
	}
	ratings := map[string]assessment.Rating{
		"basis-vormen-1":   {Level: 2, Note: "in het werk geoefend", At: t0.Add(time.Minute)},
		"basis-vormen-2":   {Level: 0, At: t0.Add(2 * time.Minute)},
		"pol-risico-1":     {Level: 3, Note: "ëèï – ‘quotes’", At: t0.Add(3 * time.Minute)},
		"weg-te-halen-ind": {Level: 1, At: t0.Add(4 * time.Minute)},
	}
	for id, r := range ratings {
		if err := s.SaveRating(sc.ID, id, r); err != nil {
			t.Fatalf("SaveRating %s: %v", id, err)
		}
	}
	// An answer changed later replaces the first one.
	changed := assessment.Rating{Level: 1, At: t0.Add(5 * time.Minute)}
	if err := s.SaveRating(sc.ID, "basis-vormen-1", changed); err != nil {
		t.Fatal(err)
	}
	ratings["basis-vormen-1"] = changed
	if err := s.DeleteRating(sc.ID, "weg-te-halen-ind"); err != nil {
		t.Fatal(err)
	}
	delete(ratings, "weg-te-halen-ind")
	if err := s.SaveNote(sc.ID, "basis-vormen", "Meer oefenen met digitaal geweld.", t0.Add(6*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveNote(sc.ID, "pol-risico-inschatting", "weg", t0.Add(6*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveNote(sc.ID, "pol-risico-inschatting", "", t0.Add(7*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if err := s.SavePosition(sc.ID, 4); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(dir)); len(entries) != 1 {
		t.Errorf("files landed outside the data folder: %v", entries)
	}
	if fi, err := os.Stat(filepath.Join(dir, FileName)); err != nil || fi.Size() == 0 {
		t.Fatalf("database not at its path: %v", err)
	}

	s = openT(t, dir)
	defer s.Close()
	got, err := s.SelfCheck(sc.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := &assessment.SelfCheck{
		ID: sc.ID, Profile: p, FrameworkVersion: "2026.1",
		Started: t0, Updated: t0.Add(6 * time.Minute),
		Ratings:  ratings,
		Notes:    map[string]string{"basis-vormen": "Meer oefenen met digitaal geweld."},
		Position: 4,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after reopen\n got %+v\nwant %+v", got, want)
	}
}

// The list is newest first with answer counts, LastProfile prefills from the
// newest, and deleting a self-check takes its answers and notes with it.
func TestListLastProfileAndDelete(t *testing.T) {
	s := openT(t, t.TempDir())
	defer s.Close()
	if _, ok, err := s.LastProfile(); err != nil || ok {
		t.Fatalf("LastProfile on empty store = %v, %v; want false, nil", ok, err)
	}
	old, err := s.CreateSelfCheck(assessment.Profile{Organisation: "csg", Function: "uitvoerend"}, "1", t0)
	if err != nil {
		t.Fatal(err)
	}
	newer := assessment.Profile{Organisation: "csg", Function: "aandachtsfunctionaris", Name: "Jo"}
	nw, err := s.CreateSelfCheck(newer, "1", t0.Add(24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"a", "b"} {
		if err := s.SaveRating(old.ID, id, assessment.Rating{Level: 1, At: t0.Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SaveNote(old.ID, "basis-vormen", "x", t0); err != nil {
		t.Fatal(err)
	}
	list, err := s.SelfChecks()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != nw.ID || list[1].ID != old.ID {
		t.Fatalf("SelfChecks order = %+v; want newest (%d) first", list, nw.ID)
	}
	if list[1].Answered != 2 || list[0].Answered != 0 {
		t.Errorf("Answered = %d, %d; want 0, 2", list[0].Answered, list[1].Answered)
	}
	if !list[1].Updated.Equal(t0.Add(time.Hour)) {
		t.Errorf("Updated = %v; want the time of the last answer %v", list[1].Updated, t0.Add(time.Hour))
	}
	if p, ok, err := s.LastProfile(); err != nil || !ok || p != newer {
		t.Errorf("LastProfile = %+v, %v, %v; want %+v", p, ok, err, newer)
	}

	if err := s.DeleteSelfCheck(old.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SelfCheck(old.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("SelfCheck after delete: %v; want ErrNotFound", err)
	}
	var left int
	if err := s.db.QueryRow("SELECT (SELECT count(*) FROM answer) + (SELECT count(*) FROM competency_note)").Scan(&left); err != nil {
		t.Fatal(err)
	}
	if left != 0 {
		t.Errorf("%d answers/notes left after deleting their self-check; want cascade", left)
	}
	if err := s.DeleteSelfCheck(old.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: %v; want ErrNotFound", err)
	}
}

// Writes against a self-check that does not exist say ErrNotFound, and bad
// input is refused with a Dutch message before it reaches the file.
func TestNotFoundAndInputChecks(t *testing.T) {
	s := openT(t, t.TempDir())
	defer s.Close()
	if err := s.SaveRating(42, "x", assessment.Rating{Level: 1}); !errors.Is(err, ErrNotFound) {
		t.Errorf("SaveRating on missing self-check: %v; want ErrNotFound", err)
	}
	if err := s.SaveNote(42, "x", "y", t0); !errors.Is(err, ErrNotFound) {
		t.Errorf("SaveNote on missing self-check: %v; want ErrNotFound", err)
	}
	if err := s.SavePosition(42, 1); !errors.Is(err, ErrNotFound) {
		t.Errorf("SavePosition on missing self-check: %v; want ErrNotFound", err)
	}
	if _, err := s.SelfCheck(42); !errors.Is(err, ErrNotFound) {
		t.Errorf("SelfCheck(42): %v; want ErrNotFound", err)
	}

	sc, err := s.CreateSelfCheck(assessment.Profile{Organisation: "om", Function: "uitvoerend"}, "1", t0)
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("é", MaxNoteRunes+1)
	cases := []struct {
		name string
		err  error
		want string
	}{
		{"negative level", s.SaveRating(sc.ID, "i", assessment.Rating{Level: -1}), "Niveau -1"},
		{"absurd level", s.SaveRating(sc.ID, "i", assessment.Rating{Level: MaxLevel + 1}), "Niveau 11"},
		{"long rating note", s.SaveRating(sc.ID, "i", assessment.Rating{Level: 1, Note: long}), "te lang: 5001 tekens"},
		{"long competency note", s.SaveNote(sc.ID, "c", long, t0), "te lang"},
		{"bad UTF-8", s.SaveNote(sc.ID, "c", "a\xffb", t0), "tekens die niet"},
		{"no indicator", s.SaveRating(sc.ID, "", assessment.Rating{}), "De indicator ontbreekt"},
		{"negative position", s.SavePosition(sc.ID, -1), "Positie -1"},
		{"no organisation", func() error {
			_, err := s.CreateSelfCheck(assessment.Profile{Function: "uitvoerend"}, "1", t0)
			return err
		}(), "De organisatie ontbreekt"},
	}
	for _, c := range cases {
		if !errors.Is(c.err, ErrInvalid) || !strings.Contains(Explain(c.err).Error(), c.want) {
			t.Errorf("%s: err %v, message %q; want ErrInvalid saying %q", c.name, c.err, Explain(c.err).Error(), c.want)
		}
	}
	// A note of exactly the cap (in runes, not bytes) fits.
	if err := s.SaveNote(sc.ID, "c", long[:len(long)-len("é")], t0); err != nil {
		t.Errorf("note of %d runes refused: %v", MaxNoteRunes, err)
	}
	got, err := s.SelfCheck(sc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Ratings) != 0 {
		t.Errorf("refused ratings were stored: %+v", got.Ratings)
	}
}

// Migrations run once on an empty file, set user_version, and a second
// Open leaves a current file alone (no migration, no backup).
func TestMigrationsFromEmptyFile(t *testing.T) {
	dir := t.TempDir()
	s := openT(t, dir)
	if s.BackupPath() != "" {
		t.Errorf("backup %q made of a new, empty database", s.BackupPath())
	}
	s.Close()
	path := filepath.Join(dir, FileName)
	if v := userVersion(t, path); v != len(migrations) {
		t.Fatalf("user_version = %d; want %d", v, len(migrations))
	}
	before := hashFile(t, path)
	s = openT(t, dir)
	if s.BackupPath() != "" {
		t.Errorf("reopen made backup %q; nothing was pending", s.BackupPath())
	}
	s.Close()
	if hashFile(t, path) != before {
		t.Error("reopening a current database changed it (migration ran again?)")
	}
	if v := userVersion(t, path); v != len(migrations) {
		t.Errorf("user_version after reopen = %d", v)
	}
}

// A database from a newer app is refused with ErrNewerSchema, named
// versions, a Dutch message, and the file is left byte for byte as it was,
// with nothing written into a journal beside it; in both journal modes.
func TestNewerSchemaRefusedUntouched(t *testing.T) {
	for _, mode := range []string{"DELETE", "WAL"} {
		t.Run(mode, func(t *testing.T) { checkNewerRefused(t, mode) })
	}
}

func checkNewerRefused(t *testing.T, journalMode string) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode("+journalMode+")")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE future (x TEXT); INSERT INTO future VALUES ('van later'); PRAGMA user_version = 7"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before := hashFile(t, path)
	if journalMode == "DELETE" {
		// A rollback-journal file must not even get sidecars: the refusal
		// never switched it to WAL.
		defer func() {
			for _, suf := range []string{"-wal", "-shm"} {
				if _, err := os.Stat(path + suf); err == nil {
					t.Errorf("%s%s was created", path, suf)
				}
			}
		}()
	}

	for name, open := range map[string]func(string) (*Store, error){"Open": Open, "OpenReadOnly": OpenReadOnly} {
		s, err := open(dir)
		if err == nil {
			s.Close()
			t.Fatalf("%s accepted schema 7", name)
		}
		var nse *NewerSchemaError
		if !errors.Is(err, ErrNewerSchema) || !errors.As(err, &nse) || nse.Found != 7 || nse.Known != len(migrations) {
			t.Fatalf("%s: %v; want NewerSchemaError{Found: 7, Known: %d}", name, err, len(migrations))
		}
		if !strings.Contains(err.Error(), "version 7") {
			t.Errorf("error %q does not name the file's version", err)
		}
		want := "Deze gegevens zijn gemaakt met een nieuwere versie van Zelfscan GGG (schema 7). Werk de app bij; het bestand is niet gewijzigd."
		if got := Explain(err).Error(); got != want {
			t.Errorf("UserMessage = %q; want %q", got, want)
		}
		if hashFile(t, path) != before {
			t.Fatalf("%s changed the newer database", name)
		}
		assertNothingWritten(t, path)
	}
	// The refusal released the folder lock: the next Open fails for the same
	// reason, not with ErrLocked.
	if _, err := Open(dir); !errors.Is(err, ErrNewerSchema) {
		t.Errorf("second Open: %v; want ErrNewerSchema again", err)
	}
}

// With umask 0 the folder is still 0700 and the database, its -wal and -shm
// and the lock file 0600; an existing file open to others is tightened.
func TestFileModes(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)

	dir := filepath.Join(t.TempDir(), "config", "zelfscan")
	s := openT(t, dir)
	if _, err := s.CreateSelfCheck(assessment.Profile{Organisation: "om", Function: "uitvoerend"}, "1", t0); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, FileName)
	want := map[string]os.FileMode{
		dir:                          0o700,
		filepath.Dir(dir):            0o700,
		path:                         0o600,
		filepath.Join(dir, LockName): 0o600,
	}
	for _, suf := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + suf); err == nil {
			want[path+suf] = 0o600
		}
	}
	if _, ok := want[path+"-wal"]; !ok {
		t.Error("no -wal file while open; WAL mode not in effect?")
	}
	for p, m := range want {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != m {
			t.Errorf("%s mode %v; want %v", p, fi.Mode().Perm(), m)
		}
	}
	s.Close()

	if err := os.Chmod(path, 0o666); err != nil {
		t.Fatal(err)
	}
	openT(t, dir).Close()
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("existing 0666 file left at %v; want 0600", fi.Mode().Perm())
	}
}

// A second Open of the same folder gets ErrLocked with the Dutch message;
// OpenReadOnly works alongside, sees the first instance's answers, and
// refuses every write with ErrReadOnly.
func TestLockAndReadOnly(t *testing.T) {
	dir := t.TempDir()
	s := openT(t, dir)
	defer s.Close()
	sc, err := s.CreateSelfCheck(assessment.Profile{Organisation: "rvdk", Function: "uitvoerend"}, "1", t0)
	if err != nil {
		t.Fatal(err)
	}

	_, err = Open(dir)
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second Open: %v; want ErrLocked", err)
	}
	if got, want := Explain(err).Error(), "Zelfscan GGG is al geopend op deze computer. Sluit het andere venster en probeer het opnieuw."; got != want {
		t.Errorf("UserMessage = %q; want %q", got, want)
	}

	ro, err := OpenReadOnly(dir)
	if err != nil {
		t.Fatalf("OpenReadOnly beside a writer: %v", err)
	}
	defer ro.Close()
	if !ro.ReadOnly() || s.ReadOnly() {
		t.Errorf("ReadOnly() = %v (ro), %v (rw)", ro.ReadOnly(), s.ReadOnly())
	}
	// Written after the reader opened: WAL lets it see the commit.
	if err := s.SaveRating(sc.ID, "i1", assessment.Rating{Level: 2, At: t0}); err != nil {
		t.Fatal(err)
	}
	got, err := ro.SelfCheck(sc.ID)
	if err != nil || got.Ratings["i1"].Level != 2 {
		t.Fatalf("read-only SelfCheck = %+v, %v; want the writer's answer", got, err)
	}

	writes := map[string]error{
		"SaveRating":   ro.SaveRating(sc.ID, "i1", assessment.Rating{Level: 0}),
		"DeleteRating": ro.DeleteRating(sc.ID, "i1"),
		"SaveNote":     ro.SaveNote(sc.ID, "c", "n", t0),
		"SavePosition": ro.SavePosition(sc.ID, 1),
		"Delete":       ro.DeleteSelfCheck(sc.ID),
	}
	_, writes["Create"] = ro.CreateSelfCheck(assessment.Profile{Organisation: "om", Function: "uitvoerend"}, "1", t0)
	for name, err := range writes {
		if !errors.Is(err, ErrReadOnly) || !strings.Contains(Explain(err).Error(), "alleen kijken") {
			t.Errorf("read-only %s: %v (%q); want ErrReadOnly", name, err, Explain(err).Error())
		}
	}
	// The connection itself refuses writes too, should a method forget.
	if _, err := ro.db.Exec("DELETE FROM self_check"); err == nil {
		t.Error("read-only connection accepted a DELETE")
	}
	if got, _ := s.SelfCheck(sc.ID); got.Ratings["i1"].Level != 2 {
		t.Error("a read-only write reached the file")
	}

	s.Close()
	again, err := Open(dir)
	if err != nil {
		t.Fatalf("Open after the first instance closed: %v", err)
	}
	again.Close()
}

// A file that is not a database, or whose pages are damaged, is refused
// with ErrCorrupt and a message naming it, and is not written to.
func TestCorruptFile(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	noise := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.UintN(256))
		}
		return b
	}

	t.Run("random bytes", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, FileName)
		if err := os.WriteFile(path, noise(8192), 0o600); err != nil {
			t.Fatal(err)
		}
		checkCorrupt(t, dir, path)
	})

	t.Run("damaged pages", func(t *testing.T) {
		dir := t.TempDir()
		s := openT(t, dir)
		sc, err := s.CreateSelfCheck(assessment.Profile{Organisation: "om", Function: "uitvoerend"}, "1", t0)
		if err != nil {
			t.Fatal(err)
		}
		for i := range 200 {
			if err := s.SaveRating(sc.ID, strings.Repeat("x", 100)+string(rune('a'+i%26))+string(rune('a'+i/26)), assessment.Rating{Level: 1, At: t0}); err != nil {
				t.Fatal(err)
			}
		}
		s.Close()
		path := filepath.Join(dir, FileName)
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		// Keep page 1 (header and schema), scramble the rest.
		copy(b[4096:], noise(len(b)-4096))
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
		checkCorrupt(t, dir, path)
	})
}

func checkCorrupt(t *testing.T, dir, path string) {
	t.Helper()
	before := hashFile(t, path)
	s, err := Open(dir)
	if err == nil {
		s.Close()
		t.Fatal("Open accepted a corrupt file")
	}
	if !errors.Is(err, ErrCorrupt) {
		t.Fatalf("Open: %v; want ErrCorrupt", err)
	}
	msg := Explain(err).Error()
	if !strings.Contains(msg, "beschadigd") || !strings.Contains(msg, path) {
		t.Errorf("UserMessage = %q; want it to say beschadigd and name %s", msg, path)
	}
	if hashFile(t, path) != before {
		t.Error("the corrupt file was changed")
	}
	assertNothingWritten(t, path)
}

// Before a migration runs on existing data, the file is copied beside
// itself: the copy holds the data at the old version and BackupPath names
// it. A failing migration rolls back whole.
func TestBackupBeforeMigration(t *testing.T) {
	dir := t.TempDir()
	s := openT(t, dir)
	sc, err := s.CreateSelfCheck(assessment.Profile{Organisation: "vrouwenopvang", Function: "uitvoerend"}, "1", t0)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveRating(sc.ID, "vo-dynamiek-1", assessment.Rating{Level: 2, At: t0}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	path := filepath.Join(dir, FileName)

	broken := append(append([]migration{}, migrations...), migration{name: "broken", sql: `
		CREATE TABLE half (x); INSERT INTO no_such_table VALUES (1);`})
	if _, err := open(dir, options{migrations: broken}); err == nil {
		t.Fatal("a failing migration was reported as success")
	}
	if v := userVersion(t, path); v != len(migrations) {
		t.Errorf("after failed migration user_version = %d; want %d", v, len(migrations))
	}
	s = openT(t, dir)
	if err := s.db.QueryRow("SELECT 1 FROM sqlite_schema WHERE name = 'half'").Scan(new(int)); !errors.Is(err, sql.ErrNoRows) {
		t.Errorf("table from the failed migration exists (err %v); want it rolled back", err)
	}
	s.Close()

	extended := append(append([]migration{}, migrations...), migration{name: "test column", sql: `
		ALTER TABLE self_check ADD COLUMN extra TEXT NOT NULL DEFAULT ''`})
	s, err = open(dir, options{migrations: extended})
	if err != nil {
		t.Fatal(err)
	}
	backup := s.BackupPath()
	wantPrefix := fmt.Sprintf("%s.bak-v%d-", FileName, len(migrations))
	if backup == "" || filepath.Dir(backup) != dir || !strings.HasPrefix(filepath.Base(backup), wantPrefix) {
		t.Fatalf("BackupPath = %q; want %s<time> beside the database", backup, wantPrefix)
	}
	got, err := s.SelfCheck(sc.ID)
	if err != nil || got.Ratings["vo-dynamiek-1"].Level != 2 {
		t.Errorf("data after migration: %+v, %v", got, err)
	}
	s.Close()
	if v := userVersion(t, path); v != len(extended) {
		t.Errorf("user_version after migration = %d; want %d", v, len(extended))
	}

	if fi, err := os.Stat(backup); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("backup: %v, %v; want a 0600 file", fi, err)
	}
	if v := userVersion(t, backup); v != len(migrations) {
		t.Errorf("backup user_version = %d; want %d (the version before migrating)", v, len(migrations))
	}
	bdb, err := sql.Open("sqlite", "file:"+backup+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer bdb.Close()
	var level int
	if err := bdb.QueryRow("SELECT level FROM answer WHERE indicator_id = 'vo-dynamiek-1'").Scan(&level); err != nil || level != 2 {
		t.Errorf("backup answer: %d, %v; want level 2", level, err)
	}

	s, err = open(dir, options{migrations: extended})
	if err != nil {
		t.Fatal(err)
	}
	if s.BackupPath() != "" {
		t.Errorf("reopen at the new version made another backup %q", s.BackupPath())
	}
	s.Close()
	// Back to the shipped list, the file is now newer than the app.
	if _, err := Open(dir); !errors.Is(err, ErrNewerSchema) {
		t.Errorf("shipped Open on migrated file: %v; want ErrNewerSchema", err)
	}
}

// SQLite's own read-only error (the code a write to a file without write
// permission yields) maps to ErrNoAccess and a Dutch message naming the file.
func TestReadOnlyErrorMapping(t *testing.T) {
	dir := t.TempDir()
	s := openT(t, dir)
	s.Close()
	path := filepath.Join(dir, FileName)
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_, err = db.Exec("DELETE FROM self_check")
	if err == nil {
		t.Fatal("mode=ro connection accepted a write")
	}
	err = classify(path, err)
	if !errors.Is(err, ErrNoAccess) {
		t.Fatalf("classify(%v) not ErrNoAccess", err)
	}
	msg := Explain(err).Error()
	if !strings.Contains(msg, path) || !strings.Contains(msg, "alleen-lezen") || strings.Contains(msg, "SQL") {
		t.Errorf("UserMessage = %q", msg)
	}
	if Explain(errors.New("sql: database is closed")).Error() == "" || strings.Contains(Explain(errors.New("sql: x")).Error(), "sql") {
		t.Error("an unknown error must still get a plain Dutch sentence")
	}
}

// Answers saved from several goroutines at once all arrive, without
// SQLITE_BUSY: the GUI may save from more than one goroutine.
func TestConcurrentSaves(t *testing.T) {
	s := openT(t, t.TempDir())
	defer s.Close()
	sc, err := s.CreateSelfCheck(assessment.Profile{Organisation: "om", Function: "uitvoerend"}, "1", t0)
	if err != nil {
		t.Fatal(err)
	}
	const workers, each = 8, 25
	errs := make(chan error, workers)
	for w := range workers {
		go func() {
			for i := range each {
				if err := s.SaveRating(sc.ID, fmt.Sprintf("w%d-i%d", w, i), assessment.Rating{Level: 1, At: t0}); err != nil {
					errs <- err
					return
				}
				if _, err := s.SelfCheck(sc.ID); err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range workers {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.SelfCheck(sc.ID)
	if err != nil || len(got.Ratings) != workers*each {
		t.Fatalf("%d ratings, %v; want %d", len(got.Ratings), err, workers*each)
	}
}

// OpenReadOnly creates nothing and migrates nothing: with no database it
// says there are no data yet, and a file that still needs a migration is
// refused with ErrOlderSchema rather than read with the wrong schema.
func TestOpenReadOnlyRefusals(t *testing.T) {
	dir := t.TempDir()
	_, err := OpenReadOnly(dir)
	if !errors.Is(err, os.ErrNotExist) || !strings.Contains(Explain(err).Error(), "nog geen gegevens") {
		t.Errorf("OpenReadOnly on empty folder: %v (%q)", err, Explain(err).Error())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("OpenReadOnly created %v", entries)
	}

	openT(t, dir).Close()
	extended := append(append([]migration{}, migrations...), migration{name: "later", sql: "CREATE TABLE later (x)"})
	_, err = openReadOnly(dir, options{migrations: extended})
	if !errors.Is(err, ErrOlderSchema) || !strings.Contains(Explain(err).Error(), "bijgewerkt") {
		t.Errorf("OpenReadOnly on an older schema: %v (%q); want ErrOlderSchema", err, Explain(err).Error())
	}
}

// Each data folder gets its own random person ID once; it stays the same
// when the folder is opened again, also read-only.
func TestPersonIDOncePerFolder(t *testing.T) {
	dirA, dirB := t.TempDir(), t.TempDir()
	a := openT(t, dirA)
	idA, err := a.PersonID()
	a.Close()
	if err != nil || !regexp.MustCompile(`^[0-9a-f]{32}$`).MatchString(idA) {
		t.Fatalf("person ID %q, %v", idA, err)
	}
	b := openT(t, dirB)
	idB, _ := b.PersonID()
	b.Close()
	if idA == idB {
		t.Fatal("two data folders got the same person ID")
	}
	again := openT(t, dirA)
	id, _ := again.PersonID()
	again.Close()
	ro, err := OpenReadOnly(dirA)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if roID, _ := ro.PersonID(); id != idA || roID != idA {
		t.Fatalf("person ID changed on reopening: %s, %s, then %s", idA, id, roID)
	}
}
