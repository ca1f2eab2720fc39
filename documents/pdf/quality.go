package pdf

import (
	"errors"
	"fmt"
	"io"
	"time"

	"zelfscan/quality"
)

const qualityTitle = "Kwaliteitsrapport deskundigheidsbevordering gendergerelateerd geweld"

// RenderQuality writes the organisation's quality report as one PDF: the
// period, what was read and the method's guarantees, then the whole
// organisation overview (needs, participation, experiences, effect,
// improvement points) and the whole offer coverage. Like the overview it
// has no figure about fewer than the minimum group.
func RenderQuality(w io.Writer, r *quality.Report, created time.Time) error {
	if r == nil || r.Overview == nil || r.Coverage == nil || created.IsZero() {
		return errors.New("kwaliteitsrapport-pdf maken: geen rapport of geen datum")
	}
	facts := table{cols: []column{{"", 0.55}, {"", 0.45}}}
	for _, f := range r.Facts() {
		facts.rows = append(facts.rows, []string{f.Name, f.Value})
	}
	b := []block{
		para{text: qualityTitle, face: bold, size: 18},
		para{text: fmt.Sprintf("Gemaakt op %s voor de commissie die de deskundigheidsbevordering volgt (paragraaf 4.4 van het plan van aanpak). "+
			"Het bundelt de leerbehoeften, de deelname, de ervaringen, het effect en de verbeterpunten uit de leerplannen, en de dekking van het aanbod.", date(created)), muted: true},
		facts,
		heading{text: "Wat de werkwijze garandeert", level: 2},
	}
	for _, g := range r.Guarantees() {
		b = append(b, para{text: "• " + g, size: 9})
	}
	b = append(b, newPage{}, heading{text: "Leerbehoeften, deelname, ervaringen en effect", level: 1})
	b = append(b, overviewContent(r.Overview, created).blocks[1:]...)
	b = append(b, newPage{}, heading{text: "Dekking van het aanbod", level: 1})
	b = append(b, coverageContent(r.Coverage, created).blocks[1:]...)
	doc := &document{title: qualityTitle, author: "Zelfscan GGG", header: "Zelfscan GGG — kwaliteitsrapport — " + date(created),
		framework: r.Coverage.Framework, blocks: b, compressed: true}
	if err := render(w, doc, created.UTC(), nil); err != nil {
		return fmt.Errorf("kwaliteitsrapport-pdf maken: %w", err)
	}
	return nil
}
