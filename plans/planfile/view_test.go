package planfile

import (
	"reflect"
	"testing"

	"zelfscan/assessment"
	"zelfscan/plans"
)

func TestPointsCountAnItemOncePerPlan(t *testing.T) {
	skj := &Item{ID: "i1", Title: "Meldcode", Accreditation: plans.Accreditation{Register: "SKJ", Points: 4.5}}
	other := &Item{ID: "i2", Title: "Gespreksvoering", Accreditation: plans.Accreditation{Register: "SKJ", Points: 2}}
	reg := &Item{ID: "i3", Title: "Veiligheid", Accreditation: plans.Accreditation{Register: "Registerplein", Points: 1}}
	f := &File{Actions: []Action{
		{ID: "a1", CompetencyID: "c1", Item: skj, Status: plans.StatusGepland},
		{ID: "a2", CompetencyID: "c2", Item: skj, Status: plans.StatusAfgerond}, // the same item for a second gap
		{ID: "a3", CompetencyID: "c2", Item: other, Status: plans.StatusBezig},
		{ID: "a4", CompetencyID: "c3", Item: reg, Status: plans.StatusAfgerond},
		{ID: "a5", CompetencyID: "c3", OwnText: "Eigen actie", Status: plans.StatusAfgerond},
	}}
	want := []RegisterPoints{{Register: "Registerplein", Total: 1, Completed: 1}, {Register: "SKJ", Total: 6.5, Completed: 4.5}}
	if got := f.Points(); !reflect.DeepEqual(got, want) {
		t.Errorf("Points() = %+v, want %+v", got, want)
	}
}

func TestViewNamesThings(t *testing.T) {
	f := &File{
		Framework:    FrameworkInfo{Scale: []assessment.Level{{Value: 2, Label: "Toepassen"}}},
		Competencies: []Competency{{ID: "c1", Title: "Signaleren", Note: "Vraag: mag ik meelopen?"}, {ID: "c2", Title: "Wetgeving"}},
		Gaps:         []Gap{{CompetencyID: "c1", Required: 2}},
		Actions: []Action{
			{ID: "a1", CompetencyID: "c1", Item: &Item{ID: "i1", Title: "Training"}},
			{ID: "a2", CompetencyID: "c2", OwnText: "  Özlem vragen mee te kijken\nen daarna bespreken"},
		},
	}
	for _, c := range []struct{ name, got, want string }{
		{"item title", first(f.ActionTitle("a1")), "Training"},
		{"own action: first line", first(f.ActionTitle("a2")), "Özlem vragen mee te kijken"},
		{"unknown action", first(f.ActionTitle("weg")), ""},
		{"competency", first(f.CompetencyTitle("c1")), "Signaleren"},
		{"level on the file's scale", f.LevelLabel(2), "2 (Toepassen)"},
		{"level not on the scale", f.LevelLabel(3), "3"},
	} {
		if c.got != c.want {
			t.Errorf("%s: %q, want %q", c.name, c.got, c.want)
		}
	}
	if gv := f.GapViews(); len(gv) != 1 || gv[0].Competency.Title != "Signaleren" || len(gv[0].Actions) != 1 {
		t.Errorf("GapViews() = %+v", gv)
	}
	if other := f.OtherActions(); len(other) != 1 || other[0].ID != "a2" {
		t.Errorf("OtherActions() = %+v", other)
	}
	if notes := f.Notes(); len(notes) != 1 || notes[0].ID != "c1" {
		t.Errorf("Notes() = %+v", notes)
	}
}

func first[T any](v T, _ bool) T { return v }

func TestTextHelpersHandleMultiByteLetters(t *testing.T) {
	for _, c := range []struct{ name, got, want string }{
		{"capital É", CapitalFirst("éénmalig"), "Éénmalig"},
		{"capital Ö", CapitalFirst("özlem"), "Özlem"},
		{"capital ASCII", CapitalFirst("hoog"), "Hoog"},
		{"capital of empty", CapitalFirst(""), ""},
		{"first line cut by characters", FirstLine("Één twee drie", 5), "Één …"},
		{"first line short", FirstLine("Özlem\nrest", 80), "Özlem"},
		{"points whole", PointsNumber(9), "9"},
		{"points half", PointsNumber(4.5), "4,5"},
		{"decimal rounds half up", Decimal(1.25), "1,3"},
		{"decimal third", Decimal(1.0 / 3), "0,3"},
	} {
		if c.got != c.want {
			t.Errorf("%s: %q, want %q", c.name, c.got, c.want)
		}
	}
}
