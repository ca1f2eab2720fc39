package pdf

import (
	"image"
	"image/color"
	"strings"
	"testing"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"

	"zelfscan/documents/chart"
	"zelfscan/documents/pdftext"
)

// textRecorder is a vg.Canvas that keeps only the strings drawn on it.
type textRecorder struct{ texts []string }

func (r *textRecorder) SetLineWidth(vg.Length)              {}
func (r *textRecorder) SetLineDash([]vg.Length, vg.Length)  {}
func (r *textRecorder) SetColor(color.Color)                {}
func (r *textRecorder) Rotate(float64)                      {}
func (r *textRecorder) Translate(vg.Point)                  {}
func (r *textRecorder) Scale(float64, float64)              {}
func (r *textRecorder) Push()                               {}
func (r *textRecorder) Pop()                                {}
func (r *textRecorder) Stroke(vg.Path)                      {}
func (r *textRecorder) Fill(vg.Path)                        {}
func (r *textRecorder) DrawImage(vg.Rectangle, image.Image) {}
func (r *textRecorder) FillString(_ font.Face, _ vg.Point, s string) {
	r.texts = append(r.texts, s)
}

// The profile chart in the PDF is vectors: every text the chart draws (the
// competency labels as wrapped, the scale, the legend, the note) is text
// pdftotext finds on the chart's page, and the page has no image.
func TestChartLabelsAreTextInThePDF(t *testing.T) {
	f := typicalPlan(t)
	d, err := chart.ProfileDrawing(f.Levels(), f.Framework.Scale, chart.ForPDF(textW))
	if err != nil {
		t.Fatal(err)
	}
	rec := &textRecorder{}
	d.Draw(rec)
	if len(rec.texts) < len(f.Levels()) {
		t.Fatalf("chart drew %d texts for %d competencies", len(rec.texts), len(f.Levels()))
	}
	data := renderBytes(t, f, Options{Created: created})
	var page string
	for _, p := range strings.Split(pdftext.Bytes(t, data), "\f") {
		if strings.Contains(p, "Per competentie het niveau dat de professional") {
			page = p
		}
	}
	if page == "" {
		t.Fatal("no page with the profile chart")
	}
	for _, s := range rec.texts {
		wantText(t, page, s)
	}
	// The first label line of every competency, as the chart wrapped it.
	for _, l := range f.Levels() {
		first := strings.Fields(l.Competency.Title)[0]
		if !strings.Contains(page, first) {
			t.Errorf("competency %q not on the chart's page", l.Competency.Title)
		}
	}
	if strings.Contains(string(data), "/Subtype /Image") {
		t.Error("the plan PDF still holds an image")
	}
}
