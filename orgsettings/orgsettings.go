// Package orgsettings reads the settings file with which an organisation's
// IT department presets Zelfscan GGG for its staff: the organisation, an own
// catalogue and the data folder. The file is optional; without it the app
// uses its own defaults.
package orgsettings

import (
	"errors"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"

	"zelfscan/assessment"
	"zelfscan/plans"
	"zelfscan/usermsg"
)

// FileName is the name of the settings file in every location searched.
const FileName = "zelfscan-instellingen.yaml"

// MaxSize caps the settings file: a real one is a few lines.
const MaxSize = 64 << 10

// Settings are the organisation's presets; an empty field means "no preset".
type Settings struct {
	// Organisation is an organisation ID from the framework, preselected on
	// the profile screen until the user has made a self-check of their own.
	Organisation string
	// OwnCatalogue is the absolute path of a CSV or YAML catalogue that is
	// loaded as an own catalogue at every start.
	OwnCatalogue string
	// DataDir is the absolute data folder, used when neither --data nor
	// ZELFSCAN_DATA is given.
	DataDir string
	// FrameworkExtension is the absolute path of the organisation's
	// extension of the competency framework (docs/kader-uitbreiding.md).
	FrameworkExtension string
	// LearningRecords configures the xAPI export and, when it names an
	// LRS, sending to it; zero: export with the defaults, no sending.
	LearningRecords LearningRecords
	// RescanMonths is how long after a self-check the next one is due;
	// 0: the app's default (plans.DefaultRescanMonths).
	RescanMonths int
}

// LearningRecords is the "leeromgeving" part of the settings.
type LearningRecords struct {
	// BaseIRI starts every activity IRI; AccountHomePage is the system the
	// pseudonyms belong to (an http or https address); PseudonymKey makes
	// them (HMAC).
	BaseIRI, AccountHomePage, PseudonymKey string
	// KeyUnset names the environment variable(s) pseudoniem_sleutel reads
	// that are not set; PseudonymKey is then empty and no records are made.
	KeyUnset string
	// SendName puts the person's name in the statements, after the user
	// has agreed each time.
	SendName bool
	// LRS is the xAPI address with Basic-auth credentials; empty URL: no LRS.
	LRS, LRSUser, LRSPassword string
}

// HasLRS reports whether an LRS is configured to send statements to.
func (l LearningRecords) HasLRS() bool { return l.LRS != "" }

// file is the YAML shape; keys are Dutch because IT staff of Dutch
// organisations write this file.
type file struct {
	Organisation string `yaml:"organisatie"`
	OwnCatalogue string `yaml:"eigen_aanbod"`
	DataDir      string `yaml:"gegevensmap"`
	Extension    string `yaml:"kader_uitbreiding"`
	Herhaalscan  int    `yaml:"herhaalscan_maanden"`
	Leeromgeving struct {
		BasisIRI      string `yaml:"basis_iri"`
		Homepage      string `yaml:"account_homepage"`
		Sleutel       string `yaml:"pseudoniem_sleutel"`
		NaamMeesturen bool   `yaml:"naam_meesturen"`
		LRS           string `yaml:"lrs_adres"`
		Gebruiker     string `yaml:"lrs_gebruiker"`
		Wachtwoord    string `yaml:"lrs_wachtwoord"`
	} `yaml:"leeromgeving"`
}

// Error is a problem with the settings file, for the user and their IT
// department: Msg says what, in the user's language.
type Error struct {
	Path string
	Msg  *usermsg.Error
	Err  error
}

// Error is the Dutch sentence, for logs.
func (e *Error) Error() string { return e.Message().Error() }

// Message says which file and what is wrong with it.
func (e *Error) Message() *usermsg.Error {
	return usermsg.New("orgsettings.error", map[string]any{"Path": e.Path, "Problem": e.Msg})
}

func (e *Error) Unwrap() error { return e.Err }

// idPattern is the form of every framework ID, as assessment checks it.
var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)

// Load reads the first settings file that exists among paths and returns
// its settings and its path. No file at all is not an error: it returns
// zero Settings and "". A file that exists but cannot be read or is wrong
// is an error and its settings are not used, not even partly; later paths
// are not tried, so the file IT placed is never silently skipped.
func Load(paths []string) (Settings, string, error) {
	for _, p := range paths {
		s, err := loadFile(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return Settings{}, p, err
		}
		return s, p, nil
	}
	return Settings{}, "", nil
}

func loadFile(path string) (Settings, error) {
	data, err := readFile(path)
	if err != nil {
		return Settings{}, err
	}
	var raw file
	if _, err := assessment.DecodeStrict(FileName, data, &raw); err != nil {
		return Settings{}, &Error{Path: path, Msg: decodeMessage(err), Err: err}
	}
	s, msg := settingsOf(filepath.Dir(path), raw)
	if msg != nil {
		return Settings{}, &Error{Path: path, Msg: msg}
	}
	return s, nil
}

// readFile reads the settings file; a missing one is fs.ErrNotExist, so
// the search goes on.
func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		return nil, &Error{Path: path, Msg: usermsg.New("orgsettings.unreadable", nil), Err: err}
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, &Error{Path: path, Msg: usermsg.New("orgsettings.isDir", nil)}
	}
	data, err := assessment.ReadLimited(f, MaxSize)
	if err != nil {
		return nil, &Error{Path: path, Msg: usermsg.New("orgsettings.tooLarge", map[string]any{"KiB": MaxSize >> 10}), Err: err}
	}
	return data, nil
}

// settingsOf checks the file's values; paths are relative to dir.
func settingsOf(dir string, raw file) (Settings, *usermsg.Error) {
	s := Settings{Organisation: strings.TrimSpace(raw.Organisation)}
	if s.Organisation != "" && !idPattern.MatchString(s.Organisation) {
		return s, usermsg.New("orgsettings.badOrganisation", map[string]any{"ID": s.Organisation})
	}
	if msg := s.files(dir, raw); msg != nil {
		return s, msg
	}
	var err error
	if s.LearningRecords, err = learningRecords(raw); err != nil {
		return s, in("leeromgeving", err)
	}
	if s.RescanMonths, err = rescanMonths(raw.Herhaalscan); err != nil {
		return s, in("herhaalscan_maanden", err)
	}
	return s, nil
}

// files resolves the own catalogue, data folder and extension against dir
// and checks their kinds.
func (s *Settings) files(dir string, raw file) *usermsg.Error {
	var err error
	if s.OwnCatalogue, err = resolvePath(dir, raw.OwnCatalogue); err != nil {
		return in("eigen_aanbod", err)
	}
	if ext := strings.ToLower(filepath.Ext(s.OwnCatalogue)); s.OwnCatalogue != "" && ext != ".csv" && ext != ".yaml" && ext != ".yml" {
		return usermsg.New("orgsettings.catalogueType", nil)
	}
	if s.DataDir, err = resolvePath(dir, raw.DataDir); err != nil {
		return in("gegevensmap", err)
	}
	if s.FrameworkExtension, err = resolvePath(dir, raw.Extension); err != nil {
		return in("kader_uitbreiding", err)
	}
	if ext := strings.ToLower(filepath.Ext(s.FrameworkExtension)); s.FrameworkExtension != "" && ext != ".yaml" && ext != ".yml" {
		return usermsg.New("orgsettings.extensionType", nil)
	}
	return nil
}

// rescanMonths checks the interval between self-checks the organisation
// asks for: a month at least (a shorter one measures no learning), two
// years at most (the plan of action asks for periodic gathering of needs).
func rescanMonths(n int) (int, error) {
	if n != 0 && (n < plans.MinRescanMonths || n > plans.MaxRescanMonths) {
		return 0, usermsg.New("orgsettings.rescanMonths", map[string]any{"N": n, "Min": plans.MinRescanMonths, "Max": plans.MaxRescanMonths})
	}
	return n, nil
}

// learningRecords checks the "leeromgeving" part: addresses must be
// absolute IRIs, an LRS needs https (or http on this computer only) and
// credentials; the password may come from an environment variable.
func learningRecords(raw file) (LearningRecords, error) {
	l := raw.Leeromgeving
	out := LearningRecords{BaseIRI: strings.TrimSpace(l.BasisIRI), AccountHomePage: strings.TrimSpace(l.Homepage),
		SendName: l.NaamMeesturen, LRS: strings.TrimSpace(l.LRS), LRSUser: l.Gebruiker}
	// An unset variable must not silently make an empty key; the app says
	// which one is missing when records are asked for.
	key, missing := expand(l.Sleutel)
	if len(missing) > 0 {
		key, out.KeyUnset = "", strings.Join(missing, ", ")
	}
	out.PseudonymKey = key
	if u, err := url.Parse(out.BaseIRI); out.BaseIRI != "" && (err != nil || u.Scheme == "") {
		return out, usermsg.New("orgsettings.notAnAddress", map[string]any{"Key": "basis_iri", "Value": out.BaseIRI})
	}
	// xAPI wants a web address (IRL) as an account's home page.
	if out.AccountHomePage != "" && !webAddress(out.AccountHomePage) {
		return out, usermsg.New("orgsettings.notAWebAddress", map[string]any{"Key": "account_homepage", "Value": out.AccountHomePage})
	}
	if out.LRS == "" {
		return out, nil
	}
	err := out.checkLRS(l.Wachtwoord)
	return out, err
}

// checkLRS checks the LRS address (https, or http on this computer only)
// and that credentials are given; the password may come from an
// environment variable.
func (out *LearningRecords) checkLRS(password string) error {
	u, err := url.Parse(out.LRS)
	local := err == nil && (u.Hostname() == "localhost" || u.Hostname() == "127.0.0.1")
	if err != nil || u.Host == "" || (u.Scheme != "https" && !(u.Scheme == "http" && local)) {
		return usermsg.New("orgsettings.lrsHTTPS", map[string]any{"Value": out.LRS})
	}
	if out.LRSUser == "" || password == "" {
		return usermsg.New("orgsettings.lrsCredentials", nil)
	}
	out.LRSPassword = os.Expand(password, os.Getenv)
	return nil
}

// webAddress reports whether s is an http or https address with a host.
func webAddress(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

// in is the problem with the value of one key of the file.
func in(key string, err error) *usermsg.Error {
	return usermsg.New("orgsettings.in", map[string]any{"Key": key, "Problem": assessment.Problem(err)})
}

// knownKeys are the keys of the file, for a message about an unknown one.
const knownKeys = "organisatie, eigen_aanbod, gegevensmap, kader_uitbreiding, herhaalscan_maanden, leeromgeving"

// decodeMessage turns a strict-decoding error into a message without
// repeating the file name, which Error already gives with its path.
func decodeMessage(err error) *usermsg.Error {
	var ve *assessment.ValidationError
	if !errors.As(err, &ve) {
		return assessment.Problem(err)
	}
	code := "orgsettings.decode"
	switch {
	case ve.Line > 0 && ve.Field != "":
		code = "orgsettings.decode.lineField"
	case ve.Line > 0:
		code = "orgsettings.decode.line"
	case ve.Field != "":
		code = "orgsettings.decode.field"
	}
	return usermsg.New(code, map[string]any{"Line": ve.Line, "Field": ve.Field, "Problem": ve.Msg, "Known": knownKeys})
}

// resolvePath expands ${VAR} and makes p absolute relative to the settings
// file's folder, so a file next to the executable can point beside itself.
// A variable that is not set is an error: an empty one would silently turn
// a per-user folder into a shared one.
func resolvePath(dir, p string) (string, error) {
	p = strings.TrimSpace(p)
	if p == "" {
		return "", nil
	}
	p, missing := expand(p)
	if len(missing) > 0 {
		return "", usermsg.New("orgsettings.unsetVariable", map[string]any{"Names": strings.Join(missing, ", ")})
	}
	if !filepath.IsAbs(p) {
		p = filepath.Join(dir, p)
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", usermsg.Wrap("orgsettings.badPath", map[string]any{"Path": p, "Cause": err.Error()}, err)
	}
	return abs, nil
}

// expand replaces ${VAR} by the environment variable VAR and lists the
// variables that are not set or empty.
func expand(s string) (string, []string) {
	var missing []string
	s = os.Expand(s, func(name string) string {
		v, ok := os.LookupEnv(name)
		if !ok || v == "" {
			missing = append(missing, name)
		}
		return v
	})
	return s, missing
}

// CheckOrganisation reports whether the preset organisation exists in fw;
// Load cannot check this because the framework is loaded later.
func (s Settings) CheckOrganisation(fw *assessment.Framework, path string) error {
	if s.Organisation == "" {
		return nil
	}
	if _, ok := fw.Organisation(s.Organisation); ok {
		return nil
	}
	ids := make([]string, len(fw.Organisations))
	for i, o := range fw.Organisations {
		ids[i] = o.ID
	}
	return &Error{Path: path, Msg: usermsg.New("orgsettings.unknownOrganisation", map[string]any{"ID": s.Organisation, "Known": strings.Join(ids, ", ")})}
}

// DefaultPaths lists where the settings file is searched, first found
// wins: next to the executable (a copy on a network share or USB stick
// brings its own settings), then the system-wide location of this OS.
func DefaultPaths() []string {
	var paths []string
	if exe, err := os.Executable(); err == nil {
		if real, err := filepath.EvalSymlinks(exe); err == nil {
			exe = real
		}
		paths = append(paths, filepath.Join(filepath.Dir(exe), FileName))
	}
	if dir := SystemDir(runtime.GOOS, os.Getenv); dir != "" {
		paths = append(paths, filepath.Join(dir, FileName))
	}
	return paths
}

// SystemDir is the system-wide settings folder for goos, where IT places the
// file for every user of the computer; getenv reads the environment.
func SystemDir(goos string, getenv func(string) string) string {
	switch goos {
	case "windows":
		base := getenv("ProgramData")
		if base == "" {
			base = `C:\ProgramData`
		}
		return base + `\ZelfscanGGG`
	case "darwin":
		return "/Library/Application Support/ZelfscanGGG"
	case "linux", "freebsd", "openbsd", "netbsd":
		return "/etc/zelfscan-ggg"
	}
	return ""
}
