package app

import (
	"io/fs"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"github.com/jeandeaual/go-locale"

	"zelfscan/assessment"
	"zelfscan/workspace"
)

// Options is what main.go decides before the GUI starts.
type Options struct {
	// DataDir is the folder with the database; DataDirFrom says who chose
	// it, so a failure to open it can say where to choose another.
	DataDir     string
	DataDirFrom DataDirOrigin
	// Framework is where the competency framework is read from; nil means
	// the embedded one. Tests pass a small framework here.
	Framework    fs.FS
	FrameworkDir string
	// Settings are the organisation's presets from SettingsPath; SettingsErr
	// is why that file could not be used (the app then starts without it).
	Settings     workspace.Settings
	SettingsPath string
	SettingsErr  error
	// prepared is set by Prepare.
	prepared *preparation
}

// DataDirOrigin is where the data folder was chosen.
type DataDirOrigin int

const (
	DataDirDefault  DataDirOrigin = iota // the user's configuration folder
	DataDirFlag                          // --data on the command line
	DataDirEnv                           // $ZELFSCAN_DATA
	DataDirSettings                      // the organisation's settings file
)

// Prepare starts, beside Fyne's own set-up, what Run would otherwise do
// before the first screen: the UI language, the two font faces the start
// screen draws with, the framework and the data. main.go calls it right
// after creating the app and before NewWindow, which opens the display and
// takes about as long; Run then only waits for what is not done yet.
// Nothing else may touch Fyne's text caches until Run has waited: with the
// fyneDo migration they are plain maps.
func Prepare(a fyne.App, opt Options) Options {
	opt.prepared = prepare(a, opt)
	return opt
}

// preparation is what Prepare found; done closes when all of it is there.
type preparation struct {
	done    chan struct{}
	langErr error
	fw      *assessment.Framework
	fwErr   error
	en      *assessment.English
	enErr   error
	st      Store
	backup  string // the copy made before a migration, "" without one
	stErr   error
}

func prepare(a fyne.App, opt Options) *preparation {
	p := &preparation{done: make(chan struct{})}
	// The locale first: Fyne picks its fallback font by it.
	language := Language(a.Preferences())
	locale.SetOverride(language)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		warmFonts()
	}()
	go func() {
		defer wg.Done()
		p.langErr = addTranslations(language)
		p.loadData(opt)
	}()
	go func() {
		wg.Wait()
		close(p.done)
	}()
	return p
}

// loadData reads the framework and, if that worked, opens the data.
func (p *preparation) loadData(opt Options) {
	if p.fw, p.fwErr = workspace.LoadFramework(opt.Framework, opt.FrameworkDir); p.fwErr != nil {
		return
	}
	p.en, p.enErr = workspace.LoadEnglish(opt.Framework, opt.FrameworkDir, p.fw)
	p.st, p.backup, p.stErr = workspace.OpenStore(opt.DataDir)
}

// warmFonts loads the regular and the bold face: Fyne loads a face the
// first time text in its style is measured (about 45 and 20 ms here) and
// keeps it. The text is a constant: translations are still being loaded.
func warmFonts() {
	for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
		fyne.MeasureText("Zelfscan GGG", theme.TextSize(), style)
	}
}

// Run prepares the main window and shows the first screen, or a dialog that
// says why the app cannot start and what to do. main.go calls it before
// ShowAndRun, so the first frame already shows the start screen; it never
// panics on a broken framework or database. It returns the UI when the app
// could start at once, nil when a dialog is shown.
func Run(a fyne.App, w fyne.Window, opt Options) *UI {
	p := opt.prepared
	if p == nil {
		p = prepare(a, opt)
	}
	<-p.done
	if p.langErr != nil {
		// Without translations every string falls back to its Dutch text.
		fyne.LogError("translations", p.langErr)
	}
	w.SetTitle(appTitle())
	restoreSize(a, w)
	w.SetCloseIntercept(func() { saveSize(a, w); w.Close() })

	if p.fwErr != nil {
		showFrameworkError(w, p.fwErr)
		return nil
	}
	if p.enErr != nil {
		// Only the English UI loses the framework's own words in English.
		fyne.LogError("english.yaml", p.enErr)
	}
	if p.stErr != nil {
		showOpenError(a, w, p.fw, p.en, opt, p.stErr)
		return nil
	}
	u := start(a, w, p.fw, p.en, p.st, opt)
	if p.backup != "" {
		u.showMigrationBackup(p.backup)
	}
	return u
}

// showMigrationBackup says that the data were brought up to date for this
// version, and where the copy made beforehand is.
func (u *UI) showMigrationBackup(path string) {
	u.showMessage(lang.X("migrated.title", "Gegevens bijgewerkt"),
		lang.X("migrated.text", "Uw gegevens zijn bijgewerkt voor deze versie van Zelfscan GGG. Er is vooraf een kopie gemaakt van de oude gegevens: {{.Path}}. Als alles werkt zoals u gewend bent, mag u die kopie later weggooien.",
			map[string]any{"Path": shownPath(path)}))
}

// start builds the UI on an open store, takes over the organisation's
// presets (so a reopened profile screen already has them), reopens the
// last screen and then says what of the settings could not be used.
func start(a fyne.App, w fyne.Window, fw *assessment.Framework, en *assessment.English, st Store, opt Options) *UI {
	u := New(a, w, fw, st)
	u.setEnglish(en)
	// Before the first screen, so that it has the organisation's presets.
	problems := u.ws.ApplySettings(opt.Settings, opt.SettingsPath, opt.SettingsErr)
	u.install()
	u.Restore()
	u.reportOrgSettings(problems)
	return u
}

// install sets what belongs to the window rather than to a screen: closing
// (which saves first), the quit shortcut and Escape for dialogs.
func (u *UI) install() {
	u.win.SetCloseIntercept(u.quit)
	u.win.Canvas().SetOnTypedKey(u.typedKey)
	u.addShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}, u.quit)
	u.addShortcut(shortcutForward, func() { u.step(u.forward) })
	u.addShortcut(shortcutBack, func() { u.step(u.back) })
	u.addShortcut(shortcutHistory, func() { u.step(u.showHistory) })
	u.addShortcut(shortcutNote, func() { u.step(u.focusNote) })
}

// Keyboard shortcuts through the screens. Alt+arrow is what browsers use
// for forward and back: from the start screen to the profile and into the
// scan, through its pages, from its last page to the results, from there
// to the plan, and back; each screen sets them (UI.forward, UI.back).
// Ctrl+H (Cmd+H on a Mac) opens the history, as in a browser. Alt+R goes
// to the reflection note of the scan page.
var (
	shortcutForward = &desktop.CustomShortcut{KeyName: fyne.KeyRight, Modifier: fyne.KeyModifierAlt}
	shortcutBack    = &desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierAlt}
	shortcutHistory = &desktop.CustomShortcut{KeyName: fyne.KeyH, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutNote    = &desktop.CustomShortcut{KeyName: fyne.KeyR, Modifier: fyne.KeyModifierAlt}
)

// step runs a screen's move, unless it has none or a dialog is open.
func (u *UI) step(move func()) {
	if move != nil && !u.dialogOpen() {
		move()
	}
}

// quit saves what is pending and the window size, closes the store and
// then the window (the master window, so the app ends).
func (u *UI) quit() {
	u.flush()
	saveSize(u.app, u.win)
	if err := u.store.Close(); err != nil {
		fyne.LogError("closing the database", err)
	}
	u.win.Close()
}

// restoreSize gives the window the size it had last time, never smaller
// than MinSize (Fyne windows have no minimum size of their own).
func restoreSize(a fyne.App, w fyne.Window) {
	p := a.Preferences()
	size := fyne.NewSize(float32(p.FloatWithFallback(prefWinWidth, float64(MinSize().Width))),
		float32(p.FloatWithFallback(prefWinHeight, float64(MinSize().Height))))
	w.Resize(fyne.NewSize(max(size.Width, MinSize().Width), max(size.Height, MinSize().Height)))
}

// saveSize remembers the window size for the next start.
func saveSize(a fyne.App, w fyne.Window) {
	s := w.Canvas().Size()
	if s.Width <= 0 || s.Height <= 0 {
		return
	}
	a.Preferences().SetFloat(prefWinWidth, float64(s.Width))
	a.Preferences().SetFloat(prefWinHeight, float64(s.Height))
}

// appTitle is the window title.
func appTitle() string { return lang.X("app.title", "Zelfscan GGG") }
