package workspace

import (
	"errors"
	"path/filepath"
	"testing"
)

// The window opens the store through the workspace: a second writer gets
// ErrLocked and may read; deleting all data needs the store closed.
func TestOpenStoreLockedAndDeleteAll(t *testing.T) {
	dir := t.TempDir()
	st, backup, err := OpenStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	if backup != "" {
		t.Errorf("a new store has a backup: %s", backup)
	}
	if _, _, err := OpenStore(dir); !errors.Is(err, ErrLocked) {
		t.Errorf("a second writer: %v", err)
	}
	ro, err := OpenStoreReadOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !ro.ReadOnly() {
		t.Error("the read-only store can write")
	}
	ro.Close()
	var fe *FileError
	err = DeleteAllData(dir)
	if !errors.As(err, &fe) || !errors.Is(err, ErrLocked) {
		t.Errorf("deleting under an open store: %v", err)
	}
	if m := ExplainStoreError(err); m == nil || m.Code != "store.locked" {
		t.Errorf("the message for a locked folder: %v", m)
	}
	st.Close()
	if err := DeleteAllData(dir); err != nil {
		t.Fatal(err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "*")); len(left) != 0 {
		t.Errorf("left after deleting: %v", left)
	}
}
