package plans

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"zelfscan/assessment"
	"zelfscan/usermsg"
)

// MaxOwnItems caps an own catalogue; a real one has dozens to hundreds.
const MaxOwnItems = 10000

// maxReported caps the problems listed for one file: after that the user
// needs to fix the export, not read a longer list.
const maxReported = 25

// RowError is one problem in a row of a CSV file, or in the file as a
// whole (Row 0). Row counts as a spreadsheet does: the header is row 1.
// Problem is a message code the app says in the user's language.
type RowError struct {
	File    string
	Row     int
	Column  string
	Problem *usermsg.Error
}

// Message is the problem with where it is: file, row and column as far
// as known.
func (e *RowError) Message() *usermsg.Error {
	code := "own.at.file"
	switch {
	case e.Row > 0 && e.Column != "":
		code = "own.at.rowColumn"
	case e.Row > 0:
		code = "own.at.row"
	case e.Column != "":
		code = "own.at.column"
	}
	return usermsg.New(code, map[string]any{"File": e.File, "Row": e.Row, "Column": e.Column, "Problem": e.Problem})
}

func (e *RowError) Error() string { return e.Message().Error() }

// fileProblem is a problem with the file as a whole.
func fileProblem(file, code string, args map[string]any) *RowError {
	return &RowError{File: file, Problem: usermsg.New(code, args)}
}

// ParseOwnCatalogue reads an organisation's own catalogue from a .csv file as
// a spreadsheet exports it, or from a .yaml/.yml file with the item schema of
// the built-in catalogue under a top-level "items" key.
//
// Every item is checked against the framework (competencies, organisations)
// and gets an ID starting with OwnIDPrefix: the file's own id, or one made
// from the title. Origin is the file's base name. A file with any problem
// returns all problems found (up to 25) and no items.
func ParseOwnCatalogue(name string, data []byte, fw *assessment.Framework) ([]Item, error) {
	base := filepath.Base(name)
	if len(data) > MaxCatalogueSize {
		return nil, fileProblem(base, "own.tooLarge", map[string]any{"MiB": MaxCatalogueSize >> 20})
	}
	var (
		items []Item
		err   error
	)
	switch ext := strings.ToLower(filepath.Ext(base)); {
	case isTableFile(base):
		items, err = parseOwnCSV(base, data, fw)
	case ext == ".yaml" || ext == ".yml":
		items, err = parseOwnYAML(base, data, fw)
	case ext == ".xlsx" || ext == ".xls" || ext == ".ods":
		return nil, fileProblem(base, "own.workbook", nil)
	default:
		return nil, fileProblem(base, "own.unknownType", nil)
	}
	if err != nil {
		return nil, err
	}
	for i := range items {
		items[i].Origin = base
		if strings.TrimSpace(items[i].Source) == "" {
			items[i].Source = "Eigen aanbod (" + base + ")"
		}
	}
	return items, nil
}

// errorList gathers problems up to maxReported and counts the rest.
type errorList struct {
	errs    []error
	dropped int
}

func (l *errorList) add(err error) {
	if len(l.errs) < maxReported {
		l.errs = append(l.errs, err)
	} else {
		l.dropped++
	}
}

func (l *errorList) err(file string) error {
	if len(l.errs) == 0 {
		return nil
	}
	errs := l.errs
	if l.dropped > 0 {
		errs = append(errs, fileProblem(file, "own.moreErrors", map[string]any{usermsg.CountKey: l.dropped}))
	}
	return errors.Join(errs...)
}

type ownFile struct {
	Items []Item `yaml:"items"`
}

func parseOwnYAML(name string, data []byte, fw *assessment.Framework) ([]Item, error) {
	var of ownFile
	root, err := assessment.DecodeStrict(name, data, &of)
	if err != nil {
		return nil, err
	}
	var errs errorList
	fail := func(steps []any, msg *usermsg.Error) {
		errs.add(&assessment.ValidationError{File: name, Line: assessment.LineOf(root, steps...), Field: assessment.FieldPath(steps), Msg: msg})
	}
	if len(of.Items) == 0 {
		fail([]any{"items"}, usermsg.New("own.noItems", nil))
	}
	if len(of.Items) > MaxOwnItems {
		fail([]any{"items"}, usermsg.New("own.tooManyItems", map[string]any{"N": len(of.Items), "Max": MaxOwnItems}))
		return nil, errs.err(name)
	}
	for i := range of.Items {
		it := &of.Items[i]
		at := []any{"items", i}
		if len(it.Providers) > 0 {
			fail(append(at, "providers"), usermsg.New("own.providers", nil))
		}
		for _, p := range checkItem(it, fw) {
			fail(append(at, p.steps...), p.msg)
		}
	}
	for i, msg := range assignOwnIDs(of.Items) {
		if msg != nil {
			fail([]any{"items", i, "id"}, msg)
		}
	}
	if err := errs.err(name); err != nil {
		return nil, err
	}
	return of.Items, nil
}

// assignOwnIDs gives every item an ID with OwnIDPrefix: its own id where it
// has one, else one made from the title. It returns per item what is wrong
// with its own id (nil when nothing).
func assignOwnIDs(items []Item) []*usermsg.Error {
	msgs := make([]*usermsg.Error, len(items))
	taken := map[string]bool{}
	for i := range items {
		id := items[i].ID
		if id == "" {
			continue
		}
		if msg := checkID(id, nil); msg != nil {
			msgs[i] = msg
			continue
		}
		if !strings.HasPrefix(id, OwnIDPrefix) {
			id = OwnIDPrefix + id
		}
		if taken[id] {
			msgs[i] = usermsg.New("catalogue.idTwice", map[string]any{"ID": items[i].ID})
			continue
		}
		taken[id] = true
		items[i].ID = id
	}
	for i := range items {
		if items[i].ID != "" {
			continue
		}
		base := OwnIDPrefix + slug(items[i].Title)
		id := base
		for n := 2; taken[id]; n++ {
			id = fmt.Sprintf("%s-%d", base, n)
		}
		taken[id] = true
		items[i].ID = id
	}
	return msgs
}

// slug makes an ID part from a title: folded, non-alphanumerics as dashes.
func slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range fold(title) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			if b.Len() >= 60 {
				break
			}
		} else {
			dash = true
		}
	}
	if b.Len() == 0 {
		return "item"
	}
	return b.String()
}

// CSV columns, as a Dutch spreadsheet header names them.
const (
	colID           = "id"
	colTitel        = "titel"
	colAanbieder    = "aanbieder"
	colSoort        = "soort"
	colNiveau       = "niveau"
	colCompetenties = "competenties"
	colOrganisaties = "organisaties"
	colURL          = "url"
	colRegister     = "accreditatie_register"
	colPunten       = "accreditatie_punten"
	colOmschrijving = "omschrijving"
	colGroep        = "groep"
	colBron         = "bron"
)

var csvColumns = []string{colID, colTitel, colAanbieder, colSoort, colNiveau, colCompetenties, colOrganisaties,
	colURL, colRegister, colPunten, colOmschrijving, colGroep, colBron}

var requiredColumns = []string{colTitel, colSoort, colNiveau, colCompetenties}

// columnOf names the CSV column for an item field, for error messages.
var columnOf = map[string]string{
	"id": colID, "title": colTitel, "provider": colAanbieder, "kind": colSoort, "level": colNiveau,
	"competencies": colCompetenties, "organisations": colOrganisaties, "url": colURL,
	"description": colOmschrijving, "group": colGroep, "source": colBron,
}

func problemColumn(steps []any) string {
	if len(steps) >= 2 && steps[0] == "accreditation" {
		if steps[1] == "register" {
			return colRegister
		}
		return colPunten
	}
	if len(steps) > 0 {
		if f, ok := steps[0].(string); ok {
			return columnOf[f]
		}
	}
	return ""
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

func parseOwnCSV(name string, data []byte, fw *assessment.Framework) ([]Item, error) {
	data, _ = tableText(data)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fileProblem(name, "own.empty", nil)
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = detectSeparator(data)
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true

	header, err := r.Read()
	if err != nil {
		return nil, csvError(name, err)
	}
	cols, errs := csvHeader(name, header)
	if err := errs.err(name); err != nil {
		return nil, err
	}

	items, rows := csvItems(name, r, len(header), cols, fw, &errs)
	if len(items) == 0 && len(errs.errs) == 0 {
		errs.add(fileProblem(name, "own.headerOnly", nil))
	}
	for i, msg := range assignOwnIDs(items) {
		if msg != nil {
			errs.add(&RowError{File: name, Row: rows[i], Column: colID, Problem: msg})
		}
	}
	if err := errs.err(name); err != nil {
		return nil, err
	}
	return items, nil
}

// csvHeader maps the known columns of the header row to their index and
// reports unknown, doubled and missing columns.
func csvHeader(name string, header []string) (map[string]int, errorList) {
	var errs errorList
	cols := map[string]int{}
	for i, h := range header {
		key := strings.ReplaceAll(fold(strings.TrimSpace(h)), " ", "_")
		switch {
		case key == "" && i == len(header)-1:
			// Spreadsheets often end the header with an empty column.
		case !slices.Contains(csvColumns, key):
			errs.add(&RowError{File: name, Row: 1, Column: strings.TrimSpace(h),
				Problem: usermsg.New("own.unknownColumn", map[string]any{"Known": strings.Join(csvColumns, ", ")})})
		case hasKey(cols, key):
			errs.add(&RowError{File: name, Row: 1, Column: key, Problem: usermsg.New("own.columnTwice", nil)})
		default:
			cols[key] = i
		}
	}
	for _, c := range requiredColumns {
		if !hasKey(cols, c) {
			errs.add(&RowError{File: name, Row: 1, Column: c, Problem: usermsg.New("own.columnMissing", nil)})
		}
	}
	return cols, errs
}

// csvItems reads the rows after the header into items, with the spreadsheet
// row of each; problems go to errs.
func csvItems(name string, r *csv.Reader, headerLen int, cols map[string]int, fw *assessment.Framework, errs *errorList) ([]Item, []int) {
	var items []Item
	var rows []int
	for row := 2; ; row++ {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			errs.add(csvError(name, err))
			break
		}
		if blank(rec) {
			continue
		}
		if len(items) == MaxOwnItems {
			errs.add(&RowError{File: name, Row: row, Problem: usermsg.New("own.tooManyRows", map[string]any{"Max": MaxOwnItems})})
			break
		}
		if extra := rec[min(len(rec), headerLen):]; !blank(extra) {
			errs.add(&RowError{File: name, Row: row, Problem: usermsg.New("own.rowColumns", map[string]any{"Count": len(rec), "Header": headerLen})})
			continue
		}
		cell := func(col string) string {
			if i, ok := cols[col]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		it, rowErrs := itemFromRow(cell, fw)
		for _, p := range checkItem(&it, fw) {
			if col := problemColumn(p.steps); !rowReported(rowErrs, col) {
				rowErrs = append(rowErrs, &RowError{Column: col, Problem: p.msg})
			}
		}
		// Report a row's problems from left to right, as the user reads it.
		sort.SliceStable(rowErrs, func(a, b int) bool {
			return slices.Index(csvColumns, rowErrs[a].Column) < slices.Index(csvColumns, rowErrs[b].Column)
		})
		for _, e := range rowErrs {
			e.File, e.Row = name, row
			errs.add(e)
		}
		items = append(items, it)
		rows = append(rows, row)
	}
	return items, rows
}

// itemFromRow turns the cells of one row into an item. It reports what
// cannot be converted at all (points, group); checkItem checks the rest.
func itemFromRow(cell func(string) string, fw *assessment.Framework) (Item, []*RowError) {
	var errs []*RowError
	it := Item{
		ID:          cell(colID),
		Title:       cell(colTitel),
		Provider:    cell(colAanbieder),
		Kind:        parseKind(cell(colSoort)),
		Level:       parseLevel(cell(colNiveau)),
		URL:         cell(colURL),
		Description: cell(colOmschrijving),
		Source:      cell(colBron),
	}
	it.Competencies = splitList(cell(colCompetenties))
	for _, o := range splitList(cell(colOrganisaties)) {
		it.Organisations = append(it.Organisations, organisationID(o, fw))
	}
	it.Accreditation.Register = cell(colRegister)
	if p := cell(colPunten); p != "" {
		v, err := strconv.ParseFloat(strings.Replace(p, ",", ".", 1), 64)
		if err != nil {
			errs = append(errs, &RowError{Column: colPunten, Problem: usermsg.New("own.notANumber", map[string]any{"Value": p})})
		} else {
			it.Accreditation.Points = v
		}
	}
	switch g := strings.ToLower(cell(colGroep)); g {
	case "", "nee", "n", "0", "onwaar", "false":
	case "ja", "j", "1", "waar", "true":
		it.Group = true
	default:
		errs = append(errs, &RowError{Column: colGroep, Problem: usermsg.New("own.notYesNo", map[string]any{"Value": cell(colGroep)})})
	}
	return it, errs
}

func rowReported(errs []*RowError, col string) bool {
	for _, e := range errs {
		if e.Column == col {
			return true
		}
	}
	return false
}

// parseKind accepts a kind's ID or its label in any case ("E-learning").
// An unknown value is kept as typed so the message can quote it.
func parseKind(s string) Kind {
	f := fold(s)
	for _, l := range kindLabels {
		if f == string(l.kind) || f == fold(l.label) {
			return l.kind
		}
	}
	return Kind(s)
}

func parseLevel(s string) Level {
	if l := Level(strings.ToLower(s)); l.Valid() {
		return l
	}
	return Level(s)
}

// organisationID accepts an organisation's ID or its name as the framework
// spells it, in any case; an unknown value is kept for the message.
func organisationID(s string, fw *assessment.Framework) string {
	f := fold(s)
	for _, o := range fw.Organisations {
		if f == o.ID || f == fold(o.Name) {
			return o.ID
		}
	}
	return s
}

// splitList splits a cell on | or , and drops empty parts.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == '|' || r == ',' }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// detectSeparator picks tab, ; or , by which occurs most in the header
// line: Excel's "Unicode-tekst" uses tabs, Dutch CSV exports ;, others ,.
func detectSeparator(data []byte) rune {
	line := data
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		line = data[:i]
	}
	best, most := ',', 0
	for _, sep := range []rune{'\t', ';', ','} {
		if n := bytes.Count(line, []byte(string(sep))); n > most {
			best, most = sep, n
		}
	}
	return best
}

func csvError(name string, err error) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return fileProblem(name, "own.unreadable", nil)
	}
	code := "own.unreadableRow"
	switch {
	case errors.Is(pe.Err, csv.ErrQuote):
		code = "own.openQuote"
	case errors.Is(pe.Err, csv.ErrBareQuote):
		code = "own.bareQuote"
	}
	return &RowError{File: name, Row: pe.StartLine, Problem: usermsg.New(code, nil)}
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

func hasKey(m map[string]int, k string) bool {
	_, ok := m[k]
	return ok
}
