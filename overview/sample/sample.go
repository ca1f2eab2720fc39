// Package sample makes realistic plan files for tests, benchmarks and the
// overview's measurement script: every organisation and function of the
// framework, answers drawn from a seeded generator, actions with
// evaluations, a reflection and a review — personal texts included, each
// carrying Secret, so a test can check that none of it leaks.
package sample

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"time"

	"zelfscan/assessment"
	"zelfscan/plans"
	"zelfscan/plans/planfile"
)

// Secret is in every personal text of a sample file.
const Secret = "GEHEIM-PERSOONLIJK"

// Start is the date of the first sample plan.
var start = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

// PersonID is the person ID of the i-th sample plan: every sample plan is
// another person.
func PersonID(seed uint64, i int) string {
	sum := sha256.Sum256(fmt.Appendf(nil, "sample %d %d", seed, i))
	return hex.EncodeToString(sum[:16])
}

// Plan makes the i-th sample plan file of a run with the given seed: the
// same i and seed give the same file.
func Plan(fw *assessment.Framework, cat *plans.Catalogue, seed uint64, i int) (*planfile.File, error) {
	rng := rand.New(rand.NewPCG(seed, uint64(i)))
	org := fw.Organisations[rng.IntN(len(fw.Organisations))]
	// Not every function exists in every organisation: take the first
	// that does, from a random start.
	first := rng.IntN(len(fw.Functions))
	var fn assessment.Function
	var req []assessment.RequiredCompetency
	for k := range fw.Functions {
		fn = fw.Functions[(first+k)%len(fw.Functions)]
		if r, err := fw.Required(org.ID, fn.ID); err == nil {
			req = r
			break
		}
	}
	if req == nil {
		return nil, fmt.Errorf("organisatie %q heeft geen functieprofiel", org.ID)
	}
	at := start.Add(time.Duration(i) * time.Minute)
	sc := &assessment.SelfCheck{
		Profile: assessment.Profile{Organisation: org.ID, Function: fn.ID,
			Name: fmt.Sprintf("%s naam %d", Secret, i), Team: Secret + " team"},
		Started: at, Updated: at.Add(time.Hour),
		Ratings: map[string]assessment.Rating{}, Notes: map[string]string{},
	}
	// A person tends to be strong or weak across the board.
	base := rng.IntN(4)
	for _, rc := range req {
		for _, ind := range rc.Indicators {
			lvl := min(3, max(0, base+rng.IntN(3)-1))
			sc.Ratings[ind.ID] = assessment.Rating{Level: lvl, Note: Secret + " toelichting", At: at}
		}
		sc.Notes[rc.Competency.ID] = Secret + " notitie"
	}
	plan := &plans.Plan{UID: fmt.Sprintf("%032x", uint64(i)+seed<<32), Created: at, Updated: at.Add(2 * time.Hour),
		Reflection: Secret + " reflectie"}
	res := assessment.Analyse(req, sc)
	for k, g := range res.Gaps {
		a := plans.Action{ID: fmt.Sprintf("a%d", k+1), CompetencyID: g.Competency.ID, Status: plans.StatusGepland}
		if m := plans.Match(cat, []assessment.Gap{g}, org.ID, plans.Limit(1)); len(m) > 0 && len(m[0].Matches) > 0 {
			a.ItemID = m[0].Matches[0].Item.ID
		} else {
			a.OwnText = Secret + " eigen actie"
		}
		if k%3 == 0 {
			a.Status = plans.StatusAfgerond
			a.Evaluation = plans.Evaluation{Brought: Secret + " evaluatie"}
		}
		plan.Actions = append(plan.Actions, a)
	}
	review := planfile.Review{UID: fmt.Sprintf("r%d", i), OnPlanUpdated: plan.Updated, Reviewer: Secret + " begeleider",
		Date: plan.Updated, Setting: plans.SettingWerkbegeleiding, Overall: Secret + " bespreking", SignedOff: i%2 == 0}
	return planfile.Build(planfile.Source{Framework: fw, Catalogue: cat, SelfCheck: sc, Plan: plan,
		PlanUID: plan.UID, PersonID: PersonID(seed, i), Reviews: []planfile.Review{review}, AppVersion: "sample"}, at.Add(3*time.Hour))
}
