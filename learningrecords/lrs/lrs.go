// Package lrs sends xAPI statements to a Learning Record Store. It is the
// only package of Zelfscan GGG that opens a network connection, and it runs
// only when the organisation settings name an LRS and the user presses
// "Naar leeromgeving sturen" (TestNoNetworkImportsInOurCode allows net/http
// here and nowhere else).
package lrs

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"

	"zelfscan/learningrecords/xapi"
	"zelfscan/usermsg"
)

// Endpoint is where statements go: the LRS's xAPI address (ending before
// "statements") and the Basic-auth key and secret it gave for this app.
type Endpoint struct {
	URL      string
	User     string
	Password string
	// Timeout bounds each request; zero: DefaultTimeout.
	Timeout time.Duration
	// Total bounds the whole sending; zero: DefaultTotal.
	Total time.Duration
}

// DefaultTimeout is how long one statement may take before the LRS counts
// as unreachable.
const DefaultTimeout = 15 * time.Second

// DefaultTotal is how long sending all statements of a plan may take: a
// plan has some tens of statements, which a working LRS takes in seconds,
// so an LRS that answers each just within DefaultTimeout cannot hold the
// user for many minutes.
const DefaultTotal = 2 * time.Minute

// Outcome is what happened to one statement.
type Outcome struct {
	ID       string
	Accepted bool
	// Problem says why the statement was not accepted: refused by the LRS,
	// or not sent because sending stopped earlier; nil when accepted.
	Problem *usermsg.Error
}

// Send puts the statements one by one (PUT with their own IDs, so a resend
// is ignored by an LRS that has them), and returns an outcome for every
// statement. A statement counts as accepted only on 204 No Content, the
// answer xAPI 1.0.3 gives to a stored PUT. Sending stops at the first
// failure that would fail the rest too (no connection, time-out,
// credentials refused, a redirect or an answer that is not from an LRS)
// and when ctx ends (Annuleren) or ep.Total has passed; the statements
// after it are reported as not sent. progress, when set, is called after
// each statement with the number done so far. err is set whenever not all
// were accepted.
func Send(ctx context.Context, ep Endpoint, statements []xapi.Statement, progress func(done int)) ([]Outcome, error) {
	base, err := statementsURL(ep.URL)
	if err != nil {
		return notSent(statements, 0, err), err
	}
	s := &sender{ep: ep, base: base, client: &http.Client{
		// Never follow a redirect: the Basic-auth header would go along to
		// wherever it points. The 3xx itself is reported (see answer).
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
	s.timeout = orDefault(ep.Timeout, DefaultTimeout)
	total := orDefault(ep.Total, DefaultTotal)
	ctx, cancel := context.WithTimeout(ctx, total)
	defer cancel()
	out := make([]Outcome, 0, len(statements))
	var refused error
	for i, st := range statements {
		problem, fatal := s.put(ctx, st)
		if fatal {
			problem = s.stopped(ctx, problem, total)
			err := usermsg.New("lrs.stopped", map[string]any{"Sent": i, "Count": len(statements), "Problem": problem})
			return append(out, notSent(statements, i, problem)...), err
		}
		if problem != nil {
			refused = usermsg.New("lrs.notAll", map[string]any{"Problem": problem})
			out = append(out, Outcome{ID: st.ID, Problem: problem})
		} else {
			out = append(out, Outcome{ID: st.ID, Accepted: true})
		}
		if progress != nil {
			progress(i + 1)
		}
	}
	return out, refused
}

func orDefault(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}

// sender is one sending of statements to one LRS.
type sender struct {
	ep      Endpoint
	base    *url.URL
	client  *http.Client
	timeout time.Duration
}

// stopped says why sending stopped when the whole sending's context ended
// (the user cancelled, or the total time passed) rather than the request.
func (s *sender) stopped(ctx context.Context, problem *usermsg.Error, total time.Duration) *usermsg.Error {
	switch {
	case errors.Is(ctx.Err(), context.Canceled):
		return usermsg.Wrap("lrs.cancelled", nil, ctx.Err())
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return usermsg.Wrap("lrs.tooSlow", map[string]any{"URL": s.address(), "Seconds": total.Seconds()}, ctx.Err())
	}
	return problem
}

// address is the statements address as the user may see it: never with
// a user or password that someone wrote into the URL.
func (s *sender) address() string { return s.base.Redacted() }

func notSent(statements []xapi.Statement, from int, why *usermsg.Error) []Outcome {
	out := make([]Outcome, 0, len(statements)-from)
	problem := usermsg.New("lrs.notSent", map[string]any{"Why": why})
	for _, s := range statements[from:] {
		out = append(out, Outcome{ID: s.ID, Problem: problem})
	}
	return out
}

// statementsURL checks the address and adds "statements".
func statementsURL(raw string) (*url.URL, *usermsg.Error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, usermsg.New("lrs.badURL", map[string]any{"URL": fmt.Sprintf("%q", raw)})
	}
	return u.JoinPath("statements"), nil
}

// put sends one statement; problem is nil when it was accepted, fatal means
// stop sending.
func (s *sender) put(ctx context.Context, st xapi.Statement) (problem *usermsg.Error, fatal bool) {
	body, err := json.Marshal(st)
	if err != nil {
		return usermsg.Wrap("lrs.encode", map[string]any{"Cause": err.Error()}, err), true
	}
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	u := *s.base
	u.RawQuery = url.Values{"statementId": {st.ID}}.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, u.String(), bytes.NewReader(body))
	if err != nil {
		return usermsg.Wrap("lrs.request", map[string]any{"Cause": err.Error()}, err), true
	}
	req.SetBasicAuth(s.ep.User, s.ep.Password)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Experience-API-Version", "1.0.3")
	resp, err := s.client.Do(req)
	if err != nil {
		return s.connectionProblem(err), true
	}
	defer resp.Body.Close()
	return s.answer(resp)
}

// answer judges the LRS's answer to a PUT. Only 204 is "stored"; any
// other 2xx, a 3xx, or an answer that is not JSON or plain text (a login
// or proxy page) did not come from an LRS that stored the statement.
func (s *sender) answer(resp *http.Response) (problem *usermsg.Error, fatal bool) {
	detail, _ := io.ReadAll(io.LimitReader(resp.Body, 500))
	kind, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	args := map[string]any{"URL": s.address(), "Status": resp.StatusCode, "Type": kind}
	if kind == "" {
		args["Type"] = "-"
	}
	code := resp.StatusCode
	switch {
	case code == http.StatusNoContent:
		return nil, false
	case code >= 300 && code < 400:
		args["Location"] = resp.Header.Get("Location")
		return usermsg.New("lrs.redirect", args), true
	case code == http.StatusUnauthorized || code == http.StatusForbidden:
		return usermsg.New("lrs.credentials", args), true
	case code >= 500:
		return usermsg.New("lrs.outage", args), true
	case code < 300 || (kind != "application/json" && kind != "text/plain" && kind != ""):
		return usermsg.New("lrs.unexpected", args), true
	case code == http.StatusConflict:
		return usermsg.New("lrs.conflict", args), false
	}
	args["Detail"] = strings.TrimSpace(string(detail))
	return usermsg.New("lrs.refused", args), false
}

func (s *sender) connectionProblem(err error) *usermsg.Error {
	if errors.Is(err, context.DeadlineExceeded) || isTimeout(err) {
		return usermsg.Wrap("lrs.timeout", map[string]any{"URL": s.address(), "Seconds": s.timeout.Seconds()}, err)
	}
	if errors.Is(err, context.Canceled) {
		return usermsg.Wrap("lrs.cancelled", nil, err)
	}
	return usermsg.Wrap("lrs.unreachable", map[string]any{"URL": s.address(), "Cause": err.Error()}, err)
}

func isTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}
