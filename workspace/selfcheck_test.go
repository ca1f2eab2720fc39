package workspace

import (
	"errors"
	"testing"

	"zelfscan/assessment"
)

// The one way from a self-check to its result: the window's view of the
// framework (English titles, the same gaps as the Dutch one), and a
// profile the framework in use does not know is ErrUnknownProfile with the
// self-check loaded, so the window can say what happened.
func TestAnalyseAndStartSelfCheck(t *testing.T) {
	ws := withExtension(t)
	p := assessment.Profile{Organisation: "veilig-thuis", Function: "aandachtsfunctionaris"}
	first, err := ws.StartSelfCheck(p, nil, day)
	if err != nil {
		t.Fatal(err)
	}
	if first.FrameworkVersion != ws.Framework().VersionFor("veilig-thuis") {
		t.Errorf("framework version %q, want the extended one %q", first.FrameworkVersion, ws.Framework().VersionFor("veilig-thuis"))
	}
	if err := ws.Store().SaveRating(first.ID, "vtvr-werkafspraken-1", assessment.Rating{Level: 1, At: day}); err != nil {
		t.Fatal(err)
	}
	nl, err := ws.Analyse(first.ID)
	if err != nil {
		t.Fatal(err)
	}
	ws.SetLanguage("en")
	en, err := ws.Analyse(first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(nl.Result.Gaps) == 0 || len(nl.Result.Gaps) != len(en.Result.Gaps) {
		t.Fatalf("gaps: %d in Dutch, %d in English", len(nl.Result.Gaps), len(en.Result.Gaps))
	}
	for i := range nl.Result.Gaps {
		a, b := nl.Result.Gaps[i], en.Result.Gaps[i]
		if a.Competency.ID != b.Competency.ID || a.Own != b.Own || a.Required != b.Required {
			t.Errorf("gap %d differs between the languages: %+v / %+v", i, a, b)
		}
	}
	if !hasGap(en.Result.Gaps, "vtvr-werkafspraken") {
		t.Error("the extension's competency is not among the gaps")
	}

	second, err := ws.StartSelfCheck(p, en.SelfCheck, day)
	if err != nil {
		t.Fatal(err)
	}
	if r, ok := second.Ratings["vtvr-werkafspraken-1"]; !ok || r.Level != 1 {
		t.Errorf("the answer did not carry over to the next self-check: %+v", second.Ratings)
	}

	stranger, err := ws.Store().CreateSelfCheck(assessment.Profile{Organisation: "veilig-thuis", Function: "bestaat-niet"}, "2026.3", day)
	if err != nil {
		t.Fatal(err)
	}
	an, err := ws.Analyse(stranger.ID)
	if !errors.Is(err, ErrUnknownProfile) || an.SelfCheck == nil || an.SelfCheck.ID != stranger.ID {
		t.Errorf("unknown profile: %v, %+v", err, an.SelfCheck)
	}
	if _, err := ws.Analyse(99999); err == nil || errors.Is(err, ErrUnknownProfile) {
		t.Errorf("a missing self-check: %v", err)
	}
}

func hasGap(gaps []assessment.Gap, competency string) bool {
	for _, g := range gaps {
		if g.Competency.ID == competency {
			return true
		}
	}
	return false
}
