package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/gofrs/flock"
)

// IntegrityCheck runs SQLite's full integrity check and the foreign-key
// check; either finding anything gives ErrCorrupt.
func (s *Store) IntegrityCheck() error {
	rows, err := s.db.Query("PRAGMA integrity_check")
	if err != nil {
		return classify(s.path, fmt.Errorf("integrity check: %w", err))
	}
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return fmt.Errorf("integrity check: %w", err)
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return classify(s.path, fmt.Errorf("integrity check: %w", err))
	}
	// foreign_key_check returns one row per dangling reference.
	rows, err = s.db.Query("PRAGMA foreign_key_check")
	if err != nil {
		return classify(s.path, fmt.Errorf("foreign key check: %w", err))
	}
	for rows.Next() {
		var table, parent string
		var rowid, fkid any
		if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
			rows.Close()
			return fmt.Errorf("foreign key check: %w", err)
		}
		problems = append(problems, fmt.Sprintf("%s row %v refers to a missing %s", table, rowid, parent))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return classify(s.path, fmt.Errorf("foreign key check: %w", err))
	}
	if len(problems) > 0 {
		return &FileError{Path: s.path, Kind: ErrCorrupt, Err: errors.New(strings.Join(problems, "; "))}
	}
	return nil
}

// ours reports whether name is a file the store makes in its folder: the
// database, its journals, the lock file and the backups made before
// migrations (with any journal of their own).
func ours(name string) bool {
	switch name {
	case FileName, FileName + "-wal", FileName + "-shm", FileName + "-journal", LockName:
		return true
	}
	return strings.HasPrefix(name, FileName+".bak-")
}

// DeleteAll removes every file the store keeps in dir (database, journals,
// lock file, backups) and nothing else, for a user who wants all data gone.
// A store open on dir must be closed first; if one is, DeleteAll takes the
// folder lock or fails with ErrLocked and removes nothing. A folder that
// does not exist has nothing to delete.
func DeleteAll(dir string) error {
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	lockPath := filepath.Join(dir, LockName)
	lk := flock.New(lockPath, flock.SetPermissions(0o600))
	ok, err := lk.TryLock()
	if err != nil {
		return classify(dir, fmt.Errorf("lock data folder to delete it: %w", err))
	}
	if !ok {
		return &FileError{Path: dir, Kind: ErrLocked, Err: errors.New("lock held by another process")}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		lk.Unlock()
		return classify(dir, fmt.Errorf("list data folder: %w", err))
	}
	var errs []error
	for _, e := range entries {
		// The lock file goes last, once the lock is released (Windows
		// cannot remove an open file).
		if e.IsDir() || !ours(e.Name()) || e.Name() == LockName {
			continue
		}
		if err := os.Remove(filepath.Join(dir, e.Name())); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, classify(dir, fmt.Errorf("delete %s: %w", e.Name(), err)))
		}
	}
	if err := lk.Unlock(); err != nil {
		errs = append(errs, fmt.Errorf("unlock data folder: %w", err))
	}
	if err := os.Remove(lockPath); err != nil && !errors.Is(err, fs.ErrNotExist) {
		errs = append(errs, classify(dir, fmt.Errorf("delete %s: %w", LockName, err)))
	}
	return errors.Join(errs...)
}
