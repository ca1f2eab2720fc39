package assessment_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// The judge, the prosecutor and the lawyer work before the facts are
// established (presumption of innocence, art. 6 EVRM; the judge's
// impartiality; the lawyer's partijdigheid for the client), so a statement
// they are asked must not take it as given who did what to whom. This test
// reads every statement each of the three organisations is asked, under
// every profile it offers, and fails on a word that names a party as the
// one who did it or underwent it, unless the statement qualifies it.

// presumingWord matches "pleger", "dader" and "slachtoffer" with their plural
// and compound forms (plegers, plegergedrag, slachtofferrechten, ...).
var presumingWord = regexp.MustCompile(`(?i)^(pleger|dader|slachtoffer)`)

// qualifiersBefore are words that, within three words before, mark the
// party as alleged rather than established; qualifiersAfter do so within
// three words after ("wie zich slachtoffer noemt").
var (
	qualifiersBefore = []string{"vermoedelijk", "vermoedelijke", "vermeend", "vermeende", "mogelijk", "mogelijke", "zegt", "zeggen", "noemt", "noemen"}
	qualifiersAfter  = []string{"zegt", "zeggen", "noemt", "noemen"}
)

// roleFitAllowed are statements that use one of the words unqualified on
// purpose, each with the reason. Keep it short: a new entry needs a reason a
// judge, prosecutor and lawyer would all accept.
var roleFitAllowed = map[string]string{
	// Knowledge about the violence and the people it concerns in general
	// (bijlage 3a), not about a party in a case before the court.
	"basis-vormen-4":        "how people who undergo sexual violence in a relationship often speak of it: knowledge of the form of violence",
	"basis-perspectieven-4": "that men and lhbtiq+ people are victims too: a fact about groups",
	"basis-perspectieven-5": "what can drive perpetrators of this violence in general, the plan's own need (bijlage 3a)",
	"verdiep-doelgroepen-1": "how dependency on a partner who gives care strengthens violence in general",
	// After a finding of guilt the facts are established.
	"org-analyse-rapportage-rechterlijke-macht-2": "punishment and conditions are chosen only after the facts are proven (art. 350 Sv)",
	"org-analyse-rapportage-om-2":                 "the strafeis is the prosecutor's position that the facts are proven (art. 311 Sv)",
	// The procedural position the Wetboek van Strafvordering gives the
	// slachtoffer from the start of a case (art. 51a ff. Sv): naming it is
	// the law's word, not a finding.
	"om-spanning-risico-2":        "informing the slachtoffer of a release is one of the rights Titel IIIA Sv gives that position",
	"spec-wet-taken-om-1":         "protecting the slachtoffer during the proceedings is a duty Titel IIIA Sv attaches to that position",
	"spec-gespreksvoering-om-1":   "the conversation about the decision and the spreekrecht of art. 51e Sv",
	"spec-wet-taken-advocatuur-5": "names the rights of slachtoffer and verdachte side by side as the Sv does",
}

// qualified reports whether the word at index i of words is marked as alleged.
func qualified(words []string, i int) bool {
	for j := max(0, i-3); j < i; j++ {
		if slices.Contains(qualifiersBefore, words[j]) {
			return true
		}
	}
	for j := i + 1; j < min(len(words), i+4); j++ {
		if slices.Contains(qualifiersAfter, words[j]) {
			return true
		}
	}
	return false
}

// presumingWords returns the unqualified presuming words in text.
func presumingWords(text string) []string {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
	})
	var out []string
	for i, w := range words {
		if presumingWord.MatchString(w) && !qualified(words, i) {
			out = append(out, w)
		}
	}
	return out
}

func TestPresumingWordsAreFound(t *testing.T) {
	for text, want := range map[string]int{
		"Ik kan de pleger aanspreken.":                          1,
		"Ik kan slachtoffers en daders horen.":                  2,
		"Ik kan de slachtofferrechten uitleggen.":               1,
		"Ik kan het (mogelijke) slachtoffer informeren.":        0,
		"Ik kan de vermoedelijke pleger horen.":                 0,
		"Ik kan wie zich slachtoffer noemt apart laten wachten": 0,
		"Ik kan de partij die zegt slachtoffer te zijn horen.":  0,
		"Ik kan de verdachte en de aangever horen.":             0,
	} {
		if got := presumingWords(text); len(got) != want {
			t.Errorf("%q: found %v, want %d", text, got, want)
		}
	}
}

func TestStatementsDoNotPresumeTheFactsForJudgeProsecutorAndLawyer(t *testing.T) {
	f := loadEmbedded(t)
	flagged, used, statements := 0, map[string]bool{}, map[string]bool{}
	for _, org := range []string{"rechterlijke-macht", "om", "advocatuur"} {
		seen := map[string]bool{}
		for _, fn := range f.FunctionsFor(org) {
			req, err := f.Required(org, fn.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, rc := range req {
				for _, ind := range rc.Indicators {
					if seen[ind.ID] {
						continue
					}
					seen[ind.ID] = true
					words := presumingWords(ind.Text)
					if len(words) == 0 {
						continue
					}
					if _, ok := roleFitAllowed[ind.ID]; ok {
						used[ind.ID] = true
						continue
					}
					flagged++
					statements[ind.ID] = true
					t.Errorf("%s is asked %s, which presumes the facts (%s): %q", org, ind.ID, strings.Join(words, ", "), ind.Text)
				}
			}
		}
	}
	t.Logf("%d statements presume the facts, asked %d times over the three organisations", len(statements), flagged)
	for id := range roleFitAllowed {
		if !used[id] {
			t.Errorf("allow-list entry %s is not needed: the statement is gone or no longer presumes the facts", id)
		}
	}
}
