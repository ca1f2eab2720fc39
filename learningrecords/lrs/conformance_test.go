package lrs

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"

	"zelfscan/learningrecords/xapi"
)

// Conformance against Learning Locker's own code, started by
// scripts/lrs-check.sh (part of `make test`), which sets:
//
//	ZELFSCAN_XAPI_VALIDATOR  node script running xapi-validation on JSON files
//	ZELFSCAN_LRS_URL         xapi-statements on 127.0.0.1, e.g. http://127.0.0.1:18090/xAPI
//	ZELFSCAN_LRS_USER, ZELFSCAN_LRS_PASSWORD  its Basic-auth key and secret
//
// Run alone, without the script, these tests have nothing to talk to and skip.

// conformancePlans is how many sample plans are exported.
const conformancePlans = 4

func TestValidatorAcceptsEveryStatement(t *testing.T) {
	validator := os.Getenv("ZELFSCAN_XAPI_VALIDATOR")
	if validator == "" {
		t.Skip("ZELFSCAN_XAPI_VALIDATOR not set; scripts/lrs-check.sh sets it")
	}
	st := statements(t, conformancePlans)
	path := filepath.Join(t.TempDir(), "berichten.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := xapi.Encode(f, st); err != nil {
		t.Fatal(err)
	}
	f.Close()
	out, err := exec.Command("node", validator, path).CombinedOutput()
	if err != nil {
		t.Fatalf("xapi-validation refuses statements: %v\n%s", err, out)
	}
	fmt.Printf("conformance: %s", out)
}

func TestLearningLockerRoundTrip(t *testing.T) {
	url := os.Getenv("ZELFSCAN_LRS_URL")
	if url == "" {
		t.Skip("ZELFSCAN_LRS_URL not set; scripts/lrs-check.sh starts xapi-statements and sets it")
	}
	ep := Endpoint{URL: url, User: os.Getenv("ZELFSCAN_LRS_USER"), Password: os.Getenv("ZELFSCAN_LRS_PASSWORD")}
	st := statements(t, conformancePlans)
	ctx := context.Background()

	// Wrong secret: refused before anything is stored, all reported.
	bad := ep
	bad.Password += "-fout"
	out, err := Send(ctx, bad, st, nil)
	if err == nil || len(out) != len(st) || out[0].Accepted {
		t.Fatalf("wrong password: err %v, first outcome %+v", err, out[0])
	}

	// Sent twice: the second time the LRS has them all and ignores them.
	for round := 1; round <= 2; round++ {
		out, err := Send(ctx, ep, st, nil)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		for _, o := range out {
			if !o.Accepted {
				t.Fatalf("round %d: %+v", round, o)
			}
		}
	}

	// An invalid statement (a verb that is no IRI) is refused by the
	// service, so acceptance above means conformance.
	invalid := st[0]
	invalid.Verb.ID = "gepland"
	invalid.ID = "5a1c0e0e-0000-5000-8000-000000000001"
	out, err = Send(ctx, ep, []xapi.Statement{invalid}, nil)
	if err == nil || out[0].Accepted {
		t.Fatalf("invalid statement accepted: %+v", out[0])
	}

	back := readAll(t, ep)
	if len(back) != len(st) {
		t.Fatalf("sent %d statements (twice), read back %d", len(st), len(back))
	}
	compared := 0
	for _, s := range st {
		got, ok := back[s.ID]
		if !ok {
			t.Fatalf("statement %s not returned", s.ID)
		}
		compared += compareFields(t, s, got)
	}
	fmt.Printf("conformance: Learning Locker xapi-statements accepted %d statements (sent twice, stored once), returned %d from GET /xAPI/statements, %d fields equal\n",
		len(st), len(back), compared)
}

// readAll pages through GET /statements.
func readAll(t *testing.T, ep Endpoint) map[string]map[string]json.RawMessage {
	t.Helper()
	base, err := statementsURL(ep.URL)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]json.RawMessage{}
	next := base.String() + "?limit=100"
	for next != "" {
		req, _ := http.NewRequest(http.MethodGet, next, nil)
		req.SetBasicAuth(ep.User, ep.Password)
		req.Header.Set("X-Experience-API-Version", "1.0.3")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var page struct {
			Statements []map[string]json.RawMessage `json:"statements"`
			More       string                       `json:"more"`
		}
		err = json.NewDecoder(resp.Body).Decode(&page)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %d %v", next, resp.StatusCode, err)
		}
		for _, s := range page.Statements {
			var id string
			json.Unmarshal(s["id"], &id)
			out[id] = s
		}
		next = ""
		if page.More != "" {
			u, _ := base.Parse(page.More)
			next = u.String()
		}
	}
	return out
}

// compareFields checks every top-level field we sent against what the LRS
// returned (which adds stored, authority and version), value by value.
func compareFields(t *testing.T, sent xapi.Statement, got map[string]json.RawMessage) int {
	t.Helper()
	data, _ := json.Marshal(sent)
	var want map[string]any
	json.Unmarshal(data, &want)
	for k, v := range want {
		var g any
		if err := json.Unmarshal(got[k], &g); err != nil {
			t.Fatalf("%s: field %s missing in the LRS's copy", sent.ID, k)
		}
		if !reflect.DeepEqual(v, g) {
			t.Fatalf("%s: field %s sent %v, returned %v", sent.ID, k, v, g)
		}
	}
	return len(want)
}
