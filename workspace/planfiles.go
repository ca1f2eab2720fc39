package workspace

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"zelfscan/documents/calendar"
	"zelfscan/plans/planfile"
)

// The read model of a plan file, named here so that the window reads plan
// files through the workspace without importing planfile.
type (
	// PlanFile is a self-contained plan file: what is exported, reviewed
	// and read into the group overview.
	PlanFile = planfile.File
	// PlanGapView is one gap of a plan file with its actions.
	PlanGapView = planfile.GapView
	// PlanAction is one action in a plan file.
	PlanAction = planfile.Action
	// PlanReview is a supervisor's review as a plan file carries it.
	PlanReview = planfile.Review
	// RegisterPoints are a plan's accreditation points in one register.
	RegisterPoints = planfile.RegisterPoints
	// OpenedPlanFile is one file read by OpenPlanFiles: File or Err.
	OpenedPlanFile = planfile.Result
)

// PlanFileExtension is the extension of a plan file (".zelfscan").
const PlanFileExtension = planfile.Extension

// perFileLimit is how long one file may take before it is skipped with a
// reason; a local plan PDF reads in well under a second.
const perFileLimit = 20 * time.Second

// OpenPlanFiles reads plan files and plan PDFs, a few at a time, one
// result per path in the order given; a file that takes longer than
// perFileLimit is skipped with that reason (planfile.OpenAll). Each error
// is a message for the user that names the file.
func OpenPlanFiles(ctx context.Context, paths []string) []OpenedPlanFile {
	return planfile.OpenAll(ctx, paths, perFileLimit)
}

// HoldsPlan tells whether path is, or is named as, a plan file or a plan
// PDF: an output a command must not overwrite, since someone's plan would
// be lost. A file that does not exist holds none unless its name says so.
func HoldsPlan(path string) bool {
	if strings.EqualFold(filepath.Ext(path), PlanFileExtension) {
		return true
	}
	if _, err := os.Stat(path); err != nil {
		return false
	}
	_, err := planfile.Open(path)
	return err == nil
}

// WritePlanFile writes f to path as a plan file, whole or not at all.
func WritePlanFile(path string, f *PlanFile) error {
	return WriteFile(path, func(w io.Writer) error { return planfile.Encode(w, f) })
}

// WriteAgenda writes f's target dates and the day its next self-check is
// due to path as an iCalendar file, whole or not at all; now stamps it.
func WriteAgenda(path string, f *PlanFile, now time.Time) error {
	return WriteFile(path, func(w io.Writer) error { return calendar.Write(w, f, f.NextSelfCheck, now) })
}
