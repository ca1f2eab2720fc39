// Package pdf renders a personal learning plan (a planfile.File) as an A4
// PDF in Dutch for the supervisor who discusses it: a one-page summary,
// the profile chart, actions in detail, reflection with notes, reviews and
// sources, with an embedded UTF-8 font and page numbers. The same File and
// Options always give the same bytes.
package pdf

import (
	"errors"
	"fmt"
	"image"
	"io"
	"time"

	"zelfscan/plans/chart"
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
	chartPNG, aspect, err := profileChart(f)
	if err != nil {
		return fmt.Errorf("pdf maken: %w", err)
	}
	doc := content(f, picture{name: "profiel", png: chartPNG, aspect: aspect})
	if err := render(w, doc, created.UTC(), opt.Attachments); err != nil {
		return fmt.Errorf("pdf maken: %w", err)
	}
	return nil
}

// chartDPI is lower than chart.ForPDF's 200: drawing and encoding the chart
// took most of the time of a whole plan, and 150 dpi still prints sharp.
const chartDPI = 150

// profileChart draws the profile at the text width and encodes it with
// encodeRGB, which is several times faster than image/png here.
func profileChart(f *planfile.File) ([]byte, float64, error) {
	opt := chart.ForPDF(textW)
	widthPx := textW / 25.4 * chartDPI
	opt.Width, opt.DPI = int(widthPx+0.5), chartDPI
	img, err := chart.Profile(f.Levels(), f.Framework.Scale, opt)
	if err != nil {
		return nil, 0, err
	}
	data, err := encodeRGB(img)
	if err != nil {
		return nil, 0, fmt.Errorf("profielgrafiek als PNG: %w", err)
	}
	return data, aspectOf(img), nil
}

func aspectOf(img image.Image) float64 {
	b := img.Bounds()
	if b.Dx() == 0 {
		return 1
	}
	return float64(b.Dy()) / float64(b.Dx())
}
