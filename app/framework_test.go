package app

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"zelfscan/assessment"
	"zelfscan/orgsettings"
)

// exampleExtension is the documented example (docs/kader-uitbreiding.md).
const exampleExtension = "../docs/kader-uitbreiding.example.yaml"

func realFramework(o *Options) { o.Framework, o.FrameworkDir = nil, "" }

// "Kader bekijken" shows per organisation every competency with its
// statements, required level per profile and source, fits 1024×700 and
// is worked with the keyboard: Tab to the tree, arrows and Space.
func TestFrameworkScreen(t *testing.T) {
	u, w := startWith(t, test.NewTempApp(t), realFramework)
	tapButton(t, w, "Kader bekijken")
	if !showsText(w, "Competentiekader "+u.fw().Version) {
		t.Fatalf("framework version not shown: %q", visibleTexts(w))
	}
	if m := w.Content().MinSize(); m.Width > MinSize().Width || m.Height > MinSize().Height {
		t.Errorf("Kader bekijken needs %v, more than %v", m, MinSize())
	}

	chooseInSelect(t, w, 0, "Politie")
	trees := findAll[*widget.Tree](w)
	if len(trees) != 1 {
		t.Fatalf("%d trees on screen", len(trees))
	}
	tree := trees[0]
	selected := ""
	opened := tree.OnSelected
	tree.OnSelected = func(id widget.TreeNodeID) { selected = id; opened(id) }
	tree.Select("pol-risico-inschatting")
	c, _ := u.fw().Competency("pol-risico-inschatting")
	for _, want := range []string{c.Title, c.Source, c.IndicatorsFor("politie")[0].Text, "Vereist niveau per functieprofiel", u.fw().Functions[0].Name} {
		if !showsText(w, want) {
			t.Errorf("competency detail lacks %q: %q", want, visibleTexts(w))
		}
	}
	// A competency of another organisation is not in the politie tree.
	if other, _ := u.fw().Competency("vt-strafrecht"); slices.Contains(tree.ChildUIDs(categoryNode+string(assessment.CategoryOrganisatie)), other.ID) {
		t.Error("the politie tree holds a Veilig Thuis competency")
	}

	// The judge's organisation has no aandachtsfunctionaris: said, not 0.
	chooseInSelect(t, w, 0, "Rechterlijke Macht")
	if !showsText(w, "n.v.t.: dit profiel bestaat niet bij deze organisatie") {
		t.Errorf("unavailable profile not marked: %q", visibleTexts(w))
	}

	// Keyboard: the tree takes focus, Down moves and Space opens.
	first := selected
	w.Canvas().Focus(tree)
	tree.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	tree.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if selected == first || selected == "" {
		t.Errorf("Down and Space did not open the next competency (still %q)", selected)
	}
	if rc, ok := u.fw().Competency(selected); ok && !showsText(w, rc.Title) {
		t.Errorf("detail does not follow the keyboard to %q", rc.Title)
	}
	tapButton(t, w, "Terug")
	if !showsText(w, "Nieuwe zelfscan starten") {
		t.Error("Terug does not lead to the start screen")
	}
}

// Both exports are written whole through the atomic writer, and say so.
func TestFrameworkExports(t *testing.T) {
	u, w := startWith(t, test.NewTempApp(t), realFramework)
	u.now = func() time.Time { return fixedNow }
	dir := t.TempDir()
	for _, ext := range []string{".csv", ".pdf"} {
		path := filepath.Join(dir, "kader"+ext)
		u.exportFramework(path, ext)
		u.busy.Wait()
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		magic := map[string]string{".csv": "\uFEFFKader;Organisatie", ".pdf": "%PDF-"}[ext]
		if !bytes.HasPrefix(data, []byte(magic)) {
			t.Errorf("%s starts with %q", ext, data[:min(len(data), 20)])
		}
		if !showsText(w, "Kader bewaard") {
			t.Errorf("%s: no message that it was saved: %q", ext, visibleTexts(w))
		}
		topButton(t, w, "OK")
	}
}

// The organisation's extension is used, named on the profile screen and
// stored with the self-check.
func TestExtensionFromSettings(t *testing.T) {
	u, w := startWith(t, test.NewTempApp(t), func(o *Options) {
		realFramework(o)
		o.Settings = orgsettings.Settings{Organisation: "veilig-thuis", FrameworkExtension: exampleExtension}
	})
	if w.Canvas().Overlays().Top() != nil {
		t.Fatalf("a valid extension gave a dialog: %q", visibleTexts(w))
	}
	if u.fw().Extension == nil || u.fw().Extension.Name != "Veilig Thuis Voorbeeldregio" {
		t.Fatalf("extension not in use: %+v", u.fw().Extension)
	}
	u.showProfile()
	want := "met de uitbreiding Veilig Thuis Voorbeeldregio, versie 2027.1, voor Veilig Thuis"
	if !showsText(w, want) {
		t.Errorf("profile screen does not name the extension: %q", visibleTexts(w))
	}
	chooseInSelect(t, w, 1, u.fw().Functions[0].Name)
	tapButton(t, w, "Start de zelfscan")
	sc, err := u.store.SelfCheck(u.scan.sc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if sc.FrameworkVersion != u.fw().VersionFor("veilig-thuis") || !strings.Contains(sc.FrameworkVersion, "Voorbeeldregio 2027.1") {
		t.Errorf("self-check stored against %q", sc.FrameworkVersion)
	}
}

// A broken extension leaves the built-in framework in use and says so
// once, naming file, line and field.
func TestBrokenExtensionFallsBack(t *testing.T) {
	broken := filepath.Join("..", "assessment", "testdata", "extension", "level-out-of-scale.yaml")
	u, w := startWith(t, test.NewTempApp(t), func(o *Options) {
		realFramework(o)
		o.Settings = orgsettings.Settings{FrameworkExtension: broken}
	})
	if u.fw().Extension != nil {
		t.Fatal("a broken extension is in use")
	}
	for _, want := range []string{"is niet gebruikt; de app werkt met het ingebouwde kader", broken,
		"level-out-of-scale.yaml, regel 7, veld required[0].level: niveau 4 valt buiten de schaal 0–3"} {
		if !showsText(w, want) {
			t.Errorf("message lacks %q: %q", want, visibleTexts(w))
		}
	}
	topButton(t, w, "Sluiten")
	u.ShowStart()
	if w.Canvas().Overlays().Top() != nil {
		t.Error("the message came back")
	}
}

// A self-check made against an extension that is later removed keeps its
// answers; the results say which framework it was made against and that
// those answers are kept but not counted.
func TestSelfCheckAfterExtensionRemoved(t *testing.T) {
	a, dir := test.NewTempApp(t), t.TempDir()
	open := func(ext string) *UI {
		w := test.NewWindow(nil)
		w.Resize(MinSize())
		opt := Options{DataDir: dir, Settings: orgsettings.Settings{FrameworkExtension: ext}}
		u := Run(a, w, opt)
		if u == nil {
			t.Fatalf("Run did not start: %q", visibleTexts(w))
		}
		u.busy.Wait()
		return u
	}
	u := open(exampleExtension)
	sc, err := u.store.CreateSelfCheck(assessment.Profile{Organisation: "veilig-thuis", Function: "uitvoerend"}, u.fw().VersionFor("veilig-thuis"), fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"vtvr-werkafspraken-1", "vtvr-werkafspraken-2", "basis-vormen-1"} {
		if err := u.store.SaveRating(sc.ID, id, assessment.Rating{Level: 2, At: fixedNow}); err != nil {
			t.Fatal(err)
		}
	}
	made := u.fw().VersionFor("veilig-thuis")
	u.store.Close()

	u = open("")
	defer u.store.Close()
	u.showResults(sc.ID)
	scrollToEnd(u.win)
	for _, want := range []string{made + " (de app gebruikt nu versie " + u.fw().Version, "Bewaarde antwoorden op uitspraken die het kader nu niet vraagt: 2."} {
		if !showsText(u.win, want) {
			t.Errorf("results lack %q: %q", want, visibleTexts(u.win))
		}
	}
	kept, err := u.store.SelfCheck(sc.ID)
	if err != nil || len(kept.Ratings) != 3 {
		t.Errorf("answers lost: %v, %v", kept, err)
	}
}
