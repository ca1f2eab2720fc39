// Package pdftext gives tests the text of a PDF as a reader gets it, by
// poppler's pdftotext (Debian's poppler-utils, which scripts/install-deps.sh
// --test installs). A Go extractor tried earlier (ledongthuc/pdf) turned
// "–" and "’" into control characters. Pages are separated by form feeds.
package pdftext

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// File is the text of the PDF at path; a missing pdftotext fails the test
// with what to install.
func File(tb testing.TB, path string) string {
	tb.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		tb.Fatal("pdftotext ontbreekt: installeer het Debian-pakket poppler-utils (scripts/install-deps.sh --test)")
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		tb.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// Bytes is the text of a PDF held in memory.
func Bytes(tb testing.TB, data []byte) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "document.pdf")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		tb.Fatal(err)
	}
	return File(tb, path)
}
