package app

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	_ "modernc.org/sqlite"

	"zelfscan/app/widgets"
	"zelfscan/assessment"
	"zelfscan/store"
)

// fixedNow is the clock of seeded data.
var fixedNow = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

// failedStart runs the app on dir, expecting a dialog instead of a screen.
func failedStart(t *testing.T, a fyne.App, opt Options) (fyne.Window, *bool) {
	t.Helper()
	w := test.NewWindow(nil)
	w.Resize(MinSize())
	closed := false
	w.SetOnClosed(func() { closed = true })
	if u := Run(a, w, opt); u != nil {
		t.Fatalf("Run started although it should not; screen %q", a.Preferences().String(prefLastScreen))
	}
	if w.Canvas().Overlays().Top() == nil {
		t.Fatalf("no dialog; window shows %q", visibleTexts(w))
	}
	return w, &closed
}

// seededDir is a data folder with one self-check in it, closed again.
func seededDir(t *testing.T) (dir string, db []byte) {
	t.Helper()
	dir = t.TempDir()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := st.CreateSelfCheck(assessment.Profile{Organisation: "politie", Function: "uitvoerend"}, "test.1", fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveRating(sc.ID, "basis-vormen-1", assessment.Rating{Level: 2, At: fixedNow}); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return dir, readDB(t, dir)
}

func readDB(t *testing.T, dir string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func assertUnchanged(t *testing.T, dir string, before []byte) {
	t.Helper()
	if !bytes.Equal(readDB(t, dir), before) {
		t.Error("the database file was changed")
	}
}

func TestLockedOffersReadOnly(t *testing.T) {
	a := test.NewTempApp(t)
	dir, _ := seededDir(t)
	other, err := store.Open(dir) // the instance that is already running
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	before := readDB(t, dir)
	// Where the writable window was; the read-only one must not change it.
	a.Preferences().SetString(prefLastScreen, screenStart)
	a.Preferences().SetString(prefLastStore, "/elders/zelfscan.db")
	a.Preferences().SetInt(prefSelfCheck, 99)

	w, closed := failedStart(t, a, testOptions(dir))
	if !showsText(w, "Zelfscan GGG is al geopend op deze computer") || !showsText(w, "alleen bekijken") {
		t.Errorf("locked dialog says %q", visibleTexts(w))
	}
	tapButton(t, w, "Alleen-lezen openen")
	if *closed {
		t.Fatal("window closed instead of opening read-only")
	}
	if !showsText(w, "Alleen-lezen: een ander venster") {
		t.Errorf("start screen lacks the read-only notice: %q", visibleTexts(w))
	}
	if b := tappable(t, w, "Nieuwe zelfscan starten").(*widgets.KeyButton); !b.Disabled() {
		t.Error("a new self-check can be started on a read-only store")
	}
	if b := tappable(t, w, "Verder met onvoltooide zelfscan").(*widgets.KeyButton); !b.Disabled() {
		t.Error("the unfinished scan can be continued on a read-only store")
	}
	tapButton(t, w, "Eerdere zelfscans")
	tapButton(t, w, "Bekijken")
	if p := a.Preferences(); p.String(prefLastScreen) != screenStart || p.String(prefLastStore) != "/elders/zelfscan.db" || p.Int(prefSelfCheck) != 99 {
		t.Errorf("read-only window changed the preferences: screen %q, store %q, self-check %d",
			p.String(prefLastScreen), p.String(prefLastStore), p.Int(prefSelfCheck))
	}
	assertUnchanged(t, dir, before)
}

func TestLockedQuit(t *testing.T) {
	a := test.NewTempApp(t)
	dir, before := seededDir(t)
	other, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	w, closed := failedStart(t, a, testOptions(dir))
	tapButton(t, w, "Afsluiten")
	if !*closed {
		t.Error("Afsluiten does not close the window")
	}
	assertUnchanged(t, dir, before)
}

func TestNewerSchemaRefused(t *testing.T) {
	a := test.NewTempApp(t)
	dir, _ := seededDir(t)
	db, err := sql.Open("sqlite", filepath.Join(dir, store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("PRAGMA user_version = 999"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before := readDB(t, dir)

	w, closed := failedStart(t, a, testOptions(dir))
	for _, want := range []string{"Gegevens van een nieuwere versie", "nieuwere versie van Zelfscan GGG (schema 999)", "Werk de app bij"} {
		if !showsText(w, want) {
			t.Errorf("dialog lacks %q: %q", want, visibleTexts(w))
		}
	}
	tapButton(t, w, "Afsluiten")
	if !*closed {
		t.Error("Afsluiten does not close the window")
	}
	assertUnchanged(t, dir, before)
}

func TestCorruptFileRefused(t *testing.T) {
	a := test.NewTempApp(t)
	dir := t.TempDir()
	junk := bytes.Repeat([]byte("geen database "), 400)
	if err := os.WriteFile(filepath.Join(dir, store.FileName), junk, 0o600); err != nil {
		t.Fatal(err)
	}
	w, _ := failedStart(t, a, testOptions(dir))
	for _, want := range []string{"Gegevensbestand beschadigd", "is beschadigd en kan niet worden gelezen"} {
		if !showsText(w, want) {
			t.Errorf("dialog lacks %q: %q", want, visibleTexts(w))
		}
	}
	assertUnchanged(t, dir, junk)
}

func TestBrokenFrameworkExplained(t *testing.T) {
	a := test.NewTempApp(t)
	broken := fstest.MapFS{"framework/framework.yaml": {Data: []byte("version: [")}}
	w, _ := failedStart(t, a, Options{DataDir: t.TempDir(), Framework: broken, FrameworkDir: "framework"})
	if !showsText(w, "kon zijn competentiekader niet laden") {
		t.Errorf("dialog says %q", visibleTexts(w))
	}
}

// A message after saving closes with Enter, without Tab first.
func TestMessageClosesWithEnter(t *testing.T) {
	f := newUIFixture(t)
	f.u.showDone("PDF bewaard", "Uw leerplan staat in /tmp/x.pdf.")
	if !showsText(f.w, "Uw leerplan staat in /tmp/x.pdf.") {
		t.Fatalf("message not shown: %q", visibleTexts(f.w))
	}
	focused := f.w.Canvas().Focused()
	if focused == nil {
		t.Fatal("nothing has the focus while the message is shown")
	}
	focused.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if showsText(f.w, "Uw leerplan staat in /tmp/x.pdf.") {
		t.Errorf("message still shown after Enter: %q", visibleTexts(f.w))
	}
}

// Every failure to open the data folder names the folder and the cause, and
// says how to choose another, in the language the user chose.
func TestOpenFailureSaysWhereAndWhy(t *testing.T) {
	lockedDir := func(t *testing.T) string {
		dir, _ := seededDir(t)
		other, err := store.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { other.Close() })
		return dir
	}
	newerDir := func(t *testing.T) string {
		dir, _ := seededDir(t)
		db, err := sql.Open("sqlite", filepath.Join(dir, store.FileName))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if _, err := db.Exec("PRAGMA user_version = 999"); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	fileAsDir := func(t *testing.T) string {
		path := filepath.Join(t.TempDir(), "gegevens")
		if err := os.WriteFile(path, []byte("geen map"), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	for _, tc := range []struct {
		name     string
		language string
		dir      func(*testing.T) string
		from     DataDirOrigin
		want     []string
	}{
		{"a data folder that is a file, in Dutch", "nl", fileAsDir, DataDirFlag, []string{
			"Gegevens niet geopend", "kan de map", "niet gebruiken voor zijn gegevens: het pad wijst (ergens) naar een bestand in plaats van een map",
			"U koos deze map met --data bij het starten"}},
		{"a data folder that is a file, in English", "en", fileAsDir, DataDirEnv, []string{
			"cannot use the folder", "for its data: the path points (somewhere) to a file instead of a folder",
			"environment variable ZELFSCAN_DATA"}},
		{"a locked database, in English", "en", lockedDir, DataDirDefault, []string{
			"Zelfscan GGG is already open on this computer. Close the other window and try again."}},
		{"a newer schema, in English", "en", newerDir, DataDirDefault, []string{
			"This data was made with a newer version of Zelfscan GGG (schema 999). Update the app; the file has not been changed.",
			"This is Zelfscan GGG's default folder."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := test.NewTempApp(t)
			a.Preferences().SetString(prefLanguage, tc.language)
			t.Cleanup(func() { SetupLanguage("nl") })
			dir := tc.dir(t)
			opt := testOptions(dir)
			opt.DataDirFrom = tc.from
			w, _ := failedStart(t, a, opt)
			for _, want := range tc.want {
				if !showsText(w, want) {
					t.Errorf("dialog lacks %q: %q", want, visibleTexts(w))
				}
			}
			if !showsText(w, dir) && tc.from != DataDirDefault {
				t.Errorf("dialog does not name %s: %q", dir, visibleTexts(w))
			}
		})
	}
}
