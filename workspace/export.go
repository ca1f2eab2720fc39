package workspace

import (
	"bytes"
	"fmt"
	"io"
	"time"

	"zelfscan/assessment"
	"zelfscan/documents/pdf"
	"zelfscan/plans"
	"zelfscan/plans/planfile"
	"zelfscan/store"
)

// PlanFile makes the self-contained plan file of a self-check's plan: in
// Dutch whatever the UI language, with the organisation's extension, and
// with the titles of actions as they were stored when chosen.
func (w *Workspace) PlanFile(sc *assessment.SelfCheck, plan *plans.Plan, appVersion string, now time.Time) (*planfile.File, error) {
	// The store is the one source of truth: a screen's copy of the plan
	// may lag behind it (the time of the last change, which a review
	// compares with).
	if w.store != nil && plan != nil {
		stored, ok, err := w.store.PlanBySelfCheck(sc.ID)
		if err != nil {
			return nil, err
		}
		if ok {
			plan = stored
		}
	}
	stored := map[string]planfile.StoredItem{}
	if w.store != nil && plan != nil && plan.ID != 0 {
		snaps, err := w.store.ItemSnapshots(plan.ID)
		if err != nil {
			return nil, err
		}
		for id, s := range snaps {
			stored[id] = planfile.StoredItem{Title: s.Title, Provider: s.Provider}
		}
	}
	cat, err := w.Catalogue()
	if err != nil {
		return nil, err
	}
	src := planfile.Source{
		Framework: w.fw, Catalogue: cat, SelfCheck: sc, Plan: plan,
		StoredItems: stored, AppVersion: appVersion,
		NextSelfCheck: plans.NextSelfCheck(sc.Updated, w.RescanMonths()),
	}
	if src.Effects, src.EffectsMeasured, err = w.effects(sc, plan); err != nil {
		return nil, err
	}
	if w.store != nil {
		if src.PersonID, err = w.store.PersonID(); err != nil {
			return nil, fmt.Errorf("leerplan samenstellen: %w", err)
		}
	}
	f, err := planfile.Build(src, now)
	if err != nil {
		return nil, fmt.Errorf("leerplan samenstellen: %w", err)
	}
	return f, nil
}

// WritePlanPDF renders f with the plan file attached and writes it to path,
// whole or not at all. It may run off the UI goroutine.
func WritePlanPDF(path string, f *planfile.File, created time.Time) error {
	var data bytes.Buffer
	if err := planfile.Encode(&data, f); err != nil {
		return err
	}
	var out bytes.Buffer
	err := pdf.Render(&out, f, pdf.Options{Created: created, Attachments: []pdf.Attachment{{
		Name: planfile.AttachmentName, Data: data.Bytes(), Description: "Het leerplan als bestand, om te openen in Zelfscan GGG",
	}}})
	if err != nil {
		return fmt.Errorf("pdf maken: %w", err)
	}
	return WriteFile(path, func(w io.Writer) error {
		_, err := w.Write(out.Bytes())
		return err
	})
}

// effects compares sc with the person's next self-check, the first one
// started after sc was last answered, for what the plan's completed
// actions served; none without a later self-check.
func (w *Workspace) effects(sc *assessment.SelfCheck, plan *plans.Plan) ([]plans.Effect, time.Time, error) {
	if w.store == nil || plan == nil {
		return nil, time.Time{}, nil
	}
	all, err := w.store.SelfChecks()
	if err != nil {
		return nil, time.Time{}, err
	}
	var next *store.Summary
	for i, s := range all {
		if s.ID != sc.ID && s.Answered > 0 && s.Started.After(sc.Updated) && (next == nil || s.Started.Before(next.Started)) {
			next = &all[i]
		}
	}
	if next == nil {
		return nil, time.Time{}, nil
	}
	later, err := w.store.SelfCheck(next.ID)
	if err != nil {
		return nil, time.Time{}, err
	}
	before, okBefore := w.result(sc)
	after, okAfter := w.result(later)
	if !okBefore || !okAfter {
		return nil, time.Time{}, nil
	}
	return plans.Effects(plan, assessment.Compare(before, after)), later.Updated, nil
}

// result analyses a self-check against the Dutch framework, as plan files
// are; false when the framework no longer has the profile.
func (w *Workspace) result(sc *assessment.SelfCheck) (assessment.Result, bool) {
	an, err := analyse(w.fw, sc)
	return an.Result, err == nil
}
