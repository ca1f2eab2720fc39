package assessment_test

import (
	"strings"
	"testing"

	"zelfscan/assessment"
)

// For every organisation and every profile it offers, list the statements a
// user is asked (go test -v shows them, for a domain reviewer) and fail on
// any statement the data marks as not fitting that organisation.
func TestEmbeddedStatementsFitEveryOrganisation(t *testing.T) {
	f := loadEmbedded(t)
	for _, o := range f.Organisations {
		t.Run(o.ID, func(t *testing.T) {
			fns := f.FunctionsFor(o.ID)
			if len(fns) == 0 {
				t.Fatal("no profile is available")
			}
			for _, fn := range fns {
				req, err := f.Required(o.ID, fn.ID)
				if err != nil {
					t.Fatal(err)
				}
				var asked []string
				for _, rc := range req {
					for _, ind := range rc.Indicators {
						asked = append(asked, ind.ID)
						if !ind.FitsOrganisation(o.ID) {
							t.Errorf("%s/%s is asked %s, marked as not fitting %s (only_for %v, not_for %v)",
								o.ID, fn.ID, ind.ID, o.ID, ind.OnlyFor, ind.NotFor)
						}
					}
				}
				t.Logf("%s: %d statements: %s", fn.ID, len(asked), strings.Join(asked, " "))
			}
		})
	}
}

// The conflicts a domain reviewer found stay marked in the data: a judge,
// prosecutor or lawyer is never asked to speak a party alone, to follow the
// Meldcode or to go on home visits; the police are not asked the Meldcode
// either (they make zorgmeldingen to Veilig Thuis under their own
// instructions); a lawyer is not asked to weigh the other party's needs, nor
// a judge to advise one party.
func TestEmbeddedRoleConflictsStayMarked(t *testing.T) {
	f := loadEmbedded(t)
	for _, c := range []struct {
		indicator string
		notFor    []string
	}{
		{"basis-signaleren-3", []string{"rechterlijke-macht", "om", "advocatuur", "reclassering"}},
		{"basis-perspectieven-3", []string{"rechterlijke-macht", "advocatuur", "om", "reclassering"}},
		{"basis-perspectieven-9", []string{"advocatuur", "om", "politie"}},
		{"basis-perspectieven-10", []string{"rechterlijke-macht", "om", "politie"}},
		{"verdiep-wetgeving-5", []string{"rechterlijke-macht", "om", "advocatuur", "politie"}},
		{"verdiep-sociale-kaart-2", []string{"rechterlijke-macht"}},
		{"verdiep-sociale-kaart-5", []string{"rechterlijke-macht", "advocatuur"}},
		{"org-spanning-risico-1", []string{"om", "rechterlijke-macht", "advocatuur", "csg"}},
		{"spec-gespreksvoering-2", []string{"csg", "advocatuur", "rechterlijke-macht", "vrouwenopvang", "om"}},
		{"spec-netwerk-1", []string{"rechterlijke-macht", "advocatuur"}},
	} {
		_, compID, ok := f.IndicatorText(c.indicator)
		if !ok {
			t.Errorf("%s is missing", c.indicator)
			continue
		}
		comp, _ := f.Competency(compID)
		for _, org := range c.notFor {
			for _, ind := range comp.IndicatorsFor(org) {
				if ind.ID == c.indicator {
					t.Errorf("%s is asked at %s", c.indicator, org)
				}
			}
		}
	}
	for _, org := range []string{"rechterlijke-macht", "advocatuur"} {
		if _, err := f.Required(org, "aandachtsfunctionaris"); err == nil {
			t.Errorf("aandachtsfunctionaris can be chosen at %s", org)
		}
	}
}

// Needs bijlage 3b calls specialist are asked at a profile's verdiepend
// level: known by the frontline, applied in depth by the specialist.
func TestEmbeddedSpecialistNeedsFollowTheDeepeningLevel(t *testing.T) {
	f := loadEmbedded(t)
	for _, c := range []struct{ org, competency string }{
		{"csg", "csg-seksueel-geweld"}, {"advocatuur", "adv-seksueel-geweld-signalering"}, {"vrouwenopvang", "vo-pleger-geweldstypen"},
	} {
		for _, fn := range f.FunctionsFor(c.org) {
			req, err := f.Required(c.org, fn.ID)
			if err != nil {
				t.Fatal(err)
			}
			want := fn.Required[assessment.CategoryVerdiepend]
			got := 0
			for _, rc := range req {
				if rc.Competency.ID == c.competency {
					got = rc.Level
				}
			}
			if got != want {
				t.Errorf("%s/%s: %s required at %d, want the verdiepend level %d", c.org, fn.ID, c.competency, got, want)
			}
		}
	}
}
