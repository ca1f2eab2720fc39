// Package store keeps self-checks in one SQLite file (modernc.org/sqlite, no
// cgo). Every answer is written as it is given; the schema grows through
// numbered migrations (migrate.go); a file from a newer app is refused and
// left as it is.
package store

import (
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"

	"github.com/gofrs/flock"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

const (
	// FileName is the database file inside the data folder.
	FileName = "zelfscan.db"
	// LockName is the file a writing instance holds an exclusive lock on.
	LockName = "zelfscan.lock"
)

// Store is an open database. Its methods are safe for concurrent use.
type Store struct {
	db       *sql.DB
	path     string
	lock     *flock.Flock // nil when read-only
	readOnly bool
	backup   string
}

// options lets tests run Open with an extended migration list.
type options struct {
	migrations []migration
}

// Open opens (creating when needed) the database in dir for reading and
// writing, holding dir/zelfscan.lock so a second instance gets ErrLocked.
// Pending migrations run in transactions; an existing database is first
// copied beside itself (see BackupPath).
func Open(dir string) (*Store, error) {
	s, err := open(dir, options{migrations: migrations})
	return s, openFailure(dir, err)
}

func open(dir string, opt options) (s *Store, err error) {
	// Only the folders created here get 0700; an existing folder the user
	// chose keeps its mode. The umask can only take bits away from 0700.
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, classify(dir, fmt.Errorf("create data folder: %w", err))
	}
	lk := flock.New(filepath.Join(dir, LockName), flock.SetPermissions(0o600))
	ok, err := lk.TryLock()
	if err != nil {
		return nil, classify(dir, fmt.Errorf("lock data folder: %w", err))
	}
	if !ok {
		return nil, &FileError{Path: dir, Kind: ErrLocked, Err: errors.New("lock held by another process")}
	}
	defer func() {
		if err != nil {
			lk.Unlock()
		}
	}()

	path := filepath.Join(dir, FileName)
	// Create the file ourselves so it is 0600 whatever the umask; SQLite
	// would use 0644 minus umask, and its -wal/-shm copy the database's mode.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	switch {
	case err == nil:
		if err := f.Close(); err != nil {
			return nil, classify(path, fmt.Errorf("create database file: %w", err))
		}
	case !errors.Is(err, fs.ErrExist):
		return nil, classify(dir, fmt.Errorf("create database file: %w", err))
	}

	version, err := probe(path, len(opt.migrations))
	if err != nil {
		return nil, err
	}
	// Take group and other bits off a file an older build or the user left
	// open to them; SQLite gives -wal and -shm the database file's mode.
	// Best effort: a file shared on purpose by its owner (who alone may
	// chmod it) must still open.
	if fi, err := os.Stat(path); err == nil && fi.Mode().Perm()&0o077 != 0 {
		_ = os.Chmod(path, fi.Mode().Perm()&0o700)
	}

	db, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	// One connection: the pragmas hold on it, and the app's own writes never
	// compete with each other for SQLite's lock.
	db.SetMaxOpenConns(1)
	s = &Store{db: db, path: path, lock: lk}
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, classify(path, fmt.Errorf("open database %s: %w", path, err))
	}
	// SQLite opens a file it may not write read-only without saying so;
	// find out now rather than at the first answer.
	if err := checkWritable(db); err != nil {
		db.Close()
		return nil, classify(path, fmt.Errorf("open database %s for writing: %w", path, err))
	}
	if err := s.migrate(opt.migrations, version); err != nil {
		db.Close()
		return nil, classify(path, err)
	}
	return s, nil
}

// OpenReadOnly opens the database in dir for reading only, without the
// folder lock, for a second instance while the first one runs. Writes are
// refused with ErrReadOnly.
func OpenReadOnly(dir string) (*Store, error) {
	s, err := openReadOnly(dir, options{migrations: migrations})
	return s, openFailure(dir, err)
}

func openReadOnly(dir string, opt options) (*Store, error) {
	path := filepath.Join(dir, FileName)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, &FileError{Path: path, Kind: fs.ErrNotExist, Err: err}
	} else if err != nil {
		return nil, classify(path, fmt.Errorf("open database read-only: %w", err))
	}
	version, err := probe(path, len(opt.migrations))
	if err != nil {
		return nil, err
	}
	if version < len(opt.migrations) {
		return nil, &FileError{Path: path, Kind: ErrOlderSchema,
			Err: fmt.Errorf("schema version %d, this app needs %d", version, len(opt.migrations))}
	}
	db, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return nil, fmt.Errorf("open database %s read-only: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, classify(path, fmt.Errorf("open database %s read-only: %w", path, err))
	}
	return &Store{db: db, path: path, readOnly: true}, nil
}

// dsn puts every pragma in the connection string, because a PRAGMA run
// through Exec reaches only one pooled connection.
//
// synchronous(FULL) makes each answer durable against power loss, not only
// against a crash of the app, at the price of one fsync of the WAL per
// answer. BenchmarkSaveRating on the 2-core build VM while others compiled:
// FULL p50 0.25 ms, p99 1.3–5 ms (up to 13 ms at peak load); NORMAL p50
// 0.05 ms, p99 0.2–2 ms. FULL keeps the typical answer well inside the 5 ms
// budget, and an answer the user saw saved should survive a power cut.
func dsn(path string, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(5000)")
	q.Add("_pragma", "foreign_keys(1)")
	if readOnly {
		q.Set("mode", "ro")
		q.Add("_pragma", "query_only(1)")
	} else {
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "synchronous(FULL)")
		q.Set("_txlock", "immediate")
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// probe reads the schema version through a read-only connection that sets
// no journal mode, so a file this app must refuse (newer or damaged) is not
// converted to WAL or otherwise touched. A damaged file fails here.
func probe(path string, known int) (int, error) {
	q := url.Values{}
	q.Set("mode", "ro")
	q.Add("_pragma", "busy_timeout(5000)")
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		return 0, fmt.Errorf("open database %s: %w", path, err)
	}
	defer db.Close()
	var version int
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return 0, classify(path, fmt.Errorf("read schema version of %s: %w", path, err))
	}
	if version > known {
		return 0, &NewerSchemaError{Path: path, Found: version, Known: known}
	}
	var check string
	if err := db.QueryRow("PRAGMA quick_check(1)").Scan(&check); err != nil {
		return 0, classify(path, fmt.Errorf("check %s: %w", path, err))
	}
	if check != "ok" {
		return 0, &FileError{Path: path, Kind: ErrCorrupt, Err: fmt.Errorf("quick_check: %s", check)}
	}
	return version, nil
}

// Close closes the database and releases the folder lock.
func (s *Store) Close() error {
	err := s.db.Close()
	if s.lock != nil {
		if uerr := s.lock.Unlock(); uerr != nil && err == nil {
			err = uerr
		}
	}
	if err != nil {
		return fmt.Errorf("close database %s: %w", s.path, err)
	}
	return nil
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// ReadOnly reports whether the store was opened with OpenReadOnly.
func (s *Store) ReadOnly() bool { return s.readOnly }

// BackupPath is the copy made before this Open migrated an existing
// database, or "" when no migration ran on existing data.
func (s *Store) BackupPath() string { return s.backup }

// checkWritable rewrites user_version with its own value inside a
// transaction it rolls back: the smallest real write, and nothing reaches the
// file. BEGIN IMMEDIATE alone succeeds on a read-only WAL file.
func checkWritable(db *sql.DB) (err error) {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var v int
	if err := tx.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		return err
	}
	_, err = tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", v))
	return err
}

// PersonID is this data folder's person ID: 32 lowercase hex digits,
// random, made once by the schema (migration "person ID"). Plan files
// carry it so the organisation overview counts a person once.
func (s *Store) PersonID() (string, error) {
	var id string
	if err := s.db.QueryRow(`SELECT person_id FROM person WHERE id = 1`).Scan(&id); err != nil {
		return "", classify(s.path, fmt.Errorf("read person ID: %w", err))
	}
	return id, nil
}
