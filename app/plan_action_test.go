package app

import (
	"testing"

	"zelfscan/assessment"
	"zelfscan/plans"
)

// A gap whose competency has only basis items in the catalogue (for a
// police officer at level 2) says plainly that there is nothing at level 2,
// offers the learning activities that reach it, lists the basis items as a
// first step, and points to the other tabs.
func TestAddActionSaysWhenNothingAtLevel(t *testing.T) {
	f := newPlanFixture(t, 0)
	tapButton(t, f.w, "Leerplan maken")
	ps := f.u.plan
	f.u.showAddAction(ps, basisOnlyGap(t, f))
	for _, want := range []string{
		"geen aanbod op niveau 2 Toepassen",
		"Leeractiviteiten die wel tot niveau 2 Toepassen reiken",
		"Lager dan niveau 2 Toepassen: een eerste stap",
		"lager dan het vereiste niveau 2",
	} {
		if !showsText(f.w, want) {
			t.Errorf("%q not shown; screen: %q", want, visibleTexts(f.w))
		}
	}
	tapButton(t, f.w, "Beschrijf een eigen actie")
	if ps.add.tabs.SelectedIndex() != 2 {
		t.Errorf("tab %d after 'Beschrijf een eigen actie', want 2", ps.add.tabs.SelectedIndex())
	}
	ps.add.dialog.Hide()

	// A competency the catalogue knows nothing of: never an empty tab.
	f.u.showAddAction(ps, assessment.Gap{Competency: &assessment.Competency{ID: "zonder-aanbod", Title: "Zonder aanbod"}, Required: 1})
	if !showsText(f.w, "De catalogus heeft geen aanbod dat bij deze competentie past.") || !showsText(f.w, "Zoek in de hele catalogus") {
		t.Errorf("empty proposals without a reason or a way on: %q", visibleTexts(f.w))
	}
	tapButton(t, f.w, "Zoek in de hele catalogus")
	if ps.add.tabs.SelectedIndex() != 1 {
		t.Errorf("tab %d after 'Zoek in de hele catalogus', want 1", ps.add.tabs.SelectedIndex())
	}
	ps.add.dialog.Hide()

	// A gap with items at its level lists those under their own heading.
	g, _ := f.fw.Competency("basis-patronen")
	f.u.showAddAction(ps, assessment.Gap{Competency: g, Required: 2, Own: 1, Complete: true})
	if !showsText(f.w, "Op het vereiste niveau (2 Toepassen)") || showsText(f.w, "geen aanbod op niveau") {
		t.Errorf("items at level 2 not under their heading: %q", visibleTexts(f.w))
	}
}

// basisOnlyGap is a level-2 gap of the police officer whose competency the
// built-in catalogue serves only below level 2, with learning activities
// elsewhere that reach it.
func basisOnlyGap(t *testing.T, f *planFixture) assessment.Gap {
	t.Helper()
	req, err := f.fw.Required("politie", "uitvoerend")
	if err != nil {
		t.Fatal(err)
	}
	for _, rc := range req {
		g := assessment.Gap{Competency: rc.Competency, Required: 2, Complete: true}
		gm := plans.Match(f.u.catalogue(), []assessment.Gap{g}, "politie")[0]
		if gm.AtLevel == 0 && len(gm.Matches) > 0 && len(gm.Activities) > 0 {
			return g
		}
	}
	t.Fatal("the built-in catalogue serves every police competency at level 2; this case needs another profile")
	return assessment.Gap{}
}
