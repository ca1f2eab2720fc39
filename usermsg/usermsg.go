// Package usermsg carries a message for the user out of the domain as a code
// with arguments, so that the app can say it in the user's language. The
// words live in assets/translations/messages ({nl,en}.json): the app looks
// the code up there through Fyne's lang, and Error gives the Dutch sentence
// (for logs, the command line and anything without a GUI).
package usermsg

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"strconv"
	"strings"
	"sync"
	"text/template"

	"zelfscan/assets"
)

// File is the translation file with the Dutch words, inside assets.Files.
const File = assets.TranslationsDir + "/messages/nl.json"

// Error is a failure explained to the user. Code is a key of the messages
// translation files; Args fill its {{.Name}} fields; Err is the cause, kept
// for errors.Is/As and logs but never shown.
type Error struct {
	Code string
	Args map[string]any
	Err  error
}

// New is a message without a cause.
func New(code string, args map[string]any) *Error {
	return &Error{Code: code, Args: args}
}

// Wrap is a message for a cause.
func Wrap(code string, args map[string]any, cause error) *Error {
	return &Error{Code: code, Args: args, Err: cause}
}

// Error is the Dutch sentence.
func (e *Error) Error() string { return Dutch(e.Code, e.Args) }

func (e *Error) Unwrap() error { return e.Err }

// Messenger is an error that carries a message without being one, such as
// a problem that adds where it is (a file, a row) around its message.
type Messenger interface {
	Message() *Error
}

// As returns the message inside err, if any.
func As(err error) (*Error, bool) {
	var m Messenger
	if errors.As(err, &m) {
		return m.Message(), true
	}
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

// forms are the words of a code: Other, and for a message that counts
// ({"one": ..., "other": ...} in the file, as Fyne's lang reads it) One.
type forms struct{ One, Other string }

// dutch holds the Dutch sentences, read once from the embedded file.
var dutch = sync.OnceValues(func() (map[string]forms, error) {
	data, err := fs.ReadFile(assets.Files, File)
	if err != nil {
		return nil, err
	}
	raw := map[string]json.RawMessage{}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("%s: %w", File, err)
	}
	out := make(map[string]forms, len(raw))
	for code, r := range raw {
		var f forms
		if json.Unmarshal(r, &f.Other) != nil {
			var plural struct{ One, Other string }
			if err := json.Unmarshal(r, &plural); err != nil {
				return nil, fmt.Errorf("%s: %s: %w", File, code, err)
			}
			f = forms(plural)
		}
		out[code] = f
	}
	return out, nil
})

// Sentence is the Dutch template for a code (the "other" form of one that
// counts), or false when the code is unknown (a test keeps every code used
// in the code base known).
func Sentence(code string) (string, bool) {
	words, err := dutch()
	if err != nil {
		return "", false
	}
	s, ok := words[code]
	return s.Other, ok
}

// CountKey is the argument that chooses between the forms of a message
// that counts: "1 groep", "2 groepen".
const CountKey = "Count"

// PluralCount is the count of a message that has a form for one, or false
// for a message that does not count.
func PluralCount(code string, args map[string]any) (int, bool) {
	words, err := dutch()
	if err != nil || words[code].One == "" {
		return 0, false
	}
	n, ok := args[CountKey].(int)
	return n, ok
}

// Term is a word or phrase of the messages file used inside another
// message (the name of a field, a status); it is translated like a message.
type Term string

// Choice is the list of values a field allows, said as "a, b or c" with
// the user's word for "or".
type Choice []string

// Names is a list of names said as "a, b and c" with the user's word for
// "and".
type Names []string

// Phrases are the parts of one sentence, each a message, said one after
// the other with "; " between them.
type Phrases []*Error

// Number is a decimal number said with the decimal separator of the
// user's language: 4,5 in Dutch, 4.5 in English. Decimals is the number of
// decimals, rounded half up, or -1 for as many as the value needs.
type Number struct {
	Value    float64
	Decimals int
}

// Say writes n with the separator say gives.
func (n Number) Say(say Sayer) string {
	v := n.Value
	if n.Decimals >= 0 {
		p := math.Pow10(n.Decimals)
		v = math.Round(v*p) / p
	}
	s := strconv.FormatFloat(v, 'f', n.Decimals, 64)
	return strings.Replace(s, ".", say(separatorCode, sentence(separatorCode), nil), 1)
}

// String is n the Dutch way, for paper and files.
func (n Number) String() string { return n.Say(fill) }

// The words between the last two items of a Choice and of Names, and the
// decimal separator of a Number.
const (
	orCode        = "usermsg.or"
	andCode       = "usermsg.and"
	separatorCode = "usermsg.decimalSeparator"
)

// joinLast joins items with commas and, before the last, the word of code.
func joinLast(items []string, code string, say Sayer) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + say(code, sentence(code), nil) + " " + items[len(items)-1]
}

// Sayer turns a code, its Dutch template and the filled-in arguments into
// words: Dutch executes the template, the app asks Fyne's lang.
type Sayer func(code, dutch string, args map[string]any) string

// Render says e with say, first saying every argument that is itself a Term,
// a Choice, Names, Phrases, a Number, a message, a list of messages (one
// "- " line each) or an error holding messages (one line each).
func Render(e *Error, say Sayer) string {
	args := make(map[string]any, len(e.Args))
	for k, v := range e.Args {
		switch v := v.(type) {
		case Number:
			args[k] = v.Say(say)
		case Term:
			args[k] = say(string(v), sentence(string(v)), nil)
		case Choice:
			args[k] = joinLast(v, orCode, say)
		case Names:
			args[k] = joinLast(v, andCode, say)
		case Phrases:
			parts := make([]string, len(v))
			for i, p := range v {
				parts[i] = Render(p, say)
			}
			args[k] = strings.Join(parts, "; ")
		case *Error:
			args[k] = Render(v, say)
		case []*Error:
			var b strings.Builder
			for _, item := range v {
				b.WriteString("\n- ")
				b.WriteString(Render(item, say))
			}
			args[k] = b.String()
		case error:
			args[k] = renderError(v, say)
		default:
			args[k] = v
		}
	}
	return say(e.Code, sentenceFor(e.Code, e.Args), args)
}

// renderError says the messages in err one per line, or err as it stands
// when it holds none.
func renderError(err error, say Sayer) string {
	list := List(err)
	if len(list) == 0 {
		return err.Error()
	}
	lines := make([]string, len(list))
	for i, m := range list {
		lines[i] = Render(m, say)
	}
	return strings.Join(lines, "\n")
}

// List collects the messages in err, which may be a message or an
// errors.Join of them; other errors are left out.
func List(err error) []*Error {
	if e, ok := err.(*Error); ok {
		return []*Error{e}
	}
	if m, ok := err.(Messenger); ok {
		return []*Error{m.Message()}
	}
	var out []*Error
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		for _, inner := range joined.Unwrap() {
			out = append(out, List(inner)...)
		}
	}
	return out
}

// sentence is the Dutch template of a code, or the code when unknown.
func sentence(code string) string {
	return sentenceFor(code, nil)
}

// sentenceFor is the Dutch template of a code for these arguments: the
// form for one when the message counts and the count is 1.
func sentenceFor(code string, args map[string]any) string {
	if n, ok := PluralCount(code, args); ok && n == 1 {
		words, _ := dutch()
		return words[code].One
	}
	if s, ok := Sentence(code); ok {
		return s
	}
	return code
}

// Dutch is the Dutch sentence for a code with its arguments filled in.
func Dutch(code string, args map[string]any) string {
	return Render(&Error{Code: code, Args: args}, fill)
}

// fill executes a Dutch template; a template that does not parse is shown as
// it stands rather than lost.
func fill(code, dutch string, args map[string]any) string {
	t, err := template.New(code).Option("missingkey=zero").Parse(dutch)
	if err != nil {
		return dutch
	}
	var b strings.Builder
	if err := t.Execute(&b, args); err != nil {
		return dutch
	}
	return b.String()
}
