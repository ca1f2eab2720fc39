package planfile

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"reflect"
	"time"

	"zelfscan/assessment"
	"zelfscan/plans"
	"zelfscan/usermsg"
)

// Source is everything a File is built from.
type Source struct {
	Framework *assessment.Framework
	Catalogue *plans.Catalogue
	SelfCheck *assessment.SelfCheck
	Plan      *plans.Plan
	PlanUID   string
	// PersonID is the data folder's person ID (store.PersonID); "" leaves
	// it out.
	PersonID string
	// Reviews replace the plan's own reviews when set.
	Reviews []Review
	// StoredItems are the item titles and providers the store copied per
	// action ID, for items whose catalogue is gone (an own catalogue
	// removed since the action was chosen).
	StoredItems map[string]StoredItem
	AppVersion  string
	// NextSelfCheck is the day the next self-check is due (zero: none).
	NextSelfCheck time.Time
	// Effects compare the self-check with the person's next one, made on
	// EffectsMeasured, for what completed actions served (plans.Effects).
	Effects         []plans.Effect
	EffectsMeasured time.Time
}

// StoredItem is what the store kept of a chosen item.
type StoredItem struct{ Title, Provider string }

// Build makes the self-contained file of a plan: levels and gaps come from
// assessment.Analyse, titles from the framework and catalogue of now.
func Build(src Source, now time.Time) (*File, error) {
	fw, sc := src.Framework, src.SelfCheck
	org, ok := fw.Organisation(sc.Profile.Organisation)
	if !ok {
		return nil, usermsg.New("planfile.build.unknownOrganisation", map[string]any{"ID": sc.Profile.Organisation})
	}
	fn, ok := fw.Function(sc.Profile.Function)
	if !ok {
		return nil, usermsg.New("planfile.build.unknownFunction", map[string]any{"ID": sc.Profile.Function})
	}
	req, err := fw.Required(org.ID, fn.ID)
	if err != nil {
		return nil, usermsg.Wrap("planfile.build.required", map[string]any{"Cause": err}, err)
	}
	res := assessment.Analyse(req, sc)
	done := sc.Completeness(req)
	f := &File{
		Format:     Format,
		Version:    Version,
		Exported:   now.UTC(),
		AppVersion: src.AppVersion,
		PlanUID:    src.PlanUID,
		PersonID:   src.PersonID,
		Framework: FrameworkInfo{
			Version: fw.Version, Title: fw.Source.Title, Credit: fw.Source.Credit,
			Scale: append([]assessment.Level(nil), fw.Scale...),
		},
		Profile: Profile{
			OrganisationID: org.ID, OrganisationName: org.Name,
			FunctionID: fn.ID, FunctionName: fn.Name,
			Name: sc.Profile.Name, Team: sc.Profile.Team,
		},
		SelfCheck: SelfCheckInfo{Started: sc.Started.UTC(), Updated: sc.Updated.UTC(), Answered: done.Answered, Total: done.Total},
		Reviews:   src.Reviews,
	}
	if e := fw.ExtensionFor(org.ID); e != nil {
		f.Framework.Extension = &ExtensionInfo{Name: e.Name, Version: e.Version, Organisation: e.Organisation}
	}
	if f.PlanUID == "" && src.Plan != nil {
		f.PlanUID = src.Plan.UID
	}
	if src.Catalogue != nil {
		f.Catalogue = src.Catalogue.Version
	}
	f.addReviews(src)
	f.addResult(res, sc)
	f.addPlan(src)
	f.addFollowUp(src)
	stripControls(reflect.ValueOf(f))
	return f, nil
}

// addReviews copies the reviews, each with a UID (derived for a review
// recorded before reviews had one).
func (f *File) addReviews(src Source) {
	if f.Reviews == nil && src.Plan != nil {
		for _, r := range src.Plan.Reviews {
			f.Reviews = append(f.Reviews, ReviewOf(r))
		}
	}
	for i := range f.Reviews {
		if f.Reviews[i].UID == "" {
			f.Reviews[i].UID = derivedUID(f.Reviews[i])
		}
	}
}

// addResult copies the competencies with their ratings, and the gaps.
func (f *File) addResult(res assessment.Result, sc *assessment.SelfCheck) {
	for _, l := range res.Levels {
		c := Competency{
			ID: l.Competency.ID, Title: l.Competency.Title, Description: l.Competency.Description,
			Category: l.Competency.Category.Label(), Source: l.Competency.Source,
			Required: l.Level, Own: l.Own.Level, Complete: l.Own.Complete(), Note: sc.Notes[l.Competency.ID],
		}
		for _, ind := range l.Indicators {
			fi := Indicator{ID: ind.ID, Text: ind.Text}
			if r, ok := sc.Ratings[ind.ID]; ok {
				level := r.Level
				fi.Level, fi.Note = &level, r.Note
			}
			c.Indicators = append(c.Indicators, fi)
		}
		f.Competencies = append(f.Competencies, c)
	}
	for _, g := range res.Gaps {
		f.Gaps = append(f.Gaps, Gap{
			CompetencyID: g.Competency.ID, Required: g.Required, Own: g.Own,
			Size: g.Size(), Priority: g.Priority().Label(), Complete: g.Complete,
		})
	}
}

// addPlan copies the plan's dates, reflection and actions, each with the
// catalogue item it uses.
func (f *File) addPlan(src Source) {
	p := src.Plan
	if p == nil {
		return
	}
	f.PlanCreated, f.PlanUpdated, f.Reflection = p.Created.UTC(), p.Updated.UTC(), p.Reflection
	for _, a := range p.Actions {
		fa := Action{ID: a.ID, CompetencyID: a.CompetencyID, OwnText: a.OwnText, TargetDate: a.TargetDate, Status: a.Status, Evaluation: a.Evaluation}
		if a.ItemID != "" {
			fa.Item = itemOf(src.Catalogue, a.ItemID, src.StoredItems[a.ID])
		}
		f.Actions = append(f.Actions, fa)
	}
}

// addFollowUp copies what comes after the plan: the day of the next
// self-check and, once it was made, the effects.
func (f *File) addFollowUp(src Source) {
	f.NextSelfCheck = dateOnly(src.NextSelfCheck)
	if len(src.Effects) == 0 {
		return
	}
	f.EffectsMeasured = dateOnly(src.EffectsMeasured)
	for _, e := range src.Effects {
		f.Effects = append(f.Effects, Effect{CompetencyID: e.CompetencyID, Before: e.Before, After: e.After,
			Items: append([]string(nil), e.Items...), Actions: e.Actions})
	}
}

// dateOnly keeps the day of t (in UTC): a plan file says on which day,
// not at what time, which is all a calendar or a report needs.
func dateOnly(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// itemOf copies a catalogue item into the file. An item that is gone (an own
// catalogue removed since) keeps its ID and the title the store copied, or
// says it is gone, rather than vanishing.
func itemOf(cat *plans.Catalogue, id string, stored StoredItem) *Item {
	if cat != nil {
		if it, ok := cat.Item(id); ok {
			return &Item{
				ID: it.ID, Title: it.Title, Provider: it.Provider, Kind: it.Kind, Level: it.Level,
				URL: it.URL, Accreditation: it.Accreditation, Source: it.Source, Origin: it.Origin,
			}
		}
	}
	if stored.Title != "" {
		return &Item{ID: id, Title: stored.Title, Provider: stored.Provider}
	}
	return &Item{ID: id, Title: "Aanbod niet meer in de catalogus (" + id + ")"}
}

// derivedUID names a review recorded before reviews had a UID. It is derived
// from the review itself, so every export gives it the same UID and
// importing it twice still adds it once.
func derivedUID(r Review) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s", r.Reviewer, r.Date.UTC().Format(time.RFC3339Nano), r.Setting, r.Overall)
	return "afgeleid-" + hex.EncodeToString(h.Sum(nil)[:12])
}
