package planfile

import (
	"bytes"
	"testing"
	"time"

	"zelfscan/assessment"
)

// A plan file reproduces the score and evidence of a gap from its own
// ratings: the same average, shortfall, priority and statements as the
// analysis it was built from, after a JSON round trip.
func TestGapFromFileMatchesAnalysis(t *testing.T) {
	fw, cat := realData(t)
	req, _ := fw.Required("politie", "uitvoerend")
	sc := &assessment.SelfCheck{
		Profile: assessment.Profile{Organisation: "politie", Function: "uitvoerend"},
		Ratings: map[string]assessment.Rating{},
	}
	// First competency (basis, level 2): 1, 2, 2, ... → one statement below.
	for i, ind := range req[0].Indicators {
		sc.Ratings[ind.ID] = assessment.Rating{Level: min(i+1, 2)}
	}
	f, err := Build(Source{Framework: fw, Catalogue: cat, SelfCheck: sc, PlanUID: "uid-score"}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Encode(&buf, f); err != nil {
		t.Fatal(err)
	}
	back, err := Decode("plan.zelfscan", &buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range assessment.Analyse(req, sc).Gaps {
		got, ok := back.Gap(want.Competency.ID)
		if !ok {
			t.Fatalf("%s: no gap from the file", want.Competency.ID)
		}
		if got.Score() != want.Score() || got.Priority() != want.Priority() || len(got.Evidence) != len(want.Evidence) {
			t.Fatalf("%s: file gives score %.2f %s %d statements, analysis %.2f %s %d", want.Competency.ID,
				got.Score(), got.Priority().Label(), len(got.Evidence), want.Score(), want.Priority().Label(), len(want.Evidence))
		}
		for i := range want.Evidence {
			if got.Evidence[i].Indicator.ID != want.Evidence[i].Indicator.ID || got.Evidence[i].Indicator.Text != want.Evidence[i].Indicator.Text || got.Evidence[i].Level != want.Evidence[i].Level {
				t.Fatalf("%s evidence %d: %+v, want %+v", want.Competency.ID, i, got.Evidence[i], want.Evidence[i])
			}
		}
	}
	first, _ := back.Gap(req[0].Competency.ID)
	if len(first.Evidence) != 1 || first.Evidence[0].Level != 1 || first.Competency.Category != assessment.CategoryBasis {
		t.Fatalf("first gap: %d statements below (want 1, rated 1), category %q", len(first.Evidence), first.Competency.Category)
	}
	if levels := back.Levels(); levels[0].Competency.Category != assessment.CategoryBasis || levels[0].Own.Sum == 0 {
		t.Fatalf("Levels lost the category or the sum: %+v", levels[0])
	}
}
