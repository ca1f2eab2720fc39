package workspace

import (
	"io"
	"time"

	"zelfscan/documents/pdf"
	"zelfscan/plans/group"
)

// The group overview as the window shows it, named here so that the window
// does not import the group package.
type (
	// GroupOverview is several people's plan files together.
	GroupOverview = group.Overview
	// GroupMember is one person in a group overview.
	GroupMember = group.Member
)

// GroupOverview makes the overview of a group's plan files with the
// catalogue in use; anonymous numbers the members instead of naming them.
// As with Catalogue, own catalogues the store cannot read do not stop it:
// it is made with the built-in catalogue and storeErr says why; err is why
// no overview could be made.
func (w *Workspace) GroupOverview(files []*PlanFile, anonymous bool) (o *GroupOverview, storeErr, err error) {
	cat, storeErr := w.Catalogue()
	o, err = group.New(files, cat, group.Options{Anonymous: anonymous})
	return o, storeErr, err
}

// WriteGroupPDF renders o as the group overview PDF, dated created.
func WriteGroupPDF(out io.Writer, o *GroupOverview, created time.Time) error {
	return pdf.RenderGroup(out, o, pdf.GroupOptions{Created: created})
}
