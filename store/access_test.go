package store

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"zelfscan/assessment"
)

// childEnv tells the test binary to run checkNoAccess as the unprivileged
// child of TestNoWriteAccess instead of running the tests.
const childEnv = "ZELFSCAN_STORE_NOACCESS_DIR"

// nobody is the user the child runs as when the tests run as root.
const nobody = 65534

func TestMain(m *testing.M) {
	if mode := os.Getenv(crashModeEnv); mode != "" {
		os.Exit(crashChild(mode))
	}
	if base := os.Getenv(childEnv); base != "" {
		failed := false
		checkNoAccess(base, func(format string, args ...any) {
			failed = true
			fmt.Fprintf(os.Stderr, format+"\n", args...)
		})
		if failed {
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// A folder or file without write permission gives ErrNoAccess and a Dutch
// message naming it, and the file is not changed; OpenReadOnly still reads
// it. Root ignores permission bits, so as root the checks run in a copy of
// the test binary started as user nobody (setuid by the kernel, which root
// may do); as another user they run in this process.
func TestNoWriteAccess(t *testing.T) {
	root := os.Geteuid() == 0
	base, err := os.MkdirTemp("", "store-noaccess-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		// Give back write access so the folders can be removed.
		filepath.Walk(base, func(p string, fi os.FileInfo, err error) error {
			if err == nil && fi.IsDir() {
				os.Chmod(p, 0o755)
			}
			return nil
		})
		os.RemoveAll(base)
	})
	if err := os.Chmod(base, 0o755); err != nil {
		t.Fatal(err)
	}

	// parent-ro/: the data folder inside it cannot be created.
	if err := os.Mkdir(filepath.Join(base, "parent-ro"), 0o555); err != nil {
		t.Fatal(err)
	}
	// dir-ro/: holds a database but the lock file cannot be created.
	makeDB(t, filepath.Join(base, "dir-ro"))
	// file-ro/: a writable folder with a database that is read-only.
	fileRO := filepath.Join(base, "file-ro")
	makeDB(t, fileRO)
	dbRO := filepath.Join(fileRO, FileName)
	// The lock file stays after Close; this one belongs to the test's user.
	if err := os.Remove(filepath.Join(fileRO, LockName)); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dbRO, 0o444); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Join(base, "dir-ro"), 0o555); err != nil {
		t.Fatal(err)
	}
	before := hashFile(t, dbRO)

	if !root {
		checkNoAccess(base, t.Errorf)
	} else {
		// The copy and its folder must be readable by nobody; the go test
		// build folder is not.
		exe, err := os.Executable()
		if err != nil {
			t.Fatal(err)
		}
		bin := filepath.Join(base, "store.test")
		copyFile(t, exe, bin)
		// As nobody, file-ro/ must be writable (lock file, -shm) while the
		// root-owned database in it is not.
		if err := os.Chown(fileRO, nobody, nobody); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(bin)
		cmd.Env = append(os.Environ(), childEnv+"="+base)
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Errorf("checks as user nobody failed (%v):\n%s", err, out)
		}
	}
	if hashFile(t, dbRO) != before {
		t.Error("the read-only database was changed")
	}
}

// makeDB creates a database with one self-check in dir, readable by others
// so the unprivileged child can read it.
func makeDB(t *testing.T, dir string) {
	t.Helper()
	s := openT(t, dir)
	if _, err := s.CreateSelfCheck(assessment.Profile{Organisation: "om", Function: "uitvoerend"}, "1", t0); err != nil {
		t.Fatal(err)
	}
	s.Close()
	for p, m := range map[string]os.FileMode{dir: 0o755, filepath.Join(dir, FileName): 0o644} {
		if err := os.Chmod(p, m); err != nil {
			t.Fatal(err)
		}
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	src, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
}

// checkNoAccess runs as a user without write access to the folders under
// base that makeDB and TestNoWriteAccess prepared.
func checkNoAccess(base string, fail func(format string, args ...any)) {
	for _, c := range []struct{ dir, names string }{
		{filepath.Join(base, "parent-ro", "data"), filepath.Join(base, "parent-ro", "data")},
		{filepath.Join(base, "dir-ro"), filepath.Join(base, "dir-ro")},
		{filepath.Join(base, "file-ro"), filepath.Join(base, "file-ro", FileName)},
	} {
		s, err := Open(c.dir)
		if err == nil {
			s.Close()
			fail("Open(%s) succeeded without write access", c.dir)
			continue
		}
		msg := Explain(err).Error()
		if !errors.Is(err, ErrNoAccess) || !strings.Contains(msg, "alleen-lezen") || !strings.Contains(msg, c.names) {
			fail("Open(%s): %v\nmessage %q; want ErrNoAccess naming %s", c.dir, err, msg, c.names)
		}
	}
	// Reading is still possible, so the GUI can offer to look read-only.
	ro, err := OpenReadOnly(filepath.Join(base, "file-ro"))
	if err != nil {
		fail("OpenReadOnly(file-ro): %v", err)
		return
	}
	defer ro.Close()
	if list, err := ro.SelfChecks(); err != nil || len(list) != 1 {
		fail("read-only SelfChecks = %d, %v; want the one self-check", len(list), err)
	}
}
