package workspace

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"

	"zelfscan/assessment"
	"zelfscan/orgsettings"
	"zelfscan/usermsg"
)

// Learning records come from the organisation's settings: a key the
// settings take from an unset variable makes none; usable settings make
// records of the plan file, extension included, which are saved as the
// screen shows them and sent to the LRS with a step per statement.
func TestRecordsFromSettingsToLRS(t *testing.T) {
	ws := withExtension(t)
	f, _ := planFileOf(t, ws, assessment.Profile{Organisation: "veilig-thuis", Function: "uitvoerend"}, "vtvr-werkafspraken-1")

	ws.SetLearningRecords(orgsettings.LearningRecords{KeyUnset: "ZELFSCAN_PSEUDONIEM_SLEUTEL", AccountHomePage: "https://www.voorbeeld.nl"})
	var ue *usermsg.Error
	if err := ws.RecordsProblem(); !errors.As(err, &ue) || ue.Code != "xapi.keyUnset" {
		t.Fatalf("unset key: %v", err)
	}
	if _, err := ws.Records(f, false); !errors.As(err, &ue) || ue.Code != "xapi.keyUnset" {
		t.Fatalf("records with an unset key: %v", err)
	}

	var puts atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		puts.Add(1)
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(srv.Close)
	ws.SetLearningRecords(orgsettings.LearningRecords{AccountHomePage: "https://www.voorbeeld.nl", PseudonymKey: "0123456789abcdef",
		LRS: srv.URL + "/xAPI", LRSUser: "k", LRSPassword: "s"})
	if err := ws.RecordsProblem(); err != nil {
		t.Fatal(err)
	}
	records, err := ws.Records(f, false)
	if err != nil {
		t.Fatal(err)
	}
	var shown bytes.Buffer
	if err := EncodeRecords(&shown, records); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(shown.Bytes(), []byte("vtvr-werkafspraken")) {
		t.Error("the extension's competency is not in the records")
	}
	path := filepath.Join(t.TempDir(), "leerrecords.json")
	if err := SaveRecords(path, records); err != nil {
		t.Fatal(err)
	}
	if saved, err := os.ReadFile(path); err != nil || !bytes.Equal(saved, shown.Bytes()) {
		t.Errorf("the saved file is not what the screen shows (err %v)", err)
	}

	var steps []int
	out, err := ws.SendRecords(context.Background(), records, func(done int) { steps = append(steps, done) })
	if err != nil || len(out) != len(records) || int(puts.Load()) != len(records) || len(steps) != len(records) || steps[len(steps)-1] != len(records) {
		t.Fatalf("sent %d of %d in %d steps, %d requests: %v", len(out), len(records), len(steps), puts.Load(), err)
	}
	for i, o := range out {
		if !o.Accepted {
			t.Errorf("statement %d not accepted: %v", i+1, o.Problem)
		}
	}
}
