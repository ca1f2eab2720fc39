// Package safefile keeps the user's files safe both ways. Reading, it opens a file the user pointed at (a plan file, a plan
// PDF, a review, a group member, an own catalogue) only when it is a
// regular file, and says in Dutch what it is otherwise. A FIFO, device or
// socket is refused before it is opened for reading, because reading one
// can block forever; a directory, a dangling link and a link loop get a
// message of their own instead of Go's English error text. Writing
// (atomic.go), a file is whole or absent.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"zelfscan/usermsg"
)

// Error is a file that cannot be read. Problem names no folder: the
// message puts it after the file's base name. Err keeps the cause, for
// errors.Is and the log. planfile.FileError is this type.
type Error struct {
	Name    string
	Problem *usermsg.Error
	Err     error
}

// Message is the problem after the file's name, for the user.
func (e *Error) Message() *usermsg.Error {
	return usermsg.New("file.problem", map[string]any{"Name": e.Name, "Problem": e.Problem})
}

func (e *Error) Error() string { return e.Message().Error() }

// Problem is a message code with its arguments, for Error's Problem.
func Problem(code string, args map[string]any) *usermsg.Error { return usermsg.New(code, args) }

func (e *Error) Unwrap() error { return e.Err }

// ErrNotRegular marks a path that exists but is no regular file.
var ErrNotRegular = errors.New("geen gewoon bestand")

// Open opens path for reading when it is a regular file (after following
// links). The open itself does not block: a FIFO swapped in after the
// check is still refused.
func Open(path string) (*os.File, error) {
	if err := checkRegular(path); err != nil {
		return nil, err
	}
	fh, err := os.OpenFile(path, os.O_RDONLY|nonBlocking, 0)
	if err != nil {
		return nil, openError(path, err)
	}
	st, err := fh.Stat()
	if err == nil && !st.Mode().IsRegular() {
		err = notRegular(path, st.Mode())
	}
	if err != nil {
		fh.Close()
		return nil, asError(path, err)
	}
	return fh, nil
}

// ReadCapped reads the regular file at path, at most limit bytes; a larger
// file gives tooLarge, which the caller words for its kind of file.
func ReadCapped(path string, limit int64, tooLarge error) ([]byte, error) {
	fh, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	size := int64(0)
	if st, err := fh.Stat(); err == nil {
		size = st.Size()
	}
	if size > limit {
		return nil, tooLarge
	}
	// One allocation of the stated size (plus room to notice growth):
	// io.ReadAll would double its buffer up to twice the file.
	buf := make([]byte, 0, size+1)
	for {
		n, err := fh.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > limit {
			return nil, tooLarge
		}
		if errors.Is(err, io.EOF) {
			return buf, nil
		}
		if err != nil {
			return nil, &Error{Name: displayName(path), Problem: Problem("file.unreadable", map[string]any{"Reason": reason(err)}), Err: err}
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
	}
}

// checkRegular looks at path without opening it.
func checkRegular(path string) error {
	lst, err := os.Lstat(path)
	if err != nil {
		return openError(path, err)
	}
	st, err := os.Stat(path)
	if err != nil {
		if lst.Mode()&fs.ModeSymlink != 0 {
			return linkError(path, err)
		}
		return openError(path, err)
	}
	if !st.Mode().IsRegular() {
		return notRegular(path, st.Mode())
	}
	return nil
}

func linkError(path string, err error) error {
	e := &Error{Name: displayName(path), Err: err}
	switch {
	case errors.Is(err, syscall.ELOOP):
		e.Problem = Problem("file.linkLoop", nil)
	case errors.Is(err, fs.ErrNotExist):
		e.Problem = Problem("file.danglingLink", nil)
	default:
		e.Problem = Problem("file.badLink", map[string]any{"Reason": reason(err)})
	}
	return e
}

func notRegular(path string, mode fs.FileMode) error {
	e := &Error{Name: displayName(path), Err: fmt.Errorf("%w: %v", ErrNotRegular, mode.Type())}
	switch {
	case mode.IsDir():
		e.Problem = Problem("file.isDir", nil)
	case mode&fs.ModeNamedPipe != 0:
		e.Problem = Problem("file.fifo", nil)
	case mode&fs.ModeSocket != 0:
		e.Problem = Problem("file.socket", nil)
	case mode&fs.ModeDevice != 0:
		e.Problem = Problem("file.device", nil)
	default:
		e.Problem = Problem("file.irregular", nil)
	}
	return e
}

func openError(path string, err error) error {
	return &Error{Name: displayName(path), Problem: Problem("file.cannotOpen", map[string]any{"Reason": reason(err)}), Err: err}
}

func asError(path string, err error) error {
	if e, ok := errors.AsType[*Error](err); ok {
		return e
	}
	return openError(path, err)
}

// reason words the common causes in Dutch; anything else is named as a
// system error, without Go's English text (that goes to the log).
func reason(err error) usermsg.Term {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "file.reason.notExist"
	case errors.Is(err, fs.ErrPermission):
		return "file.reason.permission"
	case errors.Is(err, syscall.ENOTDIR):
		return "file.reason.notDir"
	case errors.Is(err, syscall.ENAMETOOLONG):
		return "file.reason.nameTooLong"
	case errors.Is(err, syscall.EIO):
		return "file.reason.io"
	}
	return "file.reason.system"
}

// displayName is the base name: what the user sees in the file dialog,
// never the folders above it (which may be long temporary paths).
func displayName(path string) string {
	if path == "" {
		return "(naamloos bestand)"
	}
	return filepath.Base(path)
}
