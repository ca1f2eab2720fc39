package planfile

import "zelfscan/assessment"

// Ratings gives the competency's statements and answers in the form
// assessment scores, so a plan file reproduces the score and evidence of
// its gaps from its own data, whatever framework version the reader has.
func (c *Competency) Ratings() ([]assessment.Indicator, map[string]assessment.Rating) {
	ind := make([]assessment.Indicator, len(c.Indicators))
	ratings := make(map[string]assessment.Rating, len(c.Indicators))
	for i, fi := range c.Indicators {
		ind[i] = assessment.Indicator{ID: fi.ID, Text: fi.Text}
		if fi.Level != nil {
			ratings[fi.ID] = assessment.Rating{Level: *fi.Level, Note: fi.Note}
		}
	}
	return ind, ratings
}

// assessed turns the file's competency back into what assessment works on.
// The category is stored as its Dutch label; an unknown one (a newer
// framework) stays as it is and counts as deepening.
func (c *Competency) assessed() *assessment.Competency {
	cat, _ := assessment.CategoryOf(c.Category)
	return &assessment.Competency{ID: c.ID, Title: c.Title, Category: cat, Description: c.Description, Source: c.Source}
}

// Gap recomputes the gap of one competency from the file's ratings: the
// average behind the level, the shortfall, priority and the statements
// rated below the required level. False when the competency is unknown or
// its level is met. Gaps in the file keep the priority given when it was
// written; this shows the evidence behind it.
func (f *File) Gap(competencyID string) (assessment.Gap, bool) {
	c, ok := f.Competency(competencyID)
	if !ok {
		return assessment.Gap{}, false
	}
	ind, ratings := c.Ratings()
	rc := assessment.RequiredCompetency{Competency: c.assessed(), Indicators: ind, Level: c.Required}
	return assessment.GapOf(rc, assessment.LevelOf(ind, ratings), ratings, 0)
}
