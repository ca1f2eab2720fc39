package pdf

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"zelfscan/assessment"
	"zelfscan/assets"
	"zelfscan/documents/pdftext"
	"zelfscan/plans/planfile"
)

func embeddedFramework(t *testing.T) *assessment.Framework {
	t.Helper()
	fw, err := assessment.Load(assets.Files, assets.FrameworkDir)
	if err != nil {
		t.Fatal(err)
	}
	return fw
}

func withExampleExtension(t *testing.T, fw *assessment.Framework) *assessment.Framework {
	t.Helper()
	data, err := os.ReadFile("../../docs/kader-uitbreiding.example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ext, err := assessment.Extend(fw, "kader-uitbreiding.example.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	return ext
}

func renderFramework(t *testing.T, fw *assessment.Framework) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := RenderFramework(&buf, fw, FrameworkOptions{Created: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The review edition holds every statement of every organisation, with the
// framework label on every page, and is the same bytes every time.
func TestFrameworkPDFShowsWholeFramework(t *testing.T) {
	fw := embeddedFramework(t)
	data := renderFramework(t, fw)
	if !bytes.Equal(data, renderFramework(t, fw)) {
		t.Fatal("the same framework gave different PDFs")
	}
	text := pdftext.Bytes(t, data)
	pages := checkPages(t, text)
	label := "Competentiekader " + fw.Version
	for i, page := range strings.Split(strings.TrimRight(text, "\f\n"), "\f") {
		if !strings.Contains(page, label) {
			t.Fatalf("page %d lacks the framework label %q", i+1, label)
		}
	}
	// A statement may run over a page break: leave out the page's own lines.
	var body []string
	for _, l := range strings.Split(text, "\n") {
		if !strings.HasPrefix(l, "Zelfscan GGG —") && !pageOf.MatchString(l) && !strings.HasPrefix(l, label) {
			body = append(body, l)
		}
	}
	// pdftotext joins a word broken after a hyphen ("straf-" "als" gives
	// "strafals"): compare without spaces and hyphens.
	squash := strings.NewReplacer(" ", "", "\n", "", "-", "")
	flat := squash.Replace(strings.Join(body, ""))
	for _, org := range fw.Organisations {
		list, err := fw.Review(org.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, rc := range list {
			for _, ind := range rc.Indicators {
				if !strings.Contains(flat, squash.Replace(ind.Text)) {
					t.Fatalf("%s, %s: statement %s not in the PDF", org.ID, rc.Competency.ID, ind.ID)
				}
			}
		}
	}
	wantText(t, text, "Editie ter beoordeling", "Schaal", "Functieprofielen",
		"Vereist niveau", "Uitspraken voor alle organisaties", "Uitspraken voor Politie", fw.Functions[0].Name+" 2")
	for _, c := range fw.Competencies {
		wantText(t, text, c.Source)
	}
	t.Logf("%d pages, %d KiB", pages, len(data)>>10)
}

func TestFrameworkPDFNamesTheExtension(t *testing.T) {
	fw := withExampleExtension(t, embeddedFramework(t))
	text := pdftext.Bytes(t, renderFramework(t, fw))
	pages := strings.Split(strings.TrimRight(text, "\f\n"), "\f")
	for i, page := range pages {
		// The footer line may wrap in pdftotext's output; compare flat.
		if !strings.Contains(strings.Join(strings.Fields(page), " "), "met uitbreiding Veilig Thuis Voorbeeldregio, versie 2027.1") {
			t.Fatalf("page %d lacks the extension", i+1)
		}
	}
	wantText(t, text, "Dit kader bevat de uitbreiding Veilig Thuis Voorbeeldregio (versie 2027.1, bestand kader-uitbreiding.example.yaml) voor Veilig Thuis.",
		"Regionale werkafspraken toepassen",
		"Ik kan uitleggen welke partner in onze regio wat doet als een melding op acute onveiligheid wijst.")
}

func TestFrameworkPDFNeedsDate(t *testing.T) {
	if err := RenderFramework(&bytes.Buffer{}, embeddedFramework(t), FrameworkOptions{}); err == nil {
		t.Fatal("a PDF without date is not deterministic and must be refused")
	}
}

// everyPage fails unless every page of the PDF text holds want.
func everyPage(t *testing.T, what, text, want string) {
	t.Helper()
	for i, page := range strings.Split(strings.TrimRight(text, "\f\n"), "\f") {
		if !strings.Contains(strings.Join(strings.Fields(page), " "), want) {
			t.Fatalf("%s, page %d: no %q", what, i+1, want)
		}
	}
}

// The plan and group PDFs name the framework, with the extension, on every
// page: a supervisor reading any page knows what the plan was made against.
func TestPlanAndGroupPDFNameTheFramework(t *testing.T) {
	f := typicalPlan(t)
	f.Framework.Extension = &planfile.ExtensionInfo{Name: "Politie Oost", Version: "3", Organisation: f.Profile.OrganisationID}
	want := "Competentiekader " + f.Framework.Version + " met uitbreiding Politie Oost, versie 3"
	if f.Framework.Label() != want {
		t.Fatalf("Label() = %q", f.Framework.Label())
	}
	everyPage(t, "plan", pdftext.Bytes(t, renderBytes(t, f, Options{Created: created})), want)

	var buf bytes.Buffer
	if err := RenderGroup(&buf, groupOf(t, false), GroupOptions{Created: created}); err != nil {
		t.Fatal(err)
	}
	everyPage(t, "group", pdftext.Bytes(t, buf.Bytes()), "Competentiekader "+f.Framework.Version)
}
