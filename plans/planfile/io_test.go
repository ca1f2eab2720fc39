package planfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jung-kurt/gofpdf"

	"zelfscan/assessment"
	"zelfscan/plans"
	"zelfscan/usermsg"
)

var t0 = time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)

// sample builds a real plan file: a police officer with every indicator of
// the first two competencies at 0, two actions and one review.
func sample(t testing.TB) *File {
	t.Helper()
	fw, cat := realData(t)
	sc := &assessment.SelfCheck{
		Profile: assessment.Profile{Organisation: "politie", Function: "uitvoerend", Name: "Zoë Çelik", Team: "Noord"},
		Ratings: map[string]assessment.Rating{}, Notes: map[string]string{},
		Started: t0.Add(-48 * time.Hour), Updated: t0.Add(-24 * time.Hour),
	}
	req, err := fw.Required("politie", "uitvoerend")
	if err != nil {
		t.Fatal(err)
	}
	for _, rc := range req[:2] {
		for _, ind := range rc.Indicators {
			sc.Ratings[ind.ID] = assessment.Rating{Level: 0, Note: "geheim-indicator-notitie"}
		}
	}
	sc.Notes[req[0].Competency.ID] = "geheime reflectie op competentie"
	plan := &plans.Plan{
		UID: "plan-uid-1", Created: t0.Add(-24 * time.Hour), Updated: t0.Add(-time.Hour),
		Actions: []plans.Action{
			{ID: "a1", CompetencyID: req[0].Competency.ID, ItemID: cat.Items()[0].ID, Status: plans.StatusGepland, TargetDate: t0.AddDate(0, 3, 0)},
			{ID: "a2", CompetencyID: req[1].Competency.ID, OwnText: "Casus inbrengen in intervisie", Status: plans.StatusAfgerond,
				Evaluation: plans.Evaluation{Brought: "geheime evaluatie"}},
		},
		Reflection: "geheime reflectie op het plan",
	}
	f, err := Build(Source{Framework: fw, Catalogue: cat, SelfCheck: sc, Plan: plan, PersonID: "0123456789abcdef0123456789abcdef", AppVersion: "test"}, t0)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.AddReview(Review{UID: "review-1", Reviewer: "B. de Vries", Date: t0, Setting: plans.SettingIntervisie,
		Overall: "Goed begin", GapComments: map[string]string{req[0].Competency.ID: "eerst dit"},
		ActionComments: map[string]string{"a1": "prima keuze"}, Agreed: map[string]bool{"a1": true}}); err != nil {
		t.Fatal(err)
	}
	return f
}

func encode(t testing.TB, f *File) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Encode(&buf, f); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestRoundTrip(t *testing.T) {
	f := sample(t)
	data := encode(t, f)
	got, err := Decode("plan"+Extension, bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, f) {
		t.Fatalf("round trip changed the file:\n got %+v\nwant %+v", got, f)
	}
	if again := encode(t, got); !bytes.Equal(again, data) {
		t.Fatal("encoding the decoded file gives other bytes")
	}
	if !bytes.Contains(data, []byte("Zoë Çelik")) || !bytes.Contains(data, []byte("\n  \"format\"")) {
		t.Fatal("output is not indented UTF-8 JSON")
	}
}

// A field a newer minor version added is ignored: Version is raised for
// every change that may not be ignored.
func TestUnknownFieldIgnored(t *testing.T) {
	data := encode(t, sample(t))
	data = bytes.Replace(data, []byte(`"format"`), []byte(`"later_added": {"x": [1, 2]}, "format"`), 1)
	if _, err := Decode("plan.zelfscan", bytes.NewReader(data)); err != nil {
		t.Fatalf("unknown field refused: %v", err)
	}
}

func makePDF(t testing.TB, attachments ...gofpdf.Attachment) []byte {
	t.Helper()
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.SetAttachments(attachments)
	pdf.AddPage()
	pdf.Rect(10, 10, 50, 20, "D")
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// countingReader yields an endless plan-file-like JSON string and counts
// what was read, so a test proves the cap without holding 50 MB.
type countingReader struct {
	n, size int64
}

func (r *countingReader) Read(p []byte) (int, error) {
	if r.n >= r.size {
		return 0, io.EOF
	}
	head := []byte(`{"format":"zelfscan-ggg-leerplan","version":1,"reflection":"`)
	k := 0
	for k < len(p) && r.n < r.size {
		if r.n < int64(len(head)) {
			p[k] = head[r.n]
		} else {
			p[k] = 'x'
		}
		k++
		r.n++
	}
	return k, nil
}

func TestHugeFileReadsAtMostCapPlusOne(t *testing.T) {
	r := &countingReader{size: 50 << 20}
	_, err := Decode("groot.zelfscan", r)
	if !errors.Is(err, ErrTooLarge) || !strings.HasPrefix(err.Error(), "groot.zelfscan: ") || !strings.Contains(err.Error(), "groter dan 10 MiB") {
		t.Fatalf("err = %v", err)
	}
	if r.n > MaxFileSize+1 {
		t.Fatalf("read %d bytes, want at most %d", r.n, MaxFileSize+1)
	}
	r = &countingReader{size: 60 << 20}
	if _, err := Read("groot.pdf", r); !errors.Is(err, ErrTooLarge) || r.n > MaxPDFSize+1 {
		t.Fatalf("Read: err = %v after %d bytes", err, r.n)
	}
}

func TestBadFiles(t *testing.T) {
	f := sample(t)
	good := encode(t, f)
	mutate := func(change func(*File)) []byte {
		g, err := Decode("x", bytes.NewReader(good))
		if err != nil {
			t.Fatal(err)
		}
		change(g)
		var buf bytes.Buffer
		if err := Encode(&buf, g); err == nil || !strings.HasPrefix(err.Error(), "het leerplan kan niet worden bewaard: ") {
			t.Fatalf("Encode wrote an invalid file (err = %v)", err)
		}
		if err := writeJSON(&buf, g); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	level := 9
	corrupt := bytes.Clone(good)
	copy(corrupt[len(corrupt)/2:], "\x00}{]")
	cases := []struct {
		name, file string
		data       []byte
		kind       error
		problem    string
	}{
		{"empty", "leeg.zelfscan", nil, ErrEmpty, "het bestand is leeg"},
		{"whitespace", "leeg.zelfscan", []byte(" \n\t "), ErrEmpty, "het bestand is leeg"},
		{"truncated", "half.zelfscan", good[:len(good)/2], ErrCorrupt, "houdt halverwege op"},
		{"corrupted", "kapot.zelfscan", corrupt, ErrCorrupt, "beschadigd"},
		{"random JSON", "data.zelfscan", []byte(`{"naam": "iets anders"}`), ErrNotPlanFile, "geen leerplanbestand"},
		{"format of wrong type", "data.zelfscan", []byte(`{"format": 12}`), ErrNotPlanFile, "geen leerplanbestand"},
		{"JSON array", "lijst.zelfscan", []byte(`[1, 2]`), ErrNotPlanFile, "geen leerplanbestand"},
		{"text", "brief.zelfscan", []byte("Beste collega,"), ErrNotPlanFile, "geen leerplanbestand"},
		{"PDF named .zelfscan to Decode", "plan.zelfscan", makePDF(t), ErrNotPlanFile, "dit is een pdf"},
		{"newer version", "nieuw.zelfscan", bytes.Replace(good, []byte(`"version": 1,`), []byte(`"version": 7, "new_shape": 3,`), 1),
			ErrNewerVersion, "gemaakt met een nieuwere versie van Zelfscan GGG (bestandsversie 7); werk de app bij"},
		{"version 0", "oud.zelfscan", bytes.Replace(good, []byte(`"version": 1,`), []byte(`"version": 0,`), 1), ErrInvalid, "bestandsversie"},
		{"huge number", "getal.zelfscan", bytes.Replace(good, []byte(`"answered": `), []byte(`"answered": 1e400, "x": `), 1), ErrInvalid, "'self_check.answered'"},
		{"level 9", "niveau.zelfscan", mutate(func(g *File) { g.Competencies[0].Indicators[0].Level = &level }), ErrInvalid, "is 9; de schaal loopt van 0 tot en met 3"},
		{"own level 9", "niveau.zelfscan", mutate(func(g *File) { g.Competencies[1].Own = 9 }), ErrInvalid, "het eigen niveau is 9"},
		{"negative level", "niveau.zelfscan", mutate(func(g *File) { g.Competencies[1].Required = -1 }), ErrInvalid, "het vereiste niveau is -1"},
		{"unknown competency in gap", "tekort.zelfscan", mutate(func(g *File) { g.Gaps[0].CompetencyID = "verzonnen" }), ErrInvalid, "'verzonnen', een competentie die niet in het bestand staat"},
		{"unknown competency in action", "actie.zelfscan", mutate(func(g *File) { g.Actions[0].CompetencyID = "verzonnen" }), ErrInvalid, "actie 1 gaat over 'verzonnen'"},
		{"unknown competency in review", "bespreking.zelfscan", mutate(func(g *File) { g.Reviews[0].GapComments["verzonnen"] = "?" }), ErrInvalid, "commentaar bij 'verzonnen'"},
		{"review on unknown action", "bespreking.zelfscan", mutate(func(g *File) { g.Reviews[0].Agreed["a9"] = true }), ErrInvalid, "afspraak over actie 'a9'"},
		{"year 9999", "datum.zelfscan", mutate(func(g *File) { g.Actions[0].TargetDate = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC) }), ErrInvalid, "(1-1-9999) ligt niet tussen 2000 en 2100"},
		{"year 1970", "datum.zelfscan", mutate(func(g *File) { g.Exported = time.Unix(0, 0).UTC() }), ErrInvalid, "de exportdatum (1-1-1970)"},
		{"negative count", "aantal.zelfscan", mutate(func(g *File) { g.SelfCheck.Answered = -3 }), ErrInvalid, "negatief"},
		{"answered above total", "aantal.zelfscan", mutate(func(g *File) { g.SelfCheck.Answered = g.SelfCheck.Total + 1 }), ErrInvalid, "meer uitspraken beantwoord"},
		{"empty scale", "schaal.zelfscan", mutate(func(g *File) { g.Framework.Scale = nil }), ErrInvalid, "minder dan twee niveaus"},
		{"scale not 0..n", "schaal.zelfscan", mutate(func(g *File) { g.Framework.Scale[0].Value = 1 }), ErrInvalid, "loopt niet als 0, 1, 2"},
		{"long reflection", "lang.zelfscan", mutate(func(g *File) { g.Reflection = strings.Repeat("é", maxText+1) }), ErrInvalid, "de reflectie is te lang (10001 tekens"},
		{"duplicate competency", "dubbel.zelfscan", mutate(func(g *File) { g.Competencies[1].ID = g.Competencies[0].ID }), ErrInvalid, "komt twee keer voor"},
		{"duplicate action", "dubbel.zelfscan", mutate(func(g *File) { g.Actions[1].ID = "a1" }), ErrInvalid, "id 'a1' komt twee keer voor"},
		{"duplicate review", "dubbel.zelfscan", mutate(func(g *File) { g.Reviews = append(g.Reviews, g.Reviews[0]) }), ErrInvalid, "id 'review-1' komt twee keer voor"},
		{"gap size wrong", "tekort.zelfscan", mutate(func(g *File) { g.Gaps[0].Size = 3 }), ErrInvalid, "de grootte 3 past niet"},
		{"script link", "link.zelfscan", mutate(func(g *File) { g.Actions[0].Item.URL = "javascript:alert(1)" }), ErrInvalid, "geen weblink"},
		{"no plan uid", "uid.zelfscan", mutate(func(g *File) { g.PlanUID = "" }), ErrInvalid, "de id van het leerplan ontbreekt"},
		{"person ID with a name", "persoon.zelfscan", mutate(func(g *File) { g.PersonID = "zoe-celik" }), ErrInvalid, "de persoons-id is geen 32 tekens"},
		{"person ID in capitals", "persoon.zelfscan", mutate(func(g *File) { g.PersonID = strings.Repeat("AB", 16) }), ErrInvalid, "de persoons-id is geen 32 tekens"},
		{"NUL in name", "naam.zelfscan", mutate(func(g *File) { g.Profile.Name = "Zoë\x00Jansen" }), ErrInvalid,
			"het bestand bevat onmogelijke waarden: de naam bevat een stuurteken (zoals NUL of ESC) dat niet in tekst hoort"},
		{"ESC in reflection", "reflectie.zelfscan", mutate(func(g *File) { g.Reflection = "rood \x1b[31m" }), ErrInvalid,
			"het bestand bevat onmogelijke waarden: de reflectie bevat een stuurteken (zoals NUL of ESC) dat niet in tekst hoort"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Decode(filepath.Join("/home/iemand/Downloads", c.file), bytes.NewReader(c.data))
			if err == nil {
				t.Fatal("accepted")
			}
			if !errors.Is(err, c.kind) {
				t.Errorf("kind: %v is not %v", err, c.kind)
			}
			if _, ok := errors.AsType[*FileError](err); !ok {
				t.Errorf("%T is not a *FileError", err)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, c.file+": ") || !strings.Contains(msg, c.problem) {
				t.Errorf("message %q\nwant prefix %q and %q", msg, c.file+": ", c.problem)
			}
		})
	}
}

// Files are recognised by content: a PDF renamed to .zelfscan is read as a
// PDF, a plan file renamed to .pdf as a plan file.
func TestReadAnyRenamed(t *testing.T) {
	f := sample(t)
	data := encode(t, f)
	withPlan := makePDF(t,
		gofpdf.Attachment{Content: []byte("iets anders"), Filename: "notities.txt"},
		gofpdf.Attachment{Content: data, Filename: AttachmentName})
	for _, c := range []struct {
		name string
		data []byte
		kind Kind
	}{
		{"leerplan.pdf", withPlan, KindPDF},
		{"leerplan.zelfscan", withPlan, KindPDF},
		{"leerplan.json", withPlan, KindPDF},
		{"leerplan.pdf", data, KindJSON},
		{"leerplan.zelfscan", append(bytes.Clone(utf8BOM), data...), KindJSON},
	} {
		if k, err := Detect(c.name, c.data); err != nil || k != c.kind {
			t.Errorf("Detect(%s) = %v, %v; want %v", c.name, k, err, c.kind)
		}
		got, err := ReadAny(c.name, c.data)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if !reflect.DeepEqual(got, f) {
			t.Fatalf("%s: the plan read back differs", c.name)
		}
	}
}

// A plan file with "%PDF-" near its start is still a plan file.
func TestDetectPDFMarkerInName(t *testing.T) {
	f := sample(t)
	f.Profile.Name = "%PDF-1.4"
	if k, err := Detect("plan.zelfscan", encode(t, f)); k != KindJSON || err != nil {
		t.Fatalf("Detect = %v, %v", k, err)
	}
}

func TestPDFWithoutAttachment(t *testing.T) {
	for _, data := range [][]byte{
		makePDF(t),
		makePDF(t, gofpdf.Attachment{Content: []byte(`{"format":"iets"}`), Filename: "bijlage.json"}),
	} {
		_, err := ReadAny("verslag.zelfscan", data)
		want := "verslag.zelfscan: deze pdf bevat geen leerplanbestand; vraag om de pdf die Zelfscan GGG maakte, of om het .zelfscan-bestand"
		if !errors.Is(err, ErrNoAttachment) || err.Error() != want {
			t.Fatalf("err = %v", err)
		}
	}
}

// A PDF whose attachment is a broken plan file names both the PDF and the problem.
func TestPDFWithBrokenPlan(t *testing.T) {
	data := encode(t, sample(t))
	pdf := makePDF(t, gofpdf.Attachment{Content: data[:len(data)/3], Filename: AttachmentName})
	_, err := ReadAny("plan.pdf", pdf)
	if !errors.Is(err, ErrCorrupt) || !strings.HasPrefix(err.Error(), "plan.pdf: het leerplan in deze pdf: ") {
		t.Fatalf("err = %v", err)
	}
}

// A viewer that re-saves the PDF may move the file specification into a
// compressed object stream; the embedded stream itself is still found.
func TestPDFAttachmentWithoutReadableName(t *testing.T) {
	f := sample(t)
	pdf := makePDF(t, gofpdf.Attachment{Content: encode(t, f), Filename: AttachmentName})
	hidden := bytes.ReplaceAll(pdf, []byte("/Type /Filespec"), []byte("/Type /Xxxxxxxx"))
	hidden = bytes.ReplaceAll(hidden, []byte("/EF <<"), []byte("/XX <<"))
	got, err := ReadAny("plan.pdf", hidden)
	if err != nil || got.PlanUID != f.PlanUID {
		t.Fatalf("got %v, %v", got, err)
	}
}

func TestOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "plan"+Extension)
	if err := os.WriteFile(path, encode(t, sample(t)), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(path); err != nil {
		t.Fatal(err)
	}
	_, err := Open(filepath.Join(t.TempDir(), "weg.zelfscan"))
	if !errors.Is(err, os.ErrNotExist) || !strings.HasPrefix(err.Error(), "weg.zelfscan: het bestand kan niet worden geopend") {
		t.Fatalf("err = %v", err)
	}
}

func TestPDFString(t *testing.T) {
	for in, want := range map[string]string{
		`(leerplan.zelfscan.json)`:               "leerplan.zelfscan.json",
		`(a\(b\)c\\d\101)`:                       `a(b)c\dA`,
		`(nested (ok) here)`:                     "nested (ok) here",
		"<FEFF006C0065>":                         "le",
		"(\xfe\xff\x00\xeb)":                     "ë",
		`<6c65 65>`:                              "lee",
		"(line\\\ncontinued)":                    "linecontinued",
		"(\xef\xbb\xbfplan.json)":                "plan.json",
		`  (after spaces)`:                       "after spaces",
		"(caf\xe9)":                              "café",
		`(trailing \)`:                           "",
		`<<`:                                     "",
		`(unterminated`:                          "",
		`<4`:                                     "",
		`/Name`:                                  "",
		`(` + strings.Repeat("x", 10) + `) rest`: strings.Repeat("x", 10),
	} {
		got, ok := pdfString([]byte(in))
		if want == "" {
			if ok && got != "" {
				t.Errorf("pdfString(%q) = %q, want failure", in, got)
			}
			continue
		}
		if !ok || got != want {
			t.Errorf("pdfString(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

// Many objects, each an unnamed embedded stream that is no plan file: the
// reader looks at a bounded number of them and scans the file about once.
func TestPDFManyObjects(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	for i := range 50000 {
		fmt.Fprintf(&b, "%d 0 obj << /Type /EmbeddedFile /Length 2 >> stream\nxx\nendstream endobj\n", i+1)
	}
	if _, err := ReadAny("veel.pdf", b.Bytes()); !errors.Is(err, ErrNoAttachment) {
		t.Fatalf("err = %v", err)
	}
}

// Every problem Validate finds is a message code with its arguments, so the
// English window says it in English; no Dutch is left outside the codes.
func TestValidateSaysProblemsAsCodes(t *testing.T) {
	g := sample(t)
	g.Profile.Name = "Zoë\x00Jansen"
	g.Competencies[1].Own = 9
	g.Competencies[1].ID = g.Competencies[0].ID
	g.Gaps[0].Size = 3
	g.Actions[0].Item.URL = "javascript:alert(1)"
	g.Actions[0].Item.Accreditation.Points = -4.5
	g.Actions[0].Status = "ooit"
	g.Reviews = append(g.Reviews, g.Reviews[0])
	g.Reviews[0].Reviewer = ""
	err := g.Validate()
	joined, ok := err.(interface{ Unwrap() []error })
	if !ok || len(joined.Unwrap()) < 8 {
		t.Fatalf("Validate = %v", err)
	}
	codes := func(code, _ string, args map[string]any) string {
		parts := []string{code}
		for _, k := range slices.Sorted(maps.Keys(args)) {
			parts = append(parts, fmt.Sprint(args[k]))
		}
		return strings.Join(parts, " ")
	}
	for _, e := range joined.Unwrap() {
		m, ok := e.(*usermsg.Error)
		if !ok {
			t.Errorf("%T %q is not a message", e, e)
			continue
		}
		said := usermsg.Render(m, codes)
		for _, w := range []string{" het ", " een ", " niet ", " is te ", "ontbreekt", " komt ", " geen "} {
			if strings.Contains(" "+said+" ", w) {
				t.Errorf("%q holds Dutch %q outside a code", said, w)
			}
		}
	}
	if got := usermsg.Dutch("planfile.check.points", map[string]any{"Where": "actie 1", "Points": usermsg.Number{Value: -4.5, Decimals: -1}}); got != "actie 1: -4,5 accreditatiepunten is onmogelijk" {
		t.Errorf("points said as %q", got)
	}
}

// The person ID travels in the file; a file without one (made before it
// was added) reads as before and is written without the field.
func TestPersonIDOptional(t *testing.T) {
	f := sample(t)
	if data := encode(t, f); !bytes.Contains(data, []byte(`"person_id": "0123456789abcdef0123456789abcdef"`)) {
		t.Fatal("person ID not in the file")
	}
	f.PersonID = ""
	data := encode(t, f)
	if bytes.Contains(data, []byte("person_id")) {
		t.Fatal("an empty person ID is written")
	}
	if got, err := Decode("oud"+Extension, bytes.NewReader(data)); err != nil || got.PersonID != "" {
		t.Fatalf("file without person ID: %v", err)
	}
}

// The parts a problem names ("competentie 3", "actie 'a1'") are made only
// when a problem is found; said, they are words, never a raw value.
func TestValidatePartsAreSaid(t *testing.T) {
	g := sample(t)
	g.Competencies[1].Own = 9
	g.Competencies[0].Indicators[0].ID = ""
	g.Gaps[0].Size = 3
	g.Actions[0].Item.URL = "javascript:alert(1)"
	g.Reviews = append(g.Reviews, g.Reviews[0])
	g.Effects = []Effect{{CompetencyID: "bestaat-niet", Before: 1, After: 9, Actions: 0}}
	err := g.Validate()
	if err == nil {
		t.Fatal("no problems found")
	}
	said := err.Error()
	for _, raw := range []string{"planfile.at", "planfile.in", "{", "}"} {
		if strings.Contains(said, raw) {
			t.Errorf("a part is not said in words (%q) in:\n%s", raw, said)
		}
	}
	for _, want := range []string{"competentie", "tekort 1", "effect 1"} {
		if !strings.Contains(said, want) {
			t.Errorf("%q is not named in:\n%s", want, said)
		}
	}
}
