package plans

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/text/encoding/unicode"
)

// The same catalogue as Dutch Excel saves it (testdata/own/excel/gen.go):
// every encoding and separator gives the same two items, with every
// accented letter intact, and the encoding read is named.
func TestParseOwnCatalogueExcelEncodings(t *testing.T) {
	full := "Verdieping Łódź & İzmir"
	cases := []struct {
		file, encoding, secondTitle, description string
	}{
		{"lijsten-windows-1252.csv", EncodingWindows1252, "Verdieping Lódz & Izmir", "Namen: Sükrü, Zoë, François"},
		{"unicode-tekst-utf16le.txt", EncodingUTF16, full, "Namen: Şükrü, Zoë, François"},
		{"csv-utf8-bom.csv", EncodingUTF8, full, "Namen: Şükrü, Zoë, François"},
		{"mac-cr.csv", EncodingUTF8, full, "Namen: Şükrü, Zoë, François"},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			path := filepath.Join("testdata/own/excel", c.file)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if got := CatalogueEncoding(path, data); got != c.encoding {
				t.Errorf("encoding %q, want %q", got, c.encoding)
			}
			items, err := ParseOwnCatalogue(path, data, testFramework(t))
			if err != nil {
				t.Fatal(err)
			}
			if len(items) != 2 {
				t.Fatalf("%d items", len(items))
			}
			if items[0].Title != "Casuïstiek “meldcode”" || items[0].Description != "Café-overleg, € 0 voor collega’s" {
				t.Errorf("first item %q / %q", items[0].Title, items[0].Description)
			}
			if items[1].Title != c.secondTitle || items[1].Provider != "Ærøskøbing Academie" || items[1].Description != c.description {
				t.Errorf("second item %q / %q / %q", items[1].Title, items[1].Provider, items[1].Description)
			}
		})
	}
}

// UTF-16 big-endian (by its byte order mark) is read as well.
func TestParseOwnCatalogueUTF16BE(t *testing.T) {
	text := "titel\tsoort\tniveau\tcompetenties\r\nZoë en İlkay\ttraining\tbasis\tbasis-signaleren\r\n"
	data, err := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if got := CatalogueEncoding("be.txt", data); got != EncodingUTF16 {
		t.Errorf("encoding %q", got)
	}
	items, err := ParseOwnCatalogue("be.txt", data, testFramework(t))
	if err != nil || len(items) != 1 || items[0].Title != "Zoë en İlkay" {
		t.Fatalf("%+v, %v", items, err)
	}
}
