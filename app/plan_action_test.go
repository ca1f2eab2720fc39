package app

import (
	"strings"
	"testing"

	"zelfscan/app/widgets"
	"zelfscan/assessment"
	"zelfscan/assets"
	"zelfscan/plans"
)

// A gap whose competency has only basis items in the catalogue (for a
// police officer at level 2) says plainly that there is nothing at level 2,
// offers the workplace routes written out for this competency, lists the
// basis items as a first step, and points to the other tabs.
func TestAddActionSaysWhenNothingAtLevel(t *testing.T) {
	f := newPlanFixture(t, 0)
	tapButton(t, f.w, "Leerplan maken")
	ps := f.u.plan
	f.u.showAddAction(ps, basisOnlyGap(t, f))
	for _, want := range []string{
		"Er is (nog) geen aanbod in de catalogus dat niveau 2 Toepassen bereikt voor deze competentie.",
		"Op de werkplek tot niveau 2 Toepassen: zo pakt u het aan voor deze competentie",
		"Casuïstiekbespreking onder begeleiding van een deskundige",
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
	if !showsText(f.w, "Er is (nog) geen aanbod in de catalogus voor deze competentie.") || !showsText(f.w, "Zoek in de hele catalogus") {
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
	if !showsText(f.w, "Op het vereiste niveau (2 Toepassen)") || showsText(f.w, "geen aanbod in de catalogus") {
		t.Errorf("items at level 2 not under their heading: %q", visibleTexts(f.w))
	}
}

// basisOnlyGap is a level-2 gap on a case competency (not a role) that
// the built-in catalogue serves only below level 2, with workplace routes
// that reach it, shown to the fixture's police officer.
func basisOnlyGap(t *testing.T, f *planFixture) assessment.Gap {
	t.Helper()
	for i := range f.fw.Competencies {
		c := &f.fw.Competencies[i]
		g := assessment.Gap{Competency: c, Required: 2, Complete: true}
		gm := plans.Match(f.u.catalogue(), []assessment.Gap{g}, "politie", plans.ForFunction("uitvoerend"))[0]
		if c.Category != assessment.CategoryRol && gm.AtLevel == 0 && len(gm.Matches) > 0 && len(gm.Routes) > 0 {
			return g
		}
	}
	t.Fatal("the built-in catalogue serves every case competency at level 2; this case needs another gap")
	return assessment.Gap{}
}

// Choosing a workplace route adds it as an own action in its own words,
// written for the competency of the gap.
func TestAddActionChoosesARoute(t *testing.T) {
	f := newPlanFixture(t, 0)
	tapButton(t, f.w, "Leerplan maken")
	ps := f.u.plan
	g := basisOnlyGap(t, f)
	before := len(ps.plan.Actions)
	f.u.showAddAction(ps, g)
	focused, ok := f.w.Canvas().Focused().(*widgets.KeyButton)
	if !ok {
		t.Fatalf("focus on %T, want the first proposal's button", f.w.Canvas().Focused())
	}
	focused.Tapped(nil)
	if len(ps.plan.Actions) != before+1 {
		t.Fatalf("%d actions, want %d", len(ps.plan.Actions), before+1)
	}
	a := ps.plan.Actions[before]
	if a.ItemID != "" || !strings.HasPrefix(a.OwnText, "Casuïstiekbespreking onder begeleiding van een deskundige: ") ||
		!strings.Contains(a.OwnText, "'"+g.Competency.Title+"'") || a.CompetencyID != g.Competency.ID {
		t.Errorf("action %+v", a)
	}
}

// In the English window the statement about the missing offer, the route
// headings and the route's steps are English; the competency and the
// statement it quotes stay as the framework has them.
func TestRoutesInEnglish(t *testing.T) {
	f := newPlanFixture(t, 0)
	tapButton(t, f.w, "Leerplan maken")
	en, err := assessment.LoadEnglish(assets.Files, assets.FrameworkDir, f.fw)
	if err != nil {
		t.Fatal(err)
	}
	f.u.setEnglish(en)
	f.u.setLanguage("en")
	t.Cleanup(func() { f.u.setLanguage("nl") })
	g := basisOnlyGap(t, f)
	f.u.showAddAction(f.u.plan, g)
	for _, want := range []string{"There is no offer (yet) in the catalogue that reaches level 2", "Case discussion guided by an expert",
		"Bring two of your own cases in which '" + g.Competency.Title + "' plays a part"} {
		if !showsText(f.w, want) {
			t.Errorf("%q not shown: %q", want, visibleTexts(f.w))
		}
	}
	if showsText(f.w, "Breng twee eigen casussen") {
		t.Error("a route's steps are still Dutch")
	}
}
