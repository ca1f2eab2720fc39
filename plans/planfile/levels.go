package planfile

import "zelfscan/assessment"

// Levels turns the file's competencies into what documents/chart draws, so a
// plan made with another framework version still renders from its own data
// (the PDF and review mode both use it).
func (f *File) Levels() []assessment.CompetencyResult {
	out := make([]assessment.CompetencyResult, len(f.Competencies))
	for i, c := range f.Competencies {
		ind, ratings := f.Competencies[i].Ratings()
		own := assessment.LevelOf(ind, ratings)
		// The level written in the file stands, even if a later rule would round differently.
		own.Level = c.Own
		out[i] = assessment.CompetencyResult{
			RequiredCompetency: assessment.RequiredCompetency{Competency: f.Competencies[i].assessed(), Indicators: ind, Level: c.Required},
			Own:                own,
		}
	}
	return out
}
