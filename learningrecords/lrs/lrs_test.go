package lrs

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"zelfscan/learningrecords/xapi"
	"zelfscan/overview/sample"
	"zelfscan/plans"
	"zelfscan/plans/planfile"
	"zelfscan/usermsg"
)

// statements of n sample plans, with a base IRI as an organisation sets it.
func statements(t testing.TB, n int) []xapi.Statement {
	t.Helper()
	fw, cat, err := plans.LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	var out []xapi.Statement
	for i := range n {
		f, err := sample.Plan(fw, cat, 3, i)
		if err != nil {
			t.Fatal(err)
		}
		followUp(f)
		st, err := xapi.Statements(f, xapi.Config{BaseIRI: "https://leren.voorbeeld.nl/zelfscan", HomePage: "https://www.voorbeeld.nl", Key: "sleutel-van-de-test"})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, st...)
	}
	return out
}

// followUp gives a sample plan what a later self-check adds, so the
// conformance checks see those statements too: a rating on every completed
// action and, for its competency, an effect.
func followUp(f *planfile.File) {
	for i := range f.Actions {
		a := &f.Actions[i]
		if a.Status != plans.StatusAfgerond {
			continue
		}
		a.Evaluation.Rating = 1 + i%plans.MaxRating
		if !slices.ContainsFunc(f.Effects, func(e planfile.Effect) bool { return e.CompetencyID == a.CompetencyID }) {
			f.Effects = append(f.Effects, planfile.Effect{CompetencyID: a.CompetencyID, Before: 1, After: 1.5, Actions: 1})
		}
	}
	f.EffectsMeasured = f.SelfCheck.Updated.AddDate(0, 6, 0)
}

// fakeLRS answers each PUT with the status reply gives for the n-th request.
func fakeLRS(t *testing.T, reply func(n int) int) (*httptest.Server, *atomic.Int32) {
	var count atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := int(count.Add(1))
		if r.Method != http.MethodPut || r.URL.Query().Get("statementId") == "" || r.Header.Get("X-Experience-API-Version") != "1.0.3" {
			t.Errorf("unexpected request %s %s", r.Method, r.URL)
		}
		w.WriteHeader(reply(n))
	}))
	t.Cleanup(srv.Close)
	return srv, &count
}

func TestSendReportsEachStatement(t *testing.T) {
	st := statements(t, 1)[:6]
	// The third is refused, the rest accepted.
	srv, _ := fakeLRS(t, func(n int) int {
		if n == 3 {
			return http.StatusBadRequest
		}
		return http.StatusNoContent
	})
	out, err := Send(context.Background(), Endpoint{URL: srv.URL + "/xAPI", User: "k", Password: "s"}, st, nil)
	if err == nil || len(out) != len(st) {
		t.Fatalf("%d outcomes, err %v", len(out), err)
	}
	for i, o := range out {
		if o.ID != st[i].ID || o.Accepted != (i != 2) {
			t.Fatalf("outcome %d: %+v", i, o)
		}
	}
	if !strings.Contains(out[2].Problem.Error(), "weigert dit bericht") {
		t.Fatalf("problem %q", out[2].Problem)
	}
}

// Refused credentials, a server failure, no connection and a slow LRS stop
// sending; every statement not sent is reported, none is lost silently.
func TestSendStopsAndReportsTheRest(t *testing.T) {
	st := statements(t, 1)[:5]
	closed, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := closed.Addr().String()
	closed.Close()
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(500 * time.Millisecond)
	}))
	t.Cleanup(slow.Close)
	auth, _ := fakeLRS(t, func(n int) int {
		if n == 2 {
			return http.StatusUnauthorized
		}
		return http.StatusNoContent
	})
	broken, _ := fakeLRS(t, func(int) int { return http.StatusServiceUnavailable })
	for _, c := range []struct {
		name, url, want string
		accepted        int
	}{
		{"credentials", auth.URL, "gebruikersnaam of het wachtwoord", 1},
		{"server error", broken.URL, "storing", 0},
		{"unreachable", "http://" + addr, "niet bereikbaar", 0},
		{"slow", slow.URL, "niet binnen 0.1 seconden", 0},
		{"not an address", "ftp://lrs", "geen http", 0},
	} {
		out, err := Send(context.Background(), Endpoint{URL: c.url, User: "k", Password: "s", Timeout: 100 * time.Millisecond}, st, nil)
		if err == nil || !strings.Contains(err.Error(), c.want) || len(out) != len(st) {
			t.Errorf("%s: err %v, %d outcomes", c.name, err, len(out))
			continue
		}
		accepted := 0
		for _, o := range out {
			if o.Accepted {
				accepted++
			} else if !strings.Contains(o.Problem.Error(), c.want) {
				t.Errorf("%s: outcome %+v", c.name, o)
			} else if coded := usermsg.Render(o.Problem, func(code, _ string, args map[string]any) string { return code + fmt.Sprint(args) }); strings.Contains(coded, c.want) {
				// Said in message codes, so the English window says it in English.
				t.Errorf("%s: %q is not a message code: %s", c.name, c.want, coded)
			}
		}
		if accepted != c.accepted {
			t.Errorf("%s: %d accepted, want %d", c.name, accepted, c.accepted)
		}
	}
}

// The statements survive JSON in the form Send puts them.
// Every statement as it goes on the wire has the shape xAPI 1.0.3 requires
// of the properties we send: a UUID id and registration, an Agent with an
// account on a web address, verb and object identified by absolute IRIs,
// an RFC 3339 timestamp, and a score within its own bounds.
func TestStatementsHaveTheXAPIShape(t *testing.T) {
	uuid := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	absolute := func(s string) bool {
		u, err := url.Parse(s)
		return err == nil && u.Scheme != "" && (u.Host != "" || u.Opaque != "")
	}
	for _, s := range statements(t, 4) {
		data, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		var m struct {
			ID    string
			Actor struct {
				ObjectType string
				Account    struct{ HomePage, Name string }
			}
			Verb struct {
				ID      string
				Display map[string]string
			}
			Object struct{ ObjectType, ID string }
			Result *struct {
				Score *struct{ Scaled, Raw, Min, Max float64 }
			}
			Context   struct{ Registration string }
			Timestamp string
		}
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		hp, err := url.Parse(m.Actor.Account.HomePage)
		switch {
		case !uuid.MatchString(m.ID) || !uuid.MatchString(m.Context.Registration):
			t.Errorf("id %q or registration %q is no UUID", m.ID, m.Context.Registration)
		case m.Actor.ObjectType != "Agent" || m.Actor.Account.Name == "" || err != nil || (hp.Scheme != "https" && hp.Scheme != "http") || hp.Host == "":
			t.Errorf("actor %+v is not an Agent with an account on a web address", m.Actor)
		case !absolute(m.Verb.ID) || m.Verb.Display["nl-NL"] == "":
			t.Errorf("verb %+v", m.Verb)
		case m.Object.ObjectType != "Activity" || !absolute(m.Object.ID):
			t.Errorf("object %+v", m.Object)
		}
		if _, err := time.Parse(time.RFC3339, m.Timestamp); err != nil {
			t.Errorf("timestamp %q: %v", m.Timestamp, err)
		}
		if m.Result != nil && m.Result.Score != nil {
			sc := m.Result.Score
			if sc.Raw < sc.Min || sc.Raw > sc.Max || sc.Scaled < -1 || sc.Scaled > 1 {
				t.Errorf("score %+v out of its bounds", *sc)
			}
		}
	}
}
