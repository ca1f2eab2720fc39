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
}

// DefaultTimeout is how long one statement may take before the LRS counts
// as unreachable.
const DefaultTimeout = 15 * time.Second

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
// statement. It stops at the first failure that would fail the rest too
// (no connection, time-out, credentials refused); the statements after it
// are reported as not sent. err is set whenever not all were accepted.
func Send(ctx context.Context, ep Endpoint, statements []xapi.Statement) ([]Outcome, error) {
	base, err := statementsURL(ep.URL)
	if err != nil {
		return notSent(statements, 0, err), err
	}
	timeout := ep.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	client := &http.Client{Timeout: timeout}
	out := make([]Outcome, 0, len(statements))
	var refused error
	for i, s := range statements {
		problem, fatal := put(ctx, client, base, ep, s)
		switch {
		case fatal:
			err := usermsg.New("lrs.stopped", map[string]any{"Sent": i, "Count": len(statements), "Problem": problem})
			return append(out, notSent(statements, i, problem)...), err
		case problem != nil:
			refused = usermsg.New("lrs.notAll", map[string]any{"Problem": problem})
			out = append(out, Outcome{ID: s.ID, Problem: problem})
		default:
			out = append(out, Outcome{ID: s.ID, Accepted: true})
		}
	}
	return out, refused
}

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
func put(ctx context.Context, client *http.Client, base *url.URL, ep Endpoint, s xapi.Statement) (problem *usermsg.Error, fatal bool) {
	body, err := json.Marshal(s)
	if err != nil {
		return usermsg.Wrap("lrs.encode", map[string]any{"Cause": err.Error()}, err), true
	}
	u := *base
	u.RawQuery = url.Values{"statementId": {s.ID}}.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, u.String(), bytes.NewReader(body))
	if err != nil {
		return usermsg.Wrap("lrs.request", map[string]any{"Cause": err.Error()}, err), true
	}
	req.SetBasicAuth(ep.User, ep.Password)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Experience-API-Version", "1.0.3")
	resp, err := client.Do(req)
	if err != nil {
		return connectionProblem(err), true
	}
	defer resp.Body.Close()
	detail, _ := io.ReadAll(io.LimitReader(resp.Body, 500))
	status := map[string]any{"Status": resp.StatusCode, "Detail": strings.TrimSpace(string(detail))}
	switch {
	case resp.StatusCode == http.StatusNoContent || resp.StatusCode == http.StatusOK:
		return nil, false
	case resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden:
		return usermsg.New("lrs.credentials", nil), true
	case resp.StatusCode == http.StatusConflict:
		return usermsg.New("lrs.conflict", nil), false
	case resp.StatusCode >= 500:
		return usermsg.New("lrs.outage", status), true
	}
	return usermsg.New("lrs.refused", status), false
}

func connectionProblem(err error) *usermsg.Error {
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) || isTimeout(err) {
		return usermsg.Wrap("lrs.timeout", nil, err)
	}
	return usermsg.Wrap("lrs.unreachable", map[string]any{"Cause": err.Error()}, err)
}

func isTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}
