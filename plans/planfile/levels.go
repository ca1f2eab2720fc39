package planfile

import "zelfscan/assessment"

// Levels turns the file's competencies into what plans/chart draws, so a
// plan made with another framework version still renders from its own data
// (the PDF and review mode both use it).
func (f *File) Levels() []assessment.CompetencyResult {
	out := make([]assessment.CompetencyResult, len(f.Competencies))
	for i, c := range f.Competencies {
		answered := 0
		for _, ind := range c.Indicators {
			if ind.Level != nil {
				answered++
			}
		}
		out[i] = assessment.CompetencyResult{
			RequiredCompetency: assessment.RequiredCompetency{
				Competency: &assessment.Competency{ID: c.ID, Title: c.Title, Category: assessment.Category(c.Category), Description: c.Description},
				Level:      c.Required,
			},
			Own: assessment.CompetencyLevel{Level: c.Own, Answered: answered, Total: len(c.Indicators), Weakest: -1},
		}
	}
	return out
}
