package store

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"zelfscan/usermsg"
)

// Kinds of failure the GUI tells apart. Test with errors.Is; Explain
// turns any of them into a Dutch sentence.
var (
	// ErrLocked: another running instance holds the data folder.
	ErrLocked = errors.New("the data folder is in use by another instance")
	// ErrNewerSchema: the file was written by a newer app; see *NewerSchemaError.
	ErrNewerSchema = errors.New("the database was made by a newer version of the app")
	// ErrOlderSchema: a read-only store found a file that still needs a migration.
	ErrOlderSchema = errors.New("the database needs an upgrade that a read-only store cannot do")
	// ErrReadOnly: a write was asked of a store opened with OpenReadOnly.
	ErrReadOnly = errors.New("the store is open read-only")
	// ErrNoAccess: the folder or file may not be written (permissions, read-only disk).
	ErrNoAccess = errors.New("no write access")
	// ErrCorrupt: the file is not a readable SQLite database.
	ErrCorrupt = errors.New("the database file is damaged")
	// ErrDiskFull: the disk has no room left.
	ErrDiskFull = errors.New("the disk is full")
	// ErrNotFound: the self-check asked for does not exist.
	ErrNotFound = errors.New("not found")
	// ErrInvalid: input the store refuses; the error is a *usermsg.Error.
	ErrInvalid = errors.New("invalid input")
	// ErrCannotOpen: the data folder could not be used for another reason;
	// the FileError's cause says which.
	ErrCannotOpen = errors.New("the data folder cannot be opened")
)

// NewerSchemaError says which schema the file has and which this app knows.
type NewerSchemaError struct {
	Path  string
	Found int
	Known int
}

func (e *NewerSchemaError) Error() string {
	return fmt.Sprintf("%s has schema version %d, this app knows up to version %d", e.Path, e.Found, e.Known)
}

func (e *NewerSchemaError) Unwrap() error { return ErrNewerSchema }

// FileError ties a failure to the file or folder it concerns, so the GUI can
// name it. Kind is one of the sentinels above; Err is the cause.
type FileError struct {
	Path string
	Kind error
	Err  error
}

func (e *FileError) Error() string { return fmt.Sprintf("%s: %v: %v", e.Path, e.Kind, e.Err) }

func (e *FileError) Unwrap() []error { return []error{e.Kind, e.Err} }

// invalidInput is refused input: a message for the user that is also
// ErrInvalid for errors.Is.
func invalidInput(code string, args map[string]any) error {
	return usermsg.Wrap(code, args, ErrInvalid)
}

// classify attaches a Kind to errors whose cause the user can act on
// (permissions, damage, a full disk) and returns others unchanged.
func classify(path string, err error) error {
	if err == nil {
		return nil
	}
	var fe *FileError
	if errors.As(err, &fe) {
		return err
	}
	kind := kindOf(err)
	if kind == nil {
		return err
	}
	return &FileError{Path: path, Kind: kind, Err: err}
}

// kindOf is the Kind of a failure the user can act on, or nil.
func kindOf(err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_AUTH:
			return ErrNoAccess
		case sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT:
			return ErrCorrupt
		case sqlite3.SQLITE_FULL:
			return ErrDiskFull
		}
		return nil
	}
	switch {
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EROFS):
		return ErrNoAccess
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return ErrDiskFull
	}
	return nil
}

// openFailure makes sure a failure to open the data folder names the path
// and a cause the user can understand: what kindOf knows, else the system's
// reason (errno) as a Dutch phrase, else "unknown".
func openFailure(dir string, err error) error {
	var fe *FileError
	var nse *NewerSchemaError
	if err == nil || errors.As(err, &fe) || errors.As(err, &nse) {
		return err
	}
	if kind := kindOf(err); kind != nil {
		return &FileError{Path: dir, Kind: kind, Err: err}
	}
	return &FileError{Path: dir, Kind: ErrCannotOpen, Err: err}
}

// causes are the system's reasons a folder or file cannot be used, in words.
var causes = map[syscall.Errno]usermsg.Term{
	syscall.ENOTDIR:      "store.cause.notDir",
	syscall.EISDIR:       "store.cause.isDir",
	syscall.ENOENT:       "store.cause.notExist",
	syscall.ELOOP:        "store.cause.loop",
	syscall.ENAMETOOLONG: "store.cause.nameTooLong",
	syscall.EIO:          "store.cause.io",
	syscall.ENOLCK:       "store.cause.noLock",
	syscall.EOPNOTSUPP:   "store.cause.noLock",
	syscall.EMFILE:       "store.cause.tooManyFiles",
	syscall.ENFILE:       "store.cause.tooManyFiles",
	syscall.EBUSY:        "store.cause.busy",
	syscall.EEXIST:       "store.cause.exists",
}

// causeOf is the reason err gives, in words the user understands.
func causeOf(err error) usermsg.Term {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		if t, ok := causes[errno]; ok {
			return t
		}
	}
	return "store.cause.unknown"
}

// Explain is the message for the user: what happened and what to do, as a
// code the app translates. It never carries Go or SQLite wording.
func Explain(err error) *usermsg.Error {
	if err == nil {
		return nil
	}
	if m, ok := usermsg.As(err); ok {
		return m
	}
	var nse *NewerSchemaError
	if errors.As(err, &nse) {
		return usermsg.Wrap("store.newerSchema", map[string]any{"Found": nse.Found}, err)
	}
	path := usermsg.Term("store.theDataFolder")
	var fe *FileError
	if errors.As(err, &fe) {
		return usermsg.Wrap(codeOf(err), map[string]any{"Path": fe.Path, "Cause": causeOf(fe.Err)}, err)
	}
	return usermsg.Wrap(codeOf(err), map[string]any{"Path": path}, err)
}

// codeOf names the message for a Kind.
func codeOf(err error) string {
	switch {
	case errors.Is(err, ErrLocked):
		return "store.locked"
	case errors.Is(err, ErrReadOnly):
		return "store.readOnly"
	case errors.Is(err, ErrOlderSchema):
		return "store.olderSchema"
	case errors.Is(err, ErrCorrupt):
		return "store.corrupt"
	case errors.Is(err, ErrNoAccess):
		return "store.noAccess"
	case errors.Is(err, ErrDiskFull):
		return "store.diskFull"
	case errors.Is(err, fs.ErrNotExist):
		return "store.noDataYet"
	case errors.Is(err, ErrNotFound):
		return "store.notFound"
	case errors.Is(err, ErrCannotOpen):
		return "store.cannotOpen"
	}
	return "store.failed"
}
