package plans

import (
	"errors"
	"strings"

	"zelfscan/assessment"
	"zelfscan/usermsg"
)

// OfferError is one offer an extension's competency names that the
// catalogue does not know, with the file, line and field it stands on.
type OfferError struct {
	Ref     assessment.OfferRef
	File    string
	Problem *usermsg.Error
}

// Message is the problem with where it is.
func (e *OfferError) Message() *usermsg.Error {
	return usermsg.New("offers.at", map[string]any{"File": e.File, "Line": e.Ref.Line, "Field": e.Ref.Field, "Problem": e.Problem})
}

func (e *OfferError) Error() string { return e.Message().Error() }

// CheckOffers checks the offers the competencies of fw's extension name
// against cat: a workplace route must exist, and so must a catalogue item.
// An own item ("eigen-…") is only checked when cat holds an own catalogue:
// without one (the app before its own offer is imported) it cannot be
// known yet, and matching simply finds nothing for it.
func CheckOffers(fw *assessment.Framework, cat *Catalogue) error {
	ext := fw.Extension
	if ext == nil {
		return nil
	}
	hasOwn := false
	for _, e := range cat.entries {
		hasOwn = hasOwn || e.item.Origin != OriginBuiltin
	}
	var errs []error
	for _, ref := range ext.Offers {
		var problem *usermsg.Error
		if id, ok := strings.CutPrefix(ref.ID, RouteIDPrefix); ok {
			if _, ok := RouteByID(id); !ok {
				problem = usermsg.New("offers.unknownRoute", map[string]any{"ID": id, "Choice": routeChoice()})
			}
		} else if _, ok := cat.Item(ref.ID); !ok && (hasOwn || !strings.HasPrefix(ref.ID, OwnIDPrefix)) {
			problem = usermsg.New("offers.unknownItem", map[string]any{"ID": ref.ID})
		}
		if problem != nil {
			errs = append(errs, &OfferError{Ref: ref, File: ext.File, Problem: problem})
		}
	}
	return errors.Join(errs...)
}

// routeChoice lists the names a route can be given by.
func routeChoice() usermsg.Choice {
	out := make(usermsg.Choice, len(routes))
	for i, r := range routes {
		out[i] = RouteIDPrefix + r.ID
	}
	return out
}
