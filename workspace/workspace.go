// Package workspace is what the window and the command line share: the
// framework in use (the built-in one with the organisation's extension),
// the catalogue (built-in plus own), the store and the organisation's
// settings, and the flows built on them. It holds one framework; the UI
// language is a view of it, so switching language changes no data.
package workspace

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"zelfscan/assessment"
	"zelfscan/assets"
	"zelfscan/orgsettings"
	"zelfscan/plans"
	"zelfscan/safefile"
	"zelfscan/store"
	"zelfscan/usermsg"
)

// Store is what the flows need from persistence; store.Store implements it.
type Store interface {
	Path() string
	ReadOnly() bool
	CreateSelfCheck(p assessment.Profile, frameworkVersion string, now time.Time) (*assessment.SelfCheck, error)
	CreateSelfCheckFrom(from *assessment.SelfCheck, req []assessment.RequiredCompetency, p assessment.Profile, frameworkVersion string, now time.Time) (*assessment.SelfCheck, error)
	SaveRating(selfCheckID int64, indicatorID string, r assessment.Rating) error
	DeleteRating(selfCheckID int64, indicatorID string) error
	SaveNote(selfCheckID int64, competencyID, note string, now time.Time) error
	SavePosition(selfCheckID int64, position int) error
	SelfCheck(id int64) (*assessment.SelfCheck, error)
	SelfChecks() ([]store.Summary, error)
	LastProfile() (assessment.Profile, bool, error)
	DeleteSelfCheck(id int64) error
	Close() error
	// PersonID is the data folder's random person ID, for plan files.
	PersonID() (string, error)

	// Learning plans.
	PlanFor(selfCheckID int64, now time.Time) (*plans.Plan, error)
	PlanBySelfCheck(selfCheckID int64) (*plans.Plan, bool, error)
	SaveAction(planID int64, a plans.Action, itemTitle, itemProvider string, now time.Time) error
	DeleteAction(planID int64, actionID string, now time.Time) error
	SaveReflection(planID int64, text string, now time.Time) error
	ItemSnapshots(planID int64) (map[string]store.ItemSnapshot, error)
	AddReview(planID int64, r plans.Review, now time.Time) (added bool, err error)

	// Own catalogues.
	SaveOwnCatalogue(origin, fileName string, items []plans.Item, now time.Time) error
	OwnCatalogues() ([]store.OwnCatalogue, error)
	DeleteOwnCatalogue(origin string) error

	// ExportAll writes the person's copy of all their data.
	ExportAll(w io.Writer) error
}

// Workspace holds the framework, catalogue, store and settings in use.
type Workspace struct {
	// fw is the one framework: the built-in one in Dutch, with the
	// organisation's extension once ApplySettings has put it over it.
	fw      *assessment.Framework
	english *assessment.English
	// language is the UI language ("nl" or "en"); view is fw in it.
	language string
	view     *assessment.Framework
	store    Store
	settings orgsettings.Settings
	// settingsPath is the file the settings came from, "" without one.
	settingsPath string
	// builtin is the catalogue that ships with the app, loaded on first
	// use; cat is builtin plus the own catalogues in the store.
	builtin, cat *plans.Catalogue
	// catErr is why the built-in catalogue could not be loaded.
	catErr error
	// inMemory are own catalogues of a workspace without a store (a
	// command), read from files and kept here instead.
	inMemory []ownCatalogue
}

// ownCatalogue is an own catalogue held in memory.
type ownCatalogue struct {
	origin string
	items  []plans.Item
}

// New makes a workspace on a loaded framework (Dutch), its English words
// (nil without them) and an open store (nil for commands without one).
func New(fw *assessment.Framework, en *assessment.English, st Store) *Workspace {
	w := &Workspace{fw: fw, english: en, store: st, language: "nl"}
	w.view = fw
	return w
}

// SetEnglish gives the workspace the English forms of the framework's own
// words, for the English view.
func (w *Workspace) SetEnglish(en *assessment.English) {
	w.english = en
	w.SetLanguage(w.language)
}

// Framework is the framework in use, in Dutch: plan files, PDFs, reviews
// and overviews are made from it whatever the UI language.
func (w *Workspace) Framework() *assessment.Framework { return w.fw }

// View is the framework in the UI language: the same framework, with the
// English forms of its own words (scale, credit, organisation and profile
// names) when the UI is English.
func (w *Workspace) View() *assessment.Framework { return w.view }

// Language is the UI language the view is in.
func (w *Workspace) Language() string { return w.language }

// SetLanguage makes the view follow the UI language. The catalogue is
// loaded again on first use, since a proposal's reason names levels and
// organisations through the view.
func (w *Workspace) SetLanguage(language string) {
	w.language = language
	w.view = w.fw
	if language == "en" {
		w.view = w.fw.Translated(w.english)
	}
	w.builtin, w.cat, w.catErr = nil, nil, nil
}

// Store is the store of the self-checks and plans; nil for commands that
// only read files.
func (w *Workspace) Store() Store { return w.store }

// RescanMonths is how long after a self-check the next one is due: the
// organisation's setting, or six months.
func (w *Workspace) RescanMonths() int {
	if n := w.settings.RescanMonths; n > 0 {
		return n
	}
	return plans.DefaultRescanMonths
}

// Settings are the organisation's settings in use, and the file they came
// from ("" without one).
func (w *Workspace) Settings() (orgsettings.Settings, string) { return w.settings, w.settingsPath }

// SetLearningRecords replaces the learning-record settings (tests, and a
// future settings screen); everything else stays.
func (w *Workspace) SetLearningRecords(l orgsettings.LearningRecords) { w.settings.LearningRecords = l }

// ApplySettings takes over the organisation's settings: its framework
// extension goes over the framework at once, since the first screen
// already counts with it. The own catalogue the settings name is left to
// StoreSettingsCatalogue: no screen before the plan needs it, and reading
// and storing a large one took 40-200 ms (500-3,000 items) on the way to
// the first screen. What cannot be used is left out and returned as
// problems, each a message for the user; the workspace always stays usable.
func (w *Workspace) ApplySettings(s orgsettings.Settings, path string, settingsErr error) []error {
	var problems []error
	if settingsErr != nil {
		problems = append(problems, settingsErr)
	}
	if s.FrameworkExtension != "" {
		if err := w.applyExtension(s.FrameworkExtension); err != nil {
			problems = append(problems, usermsg.New("orgsettings.extension",
				map[string]any{"File": s.FrameworkExtension, "Reason": err}))
		}
	}
	if err := s.CheckOrganisation(w.fw, path); err != nil {
		problems = append(problems, err)
		s.Organisation = ""
	}
	w.settings, w.settingsPath = s, path
	return problems
}

// HasSettingsCatalogue tells whether the settings name an own catalogue
// this workspace is to store (not a read-only one).
func (w *Workspace) HasSettingsCatalogue() bool {
	return w.settings.OwnCatalogue != "" && w.store != nil && !w.store.ReadOnly()
}

// StoreSettingsCatalogue reads the own catalogue the settings name and
// stores it, replacing the copy of the last start so that a file IT
// updated is picked up; a read-only window leaves that to the one that
// has the data. It touches only the file and the store (which serialises
// its use), so the window runs it on another goroutine and calls
// ReloadCatalogue on its own once it returns. Its error is a message for
// the user; nil when the settings name no catalogue.
func (w *Workspace) StoreSettingsCatalogue() error {
	if !w.HasSettingsCatalogue() {
		return nil
	}
	path := w.settings.OwnCatalogue
	if err := w.keepOwnCatalogue(path); err != nil {
		return usermsg.New("orgsettings.catalogue", map[string]any{"File": path, "Reason": err})
	}
	return nil
}

// applyExtension puts the organisation's extension over the framework; a
// broken one leaves the framework as it was.
func (w *Workspace) applyExtension(path string) error {
	data, err := ReadCapped(path, assessment.MaxFileSize)
	if err != nil {
		return err
	}
	fw, err := assessment.Extend(w.fw, filepath.Base(path), data)
	if err != nil {
		return err
	}
	w.fw = fw
	w.SetLanguage(w.language)
	return nil
}

// AddOwnCatalogue adds a catalogue file as an own catalogue named after
// the file, and the catalogue takes it up.
func (w *Workspace) AddOwnCatalogue(path string) error {
	if err := w.keepOwnCatalogue(path); err != nil {
		return err
	}
	w.ReloadCatalogue()
	return nil
}

// keepOwnCatalogue reads a catalogue file and keeps its items as the own
// catalogue named after the file: in the store, or in memory without one.
// The catalogue in use does not change until ReloadCatalogue.
func (w *Workspace) keepOwnCatalogue(path string) error {
	f, err := readOwnCatalogue(path, w.fw)
	if err != nil {
		return err
	}
	origin := strings.TrimSuffix(f.Name, filepath.Ext(f.Name))
	if w.store == nil {
		w.inMemory = append(w.inMemory, ownCatalogue{origin, f.Items})
		return nil
	}
	return w.store.SaveOwnCatalogue(origin, f.Name, f.Items, time.Now())
}

// Catalogue is the built-in catalogue plus the own catalogues in the
// store. A built-in catalogue that cannot be loaded (CatalogueError says
// why) is an empty one: matching and search then find nothing. The error
// is the store's, when the own catalogues could not be read; the
// catalogue returned is then the built-in one.
func (w *Workspace) Catalogue() (*plans.Catalogue, error) {
	if w.cat != nil {
		return w.cat, nil
	}
	if w.builtin == nil {
		cat, err := plans.LoadBuiltin(assets.Files, assets.CatalogueFile, w.view)
		if err != nil {
			w.catErr = err
			cat = &plans.Catalogue{}
		}
		w.builtin = cat
	}
	cat := w.builtin
	for _, oc := range w.inMemory {
		cat = cat.WithOwn(oc.origin, oc.items)
	}
	if w.store != nil {
		own, err := w.store.OwnCatalogues()
		if err != nil {
			return cat, err
		}
		for _, oc := range own {
			cat = cat.WithOwn(oc.Origin, oc.Items)
		}
	}
	w.cat = cat
	return w.cat, nil
}

// CatalogueError is why the built-in catalogue could not be loaded, nil
// when it was (or has not been asked for yet).
func (w *Workspace) CatalogueError() error { return w.catErr }

// ReloadCatalogue makes the next Catalogue read the own catalogues again.
func (w *Workspace) ReloadCatalogue() { w.cat = nil }

// ReadCapped reads a regular file the user pointed at, of at most limit
// bytes. Its errors are messages for the user; a folder, FIFO or dangling
// link is refused with its own message before anything is read.
func ReadCapped(path string, limit int64) ([]byte, error) {
	tooLarge := usermsg.New("file.tooLarge", map[string]any{"MiB": limit >> 20})
	data, err := safefile.ReadCapped(path, limit, tooLarge)
	if le, ok := errors.AsType[*safefile.Error](err); ok {
		return nil, le.Problem
	}
	return data, err
}

// ForCommand is the workspace of a command without a window or store: the
// embedded framework with the extension of the settings file at
// settingsPath ("" for none), and the own catalogues of that file and of
// ownPaths, held in memory. Unlike the app, which starts whatever is
// wrong, a command stops at the first problem, which the error says.
func ForCommand(settingsPath string, ownPaths ...string) (*Workspace, error) {
	fw, err := LoadFramework(nil, "")
	if err != nil {
		return nil, err
	}
	w := New(fw, nil, nil)
	if settingsPath != "" {
		if _, err := os.Stat(settingsPath); err != nil {
			return nil, usermsg.Wrap("orgsettings.missing", map[string]any{"Path": settingsPath}, err)
		}
		s, _, err := orgsettings.Load([]string{settingsPath})
		if err != nil {
			return nil, err
		}
		if s.FrameworkExtension != "" {
			if err := w.applyExtension(s.FrameworkExtension); err != nil {
				return nil, usermsg.Wrap("workspace.extension", map[string]any{"File": s.FrameworkExtension, "Reason": err}, err)
			}
		}
		w.settings, w.settingsPath = s, settingsPath
		if s.OwnCatalogue != "" {
			ownPaths = append([]string{s.OwnCatalogue}, ownPaths...)
		}
	}
	for _, p := range ownPaths {
		if err := w.AddOwnCatalogue(p); err != nil {
			return nil, usermsg.Wrap("workspace.catalogue", map[string]any{"File": p, "Reason": err}, err)
		}
	}
	return w, nil
}

// NextSelfCheck is the day the person's next self-check is due:
// RescanMonths after the newest self-check they answered anything in;
// false without one.
func (w *Workspace) NextSelfCheck() (time.Time, bool, error) {
	if w.store == nil {
		return time.Time{}, false, nil
	}
	all, err := w.store.SelfChecks()
	if err != nil {
		return time.Time{}, false, err
	}
	var newest time.Time
	for _, s := range all {
		if s.Answered > 0 && s.Updated.After(newest) {
			newest = s.Updated
		}
	}
	if newest.IsZero() {
		return time.Time{}, false, nil
	}
	return plans.NextSelfCheck(newest, w.RescanMonths()), true, nil
}
