package doclinks

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// root is the repository, seen from this package's folder.
const root = "../.."

var (
	codeSpan = regexp.MustCompile("`+[^`]*`+")
	// [text](target) and ![alt](target), with an optional "title".
	mdLink = regexp.MustCompile(`!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)`)
	scheme = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)
)

// link is one relative link found in a Markdown file.
type link struct {
	line   int
	target string
}

// markdownFiles are the files the documentation consists of.
func markdownFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, pattern := range []string{"*.md", "docs/*.md"} {
		m, err := filepath.Glob(filepath.Join(root, pattern))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 3 {
		t.Fatalf("found only %d Markdown files under %s", len(files), root)
	}
	return files
}

// scan reads a Markdown file and returns its relative links and the
// anchors of its headings. Links inside code (fenced blocks and `spans`)
// are not links.
func scan(path string) (links []link, anchors map[string]bool, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	anchors = map[string]bool{}
	seen := map[string]int{}
	fenced := false
	s := bufio.NewScanner(f)
	for n := 1; s.Scan(); n++ {
		line := s.Text()
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			fenced = !fenced
			continue
		}
		if fenced {
			continue
		}
		if h, ok := strings.CutPrefix(line, "#"); ok {
			a := slug(strings.TrimLeft(h, "#"))
			if k := seen[a]; k > 0 {
				anchors[fmt.Sprintf("%s-%d", a, k)] = true
			} else {
				anchors[a] = true
			}
			seen[a]++
		}
		for _, m := range mdLink.FindAllStringSubmatch(codeSpan.ReplaceAllString(line, ""), -1) {
			if !scheme.MatchString(m[1]) {
				links = append(links, link{n, m[1]})
			}
		}
	}
	return links, anchors, s.Err()
}

// slug is the anchor GitHub and most Markdown renderers give a heading:
// lower case, spaces to hyphens, punctuation other than - and _ dropped.
func slug(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(heading)) {
		switch {
		case r == ' ':
			b.WriteRune('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestRelativeLinksResolve(t *testing.T) {
	anchorsOf := map[string]map[string]bool{}
	linksOf := map[string][]link{}
	files := markdownFiles(t)
	for _, file := range files {
		links, anchors, err := scan(file)
		if err != nil {
			t.Fatal(err)
		}
		abs, _ := filepath.Abs(file)
		anchorsOf[abs], linksOf[file] = anchors, links
	}
	checked := 0
	for _, file := range files {
		name, _ := filepath.Rel(root, file)
		for _, l := range linksOf[file] {
			checked++
			path, anchor, _ := strings.Cut(l.target, "#")
			dest := file
			if path != "" {
				dest = filepath.Join(filepath.Dir(file), filepath.FromSlash(path))
				if _, err := os.Stat(dest); err != nil {
					t.Errorf("%s:%d: %s: no such file", name, l.line, l.target)
					continue
				}
			}
			if anchor == "" {
				continue
			}
			abs, _ := filepath.Abs(dest)
			anchors, ok := anchorsOf[abs]
			if !ok {
				t.Errorf("%s:%d: %s: anchor into a file that is not checked Markdown", name, l.line, l.target)
			} else if !anchors[anchor] {
				t.Errorf("%s:%d: %s: no heading with anchor #%s", name, l.line, l.target, anchor)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no relative links found: the scanner is broken")
	}
}

// The README is the map of docs/: every document there is reachable from it.
func TestReadmeLinksEveryDocument(t *testing.T) {
	links, _, err := scan(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	linked := map[string]bool{}
	for _, l := range links {
		path, _, _ := strings.Cut(l.target, "#")
		linked[filepath.Clean(path)] = true
	}
	docs, err := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		rel, _ := filepath.Rel(root, d)
		if !linked[rel] {
			t.Errorf("README.md does not link %s", filepath.ToSlash(rel))
		}
	}
}

func TestSlug(t *testing.T) {
	for heading, want := range map[string]string{
		" What `make test` checks":   "what-make-test-checks",
		"Learning records (xAPI)":    "learning-records-xapi",
		"Wat u kunt instellen":       "wat-u-kunt-instellen",
		"Privacy: één bestand, 0600": "privacy-één-bestand-0600",
		"plans/planfile and pdf":     "plansplanfile-and-pdf",
	} {
		if got := slug(heading); got != want {
			t.Errorf("slug(%q) = %q, want %q", heading, got, want)
		}
	}
}
