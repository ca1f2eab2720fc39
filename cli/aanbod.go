package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"zelfscan/plans"
	"zelfscan/workspace"
)

const aanbodUsage = `Gebruik: zelfscan aanbod [--csv BESTAND] [--pdf BESTAND] [--catalogus BESTAND] [--instellingen BESTAND]

Zet het aanbod af tegen wat het competentiekader vraagt: de Aanbodanalyse.
Per organisatie, functie en competentie het vereiste niveau en het aanbod
per niveau; eerst de eisen die geen aanbod bereikt, dan die zonder cursus
op niveau; per aanbod voor welke eisen het bedoeld is. Er worden geen
zelfscans of leerplannen gelezen: de analyse gebruikt alleen het kader en
de catalogus. Zonder --csv en --pdf komt een samenvatting op het scherm.

Opties:
`

// Aanbod runs `zelfscan aanbod` with args (after the subcommand) and
// returns the exit status. now dates the PDF.
func Aanbod(args []string, stdout, stderr io.Writer, now time.Time) int {
	fs := flag.NewFlagSet("aanbod", flag.ContinueOnError)
	// The flag package's own errors are English: they are said in Dutch below.
	fs.SetOutput(io.Discard)
	csvPath := fs.String("csv", "", "schrijf de analyse als CSV (voor Excel) naar `BESTAND`")
	pdfPath := fs.String("pdf", "", "schrijf de analyse als PDF naar `BESTAND`")
	own := fs.String("catalogus", "", "neem het eigen aanbod in `BESTAND` mee (CSV of YAML, zoals de app het laadt)")
	settings := fs.String("instellingen", "", "neem de kaderuitbreiding en het eigen aanbod uit het instellingenbestand `BESTAND` mee")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stderr, aanbodUsage)
			fs.SetOutput(stderr)
			fs.PrintDefaults()
			return exitOK
		}
		fmt.Fprintln(stderr, "zelfscan aanbod:", dutchFlagError(err, "zelfscan aanbod"))
		return exitBadArgs
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "zelfscan aanbod: onverwacht argument %q. Zie zelfscan aanbod --help\n", fs.Arg(0))
		return exitBadArgs
	}
	ws, cat, err := loadOffer(*settings, *own)
	if err != nil {
		fmt.Fprintln(stderr, "zelfscan aanbod: er is niets geschreven. Wat er mis is:")
		for _, line := range strings.Split(err.Error(), "\n") {
			fmt.Fprintln(stderr, "  "+line)
		}
		return exitFailed
	}
	return writeCoverage(ws.Coverage(cat), *csvPath, *pdfPath, stdout, stderr, now)
}

// loadOffer makes the workspace with the extension and own catalogue of
// the settings file and the own catalogue given, reads its catalogue and
// checks the offers the extension names.
func loadOffer(settingsPath, ownPath string) (*workspace.Workspace, *plans.Catalogue, error) {
	var own []string
	if ownPath != "" {
		own = append(own, ownPath)
	}
	ws, err := workspace.ForCommand(settingsPath, own...)
	if err != nil {
		return nil, nil, err
	}
	cat, err := ws.Catalogue()
	if err == nil {
		err = ws.CatalogueError()
	}
	if err != nil {
		return nil, nil, err
	}
	return ws, cat, plans.CheckOffers(ws.Framework(), cat)
}

// writeCoverage writes the files asked for, each whole or not at all, and
// the summary; without files it prints the requirements no offer reaches.
func writeCoverage(r *workspace.CoverageReport, csvPath, pdfPath string, stdout, stderr io.Writer, now time.Time) int {
	status := writeFiles("aanbod", csvPath, pdfPath, r.WriteCSV,
		func(w io.Writer) error { return workspace.WriteCoveragePDF(w, r, now) }, stdout, stderr)
	if csvPath == "" && pdfPath == "" {
		printUnreached(stdout, r)
	}
	fmt.Fprintln(stdout, r.Summary())
	return status
}

// printUnreached lists the requirements no offer reaches, with the
// workplace routes that do.
func printUnreached(w io.Writer, r *workspace.CoverageReport) {
	fmt.Fprintln(w, "Eisen die geen aanbod uit de catalogus bereikt:")
	n := 0
	for i := range r.Rows {
		row := &r.Rows[i]
		if row.Reached() {
			break // these come first
		}
		n++
		fmt.Fprintf(w, "  %s — %s: %s, niveau %d; werkplekroutes: %s\n", row.Organisation, row.Function, row.Competency.Title,
			row.Required, strings.Join(row.RouteTitles(), "; "))
	}
	if n == 0 {
		fmt.Fprintln(w, "  geen: voor elke eis is er aanbod op niveau.")
	}
	fmt.Fprintln(w)
}
