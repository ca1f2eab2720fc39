// Package pdf renders a personal learning plan (a planfile.File) as an A4
// PDF in Dutch for the supervisor who discusses it: a one-page summary,
// the profile chart, actions in detail, reflection with notes, reviews and
// sources, with an embedded UTF-8 font and page numbers. The same File and
// Options always give the same bytes.
package pdf

import (
	"errors"
	"fmt"
	"io"
	"time"

	"zelfscan/documents/chart"
	"zelfscan/plans/planfile"
)

// Options change how a plan is rendered.
type Options struct {
	// Created is the creation date written into the PDF; zero means the
	// File's export time, so re-rendering the same file gives the same bytes.
	Created time.Time
	// Attachments are embedded as PDF files (the plan file itself, so a
	// reviewer can import it from the PDF).
	Attachments []Attachment
}

// Attachment is a file embedded in the PDF.
type Attachment struct {
	Name        string
	Data        []byte
	Description string
}

// Render writes the plan f as a PDF to w.
func Render(w io.Writer, f *planfile.File, opt Options) error {
	if f == nil {
		return errors.New("pdf maken: geen leerplan")
	}
	created := opt.Created
	if created.IsZero() {
		created = f.Exported
	}
	drawing, err := chart.ProfileDrawing(f.Levels(), f.Framework.Scale, chart.ForPDF(textW))
	if err != nil {
		return fmt.Errorf("pdf maken: %w", err)
	}
	cw, ch := drawing.Size()
	doc := content(f, picture{name: "profiel", vector: &drawing, aspect: float64(ch / cw)})
	if err := render(w, doc, created.UTC(), opt.Attachments); err != nil {
		return fmt.Errorf("pdf maken: %w", err)
	}
	return nil
}
