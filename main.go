// Command zelfscan is Zelfscan GGG: a self-assessment of expertise on
// gender-related violence that ends in a personal learning plan.
//
// main only reads flags, creates the Fyne app and window, and hands them to
// package app; everything the user sees is built and tested there.
package main

import (
	_ "embed"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"github.com/BurntSushi/toml"

	"zelfscan/app"
	"zelfscan/assets"
	"zelfscan/cli"
	"zelfscan/orgsettings"
)

// FyneApp.toml is the one place that holds name, ID and version. The fyne
// tool would compile it into the binary, but we build with plain `go build`,
// so we embed it and give Fyne the same metadata ourselves; --version prints
// what it says.
//
//go:embed FyneApp.toml
var fyneAppTOML []byte

type fyneAppFile struct {
	Details struct {
		Name    string
		ID      string
		Version string
		Build   int
	}
	Migrations map[string]bool
}

func main() {
	// Commands without a window run before anything of Fyne is set up.
	if len(os.Args) > 1 {
		switch os.Args[1] {
		case "overzicht":
			os.Exit(cli.Overzicht(os.Args[2:], os.Stdout, os.Stderr, time.Now()))
		case "aanbod":
			os.Exit(cli.Aanbod(os.Args[2:], os.Stdout, os.Stderr, time.Now()))
		case "kwaliteitsrapport":
			os.Exit(cli.Kwaliteitsrapport(os.Args[2:], os.Stdout, os.Stderr, time.Now()))
		}
	}
	meta, err := metadata()
	if err != nil {
		fmt.Fprintln(os.Stderr, "zelfscan:", err)
		os.Exit(2)
	}
	cl, err := cli.ParseCommandLine(os.Args[1:])
	switch {
	case err != nil:
		fmt.Fprintln(os.Stderr, "zelfscan:", err)
		os.Exit(2)
	case cl.Help:
		fmt.Print(cli.Usage)
		return
	case cl.Version:
		fmt.Printf("%s %s (build %d)\n", meta.Name, meta.Version, meta.Build)
		return
	}
	// A broken settings file must not stop the app: Run shows the message.
	settings, settingsPath, settingsErr := orgsettings.Load(orgsettings.DefaultPaths())
	if settingsErr != nil {
		fmt.Fprintln(os.Stderr, "zelfscan:", settingsErr)
	}
	dir, from, err := resolveDataDir(cl.DataDir, settings.DataDir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "zelfscan:", err)
		os.Exit(2)
	}

	fyneapp.SetMetadata(meta)
	a := fyneapp.NewWithID(meta.ID)
	a.SetIcon(meta.Icon)
	opt := app.Prepare(a, app.Options{DataDir: dir, DataDirFrom: from,
		Settings: settings, SettingsPath: settingsPath, SettingsErr: settingsErr})
	w := a.NewWindow(meta.Name)
	w.SetIcon(meta.Icon)
	w.SetMaster()
	app.Run(a, w, opt)
	w.ShowAndRun()
}

// metadata reads the embedded FyneApp.toml.
func metadata() (fyne.AppMetadata, error) {
	var f fyneAppFile
	if err := toml.Unmarshal(fyneAppTOML, &f); err != nil {
		return fyne.AppMetadata{}, fmt.Errorf("FyneApp.toml lezen: %w", err)
	}
	return fyne.AppMetadata{
		ID: f.Details.ID, Name: f.Details.Name, Version: f.Details.Version, Build: f.Details.Build,
		Icon:       fyne.NewStaticResource("icon.png", assets.Icon),
		Migrations: f.Migrations,
	}, nil
}

// resolveDataDir: the flag wins, then $ZELFSCAN_DATA, then the folder the
// organisation's settings file gives, then the user's configuration folder.
func resolveDataDir(flagValue, orgValue string) (string, app.DataDirOrigin, error) {
	if flagValue != "" {
		return flagValue, app.DataDirFlag, nil
	}
	if env := os.Getenv("ZELFSCAN_DATA"); env != "" {
		return env, app.DataDirEnv, nil
	}
	if orgValue != "" {
		return orgValue, app.DataDirSettings, nil
	}
	cfg, err := os.UserConfigDir()
	if err != nil {
		return "", app.DataDirDefault, fmt.Errorf("geen configuratiemap gevonden; geef een map op met --data: %w", err)
	}
	return filepath.Join(cfg, "zelfscan-ggg"), app.DataDirDefault, nil
}
