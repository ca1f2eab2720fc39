package planfile

import (
	"bytes"
	"os"
	"testing"
	"time"

	"zelfscan/assessment"
)

// A plan made against an organisation's extension carries its name and
// version, survives a round trip, and a plan of another organisation does
// not claim it. Files without the field (all files before extensions
// existed) stay version 1 and read as before: Decode ignores what it does
// not know and Extension is then nil.
func TestPlanFileCarriesTheExtension(t *testing.T) {
	base, cat := realData(t)
	data, err := os.ReadFile("../../docs/kader-uitbreiding.example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fw, err := assessment.Extend(base, "kader-uitbreiding.example.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	build := func(org string) *File {
		sc := &assessment.SelfCheck{Profile: assessment.Profile{Organisation: org, Function: "uitvoerend"},
			Ratings: map[string]assessment.Rating{"vtvr-werkafspraken-1": {Level: 1}}, Notes: map[string]string{}, Started: at, Updated: at}
		f, err := Build(Source{Framework: fw, Catalogue: cat, SelfCheck: sc, PlanUID: "uid-" + org, AppVersion: "test"}, at)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	f := build("veilig-thuis")
	want := ExtensionInfo{Name: "Veilig Thuis Voorbeeldregio", Version: "2027.1", Organisation: "veilig-thuis"}
	if f.Framework.Extension == nil || *f.Framework.Extension != want || f.Version != 1 {
		t.Fatalf("extension in the file: %+v (file version %d)", f.Framework.Extension, f.Version)
	}
	if _, ok := f.Competency("vtvr-werkafspraken"); !ok {
		t.Error("the extension's competency is not copied into the file")
	}
	var buf bytes.Buffer
	if err := Encode(&buf, f); err != nil {
		t.Fatal(err)
	}
	encoded := bytes.Clone(buf.Bytes())
	back, err := Decode("plan.zelfscan", &buf)
	if err != nil || back.Framework.Extension == nil || *back.Framework.Extension != want {
		t.Fatalf("after a round trip: %+v, %v", back, err)
	}
	if other := build("politie"); other.Framework.Extension != nil {
		t.Errorf("a politie plan claims the Veilig Thuis extension: %+v", other.Framework.Extension)
	}

	// A file without the field reads with no extension.
	old := bytes.Replace(encoded, []byte(`"extension"`), []byte(`"ignored_by_this_test"`), 1)
	plain, err := Decode("oud.zelfscan", bytes.NewReader(old))
	if err != nil || plain.Framework.Extension != nil {
		t.Errorf("file without extension: %+v, %v", plain, err)
	}
}
