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
	// Evaluations and the next self-check come from a draw of their own,
	// so the levels and actions stay what they were before they existed.
	extra := rand.New(rand.NewPCG(seed^0x5eed, uint64(i)))
	for k, g := range res.Gaps {
		a := plans.Action{ID: fmt.Sprintf("a%d", k+1), CompetencyID: g.Competency.ID, Status: plans.StatusGepland}
		if m := plans.Match(cat, []assessment.Gap{g}, org.ID, plans.Limit(1)); len(m) > 0 && len(m[0].Matches) > 0 {
			a.ItemID = m[0].Matches[0].Item.ID
		} else {
			a.OwnText = Secret + " eigen actie"
		}
		switch {
		case k%3 == 0:
			a.Status = plans.StatusAfgerond
			a.Evaluation = evaluation(extra, a.ItemID, i)
		case k%3 == 1 && i%2 == 0:
			a.Status = plans.StatusBezig
		}
		plan.Actions = append(plan.Actions, a)
	}
	review := planfile.Review{UID: fmt.Sprintf("r%d", i), OnPlanUpdated: plan.Updated, Reviewer: Secret + " begeleider",
		Date: plan.Updated, Setting: plans.SettingWerkbegeleiding, Overall: Secret + " bespreking", SignedOff: i%2 == 0}
	later := nextSelfCheck(extra, req, sc, plan)
	return planfile.Build(planfile.Source{Framework: fw, Catalogue: cat, SelfCheck: sc, Plan: plan,
		PlanUID: plan.UID, PersonID: PersonID(seed, i), Reviews: []planfile.Review{review}, AppVersion: "sample",
		NextSelfCheck:   plans.NextSelfCheck(sc.Updated, plans.DefaultRescanMonths),
		Effects:         plans.Effects(plan, assessment.Compare(res, assessment.Analyse(req, later))),
		EffectsMeasured: later.Updated}, later.Updated.Add(time.Hour))
}

// SharedRemark is the start of every remark a sample person shares; the
// remarks they keep to themselves carry Secret.
const SharedRemark = "Gedeeld verbeterpunt"

// evaluation is a completed action's evaluation: a usefulness rating
// (sometimes none) and a remark, shared by about half.
func evaluation(rng *rand.Rand, item string, i int) plans.Evaluation {
	e := plans.Evaluation{Brought: Secret + " evaluatie", Rating: rng.IntN(plans.MaxRating + 1)}
	if item != "" && rng.IntN(2) == 0 {
		e.Remark, e.ShareRemark = fmt.Sprintf("%s %d over %s", SharedRemark, i, item), true
	} else {
		e.Remark = Secret + " verbeterpunt"
	}
	return e
}

// PlantedShift is the truth the sample files plant: a person who
// completed the item for a competency rates every statement of it this
// many levels higher in the next self-check (within the scale), except
// one in five, who stays the same; every other competency stays the same.
// Items plant 0 or 1 by a hash of their ID.
func PlantedShift(item string) int {
	sum := sha256.Sum256([]byte("planted " + item))
	return int(sum[0] % 2)
}

// nextSelfCheck is the person's self-check six months after sc, with the
// planted shifts.
func nextSelfCheck(rng *rand.Rand, req []assessment.RequiredCompetency, sc *assessment.SelfCheck, plan *plans.Plan) *assessment.SelfCheck {
	shift := map[string]int{}
	for _, a := range plan.Actions {
		if a.Status == plans.StatusAfgerond && a.ItemID != "" && rng.IntN(5) > 0 {
			shift[a.CompetencyID] = PlantedShift(a.ItemID)
		}
	}
	at := sc.Updated.AddDate(0, plans.DefaultRescanMonths, 0)
	later := &assessment.SelfCheck{Profile: sc.Profile, Started: at, Updated: at.Add(time.Hour),
		Ratings: map[string]assessment.Rating{}}
	for _, rc := range req {
		for _, ind := range rc.Indicators {
			r := sc.Ratings[ind.ID]
			later.Ratings[ind.ID] = assessment.Rating{Level: min(3, r.Level+shift[rc.Competency.ID]), At: at}
		}
	}
	return later
}
