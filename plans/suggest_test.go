package plans

import (
	"strings"
	"testing"

	"zelfscan/assessment"
	"zelfscan/assets"
)

// embedded loads the framework and the catalogue the app ships with.
func embedded(t testing.TB) (*assessment.Framework, *Catalogue) {
	t.Helper()
	fw, err := assessment.Load(assets.Files, assets.FrameworkDir)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := LoadBuiltin(assets.Files, assets.CatalogueFile, fw)
	if err != nil {
		t.Fatal(err)
	}
	return fw, cat
}

// eachRequirement calls f for every organisation × function × competency
// requirement of the framework, as a gap one level short.
func eachRequirement(fw *assessment.Framework, f func(org, fn string, g assessment.Gap)) {
	for _, o := range fw.Organisations {
		for _, fn := range fw.FunctionsFor(o.ID) {
			req, err := fw.Required(o.ID, fn.ID)
			if err != nil {
				panic(err)
			}
			for _, rc := range req {
				f(o.ID, fn.ID, assessment.Gap{Competency: rc.Competency, Required: rc.Level, Own: rc.Level - 1})
			}
		}
	}
}

// For every requirement of the framework the first suggestion the dialog
// shows either reaches the required level or is a workplace route written
// out for that competency, and no suggestion serves another competency.
func TestEveryRequirementGetsAnHonestFirstSuggestion(t *testing.T) {
	fw, cat := embedded(t)
	total, noOffer, unrelated := 0, 0, 0
	eachRequirement(fw, func(org, fn string, g assessment.Gap) {
		total++
		gm := Match(cat, []assessment.Gap{g}, org, ForFunction(fn), Limit(8))[0]
		list := gm.Suggestions()
		where := g.Competency.ID + " (" + org + ", " + fn + ")"
		if len(list) == 0 {
			t.Errorf("%s: geen enkel voorstel", where)
			return
		}
		if gm.AtLevel == 0 {
			noOffer++
		}
		first := list[0]
		switch {
		case first.Match != nil && !first.Match.Reaches:
			t.Errorf("%s niveau %d: eerste voorstel %s reikt niet tot het niveau", where, g.Required, first.Match.Item.ID)
		case first.Route != nil && !first.Route.Reaches:
			t.Errorf("%s niveau %d: eerste route %s reikt niet tot het niveau", where, g.Required, first.Route.Route.ID)
		}
		for _, s := range list {
			switch {
			case s.Match != nil && !s.Match.Item.ServesCompetency(g.Competency):
				unrelated++
				t.Errorf("%s: %s dient deze competentie niet", where, s.Match.Item.ID)
			case s.Route != nil && !strings.Contains(s.Route.Steps().Error(), "'"+g.Competency.Title+"'"):
				unrelated++
				t.Errorf("%s: route %s is niet voor deze competentie uitgeschreven: %s", where, s.Route.Route.ID, s.Route.Steps().Error())
			}
		}
	})
	if total < 1000 {
		t.Errorf("maar %d eisen in het kader", total)
	}
	t.Logf("%d eisen; %d zonder aanbod op niveau in de catalogus; %d voorstellen die er niet bij horen", total, noOffer, unrelated)
}

// A route is written for the one competency and statement it serves, and
// follows the person's role: no coaching by the aandachtsfunctionaris for
// the aandachtsfunctionaris or where the profile does not exist, no case
// work for a role competency.
func TestRoutesFitThePerson(t *testing.T) {
	fw, cat := embedded(t)
	c, _ := fw.Competency("rol-richting-prioriteit")
	g := assessment.Gap{Competency: c, Required: 2}
	got := RoutesFor(cat, &g, "om", "bestuurder")
	if len(got) != 2 || got[0].Route.ID != "intervisie-rol" || got[1].Route.ID != "themabijeenkomst-leiden" {
		t.Fatalf("bestuurder OM: %v", got)
	}
	steps := got[0].Steps().Error()
	if !strings.Contains(steps, c.Title) || !strings.Contains(steps, "'"+strings.TrimSuffix(c.IndicatorsFor("om")[0].Text, ".")+"'") || !strings.Contains(steps, "niveau 2") {
		t.Errorf("stappen zeggen niet wat te doen voor deze competentie: %s", steps)
	}
	v, _ := fw.Competency("org-vervolgstappen")
	gv := assessment.Gap{Competency: v, Required: 3, Evidence: []assessment.Evidence{{Indicator: v.IndicatorsFor("politie")[1], Level: 1}}}
	ids := func(list []RouteMatch) (out []string) {
		for _, r := range list {
			out = append(out, r.Route.ID)
		}
		return out
	}
	if got := ids(RoutesFor(cat, &gv, "politie", "uitvoerend")); strings.Join(got, " ") != "casuistiek-deskundige coaching-aandachtsfunctionaris cross-training" {
		t.Errorf("politie uitvoerend: %v", got)
	}
	if r := RoutesFor(cat, &gv, "politie", "uitvoerend")[0].Steps().Error(); !strings.Contains(r, "'"+strings.TrimSuffix(v.IndicatorsFor("politie")[1].Text, ".")+"'") {
		t.Errorf("route werkt niet aan de laagst gescoorde uitspraak: %s", r)
	}
	for _, r := range RoutesFor(cat, &gv, "politie", coachFunction) {
		if r.Route.coach {
			t.Errorf("de aandachtsfunctionaris krijgt coaching door zichzelf")
		}
	}
	for _, r := range RoutesFor(cat, &gv, "rechterlijke-macht", "uitvoerend") {
		if r.Route.coach {
			t.Errorf("coaching door een aandachtsfunctionaris bij de rechtspraak, die er geen kent")
		}
	}
	gv.Required = 1
	if got := ids(RoutesFor(cat, &gv, "politie", "uitvoerend")); strings.Join(got, " ") != "wisselstage meelopen casuistiek-deskundige" {
		t.Errorf("niveau 1: eerst wat laat zien, %v", got)
	}
}
