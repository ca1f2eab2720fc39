package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"zelfscan/coverage"
	"zelfscan/documents/pdf"
	"zelfscan/overview"
	"zelfscan/quality"
	"zelfscan/safefile"
)

const kwaliteitsrapportUsage = `Gebruik: zelfscan kwaliteitsrapport [--pdf BESTAND] [--csv BESTAND] [--min-groep N] MAP...

Maakt het kwaliteitsrapport voor de commissie die de deskundigheidsbevordering
volgt (paragraaf 4.4 van het plan van aanpak): in één PDF of CSV de
leerbehoeften uit het organisatieoverzicht, de dekking van het aanbod
(zoals zelfscan aanbod), wie aan welk aanbod deelnam, hoe nuttig men het
vond, het effect bij de volgende zelfscan en de verbeterpunten die
deelnemers zelf anoniem deelden; met de periode, het aantal gelezen
leerplannen en mensen en wat de werkwijze garandeert. Dezelfde
bescherming als zelfscan overzicht: niets over minder dan N mensen, alle
aantallen afgerond op vijftallen. Zonder --pdf en --csv komen de
kerncijfers op het scherm. Het uitvoerbestand mag geen leerplan of
invoermap zijn.

Opties:
`

// Kwaliteitsrapport runs `zelfscan kwaliteitsrapport` with args (after
// the subcommand) and returns the exit status. now dates the PDF.
func Kwaliteitsrapport(args []string, stdout, stderr io.Writer, now time.Time) int {
	limitMemory()
	fs := flag.NewFlagSet("kwaliteitsrapport", flag.ContinueOnError)
	fs.SetOutput(stderr)
	csvPath := fs.String("csv", "", "schrijf het rapport als CSV-bestand (voor Excel)")
	pdfPath := fs.String("pdf", "", "schrijf het rapport als PDF")
	minGroup := fs.Int("min-groep", overview.MinGroupFloor, fmt.Sprintf("toon niets over minder dan N mensen (minstens %d)", overview.MinGroupFloor))
	fs.Usage = func() {
		fmt.Fprint(stderr, kwaliteitsrapportUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitBadArgs
	}
	defer removeTemporariesOnSignal()()
	o, status := readOverview("kwaliteitsrapport", fs, *csvPath, *pdfPath, *minGroup, stderr)
	if o == nil {
		return status
	}
	fw, cat, err := loadOffer("", "")
	if err != nil {
		fmt.Fprintln(stderr, "zelfscan kwaliteitsrapport:", err)
		return exitFailed
	}
	r := &quality.Report{Overview: o, Coverage: coverage.Build(fw, cat)}
	return writeQuality(r, *csvPath, *pdfPath, stdout, stderr, now)
}

// writeQuality writes the files asked for, each whole or not at all;
// without files it prints the report's facts and guarantees.
func writeQuality(r *quality.Report, csvPath, pdfPath string, stdout, stderr io.Writer, now time.Time) int {
	status := exitOK
	if csvPath != "" {
		if err := safefile.Write(csvPath, r.WriteCSV); err != nil {
			fmt.Fprintln(stderr, "zelfscan kwaliteitsrapport: CSV niet geschreven:", err)
			status = exitFailed
		} else {
			fmt.Fprintln(stdout, "CSV geschreven:", csvPath)
		}
	}
	if pdfPath != "" {
		if err := safefile.Write(pdfPath, func(w io.Writer) error { return pdf.RenderQuality(w, r, now) }); err != nil {
			fmt.Fprintln(stderr, "zelfscan kwaliteitsrapport: PDF niet geschreven:", err)
			status = exitFailed
		} else {
			fmt.Fprintln(stdout, "PDF geschreven:", pdfPath)
		}
	}
	for _, f := range r.Facts() {
		fmt.Fprintf(stdout, "%s: %s\n", f.Name, f.Value)
	}
	if csvPath == "" && pdfPath == "" {
		for _, g := range quality.Guarantees(r.Overview.MinGroup) {
			fmt.Fprintln(stdout, "- "+g)
		}
	}
	return status
}
