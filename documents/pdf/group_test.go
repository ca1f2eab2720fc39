package pdf

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"zelfscan/documents/pdftext"
	grp "zelfscan/plans/group"
	"zelfscan/plans/planfile"
)

// groupOf makes an overview of the typical plan under three names, the
// second with one gap closed so the counts differ.
func groupOf(t *testing.T, anonymous bool) *grp.Overview {
	t.Helper()
	_, cat := realData(t)
	var files []*planfile.File
	for i, name := range []string{"Anna Jansen", "Bram de Vries", "Chris Öztürk"} {
		f := typicalPlan(t)
		f.PlanUID = "uid-" + name
		f.Profile.Name = name
		if i == 1 {
			f.Gaps = f.Gaps[1:]
		}
		files = append(files, f)
	}
	o, err := grp.New(files, cat, grp.Options{Anonymous: anonymous})
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func TestGroupPDFShowsTheGroupWithoutPersonalTexts(t *testing.T) {
	o := groupOf(t, false)
	var buf bytes.Buffer
	created := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	if err := RenderGroup(&buf, o, GroupOptions{Created: created}); err != nil {
		t.Fatal(err)
	}
	text := pdftext.Bytes(t, buf.Bytes())
	checkPages(t, text)
	wantText(t, text, groupTitle, "Anna Jansen", "Bram de Vries", "Chris Öztürk", "1 december 2026",
		"Gedeelde tekorten", "Per competentie", "Voorstellen voor de groep", o.Competencies[0].Title)
	if len(o.Suggestions) > 0 {
		wantText(t, text, o.Suggestions[0].Item.Title)
	}
	flat := strings.Join(strings.Fields(text), " ")
	for _, private := range []string{"patronen te zien", "standaard naar geld", "Meer oefenen met casussen", "casussen uit de eigen regio", "helder plan", "Joëlle"} {
		if strings.Contains(flat, private) {
			t.Errorf("the group PDF shows personal text %q", private)
		}
	}

	// Same overview, same bytes.
	var again bytes.Buffer
	if err := RenderGroup(&again, o, GroupOptions{Created: created}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("rendering the same overview twice gave different bytes")
	}
}

func TestAnonymousGroupPDFHasNoNames(t *testing.T) {
	var buf bytes.Buffer
	if err := RenderGroup(&buf, groupOf(t, true), GroupOptions{Created: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	text := pdftext.Bytes(t, buf.Bytes())
	wantText(t, text, "Deelnemer 1", "Deelnemer 3")
	for _, name := range []string{"Anna", "Bram", "Chris"} {
		if strings.Contains(text, name) {
			t.Errorf("anonymous group PDF shows %q", name)
		}
	}
}

func TestGroupPDFRefusesAnEmptyGroup(t *testing.T) {
	var buf bytes.Buffer
	if err := RenderGroup(&buf, &grp.Overview{}, GroupOptions{Created: time.Now()}); err == nil {
		t.Error("an empty overview gave a PDF")
	}
}
