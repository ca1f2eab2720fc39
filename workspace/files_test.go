package workspace

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// WriteFile either replaces the file completely or leaves it as it was,
// and never leaves its temporary file behind.
func TestWriteFileFailureMidway(t *testing.T) {
	halfThenFail := func(w io.Writer) error {
		if _, err := io.WriteString(w, `{"half":`); err != nil {
			return err
		}
		return errors.New("disk gone")
	}
	dir := t.TempDir()
	old := filepath.Join(dir, "old.json")
	if err := os.WriteFile(old, []byte("old content"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(old, halfThenFail); err == nil || !strings.Contains(err.Error(), "disk gone") {
		t.Fatalf("WriteFile = %v, want the writer's error", err)
	}
	if data, _ := os.ReadFile(old); string(data) != "old content" {
		t.Errorf("old file now holds %q", data)
	}
	if err := WriteFile(filepath.Join(dir, "new.json"), halfThenFail); err == nil {
		t.Fatal("WriteFile succeeded although the writer failed")
	}
	if names, _ := filepath.Glob(filepath.Join(dir, "*")); !slices.Equal(names, []string{old}) {
		t.Errorf("folder holds %q after failed writes, want only old.json", names)
	}

	if err := WriteFile(old, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(old)
	if err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(old); string(data) != "new" || fi.Mode().Perm() != 0o600 {
		t.Errorf("after a good write: %q, mode %o", data, fi.Mode().Perm())
	}
}

// A failed save removes the empty file the save dialog made, and only an
// empty one.
func TestWriteFileRemovesTheDialogsEmptyFile(t *testing.T) {
	dir := t.TempDir()
	chosen := filepath.Join(dir, "gekozen.pdf")
	if err := os.WriteFile(chosen, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(chosen, func(io.Writer) error { return errors.New("disk gone") }); err == nil {
		t.Fatal("WriteFile succeeded although the writer failed")
	}
	if names, _ := filepath.Glob(filepath.Join(dir, "*")); len(names) != 0 {
		t.Errorf("folder holds %q after a failed save, want nothing", names)
	}
}
