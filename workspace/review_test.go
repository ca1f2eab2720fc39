package workspace

import (
	"context"
	"path/filepath"
	"testing"

	"zelfscan/assessment"
	"zelfscan/plans"
)

// A review goes round: the supervisor's copy gets it (the file read stays
// as it was), is saved and read back, and its review is imported into the
// owner's plan once; a second import adds nothing.
func TestReviewRoundTrip(t *testing.T) {
	ws := withExtension(t)
	st := ws.Store()
	f, sc := planFileOf(t, ws, assessment.Profile{Organisation: "veilig-thuis", Function: "uitvoerend", Name: "Anna"})

	reviewed, err := Reviewed(f, PlanReview{Reviewer: "Joost", Date: day, Setting: plans.SettingIntervisie, Overall: "Goed plan"}, day)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Reviews) != 0 || len(reviewed.Reviews) != 1 {
		t.Fatalf("reviews: read file %d, reviewed copy %d; want 0 and 1", len(f.Reviews), len(reviewed.Reviews))
	}
	path := filepath.Join(t.TempDir(), "besproken"+PlanFileExtension)
	if err := WritePlanFile(path, reviewed); err != nil {
		t.Fatal(err)
	}
	opened := OpenPlanFiles(context.Background(), []string{path})
	if opened[0].Err != nil {
		t.Fatal(opened[0].Err)
	}

	own, _, err := st.PlanBySelfCheck(sc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := CheckReview(own, opened[0].File); err != nil || v.New != 1 {
		t.Fatalf("CheckReview = %+v, %v; want one new review", v, err)
	}
	if n, err := ws.ImportReviews(own, opened[0].File, day); err != nil || n != 1 {
		t.Fatalf("ImportReviews = %d, %v; want 1", n, err)
	}
	if own, _, err = st.PlanBySelfCheck(sc.ID); err != nil {
		t.Fatal(err)
	}
	if v, err := CheckReview(own, opened[0].File); err != nil || v.Kind != ReviewAlreadyImported {
		t.Errorf("second CheckReview = %+v, %v; want already imported", v, err)
	}
	if n, err := ws.ImportReviews(own, opened[0].File, day); err != nil || n != 0 {
		t.Errorf("second ImportReviews = %d, %v; want 0", n, err)
	}
}
