package workspace

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"zelfscan/assessment"
	"zelfscan/assets"
	"zelfscan/documents/pdftext"
	"zelfscan/orgsettings"
	"zelfscan/plans"
	"zelfscan/store"
)

const exampleExtension = "../docs/kader-uitbreiding.example.yaml"

var day = time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)

// withExtension is a workspace on the embedded framework and a new store,
// with the documented example extension applied through the settings.
func withExtension(t *testing.T) *Workspace {
	t.Helper()
	fw, err := assessment.Load(assets.Files, assets.FrameworkDir)
	if err != nil {
		t.Fatal(err)
	}
	en, err := assessment.LoadEnglish(assets.Files, assets.FrameworkDir, fw)
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ws := New(fw, en, st)
	if problems := ws.ApplySettings(orgsettings.Settings{FrameworkExtension: exampleExtension}, "", nil); len(problems) > 0 {
		t.Fatalf("the example extension was not applied: %v", problems)
	}
	return ws
}

// The extension is part of the one framework: the English view has it too,
// and switching language back and forth keeps it.
func TestLanguageIsAViewOfTheOneFramework(t *testing.T) {
	ws := withExtension(t)
	for _, lang := range []string{"en", "nl", "en"} {
		ws.SetLanguage(lang)
		if e := ws.View().ExtensionFor("veilig-thuis"); e == nil || e.Name != "Veilig Thuis Voorbeeldregio" {
			t.Fatalf("after switching to %s the view lost the extension", lang)
		}
		if _, ok := ws.View().Competency("vtvr-werkafspraken"); !ok {
			t.Fatalf("after switching to %s the extension's competency is gone", lang)
		}
		if ws.Framework().LevelLabel(2) != "Toepassen" {
			t.Fatalf("after switching to %s the Dutch framework changed: %q", lang, ws.Framework().LevelLabel(2))
		}
	}
	if ws.View().LevelLabel(2) == ws.Framework().LevelLabel(2) {
		t.Error("the English view has the Dutch level names")
	}
}

// From the documented extension to a PDF read back with pdftotext: the
// organisation's own competency, rated 0 in the English window, is a gap
// in the plan file and on paper, and page 1 names the extension. Every
// function profile the extended framework offers Veilig Thuis builds.
func TestExtensionReachesThePlanFileAndPDF(t *testing.T) {
	ws := withExtension(t)
	ws.SetLanguage("en")
	fw := ws.Framework()
	org, _ := fw.Organisation("veilig-thuis")
	for _, fn := range fw.FunctionsFor(org.ID) {
		f, _ := planFileOf(t, ws, assessment.Profile{Organisation: org.ID, Function: fn.ID}, "vtvr-werkafspraken-1", "vtvr-werkafspraken-2")
		if f.Framework.Extension == nil || f.Framework.Extension.Version != "2027.1" {
			t.Fatalf("%s: the plan file does not carry the extension: %+v", fn.ID, f.Framework.Extension)
		}
		if fn.ID != "uitvoerend" {
			continue
		}
		if g, ok := f.Gap("vtvr-werkafspraken"); !ok || g.Required != 2 {
			t.Fatalf("the extension's competency rated 0 is no gap in the plan file")
		}
		path := t.TempDir() + "/leerplan.pdf"
		if err := WritePlanPDF(path, f, day); err != nil {
			t.Fatal(err)
		}
		pages := pdfPages(t, path)
		text := strings.Join(pages, " ")
		for _, want := range []string{"Regionale werkafspraken toepassen", "met uitbreiding Veilig Thuis Voorbeeldregio 2027.1"} {
			if !strings.Contains(text, want) {
				t.Errorf("the PDF does not say %q", want)
			}
		}
		if !strings.Contains(pages[0], "Voorbeeldregio 2027.1") {
			t.Error("page 1 does not name the extension")
		}
	}
}

// planFileOf makes a self-check of p in ws's store with the statements
// rated 0, and returns the plan file of its plan (and the self-check).
func planFileOf(t *testing.T, ws *Workspace, p assessment.Profile, ratedZero ...string) (*PlanFile, *assessment.SelfCheck) {
	t.Helper()
	st := ws.Store()
	sc, err := st.CreateSelfCheck(p, ws.Framework().VersionFor(p.Organisation), day)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ratedZero {
		if err := st.SaveRating(sc.ID, id, assessment.Rating{Level: 0, At: day}); err != nil {
			t.Fatal(err)
		}
	}
	if sc, err = st.SelfCheck(sc.ID); err != nil {
		t.Fatal(err)
	}
	plan, err := st.PlanFor(sc.ID, day)
	if err != nil {
		t.Fatal(err)
	}
	f, err := ws.PlanFile(sc, plan, "test", day)
	if err != nil {
		t.Fatalf("%s/%s: the plan file cannot be built: %v", p.Organisation, p.Function, err)
	}
	return f, sc
}

// pdfPages is the text of each page, white space folded.
func pdfPages(t *testing.T, path string) []string {
	pages := strings.Split(pdftext.File(t, path), "\f")
	for i, p := range pages {
		pages[i] = strings.Join(strings.Fields(p), " ")
	}
	return pages
}

// A plan file says when the next self-check is due and, once the person
// made one, how the competencies that completed actions served moved.
func TestPlanFileCarriesTheNextSelfCheckAndEffects(t *testing.T) {
	ws := withExtension(t)
	st, fw := ws.Store(), ws.Framework()
	p := assessment.Profile{Organisation: "politie", Function: "uitvoerend"}
	req, err := fw.Required(p.Organisation, p.Function)
	if err != nil {
		t.Fatal(err)
	}
	comp := req[0]
	rate := func(at time.Time, level int) *assessment.SelfCheck {
		sc, err := st.CreateSelfCheck(p, fw.VersionFor(p.Organisation), at)
		if err != nil {
			t.Fatal(err)
		}
		for _, ind := range comp.Indicators {
			if err := st.SaveRating(sc.ID, ind.ID, assessment.Rating{Level: level, At: at}); err != nil {
				t.Fatal(err)
			}
		}
		if sc, err = st.SelfCheck(sc.ID); err != nil {
			t.Fatal(err)
		}
		return sc
	}
	first := rate(day, 0)
	plan, err := st.PlanFor(first.ID, day)
	if err != nil {
		t.Fatal(err)
	}
	done := plans.Action{ID: "a1", CompetencyID: comp.Competency.ID, OwnText: "Meelopen met de zedenrechercheur", Status: plans.StatusAfgerond}
	if err := st.SaveAction(plan.ID, done, "", "", day); err != nil {
		t.Fatal(err)
	}
	if plan, err = st.PlanFor(first.ID, day); err != nil {
		t.Fatal(err)
	}

	f, err := ws.PlanFile(first, plan, "test", day)
	if err != nil {
		t.Fatal(err)
	}
	if want := plans.NextSelfCheck(first.Updated, plans.DefaultRescanMonths); !f.NextSelfCheck.Equal(want) || f.NextSelfCheck.IsZero() {
		t.Errorf("next self-check %s, want %s", f.NextSelfCheck, want)
	}
	if len(f.Effects) != 0 {
		t.Fatalf("effects before there is a next self-check: %+v", f.Effects)
	}

	rate(day.AddDate(0, 6, 0), 2)
	if f, err = ws.PlanFile(first, plan, "test", day.AddDate(0, 6, 1)); err != nil {
		t.Fatal(err)
	}
	if len(f.Effects) != 1 {
		t.Fatalf("effects %+v, want one for %s", f.Effects, comp.Competency.ID)
	}
	if e := f.Effects[0]; e.CompetencyID != comp.Competency.ID || e.Before != 0 || e.After != 2 || e.Actions != 1 {
		t.Errorf("effect %+v", e)
	}
}

// A command's workspace takes the settings file's extension and own
// catalogue, and further own catalogues, in memory; a missing settings
// file or a broken extension stops it with a message naming the file.
func TestForCommand(t *testing.T) {
	dir := t.TempDir()
	abs := func(p string) string {
		a, err := filepath.Abs(p)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	settings := filepath.Join(dir, "zelfscan-instellingen.yaml")
	write := func(ext string) {
		body := "kader_uitbreiding: " + ext + "\neigen_aanbod: " + abs("../plans/testdata/own/valid.yaml") + "\n"
		if err := os.WriteFile(settings, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write(abs(exampleExtension))
	ws, err := ForCommand(settings, abs("../plans/testdata/own/valid-comma.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if ws.Framework().ExtensionFor("veilig-thuis") == nil {
		t.Error("the settings file's extension is not in the framework")
	}
	cat, err := ws.Catalogue()
	if err != nil {
		t.Fatal(err)
	}
	origins := map[string]bool{}
	for _, it := range cat.Items() {
		origins[it.Origin] = true
	}
	for _, want := range []string{"valid", "valid-comma"} {
		if !origins[want] {
			t.Errorf("own catalogue %s is not in the catalogue (origins %v)", want, origins)
		}
	}

	if _, err := ForCommand(filepath.Join(dir, "bestaat-niet.yaml")); err == nil || !strings.Contains(err.Error(), "bestaat-niet.yaml") {
		t.Errorf("a missing settings file: %v", err)
	}
	broken := filepath.Join(dir, "kapot.yaml")
	if err := os.WriteFile(broken, []byte("name: [\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	write(broken)
	if _, err := ForCommand(settings); err == nil || !strings.Contains(err.Error(), "kapot.yaml") {
		t.Errorf("a broken extension: %v", err)
	}
}
