package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"zelfscan/overview/sample"
	"zelfscan/plans"
	"zelfscan/plans/planfile"
	"zelfscan/workspace"
)

// Ten professionals of one function (one plan, copied under other plan
// and person IDs): the group is shown with its shared gaps, rounded
// counts and the method; with a larger minimum group it is only counted.
func TestOrganisationOverview(t *testing.T) {
	a := test.NewTempApp(t)
	dir := t.TempDir()
	anna := filepath.Join(dir, "anna.zelfscan")
	newProfessional(t, a, "Anna Jansen", 0).export(t, anna)
	data, err := os.ReadFile(anna)
	if err != nil {
		t.Fatal(err)
	}
	f, err := planfile.Decode("anna", bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	for i := range 9 {
		f.PlanUID, f.PersonID = fmt.Sprintf("kopie-%d", i), fmt.Sprintf("%032x", i)
		var buf bytes.Buffer
		if err := planfile.Encode(&buf, f); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("collega-%d.zelfscan", i)), buf.Bytes(), 0o600)
	}
	os.WriteFile(filepath.Join(dir, "kapot.zelfscan"), []byte("{"), 0o600)

	lead := newLead(t, a)
	tapButton(t, lead.w, "Organisatieoverzicht")
	st := &orgState{minGroup: workspace.MinGroupFloor, folders: []string{dir}}
	lead.u.reorganise(st)
	lead.u.busy.Wait()
	if st.err != nil || st.overview == nil {
		t.Fatalf("no overview: %v", st.err)
	}
	for _, want := range []string{"Signaleren en herkennen: 10 van 10 met tekort", "Gelezen: ongeveer 10 bestanden, 1 overgeslagen. In de getoonde groepen: 10 deelnemers.",
		"kapot.zelfscan: het bestand houdt halverwege op", "Alle aantallen zijn afgerond op vijftallen"} {
		if !showsText(lead.w, want) {
			t.Errorf("organisation overview does not show %q: %q", want, visibleTexts(lead.w))
		}
	}
	saveCapture(t, lead.w, "organisation")
	for _, text := range visibleTexts(lead.w) {
		if strings.Contains(text, "Anna") || strings.Contains(text, "GEHEIM") {
			t.Errorf("shows personal text: %q", text)
		}
	}
	// A smallest group of 11 leaves nothing to show.
	st.minGroup = 11
	lead.u.reorganise(st)
	lead.u.busy.Wait()
	if showsText(lead.w, "Signaleren en herkennen: 10 van 10 met tekort") || !showsText(lead.w, "1 groepen hadden minder dan 11 deelnemers") {
		t.Errorf("group of 10 shown with minimum 11: %q", visibleTexts(lead.w))
	}
}

// The learning records show exactly what would be saved, without notes or
// the name; there is no send button without an LRS in the settings.
func TestLearningRecordsScreen(t *testing.T) {
	f := newPlanFixture(t, 0)
	f.u.showPlan(f.id)
	ps := f.u.plan
	f.u.ws.SetLearningRecords(usableRecords())
	tapButton(t, f.w, "Leerrecords (xAPI)")
	if showsText(f.w, "Naar leeromgeving sturen") {
		t.Fatal("send button without an LRS in the settings")
	}
	rs := recordsOf(t, f.u, ps)
	if bytes.Contains(rs.json, []byte("Zoë")) || len(rs.statements) < 10 {
		t.Fatalf("%d statements, name included: %v", len(rs.statements), bytes.Contains(rs.json, []byte("Zoë")))
	}
	var shown []map[string]any
	if err := json.Unmarshal(rs.json, &shown); err != nil || len(shown) != len(rs.statements) {
		t.Fatalf("shown JSON is not the statements: %v", err)
	}

	l := usableRecords()
	l.SendName, l.LRS, l.LRSUser, l.LRSPassword = true, "https://lrs.voorbeeld.nl/xAPI", "k", "s"
	f.u.ws.SetLearningRecords(l)
	f.u.showRecords(ps)
	saveCapture(t, f.w, "records")
	if !showsText(f.w, "Naar leeromgeving sturen") {
		t.Fatalf("with an LRS: %q", visibleTexts(f.w))
	}
	if rs := recordsOf(t, f.u, ps); bytes.Contains(rs.json, []byte("Zoë")) {
		t.Fatal("name sent before the user agreed")
	}
	agreed := &recordsState{ps: ps, withName: true}
	if err := f.u.buildRecords(agreed); err != nil || !bytes.Contains(agreed.json, []byte(`"name": "Zoë de Vries"`)) {
		t.Fatalf("name missing after the user agreed: %v", err)
	}
}

// recordsOf rebuilds the records state the screen shows.
func recordsOf(t *testing.T, u *UI, ps *planState) *recordsState {
	t.Helper()
	rs := &recordsState{ps: ps}
	if err := u.buildRecords(rs); err != nil {
		t.Fatal(err)
	}
	return rs
}

// In the English window the organisation overview says in English why a
// file was skipped and why there is no overview at all.
func TestOrganisationProblemsInEnglish(t *testing.T) {
	a := test.NewTempApp(t)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "kapot.zelfscan"), []byte("{"), 0o600)
	lead := newLead(t, a)
	if err := SetupLanguage("en"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { SetupLanguage("nl") })
	st := &orgState{minGroup: workspace.MinGroupFloor, folders: []string{dir}}
	lead.u.reorganise(st)
	lead.u.busy.Wait()
	if st.err == nil {
		t.Fatal("an overview of no readable plan")
	}
	for _, want := range []string{"not a single learning plan could be read", "kapot.zelfscan: "} {
		if !showsText(lead.w, want) {
			t.Errorf("no %q on screen: %q", want, visibleTexts(lead.w))
		}
	}
	for _, dutch := range []string{"kon worden gelezen", "halverwege"} {
		if showsText(lead.w, dutch) {
			t.Errorf("Dutch %q in the English window: %q", dutch, visibleTexts(lead.w))
		}
	}
}

// Generated plans with evaluations and a next self-check: each group shows
// its participation per offer, and the overview the effects with the
// comparison and what they are, and the shared remarks; in the English
// window in English.
func TestOrganisationParticipationEffectsAndRemarks(t *testing.T) {
	a := test.NewTempApp(t)
	dir := t.TempDir()
	fw, cat, err := plans.LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	for i := range 600 {
		f, err := sample.Plan(fw, cat, 9, i)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := planfile.Encode(&buf, f); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("plan-%d.zelfscan", i)), buf.Bytes(), 0o600)
	}
	lead := newLead(t, a)
	st := &orgState{minGroup: workspace.MinGroupFloor, folders: []string{dir}}
	lead.u.reorganise(st)
	lead.u.busy.Wait()
	if st.err != nil || len(st.overview.Effects) == 0 || len(st.overview.Remarks) == 0 {
		t.Fatalf("no overview with effects and remarks: %v", st.err)
	}
	for _, want := range []string{"Deelname: ", "afgerond; nut 1 tot 5: ", "Met dit aanbod: ", "Zonder actie voor deze competentie: ",
		"eigen inschatting zonder vergelijkingsgroep", "Alleen wat deelnemers zelf anoniem wilden delen", "• " + sample.SharedRemark} {
		if !showsText(lead.w, want) {
			t.Errorf("organisation overview does not show %q", want)
		}
	}
	for _, text := range visibleTexts(lead.w) {
		if strings.Contains(text, sample.Secret) {
			t.Errorf("shows personal text: %q", text)
		}
	}
	// Ten remarks per offer on screen, the rest said to be in the files.
	many := -1
	for i, r := range st.overview.Remarks {
		if len(r.Remarks) > maxRemarksShown {
			many = i
			break
		}
	}
	if many >= 0 {
		r := st.overview.Remarks[many]
		if showsText(lead.w, "• "+r.Remarks[maxRemarksShown]) || !showsText(lead.w, fmt.Sprintf("En nog %d in de PDF", len(r.Remarks)-maxRemarksShown)) {
			t.Errorf("%s: more than %d remarks on screen, or no word of the rest", r.Offer.ID, maxRemarksShown)
		}
	} else {
		t.Error("no offer with more remarks than the screen shows: the test proves less")
	}
	// The quality report button saves one PDF of it all.
	if !showsText(lead.w, "Kwaliteitsrapport") {
		t.Error("no quality report button")
	}
	report := filepath.Join(t.TempDir(), "rapport.pdf")
	lead.u.saveQualityReport(st.overview, report)
	lead.u.busy.Wait()
	if data, err := os.ReadFile(report); err != nil || !bytes.HasPrefix(data, []byte("%PDF")) || len(data) < 20000 {
		t.Fatalf("quality report not written: %v", err)
	}
	if err := SetupLanguage("en"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { SetupLanguage("nl") })
	lead.u.renderOrganisation(st)
	for _, want := range []string{"Participation: ", "completed; usefulness 1 to 5: ", "With this offer: ", "Without an action for this competency: ",
		"self-assessment without a comparison group", "Only what participants chose to share anonymously"} {
		if !showsText(lead.w, want) {
			t.Errorf("English organisation overview does not show %q", want)
		}
	}
	for _, dutch := range []string{"Deelname: ", "Zonder actie", "mensen —"} {
		if showsText(lead.w, dutch) {
			t.Errorf("Dutch %q in the English window", dutch)
		}
	}
}

// A smallest group below the floor is refused with words, not only a red
// mark, and the overview keeps its size.
func TestOrganisationMinGroupSaysWhy(t *testing.T) {
	lead := newLead(t, test.NewTempApp(t))
	lead.u.showOrganisation()
	entries := findAll[*widget.Entry](lead.w)
	if len(entries) != 1 {
		t.Fatalf("%d entries on the organisation screen", len(entries))
	}
	lead.w.Canvas().Focus(entries[0])
	entries[0].SetText("")
	test.Type(entries[0], "3")
	want := "Een kleinste groep van minder dan 5 mensen kan niet: dan is iemands antwoord te herleiden. Het overzicht blijft bij 5."
	if !showsText(lead.w, want) {
		t.Errorf("no words for a group of 3: %q", visibleTexts(lead.w))
	}
	test.Type(entries[0], "0")
	if showsText(lead.w, want) {
		t.Error("the message stays for a group of 30")
	}
}
