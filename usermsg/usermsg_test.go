package usermsg

import (
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"zelfscan/assets"
)

func TestRenderFillsArgumentsTermsAndLists(t *testing.T) {
	problems := []*Error{
		New("plans.tooLong", map[string]any{"Field": Term("plans.field.reflection"), "Length": 12, "Max": 10}),
		New("plans.review.noDate", nil),
	}
	err := Wrap("store.review.notSaved", map[string]any{"Problems": problems}, errors.New("cause"))
	want := "Deze bespreking kan niet worden bewaard:\n- de reflectie is te lang (12 tekens, hoogstens 10)\n- vul de datum van de bespreking in"
	if got := err.Error(); got != want {
		t.Errorf("Dutch:\n%s\nwant\n%s", got, want)
	}
	if got := errors.Unwrap(err); got == nil || got.Error() != "cause" {
		t.Errorf("cause lost: %v", got)
	}
	var codes []string
	Render(err, func(code, dutch string, args map[string]any) string {
		codes = append(codes, code)
		return code
	})
	if got := strings.Join(codes, " "); got != "plans.field.reflection plans.tooLong plans.review.noDate store.review.notSaved" {
		t.Errorf("said in order %q", got)
	}
}

// The allowed values are joined with the word for "or" of the language
// the message is said in, and a single value stands alone.
func TestChoiceSaysOrInTheUsersLanguage(t *testing.T) {
	e := New("plans.action.badStatus", map[string]any{"Status": "x", "Choice": Choice{"gepland", "bezig", "afgerond"}})
	if got := e.Error(); !strings.Contains(got, "gepland, bezig of afgerond") {
		t.Errorf("Dutch %q does not list the choice", got)
	}
	english := func(code, dutch string, args map[string]any) string {
		if code == orCode {
			return "or"
		}
		return fmt.Sprint(args["Choice"])
	}
	if got := Render(e, english); got != "gepland, bezig or afgerond" {
		t.Errorf("English choice %q", got)
	}
	if got := Render(New("plans.action.badStatus", map[string]any{"Choice": Choice{"gepland"}}), english); got != "gepland" {
		t.Errorf("one value said as %q", got)
	}
}

func TestListFindsJoinedMessages(t *testing.T) {
	a, b := New("plans.action.noID", nil), New("plans.action.empty", nil)
	got := List(errors.Join(a, errors.New("not a message"), errors.Join(b)))
	if len(got) != 2 || got[0] != a || got[1] != b {
		t.Errorf("List = %v", got)
	}
}

func TestUnknownCodeIsShownAsCode(t *testing.T) {
	if got := Dutch("no.such.code", nil); got != "no.such.code" {
		t.Errorf("unknown code rendered as %q", got)
	}
}

// codeShape is a message code: a namespace, then dotted camelCase words.
var codeShape = regexp.MustCompile(`^[a-z]+(\.[a-zA-Z][a-zA-Z0-9]*)+$`)

// Every code the domain uses has Dutch and English words, and every
// sentence's {{.Fields}} parse. Codes are found as string literals of code
// shape whose namespace the messages file uses, in every non-test Go file
// outside app/.
func TestMessageCodesAreTranslated(t *testing.T) {
	words := map[string]map[string]string{}
	for _, l := range []string{"nl", "en"} {
		data, err := fs.ReadFile(assets.Files, assets.TranslationsDir+"/messages/"+l+".json")
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]json.RawMessage{}
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		words[l] = map[string]string{}
		for code, raw := range m {
			var plain string
			var counts struct{ One, Other string }
			switch {
			case json.Unmarshal(raw, &plain) == nil:
				words[l][code] = plain
			case json.Unmarshal(raw, &counts) == nil && counts.One != "" && strings.Contains(counts.Other, "{{."+CountKey+"}}"):
				words[l][code] = counts.Other
			default:
				t.Errorf("%s %s: neither words nor {\"one\", \"other\"} with {{.%s}}", l, code, CountKey)
			}
		}
	}
	namespaces := map[string]bool{}
	for code := range words["nl"] {
		ns, _, _ := strings.Cut(code, ".")
		namespaces[ns] = true
		if _, ok := words["en"][code]; !ok {
			t.Errorf("%s has no English words", code)
		}
		if s := words["nl"][code]; strings.Count(s, "{{") != strings.Count(words["en"][code], "{{") {
			t.Errorf("%s: Dutch and English fill in a different number of fields", code)
		}
	}
	used := usedCodes(t, namespaces)
	if len(used) < 50 {
		t.Fatalf("found only %d codes in the code base; the scan is broken", len(used))
	}
	for code, at := range used {
		if _, ok := words["nl"][code]; !ok {
			t.Errorf("%s: code %q has no words in messages/nl.json", at, code)
		}
	}
}

// usedCodes maps every code-shaped literal in the repository's Go code to
// where it stands.
func usedCodes(t *testing.T, namespaces map[string]bool) map[string]string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	fset := token.NewFileSet()
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		// app/ says its own words through lang.X, checked by app's tests.
		if d.IsDir() && (d.Name() == "third_party" || d.Name() == "testdata" || d.Name() == "app" || strings.HasPrefix(d.Name(), ".")) {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		file, err := parser.ParseFile(fset, p, src, 0)
		if err != nil {
			return err
		}
		ast.Inspect(file, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			ns, _, _ := strings.Cut(s, ".")
			if err == nil && codeShape.MatchString(s) && namespaces[ns] {
				out[s] = fset.Position(lit.Pos()).String()
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// A message that counts says "1 fout" and "2 fouten", and says which count
// chooses, so the app can ask Fyne's lang for the right form.
func TestPluralFollowsTheCount(t *testing.T) {
	for n, want := range map[int]string{1: "en nog 1 andere fout", 2: "en nog 2 andere fouten", 0: "en nog 0 andere fouten"} {
		if got := Dutch("own.moreErrors", map[string]any{CountKey: n}); got != want {
			t.Errorf("%d: %q, want %q", n, got, want)
		}
	}
	if n, ok := PluralCount("own.moreErrors", map[string]any{CountKey: 2}); !ok || n != 2 {
		t.Errorf("PluralCount = %d, %v", n, ok)
	}
	if _, ok := PluralCount("plans.tooLong", map[string]any{CountKey: 2}); ok {
		t.Error("a message without a form for one counts")
	}
}

// A Number is said with the decimal separator of the language it is said
// in, rounded half up to its decimals.
func TestNumberFollowsTheLanguage(t *testing.T) {
	english := func(code, dutch string, args map[string]any) string {
		if code == separatorCode {
			return "."
		}
		return fill(code, dutch, args)
	}
	for _, tc := range []struct {
		n      Number
		nl, en string
	}{
		{Number{4.5, -1}, "4,5", "4.5"},
		{Number{4, -1}, "4", "4"},
		{Number{1.25, 1}, "1,3", "1.3"},
		{Number{2, 1}, "2,0", "2.0"},
	} {
		if got := tc.n.String(); got != tc.nl {
			t.Errorf("%v in Dutch: %q, want %q", tc.n, got, tc.nl)
		}
		if got := tc.n.Say(english); got != tc.en {
			t.Errorf("%v in English: %q, want %q", tc.n, got, tc.en)
		}
	}
	e := New("plans.tooLong", map[string]any{"Field": Term("plans.field.reflection"), "Length": Number{4.5, -1}, "Max": 3})
	if got := Render(e, english); !strings.Contains(got, "(4.5 tekens") {
		t.Errorf("Number argument in English: %q", got)
	}
}

// An error argument that holds messages is said message by message; any
// other error as it stands.
func TestErrorArgumentSaysItsMessages(t *testing.T) {
	cause := errors.Join(New("plans.action.noID", nil), New("plans.review.noDate", nil))
	got := Dutch("orgsettings.extension", map[string]any{"File": "x.yaml", "Reason": cause})
	if !strings.HasSuffix(got, "Wat er mis is:\nde actie heeft geen id\nvul de datum van de bespreking in") {
		t.Errorf("joined messages said as %q", got)
	}
	if got := Dutch("overview.unreadable", map[string]any{"Cause": errors.New("disk")}); got != "kan niet worden gelezen: disk" {
		t.Errorf("plain error said as %q", got)
	}
}
