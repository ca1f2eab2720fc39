package app

import (
	"slices"
	"testing"

	"zelfscan/app/widgets"
)

// A profile that does not exist in an organisation (not_for in the
// framework) is not offered there, and a choice made before switching to
// that organisation is dropped instead of starting a scan the framework refuses.
func TestProfileOffersOnlyFunctionsOfTheOrganisation(t *testing.T) {
	f := newUIFixture(t)
	tapButton(t, f.w, "Nieuwe zelfscan starten")
	chooseInSelect(t, f.w, 0, "Politie")
	fn := selects(f.w)[1]
	if !slices.Equal(fn.Options, []string{"Uitvoerend professional", "Leidinggevende / teamleider"}) {
		t.Fatalf("politie offers %q", fn.Options)
	}
	chooseInSelect(t, f.w, 1, "Leidinggevende / teamleider")
	chooseInSelect(t, f.w, 0, "Andere organisatie")
	if !slices.Equal(fn.Options, []string{"Uitvoerend professional"}) {
		t.Errorf("andere offers %q, want only the frontline profile", fn.Options)
	}
	if fn.Selected != "" {
		t.Errorf("leidinggevende is still chosen at andere: %q", fn.Selected)
	}
	if b := tappable(t, f.w, "Start de zelfscan").(*widgets.KeyButton); !b.Disabled() {
		t.Error("start enabled without a profile that exists at andere")
	}
	chooseInSelect(t, f.w, 1, "Uitvoerend professional")
	if b := tappable(t, f.w, "Start de zelfscan").(*widgets.KeyButton); b.Disabled() {
		t.Error("start disabled with an available profile")
	}
}
