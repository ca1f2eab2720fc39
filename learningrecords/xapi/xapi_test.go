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
	"zelfscan/usermsg"
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

// valid is the smallest configuration statements can be made with: a key
// of 128 bits and an organisation's address as home page; the base IRI is
// the default.
func valid() xapi.Config {
	return xapi.Config{HomePage: "https://www.voorbeeld.nl", Key: "0123456789abcdef"}
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
	cfg := xapi.Config{BaseIRI: "https://leren.voorbeeld.nl/zelfscan", HomePage: "https://www.voorbeeld.nl", Key: "geheime-sleutel-van-ict"}
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
	rescan := 0 // a next self-check: one more attempt, and a score per competency compared
	if len(f.Effects) > 0 {
		rescan = 1 + len(f.Effects)
	}
	if want := 1 + len(f.Competencies) + len(f.Actions) + done + 1 + rescan; len(st) != want || done == 0 {
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
		if s.Actor.Name != "" || s.Actor.Account.Name == "" || s.Actor.Account.HomePage != cfg.HomePage {
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
	if st[1].Object.ID != cfg.BaseIRI+"/competentie/"+c.ID || r.Score.Raw != float64(c.Own) || r.Score.Max != 3 ||
		r.Score.Scaled != float64(c.Own)/3 || *r.Success != (c.Own >= c.Required) {
		t.Fatalf("competency statement %+v for %+v", st[1], c)
	}
}

// A changed plan gives new IDs for what changed only: a resend of the
// rest is ignored by the LRS.
func TestStatementIDsFollowContent(t *testing.T) {
	f := samplePlan(t, 1)
	cfg := valid()
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
	st, err := xapi.Statements(f, valid())
	if err != nil {
		t.Fatal(err)
	}
	if out := encode(t, st); strings.Contains(out, sample.Secret) {
		i := strings.Index(out, sample.Secret)
		t.Fatalf("personal text in the statements: …%s…", out[max(0, i-200):i+40])
	}
	named := valid()
	named.WithName = true
	st, _ = xapi.Statements(f, named)
	out := encode(t, st)
	if !strings.Contains(out, `"name": "`+f.Profile.Name+`"`) || strings.Count(out, sample.Secret) != len(st) {
		t.Fatal("WithName should add the name to the actor of each statement and nothing else")
	}
}

// Every ID that identifies the person (the pseudonym, the registration,
// the plan's own activities and the statement IDs) depends on the key:
// with the plan's ID, which its PDF shows, but another key, not one of them
// can be found in the statements.
func TestRecordPersonIDsNeedTheKey(t *testing.T) {
	f := samplePlan(t, 0) // signed off: the plan itself is an activity too
	a := valid()
	b := valid()
	b.Key = "een-andere-sleutel-van-ict"
	sa, err := xapi.Statements(f, a)
	if err != nil {
		t.Fatal(err)
	}
	sb, _ := xapi.Statements(f, b)
	other := encode(t, sb)
	personal := map[string]bool{}
	for _, s := range sa {
		personal[s.ID] = true
		personal[s.Actor.Account.Name] = true
		personal[s.Context.Registration] = true
		if strings.Contains(s.Object.ID, s.Context.Registration) {
			personal[s.Object.ID] = true
		}
	}
	if len(personal) < len(sa)+3 {
		t.Fatalf("only %d person IDs in %d statements", len(personal), len(sa))
	}
	for id := range personal {
		if strings.Contains(other, id) {
			t.Errorf("%s is the same under another key", id)
		}
		if strings.Contains(id, f.PlanUID) {
			t.Errorf("%s contains the plan ID", id)
		}
	}
	var round []xapi.Statement
	if err := json.Unmarshal([]byte(encode(t, sa)), &round); err != nil || encode(t, round) != encode(t, sa) {
		t.Fatalf("statements do not survive a JSON round trip: %v", err)
	}
}

// No statements without a key of at least 128 bits or without a home page
// that is a web address; the message names the setting to fix. There is
// no fallback to a public value.
func TestNoRecordsWithoutKeyOrHomePage(t *testing.T) {
	f := samplePlan(t, 1)
	for _, c := range []struct {
		name string
		edit func(*xapi.Config)
		want string
	}{
		{"no key", func(c *xapi.Config) { c.Key = "" }, "pseudoniem_sleutel (onder leeromgeving) is leeg"},
		{"15 bytes", func(c *xapi.Config) { c.Key = "0123456789abcde" }, "pseudoniem_sleutel (onder leeromgeving) is 15 bytes lang; nodig zijn er minstens 16"},
		{"no home page", func(c *xapi.Config) { c.HomePage = "" }, "account_homepage (onder leeromgeving) ontbreekt"},
		{"a URN", func(c *xapi.Config) { c.HomePage = "urn:zelfscan-ggg" }, "urn:zelfscan-ggg, is geen http- of https-adres"},
		{"no host", func(c *xapi.Config) { c.HomePage = "https://" }, "is geen http- of https-adres"},
	} {
		cfg := valid()
		c.edit(&cfg)
		st, err := xapi.Statements(f, cfg)
		if err == nil || st != nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %d statements, err %v", c.name, len(st), err)
		}
		if m, ok := usermsg.As(err); !ok || !strings.HasPrefix(m.Code, "xapi.") {
			t.Errorf("%s: %v is not a message code", c.name, err)
		}
	}
	if st, err := xapi.Statements(f, valid()); err != nil || len(st) == 0 {
		t.Fatalf("a key of exactly 16 bytes: %v", err)
	}
}

// A completed action's usefulness rating is its result's score; once the
// person made the next self-check, it is a second attempt within the same
// registration, with the averages after (score) and before (extension)
// for each competency completed actions served. Remarks are not sent.
func TestRatingsAndRescanInTheRecords(t *testing.T) {
	f := samplePlan(t, 0)
	cfg := valid()
	const base = "https://leren.voorbeeld.nl/zelfscan"
	cfg.BaseIRI = base
	var done *planfile.Action
	for i := range f.Actions {
		if f.Actions[i].Status == plans.StatusAfgerond {
			done = &f.Actions[i]
			break
		}
	}
	if done == nil {
		t.Fatal("the sample plan has no completed action")
	}
	for i := range f.Actions {
		f.Actions[i].Evaluation.Rating = 0
	}
	done.Evaluation.Rating = 4
	done.Evaluation.Remark, done.Evaluation.ShareRemark = "verbeterpunt "+sample.Secret, true
	f.Effects = []planfile.Effect{{CompetencyID: done.CompetencyID, Before: 1, After: 2.5, Actions: 1}}
	f.EffectsMeasured = f.SelfCheck.Updated.AddDate(0, 6, 0)
	st, err := xapi.Statements(f, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(encode(t, st), sample.Secret) {
		t.Error("a remark went into the records")
	}
	registration := st[0].Context.Registration
	var rated, attempts, rescored int
	for _, s := range st {
		if s.Context == nil || s.Context.Registration != registration {
			t.Fatalf("statement %s has another registration", s.Verb.Display["nl-NL"])
		}
		if s.Result != nil && s.Result.Score != nil && s.Result.Score.Max == plans.MaxRating {
			rated++
			if s.Result.Score.Raw != 4 || s.Result.Score.Min != 1 || s.Result.Score.Scaled != 0.8 {
				t.Errorf("rating score %+v", s.Result.Score)
			}
		}
		if s.Context.Extensions[base+"/extensie/poging"] == 2 {
			switch {
			case s.Object.ID == st[0].Object.ID:
				attempts++
			case s.Result.Score != nil && s.Result.Score.Raw == 2.5:
				rescored++
				if s.Context.Extensions[base+"/extensie/gemiddelde-vorige-zelfscan"] != 1.0 {
					t.Errorf("the average before is missing: %v", s.Context.Extensions)
				}
			}
		}
	}
	if rated != 1 || attempts != 1 || rescored != 1 {
		t.Errorf("rated %d, second attempts %d, competencies rescored %d; want 1 each", rated, attempts, rescored)
	}
}
