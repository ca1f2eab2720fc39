package store

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"zelfscan/plans"
)

// OwnCatalogue is an organisation's own catalogue as it was imported.
type OwnCatalogue struct {
	// Origin names the catalogue (plans.Item.Origin of its items); a new
	// import with the same origin replaces it.
	Origin   string
	FileName string
	LoadedAt time.Time
	Items    []plans.Item
}

// checkOwnItems is the store's own guard on items that plans.ParseOwnCatalogue
// produced: it checks what the table needs, not the framework.
func checkOwnItems(items []plans.Item) error {
	if len(items) == 0 {
		return invalidInput("store.catalogue.empty", nil)
	}
	if len(items) > plans.MaxOwnItems {
		return invalidInput("store.catalogue.tooMany", map[string]any{"Count": len(items), "Max": plans.MaxOwnItems})
	}
	seen := make(map[string]bool, len(items))
	for i := range items {
		it := &items[i]
		at := map[string]any{"N": i + 1, "ID": it.ID, "Title": it.Title}
		switch {
		case !strings.HasPrefix(it.ID, plans.OwnIDPrefix):
			return invalidInput("store.catalogue.badID", at)
		case seen[it.ID]:
			return invalidInput("store.catalogue.duplicateID", at)
		case strings.TrimSpace(it.Title) == "":
			return invalidInput("store.catalogue.noTitle", at)
		case !it.Kind.Valid() || !it.Level.Valid():
			return invalidInput("store.catalogue.badKindOrLevel", at)
		case len(it.Providers) > 0:
			return invalidInput("store.catalogue.builtinProviders", at)
		}
		seen[it.ID] = true
		texts := append([]string{it.ID, it.Title, it.Provider, it.URL, it.Accreditation.Register, it.Description, it.Source},
			append(it.Competencies, it.Organisations...)...)
		for _, t := range texts {
			if !utf8.ValidString(t) {
				return invalidInput("store.catalogue.notUTF8", at)
			}
		}
	}
	return nil
}

func jsonList(list []string) (string, error) {
	if len(list) == 0 {
		return "[]", nil
	}
	b, err := json.Marshal(list)
	return string(b), err
}

// SaveOwnCatalogue stores items as the own catalogue called origin, read
// from fileName. A catalogue with the same origin is replaced in the same
// transaction: after a crash there is either the old catalogue or the new
// one, never a mix.
func (s *Store) SaveOwnCatalogue(origin, fileName string, items []plans.Item, now time.Time) error {
	if err := s.writable("save own catalogue"); err != nil {
		return err
	}
	if err := checkID("store.field.catalogueName", origin); err != nil {
		return err
	}
	if err := checkText("store.field.fileName", fileName, MaxFieldRunes); err != nil {
		return err
	}
	if err := checkOwnItems(items); err != nil {
		return err
	}
	return s.inTx(fmt.Sprintf("save own catalogue %s", origin), func(tx *sql.Tx) error {
		// Deleting cascades to the old items.
		if _, err := tx.Exec(`DELETE FROM own_catalogue WHERE origin = ?`, origin); err != nil {
			return err
		}
		res, err := tx.Exec(`INSERT INTO own_catalogue (origin, source_file_name, loaded_at) VALUES (?, ?, ?)`,
			origin, fileName, formatTime(now))
		if err != nil {
			return err
		}
		catID, err := res.LastInsertId()
		if err != nil {
			return err
		}
		stmt, err := tx.Prepare(`INSERT INTO own_catalogue_item (catalogue_id, position, id, title, provider,
				kind, level, competencies, organisations, url, accreditation_register, accreditation_points,
				description, source, group_activity)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for i := range items {
			it := &items[i]
			comps, err := jsonList(it.Competencies)
			if err != nil {
				return err
			}
			orgs, err := jsonList(it.Organisations)
			if err != nil {
				return err
			}
			group := 0
			if it.Group {
				group = 1
			}
			if _, err := stmt.Exec(catID, i, it.ID, it.Title, it.Provider, string(it.Kind), string(it.Level),
				comps, orgs, it.URL, it.Accreditation.Register, it.Accreditation.Points,
				it.Description, it.Source, group); err != nil {
				return fmt.Errorf("item %s: %w", it.ID, err)
			}
		}
		return nil
	})
}

// OwnCatalogues returns every own catalogue, in the order they were first
// imported, each with its items in file order and Origin set.
func (s *Store) OwnCatalogues() ([]OwnCatalogue, error) {
	tx, err := s.db.Begin()
	if err != nil {
		return nil, classify(s.path, fmt.Errorf("load own catalogues: %w", err))
	}
	defer tx.Rollback()
	out, err := readOwnCatalogues(tx)
	if err != nil {
		return nil, classify(s.path, fmt.Errorf("load own catalogues: %w", err))
	}
	return out, nil
}

func readOwnCatalogues(q querier) ([]OwnCatalogue, error) {
	rows, err := q.Query(`SELECT id, origin, source_file_name, loaded_at FROM own_catalogue ORDER BY id`)
	if err != nil {
		return nil, err
	}
	var out []OwnCatalogue
	var ids []int64
	for rows.Next() {
		var c OwnCatalogue
		var id int64
		var loaded string
		if err := rows.Scan(&id, &c.Origin, &c.FileName, &loaded); err != nil {
			rows.Close()
			return nil, err
		}
		if c.LoadedAt, err = parseTime(loaded); err != nil {
			rows.Close()
			return nil, fmt.Errorf("catalogue %s: %w", c.Origin, err)
		}
		out = append(out, c)
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		if out[i].Items, err = readOwnItems(q, ids[i], out[i].Origin); err != nil {
			return nil, fmt.Errorf("catalogue %s: %w", out[i].Origin, err)
		}
	}
	return out, nil
}

func readOwnItems(q querier, catID int64, origin string) ([]plans.Item, error) {
	rows, err := q.Query(`SELECT id, title, provider, kind, level, competencies, organisations, url,
			accreditation_register, accreditation_points, description, source, group_activity
		FROM own_catalogue_item WHERE catalogue_id = ? ORDER BY position`, catID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var items []plans.Item
	for rows.Next() {
		it := plans.Item{Origin: origin}
		var comps, orgs string
		if err := rows.Scan(&it.ID, &it.Title, &it.Provider, &it.Kind, &it.Level, &comps, &orgs, &it.URL,
			&it.Accreditation.Register, &it.Accreditation.Points, &it.Description, &it.Source, &it.Group); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(comps), &it.Competencies); err != nil {
			return nil, fmt.Errorf("item %s: %w", it.ID, err)
		}
		if err := json.Unmarshal([]byte(orgs), &it.Organisations); err != nil {
			return nil, fmt.Errorf("item %s: %w", it.ID, err)
		}
		if len(it.Competencies) == 0 {
			it.Competencies = nil
		}
		if len(it.Organisations) == 0 {
			it.Organisations = nil
		}
		items = append(items, it)
	}
	return items, rows.Err()
}

// DeleteOwnCatalogue removes the own catalogue called origin. Plans that
// use its items keep their copied titles. Removing a catalogue that is not
// there is not an error.
func (s *Store) DeleteOwnCatalogue(origin string) error {
	if err := s.writable("delete own catalogue"); err != nil {
		return err
	}
	if _, err := s.db.Exec(`DELETE FROM own_catalogue WHERE origin = ?`, origin); err != nil {
		return classify(s.path, fmt.Errorf("delete own catalogue %s: %w", origin, err))
	}
	return nil
}
