package app

import (
	"encoding/json"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"zelfscan/assessment"
	"zelfscan/store"
)

// seedPrivacy gives the fixture's store a self-check with an answer and a note.
func seedPrivacy(t *testing.T, f *uiFixture) int64 {
	t.Helper()
	sc, err := f.u.store.CreateSelfCheck(assessment.Profile{Organisation: "politie", Function: "uitvoerend", Name: "Sam"}, "test.1", fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.u.store.SaveRating(sc.ID, "basis-vormen-1", assessment.Rating{Level: 2, Note: "vraag voor intervisie", At: fixedNow}); err != nil {
		t.Fatal(err)
	}
	return sc.ID
}

// dirNames lists the names in dir.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// dialogButton is a button by its text in the top dialog, not on the screen
// under it (the delete button and its confirmation share a text).
func dialogButton(t *testing.T, w fyne.Window, text string) *widget.Button {
	t.Helper()
	for _, o := range walk(w.Canvas().Overlays().Top()) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q in the dialog; texts %q", text, visibleTexts(w))
	return nil
}

// saveDialogWriter is what Fyne's save dialog hands over: the chosen file,
// already created or emptied.
func saveDialogWriter(t *testing.T, path string) fyne.URIWriteCloser {
	t.Helper()
	w, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func TestPrivacyScreenFromStart(t *testing.T) {
	f := newUIFixture(t)
	tapButton(t, f.w, "Mijn gegevens")
	if got := f.a.Preferences().String(prefLastScreen); got != screenPrivacy {
		t.Fatalf("screen %q after tapping Mijn gegevens", got)
	}
	for _, want := range []string{f.dir, filepath.Join(f.dir, store.FileName), "geen verbinding met internet", "uw notities per competentie"} {
		if !showsText(f.w, want) {
			t.Errorf("privacy screen does not mention %q; texts %q", want, visibleTexts(f.w))
		}
	}
	tapButton(t, f.w, "Terug")
	if got := f.a.Preferences().String(prefLastScreen); got != screenStart {
		t.Errorf("Terug leads to %q", got)
	}
}

// The export is the store's JSON in a file only the user can read, written
// over whatever the save dialog left (an empty file, or an old export with
// other permissions), with no temporary file left beside it.
func TestExportWritesJSONOnlyTheUserCanRead(t *testing.T) {
	f := newUIFixture(t)
	id := seedPrivacy(t, f)
	out := t.TempDir()
	target := filepath.Join(out, "export.json")
	if err := os.WriteFile(target, []byte("oude export"), 0o644); err != nil {
		t.Fatal(err)
	}
	f.u.showPrivacy()
	f.u.exportChosen(saveDialogWriter(t, target), nil)

	if !showsText(f.w, "Al uw gegevens staan in "+target) {
		t.Errorf("no confirmation naming the file; texts %q", visibleTexts(f.w))
	}
	fi, err := os.Stat(target)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("export has mode %o, want 600", fi.Mode().Perm())
	}
	if names := dirNames(t, out); !slices.Equal(names, []string{"export.json"}) {
		t.Errorf("folder holds %q, want only export.json", names)
	}
	data, err := os.ReadFile(target)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Format     string `json:"format"`
		SelfChecks []struct {
			ID      int64  `json:"id"`
			Name    string `json:"name"`
			Answers []struct {
				Note string `json:"note"`
			} `json:"answers"`
		} `json:"self_checks"`
		Plans         []json.RawMessage `json:"plans"`
		OwnCatalogues []json.RawMessage `json:"own_catalogues"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("export is not JSON: %v\n%s", err, data)
	}
	if doc.Format != store.ExportFormat || len(doc.SelfChecks) != 1 || doc.SelfChecks[0].ID != id ||
		doc.SelfChecks[0].Name != "Sam" || len(doc.SelfChecks[0].Answers) != 1 ||
		doc.SelfChecks[0].Answers[0].Note != "vraag voor intervisie" || doc.Plans == nil || doc.OwnCatalogues == nil {
		t.Errorf("export misses data:\n%s", data)
	}
}

// An export that fails leaves no file: not the empty one the save dialog
// created, and no temporary file.
func TestExportFailureLeavesNoFile(t *testing.T) {
	f := newUIFixture(t)
	seedPrivacy(t, f)
	out := t.TempDir()
	target := filepath.Join(out, "export.json")
	f.u.showPrivacy()
	// A closed store fails the export midway, after the dialog made the file.
	if err := f.u.store.Close(); err != nil {
		t.Fatal(err)
	}
	f.u.exportChosen(saveDialogWriter(t, target), nil)
	if !showsText(f.w, "Exporteren mislukt") {
		t.Errorf("failure not reported; texts %q", visibleTexts(f.w))
	}
	if names := dirNames(t, out); len(names) != 0 {
		t.Errorf("failed export left %q", names)
	}
}

// Deleting needs the typed word, then removes every file of ours (database,
// journals, lock, backups) but nothing else, and ends the app.
func TestDeleteAllNeedsTheWordAndLeavesNothingOfOurs(t *testing.T) {
	f := newUIFixture(t)
	id := seedPrivacy(t, f)
	f.u.rememberSelfCheck(id)
	backup := filepath.Join(f.dir, store.FileName+".bak-20260302")
	foreign := filepath.Join(f.dir, "eigen-aantekeningen.txt")
	for _, p := range []string{backup, foreign} {
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	closed := false
	f.w.SetOnClosed(func() { closed = true })

	f.u.showPrivacy()
	tapButton(t, f.w, "Alles verwijderen")
	confirm := dialogButton(t, f.w, "Alles verwijderen")
	entry := findAll[*widget.Entry](f.w)[0]
	test.Type(entry, "verwijder")
	if !confirm.Disabled() {
		t.Fatal("confirm enabled with the word in lower case")
	}
	if _, err := os.Stat(f.u.store.Path()); err != nil {
		t.Fatalf("database gone before confirming: %v", err)
	}
	entry.SetText(deleteWord)
	if confirm.Disabled() {
		t.Fatal("confirm still disabled after typing " + deleteWord)
	}
	test.Tap(confirm)

	if !showsText(f.w, "Alle gegevens zijn verwijderd") {
		t.Fatalf("no confirmation; texts %q", visibleTexts(f.w))
	}
	if names := dirNames(t, f.dir); !slices.Equal(names, []string{"eigen-aantekeningen.txt"}) {
		t.Errorf("data folder holds %q, want only the user's own file", names)
	}
	if f.a.Preferences().Int(prefSelfCheck) != 0 {
		t.Error("the deleted self-check is still remembered")
	}
	// Enter quits: the Afsluiten button has the focus.
	if focused := f.w.Canvas().Focused(); focused == nil {
		t.Error("nothing has the focus on the confirmation")
	} else {
		focused.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	}
	if !closed {
		t.Error("window still open after the confirmation")
	}

	// The next start begins empty.
	f.start(t)
	if got := f.a.Preferences().String(prefLastScreen); got != screenStart {
		t.Errorf("restart shows %q", got)
	}
	if list, err := f.u.store.SelfChecks(); err != nil || len(list) != 0 {
		t.Errorf("after restart: %d self-checks, err %v", len(list), err)
	}
}

func TestDeleteAllCancelKeepsData(t *testing.T) {
	f := newUIFixture(t)
	seedPrivacy(t, f)
	f.u.showPrivacy()
	tapButton(t, f.w, "Alles verwijderen")
	test.Type(findAll[*widget.Entry](f.w)[0], deleteWord)
	test.Tap(dialogButton(t, f.w, "Annuleren"))
	if list, err := f.u.store.SelfChecks(); err != nil || len(list) != 1 {
		t.Errorf("after cancelling: %d self-checks, err %v", len(list), err)
	}
}

// No package of ours may reach the network: the privacy screen promises
// that nothing leaves the computer. Fyne and godbus link "net" for their
// own reasons (loading resources from a URL, D-Bus over a Unix socket);
// scripts/netcheck.sh shows at run time that nothing connects out. Only
// learningrecords/lrs may, which runs when the organisation names an LRS and
// the user presses "Naar leeromgeving sturen".
func TestNoNetworkImportsInOurCode(t *testing.T) {
	forbidden := func(path string) bool {
		return path == "net" || path == "crypto/tls" || strings.HasPrefix(path, "net/http") ||
			path == "net/rpc" || path == "net/smtp" || strings.HasPrefix(path, "golang.org/x/net")
	}
	fset := token.NewFileSet()
	checked := 0
	err := filepath.WalkDir("..", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || (strings.HasPrefix(d.Name(), ".") && p != "..")) {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		checked++
		// The one exception: sending to the LRS an organisation configured.
		if filepath.ToSlash(filepath.Dir(p)) == "../learningrecords/lrs" {
			return nil
		}
		for _, imp := range f.Imports {
			if path, _ := strconv.Unquote(imp.Path.Value); forbidden(path) {
				t.Errorf("%s imports %q", p, path)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 20 {
		t.Fatalf("checked only %d files; the walk misses the module", checked)
	}
}

// Save dialogs have a Dutch title, not Fyne's "Opslaan Bestand".
func TestSaveDialogTitleIsDutch(t *testing.T) {
	f := newUIFixture(t)
	f.u.chooseExportFile()
	if !showsText(f.w, "Bestand opslaan") || showsText(f.w, "Opslaan Bestand") {
		t.Errorf("save dialog shows %q", visibleTexts(f.w))
	}
}
