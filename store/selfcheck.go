package store

import (
	"database/sql"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"

	"zelfscan/assessment"
	"zelfscan/usermsg"
)

const (
	// MaxNoteRunes caps a note on an answer or a competency.
	MaxNoteRunes = 5000
	// MaxFieldRunes caps profile fields and IDs.
	MaxFieldRunes = 200
	// MaxLevel is a sanity bound only; the framework's scale decides which
	// levels mean something.
	MaxLevel = 10
)

// timeLayout is RFC 3339 with a fixed nine-digit fraction, always UTC, so
// that stored times sort as text in time order (RFC3339Nano trims zeros
// and would not).
const timeLayout = "2006-01-02T15:04:05.000000000Z07:00"

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored time %q: %w", s, err)
	}
	return t, nil
}

// Summary is one self-check in the list of earlier scans.
type Summary struct {
	ID               int64
	Profile          assessment.Profile
	FrameworkVersion string
	Started          time.Time
	Updated          time.Time
	Answered         int
}

func checkText(what usermsg.Term, s string, max int) error {
	if !utf8.ValidString(s) {
		return invalidInput("store.text.notUTF8", map[string]any{"Field": what})
	}
	if n := utf8.RuneCountInString(s); n > max {
		return invalidInput("store.text.tooLong", map[string]any{"Field": what, "Length": n, "Max": max})
	}
	return nil
}

func checkID(what usermsg.Term, id string) error {
	if id == "" {
		return invalidInput("store.text.missing", map[string]any{"Field": what})
	}
	return checkText(what, id, MaxFieldRunes)
}

func (s *Store) writable(op string) error {
	if s.readOnly {
		return &FileError{Path: s.path, Kind: ErrReadOnly, Err: fmt.Errorf("%s refused", op)}
	}
	return nil
}

// CreateSelfCheck starts a new self-check for p, made with the given
// framework version, and returns it with its ID.
func (s *Store) CreateSelfCheck(p assessment.Profile, frameworkVersion string, now time.Time) (*assessment.SelfCheck, error) {
	return s.CreateSelfCheckFrom(nil, nil, p, frameworkVersion, now)
}

// CreateSelfCheckFrom starts a new self-check for p as CreateSelfCheck does
// and, in the same transaction, takes over from's answers on the statements
// req asks, its notes on req's competencies, and its plan's reflection and
// actions (in a new plan with its own UID; the reviews stay with the plan
// they were about). It lets a self-check whose profile the framework no
// longer offers go on under one it does, without answering or planning
// again; from itself stays as it was. A nil from takes nothing.
func (s *Store) CreateSelfCheckFrom(from *assessment.SelfCheck, req []assessment.RequiredCompetency, p assessment.Profile, frameworkVersion string, now time.Time) (*assessment.SelfCheck, error) {
	if err := s.writable("create self-check"); err != nil {
		return nil, err
	}
	for _, c := range []error{
		checkID("store.field.organisation", p.Organisation),
		checkID("store.field.function", p.Function),
		checkText("store.field.name", p.Name, MaxFieldRunes),
		checkText("store.field.team", p.Team, MaxFieldRunes),
		checkID("store.field.frameworkVersion", frameworkVersion),
	} {
		if c != nil {
			return nil, c
		}
	}
	now = now.UTC()
	at := formatTime(now)
	sc := &assessment.SelfCheck{
		Profile:          p,
		FrameworkVersion: frameworkVersion,
		Started:          now,
		Updated:          now,
		Ratings:          map[string]assessment.Rating{},
		Notes:            map[string]string{},
	}
	err := s.inTx("create self-check", func(tx *sql.Tx) error {
		res, err := tx.Exec(`INSERT INTO self_check
			(organisation, function, name, team, framework_version, started, updated, position)
			VALUES (?, ?, ?, ?, ?, ?, ?, 0)`,
			p.Organisation, p.Function, p.Name, p.Team, frameworkVersion, at, at)
		if err != nil {
			return err
		}
		if sc.ID, err = res.LastInsertId(); err != nil || from == nil {
			return err
		}
		if err := copyPlan(tx, from.ID, sc.ID, at); err != nil {
			return err
		}
		for _, rc := range req {
			if note, ok := from.Notes[rc.Competency.ID]; ok {
				if _, err := tx.Exec(`INSERT INTO competency_note (self_check_id, competency_id, note, noted_at)
					VALUES (?, ?, ?, ?)`, sc.ID, rc.Competency.ID, note, at); err != nil {
					return err
				}
				sc.Notes[rc.Competency.ID] = note
			}
			for _, ind := range rc.Indicators {
				r, ok := from.Ratings[ind.ID]
				if !ok {
					continue
				}
				if _, err := tx.Exec(`INSERT INTO answer (self_check_id, indicator_id, level, note, answered_at)
					VALUES (?, ?, ?, ?, ?)`, sc.ID, ind.ID, r.Level, r.Note, formatTime(r.At)); err != nil {
					return err
				}
				sc.Ratings[ind.ID] = r
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return sc, nil
}

// copyPlan gives self-check "to" a new plan with the reflection and
// actions of from's plan, if from has one.
func copyPlan(tx *sql.Tx, from, to int64, at string) error {
	uid, err := newUID()
	if err != nil {
		return err
	}
	res, err := tx.Exec(`INSERT INTO plan (uid, self_check_id, created, updated, reflection)
		SELECT ?, ?, ?, ?, reflection FROM plan WHERE self_check_id = ?`, uid, to, at, at, from)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return err
	}
	planID, err := res.LastInsertId()
	if err != nil {
		return err
	}
	_, err = tx.Exec(`INSERT INTO plan_action (plan_id, id, position, competency_id, item_id, item_title,
			item_provider, own_text, target_date, status, eval_brought, eval_changed, eval_better,
			eval_rating, eval_remark, eval_share)
		SELECT ?, a.id, a.position, a.competency_id, a.item_id, a.item_title,
			a.item_provider, a.own_text, a.target_date, a.status, a.eval_brought, a.eval_changed, a.eval_better,
			a.eval_rating, a.eval_remark, a.eval_share
		FROM plan_action a JOIN plan p ON p.id = a.plan_id WHERE p.self_check_id = ?`, planID, from)
	return err
}

// SaveRating stores r as the answer on indicatorID, replacing an earlier
// one, in a single statement that is durable when it returns. A zero r.At
// is taken as now.
func (s *Store) SaveRating(selfCheckID int64, indicatorID string, r assessment.Rating) error {
	if err := s.writable("save rating"); err != nil {
		return err
	}
	if err := checkID("store.field.indicator", indicatorID); err != nil {
		return err
	}
	if r.Level < 0 || r.Level > MaxLevel {
		return invalidInput("store.rating.badLevel", map[string]any{"Level": r.Level})
	}
	if err := checkText("store.field.note", r.Note, MaxNoteRunes); err != nil {
		return err
	}
	if r.At.IsZero() {
		r.At = time.Now()
	}
	// Selecting from self_check makes a missing self-check insert nothing,
	// which reads as ErrNotFound without parsing a foreign-key message.
	res, err := s.db.Exec(`INSERT INTO answer (self_check_id, indicator_id, level, note, answered_at)
		SELECT id, ?, ?, ?, ? FROM self_check WHERE id = ?
		ON CONFLICT (self_check_id, indicator_id) DO UPDATE SET
			level = excluded.level, note = excluded.note, answered_at = excluded.answered_at`,
		indicatorID, r.Level, r.Note, formatTime(r.At), selfCheckID)
	if err != nil {
		return classify(s.path, fmt.Errorf("save rating %s of self-check %d: %w", indicatorID, selfCheckID, err))
	}
	return expectRow(res, fmt.Sprintf("save rating %s: self-check %d", indicatorID, selfCheckID))
}

// DeleteRating removes the answer on indicatorID; removing an answer that
// is not there is not an error.
func (s *Store) DeleteRating(selfCheckID int64, indicatorID string) error {
	if err := s.writable("delete rating"); err != nil {
		return err
	}
	if _, err := s.db.Exec(`DELETE FROM answer WHERE self_check_id = ? AND indicator_id = ?`, selfCheckID, indicatorID); err != nil {
		return classify(s.path, fmt.Errorf("delete rating %s of self-check %d: %w", indicatorID, selfCheckID, err))
	}
	return nil
}

// SaveNote stores the reflection on a competency; an empty note deletes it.
func (s *Store) SaveNote(selfCheckID int64, competencyID, note string, now time.Time) error {
	if err := s.writable("save note"); err != nil {
		return err
	}
	if err := checkID("store.field.competency", competencyID); err != nil {
		return err
	}
	if note == "" {
		if _, err := s.db.Exec(`DELETE FROM competency_note WHERE self_check_id = ? AND competency_id = ?`, selfCheckID, competencyID); err != nil {
			return classify(s.path, fmt.Errorf("delete note %s of self-check %d: %w", competencyID, selfCheckID, err))
		}
		return nil
	}
	if err := checkText("store.field.competencyNote", note, MaxNoteRunes); err != nil {
		return err
	}
	res, err := s.db.Exec(`INSERT INTO competency_note (self_check_id, competency_id, note, noted_at)
		SELECT id, ?, ?, ? FROM self_check WHERE id = ?
		ON CONFLICT (self_check_id, competency_id) DO UPDATE SET
			note = excluded.note, noted_at = excluded.noted_at`,
		competencyID, note, formatTime(now), selfCheckID)
	if err != nil {
		return classify(s.path, fmt.Errorf("save note %s of self-check %d: %w", competencyID, selfCheckID, err))
	}
	return expectRow(res, fmt.Sprintf("save note %s: self-check %d", competencyID, selfCheckID))
}

// SavePosition records where in the scan the user is, so it resumes there.
func (s *Store) SavePosition(selfCheckID int64, position int) error {
	if err := s.writable("save position"); err != nil {
		return err
	}
	if position < 0 {
		return invalidInput("store.position.unknown", map[string]any{"Position": position})
	}
	res, err := s.db.Exec(`UPDATE self_check SET position = ? WHERE id = ?`, position, selfCheckID)
	if err != nil {
		return classify(s.path, fmt.Errorf("save position of self-check %d: %w", selfCheckID, err))
	}
	return expectRow(res, fmt.Sprintf("save position: self-check %d", selfCheckID))
}

// DeleteSelfCheck removes a self-check with its answers and notes.
func (s *Store) DeleteSelfCheck(id int64) error {
	if err := s.writable("delete self-check"); err != nil {
		return err
	}
	res, err := s.db.Exec(`DELETE FROM self_check WHERE id = ?`, id)
	if err != nil {
		return classify(s.path, fmt.Errorf("delete self-check %d: %w", id, err))
	}
	return expectRow(res, fmt.Sprintf("delete self-check %d", id))
}

func expectRow(res sql.Result, what string) error {
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if n == 0 {
		return fmt.Errorf("%s: %w", what, ErrNotFound)
	}
	return nil
}

// SelfCheck loads one self-check with all its answers and notes.
func (s *Store) SelfCheck(id int64) (*assessment.SelfCheck, error) {
	// One transaction, so answers and notes come from the same moment.
	tx, err := s.db.Begin()
	if err != nil {
		return nil, classify(s.path, fmt.Errorf("load self-check %d: %w", id, err))
	}
	defer tx.Rollback()

	sc := &assessment.SelfCheck{ID: id, Ratings: map[string]assessment.Rating{}, Notes: map[string]string{}}
	var started, updated string
	err = tx.QueryRow(`SELECT organisation, function, name, team, framework_version, started, updated, position
		FROM self_check WHERE id = ?`, id).Scan(
		&sc.Profile.Organisation, &sc.Profile.Function, &sc.Profile.Name, &sc.Profile.Team,
		&sc.FrameworkVersion, &started, &updated, &sc.Position)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("load self-check %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, classify(s.path, fmt.Errorf("load self-check %d: %w", id, err))
	}
	if sc.Started, err = parseTime(started); err != nil {
		return nil, fmt.Errorf("load self-check %d: %w", id, err)
	}
	if sc.Updated, err = parseTime(updated); err != nil {
		return nil, fmt.Errorf("load self-check %d: %w", id, err)
	}

	rows, err := tx.Query(`SELECT indicator_id, level, note, answered_at FROM answer WHERE self_check_id = ?`, id)
	if err != nil {
		return nil, classify(s.path, fmt.Errorf("load answers of self-check %d: %w", id, err))
	}
	for rows.Next() {
		var ind, at string
		var r assessment.Rating
		if err := rows.Scan(&ind, &r.Level, &r.Note, &at); err != nil {
			rows.Close()
			return nil, fmt.Errorf("load answers of self-check %d: %w", id, err)
		}
		if r.At, err = parseTime(at); err != nil {
			rows.Close()
			return nil, fmt.Errorf("load answers of self-check %d: %w", id, err)
		}
		sc.Ratings[ind] = r
	}
	if err := rows.Err(); err != nil {
		return nil, classify(s.path, fmt.Errorf("load answers of self-check %d: %w", id, err))
	}

	rows, err = tx.Query(`SELECT competency_id, note FROM competency_note WHERE self_check_id = ?`, id)
	if err != nil {
		return nil, classify(s.path, fmt.Errorf("load notes of self-check %d: %w", id, err))
	}
	defer rows.Close()
	for rows.Next() {
		var comp, note string
		if err := rows.Scan(&comp, &note); err != nil {
			return nil, fmt.Errorf("load notes of self-check %d: %w", id, err)
		}
		sc.Notes[comp] = note
	}
	if err := rows.Err(); err != nil {
		return nil, classify(s.path, fmt.Errorf("load notes of self-check %d: %w", id, err))
	}
	return sc, nil
}

// SelfChecks lists all self-checks, newest first.
func (s *Store) SelfChecks() ([]Summary, error) {
	rows, err := s.db.Query(`SELECT s.id, s.organisation, s.function, s.name, s.team, s.framework_version,
			s.started, s.updated, (SELECT count(*) FROM answer a WHERE a.self_check_id = s.id)
		FROM self_check s ORDER BY s.started DESC, s.id DESC`)
	if err != nil {
		return nil, classify(s.path, fmt.Errorf("list self-checks: %w", err))
	}
	defer rows.Close()
	var out []Summary
	for rows.Next() {
		var sum Summary
		var started, updated string
		if err := rows.Scan(&sum.ID, &sum.Profile.Organisation, &sum.Profile.Function, &sum.Profile.Name,
			&sum.Profile.Team, &sum.FrameworkVersion, &started, &updated, &sum.Answered); err != nil {
			return nil, fmt.Errorf("list self-checks: %w", err)
		}
		if sum.Started, err = parseTime(started); err != nil {
			return nil, fmt.Errorf("list self-checks: %w", err)
		}
		if sum.Updated, err = parseTime(updated); err != nil {
			return nil, fmt.Errorf("list self-checks: %w", err)
		}
		out = append(out, sum)
	}
	if err := rows.Err(); err != nil {
		return nil, classify(s.path, fmt.Errorf("list self-checks: %w", err))
	}
	return out, nil
}

// LastProfile is the profile of the newest self-check, to prefill the
// profile screen; false when there is none.
func (s *Store) LastProfile() (assessment.Profile, bool, error) {
	var p assessment.Profile
	err := s.db.QueryRow(`SELECT organisation, function, name, team FROM self_check
		ORDER BY started DESC, id DESC LIMIT 1`).Scan(&p.Organisation, &p.Function, &p.Name, &p.Team)
	if errors.Is(err, sql.ErrNoRows) {
		return assessment.Profile{}, false, nil
	}
	if err != nil {
		return assessment.Profile{}, false, classify(s.path, fmt.Errorf("read last profile: %w", err))
	}
	return p, true, nil
}
