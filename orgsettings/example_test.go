package orgsettings

import (
	"path/filepath"
	"testing"
)

// The example in docs/ must stay a valid settings file.
func TestDocumentedExampleLoads(t *testing.T) {
	t.Setenv("HOME", "/home/medewerker")
	t.Setenv("ZELFSCAN_PSEUDONIEM_SLEUTEL", "sleutel-van-ict-32-tekens-lang!!")
	t.Setenv("ZELFSCAN_LRS_WACHTWOORD", "geheim")
	p := filepath.Join("..", "docs", "zelfscan-instellingen.example.yaml")
	s, _, err := Load([]string{p})
	if err != nil {
		t.Fatal(err)
	}
	abs, err := filepath.Abs(filepath.Join("..", "docs", "aanbod-veilig-thuis.csv"))
	if err != nil {
		t.Fatal(err)
	}
	ext, err := filepath.Abs(filepath.Join("..", "docs", "kader-uitbreiding.example.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	want := Settings{Organisation: "veilig-thuis", OwnCatalogue: abs, DataDir: "/home/medewerker/Documenten/Zelfscan GGG", FrameworkExtension: ext,
		LearningRecords: LearningRecords{BaseIRI: "https://leren.voorbeeld.nl/zelfscan", AccountHomePage: "https://leren.voorbeeld.nl",
			PseudonymKey: "sleutel-van-ict-32-tekens-lang!!", LRS: "https://lrs.voorbeeld.nl/data/xAPI", LRSUser: "zelfscan-ggg", LRSPassword: "geheim"},
		RescanMonths: 6}
	if s != want {
		t.Errorf("example gives %+v, want %+v", s, want)
	}
}
