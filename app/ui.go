// Package app is the Fyne GUI: screens, navigation and dialogs. It holds no
// domain rules; it asks assessment and plans and renders what they answer.
package app

import (
	"image/color"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"zelfscan/assessment"
	"zelfscan/documents/chart"
	"zelfscan/orgsettings"
	"zelfscan/plans"
	"zelfscan/store"
)

// Store is what the GUI needs from persistence; store implements it.
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
}

// Preference keys remembered between runs.
const (
	prefLanguage   = "language"
	prefLastScreen = "lastScreen"
	prefWinWidth   = "windowWidth"
	prefWinHeight  = "windowHeight"
	// prefSelfCheck is the self-check the scan or results screen showed last.
	prefSelfCheck = "lastSelfCheck"
	// prefLastStore is the database those two belong to: preferences are
	// per app, and another --data folder has self-checks of its own.
	prefLastStore = "lastStore"
)

// Screen names, remembered so the app reopens where it was.
const (
	screenStart   = "start"
	screenProfile = "profile"
	screenScan    = "scan"
	screenResults = "results"
	screenHistory = "history"
	screenPlan    = "plan"
	// screenCatalogue is the own-catalogue screen.
	screenCatalogue = "catalogue"
)

// MinSize is the smallest window in which nothing is clipped.
func MinSize() fyne.Size { return fyne.NewSize(800, 600) }

// UI holds the window and what every screen needs.
type UI struct {
	app fyne.App
	win fyne.Window
	// fw is the framework in the language of the UI: dutchFW with the
	// English forms of its own words (scale, credit) when the UI is English.
	fw      *assessment.Framework
	dutchFW *assessment.Framework
	english *assessment.English
	store   Store
	// now is the clock, replaced in tests.
	now func() time.Time
	// leave runs before the current screen is replaced or the window
	// closes, so a screen can save what is still pending (a note).
	leave func()
	// shortcuts are the window's own shortcuts, also offered to entries
	// (a focused Entry would otherwise swallow them).
	shortcuts map[string]func()
	// dialogs are the dialogs on screen, newest last (see showDialog).
	dialogs []closable
	// scan is the self-check on screen, nil on other screens.
	scan *scanState
	// plan is the learning plan on screen, nil on other screens.
	plan *planState
	// builtin is the catalogue that ships with the app; cat is builtin plus
	// the own catalogues in the store (see UI.catalogue).
	builtin, cat *plans.Catalogue
	// catErr is why the built-in catalogue could not be loaded, nil when it was.
	catErr error
	// drop handles files dropped on the window; nil where the screen
	// takes none. show clears it.
	drop func(paths []string)
	// forward and back are what Alt+→ and Alt+← do on the screen shown,
	// from the start screen through profile, scan, results and plan; nil
	// where they do nothing. show clears them.
	forward, back func()
	// review is the plan on screen in review mode, nil elsewhere.
	review *reviewState
	// groupView is the group overview on screen, nil elsewhere.
	groupView *groupState
	// busy counts file work running in the background; tests wait on it.
	busy sync.WaitGroup
	// org are the organisation's presets that could be used; settingsPath
	// is the settings file they came from, "" without one.
	org          orgsettings.Settings
	settingsPath string
	// chartFont is the theme's text font parsed for the charts, once;
	// nil until the first chart (or when it cannot be parsed).
	chartFont *chart.Font
}

// New wires the GUI to an app, its main window, the framework and the store.
func New(a fyne.App, w fyne.Window, fw *assessment.Framework, st Store) *UI {
	return &UI{app: a, win: w, fw: fw, dutchFW: fw, store: st, now: time.Now}
}

// setEnglish gives the UI the English forms of the framework's words and
// uses them when the UI is English.
func (u *UI) setEnglish(en *assessment.English) {
	u.english = en
	u.useLanguageOfFramework(Language(u.app.Preferences()))
}

// useLanguageOfFramework picks the framework's words for the UI language.
// The catalogue is loaded again on first use: it names levels through the
// framework, in a proposal's reason.
func (u *UI) useLanguageOfFramework(language string) {
	u.fw = u.dutchFW
	if language == "en" {
		u.fw = u.dutchFW.Translated(u.english)
	}
	u.builtin, u.cat, u.catErr = nil, nil, nil
}

// show replaces the window content and remembers the screen. A read-only
// window remembers nothing: it promised to save nothing, and the window
// that can write should reopen where its user left it.
func (u *UI) show(name string, content fyne.CanvasObject) {
	u.flush()
	u.drop = nil
	u.forward, u.back = nil, nil
	if !u.store.ReadOnly() {
		u.app.Preferences().SetString(prefLastScreen, name)
		u.app.Preferences().SetString(prefLastStore, u.store.Path())
	}
	u.win.SetContent(container.NewPadded(container.NewStack(screenWidth(), content)))
}

// screenWidth keeps a screen as wide as the smallest window's content.
// Before laying content out at the window's size, the window lays it out
// at its minimum size; without this that minimum is as narrow as the
// widest word, and every wrapped text was shaped line by line a second
// time, in many more lines, on every screen switch.
func screenWidth() fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(MinSize().Width-4*theme.Padding(), 0))
	return r
}

// rememberSelfCheck records which self-check the scan or results screen
// shows, so Restore can reopen it; not from a read-only window (see show).
func (u *UI) rememberSelfCheck(id int64) {
	if !u.store.ReadOnly() {
		u.app.Preferences().SetInt(prefSelfCheck, int(id))
	}
}

// flush lets the screen being left save what it still holds.
func (u *UI) flush() {
	if u.leave != nil {
		leave := u.leave
		u.leave = nil
		leave()
	}
}
