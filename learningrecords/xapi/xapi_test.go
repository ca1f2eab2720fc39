package xapi_test

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"zelfscan/learningrecords/xapi"
	"zelfscan/overview/sample"
	"zelfscan/plans"
	"zelfscan/plans/planfile"
)

func samplePlan(t testing.TB, i int) *planfile.File {
	t.Helper()
	fw, cat, err := plans.LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	f, err := sample.Plan(fw, cat, 7, i)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

var uuidV5 = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func encode(t *testing.T, st []xapi.Statement) string {
	t.Helper()
	var buf bytes.Buffer
	if err := xapi.Encode(&buf, st); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// One statement for the self-check, one per competency, one per action
// planned and one per action done, one per sign-off; IDs are UUID v5,
// unique, and the same on every run.
func TestStatementsOfAPlan(t *testing.T) {
	f := samplePlan(t, 0) // even: signed off
	cfg := xapi.Config{BaseIRI: "https://leren.voorbeeld.nl/zelfscan", Key: "geheime-sleutel"}
	st, err := xapi.Statements(f, cfg)
	if err != nil {
		t.Fatal(err)
	}
	done := 0
	for _, a := range f.Actions {
		if a.Status == plans.StatusAfgerond {
			done++
		}
	}
	if want := 1 + len(f.Competencies) + len(f.Actions) + done + 1; len(st) != want || done == 0 {
		t.Fatalf("%d statements, want %d (%d actions, %d done)", len(st), want, len(f.Actions), done)
	}
	seen := map[string]bool{}
	for _, s := range st {
		if !uuidV5.MatchString(s.ID) || seen[s.ID] {
			t.Fatalf("statement ID %q not a fresh UUID v5", s.ID)
		}
		seen[s.ID] = true
		if !strings.HasPrefix(s.Object.ID, cfg.BaseIRI+"/") {
			t.Errorf("activity %s is not under the base IRI", s.Object.ID)
		}
		if s.Actor.Name != "" || s.Actor.Account.Name == "" || s.Actor.Account.HomePage != cfg.BaseIRI {
			t.Errorf("actor %+v is not a bare pseudonymous account", s.Actor)
		}
	}
	again, _ := xapi.Statements(f, cfg)
	if encode(t, st) != encode(t, again) {
		t.Fatal("the same plan gave other statements on the second run")
	}
	// The competency result: scaled score and whether the level is reached.
	c := f.Competencies[0]
	r := st[1].Result
	if st[1].Object.ID != cfg.BaseIRI+"/competentie/"+c.ID || r.Score.Raw != c.Own || r.Score.Max != 3 ||
		r.Score.Scaled != float64(c.Own)/3 || *r.Success != (c.Own >= c.Required) {
		t.Fatalf("competency statement %+v for %+v", st[1], c)
	}
}

// A changed plan gives new IDs for what changed only: a resend of the
// rest is ignored by the LRS.
func TestStatementIDsFollowContent(t *testing.T) {
	f := samplePlan(t, 1)
	cfg := xapi.Config{}
	before, _ := xapi.Statements(f, cfg)
	f.Competencies[0].Own = (f.Competencies[0].Own + 1) % 4
	after, _ := xapi.Statements(f, cfg)
	if before[1].ID == after[1].ID || before[2].ID != after[2].ID || before[0].ID != after[0].ID {
		t.Fatal("IDs do not follow the content of each statement")
	}
	if !strings.HasPrefix(before[1].Object.ID, xapi.DefaultBaseIRI+":competentie:") {
		t.Fatalf("default IRI %s", before[1].Object.ID)
	}
}

// Names, teams, notes, explanations, reflections, evaluations, own action
// texts and reviewers never go into a statement; the name only with
// WithName.
func TestNoPersonalTextInStatements(t *testing.T) {
	f := samplePlan(t, 2)
	st, err := xapi.Statements(f, xapi.Config{})
	if err != nil {
		t.Fatal(err)
	}
	if out := encode(t, st); strings.Contains(out, sample.Secret) {
		i := strings.Index(out, sample.Secret)
		t.Fatalf("personal text in the statements: …%s…", out[max(0, i-200):i+40])
	}
	st, _ = xapi.Statements(f, xapi.Config{WithName: true})
	out := encode(t, st)
	if !strings.Contains(out, `"name": "`+f.Profile.Name+`"`) || strings.Count(out, sample.Secret) != len(st) {
		t.Fatal("WithName should add the name to the actor of each statement and nothing else")
	}
}

// The pseudonym depends on the organisation's key: without the key a
// pseudonym cannot be computed from a plan ID.
func TestPseudonymNeedsTheKey(t *testing.T) {
	f := samplePlan(t, 3)
	a, _ := xapi.Statements(f, xapi.Config{Key: "een"})
	b, _ := xapi.Statements(f, xapi.Config{Key: "twee"})
	if a[0].Actor.Account.Name == b[0].Actor.Account.Name || strings.Contains(a[0].Actor.Account.Name, f.PlanUID) {
		t.Fatal("pseudonym does not depend on the key alone")
	}
	var round []xapi.Statement
	if err := json.Unmarshal([]byte(encode(t, a)), &round); err != nil || encode(t, round) != encode(t, a) {
		t.Fatalf("statements do not survive a JSON round trip: %v", err)
	}
}
