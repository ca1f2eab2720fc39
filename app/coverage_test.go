package app

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// The Aanbodanalyse opens from "Kader bekijken", shows the same figures as
// the command line, lists the requirements no offer reaches with their
// workplace routes, saves as PDF and CSV and leads back to the framework.
func TestCoverageScreen(t *testing.T) {
	u, w := startWith(t, test.NewTempApp(t), realFramework)
	u.now = func() time.Time { return fixedNow }
	tapButton(t, w, "Kader bekijken")
	tapButton(t, w, "Aanbodanalyse")
	tot := u.ws.Coverage(u.catalogue()).Totals()
	for _, want := range []string{
		fmt.Sprintf("%d eisen. Bij %d bereikt geen aanbod uit de catalogus het vereiste niveau; bij %d daarvan ook geen werkplekroute.", tot.Requirements, tot.Unreached, tot.WithoutRoute),
		"Eisen die geen aanbod bereikt",
		"Prioriteit stellen, richting geven en voorleven, niveau 2",
		"Bestuurder: alle 12 organisaties",
		"Werkplekroutes op niveau: Intervisie met vakgenoten in dezelfde rol; Een themabijeenkomst voorbereiden en leiden",
	} {
		if !showsTextScrolledThrough(w, want) {
			t.Errorf("%q not shown", want)
		}
	}
	if m := w.Content().MinSize(); m.Width > MinSize().Width || m.Height > MinSize().Height {
		t.Errorf("Aanbodanalyse needs %v, more than %v", m, MinSize())
	}
	r := u.ws.Coverage(u.catalogue())
	for ext, magic := range map[string]string{".csv": "\uFEFFOrganisatie;Functie", ".pdf": "%PDF-"} {
		path := filepath.Join(t.TempDir(), "aanbod"+ext)
		u.exportCoverage(r, path, ext)
		u.busy.Wait()
		data, err := os.ReadFile(path)
		if err != nil || !bytes.HasPrefix(data, []byte(magic)) {
			t.Errorf("%s: %v", ext, err)
		}
		if !showsText(w, "Aanbodanalyse bewaard") {
			t.Errorf("%s: no message that it was saved", ext)
		}
		topButton(t, w, "OK")
	}
	tapButton(t, w, "Terug naar het kader")
	if !showsText(w, "Kader bekijken") {
		t.Error("Terug does not lead to the framework")
	}
}
