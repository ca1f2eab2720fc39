package app

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"

	"zelfscan/orgsettings"
)

// usableRecords is the smallest learning-record setting that makes
// records: a key of 128 bits and the organisation's address.
func usableRecords() orgsettings.LearningRecords {
	return orgsettings.LearningRecords{AccountHomePage: "https://www.voorbeeld.nl", PseudonymKey: "0123456789abcdef"}
}

// Without a usable key or home page there are no records: the screen says
// which setting is missing, in the window's language, and offers nothing
// to save or send, even with an LRS in the settings.
func TestLearningRecordsNeedKeyAndHomePage(t *testing.T) {
	f := newPlanFixture(t, 0)
	f.u.showPlan(f.id)
	withLRS := func(l orgsettings.LearningRecords) orgsettings.LearningRecords {
		l.LRS, l.LRSUser, l.LRSPassword = "https://lrs.voorbeeld.nl/xAPI", "k", "s"
		return l
	}
	short, noHome, unset := usableRecords(), usableRecords(), usableRecords()
	short.PseudonymKey = "kort"
	noHome.AccountHomePage = ""
	unset.PseudonymKey, unset.KeyUnset = "", "ZELFSCAN_PSEUDONIEM_SLEUTEL"
	for _, c := range []struct {
		name string
		l    orgsettings.LearningRecords
		want string
	}{
		{"default settings", orgsettings.LearningRecords{}, "pseudoniem_sleutel (onder leeromgeving) is leeg"},
		{"unset variable", withLRS(unset), "omgevingsvariabele ZELFSCAN_PSEUDONIEM_SLEUTEL"},
		{"short key", withLRS(short), "4 bytes lang; nodig zijn er minstens 16"},
		{"no home page", withLRS(noHome), "account_homepage (onder leeromgeving) ontbreekt"},
	} {
		f.u.ws.SetLearningRecords(c.l)
		tapButton(t, f.w, "Leerrecords (xAPI)")
		if !showsText(f.w, c.want) || !showsText(f.w, "ICT-afdeling") {
			t.Errorf("%s: %q", c.name, visibleTexts(f.w))
		}
		if showsText(f.w, "Als JSON-bestand opslaan") || showsText(f.w, "Naar leeromgeving sturen") || showsText(f.w, `"account"`) {
			t.Errorf("%s: records offered: %q", c.name, visibleTexts(f.w))
		}
		tapButton(t, f.w, "Terug naar het leerplan")
	}
	if err := SetupLanguage("en"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { SetupLanguage("nl") })
	f.u.ws.SetLearningRecords(withLRS(short))
	f.u.showRecords(f.u.plan)
	if !showsText(f.w, "4 bytes long; it needs at least 16") || showsText(f.w, "bytes lang") {
		t.Errorf("English window: %q", visibleTexts(f.w))
	}
}

// Sending to a slow LRS shows a bar that fills per statement; "Annuleren"
// stops at once, and the result says how many arrived and that the rest
// was not sent because the user cancelled.
func TestLearningRecordsSendProgressAndCancel(t *testing.T) {
	f := newPlanFixture(t, 0)
	f.u.showPlan(f.id)
	var requests atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Two statements go through; from the third on the LRS hangs
		// until the client gives up.
		if requests.Add(1) > 2 {
			// Reading the body lets the server notice the client hanging up.
			io.Copy(io.Discard, r.Body)
			select {
			case <-r.Context().Done():
			case <-time.After(20 * time.Second):
			}
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(srv.Close)
	l := usableRecords()
	l.LRS, l.LRSUser, l.LRSPassword = srv.URL+"/xAPI", "k", "s"
	f.u.ws.SetLearningRecords(l)
	count := len(recordsOf(t, f.u, f.u.plan).statements)
	tapButton(t, f.w, "Leerrecords (xAPI)")
	tapButton(t, f.w, "Naar leeromgeving sturen")
	topButton(t, f.w, "Versturen")

	deadline := time.Now().Add(10 * time.Second)
	var bar *widget.ProgressBar
	for bar == nil || bar.Value != 2 || !showsText(f.w, "De leerrecords worden verstuurd") {
		if time.Now().After(deadline) {
			t.Fatalf("no progress of 2 statements: %q", visibleTexts(f.w))
		}
		time.Sleep(20 * time.Millisecond)
		if bars := findAll[*widget.ProgressBar](f.w); len(bars) == 1 {
			bar = bars[0]
		}
	}
	if want := "2 van " + strconv.Itoa(count) + " berichten"; bar.TextFormatter() != want || bar.Max != float64(count) {
		t.Fatalf("bar says %q of %v, want %q", bar.TextFormatter(), bar.Max, want)
	}
	tapButton(t, f.w, "Annuleren")
	f.u.busy.Wait()
	for _, want := range []string{
		"2 van de " + strconv.Itoa(count) + " berichten zijn aangenomen",
		"bericht 3: niet verstuurd: u heeft het versturen afgebroken",
	} {
		if !showsText(f.w, want) {
			t.Errorf("result does not say %q: %q", want, visibleTexts(f.w))
		}
	}
	if showsText(f.w, "De leerrecords worden verstuurd") {
		t.Error("the progress dialog is still open")
	}
	if n := requests.Load(); n != 3 {
		t.Errorf("%d requests after cancelling at the third", n)
	}
}
