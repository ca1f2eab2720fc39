package app

import (
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"zelfscan/plans"
	"zelfscan/workspace"
)

// TestPointsSameOnScreenAndPaper: one accredited item chosen for two gaps
// earns its points once, and the plan screen and the PDF say the same.
func TestPointsSameOnScreenAndPaper(t *testing.T) {
	f := newPlanFixture(t, 0)
	f.u.showPlan(f.id)
	ps := f.u.plan
	if len(ps.gaps) < 2 {
		t.Fatalf("need two gaps, have %d", len(ps.gaps))
	}
	item := plans.Item{
		ID: "eigen-meldcode", Title: "Training meldcode in de praktijk", Provider: "Eigen academie",
		Kind: plans.KindTraining, Level: plans.LevelBasis,
		Competencies:  []string{ps.gaps[0].Competency.ID, ps.gaps[1].Competency.ID},
		Accreditation: plans.Accreditation{Register: "SKJ", Points: 4.5},
		Source:        "eigen.csv", Origin: "eigen",
	}
	if err := f.u.ws.SaveOwnCatalogue("eigen", "eigen.csv", []plans.Item{item}, planDay); err != nil {
		t.Fatal(err)
	}
	for i, status := range []plans.Status{plans.StatusAfgerond, plans.StatusGepland} {
		a := plans.Action{ID: "a" + string(rune('1'+i)), CompetencyID: ps.gaps[i].Competency.ID, ItemID: item.ID, Status: status}
		if err := f.st.SaveAction(ps.plan.ID, a, item.Title, item.Provider, planDay); err != nil {
			t.Fatal(err)
		}
	}
	f.u.showPlan(f.id)
	ps = f.u.plan

	pointsLine := regexp.MustCompile(`^\d+(,\d+)? punten?\b`)
	var screen []string
	for _, s := range textsScrolledThrough(f.w) {
		// Fyne's form lists its widgets twice in the tree; one text per register.
		if pointsLine.MatchString(s) && !slices.Contains(screen, s) {
			screen = append(screen, s)
		}
	}
	if len(screen) != 1 || !strings.HasPrefix(screen[0], "4,5 punten") {
		t.Fatalf("screen shows points %q, want one register with 4,5 punten", screen)
	}

	path := filepath.Join(t.TempDir(), "plan.pdf")
	pf, err := f.u.buildPlanFile(ps)
	if err != nil {
		t.Fatal(err)
	}
	if err := workspace.WritePlanPDF(path, pf, planDay); err != nil {
		t.Fatal(err)
	}
	if text := pdfText(t, path); !strings.Contains(text, "SKJ "+screen[0]) {
		t.Errorf("the PDF does not say %q for SKJ as the screen does:\n%s", "SKJ "+screen[0], text)
	}
}
