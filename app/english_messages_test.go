package app

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"zelfscan/documents/pdf"
	"zelfscan/orgsettings"
	"zelfscan/plans"
	"zelfscan/plans/planfile"
	"zelfscan/workspace"
)

// dutchWords are frequent Dutch function words; none of them belongs in a
// message of the English window.
var dutchWords = []string{" het ", " een ", " niet ", " is te ", " ontbreekt", " bestand", " mag ", " moet ",
	" geen ", " wordt ", " kan ", " deze ", " dit ", " van de ", " zijn ", " naar ", " regel ", " veld ", " onbekend"}

// byDesign are texts that stay Dutch in the English window, each for a
// reason: they are the user's own words or the file's content, quoted.
var byDesign = []string{
	"Meelopen met een collega van Veilig Thuis.", // an action the professional wrote
	"Een casus inbrengen in de intervisie.",      // idem
}

// englishMessages collects the dialogs shown by the error paths of the
// plan files, reviews, organisation settings and framework extensions.
type englishMessages struct {
	t    *testing.T
	seen map[string][]string // dialog text -> where it was shown
}

// dialogs records the texts of the dialogs on w and closes them.
func (m *englishMessages) dialogs(w fyne.Window, where string) {
	m.t.Helper()
	var texts []string
	for _, o := range w.Canvas().Overlays().List() {
		texts = append(texts, textsOf(walk(o))...)
	}
	if len(texts) == 0 {
		m.t.Errorf("%s: no message shown", where)
	}
	for _, s := range texts {
		if !slices.Contains(m.seen[s], where) {
			m.seen[s] = append(m.seen[s], where)
		}
	}
	dismiss(w)
}

// dutch returns the Dutch words in s, leaving out what is Dutch by design
// and the paths of the test's files.
func dutch(s string, paths []string) []string {
	for _, d := range append(slices.Clone(byDesign), paths...) {
		s = strings.ReplaceAll(s, d, "")
	}
	s = " " + strings.ToLower(strings.Join(strings.Fields(s), " ")) + " "
	var out []string
	for _, w := range dutchWords {
		if strings.Contains(s, w) {
			out = append(out, strings.TrimSpace(w))
		}
	}
	return out
}

// englishApp is a test app whose user chose English.
func englishApp(t *testing.T) fyne.App {
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefLanguage, "en")
	return a
}

// TestErrorMessagesInEnglish drives the error paths the other tests take
// for plan files, reviews, organisation settings and framework extensions
// in the English window, and fails on a Dutch word in what is shown.
func TestErrorMessagesInEnglish(t *testing.T) {
	if err := SetupLanguage("en"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { SetupLanguage("nl") })
	m := &englishMessages{t: t, seen: map[string][]string{}}
	paths := []string{t.TempDir()}
	paths = append(paths, brokenExtensions(t, m)...)
	paths = append(paths, brokenSettings(t, m)...)
	paths = append(paths, badPlanFiles(t, m)...)
	paths = append(paths, reviewVerdicts(t, m)...)
	for text, where := range m.seen {
		if words := dutch(text, paths); len(words) > 0 {
			t.Errorf("%s: Dutch %q in %q", strings.Join(where, ", "), words, text)
		}
	}
}

// brokenExtensions starts the app with every broken extension of the
// assessment tests.
func brokenExtensions(t *testing.T, m *englishMessages) []string {
	files, err := filepath.Glob(filepath.Join("..", "assessment", "testdata", "extension", "*.yaml"))
	if err != nil || len(files) < 10 {
		t.Fatalf("extension test files: %v %v", files, err)
	}
	for _, file := range files {
		u, w := startWith(t, englishApp(t), func(o *Options) {
			realFramework(o)
			o.Settings = orgsettings.Settings{FrameworkExtension: file}
		})
		if u.fw().Extension != nil {
			continue
		}
		m.dialogs(w, filepath.Base(file))
	}
	return files
}

// brokenSettings starts the app with the broken settings files of the
// orgsettings tests and an organisation the framework does not know.
func brokenSettings(t *testing.T, m *englishMessages) []string {
	t.Setenv("ZS_TEST_UNSET", "")
	dir := t.TempDir()
	var paths []string
	for i, content := range []string{
		"organisatie: politie\norganisation: politie\n",
		"organisatie: Veilig Thuis\n",
		"organisatie: [politie\n",
		"organisatie:\n  - politie\n",
		"organisatie: politie\n---\norganisatie: om\n",
		"organisatie: &o politie\ngegevensmap: *o\n",
		"eigen_aanbod: aanbod.xlsx\n",
		"kader_uitbreiding: uitbreiding.json\n",
		"gegevensmap: ${ZS_TEST_UNSET}/zelfscan\n",
		"organisatie: politie\n" + strings.Repeat("# opvulling\n", orgsettings.MaxSize/10),
		"leeromgeving:\n  basis_iri: leren\n",
		"leeromgeving:\n  lrs_adres: http://leren.voorbeeld.nl/lrs\n",
		"leeromgeving:\n  lrs_adres: https://leren.voorbeeld.nl/lrs\n",
		"organisatie: nergens\n",
		"",
	} {
		path := filepath.Join(dir, string(rune('a'+i))+"-"+orgsettings.FileName)
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
		s, used, err := orgsettings.Load([]string{path})
		_, w := startWith(t, englishApp(t), func(o *Options) {
			realFramework(o)
			o.Settings, o.SettingsPath, o.SettingsErr = s, used, err
		})
		m.dialogs(w, "settings "+strings.TrimSpace(strings.SplitN(content, "\n", 2)[0]))
	}
	// A folder where the file should be.
	folder := filepath.Join(dir, "map", orgsettings.FileName)
	if err := os.MkdirAll(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	s, used, err := orgsettings.Load([]string{folder})
	_, w := startWith(t, englishApp(t), func(o *Options) { o.Settings, o.SettingsPath, o.SettingsErr = s, used, err })
	m.dialogs(w, "settings folder")
	return append(paths, dir)
}

// englishProfessional is newProfessional in the English window, with the
// plan file as it exports it.
func englishProfessional(t *testing.T) (*professional, *planfile.File) {
	pro := newProfessional(t, englishApp(t), "Zoë de Vries", 0)
	ps, err := pro.u.loadPlan(pro.id)
	if err != nil {
		t.Fatal(err)
	}
	f, err := pro.u.buildPlanFile(ps)
	if err != nil {
		t.Fatal(err)
	}
	return pro, f
}

// writeRaw writes f as JSON without the checks of planfile.Encode, so a
// file can hold what a hand edit or a damaged copy would.
func writeRaw(t *testing.T, path string, f *planfile.File) {
	t.Helper()
	data, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// badPlanFiles opens the files of TestBadFilesGiveADutchMessageAndChangeNothing
// and files with impossible values, in review mode and as a review.
func badPlanFiles(t *testing.T, m *englishMessages) []string {
	pro, f := englishProfessional(t)
	dir := t.TempDir()
	good, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	var bare bytes.Buffer
	if err := pdf.Render(&bare, f, pdf.Options{}); err != nil {
		t.Fatal(err)
	}
	bad := map[string][]byte{
		"leeg.zelfscan":    nil,
		"half.zelfscan":    good[:len(good)/2],
		"zonder-plan.pdf":  bare.Bytes(),
		"boodschappen.pdf": []byte("melk, brood"),
		"lijst.zelfscan":   []byte(`{"format": 3}`),
		"vreemd.zelfscan":  []byte(`{"hallo": "wereld"}`),
	}
	for name, content := range bad {
		if err := os.WriteFile(filepath.Join(dir, name), content, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	// A plan PDF whose attachment is garbled inside its stream.
	whole := filepath.Join(t.TempDir(), "plan.pdf")
	if err := workspace.WritePlanPDF(whole, f, reviewDay); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(whole)
	if err != nil {
		t.Fatal(err)
	}
	embedded := bytes.Index(data, []byte("/EmbeddedFile"))
	stream := bytes.Index(data[max(embedded, 0):], []byte("stream\n"))
	if embedded < 0 || stream < 0 {
		t.Fatal("the plan PDF has no attachment stream")
	}
	start := embedded + stream + len("stream\n")
	copy(data[start:start+16], "XXXXXXXXXXXXXXXX")
	if err := os.WriteFile(filepath.Join(dir, "kapot.pdf"), data, 0o600); err != nil {
		t.Fatal(err)
	}
	newer := *f
	newer.Version = planfile.Version + 1
	writeRaw(t, filepath.Join(dir, "nieuwer.zelfscan"), &newer)
	writeRaw(t, filepath.Join(dir, "onmogelijk.zelfscan"), impossible(f))
	sup := &uiFixture{a: englishApp(t), dir: t.TempDir()}
	sup.start(t)
	names, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, path := range names {
		sup.u.openForReview(path)
		sup.u.busy.Wait()
		m.dialogs(sup.w, "review mode "+filepath.Base(path))
		pro.u.importReview(path, pro.id, nil)
		pro.u.busy.Wait()
		m.dialogs(pro.w, "import "+filepath.Base(path))
	}
	return []string{dir}
}

// impossible is f with a value wrong in every part the file check looks
// at, a duplicate review among them.
func impossible(f *planfile.File) *planfile.File {
	out := *f
	out.PlanUpdated = out.PlanCreated.AddDate(0, 0, -1)
	out.Framework.Scale = slices.Clone(f.Framework.Scale)
	out.Framework.Scale[1].Label = ""
	out.Competencies = slices.Clone(f.Competencies)
	out.Competencies[0].Required = 99
	out.Competencies[1].Title = " "
	out.Competencies[2].ID = out.Competencies[1].ID
	out.Gaps = slices.Clone(f.Gaps)
	out.Gaps[0].Size = 0
	out.Gaps[1].CompetencyID = "nergens"
	out.Actions = slices.Clone(f.Actions)
	out.Actions[0].Status = "ooit"
	out.Actions[1].ID = out.Actions[0].ID
	out.Actions[1].Item = &planfile.Item{ID: "x", Title: "Cursus", URL: "file:///etc/passwd"}
	out.Actions[1].Item.Accreditation.Points = -4.5
	out.SelfCheck.Answered = out.SelfCheck.Total + 1
	r := planfile.Review{UID: "r1", Reviewer: "", Setting: "ergens", GapComments: map[string]string{"nergens": "?"},
		ActionComments: map[string]string{"a9": "?"}, Agreed: map[string]bool{"a8": true}}
	out.Reviews = []planfile.Review{r, r}
	return &out
}

// reviewVerdicts imports reviews that belong to another plan, that were
// added already, that are of an older version, and a file without one.
func reviewVerdicts(t *testing.T, m *englishMessages) []string {
	pro, f := englishProfessional(t)
	dir := t.TempDir()
	write := func(name string, g *planfile.File) string {
		path := filepath.Join(dir, name)
		writeRaw(t, path, g)
		return path
	}
	reviewed := *f
	if err := reviewed.AddReview(planfile.Review{Reviewer: "Joost Bakker", Date: reviewDay, Setting: plans.SettingIntervisie,
		ActionComments: map[string]string{"a1": "Goed idee."}}); err != nil {
		t.Fatal(err)
	}
	other := reviewed
	other.PlanUID = "een-ander-plan"
	for _, c := range []struct{ name, path string }{
		{"no review", write("zonder.zelfscan", f)},
		{"another plan", write("ander.zelfscan", &other)},
	} {
		pro.u.importReview(c.path, pro.id, nil)
		pro.u.busy.Wait()
		m.dialogs(pro.w, c.name)
	}
	path := write("besproken.zelfscan", &reviewed)
	for _, name := range []string{"added", "added twice"} {
		pro.u.importReview(path, pro.id, nil)
		pro.u.busy.Wait()
		m.dialogs(pro.w, name)
	}
	// The professional changes the commented action; a second review of
	// the old version asks first.
	_, p := pro.state(t)
	act, _ := p.Action("a1")
	act.Status = plans.StatusAfgerond
	if err := pro.st.SaveAction(p.ID, *act, "", "", reviewDay.AddDate(0, 0, 1)); err != nil {
		t.Fatal(err)
	}
	again := reviewed
	again.Reviews = nil
	if err := again.AddReview(planfile.Review{Reviewer: "Joost Bakker", Date: reviewDay, Setting: plans.SettingIntervisie,
		ActionComments: map[string]string{"a1": "Nog eens."}}); err != nil {
		t.Fatal(err)
	}
	pro.u.importReview(write("opnieuw.zelfscan", &again), pro.id, nil)
	pro.u.busy.Wait()
	m.dialogs(pro.w, "older version")
	return []string{dir}
}
