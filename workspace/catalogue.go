package workspace

import (
	"path/filepath"
	"time"

	"zelfscan/assessment"
	"zelfscan/plans"
)

// OwnCatalogueFile is a catalogue file that was read and passed every
// check, not yet stored.
type OwnCatalogueFile struct {
	// Name is the file's name; Encoding the one a CSV file was read in
	// (plans.CatalogueEncoding), "" for YAML.
	Name, Encoding string
	Items          []plans.Item
}

// ReadOwnCatalogue reads the catalogue file at path and checks it against
// the framework as the window shows it. Its error lists every problem, as
// messages for the user.
func (w *Workspace) ReadOwnCatalogue(path string) (OwnCatalogueFile, error) {
	return readOwnCatalogue(path, w.view)
}

// readOwnCatalogue reads and checks a catalogue file against fw.
func readOwnCatalogue(path string, fw *assessment.Framework) (OwnCatalogueFile, error) {
	name := filepath.Base(path)
	data, err := ReadCapped(path, plans.MaxCatalogueSize)
	if err != nil {
		return OwnCatalogueFile{}, err
	}
	items, err := plans.ParseOwnCatalogue(name, data, fw)
	if err != nil {
		return OwnCatalogueFile{}, err
	}
	return OwnCatalogueFile{Name: name, Encoding: plans.CatalogueEncoding(name, data), Items: items}, nil
}

// SaveOwnCatalogue stores checked items as the own catalogue origin,
// replacing one of that name, and makes the catalogue take them up.
func (w *Workspace) SaveOwnCatalogue(origin, fileName string, items []plans.Item, now time.Time) error {
	if err := w.store.SaveOwnCatalogue(origin, fileName, items, now); err != nil {
		return err
	}
	w.ReloadCatalogue()
	return nil
}

// DeleteOwnCatalogue removes the own catalogue origin from the store and
// the catalogue; actions already chosen from it keep their titles.
func (w *Workspace) DeleteOwnCatalogue(origin string) error {
	if err := w.store.DeleteOwnCatalogue(origin); err != nil {
		return err
	}
	w.ReloadCatalogue()
	return nil
}
