package workspace

import (
	"io"
	"time"

	"zelfscan/assessment"
	"zelfscan/coverage"
	"zelfscan/documents/pdf"
	"zelfscan/overview"
	"zelfscan/plans"
	"zelfscan/quality"
)

// The reports over the whole offer or over many people: the organisation
// overview of folders of plan files, the offer coverage (Aanbodanalyse),
// the quality report that joins the two, and the framework on paper. The
// window and the commands make and write them here. A report's CSV is a
// method of its type (WriteCSV); its PDF is written by the Write…PDF
// functions below.

// The read models the window shows, named here so that the window does not
// import the packages that make them.
type (
	// OrganisationOverview is the anonymous overview of many plan files.
	OrganisationOverview = overview.Overview
	// OrganisationGroup is one function of one organisation in it.
	OrganisationGroup = overview.Group
	// Participation is an offer's participation within a group.
	Participation = overview.Participation
	// Bands are one set of people's change between two self-checks.
	Bands = overview.Bands
	// CoverageReport is the offer coverage of a framework and catalogue.
	CoverageReport = coverage.Report
	// CoverageRow is one requirement in it.
	CoverageRow = coverage.Row
	// QualityReport is an overview with the offer coverage, for the
	// committee.
	QualityReport = quality.Report
)

// MinGroupFloor is the smallest group an organisation overview may show;
// the window refuses less, like the commands.
const MinGroupFloor = overview.MinGroupFloor

// ReadOrganisationOverview reads every plan file and plan PDF under folders
// (and their subfolders) into the anonymous organisation overview, with the
// offers of cat, showing no group of fewer than minGroup people. A minGroup
// below MinGroupFloor is refused before anything is read, and there is no
// overview. Otherwise there is one even when it fails (no file was usable):
// its Problems say which files were skipped and why.
func ReadOrganisationOverview(folders []string, minGroup int, cat *plans.Catalogue) (*OrganisationOverview, error) {
	b, err := overview.NewBuilder(minGroup)
	if err != nil {
		return nil, err
	}
	overview.ReadFolders(folders, b)
	return b.Result(cat)
}

// WriteOrganisationOverviewPDF writes o as a PDF dated created.
func WriteOrganisationOverviewPDF(w io.Writer, o *OrganisationOverview, created time.Time) error {
	return pdf.RenderOverview(w, o, created)
}

// Coverage is the offer coverage of the framework in the UI language (for a
// command: Dutch) against cat. It reads no self-check.
func (w *Workspace) Coverage(cat *plans.Catalogue) *CoverageReport {
	return coverage.Build(w.view, cat)
}

// WriteCoveragePDF writes r as a PDF dated created.
func WriteCoveragePDF(w io.Writer, r *CoverageReport, created time.Time) error {
	return pdf.RenderCoverage(w, r, created)
}

// QualityReport is the quality report of o with the coverage of cat. It is
// a Dutch document whatever the UI language, so the coverage is of the
// framework in Dutch.
func (w *Workspace) QualityReport(o *OrganisationOverview, cat *plans.Catalogue) *QualityReport {
	return &quality.Report{Overview: o, Coverage: coverage.Build(w.fw, cat)}
}

// WriteQualityPDF writes r as a PDF dated created.
func WriteQualityPDF(w io.Writer, r *QualityReport, created time.Time) error {
	return pdf.RenderQuality(w, r, created)
}

// WriteFrameworkPDF writes the review edition of the whole framework fw
// (every organisation) as a PDF dated created.
func WriteFrameworkPDF(w io.Writer, fw *assessment.Framework, created time.Time) error {
	return pdf.RenderFramework(w, fw, pdf.FrameworkOptions{Created: created})
}
