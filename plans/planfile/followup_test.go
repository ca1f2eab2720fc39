package planfile

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"zelfscan/assessment"
	"zelfscan/plans"
)

// The day of the next self-check and the effects travel in the plan file:
// built, written, read back and valid; a file with an effect on a
// competency it does not hold, or an average off the scale, is refused.
func TestPlanFileCarriesFollowUp(t *testing.T) {
	fw, cat := realData(t)
	at := time.Date(2026, 12, 7, 15, 4, 0, 0, time.UTC)
	req, _ := fw.Required("politie", "uitvoerend")
	comp := req[0].Competency.ID
	sc := &assessment.SelfCheck{Profile: assessment.Profile{Organisation: "politie", Function: "uitvoerend"},
		Ratings: map[string]assessment.Rating{}, Notes: map[string]string{}, Started: at, Updated: at}
	f, err := Build(Source{Framework: fw, Catalogue: cat, SelfCheck: sc, PlanUID: "p", AppVersion: "test",
		NextSelfCheck:   plans.NextSelfCheck(at, 6),
		Effects:         []plans.Effect{{CompetencyID: comp, Before: 1, After: 2.5, Items: []string{"x"}, Actions: 2}},
		EffectsMeasured: at.AddDate(0, 6, 3),
	}, at)
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
	if want := time.Date(2027, 6, 7, 0, 0, 0, 0, time.UTC); !back.NextSelfCheck.Equal(want) {
		t.Errorf("next self-check %s, want %s", back.NextSelfCheck, want)
	}
	if len(back.Effects) != 1 || back.Effects[0].After != 2.5 || back.Effects[0].Items[0] != "x" || back.EffectsMeasured.Hour() != 0 {
		t.Fatalf("effects after a round trip: %+v measured %s", back.Effects, back.EffectsMeasured)
	}

	// A competency no completed action served is the comparison: valid.
	unserved := *back
	unserved.Effects = []Effect{{CompetencyID: comp, Before: 1, After: 1}}
	if err := unserved.Validate(); err != nil {
		t.Errorf("an effect without actions or items is refused: %v", err)
	}

	for name, spoil := range map[string]func(*File){
		"unknown competency": func(f *File) { f.Effects[0].CompetencyID = "bestaat-niet" },
		"off the scale":      func(f *File) { f.Effects[0].After = 7 },
		"twice":              func(f *File) { f.Effects = append(f.Effects, f.Effects[0]) },
		"items, no actions":  func(f *File) { f.Effects[0].Actions = 0 },
		"negative actions":   func(f *File) { f.Effects[0].Actions, f.Effects[0].Items = -1, nil },
	} {
		bad := *back
		bad.Effects = append([]Effect(nil), back.Effects...)
		spoil(&bad)
		if err := bad.Validate(); err == nil || !strings.Contains(err.Error(), "effect") {
			t.Errorf("%s: %v", name, err)
		}
	}
}
