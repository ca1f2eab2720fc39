package pdf

import (
	"bytes"
	"strings"
	"testing"
	"time"

	cover "zelfscan/coverage"
	"zelfscan/documents/pdftext"
	"zelfscan/plans"
)

// The coverage PDF gives the summary, starts with the requirements no
// offer reaches, lists what the own offer closes, and has every
// organisation's section; every page has its footer.
func TestRenderCoverage(t *testing.T) {
	fw, cat, err := plans.LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	cat = cat.WithOwn("opleidingen", []plans.Item{{ID: "eigen-bestuurlijk", Title: "Leergang bestuurlijk commitment", Kind: plans.KindTraining,
		Level: plans.LevelVerdiepend, Competencies: []string{"rol-richting-prioriteit"}}})
	r := cover.Build(fw, cat)
	var buf bytes.Buffer
	if err := RenderCoverage(&buf, r, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	text := pdftext.Bytes(t, buf.Bytes())
	checkPages(t, text)
	flat := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{r.Summary(), "Eisen die geen aanbod bereikt", "Eisen zonder cursus op niveau",
		"Wat het eigen aanbod sluit", "Leergang bestuurlijk commitment", "Per aanbod"} {
		if !strings.Contains(flat, strings.Join(strings.Fields(want), " ")) {
			t.Errorf("%q missing", want)
		}
	}
	// The own offer closed the bestuurder's gap in every organisation.
	if strings.Contains(flat, "Bestuurder: alle 12 organisaties") {
		t.Error("a gap the own offer closed is still listed as unreached")
	}
	if strings.Index(flat, "Eisen die geen aanbod bereikt") > strings.Index(flat, "Per aanbod") {
		t.Error("the unreached requirements do not come first")
	}
	for _, o := range fw.Organisations {
		if !strings.Contains(flat, o.Name) {
			t.Errorf("no section for %s", o.Name)
		}
	}
	if err := RenderCoverage(&bytes.Buffer{}, r, time.Time{}); err == nil {
		t.Error("no date accepted")
	}
}

func BenchmarkRenderCoverage(b *testing.B) {
	fw, cat, err := plans.LoadEmbedded()
	if err != nil {
		b.Fatal(err)
	}
	r := cover.Build(fw, cat)
	created := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	for b.Loop() {
		var buf bytes.Buffer
		if err := RenderCoverage(&buf, r, created); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(buf.Len()), "bytes")
	}
}
