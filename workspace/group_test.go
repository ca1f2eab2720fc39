package workspace

import (
	"bytes"
	"testing"

	"zelfscan/assessment"
)

// The group overview is made from plan files with the catalogue in use,
// names hidden when asked, and prints as a PDF.
func TestGroupOverviewOfPlanFiles(t *testing.T) {
	ws := withExtension(t)
	var files []*PlanFile
	for _, name := range []string{"Anna", "Bram"} {
		f, _ := planFileOf(t, ws, assessment.Profile{Organisation: "veilig-thuis", Function: "uitvoerend", Name: name})
		files = append(files, f)
	}
	o, storeErr, err := ws.GroupOverview(files, true)
	if storeErr != nil || err != nil {
		t.Fatalf("GroupOverview: store %v, %v", storeErr, err)
	}
	if len(o.Members) != 2 || o.Members[0].Name != "Deelnemer 1" {
		t.Fatalf("members %+v, want two without their names", o.Members)
	}
	var out bytes.Buffer
	if err := WriteGroupPDF(&out, o, day); err != nil || !bytes.HasPrefix(out.Bytes(), []byte("%PDF")) {
		t.Errorf("WriteGroupPDF: %v, %d bytes", err, out.Len())
	}
}
