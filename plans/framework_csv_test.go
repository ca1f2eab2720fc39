package plans

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"zelfscan/assessment"
	"zelfscan/assets"
)

// The framework CSV has one row per statement per organisation, exactly the
// statements the scan asks, with the levels Required gives, in the
// project's spreadsheet form, and the same bytes every time.
func TestFrameworkCSVRowsAreWhatTheScanAsks(t *testing.T) {
	fw, err := assessment.Load(assets.Files, assets.FrameworkDir)
	if err != nil {
		t.Fatal(err)
	}
	var buf, again bytes.Buffer
	if err := WriteFrameworkCSV(&buf, fw); err != nil {
		t.Fatal(err)
	}
	if err := WriteFrameworkCSV(&again, fw); err != nil || !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Fatalf("not deterministic (%v)", err)
	}
	data := buf.String()
	if !strings.HasPrefix(data, "\uFEFF") || !strings.Contains(data, "\r\n") {
		t.Fatal("no byte order mark or CRLF")
	}
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(data, "\uFEFF")))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	head := rows[0]
	if head[1] != "Organisatie" || head[6] != "Uitspraak" || head[7] != "Vereist niveau: "+fw.Functions[0].Name || head[len(head)-1] != "Bron" {
		t.Fatalf("header %q", head)
	}
	// Index the rows by organisation name and statement ID.
	type key struct{ org, statement string }
	got := map[key][]string{}
	for _, row := range rows[1:] {
		if row[0] != "Competentiekader "+fw.Version {
			t.Fatalf("framework column %q", row[0])
		}
		got[key{row[1], row[5]}] = row
	}
	want := 0
	for _, org := range fw.Organisations {
		for j, fn := range fw.Functions {
			req, err := fw.Required(org.ID, fn.ID)
			if err != nil {
				continue
			}
			for _, rc := range req {
				for _, ind := range rc.Indicators {
					row, ok := got[key{org.Name, ind.ID}]
					if !ok {
						t.Fatalf("%s/%s: asked statement %s missing", org.ID, fn.ID, ind.ID)
					}
					if row[6] != ind.Text || row[7+j] != LevelCell(rc.Level) || row[len(row)-1] != rc.Competency.Source {
						t.Fatalf("%s/%s: row %q does not match level %d", org.ID, fn.ID, row, rc.Level)
					}
				}
			}
		}
		list, _ := fw.Review(org.ID)
		for _, rc := range list {
			want += len(rc.Indicators)
		}
	}
	if len(rows)-1 != want || len(got) != want {
		t.Fatalf("%d rows (%d distinct), want %d", len(rows)-1, len(got), want)
	}
}

func TestSheetCellDisarmsFormulas(t *testing.T) {
	for in, want := range map[string]string{"=SUM(A1)": "'=SUM(A1)", "+1": "'+1", "-2": "'-2", "@x": "'@x", "Ik kan": "Ik kan", "": ""} {
		if got := SheetCell(in); got != want {
			t.Errorf("SheetCell(%q) = %q, want %q", in, got, want)
		}
	}
}
