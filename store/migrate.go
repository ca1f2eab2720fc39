package store

import (
	"fmt"
	"os"
	"time"
)

// migration is one schema step. Schema version N is the state after
// migrations[N-1]; the version is kept in PRAGMA user_version.
//
// To change the schema, append a migration to the slice below and never edit
// or reorder one that has shipped: files in the field are at its version.
// A step runs in one transaction together with the user_version update, so it
// either happens whole or not at all. Before the first pending step on an
// existing database, Open copies the file beside itself (VACUUM INTO).
// Add a test that opens a file at the previous version and checks the data
// came through.
type migration struct {
	name string
	sql  string
}

var migrations = []migration{
	{name: "self-checks, answers and competency notes", sql: `
CREATE TABLE self_check (
	id                INTEGER PRIMARY KEY,
	organisation      TEXT NOT NULL,
	function          TEXT NOT NULL,
	name              TEXT NOT NULL DEFAULT '',
	team              TEXT NOT NULL DEFAULT '',
	framework_version TEXT NOT NULL,
	started           TEXT NOT NULL,
	updated           TEXT NOT NULL,
	position          INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0)
);
CREATE INDEX self_check_started ON self_check(started);

CREATE TABLE answer (
	self_check_id INTEGER NOT NULL REFERENCES self_check(id) ON DELETE CASCADE,
	indicator_id  TEXT NOT NULL,
	level         INTEGER NOT NULL CHECK (level >= 0),
	note          TEXT NOT NULL DEFAULT '',
	answered_at   TEXT NOT NULL,
	PRIMARY KEY (self_check_id, indicator_id)
) WITHOUT ROWID;

CREATE TABLE competency_note (
	self_check_id INTEGER NOT NULL REFERENCES self_check(id) ON DELETE CASCADE,
	competency_id TEXT NOT NULL,
	note          TEXT NOT NULL,
	noted_at      TEXT NOT NULL,
	PRIMARY KEY (self_check_id, competency_id)
) WITHOUT ROWID;

-- Keep self_check.updated at the latest edit, so saving an answer stays one
-- statement. Times are fixed-width UTC text, so comparing them as text
-- compares them as times.
CREATE TRIGGER answer_inserted AFTER INSERT ON answer BEGIN
	UPDATE self_check SET updated = NEW.answered_at
	WHERE id = NEW.self_check_id AND updated < NEW.answered_at;
END;
CREATE TRIGGER answer_updated AFTER UPDATE ON answer BEGIN
	UPDATE self_check SET updated = NEW.answered_at
	WHERE id = NEW.self_check_id AND updated < NEW.answered_at;
END;
CREATE TRIGGER note_inserted AFTER INSERT ON competency_note BEGIN
	UPDATE self_check SET updated = NEW.noted_at
	WHERE id = NEW.self_check_id AND updated < NEW.noted_at;
END;
CREATE TRIGGER note_updated AFTER UPDATE ON competency_note BEGIN
	UPDATE self_check SET updated = NEW.noted_at
	WHERE id = NEW.self_check_id AND updated < NEW.noted_at;
END;
`},
	{name: "plans, actions, reviews and own catalogues", sql: `
CREATE TABLE plan (
	id            INTEGER PRIMARY KEY,
	uid           TEXT NOT NULL UNIQUE,
	-- One plan per self-check; deleting the self-check deletes its plan.
	self_check_id INTEGER NOT NULL UNIQUE REFERENCES self_check(id) ON DELETE CASCADE,
	created       TEXT NOT NULL,
	updated       TEXT NOT NULL,
	reflection    TEXT NOT NULL DEFAULT ''
);

-- item_title and item_provider copy the chosen item, so the action still
-- reads whole after its own catalogue is removed. target_date '' is none.
CREATE TABLE plan_action (
	plan_id       INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
	id            TEXT NOT NULL,
	position      INTEGER NOT NULL,
	competency_id TEXT NOT NULL,
	item_id       TEXT NOT NULL DEFAULT '',
	item_title    TEXT NOT NULL DEFAULT '',
	item_provider TEXT NOT NULL DEFAULT '',
	own_text      TEXT NOT NULL DEFAULT '',
	target_date   TEXT NOT NULL DEFAULT '',
	status        TEXT NOT NULL,
	eval_brought  TEXT NOT NULL DEFAULT '',
	eval_changed  TEXT NOT NULL DEFAULT '',
	eval_better   TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (plan_id, id)
);

-- A review is a document that arrives whole and is never edited per
-- comment, so its three per-key maps are JSON objects in the row: one
-- insert imports it, and a comment on an action deleted later stays part of
-- the review as written.
CREATE TABLE plan_review (
	id              INTEGER PRIMARY KEY,
	plan_id         INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
	uid             TEXT NOT NULL,
	on_plan_updated TEXT NOT NULL,
	reviewer        TEXT NOT NULL,
	date            TEXT NOT NULL,
	setting         TEXT NOT NULL,
	overall         TEXT NOT NULL DEFAULT '',
	gap_comments    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(gap_comments)),
	action_comments TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(action_comments)),
	agreed          TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(agreed)),
	signed_off      INTEGER NOT NULL DEFAULT 0 CHECK (signed_off IN (0, 1)),
	imported_at     TEXT NOT NULL,
	UNIQUE (plan_id, uid)
);

CREATE TABLE own_catalogue (
	id               INTEGER PRIMARY KEY,
	origin           TEXT NOT NULL UNIQUE,
	source_file_name TEXT NOT NULL,
	loaded_at        TEXT NOT NULL
);

-- The parsed items, so the app need not parse the file again; lists are
-- JSON arrays of IDs.
CREATE TABLE own_catalogue_item (
	catalogue_id           INTEGER NOT NULL REFERENCES own_catalogue(id) ON DELETE CASCADE,
	position               INTEGER NOT NULL,
	id                     TEXT NOT NULL,
	title                  TEXT NOT NULL,
	provider               TEXT NOT NULL DEFAULT '',
	kind                   TEXT NOT NULL,
	level                  TEXT NOT NULL,
	competencies           TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(competencies)),
	organisations          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(organisations)),
	url                    TEXT NOT NULL DEFAULT '',
	accreditation_register TEXT NOT NULL DEFAULT '',
	accreditation_points   REAL NOT NULL DEFAULT 0,
	description            TEXT NOT NULL DEFAULT '',
	source                 TEXT NOT NULL DEFAULT '',
	group_activity         INTEGER NOT NULL DEFAULT 0 CHECK (group_activity IN (0, 1)),
	PRIMARY KEY (catalogue_id, id)
);
`},
	{name: "evaluation rating and improvement point", sql: `
-- How useful a finished action was (1 to 5, 0 not rated), and an
-- improvement point the person may choose to share, without name or date,
-- with the training coordinator.
ALTER TABLE plan_action ADD COLUMN eval_rating INTEGER NOT NULL DEFAULT 0 CHECK (eval_rating BETWEEN 0 AND 5);
ALTER TABLE plan_action ADD COLUMN eval_remark TEXT NOT NULL DEFAULT '';
ALTER TABLE plan_action ADD COLUMN eval_share INTEGER NOT NULL DEFAULT 0 CHECK (eval_share IN (0, 1));
`},
	{name: "person ID", sql: `
-- The person ID of this data folder: 128 random bits made once (SQLite's
-- randomblob, seeded from the operating system's randomness), carried in
-- plan files so the organisation overview counts a person once. Nothing
-- about the person goes into it.
CREATE TABLE person (
	id        INTEGER PRIMARY KEY CHECK (id = 1),
	person_id TEXT NOT NULL CHECK (length(person_id) = 32 AND person_id NOT GLOB '*[^0-9a-f]*')
);
INSERT INTO person (id, person_id) VALUES (1, lower(hex(randomblob(16))));
`},
}

// migrate brings the database from version to len(steps).
func (s *Store) migrate(steps []migration, version int) error {
	if version >= len(steps) {
		return nil
	}
	var objects int
	if err := s.db.QueryRow("SELECT count(*) FROM sqlite_schema").Scan(&objects); err != nil {
		return fmt.Errorf("inspect %s: %w", s.path, err)
	}
	if objects > 0 {
		backup, err := s.backupBeside(version)
		if err != nil {
			return err
		}
		s.backup = backup
	}
	for v := version + 1; v <= len(steps); v++ {
		if err := s.step(v, steps[v-1]); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) step(v int, m migration) (err error) {
	tx, err := s.db.Begin()
	if err != nil {
		return fmt.Errorf("migration %d (%s): begin: %w", v, m.name, err)
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	// Re-read inside the write transaction: the step must start from v-1.
	var have int
	if err := tx.QueryRow("PRAGMA user_version").Scan(&have); err != nil {
		return fmt.Errorf("migration %d (%s): read version: %w", v, m.name, err)
	}
	if have != v-1 {
		return fmt.Errorf("migration %d (%s): database is at version %d", v, m.name, have)
	}
	if _, err := tx.Exec(m.sql); err != nil {
		return fmt.Errorf("migration %d (%s): %w", v, m.name, err)
	}
	// PRAGMA takes no bound parameters; v is an int we computed.
	if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", v)); err != nil {
		return fmt.Errorf("migration %d (%s): set version: %w", v, m.name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migration %d (%s): commit: %w", v, m.name, err)
	}
	return nil
}

// backupBeside copies the database to zelfscan.db.bak-v<version>-<UTC time>
// with VACUUM INTO, which reads through SQLite's own locks (copying the file
// with os would drop them). The empty target is created 0600 first, since
// VACUUM INTO would create it per umask.
func (s *Store) backupBeside(version int) (string, error) {
	path := fmt.Sprintf("%s.bak-v%d-%s", s.path, version, time.Now().UTC().Format("20060102T150405.000Z"))
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return "", fmt.Errorf("create backup before migration: %w", err)
	}
	if err := f.Close(); err != nil {
		return "", fmt.Errorf("create backup before migration: %w", err)
	}
	if _, err := s.db.Exec("VACUUM INTO ?", path); err != nil {
		os.Remove(path)
		return "", fmt.Errorf("back up %s to %s: %w", s.path, path, err)
	}
	return path, nil
}
