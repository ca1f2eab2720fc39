package app

import (
	"testing"
	"time"

	"zelfscan/assessment"
	"zelfscan/plans"
)

// The start screen says when the next self-check is due, six months after
// the last one answered, and says plainly when that day has come; nothing
// before the first self-check.
func TestStartScreenSaysWhenTheNextSelfCheckIsDue(t *testing.T) {
	f := newUIFixture(t)
	f.u.ShowStart()
	if showsText(f.w, "Uw volgende zelfscan") {
		t.Fatal("a next self-check is announced before the first one")
	}
	fw := f.u.fw()
	org := fw.Organisations[0].ID
	fn := fw.FunctionsFor(org)[0].ID
	req, err := fw.Required(org, fn)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := f.u.store.CreateSelfCheck(assessment.Profile{Organisation: org, Function: fn}, fw.Version, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.u.store.SaveRating(sc.ID, req[0].Indicators[0].ID, assessment.Rating{Level: 1, At: fixedNow}); err != nil {
		t.Fatal(err)
	}
	next := plans.NextSelfCheck(fixedNow, plans.DefaultRescanMonths)

	f.u.now = func() time.Time { return fixedNow.AddDate(0, 3, 0) }
	f.u.ShowStart()
	if !showsText(f.w, "Uw volgende zelfscan staat gepland op "+formatDate(next)+".") {
		t.Errorf("three months on, the start screen shows %q", visibleTexts(f.w))
	}
	f.u.now = func() time.Time { return next }
	f.u.ShowStart()
	if !showsText(f.w, "Uw volgende zelfscan is aan de beurt (gepland op "+formatDate(next)+"). Een nieuwe zelfscan laat zien wat uw leerplan heeft opgeleverd.") {
		t.Errorf("on the day, the start screen shows %q", visibleTexts(f.w))
	}
}
