package plans

import (
	"bytes"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// The encodings an own catalogue in CSV or text form is read in, named as
// the import summary shows them: what Dutch Excel's "Opslaan als" offers.
const (
	EncodingUTF8        = "UTF-8"
	EncodingUTF16       = "UTF-16 (Excel: Unicode-tekst)"
	EncodingWindows1252 = "Windows-1252 (Excel: CSV, gescheiden door lijsten)"
)

// CatalogueEncoding names the encoding an own catalogue file is read in,
// or "" for a YAML file (always UTF-8).
func CatalogueEncoding(name string, data []byte) string {
	if !isTableFile(name) {
		return ""
	}
	_, enc := tableText(data)
	return enc
}

// isTableFile tells a spreadsheet export (.csv, or Excel's .txt) from YAML.
func isTableFile(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv", ".txt":
		return true
	}
	return false
}

// tableText decodes a spreadsheet export to UTF-8 with "\n" line ends:
// UTF-16 by its byte order mark, UTF-8 with or without one, and anything
// else as Windows-1252, which maps every byte to a character. Old Mac
// files end lines with CR only.
func tableText(data []byte) ([]byte, string) {
	var enc encoding.Encoding
	name := EncodingUTF16
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		enc = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		enc = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	case utf8.Valid(data):
		data, name = bytes.TrimPrefix(data, utf8BOM), EncodingUTF8
	default:
		enc, name = charmap.Windows1252, EncodingWindows1252
	}
	if enc != nil {
		// Both decoders replace what they cannot read by U+FFFD instead of failing.
		data, _ = enc.NewDecoder().Bytes(data)
	}
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(data, []byte("\r"), []byte("\n")), name
}
