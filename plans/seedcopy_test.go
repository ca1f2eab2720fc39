package plans

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"zelfscan/assessment"
	"zelfscan/assets"
)

// seedRun is the length of a word run that counts as copied from the plan of
// action: facts carry over with their source, sentences are written anew.
const seedRun = 8

// seedFiles lists the plan of action's text files: in ZELFSCAN_SEED_DIR when
// set (a worktree elsewhere), else in seedDir beside the clone. The test is
// skipped without them.
func seedFiles(t *testing.T) []string {
	t.Helper()
	dir := seedDir
	if d := os.Getenv("ZELFSCAN_SEED_DIR"); d != "" {
		dir = d
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Skipf("geen plan van aanpak in %s: deze test draait alleen naast een map shared/seed (of met ZELFSCAN_SEED_DIR)", dir)
	}
	return files
}

// words splits text into lower-case words of letters and digits, so
// punctuation, quotes and line breaks do not hide a copied run.
func words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// runs returns every run of seedRun consecutive words in text.
func runs(text string) []string {
	w := words(text)
	var out []string
	for i := 0; i+seedRun <= len(w); i++ {
		out = append(out, strings.Join(w[i:i+seedRun], " "))
	}
	return out
}

// seedRuns is the set of word runs of the whole plan of action.
func seedRuns(t *testing.T) map[string]bool {
	t.Helper()
	set := map[string]bool{}
	for _, name := range seedFiles(t) {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range runs(string(data)) {
			set[r] = true
		}
	}
	return set
}

// ownTexts collects every text of the framework and the built-in catalogue
// that is written for this app, keyed by where it is: descriptions,
// statements, context, profile texts, and the YAML comments; each text is
// checked on its own, so no run is counted across two. Names quoted from the
// source with their source named stay out: the titles and providers of
// bijlage 4, the titles of the needs of bijlage 3a/3b (a competency's
// title), the plan's own title and comments that cite a section of it.
func ownTexts(t *testing.T, fw *assessment.Framework) map[string]string {
	t.Helper()
	cat, err := LoadBuiltin(assets.Files, assets.CatalogueFile, fw)
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{"framework credit": fw.Source.Credit}
	for _, l := range fw.Scale {
		texts["scale "+l.Label] = l.Description
	}
	for _, o := range fw.Organisations {
		texts["organisation "+o.ID] = o.Context.Training
		for i, op := range o.Context.Opportunities {
			texts[fmt.Sprintf("organisation %s opportunity %d", o.ID, i+1)] = op
		}
	}
	for _, fn := range fw.Functions {
		texts["function "+fn.ID] = fn.Description
		texts["function "+fn.ID+" name"] = fn.Name
	}
	for _, c := range fw.Competencies {
		texts["competency "+c.ID] = c.Description
		for _, ind := range c.Indicators {
			texts["statement "+ind.ID] = ind.Text
		}
		for _, list := range c.OrganisationIndicators {
			for _, ind := range list {
				texts["statement "+ind.ID] = ind.Text
			}
		}
	}
	for _, it := range cat.Items() {
		texts["catalogue "+it.ID] = it.Description
		if !strings.HasPrefix(it.Source, "Bijlage 4") {
			texts["catalogue "+it.ID+" title"] = it.Title
		}
	}
	files, err := fs.Glob(assets.Files, path.Join(assets.FrameworkDir, "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range append(files, assets.CatalogueFile) {
		data, err := fs.ReadFile(assets.Files, name)
		if err != nil {
			t.Fatal(err)
		}
		for i, c := range yamlComments(string(data)) {
			texts[fmt.Sprintf("comment %d in %s", i+1, name)] = c
		}
	}
	return texts
}

// yamlComments returns the comments of a YAML file, a block of whole-line
// comments as one text. A comment that cites a section of the source
// ("Bijlage 3a — ...", "Paragraaf 4.1-4.4 — ...") is a citation and left out.
func yamlComments(data string) []string {
	var out []string
	var block strings.Builder
	flush := func() {
		if block.Len() > 0 {
			out = append(out, block.String())
			block.Reset()
		}
	}
	for _, line := range strings.Split(data, "\n") {
		trimmed := strings.TrimSpace(line)
		if !strings.HasPrefix(trimmed, "#") {
			flush()
			continue
		}
		c := strings.TrimSpace(strings.TrimLeft(trimmed, "#"))
		if strings.HasPrefix(c, "Bijlage ") || strings.HasPrefix(c, "Paragraaf ") {
			flush()
			continue
		}
		block.WriteString(c + "\n")
	}
	flush()
	return out
}

// No text of ours shares a run of eight words with the plan of action, other
// than within the plan's title where a text names its source.
func TestOwnTextsShareNoRunWithTheSeed(t *testing.T) {
	seed := seedRuns(t)
	fw, err := assessment.Load(assets.Files, assets.FrameworkDir)
	if err != nil {
		t.Fatal(err)
	}
	title := map[string]bool{}
	for _, r := range runs(fw.Source.Title) {
		title[r] = true
	}
	texts := ownTexts(t, fw)
	for where, text := range texts {
		for _, r := range runs(text) {
			if seed[r] && !title[r] {
				t.Errorf("%s deelt %d woorden op rij met het plan van aanpak: %q", where, seedRun, r)
				break
			}
		}
	}
	t.Logf("%d teksten nagelopen tegen %d woordreeksen van de bron", len(texts), len(seed))
}

// The check finds a run that crosses punctuation and case, and not one
// of seven words.
func TestRunsFindACopiedSentence(t *testing.T) {
	seed := map[string]bool{}
	for _, r := range runs("Professionals moeten kunnen vertragen, meerdere perspectieven naast elkaar kunnen leggen.") {
		seed[r] = true
	}
	copied, short := 0, 0
	for _, r := range runs("Ik vind: professionals moeten kunnen VERTRAGEN; meerdere perspectieven naast elkaar.") {
		if seed[r] {
			copied++
		}
	}
	for _, r := range runs("moeten kunnen vertragen, meerdere perspectieven naast elkaar en verder") {
		if seed[r] {
			short++
		}
	}
	if copied == 0 || short != 0 {
		t.Errorf("copied runs found %d (want some), seven-word overlap found %d (want 0)", copied, short)
	}
}
