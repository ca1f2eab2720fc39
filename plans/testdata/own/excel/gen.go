//go:build ignore

// gen writes the same small catalogue as Dutch Excel saves it in its three
// text formats, plus an old-Mac file with CR-only line ends:
//
//	go run gen.go
package main

import (
	"os"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// rows holds the catalogue; sep is replaced by the file's separator.
var rows = []string{
	"titel|aanbieder|soort|niveau|competenties|omschrijving",
	"Casuïstiek “meldcode”|Opleidingsteam Zuidwest|training|basis|basis-signaleren|Café-overleg, € 0 voor collega’s",
	"Verdieping Łódź & İzmir|Ærøskøbing Academie|cursus|verdiepend|lt-intieme-terreur|Namen: Şükrü, Zoë, François",
}

func text(sep, eol string) string {
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.ReplaceAll(r, "|", sep) + eol)
	}
	return b.String()
}

func write(name string, enc encoding.Encoding, s string) {
	out, err := enc.NewEncoder().String(s)
	if err != nil {
		panic(err)
	}
	if err := os.WriteFile(name, []byte(out), 0o644); err != nil {
		panic(err)
	}
}

func main() {
	// "CSV (gescheiden door lijsten)": Windows-1252, semicolons, CRLF.
	// Ł, ź, İ and Ş are outside Windows-1252, so that file gets its own rows.
	cp := strings.NewReplacer("Ł", "L", "ź", "z", "İ", "I", "Ş", "S").Replace(text(";", "\r\n"))
	write("lijsten-windows-1252.csv", charmap.Windows1252, cp)
	// "Unicode-tekst": UTF-16LE with byte order mark, tabs, CRLF, saved as .txt.
	write("unicode-tekst-utf16le.txt", unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), text("\t", "\r\n"))
	// "CSV UTF-8 (door komma's gescheiden)": UTF-8 with BOM, semicolons in Dutch Excel.
	write("csv-utf8-bom.csv", unicode.UTF8BOM, text(";", "\r\n"))
	// Old Mac line ends: CR only, commas, UTF-8 without BOM.
	quoted := strings.NewReplacer("Café-overleg, € 0", `"Café-overleg, € 0`, "collega’s", `collega’s"`,
		"Namen: Şükrü, Zoë, François", `"Namen: Şükrü, Zoë, François"`)
	write("mac-cr.csv", unicode.UTF8, quoted.Replace(text(",", "\r")))
}
