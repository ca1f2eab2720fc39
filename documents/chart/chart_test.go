package chart

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"

	"zelfscan/assessment"
)

var testScale = []assessment.Level{
	{Value: 0, Label: "Nog niet"},
	{Value: 1, Label: "Basis: kennen en herkennen"},
	{Value: 2, Label: "Toepassen"},
	{Value: 3, Label: "Verdiepen"},
}

// result builds a competency result with answered/total indicators.
func result(title string, cat assessment.Category, own, required, answered, total int) assessment.CompetencyResult {
	c := &assessment.Competency{ID: fmt.Sprintf("c-%d-%s", len(title), cat), Title: title, Category: cat}
	return assessment.CompetencyResult{
		RequiredCompetency: assessment.RequiredCompetency{Competency: c, Level: required},
		Own:                assessment.CompetencyLevel{Level: own, Answered: answered, Total: total, Sum: own * answered, Weakest: own},
	}
}

func sampleLevels(n int) []assessment.CompetencyResult {
	titles := []string{
		"Vormen van gendergerelateerd geweld herkennen",
		"Patronen zien in plaats van losse incidenten",
		"De eigen bril: normen en referentiekader",
		"Casuïstiek begeleiden met oog voor patronen",
		"Gendersensitief analyseren, interveniëren en rapporteren",
		"Sociale kaart en doorverwijzen",
	}
	cats := []assessment.Category{assessment.CategoryBasis, assessment.CategoryPerOrgBasis, assessment.CategoryVerdiepend}
	out := make([]assessment.CompetencyResult, n)
	for i := range out {
		answered := 3
		if i%5 == 4 {
			answered = 1
		}
		out[i] = result(titles[i%len(titles)], cats[i*3/n%3], i%4, 1+i%3, answered, 3)
	}
	return out
}

func sampleChanges() []Change {
	return []Change{
		{Title: "Vormen van gendergerelateerd geweld herkennen", Before: 1, After: 2, Required: 2},
		{Title: "Patronen zien in plaats van losse incidenten", Before: 0, After: 2, Required: 2},
		{Title: "De eigen bril: normen en referentiekader", Before: 2, After: 1, Required: 2},
		{Title: "Casuïstiek begeleiden met oog voor patronen", Before: 1, After: 1, Required: 3},
		{Title: "Sociale kaart en doorverwijzen", Before: 3, After: 3, Required: 2},
	}
}

func TestProfileRowCounts(t *testing.T) {
	for _, n := range []int{0, 1, 40} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			img, err := Profile(sampleLevels(n), testScale, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := img.Bounds().Dx(); got != defaultWidth {
				t.Errorf("width %d, want %d", got, defaultWidth)
			}
		})
	}
}

func TestHeightGrowsWithRows(t *testing.T) {
	h := func(n int) int {
		img, err := Profile(sampleLevels(n), testScale, Options{})
		if err != nil {
			t.Fatal(err)
		}
		return img.Bounds().Dy()
	}
	one, forty := h(1), h(40)
	if forty <= one {
		t.Fatalf("40 rows (%d px) not taller than 1 row (%d px)", forty, one)
	}
	// Every row gets the same room, so height grows linearly.
	if per := float64(forty-h(20)) / 20; per < 30 {
		t.Errorf("only %.1f px per row at 96 DPI; titles would overlap", per)
	}
}

func TestFixedSize(t *testing.T) {
	for _, n := range []int{0, 1, 40} {
		img, err := Profile(sampleLevels(n), testScale, Options{Width: 1000, Height: 700})
		if err != nil {
			t.Fatal(err)
		}
		if b := img.Bounds(); b.Dx() != 1000 || b.Dy() != 700 {
			t.Errorf("%d rows: got %v, want 1000×700", n, b.Size())
		}
		img, err = Comparison(sampleChanges()[:min(n, 5)], testScale, Options{Width: 640, Height: 480, DPI: 72, Dark: true})
		if err != nil {
			t.Fatal(err)
		}
		if b := img.Bounds(); b.Dx() != 640 || b.Dy() != 480 {
			t.Errorf("comparison: got %v, want 640×480", b.Size())
		}
	}
}

func TestForPDFKeepsPhysicalSize(t *testing.T) {
	o := ForPDF(170)
	img, err := Profile(sampleLevels(3), testScale, o)
	if err != nil {
		t.Fatal(err)
	}
	mm := float64(img.Bounds().Dx()) / float64(o.DPI) * 25.4
	if mm < 169.5 || mm > 170.5 {
		t.Errorf("printed width %.1f mm, want 170", mm)
	}
}

func TestBadOptions(t *testing.T) {
	for _, o := range []Options{{Width: -1}, {Width: 50}, {Width: 100000}, {Height: 5}, {DPI: -3}, {DPI: 100000}} {
		if _, err := Profile(sampleLevels(2), testScale, o); err == nil {
			t.Errorf("%+v: no error", o)
		}
		if _, err := ComparisonPNG(sampleChanges(), testScale, o); err == nil {
			t.Errorf("%+v: comparison: no error", o)
		}
	}
}

func TestPNGDeterministic(t *testing.T) {
	for _, dark := range []bool{false, true} {
		a, err := ProfilePNG(sampleLevels(12), testScale, Options{Dark: dark})
		if err != nil {
			t.Fatal(err)
		}
		b, err := ProfilePNG(sampleLevels(12), testScale, Options{Dark: dark})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("dark=%v: profile PNG differs between two calls", dark)
		}
		c, _ := ComparisonPNG(sampleChanges(), testScale, Options{Dark: dark})
		d, _ := ComparisonPNG(sampleChanges(), testScale, Options{Dark: dark})
		if len(c) == 0 || !bytes.Equal(c, d) {
			t.Errorf("dark=%v: comparison PNG empty or differs between two calls", dark)
		}
		if _, err := png.Decode(bytes.NewReader(a)); err != nil {
			t.Errorf("profile PNG does not decode: %v", err)
		}
	}
}

func TestWrapKeepsLongTitlesInBounds(t *testing.T) {
	sty := colours(false).text(color.Black, labelSize)
	long := strings.Repeat("Gendersensitief interveniëren ", 7)[:200]
	for _, s := range []string{long, strings.Repeat("x", 200), "kort", "één woord"} {
		got := wrap(sty, s, 200, 2)
		lines := strings.Split(got, "\n")
		if len(lines) > 2 {
			t.Errorf("%q: %d lines", s, len(lines))
		}
		for _, l := range lines {
			if w := sty.Width(l); w > 200 {
				t.Errorf("%q: line %q is %.0fpt wide, max 200", s, l, w)
			}
		}
		if sty.Width(s) > 400 && !strings.HasSuffix(got, "…") {
			t.Errorf("%q: cut off without ellipsis: %q", s, got)
		}
	}
	if got := wrap(sty, "Casuïstiek en signalen", 500, 2); got != "Casuïstiek en signalen" {
		t.Errorf("short accented title changed: %q", got)
	}
	if got := wrap(sty, "  \n ", 200, 2); got != "" {
		t.Errorf("blank title gave %q", got)
	}
}

// A 200-character title must not squeeze the bars: the title column is
// capped, so the bar to the top level keeps over half the width.
func TestLongTitleDoesNotSqueezeChart(t *testing.T) {
	long := []assessment.CompetencyResult{result(strings.Repeat("Heel lange titel met accenten: ë ï é ", 6)[:200], assessment.CategoryBasis, 3, 3, 3, 3)}
	img, err := Profile(long, testScale, Options{Width: 1000, Height: 300})
	if err != nil {
		t.Fatal(err)
	}
	if run := longestRun(img, colours(false).good); run < 500 {
		t.Errorf("bar to the top level is %d px wide in a 1000 px chart", run)
	}
}

func TestEmptyIsAMessage(t *testing.T) {
	img, err := Profile(nil, testScale, Options{})
	if err != nil {
		t.Fatal(err)
	}
	th := colours(false)
	if countColour(img, th.ink) == 0 {
		t.Error("empty profile shows no text")
	}
	if countColour(img, th.good)+countColour(img, th.bad) != 0 {
		t.Error("empty profile draws bars")
	}
}

func TestNilCompetencyAndOddLevels(t *testing.T) {
	levels := []assessment.CompetencyResult{
		{RequiredCompetency: assessment.RequiredCompetency{Level: 2}},
		result("Boven de schaal", assessment.CategoryRol, 7, -1, 0, 0),
	}
	if _, err := Profile(levels, nil, Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := Comparison([]Change{{Title: "", Before: -2, After: 9}}, nil, Options{}); err != nil {
		t.Fatal(err)
	}
}

func TestProfileGapColour(t *testing.T) {
	th := colours(false)
	met, err := Profile([]assessment.CompetencyResult{result("Voldoet", assessment.CategoryBasis, 2, 2, 3, 3)}, testScale, Options{})
	if err != nil {
		t.Fatal(err)
	}
	gap, err := Profile([]assessment.CompetencyResult{result("Tekort", assessment.CategoryBasis, 1, 3, 3, 3)}, testScale, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// The legend shows both colours once; the bar adds to one of them.
	if countColour(met, th.good) <= countColour(gap, th.good) {
		t.Error("a met level is not drawn in the 'voldoet' colour")
	}
	if countColour(gap, th.bad) <= countColour(met, th.bad) {
		t.Error("a gap is not drawn in the 'lager dan vereist' colour")
	}
}

func TestChangeTrend(t *testing.T) {
	cases := []struct {
		c     Change
		delta int
		trend Trend
	}{
		{Change{Before: 1, After: 3}, 2, Growth},
		{Change{Before: 2, After: 1}, -1, Decline},
		{Change{Before: 2, After: 2}, 0, Unchanged},
	}
	th := colours(false)
	for _, tc := range cases {
		if d := tc.c.Delta(); d != tc.delta {
			t.Errorf("%+v: Delta %d, want %d", tc.c, d, tc.delta)
		}
		if tr := tc.c.Trend(); tr != tc.trend {
			t.Errorf("%+v: Trend %v, want %v", tc.c, tr, tc.trend)
		}
	}
	if th.trendColour(Growth) == th.trendColour(Decline) || th.trendColour(Growth) == th.trendColour(Unchanged) {
		t.Error("growth, decline and no change share a colour")
	}
}

// The rendered comparison uses the growth colour only for growth and the
// decline colour only for decline (beyond their legend entries).
func TestComparisonMarksGrowthAndDecline(t *testing.T) {
	th := colours(false)
	render := func(c Change) image.Image {
		img, err := Comparison([]Change{c}, testScale, Options{})
		if err != nil {
			t.Fatal(err)
		}
		return img
	}
	up := render(Change{Title: "Groei", Before: 0, After: 3})
	down := render(Change{Title: "Daling", Before: 3, After: 0})
	if countColour(up, th.good) <= countColour(down, th.good) {
		t.Error("growth not drawn in the growth colour")
	}
	if countColour(down, th.bad) <= countColour(up, th.bad) {
		t.Error("decline not drawn in the decline colour")
	}
}

// longestRun is the longest horizontal run of pixels exactly equal to c.
func longestRun(img image.Image, c color.Color) int {
	best := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		run := 0
		for x := b.Min.X; x < b.Max.X; x++ {
			if sameColour(img.At(x, y), c) {
				run++
				best = max(best, run)
			} else {
				run = 0
			}
		}
	}
	return best
}

func sameColour(a, b color.Color) bool {
	r0, g0, b0, a0 := a.RGBA()
	r1, g1, b1, a1 := b.RGBA()
	return r0 == r1 && g0 == g1 && b0 == b1 && a0 == a1
}

// countColour counts the pixels exactly equal to c.
func countColour(img image.Image, c color.Color) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if sameColour(img.At(x, y), c) {
				n++
			}
		}
	}
	return n
}

// previewTitles are realistic competency titles (with accents and a few
// long ones) for the visual check.
var previewTitles = []struct {
	cat   assessment.Category
	title string
}{
	{assessment.CategoryBasis, "Vormen van gendergerelateerd geweld, ook psychisch, digitaal en seksueel geweld"},
	{assessment.CategoryBasis, "Patronen zien in plaats van losse incidenten: machtsdynamiek en dwingende controle"},
	{assessment.CategoryBasis, "Perspectief en behoeften van plegers en slachtoffers"},
	{assessment.CategoryBasis, "De professional als instrument: eigen normen en referentiekader"},
	{assessment.CategoryBasis, "Signaleren en herkennen van gendergerelateerd geweld"},
	{assessment.CategoryPerOrgBasis, "Weten welke vervolgstappen na signaleren"},
	{assessment.CategoryPerOrgBasis, "Gendersensitief triëren en signaleren in de eigen werkcontext"},
	{assessment.CategoryPerOrgBasis, "Gendersensitief analyseren, interveniëren en rapporteren"},
	{assessment.CategoryPerOrgBasis, "Omgaan met spanning en risico's van onveilige situaties"},
	{assessment.CategoryOrganisatie, "Risico-inschatting bij huiselijk geweld"},
	{assessment.CategoryOrganisatie, "Doorvragen naar patronen"},
	{assessment.CategoryOrganisatie, "Tijdig expertise inschakelen"},
	{assessment.CategoryVerdiepend, "Ontwikkelingen in wet- en regelgeving (zoals de Wet seksuele misdrijven)"},
	{assessment.CategoryVerdiepend, "Gendergerelateerd geweld bij specifieke doelgroepen: leeftijd, cultuur, beperking, vluchtelingen"},
	{assessment.CategoryVerdiepend, "Werken met complexiteit: vertragen en handelen in onzekerheid"},
	{assessment.CategoryVerdiepend, "Sociale kaart, rollen en doorverwijzen"},
	{assessment.CategoryPerOrgSpecialisatie, "Wet- en regelgeving en taakgebonden verantwoordelijkheden"},
	{assessment.CategoryPerOrgSpecialisatie, "Gespreksvoering bij gevoelige onderwerpen en specifieke doelgroepen"},
	{assessment.CategoryPerOrgSpecialisatie, "Samenwerking en afstemming in het netwerk"},
	{assessment.CategoryRol, "Casuïstiekbesprekingen begeleiden"},
	{assessment.CategoryRol, strings.Repeat("Een uitzonderlijk lange titel om het afbreken te controleren, met ë en ï ", 3)[:200]},
}

// TestWritePreview renders every kind of chart from sample data and checks
// that each is a PNG of the size asked for with something drawn on it.
// To look at them: CHART_PREVIEW=/tmp go test ./documents/chart -run Preview
func TestWritePreview(t *testing.T) {
	dir := os.Getenv("CHART_PREVIEW")
	if dir == "" {
		dir = t.TempDir()
	}
	var levels []assessment.CompetencyResult
	var changes []Change
	for i, p := range previewTitles {
		own, req := (i*7+1)%4, 1+i%3
		answered := 3
		if i%6 == 5 {
			answered = 1
		}
		l := result(p.title, p.cat, own, req, answered, 3)
		if own < 3 {
			l.Own.Sum += i % answered // averages between the whole levels
		}
		levels = append(levels, l)
		if i < 12 {
			changes = append(changes, Change{Title: p.title, Before: (i*5 + 2) % 4, After: own, Required: req})
		}
	}
	write := func(name string, data []byte, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s is no PNG: %v", name, err)
		}
		if b := img.Bounds(); b.Dx() < 100 || b.Dy() < 50 || distinctColours(img) < 3 {
			t.Errorf("%s: %dx%d with %d colours, not a drawn chart", name, b.Dx(), b.Dy(), distinctColours(img))
		}
		if err := os.WriteFile(dir+"/"+name, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, err := ProfilePNG(levels, testScale, Options{})
	write("chart-profile.png", b, err)
	b, err = ProfilePNG(levels, testScale, Options{Width: 1000, Height: 700, Dark: true})
	write("chart-profile-dark.png", b, err)
	b, err = ComparisonPNG(changes, testScale, Options{})
	write("chart-compare.png", b, err)
	b, err = ComparisonPNG(changes, testScale, Options{Dark: true, Width: 800})
	write("chart-compare-dark.png", b, err)
	b, err = ProfilePNG(nil, testScale, Options{})
	write("chart-empty.png", b, err)
	b, err = ProfilePNG(levels[:8], testScale, ForPDF(170))
	write("chart-profile-pdf.png", b, err)
	members := []string{"Anouk", "Bram", "Chloë", "Daan", "Eline", "Fatima", "Gijs"}
	var names []string
	var values [][]float64
	for i, p := range previewTitles[:9] {
		names = append(names, p.title)
		row := make([]float64, len(members))
		for j := range row {
			row[j] = float64((i*3 + j*5) % 4)
		}
		if i == 4 {
			row[2] = math.NaN()
		}
		values = append(values, row)
	}
	b, err = GroupHeatmapPNG(names, members, values, Options{})
	write("chart-heatmap.png", b, err)
	b, err = GroupHeatmapPNG(names[:3], []string{"0 niveaus", "1 niveau", "2 niveaus", "3 niveaus"},
		[][]float64{{4.5, 2, 1, 0}, {1.5, 3, 2, 1}, {0, 0.25, 5, 2}}, Options{Dark: true, Width: 700})
	write("chart-heatmap-dark.png", b, err)
	many := append(append(levels[:len(levels):len(levels)], levels...), levels[:3]...)
	b, err = ProfilePNG(many, testScale, Options{Width: 1000, Height: 700})
	write("chart-profile-45.png", b, err)
}

func BenchmarkProfilePNG(b *testing.B) {
	levels := sampleLevels(20)
	for b.Loop() {
		if _, err := ProfilePNG(levels, testScale, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestGroupHeatmap(t *testing.T) {
	rows := []string{"Signaleren", "Patronen zien", "Eigen bril"}
	cols := []string{"Anouk", "Bram", "Chloë", "Daan"}
	nan := math.NaN()
	cases := map[string][][]float64{
		"levels":    {{0, 1, 2, 3}, {1, 1, nan, 2}, {3, 3, 2, 0}},
		"all equal": {{2, 2, 2, 2}, {2, 2, 2, 2}, {2, 2, 2, 2}},
		"averages":  {{0.25, 1.5, 2.75, 3}, {1, 1.33, 2, 2}, {0, 0, 0.5, 0.5}},
		"no data":   {{nan, nan, nan, nan}, {nan, nan, nan, nan}, {nan, nan, nan, nan}},
		"wide":      {{0, 40, 2, 3}, {1, 1, 2, 2}, {3, 3, 2, 0}},
	}
	for name, v := range cases {
		a, err := GroupHeatmapPNG(rows, cols, v, Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		b, _ := GroupHeatmapPNG(rows, cols, v, Options{})
		if !bytes.Equal(a, b) {
			t.Errorf("%s: PNG differs between two calls", name)
		}
	}
	if _, err := GroupHeatmap(nil, nil, nil, Options{}); err != nil {
		t.Errorf("empty group: %v", err)
	}
	bad := map[string][][]float64{
		"row missing":    {{0, 1, 2, 3}, {1, 1, 2, 2}},
		"column missing": {{0, 1, 2, 3}, {1, 1, 2}, {3, 3, 2, 0}},
		"infinite":       {{0, 1, 2, 3}, {1, 1, math.Inf(1), 2}, {3, 3, 2, 0}},
	}
	for name, v := range bad {
		if _, err := GroupHeatmap(rows, cols, v, Options{}); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestClasses(t *testing.T) {
	cl := classesFor([][]float64{{0, 3}, {1, math.NaN()}})
	if cl.n != 4 || !cl.integral || cl.label(2) != "2" {
		t.Errorf("levels 0..3: got %+v, label(2)=%q", cl, cl.label(2))
	}
	for v := 0.0; v <= 3; v++ {
		if got := cl.index(v); got != int(v) {
			t.Errorf("level %v maps to colour %d", v, got)
		}
	}
	cl = classesFor([][]float64{{0.5, 2.5}})
	if cl.n != 7 || cl.integral || cl.label(0) != "≈ 0,5" {
		t.Errorf("averages: got %+v, label(0)=%q", cl, cl.label(0))
	}
}

// The font must have real glyphs for Dutch accents and the signs the charts
// print, or titles such as "Casuïstiek" would show boxes.
func TestFontCoversDutch(t *testing.T) {
	sty := colours(false).text(color.Black, labelSize)
	face := sty.Handler.Cache().Lookup(sty.Font, sty.Font.Size)
	if face.Face == nil {
		t.Fatal("Liberation Sans not found in gonum's font cache")
	}
	var buf sfnt.Buffer
	for _, r := range "ëïéèêöüáàóçĳ…≈*" {
		if i, err := face.Face.GlyphIndex(&buf, r); err != nil || i == 0 {
			t.Errorf("no glyph for %q (err %v)", r, err)
		}
	}
}

// Sizes at the edges of what Options allows still render (no panic, no
// error), even when the rows get almost no room.
func TestExtremeSizes(t *testing.T) {
	for _, o := range []Options{{Width: 100, Height: 100}, {Width: 100}, {Width: 4000, Height: 100, DPI: 24}, {Width: 100, Height: 4000, DPI: 600}} {
		for _, n := range []int{1, 40} {
			img, err := Profile(sampleLevels(n), testScale, o)
			if err != nil {
				t.Errorf("%+v, %d rows: %v", o, n, err)
				continue
			}
			if o.Height != 0 && img.Bounds().Dy() != o.Height {
				t.Errorf("%+v: height %d", o, img.Bounds().Dy())
			}
		}
		if _, err := Comparison(sampleChanges(), testScale, o); err != nil {
			t.Errorf("%+v: comparison: %v", o, err)
		}
		if _, err := GroupHeatmap([]string{"a"}, []string{"b", "c"}, [][]float64{{1, 2}}, o); err != nil {
			t.Errorf("%+v: heat map: %v", o, err)
		}
	}
}

// Labels replace the Dutch legend; the Dutch texts spelled out as labels
// draw the same picture as no labels at all.
func TestLabelsReplaceLegend(t *testing.T) {
	dutch, err := ProfilePNG(sampleLevels(4), testScale, Options{})
	if err != nil {
		t.Fatal(err)
	}
	same, err := ProfilePNG(sampleLevels(4), testScale, Options{Labels: Labels{OwnMeets: "Eigen niveau (gemiddelde): voldoet", Required: "Vereist niveau"}})
	if err != nil {
		t.Fatal(err)
	}
	english, err := ProfilePNG(sampleLevels(4), testScale, Options{Labels: Labels{OwnMeets: "Own level: meets", Required: "Required level"}})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(dutch, same) {
		t.Error("the Dutch texts given as labels draw another picture than the default")
	}
	if bytes.Equal(dutch, english) {
		t.Error("English labels draw the same picture as the Dutch default")
	}
}

// The profile's definition, as both the window and the PDF draw it: a
// heading per group in scan order (the per-organisation categories under the
// group they work out), bars at the average, not the rounded level, and
// every title whole.
func TestProfileDefinition(t *testing.T) {
	long := "Herkennen wanneer samenwerking of contact tussen ouders niet passend is, ook bij scheiding"
	levels := []assessment.CompetencyResult{
		result("Vormen", assessment.CategoryBasis, 1, 2, 4, 4),
		result("Patronen", assessment.CategoryBasis, 0, 2, 3, 3),
		result(long, assessment.CategoryPerOrgBasis, 2, 2, 2, 2),
		result("Risico", assessment.CategoryOrganisatie, 1, 2, 4, 4),
		// A plan file stores the Dutch label; it lands in the same group.
		result("Wetgeving", assessment.Category(assessment.CategoryVerdiepend.Label()), 0, 1, 2, 2),
		result("Kennisdeler", assessment.CategoryRol, 2, 2, 1, 2),
	}
	levels[0].Own.Sum = 7 // 2,2,2,1 → 1.75, level 1
	levels[3].Own.Sum = 4 // 1,1,1,1 → 1.0, level 1
	rc := profileDefinition(levels, testScale, Labels{}, colours(false))

	wantHeaders := []string{"Basis", "", "", "", "Organisatiespecifiek", "", "Verdieping", "", "Rol en functie", ""}
	if strings.Join(rc.headers, "|") != strings.Join(wantHeaders, "|") {
		t.Fatalf("headers %q, want %q", rc.headers, wantHeaders)
	}
	bars := rc.data.(profileBars).rows
	want := []struct {
		score     float64
		required  int
		gap, head bool
	}{
		{0, 0, false, true}, {1.75, 2, true, false}, {0, 2, true, false}, {2, 2, false, false},
		{0, 0, false, true}, {1, 2, true, false},
		{0, 0, false, true}, {0, 1, true, false},
		{0, 0, false, true}, {2, 2, false, false},
	}
	for i, w := range want {
		b := bars[i]
		if b.header != w.head || b.score != w.score || b.required != w.required || b.gap() != w.gap {
			t.Errorf("row %d (%q): %+v gap %v, want %+v", i, rc.titles[i], b, b.gap(), w)
		}
	}
	// Two rows of level 1 against 2 no longer draw the same bar.
	if bars[1].own != bars[5].own || bars[1].score == bars[5].score {
		t.Error("equal whole levels with different averages draw equal bars")
	}
	ticks, _ := rc.titleTicks(colours(false).text(color.Black, labelSize), 260, titleLines)
	if got := strings.ReplaceAll(ticks[3].Label, "\n", " "); got != long {
		t.Errorf("long title drawn as %q, want it whole", got)
	}
	if ticks[0].Label != "" || ticks[9].Label != "Kennisdeler *" {
		t.Errorf("heading row label %q (want empty), incomplete row %q (want a mark)", ticks[0].Label, ticks[9].Label)
	}

	english := profileDefinition(levels, testScale, Labels{GroupBasis: "Basics", GroupRole: "Role"}, colours(false))
	if english.headers[0] != "Basics" || english.headers[8] != "Role" || english.headers[6] != "Verdieping" {
		t.Errorf("group labels not used: %q", english.headers)
	}
}

// A level-0 bar is drawn as a stub: two level-0 rows show more of the bar
// colour than one (without the stub both show only the legend's swatch).
func TestLevelZeroIsVisible(t *testing.T) {
	th := colours(false)
	zero := result("Nul", assessment.CategoryBasis, 0, 0, 3, 3)
	one, err := Profile([]assessment.CompetencyResult{zero}, testScale, Options{})
	if err != nil {
		t.Fatal(err)
	}
	two, err := Profile([]assessment.CompetencyResult{zero, zero}, testScale, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if countColour(two, th.good) <= countColour(one, th.good) {
		t.Error("a level-0 competency draws no bar")
	}
}

// distinctColours counts the colours of img, up to 16.
func distinctColours(img image.Image) int {
	seen := map[color.RGBA]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y && len(seen) < 16; y += 3 {
		for x := b.Min.X; x < b.Max.X && len(seen) < 16; x += 3 {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(bl >> 8), uint8(a >> 8)}] = true
		}
	}
	return len(seen)
}
