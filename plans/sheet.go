package plans

import (
	"encoding/csv"
	"io"
	"strings"
)

// NewSheet writes the UTF-8 byte order mark and returns a CSV writer with
// semicolons and CRLF line ends: every CSV the app writes uses these, so
// Excel with Dutch settings opens it as is.
func NewSheet(w io.Writer) (*csv.Writer, error) {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return nil, err
	}
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	cw.UseCRLF = true
	return cw, nil
}

// SheetCell keeps text from being run as a formula when the sheet is
// opened: a leading =, +, - or @ (or a tab or carriage return) gets an
// apostrophe.
func SheetCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
