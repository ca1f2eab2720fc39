package plans

import (
	"strings"
	"testing"

	"zelfscan/assessment"
)

const extensionWithOffers = `name: "Politie Voorbeeld"
version: "1"
organisation: politie
competencies:
  - id: pv-werkafspraken
    category: organisatiespecifiek
    title: "Werkafspraken van de eenheid"
    description: "Eigen afspraken van de eenheid."
    source: "Eigen document"
    indicators:
      - id: pv-werkafspraken-1
        text: "Ik kan de afspraken van de eenheid uitleggen."
      - id: pv-werkafspraken-2
        text: "Ik kan de afspraken van de eenheid toepassen."
    offers:
      - la-intervisie
      - route:meelopen
      - route:coaching-aandachtsfunctionaris
      - route:stage
      - tr-bestaat-niet
      - eigen-leergang
required:
  - function: uitvoerend
    competency: pv-werkafspraken
    level: 2
`

// The offers an extension's competency names are checked against the
// catalogue with file, line and field; an own item only once an own
// catalogue is there. Matching then proposes the named item and only the
// named routes.
func TestExtensionOffers(t *testing.T) {
	base, cat := embedded(t)
	fw, err := assessment.Extend(base, "politie.yaml", []byte(extensionWithOffers))
	if err != nil {
		t.Fatal(err)
	}
	err = CheckOffers(fw, cat)
	want := "politie.yaml, regel 19, veld competencies[0].offers[3]: 'stage' is geen werkplekroute (kies route:casuistiek-deskundige, " +
		"route:intervisie-rol, route:coaching-aandachtsfunctionaris, route:cross-training, route:themabijeenkomst-leiden, route:wisselstage of route:meelopen)\n" +
		"politie.yaml, regel 20, veld competencies[0].offers[4]: 'tr-bestaat-niet' staat niet in de catalogus of het geladen eigen aanbod"
	if err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
	own := cat.WithOwn("eigen", []Item{{ID: "eigen-iets", Title: "Iets", Kind: KindCursus, Level: LevelBasis, Competencies: []string{"basis-vormen"}}})
	if err := CheckOffers(fw, own); err == nil || !strings.Contains(err.Error(), "regel 21, veld competencies[0].offers[5]: 'eigen-leergang'") {
		t.Errorf("own item not checked once an own catalogue is loaded: %v", err)
	}

	c, _ := fw.Competency("pv-werkafspraken")
	gm := Match(cat, []assessment.Gap{{Competency: c, Required: 2}}, "politie", ForFunction("uitvoerend"))[0]
	if len(gm.Matches) != 1 || gm.Matches[0].Item.ID != "la-intervisie" || gm.AtLevel != 1 {
		t.Errorf("matches %+v", gm.Matches)
	}
	g := assessment.Gap{Competency: c, Required: 2}
	var routes []string
	for _, r := range RoutesFor(cat, &g, "politie", "uitvoerend") {
		routes = append(routes, r.Route.ID)
	}
	if strings.Join(routes, " ") != "coaching-aandachtsfunctionaris" {
		t.Errorf("routes %v: only the named ones that reach level 2", routes)
	}
}
