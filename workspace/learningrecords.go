package workspace

import (
	"context"
	"io"

	"zelfscan/learningrecords/lrs"
	"zelfscan/learningrecords/xapi"
	"zelfscan/plans/planfile"
	"zelfscan/usermsg"
)

// XAPIStatement is one learning record as the records screen shows and
// sends it; named here so the GUI need not import xapi.
type XAPIStatement = xapi.Statement

// LRSOutcome is what the LRS did with one statement; named here so the GUI
// need not import lrs.
type LRSOutcome = lrs.Outcome

// RecordsProblem says why no learning records can be made with the
// organisation's settings (which setting is missing or unusable); nil when
// they can.
func (w *Workspace) RecordsProblem() error {
	_, err := w.recordsConfig(false)
	return err
}

// recordsConfig is the organisation's learning-record settings, or why no
// records can be made with them. The name goes along only when the
// organisation asks for it and withName says the user agreed.
func (w *Workspace) recordsConfig(withName bool) (xapi.Config, error) {
	l := w.settings.LearningRecords
	if l.KeyUnset != "" {
		return xapi.Config{}, usermsg.New("xapi.keyUnset", map[string]any{"Var": l.KeyUnset})
	}
	c := xapi.Config{BaseIRI: l.BaseIRI, HomePage: l.AccountHomePage, Key: l.PseudonymKey, WithName: withName && l.SendName}
	return c, c.Check()
}

// Records are the xAPI statements of a plan file, made with the
// organisation's learning-record settings.
func (w *Workspace) Records(f *planfile.File, withName bool) ([]XAPIStatement, error) {
	cfg, err := w.recordsConfig(withName)
	if err != nil {
		return nil, err
	}
	return xapi.Statements(f, cfg)
}

// EncodeRecords writes statements as the JSON that is saved and sent, so
// the screen can show exactly that.
func EncodeRecords(out io.Writer, statements []XAPIStatement) error {
	return xapi.Encode(out, statements)
}

// SaveRecords writes statements to path as JSON, whole or not at all: on
// failure no empty file is left behind.
func SaveRecords(path string, statements []XAPIStatement) error {
	return WriteFile(path, func(out io.Writer) error { return EncodeRecords(out, statements) })
}

// SendRecords sends statements to the organisation's LRS, one by one,
// calling step with the number done after each; ctx stops it (the user
// cancelling) and lrs.Send bounds the total time. Every statement gets an
// outcome; err is set whenever not all were accepted.
func (w *Workspace) SendRecords(ctx context.Context, statements []XAPIStatement, step func(done int)) ([]LRSOutcome, error) {
	l := w.settings.LearningRecords
	ep := lrs.Endpoint{URL: l.LRS, User: l.LRSUser, Password: l.LRSPassword}
	return lrs.Send(ctx, ep, statements, step)
}
