// Command seedscan prepares a data folder and a Fyne configuration folder
// so that Zelfscan GGG opens on the first page of the longest scan (the
// aandachtsfunctionaris of the organisation with the most statements), with
// every statement answered, as scripts/bench-screens.sh needs it:
//
//	seedscan -data DIR -config XDG_CONFIG_HOME
//
// It prints the number of pages of that scan.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"zelfscan/assessment"
	"zelfscan/assets"
	"zelfscan/store"
)

// appID is the ID in FyneApp.toml; Fyne keeps the app's preferences in
// XDG_CONFIG_HOME/fyne/<ID>/preferences.json.
const appID = "nl.zelfscan.ggg"

func main() {
	data := flag.String("data", "", "data folder (--data of the app)")
	config := flag.String("config", "", "the app's XDG_CONFIG_HOME")
	flag.Parse()
	if *data == "" || *config == "" {
		fmt.Fprintln(os.Stderr, "usage: seedscan -data DIR -config DIR")
		os.Exit(2)
	}
	pages, err := seed(*data, *config)
	if err != nil {
		fmt.Fprintln(os.Stderr, "seedscan:", err)
		os.Exit(1)
	}
	fmt.Println(pages)
}

func seed(data, config string) (int, error) {
	fw, err := assessment.Load(assets.Files, assets.FrameworkDir)
	if err != nil {
		return 0, err
	}
	profile, _ := fw.LongestScan("aandachtsfunctionaris")
	req, err := fw.Required(profile.Organisation, profile.Function)
	if err != nil {
		return 0, err
	}
	st, err := store.Open(data)
	if err != nil {
		return 0, err
	}
	defer st.Close()
	now := time.Now()
	sc, err := st.CreateSelfCheck(profile, fw.Version, now)
	if err != nil {
		return 0, err
	}
	for _, rc := range req {
		for _, ind := range rc.Indicators {
			if err := st.SaveRating(sc.ID, ind.ID, assessment.Rating{Level: 2, At: now}); err != nil {
				return 0, err
			}
		}
	}
	// What app.Restore reads to reopen the scan (see app/ui.go).
	prefs, err := json.Marshal(map[string]any{
		"lastScreen": "scan", "lastSelfCheck": sc.ID, "lastStore": st.Path(),
	})
	if err != nil {
		return 0, err
	}
	dir := filepath.Join(config, "fyne", appID)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return 0, err
	}
	return len(req), os.WriteFile(filepath.Join(dir, "preferences.json"), prefs, 0o600)
}
