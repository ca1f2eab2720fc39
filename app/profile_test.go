package app

import (
	"fmt"
	"slices"
	"testing"

	"fyne.io/fyne/v2"

	"zelfscan/app/widgets"
	"zelfscan/assessment"
	"zelfscan/plans"
)

func TestOrganisationsAlphabeticalCatchAllLast(t *testing.T) {
	fw := &assessment.Framework{Organisations: []assessment.Organisation{
		{ID: "rvdk", Name: "Raad voor de Kinderbescherming"},
		{ID: "andere", Name: "Andere organisatie"},
		{ID: "veilig-thuis", Name: "Veilig Thuis"},
		{ID: "advocatuur", Name: "Advocatuur"},
		{ID: "om", Name: "Openbaar Ministerie"},
		{ID: "csg", Name: "centrum Seksueel Geweld"},
	}}
	var got []string
	for _, o := range organisationsByName(fw) {
		got = append(got, o.ID)
	}
	want := []string{"advocatuur", "csg", "om", "rvdk", "veilig-thuis", "andere"}
	if !slices.Equal(got, want) {
		t.Errorf("order %q, want %q (alphabetical, whatever the case, the catch-all last)", got, want)
	}
}

func TestEnterOnTheProfileScreen(t *testing.T) {
	enter := &fyne.KeyEvent{Name: fyne.KeyReturn}
	cases := []struct {
		name     string
		complete bool
		press    func(f *profileForm)
	}{
		{"starts the scan from the organisation list", true, func(f *profileForm) { f.org.TypedKey(enter) }},
		{"starts the scan from the function list", true, func(f *profileForm) { f.fn.TypedKey(enter) }},
		{"starts the scan from the name", true, func(f *profileForm) { f.name.TypedKey(enter) }},
		{"starts the scan from the team", true, func(f *profileForm) { f.team.TypedKey(enter) }},
		{"does nothing while no function is chosen", false, func(f *profileForm) { f.org.TypedKey(enter) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newUIFixture(t)
			f.u.showProfile()
			form := profileOnScreen(t, f)
			form.org.SetSelected("Politie")
			if c.complete {
				form.fn.SetSelectedIndex(0)
			}
			c.press(form)
			if started := f.u.scan != nil; started != c.complete {
				t.Errorf("scan started: %v, want %v; window shows %q", started, c.complete, visibleTexts(f.w))
			}
		})
	}
}

// Alt+→ walks from the start screen into the scan as the highlighted
// buttons do, and only once the profile can start; Alt+← goes back.
func TestKeyboardFromStartIntoTheScan(t *testing.T) {
	f := newUIFixture(t)
	key := func(s fyne.Shortcut) { f.w.Canvas().(fyne.Shortcutable).TypedShortcut(s) }
	on := func(want string) {
		t.Helper()
		if got := f.a.Preferences().String(prefLastScreen); got != want {
			t.Fatalf("on screen %q showing %q, want %q", got, visibleTexts(f.w), want)
		}
	}
	f.u.ShowStart()
	key(shortcutForward)
	on(screenProfile)
	key(shortcutBack)
	on(screenStart)
	key(shortcutForward)
	form := profileOnScreen(t, f)
	form.org.SetSelected("Politie")
	key(shortcutForward)
	on(screenProfile)
	if f.u.scan != nil {
		t.Fatal("Alt+→ started a scan without a function")
	}
	form.fn.SetSelectedIndex(0)
	key(shortcutForward)
	on(screenScan)
}

// Choosing a function shows what it means under the form, not between the
// fields: nothing the user may click next moves.
func TestChoosingAFunctionMovesNoField(t *testing.T) {
	f := newUIFixture(t)
	f.u.showProfile()
	form := profileOnScreen(t, f)
	d := f.a.Driver()
	before := d.AbsolutePositionForObject(form.name)
	form.fn.SetSelectedIndex(0)
	if !showsText(f.w, "Werkt direct met cliënten.") {
		t.Fatalf("the function's description is not shown: %q", visibleTexts(f.w))
	}
	if after := d.AbsolutePositionForObject(form.name); after != before {
		t.Errorf("the name field moved from %v to %v", before, after)
	}
}

// profileOnScreen finds the widgets of the profile screen.
func profileOnScreen(t *testing.T, f *uiFixture) *profileForm {
	t.Helper()
	sels := findAll[*widgets.KeySelect](f.w)
	entries := findAll[*shortcutEntry](f.w)
	if len(sels) < 2 || len(entries) < 2 {
		t.Fatalf("profile screen has %d selects and %d entries", len(sels), len(entries))
	}
	return &profileForm{org: sels[0], fn: sels[1], name: entries[0], team: entries[1]}
}

// A self-check under a profile the framework no longer offers at its
// organisation cannot be analysed, but it is no dead end: the results
// screen offers to go on under a profile that exists, and the new
// self-check takes over every answer that profile also asks, while the old
// one stays as it was.
func TestOldSelfCheckGoesOnUnderAnOfferedProfile(t *testing.T) {
	f := newUIFixture(t)
	old, err := f.u.store.CreateSelfCheck(assessment.Profile{Organisation: "andere", Function: "leidinggevende", Name: "Kim", Team: "Zuid"}, "test.0", f.u.now())
	if err != nil {
		t.Fatal(err)
	}
	req, err := f.u.fw().Required("andere", "uitvoerend")
	if err != nil {
		t.Fatal(err)
	}
	var asked []string
	for _, rc := range req {
		for _, ind := range rc.Indicators {
			asked = append(asked, ind.ID)
		}
	}
	if len(asked) < 2 {
		t.Fatalf("the test framework asks only %q", asked)
	}
	answered := append(slices.Clone(asked[1:]), "niet-meer-gevraagd-1")
	for _, id := range answered {
		if err := f.u.store.SaveRating(old.ID, id, assessment.Rating{Level: 2}); err != nil {
			t.Fatal(err)
		}
	}

	oldPlan, err := f.u.store.PlanFor(old.ID, f.u.now())
	if err != nil {
		t.Fatal(err)
	}
	action := plans.Action{ID: "a1", CompetencyID: req[0].Competency.ID, OwnText: "Meelopen met een collega", Status: plans.StatusGepland}
	if err := f.u.store.SaveAction(oldPlan.ID, action, "", "", f.u.now()); err != nil {
		t.Fatal(err)
	}

	f.u.showResults(old.ID)
	if !showsText(f.w, "niet meer kent") || !showsText(f.w, "de acties van uw leerplan gaan mee") {
		t.Fatalf("the results of an unknown profile do not say why: %q", visibleTexts(f.w))
	}
	tapButton(t, f.w, "Verder met een ander profiel")
	form := profileOnScreen(t, f)
	if form.org.Selected != "Andere organisatie" || form.fn.Selected != "" || form.name.Text != "Kim" || form.team.Text != "Zuid" {
		t.Fatalf("profile starts as %q / %q / %q / %q", form.org.Selected, form.fn.Selected, form.name.Text, form.team.Text)
	}
	if b := tappable(t, f.w, "Start de zelfscan").(*widgets.KeyButton); !b.Disabled() {
		t.Error("the scan can start before a profile is chosen")
	}
	form.fn.SetSelected("Uitvoerend professional")
	want := fmt.Sprintf("neemt de nieuwe zelfscan %d van uw %d antwoorden over", len(asked)-1, len(answered))
	if !showsText(f.w, want) {
		t.Errorf("no %q on the profile screen: %q", want, visibleTexts(f.w))
	}
	tapButton(t, f.w, "Start de zelfscan")
	if f.u.scan == nil || f.u.scan.sc.ID == old.ID {
		t.Fatalf("no new scan started; window shows %q", visibleTexts(f.w))
	}
	made, err := f.u.store.SelfCheck(f.u.scan.sc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if made.Profile.Function != "uitvoerend" || len(made.Ratings) != len(asked)-1 {
		t.Errorf("new self-check %+v has %d answers, want %d", made.Profile, len(made.Ratings), len(asked)-1)
	}
	for _, id := range asked[1:] {
		if made.Ratings[id].Level != 2 {
			t.Errorf("answer on %s not taken over: %+v", id, made.Ratings[id])
		}
	}
	if newPlan, ok, err := f.u.store.PlanBySelfCheck(made.ID); err != nil || !ok || len(newPlan.Actions) != 1 || newPlan.Actions[0] != action {
		t.Errorf("the plan did not come along: %+v, %v, %v", newPlan, ok, err)
	}
	kept, err := f.u.store.SelfCheck(old.ID)
	if err != nil {
		t.Fatal(err)
	}
	if kept.Profile.Function != "leidinggevende" || len(kept.Ratings) != len(answered) {
		t.Errorf("the old self-check changed: %+v with %d answers", kept.Profile, len(kept.Ratings))
	}
}

// On the results of such a self-check Alt+→ does what the highlighted
// button does (go on under another profile), not open a plan that cannot
// be computed; Alt+← has no scan to go back to.
func TestKeysOnAnUnknownProfile(t *testing.T) {
	f := newUIFixture(t)
	old, err := f.u.store.CreateSelfCheck(assessment.Profile{Organisation: "andere", Function: "leidinggevende"}, "test.0", f.u.now())
	if err != nil {
		t.Fatal(err)
	}
	key := func(s fyne.Shortcut) { f.w.Canvas().(fyne.Shortcutable).TypedShortcut(s) }
	f.u.showResults(old.ID)
	key(shortcutBack)
	if got := f.a.Preferences().String(prefLastScreen); got != screenResults {
		t.Fatalf("Alt+← went to %q", got)
	}
	key(shortcutForward)
	if got := f.a.Preferences().String(prefLastScreen); got != screenProfile || !showsText(f.w, "U gaat verder met uw zelfscan") {
		t.Fatalf("Alt+→ went to %q showing %q", got, visibleTexts(f.w))
	}
}
