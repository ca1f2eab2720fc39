package app

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"zelfscan/assets"
	"zelfscan/plans"
	"zelfscan/usermsg"
)

func TestLanguageSwitch(t *testing.T) {
	f := newUIFixture(t)
	t.Cleanup(func() { SetupLanguage("nl") })
	if !showsText(f.w, "Nieuwe zelfscan starten") {
		t.Fatalf("start screen not in Dutch: %q", visibleTexts(f.w))
	}
	chooseInSelect(t, f.w, 0, "English")
	if !showsText(f.w, "Start a new self-assessment") || showsText(f.w, "Nieuwe zelfscan starten") {
		t.Errorf("after choosing English the start screen shows %q", visibleTexts(f.w))
	}
	if got := f.a.Preferences().String(prefLanguage); got != "en" {
		t.Errorf("language preference %q, want en", got)
	}
	// The choice survives a restart.
	f.u.quit()
	f.start(t)
	if !showsText(f.w, "Start a new self-assessment") {
		t.Errorf("after a restart the start screen shows %q", visibleTexts(f.w))
	}
	chooseInSelect(t, f.w, 0, "Nederlands")
	if !showsText(f.w, "Nieuwe zelfscan starten") {
		t.Errorf("back to Dutch the start screen shows %q", visibleTexts(f.w))
	}
}

func TestCLocaleGivesDutch(t *testing.T) {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANGUAGE"} {
		t.Setenv(v, "")
	}
	t.Setenv("LANG", "C")
	t.Setenv("LC_ALL", "C")
	// An earlier English run must not linger in the package state.
	if err := SetupLanguage("en"); err != nil {
		t.Fatal(err)
	}
	t.Setenv("LC_ALL", "C")
	f := newUIFixture(t)
	if !showsText(f.w, "Nieuwe zelfscan starten") || !showsText(f.w, "Eerdere zelfscans") {
		t.Errorf("under LANG=C the start screen shows %q", visibleTexts(f.w))
	}
}

// The chosen language wins over every kind of system locale, and choosing
// it leaves the process environment as it was.
func TestChosenLanguageWinsOverSystemLocale(t *testing.T) {
	for _, tc := range []struct{ lang, chosen, want string }{
		{"en_US.UTF-8", "nl", "Nieuwe zelfscan starten"},
		{"C.UTF-8", "nl", "Nieuwe zelfscan starten"},
		{"nl_NL@euro", "nl", "Nieuwe zelfscan starten"},
		{"nl_NL.UTF-8", "en", "Start a new self-assessment"},
		{"POSIX", "en", "Start a new self-assessment"},
	} {
		t.Run(tc.lang+" chosen "+tc.chosen, func(t *testing.T) {
			for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANGUAGE"} {
				t.Setenv(v, "")
			}
			t.Setenv("LANG", tc.lang)
			before := strings.Join(os.Environ(), "\n")
			if err := SetupLanguage(tc.chosen); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { SetupLanguage("nl") })
			if after := strings.Join(os.Environ(), "\n"); after != before {
				t.Errorf("SetupLanguage changed the environment")
			}
			if got := lang.X("start.new", "Nieuwe zelfscan starten"); got != tc.want {
				t.Errorf("start button reads %q, want %q", got, tc.want)
			}
		})
	}
}

// langCall is one lang.X("key", "Dutch fallback") in the GUI code.
type langCall struct {
	key, fallback, at string
}

// langCalls finds every lang.X, lang.L and lang.XN call with literal
// arguments in the package's Go files (tests excluded).
func langCalls(t *testing.T) []langCall {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var out []langCall
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name != "lang" || (sel.Sel.Name != "X" && sel.Sel.Name != "XN") {
				return true
			}
			at := fset.Position(call.Pos()).String()
			if len(call.Args) < 2 {
				t.Errorf("%s: lang.%s without key and fallback", at, sel.Sel.Name)
				return true
			}
			key, okKey := literal(call.Args[0])
			fallback, okFB := literal(call.Args[1])
			if !okKey || !okFB {
				t.Errorf("%s: lang.%s key and fallback must be string literals so they can be checked", at, sel.Sel.Name)
				return true
			}
			out = append(out, langCall{key, fallback, at})
			return true
		})
	}
	return out
}

// literal is the value of a string literal, also "a" + "b".
func literal(e ast.Expr) (string, bool) {
	switch v := e.(type) {
	case *ast.BasicLit:
		if v.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(v.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		a, okA := literal(v.X)
		b, okB := literal(v.Y)
		return a + b, okA && okB && v.Op == token.ADD
	}
	return "", false
}

// translations reads every nl.json and en.json under assets/translations
// except Fyne's own, keyed by language.
func translations(t *testing.T) map[string]map[string]string {
	t.Helper()
	out := map[string]map[string]string{"nl": {}, "en": {}}
	err := fs.WalkDir(assets.Files, assets.TranslationsDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Base(path.Dir(p)) == "fyne" {
			return err
		}
		language := strings.TrimSuffix(path.Base(p), ".json")
		if out[language] == nil {
			t.Errorf("%s: unexpected translation file", p)
			return nil
		}
		data, err := fs.ReadFile(assets.Files, p)
		if err != nil {
			return err
		}
		var raw map[string]json.RawMessage
		if err := json.Unmarshal(data, &raw); err != nil {
			t.Errorf("%s: %v", p, err)
			return nil
		}
		for k, r := range raw {
			v, ok := otherForm(r)
			if !ok {
				t.Errorf("%s: key %q is neither a text nor {\"one\", \"other\"}", p, k)
			}
			if old, dup := out[language][k]; dup && old != v {
				t.Errorf("%s: key %q has another text in another %s.json", p, k, language)
			}
			out[language][k] = v
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// otherForm is a translation's text, or the "other" form of one that counts
// ({"one": "1 groep", "other": "{{.Count}} groepen"}); a counting one needs
// both forms.
func otherForm(r json.RawMessage) (string, bool) {
	var s string
	if json.Unmarshal(r, &s) == nil {
		return s, true
	}
	var forms struct{ One, Other string }
	err := json.Unmarshal(r, &forms)
	return forms.Other, err == nil && forms.One != "" && forms.Other != ""
}

// Every string key used in the GUI has a Dutch and an English text, and the
// Dutch text is the fallback written in the code.
func TestEveryLangKeyTranslated(t *testing.T) {
	calls := langCalls(t)
	if len(calls) < 50 {
		t.Fatalf("found only %d lang.X calls; the parser misses some", len(calls))
	}
	tr := translations(t)
	for _, c := range calls {
		nl, ok := tr["nl"][c.key]
		if !ok {
			t.Errorf("%s: key %q missing from nl.json", c.at, c.key)
		} else if nl != c.fallback {
			t.Errorf("%s: key %q: nl.json says %q, the code %q", c.at, c.key, nl, c.fallback)
		}
		if en, ok := tr["en"][c.key]; !ok || strings.TrimSpace(en) == "" {
			t.Errorf("%s: key %q missing from en.json", c.at, c.key)
		}
	}
	for k := range tr["nl"] {
		if _, ok := tr["en"][k]; !ok {
			t.Errorf("key %q is in nl.json but not in en.json", k)
		}
	}
}

// Kind and level of a catalogue item follow the language, like the status.
func TestItemDetailInEnglish(t *testing.T) {
	if err := SetupLanguage("en"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { SetupLanguage("nl") })
	got := itemDetail(&plans.Item{Provider: "Movisie", Kind: plans.KindHandreiking, Level: plans.LevelVerdiepend, Origin: plans.OriginBuiltin})
	if got != "Movisie · Guide · In-depth" {
		t.Errorf("item detail in English: %q", got)
	}
}

// The framework's own words (credit, scale, "Andere organisatie") follow the
// UI language; the competency texts stay Dutch, and so does the plan file.
func TestFrameworkWordsFollowTheLanguage(t *testing.T) {
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefLanguage, "en")
	t.Cleanup(func() { SetupLanguage("nl") })
	w := test.NewWindow(nil)
	u := Run(a, w, Options{DataDir: t.TempDir(), Framework: assets.Files, FrameworkDir: assets.FrameworkDir})
	if u == nil {
		t.Fatalf("app did not start: %q", visibleTexts(w))
	}
	u.showFramework()
	if !showsText(w, "The needs in this framework come from") {
		t.Errorf("English framework screen lacks the English credit: %q", visibleTexts(w))
	}
	u.ShowStart()
	if got := u.fw().LevelLabel(2); got != "Apply" {
		t.Errorf("level 2 in the English UI: %q", got)
	}
	if o, _ := u.fw().Organisation("andere"); o.Name != "Other organisation" {
		t.Errorf("andere in the English UI: %q", o.Name)
	}
	if u.ws.Framework().LevelLabel(2) != "Toepassen" {
		t.Errorf("the Dutch framework for plan files changed: %q", u.ws.Framework().LevelLabel(2))
	}
	chooseInSelect(t, w, 0, "Nederlands")
	u.showFramework()
	if !showsText(w, "De behoeften in dit kader komen uit") || u.fw().LevelLabel(2) != "Toepassen" {
		t.Errorf("back in Dutch the framework screen shows %q, level 2 %q", visibleTexts(w), u.fw().LevelLabel(2))
	}
}

// Counts agree in both languages: "1 tekort", "2 tekorten"; decimals take
// the separator of the language.
func TestPluralsAndNumbersFollowTheLanguage(t *testing.T) {
	t.Cleanup(func() { SetupLanguage("nl") })
	for _, tc := range []struct {
		language, one, two, number string
	}{
		{"nl", "1 tekort", "2 tekorten", "4,5"},
		{"en", "1 gap", "2 gaps", "4.5"},
	} {
		if err := SetupLanguage(tc.language); err != nil {
			t.Fatal(err)
		}
		for n, want := range map[int]string{1: tc.one, 2: tc.two} {
			if got := lang.XN("group.gapCount", "{{.Count}} tekorten", n, map[string]any{"Count": n}); got != want {
				t.Errorf("%s, %d: %q, want %q", tc.language, n, got, want)
			}
		}
		if got := points(4.5); got != tc.number {
			t.Errorf("%s: 4.5 points written %q", tc.language, got)
		}
		more := usermsg.New("own.moreErrors", map[string]any{usermsg.CountKey: 1})
		if got := explain(more); strings.Contains(got, "fouten") || strings.Contains(got, "errors") {
			t.Errorf("%s: one more error said as %q", tc.language, got)
		}
	}
}
