//go:build unix

package planfile

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// Every kind of non-regular path a user can pick or drop gets its own Dutch
// message, with the base name only and no English system text; a FIFO is
// refused without being opened, so nothing waits for a writer.
func TestOpenRefusesNonRegular(t *testing.T) {
	dir := t.TempDir()
	mustLink := func(target, name string) string {
		p := filepath.Join(dir, name)
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	folder := filepath.Join(dir, "map.zelfscan")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "pijp.zelfscan")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	dangling := mustLink(filepath.Join(dir, "bestaat-niet.zelfscan"), "los.zelfscan")
	mustLink(filepath.Join(dir, "lus-b.zelfscan"), "lus-a.zelfscan")
	loop := mustLink(filepath.Join(dir, "lus-a.zelfscan"), "lus-b.zelfscan")
	linkToFolder := mustLink(folder, "naar-map.pdf")

	cases := []struct{ path, want string }{
		{folder, "map.zelfscan: dit is een map, geen bestand; open de map en kies een bestand"},
		{fifo, "pijp.zelfscan: dit is geen opgeslagen bestand maar een pijp (FIFO) tussen programma's; kies een opgeslagen bestand"},
		{dangling, "los.zelfscan: dit is een snelkoppeling naar een bestand dat niet (meer) bestaat; kies het bestand zelf"},
		{loop, "lus-b.zelfscan: dit is een snelkoppeling die via andere snelkoppelingen naar zichzelf terugverwijst; er is geen bestand om te openen"},
		{linkToFolder, "naar-map.pdf: dit is een map, geen bestand; open de map en kies een bestand"},
		{filepath.Join(dir, "weg.zelfscan"), "weg.zelfscan: het bestand kan niet worden geopend (het bestaat niet (meer))"},
		{filepath.Join(dir, "weg", "in.zelfscan"), "in.zelfscan: het bestand kan niet worden geopend (het bestaat niet (meer))"},
	}
	for _, c := range cases {
		done := make(chan error, 1)
		go func() {
			_, err := Open(c.path)
			done <- err
		}()
		select {
		case err := <-done:
			if err == nil {
				t.Fatalf("%s: opened", c.path)
			}
			if _, ok := err.(*FileError); !ok {
				t.Errorf("%s: error %T is not a *FileError", c.path, err)
			}
			if err.Error() != c.want {
				t.Errorf("%s:\n got %q\nwant %q", filepath.Base(c.path), err.Error(), c.want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: Open still waiting after 5 s", filepath.Base(c.path))
		}
	}
}
