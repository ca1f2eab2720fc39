package plans

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"zelfscan/assessment"
)

func gap(t testing.TB, fw *assessment.Framework, id string, required, own int) assessment.Gap {
	t.Helper()
	c, ok := fw.Competency(id)
	if !ok {
		t.Fatalf("competentie %s ontbreekt in het testkader", id)
	}
	return assessment.Gap{Competency: c, Required: required, Own: own, Complete: true}
}

func synthetic(fw *assessment.Framework, items ...Item) *Catalogue {
	ptrs := make([]*Item, len(items))
	for i := range items {
		if items[i].Origin == "" {
			items[i].Origin = OriginBuiltin
		}
		ptrs[i] = &items[i]
	}
	return newCatalogue("test", nil, fw, ptrs)
}

type ranked struct {
	ID     string
	Score  float64
	Reason string
}

func rankingOf(gm GapMatches) []ranked {
	out := make([]ranked, len(gm.Matches))
	for i, m := range gm.Matches {
		out[i] = ranked{m.Item.ID, m.Score, m.Reason}
	}
	return out
}

// A police officer with three gaps:
//
//	A basis-patronen ("Patronen van dwingende controle"), required 3 (asks depth)
//	B basis-signaleren ("Signaleren en herkennen"), required 2 (asks basis)
//	C pol-risico-inschatting, required 2 (asks basis)
//
// Scores are coverage 40 + level + organisation + kind + 8 per other gap
// (up to 3) + 5 for own catalogue, worked out per line below.
func TestMatchRanksByHand(t *testing.T) {
	fw := testFramework(t)
	cat := synthetic(fw,
		Item{ID: "i1", Title: "Dwingende controle verdiept", Kind: KindTraining, Level: LevelVerdiepend,
			Competencies: []string{"basis-patronen"}, Organisations: []string{"politie"}},
		Item{ID: "i2", Title: "Alles over patronen", Kind: KindHandreiking, Level: LevelBasis,
			Competencies: []string{"basis-patronen", "basis-signaleren", "pol-risico-inschatting"}},
		Item{ID: "i3", Title: "Casusbespreking", Kind: KindLeeractiviteit, Level: LevelSpecialistisch,
			Competencies: []string{"basis-patronen", "basis-signaleren"}, Organisations: []string{"veilig-thuis"}},
		Item{ID: "i4", Title: "Eigen training patronen", Kind: KindCursus, Level: LevelVerdiepend,
			Competencies: []string{"basis-patronen"}, Origin: "eigen.csv"},
		Item{ID: "i5", Title: "Animatie", Kind: KindAnimatie, Level: LevelBasis,
			Competencies: []string{"basis-signaleren"}},
		Item{ID: "t-a", Title: "Bbb gelijk", Kind: KindTraining, Level: LevelBasis,
			Competencies: []string{"pol-risico-inschatting"}, Organisations: []string{"politie"}},
		Item{ID: "t-z", Title: "aaa gelijk", Kind: KindTraining, Level: LevelBasis,
			Competencies: []string{"pol-risico-inschatting"}, Organisations: []string{"politie"}},
		Item{ID: "t-m", Title: "Aaa gelijk", Kind: KindTraining, Level: LevelBasis,
			Competencies: []string{"pol-risico-inschatting"}, Organisations: []string{"politie"}},
		Item{ID: "i9", Title: "Onverwant", Kind: KindTraining, Level: LevelBasis,
			Competencies: []string{"basis-vormen"}},
	)
	gaps := []assessment.Gap{
		gap(t, fw, "basis-patronen", 3, 1),
		gap(t, fw, "basis-signaleren", 2, 0),
		gap(t, fw, "pol-risico-inschatting", 2, 1),
	}
	got := Match(cat, gaps, "politie")
	if len(got) != 3 {
		t.Fatalf("%d tekorten terug, verwacht 3", len(got))
	}
	const (
		a = "dekt 'Patronen van dwingende controle' op "
		b = "dekt 'Signaleren en herkennen' op "
		c = "dekt 'pol-risico-inschatting' op "
	)
	want := [][]ranked{
		{ // gap A
			// 40 + 30 verdiepend at 3 + 20 politie + 10 course = 100
			{"i1", 100, a + "verdiepend niveau; gericht op Politie"},
			// 40 + 30 verdiepend + 10 for all + 10 course + 5 own = 95
			{"i4", 95, a + "verdiepend niveau; voor alle organisaties; uit het eigen aanbod (eigen.csv)"},
			// 40 + 30 specialistisch at 3 + 0 other org + 8 activity + 8 (gap B) = 86
			{"i3", 86, a + "specialistisch niveau; bedoeld voor Veilig Thuis; helpt ook bij 1 ander tekort"},
			// 40 + 10 basis at 3 + 10 for all + 5 guide + 16 (gaps B, C) = 81
			{"i2", 81, a + "basisniveau (lager dan gevraagd); voor alle organisaties; helpt ook bij 2 andere tekorten"},
		},
		{ // gap B
			// 40 + 30 basis at 2 + 10 for all + 5 guide + 16 = 101
			{"i2", 101, b + "basisniveau; voor alle organisaties; helpt ook bij 2 andere tekorten"},
			// 40 + 30 + 10 + 3 animation = 83
			{"i5", 83, b + "basisniveau; voor alle organisaties"},
			// 40 + 5 specialistisch at 2 + 0 + 8 activity + 8 (gap A) = 61
			{"i3", 61, b + "specialistisch niveau (dieper dan nu nodig); bedoeld voor Veilig Thuis; helpt ook bij 1 ander tekort"},
		},
		{ // gap C
			{"i2", 101, c + "basisniveau; voor alle organisaties; helpt ook bij 2 andere tekorten"},
			// 40 + 30 + 20 + 10 = 100 three times: by title ("aaa gelijk"
			// before "bbb gelijk", case ignored), then by ID (t-m before t-z).
			{"t-m", 100, c + "basisniveau; gericht op Politie"},
			{"t-z", 100, c + "basisniveau; gericht op Politie"},
			{"t-a", 100, c + "basisniveau; gericht op Politie"},
		},
	}
	for i := range want {
		if got[i].Gap.Competency != gaps[i].Competency {
			t.Errorf("resultaat %d hoort bij %s", i, got[i].Gap.Competency.ID)
		}
		if r := rankingOf(got[i]); !reflect.DeepEqual(r, want[i]) {
			t.Errorf("tekort %s:\n%v\nverwacht\n%v", gaps[i].Competency.ID, r, want[i])
		}
	}

	limited := Match(cat, gaps, "politie", Limit(2))
	if ids := rankingOf(limited[2]); len(ids) != 2 || ids[0].ID != "i2" || ids[1].ID != "t-m" {
		t.Errorf("Limit(2): %v", ids)
	}
}

// Other gaps count up to three in the score, but the reason names them all.
func TestMatchCapsOtherGapBonus(t *testing.T) {
	fw := testFramework(t)
	comps := []string{"basis-vormen", "basis-perspectieven", "basis-eigen-bril", "verdiep-wetgeving", "verdiep-doelgroepen"}
	cat := synthetic(fw, Item{ID: "breed", Title: "Breed", Kind: KindTraining, Level: LevelBasis, Competencies: comps})
	var gaps []assessment.Gap
	for _, c := range comps {
		gaps = append(gaps, gap(t, fw, c, 2, 0))
	}
	m := Match(cat, gaps, "om")[0].Matches[0]
	// 40 + 30 + 10 for all + 10 course + 3×8 = 114
	if m.Score != 114 || m.Reason != "dekt 'Vormen van gendergerelateerd geweld' op basisniveau; voor alle organisaties; helpt ook bij 4 andere tekorten" {
		t.Errorf("score %v, reden %q", m.Score, m.Reason)
	}
}

func TestMatchSkipsGapWithoutCompetency(t *testing.T) {
	fw := testFramework(t)
	cat := synthetic(fw, Item{ID: "x", Title: "X", Kind: KindTraining, Level: LevelBasis, Competencies: []string{"basis-vormen"}})
	got := Match(cat, []assessment.Gap{{Required: 2}, gap(t, fw, "basis-vormen", 2, 0)}, "politie")
	if len(got) != 2 || len(got[0].Matches) != 0 || len(got[1].Matches) != 1 {
		t.Errorf("%+v", got)
	}
}

// On the built-in catalogue the order is the same on every run, and the
// hand-worked ranking for one gap holds.
func TestMatchBuiltinIsDeterministic(t *testing.T) {
	fw := testFramework(t)
	cat := builtin(t)
	gaps := []assessment.Gap{gap(t, fw, "basis-patronen", 3, 1), gap(t, fw, "lt-intieme-terreur", 2, 0)}
	first := Match(cat, gaps, "lokale-teams")
	for range 5 {
		if again := Match(cat, gaps, "lokale-teams"); !reflect.DeepEqual(rankingOf(again[0]), rankingOf(first[0])) {
			t.Fatal("de volgorde verschilt tussen twee runs")
		}
	}
	// Both intieme-terreur trainings: 40 + 15 verdiepend at 2 + 10 for all +
	// 10 course + 8 (they also serve basis-patronen) = 83; the tie goes by
	// title, "Intieme terreur" before "Van intieme terreur tot femicide".
	r := rankingOf(first[1])
	if len(r) != 2 || r[0].ID != "tr-intieme-terreur" || r[1].ID != "tr-intieme-terreur-tot-femicide" || r[0].Score != 83 || r[1].Score != 83 {
		t.Errorf("intieme terreur: %v", r)
	}
}

// generated builds a catalogue of n items over the framework's competencies,
// the same for every run.
func generated(fw *assessment.Framework, n int) *Catalogue {
	rng := rand.New(rand.NewPCG(1, 2))
	kinds, levels := Kinds(), Levels()
	items := make([]*Item, n)
	for i := range items {
		it := &Item{
			ID:     fmt.Sprintf("gen-%05d", i),
			Title:  fmt.Sprintf("Aanbod %d", rng.IntN(n/4)),
			Kind:   kinds[rng.IntN(len(kinds))],
			Level:  levels[rng.IntN(len(levels))],
			Origin: OriginBuiltin,
		}
		for range 1 + rng.IntN(4) {
			it.Competencies = append(it.Competencies, fw.Competencies[rng.IntN(len(fw.Competencies))].ID)
		}
		if rng.IntN(5) == 0 {
			it.Organisations = []string{fw.Organisations[rng.IntN(len(fw.Organisations))].ID}
		}
		items[i] = it
	}
	return newCatalogue("bench", nil, fw, items)
}

// benchGaps is a typical result: 15 gaps of a police officer.
func benchGaps(b *testing.B, fw *assessment.Framework) []assessment.Gap {
	req, err := fw.Required("politie", "uitvoerend")
	if err != nil {
		b.Fatal(err)
	}
	var gaps []assessment.Gap
	for _, r := range req[:15] {
		gaps = append(gaps, assessment.Gap{Competency: r.Competency, Required: r.Level, Own: 0})
	}
	return gaps
}

func BenchmarkMatch10000(b *testing.B) {
	fw := testFramework(b)
	cat := generated(fw, 10000)
	gaps := benchGaps(b, fw)
	b.ResetTimer()
	for b.Loop() {
		Match(cat, gaps, "politie")
	}
}

func BenchmarkMatch10000Top5(b *testing.B) {
	fw := testFramework(b)
	cat := generated(fw, 10000)
	gaps := benchGaps(b, fw)
	b.ResetTimer()
	for b.Loop() {
		Match(cat, gaps, "politie", Limit(5))
	}
}
