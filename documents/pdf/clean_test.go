package pdf

import (
	"strings"
	"testing"
	"zelfscan/documents/pdftext"
)

// Emoji from phones, joined emoji, flags, keycaps and invisible characters
// print as one readable substitute or not at all: in the name in the header
// of every page, in table cells and in running text, read back with
// pdftotext. Before, a zero-width space broke the line and emoji printed as
// empty boxes.
func TestEmojiAndInvisibleCharactersPrintReadably(t *testing.T) {
	f := hugePlan()
	f.Profile.Name = "Zoë 👩‍👩‍👧 Çelik\u200B-\u200Dd’Ancona \u202Eomgekeerd\u202C 🏳️‍🌈 1️⃣ 🇳🇱"
	f.Competencies[0].Title = "Signaleren 👩🏽‍⚕️👍🏿 in\u200Bgezinnen\u00AD met\uFEFF\u2060kinderen ✅"
	f.Reflection = "Eerste\u2028tweede regel; e\u0301 en Mutlu Şahin’in ﷺ"
	text := pdftext.Bytes(t, renderBytes(t, f, Options{Created: created}))
	pages := strings.Split(strings.TrimRight(text, "\f\n"), "\f")
	if len(pages) < 3 {
		t.Fatalf("%d pages; the test needs several headers", len(pages))
	}
	header := "Zelfscan GGG — persoonlijk leerplan — Zoë (emoji) Çelik-d’Ancona omgekeerd (emoji) (emoji) (emoji)"
	for i, p := range pages {
		first, _, _ := strings.Cut(strings.TrimLeft(p, "\n"), "\n")
		if first != header {
			t.Fatalf("page %d header:\n got %q\nwant %q", i+1, first, header)
		}
	}
	wantText(t, text,
		"Signaleren (emoji) ingezinnen metkinderen (emoji)",
		"Eerste tweede regel; é en Mutlu Şahin’in ?")
	for _, bad := range []string{"\u200B", "\u200D", "\u202E", "\u00AD", "\uFEFF", "\uFFFD", "👩", "🇳"} {
		if strings.Contains(text, bad) {
			t.Errorf("the PDF text holds %U", []rune(bad)[0])
		}
	}
}

// A name too long for the page header is cut with "…" on every page
// instead of running off the page; the name field shows it whole.
func TestLongNameFitsTheHeader(t *testing.T) {
	f := hugePlan()
	f.Profile.Name = "Zoë " + strings.Repeat("Çelik-d’Ancona ", 20) + "einde"
	text := pdftext.Bytes(t, renderBytes(t, f, Options{Created: created}))
	for i, p := range strings.Split(strings.TrimRight(text, "\f\n"), "\f") {
		first, _, _ := strings.Cut(strings.TrimLeft(p, "\n"), "\n")
		if !strings.HasPrefix(first, "Zelfscan GGG — persoonlijk leerplan — Zoë Çelik-d’Ancona") || !strings.HasSuffix(first, "…") || len([]rune(first)) > 160 {
			t.Fatalf("page %d header %q", i+1, first)
		}
	}
	wantText(t, text, "einde")
}
