package group

import (
	"fmt"
	"testing"

	"zelfscan/plans"
	"zelfscan/plans/planfile"
)

// BenchmarkOverview50 is a large intervision group: 50 plans of about 60
// competencies each (the whole framework), with the built-in catalogue.
func BenchmarkOverview50(b *testing.B) {
	fw, cat, err := plans.LoadEmbedded()
	if err != nil {
		b.Fatal(err)
	}
	orgs := []string{"politie", "veilig-thuis", "reclassering", "om"}
	files := make([]*planfile.File, 50)
	for m := range files {
		comps := make([]comp, 0, len(fw.Competencies))
		for i, c := range fw.Competencies[:min(60, len(fw.Competencies))] {
			comps = append(comps, comp{c.ID, c.Title, 2 + (i % 2), (m*7 + i*3) % 4})
		}
		files[m] = member(b, fmt.Sprintf("Deelnemer %d", m+1), fmt.Sprintf("uid-%d", m), orgs[m%len(orgs)], t0, comps...)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(files, cat, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
