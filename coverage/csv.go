package coverage

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"zelfscan/plans"
	"zelfscan/usermsg"
)

// State is where a requirement stands against the offer.
type State int

const (
	// StateNothing: neither an offer nor a workplace route reaches the level.
	StateNothing State = iota
	// StateRouteOnly: no offer reaches the level; a workplace route does.
	StateRouteOnly
	// StateOwnOnly: only the organisation's own catalogue reaches it.
	StateOwnOnly
	// StateNoCourse: a learning activity or guide reaches it, no course.
	StateNoCourse
	// StateCovered: a course of the built-in catalogue reaches it.
	StateCovered
)

// State says where the requirement stands.
func (r *Row) State() State {
	switch {
	case !r.Reached() && len(r.Routes) == 0:
		return StateNothing
	case !r.Reached():
		return StateRouteOnly
	case r.ClosedByOwn():
		return StateOwnOnly
	case !r.Course():
		return StateNoCourse
	}
	return StateCovered
}

// Message says the state in a few words.
func (s State) Message() *usermsg.Error {
	return usermsg.New([]string{"coverage.state.nothing", "coverage.state.routeOnly", "coverage.state.ownOnly",
		"coverage.state.noCourse", "coverage.state.covered"}[s], nil)
}

// RouteTitles names the routes that reach the row's level, in Dutch.
func (r *Row) RouteTitles() []string {
	out := make([]string, len(r.Routes))
	for i, route := range r.Routes {
		out[i] = route.Title().Error()
	}
	return out
}

// WriteCSV writes one row per requirement, for a spreadsheet (semicolons,
// byte order mark, CRLF: see plans.NewSheet), in the order of the report.
func (r *Report) WriteCSV(w io.Writer) error {
	cw, err := plans.NewSheet(w)
	if err != nil {
		return fmt.Errorf("aanbodanalyse schrijven: %w", err)
	}
	head := []string{"Organisatie", "Functie", "Competentie-id", "Competentie", "Categorie", "Vereist niveau", "Stand"}
	for _, l := range plans.Levels() {
		head = append(head, "Aanbod "+strings.ToLower(plans.LevelLabel(l)))
	}
	head = append(head, "Aanbod op niveau", "Cursus op niveau", "Alleen eigen aanbod op niveau", "Werkplekroutes op niveau")
	if err := cw.Write(head); err != nil {
		return fmt.Errorf("aanbodanalyse schrijven: %w", err)
	}
	for i := range r.Rows {
		row := &r.Rows[i]
		line := []string{plans.SheetCell(row.Organisation), plans.SheetCell(row.Function), plans.SheetCell(row.Competency.ID),
			plans.SheetCell(row.Competency.Title), row.Competency.Category.Label(), strconv.Itoa(row.Required), row.State().Message().Error()}
		for _, list := range row.ByLevel {
			line = append(line, plans.SheetCell(titles(list)))
		}
		line = append(line, strconv.Itoa(len(row.Reaching)), yesNo(row.Course()), yesNo(row.ClosedByOwn()),
			strings.Join(row.RouteTitles(), " | "))
		if err := cw.Write(line); err != nil {
			return fmt.Errorf("aanbodanalyse schrijven: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("aanbodanalyse schrijven: %w", err)
	}
	return nil
}

// titles joins item titles with " | ", which no title of the catalogue has.
func titles(items []*plans.Item) string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.Title
	}
	return strings.Join(out, " | ")
}

func yesNo(b bool) string {
	if b {
		return "ja"
	}
	return "nee"
}
