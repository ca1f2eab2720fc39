package lrs

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"zelfscan/usermsg"
)

// A fake LRS on loopback that answers what a misconfigured address, a
// proxy or a login portal answers. None of these stored anything, so not
// one statement may count as accepted, and the report must name the
// address and the status so IT can find the cause.
func TestLRSAcceptsOnlyNoContent(t *testing.T) {
	st := statements(t, 1)[:5]
	// elsewhere stands for the host a redirect points to: it must never
	// see a request, so the credentials never leave the configured address.
	var elsewhere atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		elsewhere.Add(1)
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html>login</html>")
	}))
	t.Cleanup(other.Close)
	for _, c := range []struct {
		name  string
		reply func(w http.ResponseWriter)
		want  []string
	}{
		{"login page", func(w http.ResponseWriter) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, "<html><body>Log in</body></html>")
		}, []string{"HTTP 200", "text/html", "geen antwoord van een leeromgeving"}},
		{"200 JSON", func(w http.ResponseWriter) {
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprint(w, `["id"]`)
		}, []string{"HTTP 200", "application/json"}},
		{"redirect", func(w http.ResponseWriter) {
			w.Header().Set("Location", other.URL+"/login")
			w.WriteHeader(http.StatusFound)
		}, []string{"HTTP 302", "stuurt door naar " + other.URL + "/login"}},
		{"server error", func(w http.ResponseWriter) {
			w.WriteHeader(http.StatusInternalServerError)
		}, []string{"storing (HTTP 500)"}},
		{"wrong content type", func(w http.ResponseWriter) {
			w.Header().Set("Content-Type", "application/xml")
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprint(w, "<error>blocked</error>")
		}, []string{"HTTP 400", "application/xml"}},
	} {
		var requests atomic.Int32
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			requests.Add(1)
			c.reply(w)
		}))
		out, err := Send(context.Background(), Endpoint{URL: srv.URL + "/xAPI", User: "k", Password: "s"}, st, nil)
		srv.Close()
		if err == nil || len(out) != len(st) {
			t.Errorf("%s: err %v, %d outcomes", c.name, err, len(out))
			continue
		}
		// Named with the address, stopped after the first answer.
		want := append(c.want, srv.URL+"/xAPI/statements")
		for i, o := range out {
			if o.Accepted {
				t.Errorf("%s: statement %d counted as accepted", c.name, i)
				continue
			}
			for _, w := range want {
				if !strings.Contains(o.Problem.Error(), w) {
					t.Errorf("%s: outcome %d %q does not say %q", c.name, i, o.Problem, w)
				}
			}
		}
		if n := requests.Load(); n != 1 {
			t.Errorf("%s: %d requests, want 1 (the rest would fail the same way)", c.name, n)
		}
		if strings.Contains(out[0].Problem.Error(), "<") {
			t.Errorf("%s: markup of the answer shown to the user: %q", c.name, out[0].Problem)
		}
		if msg := coded(out[0].Problem); strings.Contains(msg, "leeromgeving ") || !strings.Contains(msg, srv.URL) {
			t.Errorf("%s: not said through message codes with the address: %s", c.name, msg)
		}
	}
	if n := elsewhere.Load(); n != 0 {
		t.Fatalf("a redirect was followed: %d requests reached the other host", n)
	}
}

// coded renders a message as its codes and arguments: what the window
// translates, without any Dutch sentence.
func coded(m *usermsg.Error) string {
	return usermsg.Render(m, func(code, _ string, args map[string]any) string { return code + fmt.Sprint(args) })
}

// A slow LRS, answering each statement within the per-request time but
// slowly, cannot hold the user longer than the total bound; what was sent
// is reported accepted, the rest as not sent for being too slow.
func TestLRSBoundsTheTotalTime(t *testing.T) {
	st := statements(t, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(80 * time.Millisecond)
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(srv.Close)
	start := time.Now()
	out, err := Send(context.Background(), Endpoint{URL: srv.URL, Timeout: time.Second, Total: 400 * time.Millisecond}, st, nil)
	took := time.Since(start)
	if err == nil || !strings.Contains(err.Error(), "te traag: na 0.4 seconden") || took > 2*time.Second {
		t.Fatalf("after %v: %v", took, err)
	}
	accepted := 0
	for _, o := range out {
		if o.Accepted {
			accepted++
		} else if !strings.Contains(o.Problem.Error(), "niet verstuurd: de leeromgeving op "+srv.URL+"/statements is te traag") {
			t.Fatalf("outcome %+v", o)
		}
	}
	if len(out) != len(st) || accepted == 0 || accepted > 5 {
		t.Fatalf("%d of %d accepted in %v", accepted, len(st), took)
	}
}

// Cancelling the context (the dialog's Annuleren) stops at once: the
// statement in flight and the rest are reported as not sent because the
// user cancelled, and progress was reported for each one done before.
func TestLRSSendCancels(t *testing.T) {
	st := statements(t, 1)[:8]
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(50 * time.Millisecond):
		}
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(srv.Close)
	var seen []int
	out, err := Send(ctx, Endpoint{URL: srv.URL}, st, func(done int) {
		seen = append(seen, done)
		if done == 3 {
			cancel()
		}
	})
	if err == nil || !strings.Contains(err.Error(), "3 van de 8 berichten aangekomen") || !strings.Contains(err.Error(), "afgebroken") {
		t.Fatalf("err %v", err)
	}
	if fmt.Sprint(seen) != "[1 2 3]" {
		t.Fatalf("progress %v", seen)
	}
	for i, o := range out {
		if o.Accepted != (i < 3) {
			t.Fatalf("outcome %d: %+v", i, o)
		}
	}
}
