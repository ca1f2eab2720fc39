//go:build unix

package app

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// A FIFO and a folder among the group's files are each reported with their
// reason, and the good plans load: before, the FIFO held up every file.
func TestGroupOverviewSkipsFIFOAndFolder(t *testing.T) {
	a := test.NewTempApp(t)
	dir := t.TempDir()
	anna := filepath.Join(dir, "anna.zelfscan")
	newProfessional(t, a, "Anna Jansen", 0).export(t, anna)
	fifo := filepath.Join(dir, "pijp.pdf")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "map.zelfscan")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	lead := newLead(t, a)
	tapButton(t, lead.w, "Groepsoverzicht")
	gs := lead.u.groupView
	done := make(chan struct{})
	go func() {
		lead.u.addGroupFiles(gs, []string{fifo, anna, folder})
		lead.u.busy.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("the group is still reading after 20 s")
	}
	for _, want := range []string{
		"Anna Jansen · Politie",
		"Overgeslagen: pijp.pdf: dit is geen opgeslagen bestand maar een pijp (FIFO) tussen programma's; kies een opgeslagen bestand",
		"Overgeslagen: map.zelfscan: dit is een map, geen bestand; open de map en kies een bestand",
	} {
		if !showsText(lead.w, want) {
			t.Errorf("group overview does not show %q: %q", want, visibleTexts(lead.w))
		}
	}
}

// "Annuleren" in the progress dialog cancels the work's context and closes
// the dialog; the work ends with context.Canceled.
func TestProgressDialogCancels(t *testing.T) {
	f := newUIFixture(t)
	ctx, cancel := context.WithCancel(context.Background())
	var got error
	f.u.runBackground("Het leerplan wordt gelezen…", cancel, func() error {
		<-ctx.Done()
		return ctx.Err()
	}, func(err error) { got = err })
	deadline := time.Now().Add(10 * time.Second)
	for !showsText(f.w, "Het leerplan wordt gelezen…") {
		if time.Now().After(deadline) {
			t.Fatal("no progress dialog")
		}
		time.Sleep(20 * time.Millisecond)
	}
	tapButton(t, f.w, "Annuleren")
	f.u.busy.Wait()
	if !errors.Is(got, context.Canceled) {
		t.Fatalf("work ended with %v", got)
	}
	if showsText(f.w, "Het leerplan wordt gelezen…") {
		t.Error("the progress dialog is still open")
	}
}

// In the English UI the reasons a group member was skipped are English too:
// plan-file problems are message codes, not Dutch sentences.
func TestGroupSkipReasonsInEnglish(t *testing.T) {
	a := test.NewTempApp(t)
	dir := t.TempDir()
	folder := filepath.Join(dir, "map.zelfscan")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "leeg.zelfscan")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	lead := newLead(t, a)
	if err := SetupLanguage("en"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { SetupLanguage("nl") })
	tapButton(t, lead.w, "Groepsoverzicht")
	gs := lead.u.groupView
	lead.u.addGroupFiles(gs, []string{folder, empty})
	lead.u.busy.Wait()
	for _, want := range []string{
		"map.zelfscan: this is a folder, not a file; open the folder and choose a file",
		"leeg.zelfscan: the file is empty",
	} {
		if !showsText(lead.w, want) {
			t.Errorf("group overview does not show %q: %q", want, visibleTexts(lead.w))
		}
	}
}
