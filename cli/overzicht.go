// Package cli holds the commands zelfscan runs without a window, such as
// `zelfscan overzicht`. main only hands them the arguments.
package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"zelfscan/plans"
	"zelfscan/workspace"
)

// Exit statuses of the commands.
const (
	exitOK      = 0
	exitFailed  = 1 // nothing could be read, or an output file not written
	exitBadArgs = 2
	// exitInterrupted: stopped by Ctrl-C or SIGTERM, temporary files removed.
	exitInterrupted = 130
)

const overzichtUsage = `Gebruik: zelfscan overzicht [--csv BESTAND] [--pdf BESTAND] [--min-groep N] MAP...

Maakt een anoniem overzicht van alle leerplannen (.zelfscan-bestanden en
pdf's van Zelfscan GGG) in de mappen en hun submappen: per organisatie en
functie, per competentie, hoeveel mensen op welk niveau zitten en hoeveel
een tekort hebben, de meest gedeelde tekorten en het aanbod voor de
grootste tekorten; per aanbod wie het plande, begon en afrondde en hoe
nuttig men het vond, het effect bij de volgende zelfscan, en verbeterpunten
die deelnemers zelf anoniem deelden. Namen, notities en reflecties worden
niet gelezen; van een evaluatie alleen het cijfer en een gedeeld verbeterpunt.
Een groep (organisatie en functie) staat er alleen in met minstens N
verschillende mensen; alle aantallen zijn afgerond op vijftallen, zodat uit
het overzicht (ook naast een eerder overzicht) niet te halen is wat één
persoon heeft ingevuld. Zonder --csv en --pdf komt het overzicht op het
scherm. Het uitvoerbestand mag geen leerplan of invoermap zijn.

Opties:
`

// Overzicht runs `zelfscan overzicht` with args (after the subcommand) and
// returns the exit status. now dates the PDF.
func Overzicht(args []string, stdout, stderr io.Writer, now time.Time) int {
	limitMemory()
	flags, status, ok := parseReportFlags("overzicht", overzichtUsage, "overzicht", args, stderr)
	if !ok {
		return status
	}
	fs, csvPath, pdfPath, minGroup := flags.fs, flags.csvPath, flags.pdfPath, flags.minGroup
	defer removeTemporariesOnSignal()()
	o, status := readOverview("overzicht", fs, *csvPath, *pdfPath, *minGroup, stderr)
	if o == nil {
		return status
	}
	return writeOverview(o, *csvPath, *pdfPath, stdout, stderr, now)
}

// readOverview checks the folders and output paths of command name and
// reads the overview; on failure it has said why and returns the exit
// status.
func readOverview(name string, fs *flag.FlagSet, csvPath, pdfPath string, minGroup int, stderr io.Writer) (*workspace.OrganisationOverview, int) {
	if fs.NArg() == 0 {
		fmt.Fprintf(stderr, "zelfscan %s: geef minstens één map met leerplannen op\n", name)
		fs.Usage()
		return nil, exitBadArgs
	}
	if err := checkOutputs(fs.Args(), csvPath, pdfPath); err != nil {
		fmt.Fprintf(stderr, "zelfscan %s: %s\n", name, err)
		return nil, exitBadArgs
	}
	cat, err := builtinCatalogue()
	if err != nil {
		fmt.Fprintf(stderr, "zelfscan %s: %s\n", name, err)
		return nil, exitFailed
	}
	o, err := workspace.ReadOrganisationOverview(fs.Args(), minGroup, cat)
	if o == nil { // the smallest group is refused: nothing was read
		fmt.Fprintf(stderr, "zelfscan %s: %s\n", name, err)
		return nil, exitBadArgs
	}
	for _, p := range o.Problems {
		fmt.Fprintf(stderr, "overgeslagen: %s: %s\n", p.Name, p.Reason)
	}
	if err != nil {
		fmt.Fprintf(stderr, "zelfscan %s: %s in %s; er is niets geschreven\n", name, err, strings.Join(fs.Args(), ", "))
		return nil, exitFailed
	}
	return o, exitOK
}

// writeOverview writes the files asked for, each whole or not at all, and
// the summary; without files it prints the overview itself.
func writeOverview(o *workspace.OrganisationOverview, csvPath, pdfPath string, stdout, stderr io.Writer, now time.Time) int {
	status := writeFiles("overzicht", csvPath, pdfPath, o.WriteCSV,
		func(w io.Writer) error { return workspace.WriteOrganisationOverviewPDF(w, o, now) }, stdout, stderr)
	if csvPath == "" && pdfPath == "" {
		if err := o.WriteText(stdout); err != nil {
			return exitFailed
		}
		return status
	}
	fmt.Fprintln(stdout, o.Summary())
	return status
}

func builtinCatalogue() (*plans.Catalogue, error) {
	_, cat, err := plans.LoadEmbedded()
	return cat, err
}
