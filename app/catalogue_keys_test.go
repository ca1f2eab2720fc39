package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"zelfscan/app/widgets"
)

// In "Hele catalogus" the keyboard reaches "Kiezen" with Tab from the
// search field, and in that field Alt+1..3 change tabs and Escape closes
// the dialog, as everywhere else in it.
func TestWholeCatalogueByKeyboard(t *testing.T) {
	f := newPlanFixture(t, 0)
	f.u.install() // Escape goes through the window's key handler
	tapButton(t, f.w, "Leerplan maken")
	ps := f.u.plan
	tapButton(t, f.w, "Actie toevoegen")
	c := f.w.Canvas()
	c.(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.Key2, Modifier: fyne.KeyModifierAlt})
	v := ps.add
	if v == nil || v.tabs.SelectedIndex() != 1 || c.Focused() != fyne.Focusable(v.search) {
		t.Fatalf("Alt+2 did not open the catalogue with the focus in its search field (focus %T)", c.Focused())
	}
	typeKeys(c, "geweld")

	for range 4 {
		test.FocusNext(c)
	}
	if b, ok := c.Focused().(*widgets.KeyButton); !ok || b.Text != "Kiezen" {
		t.Fatalf("four Tabs from the search field reach %T, want the first Kiezen", c.Focused())
	}
	c.Focus(v.search)
	v.search.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.Key3, Modifier: fyne.KeyModifierAlt})
	if v.tabs.SelectedIndex() != 2 {
		t.Errorf("Alt+3 in the search field leaves tab %d selected", v.tabs.SelectedIndex())
	}
	v.tabs.SelectIndex(1)
	c.Focus(v.search)
	pressEscape(c)
	if ps.add != nil || dialogsOnScreen(f.w) != 0 {
		t.Error("Escape in the search field does not close the dialog")
	}
}
