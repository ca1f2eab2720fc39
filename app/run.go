package app

import (
	"io/fs"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"

	"zelfscan/assessment"
	"zelfscan/assets"
	"zelfscan/orgsettings"
	"zelfscan/plans/store"
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
	Settings     orgsettings.Settings
	SettingsPath string
	SettingsErr  error
	// FirstScreenAfterShow lets the window appear before the first screen
	// is built (laying out its text takes about 100 ms), which fills it a
	// moment later. main.go sets it; tests leave it off so the screen is
	// there when Run returns.
	FirstScreenAfterShow bool
}

// DataDirOrigin is where the data folder was chosen.
type DataDirOrigin int

const (
	DataDirDefault  DataDirOrigin = iota // the user's configuration folder
	DataDirFlag                          // --data on the command line
	DataDirEnv                           // $ZELFSCAN_DATA
	DataDirSettings                      // the organisation's settings file
)

// Run prepares the main window and shows the first screen, or a dialog that
// says why the app cannot start and what to do. main.go calls it before
// ShowAndRun; it never panics on a broken framework or database. It returns
// the UI when the app could start at once, nil when a dialog is shown.
func Run(a fyne.App, w fyne.Window, opt Options) *UI {
	if err := SetupLanguage(Language(a.Preferences())); err != nil {
		// Without translations every string falls back to its Dutch text.
		fyne.LogError("translations", err)
	}
	w.SetTitle(appTitle())
	restoreSize(a, w)
	w.SetCloseIntercept(func() { saveSize(a, w); w.Close() })

	fsys, dir := opt.Framework, opt.FrameworkDir
	if fsys == nil {
		fsys, dir = assets.Files, assets.FrameworkDir
	}
	fw, err := assessment.Load(fsys, dir)
	if err != nil {
		showFrameworkError(w, err)
		return nil
	}
	en, err := assessment.LoadEnglish(fsys, dir, fw)
	if err != nil {
		// Only the English UI loses the framework's own words in English.
		fyne.LogError("english.yaml", err)
	}
	st, err := store.Open(opt.DataDir)
	if err != nil {
		showOpenError(a, w, fw, en, opt, err)
		return nil
	}
	u := start(a, w, fw, en, st, opt)
	if path := st.BackupPath(); path != "" {
		u.showMigrationBackup(path)
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
// presets (so a reopened profile screen already has them) and reopens the
// last screen.
func start(a fyne.App, w fyne.Window, fw *assessment.Framework, en *assessment.English, st Store, opt Options) *UI {
	u := New(a, w, fw, st)
	u.setEnglish(en)
	u.applyOrgSettings(opt)
	u.install()
	if opt.FirstScreenAfterShow {
		u.busy.Add(1)
		go func() {
			defer u.busy.Done()
			fyne.DoAndWait(u.Restore)
		}()
		return u
	}
	u.Restore()
	return u
}

// install sets what belongs to the window rather than to a screen: closing
// (which saves first), the quit shortcut and Escape for dialogs.
func (u *UI) install() {
	u.win.SetCloseIntercept(u.quit)
	u.win.Canvas().SetOnTypedKey(u.typedKey)
	u.addShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}, u.quit)
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
