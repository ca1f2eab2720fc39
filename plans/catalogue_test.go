package plans

import (
	"errors"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"zelfscan/assessment"
	"zelfscan/assets"
)

// testFramework loads testdata/framework: the fixed organisation and
// competency IDs with placeholder texts, so these tests do not depend on the
// wording of the real framework.
func testFramework(t testing.TB) *assessment.Framework {
	t.Helper()
	fw, err := assessment.Load(os.DirFS("testdata"), "framework")
	if err != nil {
		t.Fatalf("testkader laden: %v", err)
	}
	return fw
}

func builtin(t testing.TB) *Catalogue {
	t.Helper()
	cat, err := LoadBuiltin(assets.Files, assets.CatalogueFile, testFramework(t))
	if err != nil {
		t.Fatalf("ingebouwde catalogus laden: %v", err)
	}
	return cat
}

// The titles and providers of bijlage 4 exactly as the seed prints them.
var seedGuides = [][2]string{
	{"De piramide van geweld", "Act4Respect Alliantie van Atria, Rutgers en COC"},
	{"Factsheet 'Het Verdrag van Istanbul' voor gemeenten", "VNG (Vereniging Nederlandse Gemeenten)"},
	{"Aandacht voor gender maakt de aanpak van huiselijk geweld effectiever: Wat doet de gemeente?", "Regioplan, Movisie, Atria"},
	{"Vorbij vooroordelen en stereotypes: Gender en partnergeweld", "Regioplan, Movisie, Atria"},
	{"Gendersensitief handelen bij huiselijk geweld: Handreiking voor casusbespreking", "Regioplan, Movisie, Atria"},
	{"Aandachtspunten voor gendersensitiviteit bij gemeenten", "Geweld Hoort Nergens Thuis"},
	{"Gendersensitief handelen bij huiselijk geweld: handreiking voor casuïstiekbespreking in het kader van opleiding, training, intervisie of themabijeenkomsten", "Regioplan, in opdracht van VWS i.h.k.v. Geweld Hoort Nergens Thuis"},
	{"Naar een effectieve aanpak van huiselijk geweld! Gendersensitiviteit bij de uitvoering van gemeentelijke taken", "Regioplan, in opdracht van VWS, JenV en de VNG, i.h.k.v. Geweld Hoort Nergens Thuis"},
	{"Animatie 'De rol van gender bij partnergeweld'", "Augeo"},
	{"Handreiking gendersensitief werken in de netwerkbrede aanpak van huiselijk geweld: checklist en tools", "Valente"},
	{"Online magazine 'Gender en huiselijk geweld'", "Augeo"},
	{"Vlogs over seksueel misbruik", "CSG (Centrum Seksueel Geweld)"},
}

var seedTrainings = [][2]string{
	{"G-Woord", "Atria, Rutgers en COC"},
	{"IMAGINE, The solution", "Emancipator"},
	{"Oog voor gender", "Atria"},
	{"Gender- en traumasensitief werken bij HGKM", "LOCK"},
	{"Van intieme terreur tot femicide", "Drakentemmers"},
	{"Geweldspatroom van dwingende controle in (ex-)partnerrelaties - Het verschil tussen wat er gebeurt op het toneel en in de coulissen", "RINO Groep"},
	{"Femicide: bewustwording en (h)erkenning", "Fabriek 69"},
	{"Wat te doen, wat te laten bij seksueel geweld", "Fabriek 69"},
	{"Gendergerelateerd geweld", "Universiteit Leiden (Center for Professional Learning)"},
	{"Multidisciplinaire aanpak van gendergerelateerd geweld", "Filomena"},
	{"Masterclass gendersensitieve aanpak van HGKM: wat ga je nu echt zien als je beter kijkt?", "Regioplan"},
	{"Intieme terreur", "Expertisecentrum Huiselijk Geweld en Kindermishandeling, uitgevoerd door Sterk Huis en Fier"},
	{"E-module helpen na seksueel geweld", "CSG"},
	{"Eergerelateerd geweld; huwelijksdwang; besnijdenis", "Landelijk Expertisecentrum Eergerelateerd Geweld (LEC EGG)"},
	{"Geweld tegen mannen en LHBTQI+'ers", "MenAsWell"},
}

var seedProviders = []string{
	"LECK (Landelijk Expertise Centrum Kindermishandeling)", "Drakentemmers",
	"LOCK (Landelijk Opleidings Centrum Kindermishandeling)", "SafetyNed",
	"RINO groep", "Sterk Huis",
	"Trainershuiselijkgeweld.nl", "Blijf Groep",
	"Civil care", "Fier",
	"TIMM Consultancy", "Kadera",
	"Fabriek 69", "Emancipator",
	"Augeo Academy", "Atria",
	"LVAK (Vereniging voor aandachtfunctionarissen huiselijk geweld en kindermishandeling)", "Rutgers",
	"Academie Praten met Kinderen", "Harten3",
	"Politieacademie", "Expertisecentrum HGKM",
	"Veilig Thuis", "Moviera",
	"CSG (Centrum Seksueel Geweld)", "SSR (Studiecentrum Rechtspleging)",
}

func findByTitle(cat *Catalogue, title string) *Item {
	for _, it := range cat.Items() {
		if it.Title == title {
			return it
		}
	}
	return nil
}

func TestBuiltinHasEveryBijlage4Item(t *testing.T) {
	cat := builtin(t)
	check := func(list [][2]string, source string) {
		for _, s := range list {
			it := findByTitle(cat, s[0])
			if it == nil {
				t.Errorf("%q ontbreekt", s[0])
				continue
			}
			if it.Provider != s[1] {
				t.Errorf("%q: aanbieder %q, bron zegt %q", s[0], it.Provider, s[1])
			}
			if len(it.Competencies) == 0 {
				t.Errorf("%q dient geen competentie", s[0])
			}
			if it.Source != source {
				t.Errorf("%q: bron %q, verwacht %q", s[0], it.Source, source)
			}
			if it.URL != "" || it.Accreditation != (Accreditation{}) {
				t.Errorf("%q: de bron geeft geen url of accreditatie, de catalogus wel", s[0])
			}
			if it.Origin != OriginBuiltin {
				t.Errorf("%q: herkomst %q", s[0], it.Origin)
			}
		}
	}
	check(seedGuides, "Bijlage 4 — Handreikingen/trainingsmateriaal")
	check(seedTrainings, "Bijlage 4 — Training/cursus/masterclass")
	if len(seedGuides) != 12 || len(seedTrainings) != 15 {
		t.Fatalf("bijlage 4 telt 12 handreikingen en 15 trainingen, de test %d en %d", len(seedGuides), len(seedTrainings))
	}
	// Nothing from bijlage 4 beyond what the seed lists.
	n := 0
	for _, it := range cat.Items() {
		if strings.HasPrefix(it.Source, "Bijlage 4") {
			n++
		}
	}
	if n != len(seedGuides)+len(seedTrainings) {
		t.Errorf("%d items noemen bijlage 4 als bron, de bron heeft er %d", n, len(seedGuides)+len(seedTrainings))
	}
}

func TestBuiltinHasAll26Providers(t *testing.T) {
	cat := builtin(t)
	if len(cat.Providers) != 26 {
		t.Errorf("%d aanbieders, bijlage 4 noemt er 26", len(cat.Providers))
	}
	for _, name := range seedProviders {
		found := false
		for _, p := range cat.Providers {
			if p.Name == name {
				found = true
				if p.Source != "Bijlage 4" {
					t.Errorf("%s: bron %q", name, p.Source)
				}
			}
		}
		if !found {
			t.Errorf("aanbieder %q ontbreekt", name)
		}
	}
	if p, ok := cat.Provider("drakentemmers"); !ok || p.Name != "Drakentemmers" {
		t.Errorf("Provider(drakentemmers) = %v, %v", p, ok)
	}
}

func TestBuiltinHasEveryLearningActivity(t *testing.T) {
	cat := builtin(t)
	want := map[string]bool{ // ID -> done together with others
		"la-intervisie": true, "la-teamgesprek": true, "la-supervisie": false,
		"la-casuistiekbespreking": true, "la-cross-training": true, "la-wisselstage": false,
		"la-themabijeenkomst": true, "la-webinar": false, "la-lunchlezing": true,
		"la-intern-ambassadeurschap": false, "la-kijkje-in-de-keuken": false,
		"la-vier-ogenprincipe": false, "la-ervaringsdeskundigen": true,
		"la-aandachtsfunctionaris-raadplegen": false, "la-externe-experts": true, "la-behoeften-en-evaluatie": false,
		"org-e-modules-handelingskader": false,
	}
	n := 0
	for _, it := range cat.Items() {
		if it.Kind == KindLeeractiviteit {
			n++
		}
	}
	if n != len(want) {
		t.Errorf("%d leeractiviteiten, verwacht %d", n, len(want))
	}
	for id, group := range want {
		it, ok := cat.Item(id)
		if !ok {
			t.Errorf("leeractiviteit %s ontbreekt", id)
			continue
		}
		if it.Kind != KindLeeractiviteit || it.Group != group || len(it.Competencies) == 0 || it.Source == "" {
			t.Errorf("%s: soort %s, groep %v, %d competenties, bron %q", id, it.Kind, it.Group, len(it.Competencies), it.Source)
		}
	}
}

// The real framework is written in parallel; once its files are embedded the
// built-in catalogue must also validate against it.
func TestBuiltinAgainstEmbeddedFramework(t *testing.T) {
	fw, err := assessment.Load(assets.Files, assets.FrameworkDir)
	if err != nil {
		// The framework's own tests report this; here it only means there is
		// nothing yet to check the catalogue against.
		t.Skipf("het ingebouwde kader laadt (nog) niet: %v", err)
	}
	if _, err := LoadBuiltin(assets.Files, assets.CatalogueFile, fw); err != nil {
		t.Fatalf("catalogus tegen ingebouwd kader: %v", err)
	}
}

func TestLoadBuiltinRejectsBrokenFiles(t *testing.T) {
	fw := testFramework(t)
	const head = "version: \"1\"\nproviders:\n  - {id: atria, name: Atria, source: Bijlage 4}\nitems:\n"
	const good = "  - id: x\n    title: X\n    provider: Atria\n    kind: training\n    level: basis\n    competencies: [basis-vormen]\n    description: d\n    source: s\n"
	cases := []struct {
		name, data, want string
	}{
		{"onbekende soort", strings.Replace(good, "kind: training", "kind: workshop", 1),
			"cat.yaml, regel 8, veld items[0].kind: 'workshop' is geen bekende soort (kies training, cursus, e-learning, masterclass, handreiking, trainingsmateriaal, factsheet, animatie, magazine, vlog of leeractiviteit)"},
		{"onbekend niveau", strings.Replace(good, "level: basis", "level: gevorderd", 1),
			"cat.yaml, regel 9, veld items[0].level: 'gevorderd' is geen bekend niveau (kies basis, verdiepend of specialistisch)"},
		{"onbekende competentie", strings.Replace(good, "[basis-vormen]", "[basis-vormen, basis-onbekend]", 1),
			"cat.yaml, regel 10, veld items[0].competencies[1]: 'basis-onbekend' is geen bekende competentie"},
		{"geen competentie", strings.Replace(good, "[basis-vormen]", "[]", 1),
			"cat.yaml, regel 10, veld items[0].competencies: noem minstens één competentie"},
		{"onbekende organisatie", good + "    organisations: [brandweer]\n",
			"cat.yaml, regel 13, veld items[0].organisations[0]: 'brandweer' is geen bekende organisatie"},
		{"dubbele id", good + good,
			"cat.yaml, regel 13, veld items[1].id: id \"x\" komt twee keer voor"},
		{"geen webadres", good + "    url: ftp://example.org/x\n",
			"cat.yaml, regel 13, veld items[0].url: 'ftp://example.org/x' is geen webadres (het moet beginnen met http:// of https://)"},
		{"onbekende aanbieder", good + "    providers: [rutgers]\n",
			"cat.yaml, regel 13, veld items[0].providers[0]: 'rutgers' is geen aanbieder uit de lijst 'providers'"},
		{"eigen voorvoegsel", strings.Replace(good, "id: x", "id: eigen-x", 1),
			"cat.yaml, regel 5, veld items[0].id: id \"eigen-x\": het voorvoegsel \"eigen-\" is voor eigen aanbod"},
		{"onbekend veld", good + "    prijs: 100\n",
			"cat.yaml, regel 13, veld prijs: onbekend veld"},
		{"punten zonder register", good + "    accreditation: {points: 3}\n",
			"cat.yaml, regel 13, veld items[0].accreditation.register: punten zonder register: noem ook het register"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := fstest.MapFS{"cat.yaml": {Data: []byte(head + c.data)}}
			_, err := LoadBuiltin(fsys, "cat.yaml", fw)
			if err == nil {
				t.Fatal("geen fout")
			}
			if err.Error() != c.want {
				t.Errorf("fout\n%s\nverwacht\n%s", err, c.want)
			}
			var ve *assessment.ValidationError
			if !errors.As(err, &ve) {
				t.Errorf("geen ValidationError: %T", err)
			}
		})
	}
}

func TestLoadBuiltinRefusesOversizedFile(t *testing.T) {
	fsys := fstest.MapFS{"cat.yaml": {Data: make([]byte, MaxCatalogueSize+1)}}
	_, err := LoadBuiltin(fsys, "cat.yaml", testFramework(t))
	if err == nil || !strings.Contains(err.Error(), "groter dan") {
		t.Fatalf("fout %v, verwacht een te groot bestand", err)
	}
}

func TestWithOwnReplacesSameOriginAndKeepsBuiltin(t *testing.T) {
	cat := builtin(t)
	n := len(cat.Items())
	first := cat.WithOwn("a.csv", []Item{{ID: "eigen-1", Title: "Een"}, {ID: "eigen-2", Title: "Twee"}})
	second := first.WithOwn("a.csv", []Item{{ID: "eigen-3", Title: "Drie"}})
	other := second.WithOwn("b.csv", []Item{{ID: "eigen-3", Title: "Drie bis"}, {ID: "tr-g-woord", Title: "Kaping"}})

	if got := len(first.Items()); got != n+2 {
		t.Errorf("na eerste import %d items, verwacht %d", got, n+2)
	}
	if _, ok := second.Item("eigen-1"); ok {
		t.Error("een nieuwe versie van a.csv laat het oude item eigen-1 staan")
	}
	if it, ok := second.Item("eigen-3"); !ok || it.Origin != "a.csv" {
		t.Errorf("eigen-3 = %v, %v", it, ok)
	}
	if it, _ := other.Item("eigen-3"); it.Title != "Drie bis" || it.Origin != "b.csv" {
		t.Errorf("de laatst toegevoegde eigen catalogus wint niet: %+v", it)
	}
	if it, _ := other.Item("tr-g-woord"); it.Title != "G-Woord" {
		t.Errorf("een eigen item neemt een ingebouwd id over: %q", it.Title)
	}
	if got := len(other.Items()); got != n+1 {
		t.Errorf("%d items, verwacht %d", got, n+1)
	}
	if got := len(cat.Items()); got != n {
		t.Errorf("WithOwn verandert de oorspronkelijke catalogus: %d items", got)
	}
}
