package store

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"time"
)

// ExportFormat names the file type of ExportAll's document.
const ExportFormat = "zelfscan-ggg-alle-gegevens"

// ExportVersion is the version of ExportAll's document layout.
const ExportVersion = 1

// The export mirrors the tables, in readable field names: every table has a
// place here (TestExportCoversEveryTable holds new tables to that). Times
// are as stored: RFC 3339 in UTC.
type exportDoc struct {
	Format        string            `json:"format"`
	Version       int               `json:"version"`
	Exported      time.Time         `json:"exported"`
	SchemaVersion int               `json:"schema_version"`
	PersonID      string            `json:"person_id"`
	SelfChecks    []exportSelfCheck `json:"self_checks"`
	Plans         []exportPlan      `json:"plans"`
	OwnCatalogues []exportCatalogue `json:"own_catalogues"`
}

type exportSelfCheck struct {
	ID               int64        `json:"id"`
	Organisation     string       `json:"organisation"`
	Function         string       `json:"function"`
	Name             string       `json:"name"`
	Team             string       `json:"team"`
	FrameworkVersion string       `json:"framework_version"`
	Started          string       `json:"started"`
	Updated          string       `json:"updated"`
	Position         int          `json:"position"`
	Answers          []exportRow  `json:"answers"`
	CompetencyNotes  []exportNote `json:"competency_notes"`
}

type exportRow struct {
	IndicatorID string `json:"indicator_id"`
	Level       int    `json:"level"`
	Note        string `json:"note"`
	AnsweredAt  string `json:"answered_at"`
}

type exportNote struct {
	CompetencyID string `json:"competency_id"`
	Note         string `json:"note"`
	NotedAt      string `json:"noted_at"`
}

type exportPlan struct {
	ID          int64          `json:"id"`
	UID         string         `json:"uid"`
	SelfCheckID int64          `json:"self_check_id"`
	Created     string         `json:"created"`
	Updated     string         `json:"updated"`
	Reflection  string         `json:"reflection"`
	Actions     []exportAction `json:"actions"`
	Reviews     []exportReview `json:"reviews"`
}

type exportAction struct {
	ID           string `json:"id"`
	Position     int    `json:"position"`
	CompetencyID string `json:"competency_id"`
	ItemID       string `json:"item_id"`
	ItemTitle    string `json:"item_title"`
	ItemProvider string `json:"item_provider"`
	OwnText      string `json:"own_text"`
	TargetDate   string `json:"target_date"`
	Status       string `json:"status"`
	EvalBrought  string `json:"evaluation_brought"`
	EvalChanged  string `json:"evaluation_changed"`
	EvalBetter   string `json:"evaluation_better"`
	EvalRating   int    `json:"evaluation_rating"`
	EvalRemark   string `json:"evaluation_remark"`
	EvalShare    bool   `json:"evaluation_remark_shared"`
}

type exportReview struct {
	UID            string          `json:"uid"`
	OnPlanUpdated  string          `json:"on_plan_updated"`
	Reviewer       string          `json:"reviewer"`
	Date           string          `json:"date"`
	Setting        string          `json:"setting"`
	Overall        string          `json:"overall"`
	GapComments    json.RawMessage `json:"gap_comments"`
	ActionComments json.RawMessage `json:"action_comments"`
	Agreed         json.RawMessage `json:"agreed"`
	SignedOff      bool            `json:"signed_off"`
	ImportedAt     string          `json:"imported_at"`
}

type exportCatalogue struct {
	Origin   string       `json:"origin"`
	FileName string       `json:"source_file_name"`
	LoadedAt string       `json:"loaded_at"`
	Items    []exportItem `json:"items"`
}

type exportItem struct {
	ID            string          `json:"id"`
	Title         string          `json:"title"`
	Provider      string          `json:"provider"`
	Kind          string          `json:"kind"`
	Level         string          `json:"level"`
	Competencies  json.RawMessage `json:"competencies"`
	Organisations json.RawMessage `json:"organisations"`
	URL           string          `json:"url"`
	Register      string          `json:"accreditation_register"`
	Points        float64         `json:"accreditation_points"`
	Description   string          `json:"description"`
	Source        string          `json:"source"`
	Group         bool            `json:"group_activity"`
}

// ExportAll writes everything the store holds as one indented JSON
// document, read in one transaction so it is a consistent picture. It is
// the user's copy of their own data (privacy: right of access).
func (s *Store) ExportAll(w io.Writer) error {
	tx, err := s.db.Begin()
	if err != nil {
		return classify(s.path, fmt.Errorf("export: %w", err))
	}
	defer tx.Rollback()
	doc := exportDoc{Format: ExportFormat, Version: ExportVersion, Exported: time.Now().UTC(),
		SelfChecks: []exportSelfCheck{}, Plans: []exportPlan{}, OwnCatalogues: []exportCatalogue{}}
	if err := tx.QueryRow("PRAGMA user_version").Scan(&doc.SchemaVersion); err != nil {
		return classify(s.path, fmt.Errorf("export: %w", err))
	}
	if err := tx.QueryRow(`SELECT person_id FROM person WHERE id = 1`).Scan(&doc.PersonID); err != nil {
		return classify(s.path, fmt.Errorf("export person ID: %w", err))
	}
	if err := exportSelfChecks(tx, &doc); err != nil {
		return classify(s.path, fmt.Errorf("export self-checks: %w", err))
	}
	if err := exportPlans(tx, &doc); err != nil {
		return classify(s.path, fmt.Errorf("export plans: %w", err))
	}
	if err := exportCatalogues(tx, &doc); err != nil {
		return classify(s.path, fmt.Errorf("export own catalogues: %w", err))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("export: write: %w", err)
	}
	return nil
}

// each runs query and calls scan for every row.
func each(tx *sql.Tx, query string, args []any, scan func(*sql.Rows) error) error {
	rows, err := tx.Query(query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

func exportSelfChecks(tx *sql.Tx, doc *exportDoc) error {
	err := each(tx, `SELECT id, organisation, function, name, team, framework_version, started, updated, position
		FROM self_check ORDER BY id`, nil, func(r *sql.Rows) error {
		sc := exportSelfCheck{Answers: []exportRow{}, CompetencyNotes: []exportNote{}}
		err := r.Scan(&sc.ID, &sc.Organisation, &sc.Function, &sc.Name, &sc.Team, &sc.FrameworkVersion,
			&sc.Started, &sc.Updated, &sc.Position)
		doc.SelfChecks = append(doc.SelfChecks, sc)
		return err
	})
	if err != nil {
		return err
	}
	for i := range doc.SelfChecks {
		sc := &doc.SelfChecks[i]
		if err := each(tx, `SELECT indicator_id, level, note, answered_at FROM answer
			WHERE self_check_id = ? ORDER BY indicator_id`, []any{sc.ID}, func(r *sql.Rows) error {
			var a exportRow
			err := r.Scan(&a.IndicatorID, &a.Level, &a.Note, &a.AnsweredAt)
			sc.Answers = append(sc.Answers, a)
			return err
		}); err != nil {
			return err
		}
		if err := each(tx, `SELECT competency_id, note, noted_at FROM competency_note
			WHERE self_check_id = ? ORDER BY competency_id`, []any{sc.ID}, func(r *sql.Rows) error {
			var n exportNote
			err := r.Scan(&n.CompetencyID, &n.Note, &n.NotedAt)
			sc.CompetencyNotes = append(sc.CompetencyNotes, n)
			return err
		}); err != nil {
			return err
		}
	}
	return nil
}

func exportPlans(tx *sql.Tx, doc *exportDoc) error {
	err := each(tx, `SELECT id, uid, self_check_id, created, updated, reflection FROM plan ORDER BY id`, nil,
		func(r *sql.Rows) error {
			p := exportPlan{Actions: []exportAction{}, Reviews: []exportReview{}}
			err := r.Scan(&p.ID, &p.UID, &p.SelfCheckID, &p.Created, &p.Updated, &p.Reflection)
			doc.Plans = append(doc.Plans, p)
			return err
		})
	if err != nil {
		return err
	}
	for i := range doc.Plans {
		p := &doc.Plans[i]
		if err := each(tx, `SELECT id, position, competency_id, item_id, item_title, item_provider, own_text,
				target_date, status, eval_brought, eval_changed, eval_better, eval_rating, eval_remark, eval_share
			FROM plan_action WHERE plan_id = ? ORDER BY position`, []any{p.ID}, func(r *sql.Rows) error {
			var a exportAction
			err := r.Scan(&a.ID, &a.Position, &a.CompetencyID, &a.ItemID, &a.ItemTitle, &a.ItemProvider,
				&a.OwnText, &a.TargetDate, &a.Status, &a.EvalBrought, &a.EvalChanged, &a.EvalBetter,
				&a.EvalRating, &a.EvalRemark, &a.EvalShare)
			p.Actions = append(p.Actions, a)
			return err
		}); err != nil {
			return err
		}
		if err := each(tx, `SELECT uid, on_plan_updated, reviewer, date, setting, overall,
				gap_comments, action_comments, agreed, signed_off, imported_at
			FROM plan_review WHERE plan_id = ? ORDER BY date, id`, []any{p.ID}, func(r *sql.Rows) error {
			var v exportReview
			var gaps, actions, agreed string
			err := r.Scan(&v.UID, &v.OnPlanUpdated, &v.Reviewer, &v.Date, &v.Setting, &v.Overall,
				&gaps, &actions, &agreed, &v.SignedOff, &v.ImportedAt)
			v.GapComments, v.ActionComments, v.Agreed = json.RawMessage(gaps), json.RawMessage(actions), json.RawMessage(agreed)
			p.Reviews = append(p.Reviews, v)
			return err
		}); err != nil {
			return err
		}
	}
	return nil
}

func exportCatalogues(tx *sql.Tx, doc *exportDoc) error {
	var ids []int64
	err := each(tx, `SELECT id, origin, source_file_name, loaded_at FROM own_catalogue ORDER BY id`, nil,
		func(r *sql.Rows) error {
			var id int64
			c := exportCatalogue{Items: []exportItem{}}
			err := r.Scan(&id, &c.Origin, &c.FileName, &c.LoadedAt)
			doc.OwnCatalogues = append(doc.OwnCatalogues, c)
			ids = append(ids, id)
			return err
		})
	if err != nil {
		return err
	}
	for i := range doc.OwnCatalogues {
		c := &doc.OwnCatalogues[i]
		if err := each(tx, `SELECT id, title, provider, kind, level, competencies, organisations, url,
				accreditation_register, accreditation_points, description, source, group_activity
			FROM own_catalogue_item WHERE catalogue_id = ? ORDER BY position`, []any{ids[i]}, func(r *sql.Rows) error {
			var it exportItem
			var comps, orgs string
			err := r.Scan(&it.ID, &it.Title, &it.Provider, &it.Kind, &it.Level, &comps, &orgs, &it.URL,
				&it.Register, &it.Points, &it.Description, &it.Source, &it.Group)
			it.Competencies, it.Organisations = json.RawMessage(comps), json.RawMessage(orgs)
			c.Items = append(c.Items, it)
			return err
		}); err != nil {
			return err
		}
	}
	return nil
}
