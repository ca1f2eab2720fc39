package app

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"

	"zelfscan/assessment"
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
	sels := findAll[*keySelect](f.w)
	entries := findAll[*shortcutEntry](f.w)
	if len(sels) < 2 || len(entries) < 2 {
		t.Fatalf("profile screen has %d selects and %d entries", len(sels), len(entries))
	}
	return &profileForm{org: sels[0], fn: sels[1], name: entries[0], team: entries[1]}
}
