package store

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"zelfscan/plans"
	"zelfscan/usermsg"
)

// MaxTitleRunes caps the copied title and provider of a catalogue item.
const MaxTitleRunes = 1000

// ItemSnapshot is the title and provider of the catalogue item an action
// uses, as they were when the action was saved.
type ItemSnapshot struct {
	Title    string
	Provider string
}

// newUID is a random 128-bit identifier in hex, for plans and reviews that
// must be recognised on other computers.
func newUID() (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("make identifier: %w", err)
	}
	return hex.EncodeToString(b[:]), nil
}

// invalid is refused input with the problems a plans Validate func found,
// one line each under a lead sentence.
func invalid(lead string, err error) error {
	return invalidInput(lead, map[string]any{"Problems": usermsg.List(err)})
}

// inTx runs fn in one write transaction: all of it is saved, or nothing.
func (s *Store) inTx(what string, fn func(tx *sql.Tx) error) (err error) {
	tx, err := s.db.Begin()
	if err != nil {
		return classify(s.path, fmt.Errorf("%s: begin: %w", what, err))
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	if err := fn(tx); err != nil {
		if errors.Is(err, ErrInvalid) || errors.Is(err, ErrNotFound) {
			return err
		}
		return classify(s.path, fmt.Errorf("%s: %w", what, err))
	}
	if err := tx.Commit(); err != nil {
		return classify(s.path, fmt.Errorf("%s: commit: %w", what, err))
	}
	return nil
}

// PlanFor returns the plan of a self-check, creating an empty one with a
// fresh UID when there is none yet.
func (s *Store) PlanFor(selfCheckID int64, now time.Time) (*plans.Plan, error) {
	if p, ok, err := s.PlanBySelfCheck(selfCheckID); err != nil || ok {
		return p, err
	}
	if err := s.writable("create plan"); err != nil {
		return nil, err
	}
	uid, err := newUID()
	if err != nil {
		return nil, err
	}
	at := formatTime(now)
	// INSERT ... SELECT inserts nothing for a missing self-check (read as
	// ErrNotFound); DO NOTHING keeps a plan another call created meanwhile.
	_, err = s.db.Exec(`INSERT INTO plan (uid, self_check_id, created, updated)
		SELECT ?, id, ?, ? FROM self_check WHERE id = ?
		ON CONFLICT (self_check_id) DO NOTHING`, uid, at, at, selfCheckID)
	if err != nil {
		return nil, classify(s.path, fmt.Errorf("create plan for self-check %d: %w", selfCheckID, err))
	}
	p, ok, err := s.PlanBySelfCheck(selfCheckID)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("create plan: self-check %d: %w", selfCheckID, ErrNotFound)
	}
	return p, nil
}

// Plan loads the plan with the given ID, with its actions in order and its
// reviews.
func (s *Store) Plan(id int64) (*plans.Plan, error) {
	p, ok, err := s.loadPlan("id", id)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("load plan %d: %w", id, ErrNotFound)
	}
	return p, nil
}

// PlanBySelfCheck loads the plan of a self-check; false when it has none.
func (s *Store) PlanBySelfCheck(selfCheckID int64) (*plans.Plan, bool, error) {
	return s.loadPlan("self_check_id", selfCheckID)
}

// PlanByUID loads the plan with the given UID; false when there is none,
// e.g. for a review of a plan made on another computer.
func (s *Store) PlanByUID(uid string) (*plans.Plan, bool, error) {
	return s.loadPlan("uid", uid)
}

// ItemSnapshots returns, per action ID, the copied title and provider of the
// catalogue item the action uses. Actions without an item are left out.
func (s *Store) ItemSnapshots(planID int64) (map[string]ItemSnapshot, error) {
	rows, err := s.db.Query(`SELECT id, item_title, item_provider FROM plan_action
		WHERE plan_id = ? AND item_id <> ''`, planID)
	if err != nil {
		return nil, classify(s.path, fmt.Errorf("load item titles of plan %d: %w", planID, err))
	}
	defer rows.Close()
	out := map[string]ItemSnapshot{}
	for rows.Next() {
		var id string
		var snap ItemSnapshot
		if err := rows.Scan(&id, &snap.Title, &snap.Provider); err != nil {
			return nil, fmt.Errorf("load item titles of plan %d: %w", planID, err)
		}
		out[id] = snap
	}
	if err := rows.Err(); err != nil {
		return nil, classify(s.path, fmt.Errorf("load item titles of plan %d: %w", planID, err))
	}
	return out, nil
}

// loadPlan reads one plan in one transaction, so actions and reviews come
// from the same moment. column is a constant of the callers above.
func (s *Store) loadPlan(column string, key any) (*plans.Plan, bool, error) {
	tx, err := s.db.Begin()
	if err != nil {
		return nil, false, classify(s.path, fmt.Errorf("load plan: %w", err))
	}
	defer tx.Rollback()
	p, err := readPlan(tx, column, key)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, classify(s.path, fmt.Errorf("load plan (%s %v): %w", column, key, err))
	}
	if p.Reviews, err = readReviews(tx, p.ID); err != nil {
		return nil, false, classify(s.path, fmt.Errorf("load plan %d: %w", p.ID, err))
	}
	return p, true, nil
}

type querier interface {
	QueryRow(query string, args ...any) *sql.Row
	Query(query string, args ...any) (*sql.Rows, error)
}

// readPlan reads a plan and its actions (not its reviews); sql.ErrNoRows
// when there is no such plan.
func readPlan(q querier, column string, key any) (*plans.Plan, error) {
	p := &plans.Plan{}
	var created, updated string
	err := q.QueryRow(`SELECT id, uid, self_check_id, created, updated, reflection FROM plan WHERE `+column+` = ?`, key).
		Scan(&p.ID, &p.UID, &p.SelfCheckID, &created, &updated, &p.Reflection)
	if err != nil {
		return nil, err
	}
	if p.Created, err = parseTime(created); err != nil {
		return nil, err
	}
	if p.Updated, err = parseTime(updated); err != nil {
		return nil, err
	}
	rows, err := q.Query(`SELECT id, competency_id, item_id, own_text, target_date, status,
			eval_brought, eval_changed, eval_better, eval_rating, eval_remark, eval_share
		FROM plan_action WHERE plan_id = ? ORDER BY position`, p.ID)
	if err != nil {
		return nil, fmt.Errorf("actions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var a plans.Action
		var target string
		if err := rows.Scan(&a.ID, &a.CompetencyID, &a.ItemID, &a.OwnText, &target, &a.Status,
			&a.Evaluation.Brought, &a.Evaluation.Changed, &a.Evaluation.Better,
			&a.Evaluation.Rating, &a.Evaluation.Remark, &a.Evaluation.ShareRemark); err != nil {
			return nil, fmt.Errorf("actions: %w", err)
		}
		if target != "" {
			if a.TargetDate, err = parseTime(target); err != nil {
				return nil, fmt.Errorf("action %s: %w", a.ID, err)
			}
		}
		p.Actions = append(p.Actions, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("actions: %w", err)
	}
	return p, nil
}

func readReviews(q querier, planID int64) ([]plans.Review, error) {
	rows, err := q.Query(`SELECT uid, on_plan_updated, reviewer, date, setting, overall,
			gap_comments, action_comments, agreed, signed_off
		FROM plan_review WHERE plan_id = ? ORDER BY date, id`, planID)
	if err != nil {
		return nil, fmt.Errorf("reviews: %w", err)
	}
	defer rows.Close()
	var out []plans.Review
	for rows.Next() {
		var r plans.Review
		var onUpdated, date, gaps, actions, agreed string
		if err := rows.Scan(&r.UID, &onUpdated, &r.Reviewer, &date, &r.Setting, &r.Overall,
			&gaps, &actions, &agreed, &r.SignedOff); err != nil {
			return nil, fmt.Errorf("reviews: %w", err)
		}
		if r.OnPlanUpdated, err = parseTime(onUpdated); err != nil {
			return nil, fmt.Errorf("review %s: %w", r.UID, err)
		}
		if r.Date, err = parseTime(date); err != nil {
			return nil, fmt.Errorf("review %s: %w", r.UID, err)
		}
		for _, m := range []struct {
			text string
			into any
		}{{gaps, &r.GapComments}, {actions, &r.ActionComments}, {agreed, &r.Agreed}} {
			if err := json.Unmarshal([]byte(m.text), m.into); err != nil {
				return nil, fmt.Errorf("review %s: %w", r.UID, err)
			}
		}
		// Empty maps read back as nil, the same as a review that had none.
		if len(r.GapComments) == 0 {
			r.GapComments = nil
		}
		if len(r.ActionComments) == 0 {
			r.ActionComments = nil
		}
		if len(r.Agreed) == 0 {
			r.Agreed = nil
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reviews: %w", err)
	}
	return out, nil
}

// touchPlan sets the plan's Updated to now, or just after the previous
// value when the clock says otherwise, so every change moves it forward and
// a review made on an earlier version is always recognised as such.
func touchPlan(tx *sql.Tx, planID int64, now time.Time) error {
	var updated string
	err := tx.QueryRow(`SELECT updated FROM plan WHERE id = ?`, planID).Scan(&updated)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("plan %d: %w", planID, ErrNotFound)
	}
	if err != nil {
		return err
	}
	prev, err := parseTime(updated)
	if err != nil {
		return err
	}
	if !now.After(prev) {
		now = prev.Add(time.Nanosecond)
	}
	_, err = tx.Exec(`UPDATE plan SET updated = ? WHERE id = ?`, formatTime(now), planID)
	return err
}

// checkTexts refuses text that is not valid UTF-8; the plans Validate
// funcs check lengths and content.
func checkTexts(what usermsg.Term, texts ...string) error {
	for _, t := range texts {
		if !utf8.ValidString(t) {
			return invalidInput("store.text.notUTF8", map[string]any{"Field": what})
		}
	}
	return nil
}

// SaveAction adds the action to the plan or, when the plan has an action
// with its ID, replaces that one in place. itemTitle and itemProvider copy
// the chosen catalogue item (required with an ItemID) so the action keeps
// its title if the item's catalogue goes away.
func (s *Store) SaveAction(planID int64, a plans.Action, itemTitle, itemProvider string, now time.Time) error {
	if err := s.writable("save action"); err != nil {
		return err
	}
	if err := a.Validate(); err != nil {
		return invalid("store.action.notSaved", err)
	}
	if err := checkTexts("store.field.action", a.ID, a.CompetencyID, a.ItemID, a.OwnText, itemTitle, itemProvider,
		a.Evaluation.Brought, a.Evaluation.Changed, a.Evaluation.Better, a.Evaluation.Remark); err != nil {
		return err
	}
	for _, c := range []error{
		checkText("store.field.actionID", a.ID, MaxFieldRunes),
		checkText("store.field.competency", a.CompetencyID, MaxFieldRunes),
		checkText("store.field.itemID", a.ItemID, MaxFieldRunes),
		checkText("store.field.itemTitle", itemTitle, MaxTitleRunes),
		checkText("store.field.provider", itemProvider, MaxTitleRunes),
	} {
		if c != nil {
			return c
		}
	}
	if a.ItemID != "" && strings.TrimSpace(itemTitle) == "" {
		return invalidInput("store.item.noTitle", nil)
	}
	if a.ItemID == "" {
		itemTitle, itemProvider = "", ""
	}
	target := ""
	if !a.TargetDate.IsZero() {
		target = formatTime(a.TargetDate)
	}
	return s.inTx(fmt.Sprintf("save action %s of plan %d", a.ID, planID), func(tx *sql.Tx) error {
		if err := touchPlan(tx, planID, now); err != nil {
			return err
		}
		// A new action goes last; a replaced one keeps its position.
		_, err := tx.Exec(`INSERT INTO plan_action (plan_id, id, position, competency_id, item_id,
				item_title, item_provider, own_text, target_date, status, eval_brought, eval_changed, eval_better,
				eval_rating, eval_remark, eval_share)
			VALUES (?1, ?2, (SELECT coalesce(max(position), -1) + 1 FROM plan_action WHERE plan_id = ?1),
				?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
			ON CONFLICT (plan_id, id) DO UPDATE SET competency_id = excluded.competency_id,
				item_id = excluded.item_id, item_title = excluded.item_title, item_provider = excluded.item_provider,
				own_text = excluded.own_text, target_date = excluded.target_date, status = excluded.status,
				eval_brought = excluded.eval_brought, eval_changed = excluded.eval_changed,
				eval_better = excluded.eval_better, eval_rating = excluded.eval_rating,
				eval_remark = excluded.eval_remark, eval_share = excluded.eval_share`,
			planID, a.ID, a.CompetencyID, a.ItemID, itemTitle, itemProvider, a.OwnText, target, string(a.Status),
			a.Evaluation.Brought, a.Evaluation.Changed, a.Evaluation.Better,
			a.Evaluation.Rating, a.Evaluation.Remark, a.Evaluation.ShareRemark)
		return err
	})
}

// DeleteAction removes an action from the plan. An action a stored review
// comments on or agreed about is kept: the review refers to it, and the
// plan would no longer pass plans.Plan.Validate. Deleting an action that is
// not there changes nothing.
func (s *Store) DeleteAction(planID int64, actionID string, now time.Time) error {
	if err := s.writable("delete action"); err != nil {
		return err
	}
	return s.inTx(fmt.Sprintf("delete action %s of plan %d", actionID, planID), func(tx *sql.Tx) error {
		var exists bool
		if err := tx.QueryRow(`SELECT EXISTS (SELECT 1 FROM plan WHERE id = ?)`, planID).Scan(&exists); err != nil {
			return err
		}
		if !exists {
			return fmt.Errorf("plan %d: %w", planID, ErrNotFound)
		}
		reviews, err := readReviews(tx, planID)
		if err != nil {
			return err
		}
		for _, r := range reviews {
			_, commented := r.ActionComments[actionID]
			_, agreed := r.Agreed[actionID]
			if commented || agreed {
				return invalidInput("store.action.discussed", map[string]any{"Reviewer": r.Reviewer, "Done": usermsg.Term("plans.status.afgerond")})
			}
		}
		res, err := tx.Exec(`DELETE FROM plan_action WHERE plan_id = ? AND id = ?`, planID, actionID)
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		if err != nil {
			return err
		}
		if n == 0 {
			return nil
		}
		return touchPlan(tx, planID, now)
	})
}

// SaveReflection stores the plan's reflection, replacing the earlier text.
func (s *Store) SaveReflection(planID int64, text string, now time.Time) error {
	if err := s.writable("save reflection"); err != nil {
		return err
	}
	if err := checkTexts("store.field.reflection", text); err != nil {
		return err
	}
	check := plans.Plan{Reflection: text}
	if err := check.Validate(nil, nil); err != nil {
		return invalid("store.reflection.notSaved", err)
	}
	return s.inTx(fmt.Sprintf("save reflection of plan %d", planID), func(tx *sql.Tx) error {
		if err := touchPlan(tx, planID, now); err != nil {
			return err
		}
		_, err := tx.Exec(`UPDATE plan SET reflection = ? WHERE id = ?`, text, planID)
		return err
	})
}

// reviewColumns checks a review's texts and gives its comment and agreement
// maps as the JSON the plan_review table holds.
func reviewColumns(r plans.Review) ([]string, error) {
	texts := []string{r.UID, r.Reviewer, string(r.Setting), r.Overall}
	for _, m := range []map[string]string{r.GapComments, r.ActionComments} {
		for k, v := range m {
			texts = append(texts, k, v)
		}
	}
	for k := range r.Agreed {
		texts = append(texts, k)
	}
	if err := checkTexts("store.field.review", texts...); err != nil {
		return nil, err
	}
	if err := checkText("store.field.reviewID", r.UID, MaxFieldRunes); err != nil {
		return nil, err
	}
	maps := make([]string, 3)
	for i, m := range []any{r.GapComments, r.ActionComments, r.Agreed} {
		b, err := json.Marshal(m)
		if err != nil {
			return nil, fmt.Errorf("add review: %w", err)
		}
		if string(b) == "null" {
			b = []byte("{}")
		}
		maps[i] = string(b)
	}
	return maps, nil
}

// AddReview stores a review of the plan, checked against the plan's
// actions. A review whose UID the plan already has is not stored again
// (added is false), so importing the same file twice is harmless. A review
// without UID (entered on this computer) gets a fresh one, and one without
// OnPlanUpdated is taken as a review of the plan as it is now.
//
// The plan's Updated stays as it is: a review is about the plan, not a
// change to it, and moving Updated would make the review look outdated.
func (s *Store) AddReview(planID int64, r plans.Review, now time.Time) (added bool, err error) {
	if err := s.writable("add review"); err != nil {
		return false, err
	}
	if r.UID == "" {
		if r.UID, err = newUID(); err != nil {
			return false, err
		}
	}
	maps, err := reviewColumns(r)
	if err != nil {
		return false, err
	}
	err = s.inTx(fmt.Sprintf("add review %s to plan %d", r.UID, planID), func(tx *sql.Tx) error {
		var known bool
		if err := tx.QueryRow(`SELECT EXISTS (SELECT 1 FROM plan_review WHERE plan_id = ? AND uid = ?)`,
			planID, r.UID).Scan(&known); err != nil {
			return err
		}
		if known {
			return nil
		}
		p, err := readPlan(tx, "id", planID)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("plan %d: %w", planID, ErrNotFound)
		}
		if err != nil {
			return err
		}
		if err := r.Validate(p); err != nil {
			return invalid("store.review.notSaved", err)
		}
		onUpdated := r.OnPlanUpdated
		if onUpdated.IsZero() {
			onUpdated = p.Updated
		}
		signed := 0
		if r.SignedOff {
			signed = 1
		}
		if _, err := tx.Exec(`INSERT INTO plan_review (plan_id, uid, on_plan_updated, reviewer, date, setting,
				overall, gap_comments, action_comments, agreed, signed_off, imported_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			planID, r.UID, formatTime(onUpdated), r.Reviewer, formatTime(r.Date), string(r.Setting),
			r.Overall, maps[0], maps[1], maps[2], signed, formatTime(now)); err != nil {
			return err
		}
		added = true
		return nil
	})
	if err != nil {
		return false, err
	}
	return added, nil
}

// Reviews returns the plan's reviews, oldest first.
func (s *Store) Reviews(planID int64) ([]plans.Review, error) {
	out, err := readReviews(s.db, planID)
	if err != nil {
		return nil, classify(s.path, fmt.Errorf("load reviews of plan %d: %w", planID, err))
	}
	return out, nil
}
