package cli

import (
	"fmt"
	"io"
	"time"

	"zelfscan/workspace"
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
	flags, status, ok := parseReportFlags("kwaliteitsrapport", kwaliteitsrapportUsage, "rapport", args, stderr)
	if !ok {
		return status
	}
	fs, csvPath, pdfPath, minGroup := flags.fs, flags.csvPath, flags.pdfPath, flags.minGroup
	defer removeTemporariesOnSignal()()
	o, status := readOverview("kwaliteitsrapport", fs, *csvPath, *pdfPath, *minGroup, stderr)
	if o == nil {
		return status
	}
	ws, cat, err := loadOffer("", "")
	if err != nil {
		fmt.Fprintln(stderr, "zelfscan kwaliteitsrapport:", err)
		return exitFailed
	}
	return writeQuality(ws.QualityReport(o, cat), *csvPath, *pdfPath, stdout, stderr, now)
}

// writeQuality writes the files asked for, each whole or not at all;
// without files it prints the report's facts and guarantees.
func writeQuality(r *workspace.QualityReport, csvPath, pdfPath string, stdout, stderr io.Writer, now time.Time) int {
	status := writeFiles("kwaliteitsrapport", csvPath, pdfPath, r.WriteCSV,
		func(w io.Writer) error { return workspace.WriteQualityPDF(w, r, now) }, stdout, stderr)
	for _, f := range r.Facts() {
		fmt.Fprintf(stdout, "%s: %s\n", f.Name, f.Value)
	}
	if csvPath == "" && pdfPath == "" {
		for _, g := range r.Guarantees() {
			fmt.Fprintln(stdout, "- "+g)
		}
	}
	return status
}
