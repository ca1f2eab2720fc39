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

	"zelfscan/plans/xapi"
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
	// Problem says in Dutch why the statement was not accepted: refused by
	// the LRS, or not sent because sending stopped earlier.
	Problem string
}

// Send puts the statements one by one (PUT with their own IDs, so a resend
// is ignored by an LRS that has them), and returns an outcome for every
// statement. It stops at the first failure that would fail the rest too
// (no connection, time-out, credentials refused); the statements after it
// are reported as not sent. err is set whenever not all were accepted.
func Send(ctx context.Context, ep Endpoint, statements []xapi.Statement) ([]Outcome, error) {
	base, err := statementsURL(ep.URL)
	if err != nil {
		return notSent(statements, 0, err.Error()), err
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
			err := fmt.Errorf("%d van de %d berichten aangekomen; daarna gestopt: %s", i, len(statements), problem)
			return append(out, notSent(statements, i, problem)...), err
		case problem != "":
			refused = fmt.Errorf("niet alle berichten zijn aangenomen: %s", problem)
			out = append(out, Outcome{ID: s.ID, Problem: problem})
		default:
			out = append(out, Outcome{ID: s.ID, Accepted: true})
		}
	}
	return out, refused
}

func notSent(statements []xapi.Statement, from int, why string) []Outcome {
	out := make([]Outcome, 0, len(statements)-from)
	for _, s := range statements[from:] {
		out = append(out, Outcome{ID: s.ID, Problem: "niet verstuurd: " + why})
	}
	return out
}

// statementsURL checks the address and adds "statements".
func statementsURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, fmt.Errorf("het adres van de leeromgeving (%q) is geen http- of https-adres", raw)
	}
	return u.JoinPath("statements"), nil
}

// put sends one statement; problem is Dutch, fatal means stop sending.
func put(ctx context.Context, client *http.Client, base *url.URL, ep Endpoint, s xapi.Statement) (problem string, fatal bool) {
	body, err := json.Marshal(s)
	if err != nil {
		return "bericht omzetten mislukt: " + err.Error(), true
	}
	u := *base
	u.RawQuery = url.Values{"statementId": {s.ID}}.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, u.String(), bytes.NewReader(body))
	if err != nil {
		return "verzoek maken mislukt: " + err.Error(), true
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
	switch {
	case resp.StatusCode == http.StatusNoContent || resp.StatusCode == http.StatusOK:
		return "", false
	case resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden:
		return "de leeromgeving weigert de gebruikersnaam of het wachtwoord uit de instellingen", true
	case resp.StatusCode == http.StatusConflict:
		return "de leeromgeving heeft al een ander bericht met dit nummer", false
	case resp.StatusCode >= 500:
		return fmt.Sprintf("de leeromgeving heeft een storing (HTTP %d)", resp.StatusCode), true
	}
	return fmt.Sprintf("de leeromgeving weigert dit bericht (HTTP %d: %s)", resp.StatusCode, strings.TrimSpace(string(detail))), false
}

func connectionProblem(err error) string {
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) || isTimeout(err) {
		return "de leeromgeving antwoordt niet op tijd"
	}
	return "de leeromgeving is niet bereikbaar (" + err.Error() + ")"
}

func isTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}
