// Package app is the Fyne GUI: screens, navigation and dialogs. It holds no
// domain rules; it asks assessment and plans and renders what they answer.
// The widgets it adds to Fyne's own are in app/widgets.
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
	"zelfscan/workspace"
)

// Store is what the GUI needs from persistence: the workspace's.
type Store = workspace.Store

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
	// ws holds the framework, catalogue, store and settings in use.
	ws    *workspace.Workspace
	store Store
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
	// chartFont is the theme's text font parsed for the charts, once;
	// nil until the first chart (or when it cannot be parsed).
	chartFont *chart.Font
}

// New wires the GUI to an app, its main window, the framework and the store.
func New(a fyne.App, w fyne.Window, fw *assessment.Framework, st Store) *UI {
	u := &UI{app: a, win: w, ws: workspace.New(fw, nil, st), store: st, now: time.Now}
	u.ws.SetLanguage(Language(a.Preferences()))
	return u
}

// setEnglish gives the UI the English forms of the framework's words and
// uses them when the UI is English. The workspace keeps the extension
// already applied.
func (u *UI) setEnglish(en *assessment.English) {
	u.ws.SetEnglish(en)
	u.ws.SetLanguage(Language(u.app.Preferences()))
}

// fw is the framework in the UI language, for what the screens show.
func (u *UI) fw() *assessment.Framework { return u.ws.View() }

// org is the organisation's settings in use.
func (u *UI) org() workspace.Settings {
	s, _ := u.ws.Settings()
	return s
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
