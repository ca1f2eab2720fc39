package plans

import (
	"reflect"
	"testing"
)

func ids(items []*Item) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.ID
	}
	return out
}

func TestSearch(t *testing.T) {
	cat := builtin(t)
	cases := []struct {
		name   string
		query  string
		filter Filter
		want   []string
	}{
		{"hoofdletters en volgorde op titel", "FEMICIDE", Filter{},
			[]string{"org-e-learning-femicide-reclassering", "tr-femicide-bewustwording", "tr-intieme-terreur-tot-femicide"}},
		{"zonder trema vindt casuïstiek", "casuistiekbespreking", Filter{},
			[]string{"hr-handreiking-casuistiekbespreking-opleiding", "la-casuistiekbespreking"}},
		{"alle woorden moeten voorkomen", "intieme terreur fier", Filter{},
			[]string{"tr-intieme-terreur"}},
		{"aanbieder als id", "", Filter{Provider: "fabriek-69"},
			[]string{"tr-femicide-bewustwording", "tr-wat-te-doen-seksueel-geweld"}},
		{"aanbieder als tekst", "", Filter{Provider: "Valente"},
			[]string{"hr-handreiking-netwerkbreed"}},
		{"soort en niveau", "", Filter{Kind: KindLeeractiviteit, Level: LevelSpecialistisch},
			[]string{"la-intern-ambassadeurschap"}},
		{"competentie", "", Filter{Competency: "csg-seksueel-geweld"},
			[]string{"tr-e-module-helpen-na-seksueel-geweld", "hr-vlogs-seksueel-misbruik", "tr-wat-te-doen-seksueel-geweld"}},
		{"niets gevonden", "brandweer", Filter{}, []string{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := ids(Search(cat, c.query, c.filter)); !reflect.DeepEqual(got, c.want) {
				t.Errorf("Search(%q, %+v) = %v, verwacht %v", c.query, c.filter, got, c.want)
			}
		})
	}
	if n := len(Search(cat, "  ", Filter{})); n != len(cat.Items()) {
		t.Errorf("lege zoekvraag geeft %d items, de catalogus heeft er %d", n, len(cat.Items()))
	}
}
