package chart

import (
	"bytes"
	"image"
	"image/draw"
	"math"
	"testing"

	"gonum.org/v1/plot/vg/vgimg"
)

// The window's raster and the PDF's vectors come from one definition: a
// Drawing drawn on any canvas gives what Image gives, pixel for pixel, for
// every chart and theme.
func TestImageAndDrawAreOneDefinition(t *testing.T) {
	rows, cols, values := sampleHeatmap()
	for _, dark := range []bool{false, true} {
		o := Options{Width: 700, DPI: 96, Dark: dark}
		profile, err := ProfileDrawing(sampleLevels(9), testScale, o)
		if err != nil {
			t.Fatal(err)
		}
		heat, err := GroupHeatmapDrawing(rows, cols, values, o)
		if err != nil {
			t.Fatal(err)
		}
		empty, err := ProfileDrawing(nil, testScale, o)
		if err != nil {
			t.Fatal(err)
		}
		for name, d := range map[string]Drawing{"profile": profile, "heat map": heat, "no answers": empty} {
			want := d.Image()
			w, h := d.Size()
			c := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(96))
			d.Draw(c)
			got := c.Image()
			if got.Bounds() != want.Bounds() {
				t.Fatalf("%s dark=%v: Draw gives %v, Image %v", name, dark, got.Bounds(), want.Bounds())
			}
			if !bytes.Equal(rgba(got).Pix, rgba(want).Pix) {
				t.Errorf("%s dark=%v: drawing on a canvas differs from the window's image", name, dark)
			}
		}
	}
}

func rgba(img image.Image) *image.RGBA {
	out := image.NewRGBA(img.Bounds())
	draw.Draw(out, out.Bounds(), img, img.Bounds().Min, draw.Src)
	return out
}

// sampleHeatmap is a small group: four competencies, three members, one
// competency outside a member's profile.
func sampleHeatmap() (rows, cols []string, values [][]float64) {
	for i, l := range sampleLevels(4) {
		rows = append(rows, l.Competency.Title)
		values = append(values, []float64{float64(i % 3), float64((i + 1) % 4), 1})
	}
	values[2][1] = math.NaN()
	return rows, []string{"Anouk", "Bram", "Chloë"}, values
}
