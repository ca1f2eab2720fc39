package plans

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"zelfscan/assessment"
	"zelfscan/usermsg"
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
		out[i] = ranked{m.Item.ID, m.Score, m.Reason().Error()}
	}
	return out
}

// A police officer with three gaps:
//
//	A basis-patronen ("Patronen van dwingende controle"), required 3
//	B basis-signaleren ("Signaleren en herkennen"), required 2
//	C pol-risico-inschatting, required 2
//
// Items that reach the required level come first (basis reaches only
// level 1); within each part the score is coverage 40 + level (30 the level
// asked, 15 deeper, 5 below) + organisation + kind + 8 per other gap (up to
// 3) + 5 for own catalogue, worked out per line below. An item without
// provider, own catalogue or source (i5) is never proposed.
func TestMatchRanksByHand(t *testing.T) {
	fw := testFramework(t)
	cat := synthetic(fw,
		Item{ID: "i1", Title: "Dwingende controle verdiept", Kind: KindTraining, Level: LevelVerdiepend, Provider: "Aanbieder A",
			Competencies: []string{"basis-patronen"}, Organisations: []string{"politie"}},
		Item{ID: "i2", Title: "Alles over patronen", Kind: KindHandreiking, Level: LevelBasis, Provider: "Aanbieder B",
			Competencies: []string{"basis-patronen", "basis-signaleren", "pol-risico-inschatting"}},
		Item{ID: "i3", Title: "Casusbespreking", Kind: KindLeeractiviteit, Level: LevelSpecialistisch, Source: "Paragraaf 4.2",
			Competencies: []string{"basis-patronen", "basis-signaleren"}, Organisations: []string{"veilig-thuis"}},
		Item{ID: "i4", Title: "Eigen training patronen", Kind: KindCursus, Level: LevelVerdiepend,
			Competencies: []string{"basis-patronen"}, Origin: "eigen.csv"},
		Item{ID: "i5", Title: "Animatie zonder herkomst", Kind: KindAnimatie, Level: LevelVerdiepend,
			Competencies: []string{"basis-signaleren"}},
		Item{ID: "t-a", Title: "Bbb gelijk", Kind: KindTraining, Level: LevelBasis, Provider: "Aanbieder C",
			Competencies: []string{"pol-risico-inschatting"}, Organisations: []string{"politie"}},
		Item{ID: "t-z", Title: "aaa gelijk", Kind: KindTraining, Level: LevelBasis, Provider: "Aanbieder C",
			Competencies: []string{"pol-risico-inschatting"}, Organisations: []string{"politie"}},
		Item{ID: "t-m", Title: "Aaa gelijk", Kind: KindTraining, Level: LevelBasis, Provider: "Aanbieder C",
			Competencies: []string{"pol-risico-inschatting"}, Organisations: []string{"politie"}},
		Item{ID: "i9", Title: "Onverwant", Kind: KindTraining, Level: LevelBasis, Provider: "Aanbieder D",
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
	n2 := "niveau 2 (" + fw.LevelLabel(2) + ")"
	n3 := "niveau 3 (" + fw.LevelLabel(3) + ")"
	own := "geen vaste aanbieder: te regelen in uw team of organisatie (Paragraaf 4.2)"
	want := [][]ranked{
		{ // gap A, level 3: verdiepend and specialistisch reach it
			// 40 + 30 + 20 politie + 10 course = 100
			{"i1", 100, a + "verdiepend niveau, tot het vereiste " + n3 + "; aangeboden door Aanbieder A; gericht op Politie"},
			// 40 + 30 + 10 for all + 10 course + 5 own = 95
			{"i4", 95, a + "verdiepend niveau, tot het vereiste " + n3 + "; aangeboden door uw organisatie; voor alle organisaties; uit het eigen aanbod (eigen.csv)"},
			// 40 + 30 + 0 other org + 8 activity + 8 (gap B) = 86
			{"i3", 86, a + "specialistisch niveau, tot het vereiste " + n3 + "; " + own + "; bedoeld voor Veilig Thuis; helpt ook bij 1 ander tekort"},
			// below the level: 40 + 5 + 10 for all + 5 guide + 16 (gaps B, C) = 76
			{"i2", 76, a + "basisniveau, lager dan het vereiste " + n3 + "; aangeboden door Aanbieder B; voor alle organisaties; helpt ook bij 2 andere tekorten"},
		},
		{ // gap B, level 2: i3 reaches it (deeper than asked) and goes before i2's higher score
			// 40 + 15 + 0 + 8 + 8 = 71
			{"i3", 71, b + "specialistisch niveau, dieper dan het vereiste " + n2 + "; " + own + "; bedoeld voor Veilig Thuis; helpt ook bij 1 ander tekort"},
			{"i2", 76, b + "basisniveau, lager dan het vereiste " + n2 + "; aangeboden door Aanbieder B; voor alle organisaties; helpt ook bij 2 andere tekorten"},
		},
		{ // gap C, level 2: nothing reaches it
			{"i2", 76, c + "basisniveau, lager dan het vereiste " + n2 + "; aangeboden door Aanbieder B; voor alle organisaties; helpt ook bij 2 andere tekorten"},
			// 40 + 5 + 20 + 10 = 75 three times: by title ("aaa gelijk"
			// before "bbb gelijk", case ignored), then by ID (t-m before t-z).
			{"t-m", 75, c + "basisniveau, lager dan het vereiste " + n2 + "; aangeboden door Aanbieder C; gericht op Politie"},
			{"t-z", 75, c + "basisniveau, lager dan het vereiste " + n2 + "; aangeboden door Aanbieder C; gericht op Politie"},
			{"t-a", 75, c + "basisniveau, lager dan het vereiste " + n2 + "; aangeboden door Aanbieder C; gericht op Politie"},
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
	if at := []int{got[0].AtLevel, got[1].AtLevel, got[2].AtLevel}; !reflect.DeepEqual(at, []int{3, 1, 0}) {
		t.Errorf("op niveau: %v, verwacht [3 1 0]", at)
	}
	// Gap C has nothing at level 2: workplace routes written out for it
	// reach that level; gaps with an offer at their level get none.
	if len(got[0].Routes)+len(got[1].Routes) != 0 || len(got[2].Routes) == 0 {
		t.Fatalf("routes: %d, %d, %d; verwacht 0, 0, meer dan 0", len(got[0].Routes), len(got[1].Routes), len(got[2].Routes))
	}
	for _, r := range got[2].Routes {
		if !r.Reaches || !strings.Contains(r.Steps().Error(), "'pol-risico-inschatting'") {
			t.Errorf("route %s: %q", r.Route.ID, r.Steps().Error())
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
	cat := synthetic(fw, Item{ID: "breed", Title: "Breed", Kind: KindTraining, Level: LevelBasis, Provider: "Aanbieder", Competencies: comps})
	var gaps []assessment.Gap
	for _, c := range comps {
		gaps = append(gaps, gap(t, fw, c, 1, 0))
	}
	m := Match(cat, gaps, "om")[0].Matches[0]
	// 40 + 30 basis at level 1 + 10 for all + 10 course + 3×8 = 114
	if want := "dekt 'Vormen van gendergerelateerd geweld' op basisniveau, tot het vereiste niveau 1 (" + fw.LevelLabel(1) +
		"); aangeboden door Aanbieder; voor alle organisaties; helpt ook bij 4 andere tekorten"; m.Score != 114 || m.Reason().Error() != want {
		t.Errorf("score %v, reden %q", m.Score, m.Reason().Error())
	}
}

func TestMatchSkipsGapWithoutCompetency(t *testing.T) {
	fw := testFramework(t)
	cat := synthetic(fw, Item{ID: "x", Title: "X", Kind: KindTraining, Level: LevelBasis, Provider: "Aanbieder", Competencies: []string{"basis-vormen"}})
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
	// Both intieme-terreur trainings: 40 + 30 verdiepend at 2 + 10 for all +
	// 10 course + 8 (they also serve basis-patronen) = 98; the tie goes by
	// title, "Intieme terreur" before "Van intieme terreur tot femicide".
	r := rankingOf(first[1])
	if len(r) != 2 || r[0].ID != "tr-intieme-terreur" || r[1].ID != "tr-intieme-terreur-tot-femicide" || r[0].Score != 98 || r[1].Score != 98 {
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
			ID:       fmt.Sprintf("gen-%05d", i),
			Title:    fmt.Sprintf("Aanbod %d", rng.IntN(n/4)),
			Kind:     kinds[rng.IntN(len(kinds))],
			Level:    levels[rng.IntN(len(levels))],
			Provider: "Aanbieder",
			Origin:   OriginBuiltin,
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

// On the built-in catalogue every proposal says who offers it, and a gap
// either has something at its level or gets workplace routes that are.
func TestMatchBuiltinSaysWhoOffers(t *testing.T) {
	fw := testFramework(t)
	cat := builtin(t)
	var gaps []assessment.Gap
	for _, c := range fw.Competencies {
		for _, level := range []int{1, 2, 3} {
			gaps = append(gaps, assessment.Gap{Competency: &c, Required: level})
		}
	}
	for _, gm := range Match(cat, gaps, "politie") {
		if gm.AtLevel == 0 && len(gm.Routes) == 0 {
			t.Errorf("%s level %d: nothing at the level and no route", gm.Gap.Competency.ID, gm.Gap.Required)
		}
		for _, m := range gm.Matches {
			coded := usermsg.Render(m.Reason(), func(code, _ string, args map[string]any) string { return code + fmt.Sprint(args) })
			for _, dutch := range []string{"dekt", "aangeboden", "vereiste", "niveau", "bedoeld", "helpt"} {
				if strings.Contains(coded, dutch) {
					t.Errorf("%s: reason has the Dutch %q outside a message: %s", m.Item.ID, dutch, coded)
				}
			}
			if r := m.Reason().Error(); !strings.Contains(r, "aangeboden door ") && !strings.Contains(r, "geen vaste aanbieder") && !strings.Contains(r, "aanbieder niet genoemd") {
				t.Errorf("%s for %s: reason does not say who offers it: %q", m.Item.ID, gm.Gap.Competency.ID, r)
			}
			if m.Reaches != Reaches(m.Item.Level, gm.Gap.Required) {
				t.Errorf("%s: Reaches %v at level %d", m.Item.ID, m.Reaches, gm.Gap.Required)
			}
		}
		if gm.AtLevel == 0 && len(gm.Matches) > 0 && gm.Matches[0].Reaches {
			t.Errorf("%s level %d: AtLevel 0 but the first match reaches", gm.Gap.Competency.ID, gm.Gap.Required)
		}
	}
}
