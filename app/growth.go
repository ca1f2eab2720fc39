package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"zelfscan/assessment"
	"zelfscan/workspace"
)

// maxGrowthChecks is how many of the newest self-checks the growth card
// follows: enough for a few years of re-scans, short enough to read.
const maxGrowthChecks = 6

// growthCard follows each competency through the self-checks, oldest
// first, as averages ("0,5 → 1,3 → 2,0") against the required level; nil
// with fewer than two self-checks whose profile the framework still knows.
func (u *UI) growthCard(sums []workspace.Summary) fyne.CanvasObject {
	var results []assessment.Result
	var dates []string
	// sums are newest first; the card reads oldest first.
	for i := len(sums) - 1; i >= 0; i-- {
		if sums[i].Answered == 0 {
			continue
		}
		c, msg := u.loadCompared(sums[i].ID)
		if msg != "" {
			continue
		}
		results = append(results, c.result)
		dates = append(dates, formatDate(c.sc.Updated))
	}
	if len(results) < 2 {
		return nil
	}
	if n := len(results); n > maxGrowthChecks {
		results, dates = results[n-maxGrowthChecks:], dates[n-maxGrowthChecks:]
	}
	box := container.NewVBox(hint(lang.X("history.growthIntro", "Het gemiddelde van uw antwoorden per competentie in uw zelfscans van {{.Dates}}; – waar een zelfscan de competentie niet vroeg.",
		map[string]any{"Dates": strings.Join(dates, ", ")})))
	for _, g := range assessment.GrowthOf(results) {
		steps := make([]string, len(g.Levels))
		answered := false
		for i, l := range g.Levels {
			steps[i] = "–"
			if l != nil && l.Answered > 0 {
				steps[i], answered = decimal(l.Score()), true
			}
		}
		if !answered {
			continue
		}
		title := widget.NewLabelWithStyle(g.Competency.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		title.Wrapping = fyne.TextWrapWord
		box.Add(container.NewVBox(title, hint(lang.X("history.growthLine", "{{.Steps}} (vereist {{.Required}})",
			map[string]any{"Steps": strings.Join(steps, " → "), "Required": g.Required}))))
	}
	return widget.NewCard(lang.X("history.growthTitle", "Groei per competentie"), "", box)
}
