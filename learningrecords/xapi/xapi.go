// Package xapi turns a person's self-check and learning plan into xAPI
// 1.0.3 statements for a Learning Record Store: the self-check, a result
// per competency, each planned and completed action and each sign-off by a
// supervisor. The actor is a pseudonym; names are added only when the
// organisation asks for it and the user agrees (Config.WithName). Notes,
// reflections, evaluations, own action texts and reviewers' names and
// comments never go into a statement. It never imports Fyne or net/http.
package xapi

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"time"

	"zelfscan/usermsg"
)

// DefaultBaseIRI is used when the organisation names no base IRI: a URN,
// so no web address is made up; it identifies this app's vocabulary.
const DefaultBaseIRI = "urn:zelfscan-ggg"

// MinKeyLen is the shortest pseudonym key in bytes: 128 bits, so the key
// cannot be found by trying keys against a pseudonym and a plan ID.
const MinKeyLen = 16

// Config says how statements are made; the organisation settings fill it.
type Config struct {
	// BaseIRI is the start of every activity and own verb IRI, e.g.
	// https://leren.voorbeeld.nl/zelfscan; empty: DefaultBaseIRI.
	BaseIRI string
	// HomePage is the account's home page (the system the pseudonym
	// belongs to): an http or https address, as xAPI 1.0.3 requires (an
	// IRL); there is no default.
	HomePage string
	// Key makes every ID that identifies a person (the pseudonym, the
	// registration): HMAC-SHA256 of the plan's ID with this key, so only
	// who holds the key can link them to a plan. At least MinKeyLen bytes.
	Key string
	// WithName adds the person's name to the actor; the app sets it only
	// when the settings ask for it and the user has agreed.
	WithName bool
}

// Check says why no statements can be made with c: a missing or short key
// (the pseudonym would be computable from the plan's ID, which the plan's
// PDF shows) or a home page that is missing or not a web address. The
// messages name the settings, which are the only source of a Config.
func (c Config) Check() error {
	switch {
	case c.Key == "":
		return usermsg.New("xapi.noKey", nil)
	case len(c.Key) < MinKeyLen:
		return usermsg.New("xapi.shortKey", map[string]any{"Len": len(c.Key), "Min": MinKeyLen})
	case c.HomePage == "":
		return usermsg.New("xapi.noHomePage", nil)
	}
	if u, err := url.Parse(c.HomePage); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return usermsg.New("xapi.badHomePage", map[string]any{"URL": c.HomePage})
	}
	return nil
}

func (c Config) base() string {
	if c.BaseIRI == "" {
		return DefaultBaseIRI
	}
	return strings.TrimRight(c.BaseIRI, "/")
}

// iri joins the base and path parts; the separator follows the scheme
// (":" for a URN, "/" otherwise).
func (c Config) iri(parts ...string) string {
	sep := "/"
	if strings.HasPrefix(c.base(), "urn:") {
		sep = ":"
	}
	return c.base() + sep + strings.Join(parts, sep)
}

// Statement is one xAPI statement. Field order and omitted empty fields
// keep the JSON stable, which the statement ID depends on.
type Statement struct {
	ID        string    `json:"id"`
	Actor     Agent     `json:"actor"`
	Verb      Verb      `json:"verb"`
	Object    Activity  `json:"object"`
	Result    *Result   `json:"result,omitempty"`
	Context   *Context  `json:"context,omitempty"`
	Timestamp Timestamp `json:"timestamp"`
}

// Agent is the person, known by an account.
type Agent struct {
	ObjectType string  `json:"objectType"`
	Name       string  `json:"name,omitempty"`
	Account    Account `json:"account"`
}

// Account is the pseudonymous account of an Agent.
type Account struct {
	HomePage string `json:"homePage"`
	Name     string `json:"name"`
}

// Verb is what happened.
type Verb struct {
	ID      string            `json:"id"`
	Display map[string]string `json:"display"`
}

// Activity is what it happened to.
type Activity struct {
	ObjectType string      `json:"objectType"`
	ID         string      `json:"id"`
	Definition *Definition `json:"definition,omitempty"`
}

// Definition names an activity.
type Definition struct {
	Name map[string]string `json:"name,omitempty"`
	Type string            `json:"type,omitempty"`
}

// Result is the outcome: a score, success, completion.
type Result struct {
	Score      *Score         `json:"score,omitempty"`
	Success    *bool          `json:"success,omitempty"`
	Completion *bool          `json:"completion,omitempty"`
	Extensions map[string]any `json:"extensions,omitempty"`
}

// Score is a level on the framework's scale, or an average of levels (a
// re-scan's competency), or a usefulness rating; Scaled = Raw / Max.
type Score struct {
	Scaled float64 `json:"scaled"`
	Raw    float64 `json:"raw"`
	Min    int     `json:"min"`
	Max    int     `json:"max"`
}

// Context ties statements of one plan together.
type Context struct {
	Registration      string             `json:"registration"`
	ContextActivities *ContextActivities `json:"contextActivities,omitempty"`
	Platform          string             `json:"platform"`
	Language          string             `json:"language"`
	Extensions        map[string]any     `json:"extensions,omitempty"`
}

// ContextActivities are the parent activities of a statement.
type ContextActivities struct {
	Parent []Activity `json:"parent,omitempty"`
}

// Timestamp is an xAPI timestamp: UTC, milliseconds, as Learning Locker
// stores and returns it, so a statement read back compares equal.
type Timestamp time.Time

// MarshalJSON writes ISO 8601 in UTC with milliseconds.
func (t Timestamp) MarshalJSON() ([]byte, error) {
	return json.Marshal(time.Time(t).UTC().Format("2006-01-02T15:04:05.000Z"))
}

// UnmarshalJSON reads any RFC 3339 time.
func (t *Timestamp) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	v, err := time.Parse(time.RFC3339Nano, s)
	*t = Timestamp(v)
	return err
}

// keyed is the HMAC-SHA256 of name with the key: what every ID that
// identifies a person is made from.
func (c Config) keyed(name string) []byte {
	mac := hmac.New(sha256.New, []byte(c.Key))
	mac.Write([]byte(name))
	return mac.Sum(nil)
}

// pseudonym is the account name of a plan's owner.
func (c Config) pseudonym(planUID string) string {
	return hex.EncodeToString(c.keyed(planUID))[:32]
}

// registration ties the statements of one plan together; it is keyed like
// the pseudonym, so the plan's ID alone does not find them in an LRS.
func (c Config) registration(planUID string) string {
	return format(uuid5(uuid5(urlNamespace, []byte(c.base())), c.keyed("registration:"+planUID)))
}

// statementID is a name-based UUID (version 5, SHA-1) of the statement's
// content in the namespace of the base IRI: the same statement always gets
// the same ID, so an LRS that already has it ignores a resend, and any
// change gives a new ID instead of a conflict.
func (c Config) statementID(s Statement) (string, error) {
	s.ID = ""
	content, err := json.Marshal(s)
	if err != nil {
		return "", fmt.Errorf("xAPI-bericht omzetten: %w", err)
	}
	ns := uuid5(urlNamespace, []byte(c.base()))
	return format(uuid5(ns, content)), nil
}

// urlNamespace is the UUID namespace for URLs from RFC 4122, appendix C.
var urlNamespace = [16]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}

func uuid5(ns [16]byte, name []byte) [16]byte {
	h := sha1.New()
	h.Write(ns[:])
	h.Write(name)
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	return u
}

func format(u [16]byte) string {
	var b bytes.Buffer
	for i, x := range u {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			b.WriteByte('-')
		}
		fmt.Fprintf(&b, "%02x", x)
	}
	return b.String()
}
