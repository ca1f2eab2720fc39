package planfile

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// One file whose read hangs (a hung network share) and one broken file do
// not hold up the good files; each bad one is reported with its reason.
func TestOpenAllSlowFileDoesNotHoldUpOthers(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "goed"+Extension)
	if err := os.WriteFile(good, encode(t, sample(t)), 0o600); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(dir, "kapot"+Extension)
	if err := os.WriteFile(broken, []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	slow := filepath.Join(dir, "traag"+Extension)
	hang := make(chan struct{})
	defer close(hang)
	open := func(ctx context.Context, path string) (*File, error) {
		if path == slow {
			<-hang // ignores ctx, as a read stuck in the kernel would
		}
		return OpenContext(ctx, path)
	}
	paths := []string{slow, good, broken, slow, good}
	start := time.Now()
	res := openAll(context.Background(), paths, 2*time.Second, open)
	if took := time.Since(start); took > 10*time.Second {
		t.Fatalf("took %v", took)
	}
	want := []string{
		"traag.zelfscan: het lezen duurde langer dan 2 seconden en is overgeslagen; staat het bestand op een trage netwerkschijf, kopieer het dan eerst naar deze computer",
		"",
		"kapot.zelfscan: het bestand houdt halverwege op (afgebroken bij het kopiëren of downloaden?)",
		"traag.zelfscan: het lezen duurde langer dan 2 seconden en is overgeslagen; staat het bestand op een trage netwerkschijf, kopieer het dan eerst naar deze computer",
		"",
	}
	for i, r := range res {
		if r.Path != paths[i] {
			t.Errorf("result %d is for %s", i, r.Path)
		}
		got := ""
		if r.Err != nil {
			got = r.Err.Error()
		} else if r.File == nil {
			t.Errorf("result %d has neither file nor error", i)
		}
		if got != want[i] {
			t.Errorf("result %d:\n got %q\nwant %q", i, got, want[i])
		}
	}
	if !errors.Is(res[0].Err, context.DeadlineExceeded) {
		t.Errorf("slow file: %v", res[0].Err)
	}
}

// Cancelling stops waiting at once and reports the files as cancelled.
func TestOpenAllCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res := OpenAll(ctx, []string{filepath.Join(t.TempDir(), "x.pdf")}, time.Minute)
	if !errors.Is(res[0].Err, context.Canceled) || res[0].Err.Error() != "x.pdf: het lezen is afgebroken" {
		t.Fatalf("err = %v", res[0].Err)
	}
}
