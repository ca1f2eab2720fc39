package safefile

// Files are written whole or not at all, for every file the app and its
// commands write for the user.

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
)

// pending holds the temporary files being written, so that
// RemoveTemporaries can clean up when the process is interrupted.
var pending = struct {
	sync.Mutex
	names map[string]bool
}{names: map[string]bool{}}

// RemoveTemporaries removes every temporary file Write has not yet
// renamed or removed: a command calls it on an interrupt (Ctrl-C,
// SIGTERM), when deferred clean-ups no longer run. The target files keep
// their earlier content.
func RemoveTemporaries() {
	pending.Lock()
	defer pending.Unlock()
	for name := range pending.names {
		os.Remove(name)
		delete(pending.names, name)
	}
}

func track(name string, on bool) {
	pending.Lock()
	defer pending.Unlock()
	if on {
		pending.names[name] = true
	} else {
		delete(pending.names, name)
	}
}

// Write writes a file that is whole or absent: write fills a
// temporary file in the target folder, which is synced and renamed over
// path, and then the folder is synced so the rename survives a power cut.
// On any failure an earlier file at path keeps its content. Exports hold
// personal answers and notes, so only the user may read them.
func Write(path string, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	// Not renameio: it does not build for Windows. os.CreateTemp makes the
	// file 0600 everywhere, and os.Rename replaces path in one step on Unix
	// and Windows alike.
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("tijdelijk bestand naast %s: %w", path, err)
	}
	track(f.Name(), true)
	renamed := false
	defer func() {
		if !renamed {
			f.Close()
			os.Remove(f.Name())
		}
		track(f.Name(), false)
	}()
	if err := write(f); err != nil {
		return fmt.Errorf("%s schrijven: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("%s bewaren: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("%s bewaren: %w", path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("%s bewaren: %w", path, err)
	}
	renamed = true
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// RemoveEmpty removes path if it is an empty file: a save dialog creates
// the chosen file, so a failed save would otherwise leave an empty one
// behind that the group overview and 'Bespreking toevoegen' then reject.
func RemoveEmpty(path string) {
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() && st.Size() == 0 {
		os.Remove(path)
	}
}
