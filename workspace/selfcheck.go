package workspace

import (
	"errors"
	"fmt"
	"time"

	"zelfscan/assessment"
)

// ErrUnknownProfile is why a self-check cannot be analysed: its
// organisation or function is not in the framework in use, for instance
// one an extension added that the organisation no longer uses.
var ErrUnknownProfile = errors.New("workspace: the self-check's profile is not in the framework in use")

// Analysed is a self-check with what the framework in use asks of its
// profile, and the result of its answers against that.
type Analysed struct {
	SelfCheck *assessment.SelfCheck
	Required  []assessment.RequiredCompetency
	Result    assessment.Result
}

// Analyse loads self-check id and analyses it against the framework as the
// window shows it, so that titles are in the window's language; levels and
// gaps are the same in both. The results, the plan and the comparison all
// come from here. A store error comes back as it is; a profile the
// framework does not know gives ErrUnknownProfile, with the self-check.
func (w *Workspace) Analyse(id int64) (Analysed, error) {
	sc, err := w.store.SelfCheck(id)
	if err != nil {
		return Analysed{}, err
	}
	return analyse(w.view, sc)
}

// analyse is sc's result against fw; every result in the workspace comes
// from here.
func analyse(fw *assessment.Framework, sc *assessment.SelfCheck) (Analysed, error) {
	req, err := fw.Required(sc.Profile.Organisation, sc.Profile.Function)
	if err != nil {
		return Analysed{SelfCheck: sc}, fmt.Errorf("%w: %w", ErrUnknownProfile, err)
	}
	return Analysed{SelfCheck: sc, Required: req, Result: assessment.Analyse(req, sc)}, nil
}

// StartSelfCheck creates a self-check for profile p against the framework
// in use and its version for p's organisation. From is an earlier
// self-check whose answers to statements still asked of p carry over, or
// nil for an empty one.
func (w *Workspace) StartSelfCheck(p assessment.Profile, from *assessment.SelfCheck, now time.Time) (*assessment.SelfCheck, error) {
	var req []assessment.RequiredCompetency
	if from != nil {
		var err error
		if req, err = w.view.Required(p.Organisation, p.Function); err != nil {
			return nil, fmt.Errorf("%w: %w", ErrUnknownProfile, err)
		}
	}
	return w.store.CreateSelfCheckFrom(from, req, p, w.view.VersionFor(p.Organisation), now)
}
