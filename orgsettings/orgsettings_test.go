package orgsettings

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zelfscan/assessment"
	"zelfscan/assets"
	"zelfscan/usermsg"
)

func write(t *testing.T, dir, content string) string {
	t.Helper()
	p := filepath.Join(dir, FileName)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadValid(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("ZS_TEST_HOME", "/home/test")
	p := write(t, dir, "# door ICT\norganisatie: veilig-thuis\neigen_aanbod: aanbod/eigen.csv\ngegevensmap: ${ZS_TEST_HOME}/zelfscan\nkader_uitbreiding: kader/regio.yaml\n")
	s, used, err := Load([]string{filepath.Join(t.TempDir(), FileName), p})
	if err != nil {
		t.Fatal(err)
	}
	if used != p {
		t.Errorf("path used = %q, want %q", used, p)
	}
	want := Settings{
		Organisation: "veilig-thuis",
		OwnCatalogue: filepath.Join(dir, "aanbod", "eigen.csv"),
		DataDir:      "/home/test/zelfscan",
		// Read by the app after the framework (assessment.Extend).
		FrameworkExtension: filepath.Join(dir, "kader", "regio.yaml"),
	}
	if s != want {
		t.Errorf("settings = %+v, want %+v", s, want)
	}
}

func TestLoadFirstFoundWins(t *testing.T) {
	first := write(t, t.TempDir(), "organisatie: politie\n")
	second := write(t, t.TempDir(), "organisatie: om\n")
	s, used, err := Load([]string{first, second})
	if err != nil || used != first || s.Organisation != "politie" {
		t.Errorf("Load = %+v, %q, %v; want politie from %s", s, used, err, first)
	}
}

func TestLoadMissing(t *testing.T) {
	dir := t.TempDir()
	s, used, err := Load([]string{filepath.Join(dir, "a", FileName), filepath.Join(dir, FileName)})
	if err != nil || used != "" || s != (Settings{}) {
		t.Errorf("Load without files = %+v, %q, %v; want zero settings, no path, no error", s, used, err)
	}
	if s, used, err := Load(nil); err != nil || used != "" || s != (Settings{}) {
		t.Errorf("Load(nil) = %+v, %q, %v", s, used, err)
	}
}

func TestLoadEmptyFileIsAnError(t *testing.T) {
	// An empty file is most likely a failed deployment; say so instead of
	// silently running without the presets IT meant to give.
	p := write(t, t.TempDir(), "")
	if _, _, err := Load([]string{p}); err == nil || !strings.Contains(err.Error(), "leeg") {
		t.Errorf("empty file: err = %v, want a message that it is empty", err)
	}
}

func TestLoadBroken(t *testing.T) {
	t.Setenv("ZS_TEST_UNSET", "")
	for _, tc := range []struct {
		name, content string
		want          []string
	}{
		{"unknown key", "organisatie: politie\norganisation: politie\n", []string{"regel 2", "veld organisation", "onbekend veld", "bekende velden"}},
		{"bad organisation", "organisatie: Veilig Thuis\n", []string{`organisatie "Veilig Thuis" is geen geldige code`}},
		{"not YAML", "organisatie: [politie\n", []string{"ongeldige YAML"}},
		{"list instead of text", "organisatie:\n  - politie\n", []string{"regel 2"}},
		{"two documents", "organisatie: politie\n---\norganisatie: om\n", []string{"meer dan één YAML-document"}},
		{"anchor", "organisatie: &o politie\ngegevensmap: *o\n", []string{"ankers"}},
		{"catalogue type", "eigen_aanbod: aanbod.xlsx\n", []string{".csv-, .yaml- of .yml-bestand"}},
		{"extension type", "kader_uitbreiding: uitbreiding.json\n", []string{"kader_uitbreiding moet een .yaml- of .yml-bestand zijn"}},
		{"unset variable", "gegevensmap: ${ZS_TEST_UNSET}/zelfscan\n", []string{"gegevensmap", "ZS_TEST_UNSET is niet ingesteld"}},
		{"too large", "organisatie: politie\n" + strings.Repeat("# opvulling\n", MaxSize/10), []string{"groter dan 64 KiB"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := write(t, t.TempDir(), tc.content)
			s, used, err := Load([]string{p})
			if err == nil {
				t.Fatalf("no error; settings %+v", s)
			}
			if s != (Settings{}) {
				t.Errorf("broken file gave settings %+v; want none at all", s)
			}
			if used != p {
				t.Errorf("path = %q, want %q", used, p)
			}
			var e *Error
			if !errors.As(err, &e) || e.Path != p {
				t.Errorf("error %v is not an *Error naming %s", err, p)
			}
			// The app says it in the user's language from its codes.
			if m, ok := usermsg.As(err); !ok || m.Code != "orgsettings.error" || e.Msg == nil {
				t.Errorf("error %v carries no message", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

func TestLoadUnreadableStopsTheSearch(t *testing.T) {
	dir := t.TempDir()
	// A folder with the file's name cannot be read as a file, also as root.
	bad := filepath.Join(dir, FileName)
	if err := os.Mkdir(bad, 0o755); err != nil {
		t.Fatal(err)
	}
	good := write(t, t.TempDir(), "organisatie: politie\n")
	s, used, err := Load([]string{bad, good})
	if err == nil || used != bad || s != (Settings{}) {
		t.Fatalf("Load = %+v, %q, %v; want an error for %s and no settings", s, used, err, bad)
	}
	if !strings.Contains(err.Error(), "map, geen bestand") {
		t.Errorf("error %q does not say it is a folder", err)
	}
}

func TestLoadNoReadPermission(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every file; the folder case in TestLoadUnreadableStopsTheSearch covers unreadable files")
	}
	p := write(t, t.TempDir(), "organisatie: politie\n")
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Load([]string{p}); err == nil || !strings.Contains(err.Error(), "rechten") {
		t.Errorf("unreadable file: err = %v, want a message about permissions", err)
	}
}

func TestCheckOrganisation(t *testing.T) {
	fw, err := assessment.Load(assets.Files, assets.FrameworkDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, ok := range []Settings{{}, {Organisation: "politie"}, {Organisation: "andere"}} {
		if err := ok.CheckOrganisation(fw, "x.yaml"); err != nil {
			t.Errorf("%+v: %v", ok, err)
		}
	}
	err = Settings{Organisation: "brandweer"}.CheckOrganisation(fw, "x.yaml")
	if err == nil {
		t.Fatal("unknown organisation accepted")
	}
	for _, w := range []string{"x.yaml", `"brandweer" is onbekend`, "politie", "veilig-thuis"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q does not contain %q", err, w)
		}
	}
}

func TestSystemDir(t *testing.T) {
	env := func(v string) func(string) string {
		return func(string) string { return v }
	}
	for _, tc := range []struct {
		goos, programData, want string
	}{
		{"linux", "", "/etc/zelfscan-ggg"},
		{"darwin", "", "/Library/Application Support/ZelfscanGGG"},
		{"windows", `D:\ProgramData`, `D:\ProgramData\ZelfscanGGG`},
		{"windows", "", `C:\ProgramData\ZelfscanGGG`},
		{"plan9", "", ""},
	} {
		if got := SystemDir(tc.goos, env(tc.programData)); got != tc.want {
			t.Errorf("SystemDir(%s, %q) = %q, want %q", tc.goos, tc.programData, got, tc.want)
		}
	}
}

func TestDefaultPathsStartNextToTheExecutable(t *testing.T) {
	paths := DefaultPaths()
	exe, err := os.Executable()
	if err != nil {
		t.Skip("no executable path on this system")
	}
	exe, _ = filepath.EvalSymlinks(exe)
	if len(paths) == 0 || paths[0] != filepath.Join(filepath.Dir(exe), FileName) {
		t.Errorf("DefaultPaths = %q; want the executable's folder first", paths)
	}
}

// A pseudonym key read from an unset variable is not an empty key: the
// settings name the variable, so no records are made and the app can say
// why, while the rest of the file still counts. A home page must be a web
// address (xAPI's IRL), so a URN is refused when the file is read.
func TestLearningRecordsSettings(t *testing.T) {
	const lrs = "leeromgeving:\n  account_homepage: %s\n  pseudoniem_sleutel: ${ZS_TEST_SLEUTEL}\n"
	dir := t.TempDir()
	p := write(t, dir, "organisatie: politie\n"+fmt.Sprintf(lrs, "https://www.voorbeeld.nl"))
	os.Unsetenv("ZS_TEST_SLEUTEL")
	s, _, err := Load([]string{p})
	if err != nil || s.Organisation != "politie" {
		t.Fatalf("unset key variable: %+v, %v", s, err)
	}
	if l := s.LearningRecords; l.KeyUnset != "ZS_TEST_SLEUTEL" || l.PseudonymKey != "" || l.AccountHomePage != "https://www.voorbeeld.nl" {
		t.Fatalf("unset key variable: %+v", l)
	}
	t.Setenv("ZS_TEST_SLEUTEL", "")
	if s, _, _ := Load([]string{p}); s.LearningRecords.KeyUnset != "ZS_TEST_SLEUTEL" {
		t.Fatalf("empty key variable: %+v", s.LearningRecords)
	}
	t.Setenv("ZS_TEST_SLEUTEL", "0123456789abcdef")
	if s, _, _ := Load([]string{p}); s.LearningRecords.KeyUnset != "" || s.LearningRecords.PseudonymKey != "0123456789abcdef" {
		t.Fatalf("key variable set: %+v", s.LearningRecords)
	}
	for _, home := range []string{"urn:zelfscan-ggg", "www.voorbeeld.nl", "https://"} {
		p := write(t, t.TempDir(), fmt.Sprintf(lrs, home))
		if _, _, err := Load([]string{p}); err == nil || !strings.Contains(err.Error(), "account_homepage") || !strings.Contains(err.Error(), "geen webadres") {
			t.Errorf("home page %q: %v", home, err)
		}
	}
}

// The re-scan interval: a setting of 1 to 24 months is taken, none leaves
// the app's default, anything else stops the file with a message naming
// the key.
func TestRescanMonths(t *testing.T) {
	dir := t.TempDir()
	s, _, err := Load([]string{write(t, dir, "herhaalscan_maanden: 12\n")})
	if err != nil || s.RescanMonths != 12 {
		t.Fatalf("12 months: %+v, %v", s, err)
	}
	s, _, err = Load([]string{write(t, dir, "organisatie: politie\n")})
	if err != nil || s.RescanMonths != 0 {
		t.Fatalf("no setting: %+v, %v", s, err)
	}
	for _, bad := range []string{"0", "25", "-3"} {
		_, _, err := Load([]string{write(t, dir, "herhaalscan_maanden: "+bad+"\n")})
		if bad == "0" {
			if err != nil {
				t.Errorf("0 (the default): %v", err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), "herhaalscan_maanden") {
			t.Errorf("%s months: %v", bad, err)
		}
	}
}
