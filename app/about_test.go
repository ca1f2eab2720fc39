package app

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"zelfscan/orgsettings"
	"zelfscan/plans"
)

// metaApp is a test app with the metadata main.go gives the real one.
type metaApp struct {
	fyne.App
	meta fyne.AppMetadata
}

func (a metaApp) Metadata() fyne.AppMetadata { return a.meta }

// startWith runs the app on a fresh folder with extra options and expects
// it to start.
func startWith(t *testing.T, a fyne.App, edit func(*Options)) (*UI, fyne.Window) {
	t.Helper()
	w := test.NewWindow(nil)
	w.Resize(MinSize())
	opt := testOptions(t.TempDir())
	edit(&opt)
	u := Run(a, w, opt)
	if u == nil {
		t.Fatalf("Run did not start; window shows %q", visibleTexts(w))
	}
	t.Cleanup(func() { u.store.Close() })
	u.busy.Wait() // the organisation's own catalogue is stored in the background
	return u, w
}

func TestAboutDialog(t *testing.T) {
	a := metaApp{App: test.NewTempApp(t), meta: fyne.AppMetadata{Name: "Zelfscan GGG", Version: "0.1.0", Build: 7}}
	// The real framework, so the built-in catalogue loads and has a version.
	u, w := startWith(t, a, func(o *Options) { o.Framework, o.FrameworkDir = nil, "" })
	tapButton(t, w, "Over Zelfscan GGG")
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("no dialog after tapping 'Over Zelfscan GGG'")
	}
	cat := u.catalogue()
	if cat.Version == "" {
		t.Fatalf("built-in catalogue has no version (load error %v)", u.ws.CatalogueError())
	}
	for _, want := range []string{
		"0.1.0 (build 7)",
		u.fw().Version,
		cat.Version,
		u.store.Path(),
		"geen (standaardinstellingen)",
		"EUPL-1.2",
		"Regioplan", "2026", "VWS en JenV",
	} {
		if !showsText(w, want) {
			t.Errorf("about dialog does not show %q; texts: %q", want, visibleTexts(w))
		}
	}
	topButton(t, w, "Sluiten")
	if w.Canvas().Overlays().Top() != nil {
		t.Error("dialog still open after 'Sluiten'")
	}
}

func TestAboutDialogWithoutMetadata(t *testing.T) {
	// Tests and `go run` have no FyneApp metadata: say so instead of "build 0".
	// The small test framework does not fit the built-in catalogue.
	_, w := startWith(t, test.NewTempApp(t), func(*Options) {})
	tapButton(t, w, "Over Zelfscan GGG")
	if !showsText(w, "onbekend") || showsText(w, "build 0") || !showsText(w, "niet geladen") || !showsText(w, "test.1") {
		t.Errorf("about dialog without metadata shows %q", visibleTexts(w))
	}
}

func TestBrokenSettingsFileStillStarts(t *testing.T) {
	path := filepath.Join(t.TempDir(), orgsettings.FileName)
	if err := os.WriteFile(path, []byte("organisatie: politie\ngegevens: /tmp\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, used, err := orgsettings.Load([]string{path})
	if err == nil {
		t.Fatal("broken settings file loaded without error")
	}
	u, w := startWith(t, test.NewTempApp(t), func(o *Options) {
		o.Settings, o.SettingsPath, o.SettingsErr = s, used, err
	})
	if u.app.Preferences().String(prefLastScreen) != screenStart {
		t.Errorf("app is on screen %q, want the start screen", u.app.Preferences().String(prefLastScreen))
	}
	for _, want := range []string{"Organisatie-instellingen niet gebruikt", "standaardinstellingen", path, "veld gegevens", "ICT-afdeling"} {
		if !showsText(w, want) {
			t.Errorf("settings message does not show %q; texts: %q", want, visibleTexts(w))
		}
	}
	topButton(t, w, "Sluiten")
	if !showsText(w, "Nieuwe zelfscan starten") {
		t.Errorf("start screen not usable after the message: %q", visibleTexts(w))
	}
	// The message is for this start only: the start screen does not repeat it.
	u.ShowStart()
	if w.Canvas().Overlays().Top() != nil {
		t.Errorf("message shown again on the start screen: %q", visibleTexts(w))
	}
}

func TestOrganisationPreset(t *testing.T) {
	a := test.NewTempApp(t)
	u, w := startWith(t, a, func(o *Options) {
		o.Settings, o.SettingsPath = orgsettings.Settings{Organisation: "politie"}, "/etc/zelfscan-ggg/"+orgsettings.FileName
	})
	if w.Canvas().Overlays().Top() != nil {
		t.Fatalf("valid settings gave a dialog: %q", visibleTexts(w))
	}
	u.showProfile()
	if sels := selects(w); len(sels) == 0 || sels[0].Selected != "Politie" {
		t.Errorf("organisation not preset to Politie; selects %v", selected(sels))
	}
	tapButton(t, w, "Terug")
	tapButton(t, w, "Over Zelfscan GGG")
	if !showsText(w, "/etc/zelfscan-ggg/"+orgsettings.FileName) {
		t.Errorf("about dialog does not name the settings file: %q", visibleTexts(w))
	}
}

func TestUnknownOrganisationIsLeftOut(t *testing.T) {
	u, w := startWith(t, test.NewTempApp(t), func(o *Options) {
		o.Settings, o.SettingsPath = orgsettings.Settings{Organisation: "veilig-thuis"}, "x.yaml"
	})
	// The test framework knows only politie and andere.
	if !showsText(w, `"veilig-thuis" is onbekend`) {
		t.Errorf("no message about the unknown organisation: %q", visibleTexts(w))
	}
	topButton(t, w, "Sluiten")
	u.showProfile()
	for _, s := range selects(w) {
		if strings.Contains(s.Selected, "Veilig") {
			t.Errorf("unknown organisation preset anyway: %q", s.Selected)
		}
	}
}

func TestOrganisationCatalogueImported(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "aanbod-politie.csv")
	csv := "titel,soort,niveau,competenties\nIntervisie signaleren,leeractiviteit,basis,basis-signaleren\n"
	if err := os.WriteFile(good, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	u, w := startWith(t, test.NewTempApp(t), func(o *Options) {
		o.Settings = orgsettings.Settings{OwnCatalogue: good}
	})
	if w.Canvas().Overlays().Top() != nil {
		t.Fatalf("valid catalogue gave a dialog: %q", visibleTexts(w))
	}
	own, err := u.store.OwnCatalogues()
	if err != nil {
		t.Fatal(err)
	}
	if len(own) != 1 || own[0].Origin != "aanbod-politie" || own[0].FileName != "aanbod-politie.csv" || len(own[0].Items) != 1 {
		t.Fatalf("own catalogues after start: %+v", own)
	}
	if !slices.ContainsFunc(u.catalogue().Items(), func(it *plans.Item) bool { return it.Title == "Intervisie signaleren" }) {
		t.Error("the organisation's item is not in the catalogue the plans use")
	}
}

func TestOrganisationCatalogueMissing(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "weg.csv")
	_, w := startWith(t, test.NewTempApp(t), func(o *Options) {
		o.Settings = orgsettings.Settings{OwnCatalogue: missing}
	})
	for _, want := range []string{"(" + missing + ") is niet geladen: het bestand kan niet worden geopend (het bestaat niet (meer))"} {
		if !showsText(w, want) {
			t.Errorf("message does not show %q: %q", want, visibleTexts(w))
		}
	}
}

func selected(sels []*widget.Select) []string {
	out := make([]string, len(sels))
	for i, s := range sels {
		out[i] = s.Selected
	}
	return out
}

// Everything wrong with the organisation's settings is said once, in one
// dialog, also what the catalogue stored in the background found.
func TestSettingsProblemsInOneDialog(t *testing.T) {
	dir := t.TempDir()
	missingCatalogue := filepath.Join(dir, "weg.csv")
	missingExtension := filepath.Join(dir, "kader-weg.yaml")
	_, w := startWith(t, test.NewTempApp(t), func(o *Options) {
		o.Settings = orgsettings.Settings{OwnCatalogue: missingCatalogue, FrameworkExtension: missingExtension}
	})
	if n := len(w.Canvas().Overlays().List()); n != 1 {
		t.Fatalf("%d dialogs after start, want one: %q", n, visibleTexts(w))
	}
	for _, want := range []string{"weg.csv", "kader-weg.yaml"} {
		if !showsText(w, want) {
			t.Errorf("the dialog does not name %s: %q", want, visibleTexts(w))
		}
	}
}
