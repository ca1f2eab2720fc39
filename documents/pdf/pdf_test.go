package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"zelfscan/assessment"
	"zelfscan/documents/pdftext"
	"zelfscan/plans"
	"zelfscan/plans/planfile"
)

var (
	exported = time.Date(2026, 11, 28, 14, 30, 0, 0, time.UTC)
	created  = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
)

func realData(t testing.TB) (*assessment.Framework, *plans.Catalogue) {
	t.Helper()
	fw, cat, err := plans.LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	return fw, cat
}

// typicalPlan is a police officer's plan built from the real framework and
// catalogue: about a dozen gaps, 15 catalogue actions, an own action, an
// action on a competency without a gap, and one review.
func typicalPlan(t testing.TB) *planfile.File { return policePlan(t, 15) }

// policePlan is typicalPlan with at most items catalogue actions.
func policePlan(t testing.TB, items int) *planfile.File {
	t.Helper()
	fw, cat := realData(t)
	sc := &assessment.SelfCheck{
		Profile: assessment.Profile{Organisation: "politie", Function: "uitvoerend", Name: "Zoë Çelik", Team: "Basisteam Rijnmond-Noord"},
		Started: time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC), Updated: time.Date(2026, 11, 20, 16, 0, 0, 0, time.UTC),
		Ratings: map[string]assessment.Rating{}, Notes: map[string]string{},
	}
	req, err := fw.Required("politie", "uitvoerend")
	if err != nil {
		t.Fatal(err)
	}
	for i, rc := range req {
		level := []int{0, 1, 3, 1}[i%4]
		for j, ind := range rc.Indicators {
			if i == 1 && j == 0 {
				continue // one open question
			}
			// Every third statement a level higher, so averages and evidence differ.
			sc.Ratings[ind.ID] = assessment.Rating{Level: min(level+j%3/2, 3)}
		}
	}
	res := assessment.Analyse(req, sc)
	sc.Notes[res.Gaps[0].Competency.ID] = "Bij huiselijk geweld vraag ik te weinig door. Vraag voor mijn leidinggevende: kan ik een keer meekijken bij een collega?"
	sc.Notes[res.Strengths[0].Competency.ID] = "Hier voel ik me zeker in."
	plan := &plans.Plan{Created: sc.Started, Updated: sc.Updated,
		Reflection: "Ik merk dat ik bij meldingen vooral op het laatste incident let. Ik wil leren patronen te zien en beter door te vragen."}
	for _, g := range res.Gaps {
		perGap := 0
		for _, it := range cat.Items() {
			if len(plan.Actions) >= items || perGap == 2 {
				break
			}
			if contains(it.Competencies, g.Competency.ID) {
				perGap++
				a := plans.Action{ID: plan.NextActionID(), CompetencyID: g.Competency.ID, ItemID: it.ID, Status: plans.StatusGepland,
					TargetDate: time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)}
				if len(plan.Actions)%4 == 0 {
					a.Status = plans.StatusAfgerond
					a.Evaluation = plans.Evaluation{Brought: "Meer zicht op dwingende controle.", Changed: "Ik vraag nu standaard naar geld en telefoon.", Better: "Meer oefenen met casussen.",
						Rating: 4}
					// An improvement point is optional: two of the five have one, the first shared.
					if len(plan.Actions) < 8 {
						a.Evaluation.Remark, a.Evaluation.ShareRemark = "Meer casussen uit de eigen regio.", len(plan.Actions) == 0
					}
				}
				plan.Actions = append(plan.Actions, a)
			}
		}
	}
	plan.Actions = append(plan.Actions,
		plans.Action{ID: plan.NextActionID(), CompetencyID: res.Gaps[0].Competency.ID, OwnText: "Meelopen met een collega van Veilig Thuis tijdens twee huisbezoeken.", Status: plans.StatusBezig},
		plans.Action{ID: "a99", CompetencyID: res.Strengths[0].Competency.ID, OwnText: "Casus inbrengen in de intervisie.", Status: plans.StatusGepland},
	)
	reviews := []planfile.Review{{
		UID: "r1", OnPlanUpdated: sc.Updated, Reviewer: "Joëlle d’Hondt", Date: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC),
		Setting: plans.SettingIntervisie, Overall: "Een helder plan; begin met de basis.",
		GapComments:    map[string]string{res.Gaps[0].Competency.ID: "Ja: loop in december een dienst mee met Ahmed."},
		ActionComments: map[string]string{"a1": "Goede keuze."},
		Agreed:         map[string]bool{"a1": true, "a2": true},
		SignedOff:      true,
	}}
	f, err := planfile.Build(planfile.Source{Framework: fw, Catalogue: cat, SelfCheck: sc, Plan: plan, PlanUID: "uid-typisch", Reviews: reviews, AppVersion: "test"}, exported)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// emptyPlan has no name, no answers, no actions and no reviews.
func emptyPlan() *planfile.File {
	return &planfile.File{
		Format: planfile.Format, Version: planfile.Version, Exported: exported,
		Framework: planfile.FrameworkInfo{Version: "2026.1", Title: "Plan van aanpak", Credit: "Bron: Regioplan.",
			Scale: []assessment.Level{{Value: 0, Label: "Nog niet"}, {Value: 1, Label: "Basis"}, {Value: 2, Label: "Toepassen"}}},
		Profile: planfile.Profile{OrganisationName: "Veilig Thuis", FunctionName: "Uitvoerend"},
	}
}

// hugePlan pushes every text to its limit: 60 actions, 5,000-character
// notes, reflection, evaluations and comments, and names with accents.
func hugePlan() *planfile.File {
	long := hugeText
	f := emptyPlan()
	f.Profile = planfile.Profile{Name: "Zoë Çelik-d’Ancona", Team: "Team Noë", OrganisationName: "Reclassering", FunctionName: "Reclasseringswerker"}
	f.SelfCheck = planfile.SelfCheckInfo{Answered: 40, Total: 48}
	f.Reflection = long("Reflectie")
	lvl := 1
	for i := range 12 {
		id := fmt.Sprintf("c%02d", i)
		c := planfile.Competency{ID: id, Title: fmt.Sprintf("Competentie %d: Hoe je omgaat met één heel lange titel die over twee regels loopt", i),
			Category: "Basiskennis en -vaardigheden", Required: 3, Own: i % 3, Complete: i%2 == 0, Note: long("Notitie " + id),
			Indicators: []planfile.Indicator{{ID: id + "-1", Level: &lvl}, {ID: id + "-2"}}}
		f.Competencies = append(f.Competencies, c)
		f.Gaps = append(f.Gaps, planfile.Gap{CompetencyID: id, Required: 3, Own: i % 3, Size: 3 - i%3, Priority: []string{"hoog", "middel", "laag"}[i%3], Complete: c.Complete})
	}
	for i := range 60 {
		a := planfile.Action{ID: fmt.Sprintf("a%d", i+1), CompetencyID: fmt.Sprintf("c%02d", i%12), Status: plans.StatusAfgerond,
			Evaluation: plans.Evaluation{Brought: long("Opbrengst"), Changed: long("Verandering"), Better: long("Verbetering"),
				Rating: plans.MaxRating, Remark: long("Verbeterpunt"), ShareRemark: true}}
		if i%2 == 0 {
			a.Item = &planfile.Item{ID: fmt.Sprintf("i%d", i), Title: fmt.Sprintf("Actie-aanbod %d over financiële afhankelijkheid", i+1), Provider: "Aanbieder Çé",
				Kind: plans.KindTraining, Level: plans.LevelBasis, Accreditation: plans.Accreditation{Register: "Registerplein", Points: 2.5}, Origin: plans.OriginBuiltin}
		} else {
			a.OwnText = fmt.Sprintf("Eigen actie %d: ", i+1) + long("Eigen")
		}
		f.Actions = append(f.Actions, a)
	}
	f.Reviews = []planfile.Review{{Reviewer: "Inès Ôzdemir", Date: exported, Setting: plans.SettingSupervisie, Overall: long("Algemeen"),
		GapComments: map[string]string{"c00": long("Tekort"), "weg": "Over een competentie die er niet meer is."}, ActionComments: map[string]string{"a1": long("Actie"), "a999": "Oude actie."}, Agreed: map[string]bool{"a1": true}}}
	return f
}

// hugeText is about 5,000 characters in 70 sentences, with blank lines.
func hugeText(seed string) string {
	var b strings.Builder
	for i := range 70 {
		fmt.Fprintf(&b, "%s: ë, ï, é, ’ en – zinnen die doorlopen over meerdere regels. ", seed)
		if i%12 == 11 {
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

func renderBytes(t testing.TB, f *planfile.File, opt Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, f, opt); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var pageOf = regexp.MustCompile(`Pagina (\d+) van (\d+)`)

// checkPages asserts every page has its footer and the count is right.
func checkPages(t *testing.T, text string) int {
	t.Helper()
	pages := strings.Split(strings.TrimRight(text, "\f\n"), "\f")
	for i, p := range pages {
		m := pageOf.FindStringSubmatch(p)
		if m == nil || m[1] != strconv.Itoa(i+1) || m[2] != strconv.Itoa(len(pages)) {
			t.Fatalf("page %d: footer %q, want Pagina %d van %d", i+1, m, i+1, len(pages))
		}
	}
	return len(pages)
}

func wantText(t *testing.T, text string, want ...string) {
	t.Helper()
	// pdftotext breaks lines where the PDF does; compare with spaces only.
	flat := strings.Join(strings.Fields(text), " ")
	for _, w := range want {
		if !strings.Contains(flat, strings.Join(strings.Fields(w), " ")) {
			t.Errorf("text %q not in the PDF", w)
		}
	}
}

func TestTypicalPlanShowsEverything(t *testing.T) {
	f := typicalPlan(t)
	if len(f.Gaps) < 8 || len(f.Actions) < 15 {
		t.Fatalf("typical plan too small: %d gaps, %d actions", len(f.Gaps), len(f.Actions))
	}
	text := pdftext.Bytes(t, renderBytes(t, f, Options{Created: created}))
	n := checkPages(t, text)
	wantText(t, text, docTitle, "Zoë Çelik", "Basisteam Rijnmond-Noord", "Politie", f.Profile.FunctionName,
		"Zelfscan GGG — persoonlijk leerplan — Zoë Çelik", "Profiel", "Belangrijkste tekorten", "Gekozen acties",
		"Acties in detail", "Acties bij competenties zonder tekort", "Reflectie van de professional", "Bespreking", "Bronnen", "Joëlle d’Hondt",
		// The professional's note and the supervisor's answer to it.
		"kan ik een keer meekijken bij een collega?", "Antwoord van Joëlle d’Hondt: Ja: loop in december een dienst mee met Ahmed.",
		// The review's labels as on the review screen.
		"Begeleider", "Vorm van bespreking", "Algemene opmerking",
		"Regioplan, 2026", "bijlage 4", "Meelopen met een collega van Veilig Thuis", "Wat er veranderde in de praktijk",
		// The evaluation's rating and improvement point, and whether it was shared.
		"Bruikbaarheid", "4 – goed bruikbaar", "Verbeterpunt aanbod",
		"Meer casussen uit de eigen regio. (anoniem gedeeld met de opleidingscoördinator)",
		"Pagina 1 van "+strconv.Itoa(n), fmt.Sprintf("Pagina %d van %d", n, n))
	// Every gap is named, and the first with a statement rated below the level.
	for _, g := range f.Gaps {
		title, _ := f.CompetencyTitle(g.CompetencyID)
		wantText(t, text, title)
	}
	if g, ok := f.Gap(f.Gaps[0].CompetencyID); !ok || len(g.Evidence) == 0 {
		t.Fatal("the first gap has no evidence")
	} else {
		wantText(t, text, g.Evidence[0].Indicator.Text)
	}
	for _, a := range f.Actions {
		if a.Item != nil {
			wantText(t, text, a.Item.Title)
		}
	}
	for _, l := range f.Framework.Scale {
		wantText(t, text, l.Label)
	}
}

func TestEmptyPlanOffersAReviewForm(t *testing.T) {
	text := pdftext.Bytes(t, renderBytes(t, emptyPlan(), Options{}))
	checkPages(t, text)
	wantText(t, text, noName, "Er zijn geen tekorten", "Er zijn nog geen acties gekozen", "nog geen reflectie en geen notities geschreven",
		"Handtekening professional", "Handtekening begeleider", "Naam begeleider")
}

func TestHugePlanFlowsOverPages(t *testing.T) {
	f := hugePlan()
	text := pdftext.Bytes(t, renderBytes(t, f, Options{Created: created}))
	n := checkPages(t, text)
	if n < 40 {
		t.Fatalf("%d pages for 60 long actions; text must be missing", n)
	}
	wantText(t, text, "Zoë Çelik-d’Ancona", "Inès Ôzdemir", "Actie-aanbod 59 over financiële afhankelijkheid", "Eigen actie 60:",
		"Registerplein", "75 punten, waarvan 75 afgerond", "Actie a999 (niet meer in het plan)")
	// Every long text arrives whole: count one phrase per copy.
	phrase := "zinnen die doorlopen over meerdere regels."
	perCopy := strings.Count(hugeText("x"), phrase)
	// reflection, notes, evaluations (three texts and an improvement point
	// each), own texts and review texts, the
	// review's comment on c00 only once (as the answer next to the note on
	// c00); besides those, the start of each own action's text names it in
	// the table, where pdftotext may mix its columns into the phrase
	copies := 1 + 12 + 60*4 + 30 + 3
	var body []string
	for _, l := range strings.Split(text, "\n") {
		if !strings.Contains(l, "persoonlijk leerplan —") && !pageOf.MatchString(l) && !strings.HasPrefix(l, "Competentiekader ") {
			body = append(body, l)
		}
	}
	flat := strings.Join(strings.Fields(strings.Join(body, " ")), " ")
	named := 0
	for _, a := range f.Actions {
		if a.Item == nil {
			named += strings.Count(actionTitle(f, a.ID), phrase)
		}
	}
	if got, want := strings.Count(flat, phrase), copies*perCopy; got < want || got > want+named {
		t.Fatalf("%d copies of the phrase, want %d to %d: text lost or repeated at page breaks", got, want, want+named)
	}
}

func TestRenderIsDeterministic(t *testing.T) {
	f := typicalPlan(t)
	opt := Options{Created: created, Attachments: []Attachment{{Name: "leerplan.json", Data: []byte(`{"a":1}`), Description: "Leerplan"}}}
	a, b := renderBytes(t, f, opt), renderBytes(t, f, opt)
	if !bytes.Equal(a, b) {
		t.Fatal("the same plan gave different bytes")
	}
	if c := renderBytes(t, f, Options{Created: created.Add(time.Hour)}); bytes.Equal(a, c) {
		t.Fatal("the creation date is not in the PDF")
	}
}

func TestAttachmentIsAnEmbeddedFile(t *testing.T) {
	data := []byte(`{"format":"zelfscan-ggg-leerplan","naam":"Zoë"}`)
	pdf := renderBytes(t, emptyPlan(), Options{Attachments: []Attachment{{Name: "leerplan-zoë.json", Data: data, Description: "Het leerplan als bestand"}}})
	if !bytes.Contains(pdf, []byte("/Type /EmbeddedFile")) || !bytes.Contains(pdf, []byte("/EmbeddedFiles")) {
		t.Fatal("no embedded file in the PDF")
	}
	bin, err := exec.LookPath("pdfdetach")
	if err != nil {
		t.Fatal("pdfdetach ontbreekt: installeer het Debian-pakket poppler-utils (scripts/install-deps.sh --test)")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	list, err := exec.Command(bin, "-enc", "UTF-8", "-list", path).Output()
	if err != nil || !strings.Contains(string(list), "leerplan-zoë.json") {
		t.Fatalf("pdfdetach -list: %v\n%s", err, list)
	}
	out := filepath.Join(dir, "uit.json")
	if err := exec.Command(bin, "-save", "1", "-o", out, path).Run(); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(out); !bytes.Equal(got, data) {
		t.Fatalf("attachment came out as %q", got)
	}
}

// The review feature reads the plan back out of the PDF with planfile.
func TestPlanFileRoundTripsThroughThePDF(t *testing.T) {
	f := typicalPlan(t)
	var js bytes.Buffer
	if err := planfile.Encode(&js, f); err != nil {
		t.Fatal(err)
	}
	pdf := renderBytes(t, f, Options{Attachments: []Attachment{{Name: planfile.AttachmentName, Data: js.Bytes(), Description: "Leerplan"}}})
	got, err := planfile.ReadAny("plan.pdf", pdf)
	if err != nil {
		t.Fatal(err)
	}
	if got.PlanUID != f.PlanUID || got.Profile.Name != "Zoë Çelik" || len(got.Actions) != len(f.Actions) {
		t.Fatalf("plan came back as %s %q with %d actions", got.PlanUID, got.Profile.Name, len(got.Actions))
	}
}

func TestHostileTextDoesNotBreakRendering(t *testing.T) {
	f := emptyPlan()
	f.Profile.Name = "Emoji 😀 en \x00\x07 stuurtekens\r\nen\ttabs " + strings.Repeat("W", 400)
	f.Reflection = string([]byte{0xff, 0xfe}) + " ongeldige UTF-8"
	text := pdftext.Bytes(t, renderBytes(t, f, Options{}))
	checkPages(t, text)
	wantText(t, text, "ongeldige UTF-8", "stuurtekens")
}

// BenchmarkRenderTypical renders the typical plan; besides the mean it
// reports the median and slowest run (targets: median < 40 ms, none over
// 100 ms) and the file size.
func BenchmarkRenderTypical(b *testing.B) {
	f := typicalPlan(b)
	var buf bytes.Buffer
	var runs []time.Duration
	for b.Loop() {
		buf.Reset()
		start := time.Now()
		if err := Render(&buf, f, Options{Created: created}); err != nil {
			b.Fatal(err)
		}
		runs = append(runs, time.Since(start))
	}
	slices.Sort(runs)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(runs[len(runs)/2]), "p50-ms")
	b.ReportMetric(ms(runs[len(runs)-1]), "max-ms")
	b.ReportMetric(float64(buf.Len()), "pdf-bytes")
}

// encodeRGB writes a PNG that a standard decoder reads back pixel for pixel.
func TestEncodeRGBRoundTrips(t *testing.T) {
	img := image.NewRGBA(image.Rect(3, 5, 40, 17))
	for y := img.Rect.Min.Y; y < img.Rect.Max.Y; y++ {
		for x := img.Rect.Min.X; x < img.Rect.Max.X; x++ {
			img.Set(x, y, color.RGBA{uint8(x * 6), uint8(y * 13), uint8(x ^ y), 0xff})
		}
	}
	for _, src := range []image.Image{img, img.SubImage(image.Rect(10, 6, 30, 16)), &image.NRGBA{Pix: img.Pix, Stride: img.Stride, Rect: img.Rect}} {
		data, err := encodeRGB(src)
		if err != nil {
			t.Fatal(err)
		}
		got, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		b := src.Bounds()
		if got.Bounds().Dx() != b.Dx() || got.Bounds().Dy() != b.Dy() {
			t.Fatalf("size %v, want %v", got.Bounds(), b)
		}
		for y := range b.Dy() {
			for x := range b.Dx() {
				r1, g1, b1, _ := got.At(got.Bounds().Min.X+x, got.Bounds().Min.Y+y).RGBA()
				r2, g2, b2, _ := src.At(b.Min.X+x, b.Min.Y+y).RGBA()
				if r1>>8 != r2>>8 || g1>>8 != g2>>8 || b1>>8 != b2>>8 {
					t.Fatalf("pixel %d,%d differs", x, y)
				}
			}
		}
	}
	if _, err := encodeRGB(image.NewRGBA(image.Rectangle{})); err == nil {
		t.Fatal("an empty image was encoded")
	}
}

// TestHeadingEndingASectionGoesWhereItFits: a heading followed only by a
// short line before the next section needs room for just that, not for the
// "few lines" a longer text would need; the plan PDF otherwise gave the
// accreditation paragraph a page of its own.
func TestHeadingEndingASectionGoesWhereItFits(t *testing.T) {
	// 47 lines leave about 23 mm: enough for a heading and one line.
	fill := strings.TrimSuffix(strings.Repeat("regel\n", 47), "\n")
	doc := &document{title: "t", header: "t", blocks: []block{
		para{text: fill},
		heading{text: "Slot", level: 2},
		para{text: "Eén korte regel."},
		newPage{},
		heading{text: "Volgende", level: 1},
	}}
	var buf bytes.Buffer
	if err := render(&buf, doc, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), nil); err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(strings.TrimRight(pdftext.Bytes(t, buf.Bytes()), "\f\n"), "\f")
	if len(pages) != 2 || !strings.Contains(pages[0], "Slot") || !strings.Contains(pages[1], "Volgende") {
		t.Errorf("want 'Slot' on page 1 and 'Volgende' on page 2 of 2; got %d pages: %q", len(pages), pages)
	}
}

// TestPageCounts measures the test plans: a typical plan with 5 actions
// reads in 3 to 4 pages, one with 17 (five of them evaluated, with their
// usefulness and two improvement points) in at most 7. ZELFSCAN_PDF_OUT=dir
// keeps the PDFs to look at.
func TestPageCounts(t *testing.T) {
	five := policePlan(t, 3)
	if len(five.Actions) != 5 {
		t.Fatalf("the typical plan has %d actions, want 5", len(five.Actions))
	}
	for _, c := range []struct {
		name     string
		f        *planfile.File
		min, max int
	}{
		{"leeg", emptyPlan(), 1, 3},
		{"typisch-5-acties", five, 3, 4},
		{"typisch-17-acties", typicalPlan(t), 3, 7},
		{"60-acties", hugePlan(), 40, 500},
	} {
		data := renderBytes(t, c.f, Options{Created: created})
		if dir := os.Getenv("ZELFSCAN_PDF_OUT"); dir != "" {
			if err := os.WriteFile(filepath.Join(dir, c.name+".pdf"), data, 0o600); err != nil {
				t.Fatal(err)
			}
		}
		n := checkPages(t, pdftext.Bytes(t, data))
		t.Logf("%s: %d pages", c.name, n)
		if n < c.min || n > c.max {
			t.Errorf("%s: %d pages, want %d to %d", c.name, n, c.min, c.max)
		}
	}
}

// What a person wrote reaches the PDF whole and once: an own action in the
// table of page 1, the supervisor's answer to a note, a main gap without an
// action; a list of statements that is cut says how many more there are.
func TestNothingWrittenIsCutOrRepeated(t *testing.T) {
	f := policePlan(t, 3)
	own := "Meelopen met een collega van Veilig Thuis tijdens twee huisbezoeken, en daarna samen nabespreken wat ik zag en wat ik miste."
	for i := range f.Actions {
		if f.Actions[i].Item == nil && f.Actions[i].ID != "a99" {
			f.Actions[i].OwnText = own
		}
	}
	text := pdftext.Bytes(t, renderBytes(t, f, Options{Created: created}))
	pages := strings.Split(text, "\f")
	first := strings.Join(strings.Fields(pages[0]), " ")
	// The table breaks the text into its column; compare without spaces.
	squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }
	if !strings.Contains(squeeze(pages[0]), squeeze(own)) || strings.Contains(pages[0], "…") {
		t.Errorf("page 1 does not show the own action whole:\n%s", pages[0])
	}
	flat := strings.Join(strings.Fields(text), " ")
	if n := strings.Count(flat, "Ja: loop in december een dienst mee met Ahmed."); n != 1 {
		t.Errorf("the supervisor's answer to the note is printed %d times, want once", n)
	}
	var withoutAction []string
	for i, g := range f.GapViews()[:topGaps] {
		title, _ := f.CompetencyTitle(g.CompetencyID)
		if len(g.Actions) > 0 {
			continue
		}
		withoutAction = append(withoutAction, title)
		if n := strings.Count(first, title); n != 1 {
			t.Errorf("main gap %d (%s) without an action is on page 1 %d times, want once", i+1, title, n)
		}
	}
	if len(withoutAction) == 0 {
		t.Fatal("the test plan has no main gap without an action")
	}
	if !strings.Contains(first, "nog geen actie gekozen") {
		t.Error("a main gap without an action does not say so")
	}
	g, _ := f.Gap(f.Gaps[0].CompetencyID)
	if more := len(g.Evidence) - evidenceRows; more <= 0 {
		t.Fatal("the first gap's evidence is not longer than page 1 shows")
	} else if !strings.Contains(first, fmt.Sprintf("en nog %d uitspra", more)) {
		t.Errorf("page 1 cuts the evidence of the first gap without saying how many more there are:\n%s", first)
	}
}
