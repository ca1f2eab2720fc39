package workspace

import (
	"zelfscan/store"
	"zelfscan/usermsg"
)

// What the window names of the store, declared here so that it reaches the
// store only through the workspace.
type (
	// Summary is one self-check in the history and on the start screen.
	Summary = store.Summary
	// ItemSnapshot is a catalogue item's title and provider as they were
	// when an action was saved; the plan screen shows them.
	ItemSnapshot = store.ItemSnapshot
	// OwnCatalogue is an own catalogue as it was imported, for its screen.
	OwnCatalogue = store.OwnCatalogue
	// FileError ties a store failure to the file or folder it concerns,
	// so the window can name it.
	FileError = store.FileError
)

// Kinds of store failure the window tells apart with errors.Is.
var (
	ErrLocked      = store.ErrLocked
	ErrNewerSchema = store.ErrNewerSchema
	ErrCorrupt     = store.ErrCorrupt
	ErrNoAccess    = store.ErrNoAccess
	ErrDiskFull    = store.ErrDiskFull
	ErrNotFound    = store.ErrNotFound
	ErrReadOnly    = store.ErrReadOnly
)

// OpenStore opens (creating when needed) the data in dataDir for reading
// and writing, holding the folder's lock, so a second window gets
// ErrLocked. backup is the copy of the data made before a migration to
// this version, "" when there was none.
func OpenStore(dataDir string) (st Store, backup string, err error) {
	s, err := store.Open(dataDir)
	if err != nil {
		return nil, "", err
	}
	return s, s.BackupPath(), nil
}

// OpenStoreReadOnly opens the data in dataDir for reading only, without
// the lock, for a window beside one that already has them open. Writes are
// refused with ErrReadOnly.
func OpenStoreReadOnly(dataDir string) (Store, error) {
	s, err := store.OpenReadOnly(dataDir)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// ExplainStoreError is the message for a store failure that carries none
// of its own: what happened and what to do, never Go or SQLite wording.
func ExplainStoreError(err error) *usermsg.Error { return store.Explain(err) }

// DeleteAllData removes every file the store keeps in dataDir (database,
// journals, lock, backups) and nothing else. The store open on it must be
// closed first.
func DeleteAllData(dataDir string) error { return store.DeleteAll(dataDir) }
