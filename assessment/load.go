package assessment

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"zelfscan/usermsg"

	"go.yaml.in/yaml/v3"
)

// MaxFileSize caps every framework file read: the real files are a few
// hundred KiB, anything far larger is a mistake or an attack.
const MaxFileSize = 2 << 20

// The framework is split over four files so each can be reviewed on its own.
const (
	fileFramework     = "framework.yaml"
	fileOrganisations = "organisations.yaml"
	fileFunctions     = "functions.yaml"
	fileCompetencies  = "competencies.yaml"
)

// ValidationError names the file, line and field of one problem in the
// data; Msg says what is wrong.
type ValidationError struct {
	File  string
	Line  int
	Field string
	Msg   *usermsg.Error
}

// Error is the Dutch sentence, for the command line and logs.
func (e *ValidationError) Error() string { return e.Message().Error() }

// Message is where and what, for the app to say in the user's language.
func (e *ValidationError) Message() *usermsg.Error {
	code := "assessment.at.file"
	switch {
	case e.Line > 0 && e.Field != "":
		code = "assessment.at.lineField"
	case e.Line > 0:
		code = "assessment.at.line"
	case e.Field != "":
		code = "assessment.at.field"
	}
	return usermsg.New(code, map[string]any{"File": e.File, "Line": e.Line, "Field": e.Field, "Problem": e.Msg})
}

type frameworkFile struct {
	Version string  `yaml:"version"`
	Source  Source  `yaml:"source"`
	Scale   []Level `yaml:"scale"`
}

type organisationsFile struct {
	Organisations []Organisation `yaml:"organisations"`
}

type functionsFile struct {
	Functions []Function `yaml:"functions"`
}

type competenciesFile struct {
	Competencies []Competency `yaml:"competencies"`
}

// yamlDoc is one decoded file together with its node tree, used to find the
// line of a field for error messages.
type yamlDoc struct {
	name string
	root *yaml.Node
}

// ReadLimited reads at most limit bytes from r and fails, with a message,
// if there is more or reading fails.
func ReadLimited(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, usermsg.Wrap("assessment.unreadable", map[string]any{"Cause": err.Error()}, err)
	}
	if int64(len(data)) > limit {
		return nil, usermsg.New("assessment.tooLarge", map[string]any{"Bytes": limit})
	}
	return data, nil
}

// DecodeStrict decodes YAML into out, refusing unknown keys and a second
// document, and returns the node tree for line look-ups.
//
// Anchors and aliases are refused outright: our files never need them, and
// refusing them shuts out "billion laughs" files before anything expands.
func DecodeStrict(name string, data []byte, out any) (*yaml.Node, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, yamlError(name, err)
	}
	if line := firstAlias(&root); line > 0 {
		return nil, &ValidationError{File: name, Line: line, Msg: usermsg.New("assessment.anchors", nil)}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(out); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &ValidationError{File: name, Msg: usermsg.New("assessment.fileEmpty", nil)}
		}
		return nil, yamlError(name, err)
	}
	var extra any
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return nil, &ValidationError{File: name, Msg: usermsg.New("assessment.twoDocuments", nil)}
	}
	return &root, nil
}

// firstAlias returns the line of the first alias or anchor in the tree, or 0.
func firstAlias(n *yaml.Node) int {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		return n.Line
	}
	for _, c := range n.Content {
		if line := firstAlias(c); line > 0 {
			return line
		}
	}
	return 0
}

var yamlLine = regexp.MustCompile(`line (\d+): (.*)`)

// yamlError turns the YAML library's message into a ValidationError with the line.
func yamlError(name string, err error) error {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		detail := m[2]
		if f := regexp.MustCompile(`field (\S+) not found`).FindStringSubmatch(detail); f != nil {
			return &ValidationError{File: name, Line: line, Field: f[1], Msg: usermsg.New("assessment.unknownField", nil)}
		}
		return &ValidationError{File: name, Line: line, Msg: badYAML(detail)}
	}
	return &ValidationError{File: name, Msg: badYAML(strings.TrimPrefix(msg, "yaml: "))}
}

// badYAML is the YAML library's own words (English) inside our message.
func badYAML(detail string) *usermsg.Error {
	return usermsg.New("assessment.badYAML", map[string]any{"Detail": detail})
}

// LineOf finds the line of the node at a path of mapping keys (string) and
// sequence indexes (int); it returns the deepest line it could reach.
func LineOf(root *yaml.Node, steps ...any) int {
	n := root
	if n != nil && n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	line := 0
	if n != nil {
		line = n.Line
	}
	for _, s := range steps {
		if n == nil {
			break
		}
		var next *yaml.Node
		switch k := s.(type) {
		case string:
			if n.Kind == yaml.MappingNode {
				for i := 0; i+1 < len(n.Content); i += 2 {
					if n.Content[i].Value == k {
						line = n.Content[i].Line
						next = n.Content[i+1]
						break
					}
				}
			}
		case int:
			if n.Kind == yaml.SequenceNode && k < len(n.Content) {
				next = n.Content[k]
				line = next.Line
			}
		}
		n = next
	}
	return line
}

func readFile(fsys fs.FS, dir, name string) ([]byte, error) {
	f, err := fsys.Open(path.Join(dir, name))
	if err != nil {
		return nil, &ValidationError{File: name, Msg: usermsg.New("assessment.fileMissing", nil)}
	}
	defer f.Close()
	data, err := ReadLimited(f, MaxFileSize)
	if err != nil {
		return nil, &ValidationError{File: name, Msg: Problem(err)}
	}
	return data, nil
}

// Load reads and validates the framework from the four YAML files in dir.
// Every problem found is returned, each naming file, line and field.
func Load(fsys fs.FS, dir string) (*Framework, error) {
	var (
		ff   frameworkFile
		of   organisationsFile
		fnf  functionsFile
		cf   competenciesFile
		docs = map[string]*yamlDoc{}
	)
	targets := []struct {
		name string
		out  any
	}{
		{fileFramework, &ff}, {fileOrganisations, &of}, {fileFunctions, &fnf}, {fileCompetencies, &cf},
	}
	var errs []error
	for _, t := range targets {
		data, err := readFile(fsys, dir, t.name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		root, err := DecodeStrict(t.name, data, t.out)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		docs[t.name] = &yamlDoc{name: t.name, root: root}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	f := &Framework{
		Version:       ff.Version,
		Source:        ff.Source,
		Scale:         ff.Scale,
		Organisations: of.Organisations,
		Functions:     fnf.Functions,
		Competencies:  cf.Competencies,
	}
	v := &validator{docs: docs}
	v.check(f)
	if len(v.errs) > 0 {
		return nil, errors.Join(v.errs...)
	}
	return f, nil
}

type validator struct {
	docs map[string]*yamlDoc
	errs []error
	// known are the IDs of the built-in framework, which an extension
	// may not take.
	known map[string]bool
}

// Problem is the message in err, which ReadLimited and the other checks of
// this package always give.
func Problem(err error) *usermsg.Error {
	if m, ok := usermsg.As(err); ok {
		return m
	}
	return usermsg.Wrap("assessment.unreadable", map[string]any{"Cause": err.Error()}, err)
}

func (v *validator) fail(file string, steps []any, code string, args map[string]any) {
	line := 0
	if d := v.docs[file]; d != nil {
		line = LineOf(d.root, steps...)
	}
	v.errs = append(v.errs, &ValidationError{File: file, Line: line, Field: FieldPath(steps), Msg: usermsg.New(code, args)})
}

// FieldPath renders the steps to a field (keys and indexes, as LineOf
// takes them) the way ValidationError shows it: "items[3].competencies[0]".
func FieldPath(steps []any) string {
	var field strings.Builder
	for _, s := range steps {
		switch k := s.(type) {
		case string:
			if field.Len() > 0 {
				field.WriteByte('.')
			}
			field.WriteString(k)
		case int:
			fmt.Fprintf(&field, "[%d]", k)
		}
	}
	return field.String()
}

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)

func (v *validator) id(file string, steps []any, id string, seen map[string]bool) {
	switch {
	case id == "":
		v.fail(file, steps, "assessment.noID", nil)
	case !idPattern.MatchString(id):
		v.fail(file, steps, "assessment.badID", map[string]any{"ID": id})
	case v.known[id]:
		v.fail(file, steps, "assessment.idTaken", map[string]any{"ID": id})
	case seen[id]:
		v.fail(file, steps, "assessment.idTwice", map[string]any{"ID": id})
	}
	seen[id] = true
}

func (v *validator) text(file string, steps []any, s string) {
	if strings.TrimSpace(s) == "" {
		v.fail(file, steps, "assessment.required", nil)
	}
}

func (v *validator) check(f *Framework) {
	v.text(fileFramework, []any{"version"}, f.Version)
	v.text(fileFramework, []any{"source", "title"}, f.Source.Title)
	v.text(fileFramework, []any{"source", "credit"}, f.Source.Credit)
	if len(f.Scale) < 2 {
		v.fail(fileFramework, []any{"scale"}, "assessment.scaleShort", nil)
	}
	for i, l := range f.Scale {
		if l.Value != i {
			v.fail(fileFramework, []any{"scale", i, "level"}, "assessment.scaleOrder", map[string]any{"Want": i, "Found": l.Value})
		}
		v.text(fileFramework, []any{"scale", i, "label"}, l.Label)
		v.text(fileFramework, []any{"scale", i, "description"}, l.Description)
	}
	f.index()
	v.organisations(f)
	v.competencies(f)
	v.functions(f, len(f.Scale)-1)
}

func (v *validator) organisations(f *Framework) {
	seen := map[string]bool{}
	if len(f.Organisations) == 0 {
		v.fail(fileOrganisations, []any{"organisations"}, "assessment.noOrganisations", nil)
	}
	for i := range f.Organisations {
		o := &f.Organisations[i]
		v.id(fileOrganisations, []any{"organisations", i, "id"}, o.ID, seen)
		v.text(fileOrganisations, []any{"organisations", i, "name"}, o.Name)
	}
}

func (v *validator) competencies(f *Framework) {
	seen := map[string]bool{}
	seenInd := map[string]bool{}
	for i := range f.Competencies {
		v.competency(f, fileCompetencies, []any{"competencies", i}, &f.Competencies[i], seen, seenInd)
		if len(f.Competencies[i].Offers) > 0 {
			v.fail(fileCompetencies, []any{"competencies", i, "offers"}, "assessment.offers.builtin", nil)
		}
	}
}

// competency checks one competency of file at the path at; seen and
// seenInd collect the competency and indicator IDs met so far. An
// extension's competencies go through here too.
func (v *validator) competency(f *Framework, file string, at []any, c *Competency, seen, seenInd map[string]bool) {
	v.id(file, append(at, "id"), c.ID, seen)
	if !c.Category.Valid() {
		v.fail(file, append(at, "category"), "assessment.unknownCategory", map[string]any{"Category": c.Category})
	}
	v.text(file, append(at, "title"), c.Title)
	v.text(file, append(at, "description"), c.Description)
	v.text(file, append(at, "source"), c.Source)
	if c.Specialist && c.Category != CategoryOrganisatie {
		v.fail(file, append(at, "specialist"), "assessment.specialistOnly", nil)
	}
	if c.Category == CategoryOrganisatie && len(c.Organisations) == 0 {
		v.fail(file, append(at, "organisations"), "assessment.needsOrganisation", nil)
	}
	for j, o := range c.Organisations {
		if _, ok := f.orgByID[o]; !ok {
			v.fail(file, append(at, "organisations", j), "assessment.unknownOrganisationRef", map[string]any{"ID": o})
		}
	}
	v.indicators(file, append(at, "indicators"), c.Indicators, seenInd)
	for k, ind := range c.Indicators {
		v.orgFilter(f, file, append(at, "indicators", k), ind.OnlyFor, ind.NotFor)
	}
	for _, org := range slices.Sorted(maps.Keys(c.OrganisationIndicators)) {
		list := c.OrganisationIndicators[org]
		if _, ok := f.orgByID[org]; !ok {
			v.fail(file, append(at, "organisation_indicators", org), "assessment.unknownOrganisationRef", map[string]any{"ID": org})
		}
		v.indicators(file, append(at, "organisation_indicators", org), list, seenInd)
		v.noOrgFilter(file, append(at, "organisation_indicators", org), list)
	}
	v.enoughPerOrganisation(f, file, c, at)
}

// orgFilter checks an only_for / not_for pair: one of the two at most, every
// organisation known and named once.
func (v *validator) orgFilter(f *Framework, file string, at []any, onlyFor, notFor []string) {
	if len(onlyFor) > 0 && len(notFor) > 0 {
		v.fail(file, append(at, "only_for"), "assessment.onlyAndNot", nil)
	}
	for _, field := range []struct {
		name string
		orgs []string
	}{{"only_for", onlyFor}, {"not_for", notFor}} {
		seen := map[string]bool{}
		for j, o := range field.orgs {
			switch {
			case f.orgByID[o] == nil:
				v.fail(file, append(at, field.name, j), "assessment.unknownOrganisationRef", map[string]any{"ID": o})
			case seen[o]:
				v.fail(file, append(at, field.name, j), "assessment.organisationTwice", map[string]any{"ID": o})
			}
			seen[o] = true
		}
	}
}

// noOrgFilter refuses only_for / not_for on an organisation's own list, which
// already belongs to one organisation.
func (v *validator) noOrgFilter(file string, at []any, list []Indicator) {
	for k, ind := range list {
		if len(ind.OnlyFor) > 0 || len(ind.NotFor) > 0 {
			field := "only_for"
			if len(ind.OnlyFor) == 0 {
				field = "not_for"
			}
			v.fail(file, append(at, k, field), "assessment.filterOnOwn", nil)
		}
	}
}

// enoughPerOrganisation makes sure only_for / not_for leave every organisation
// the competency reaches 2 to 5 statements to answer.
func (v *validator) enoughPerOrganisation(f *Framework, file string, c *Competency, at []any) {
	for _, o := range f.Organisations {
		if !c.appliesTo(o.ID) {
			continue
		}
		if _, own := c.OrganisationIndicators[o.ID]; own {
			continue
		}
		switch n := len(c.IndicatorsFor(o.ID)); {
		case n < 2 && len(c.Indicators) >= 2:
			v.fail(file, append(at, "indicators"), "assessment.tooFewLeft", map[string]any{"ID": o.ID, "N": n})
		case n > 5:
			v.fail(file, append(at, "indicators"), "assessment.tooManyOnly", map[string]any{"ID": o.ID, "N": n})
		}
	}
}

func (v *validator) functions(f *Framework, maxLevel int) {
	seen := map[string]bool{}
	if len(f.Functions) == 0 {
		v.fail(fileFunctions, []any{"functions"}, "assessment.noFunctions", nil)
	}
	for i := range f.Functions {
		fn := &f.Functions[i]
		at := []any{"functions", i}
		v.id(fileFunctions, append(at, "id"), fn.ID, seen)
		v.text(fileFunctions, append(at, "name"), fn.Name)
		v.requiredLevels(fn, at, maxLevel)
		v.extras(f, fn, at, maxLevel)
		v.orgFilter(f, fileFunctions, at, fn.OnlyFor, fn.NotFor)
		if len(fn.NotFor) > 0 && !slices.ContainsFunc(f.Organisations, func(o Organisation) bool { return fn.AvailableFor(o.ID) }) {
			v.fail(fileFunctions, append(at, "not_for"), "assessment.profileNowhere", nil)
		}
	}
	for _, o := range f.Organisations {
		if len(f.Functions) > 0 && len(f.FunctionsFor(o.ID)) == 0 {
			v.fail(fileFunctions, []any{"functions"}, "assessment.noProfileFor", map[string]any{"ID": o.ID})
		}
	}
}

func (v *validator) requiredLevels(fn *Function, at []any, maxLevel int) {
	if len(fn.Required) == 0 {
		v.fail(fileFunctions, append(at, "required"), "assessment.noRequired", nil)
	}
	for _, cat := range slices.Sorted(maps.Keys(fn.Required)) {
		l := fn.Required[cat]
		if !cat.Valid() {
			v.fail(fileFunctions, append(at, "required", string(cat)), "assessment.unknownCategory", map[string]any{"Category": cat})
		}
		if l < 0 || l > maxLevel {
			v.fail(fileFunctions, append(at, "required", string(cat)), "assessment.levelOutOfScale", map[string]any{"Level": l, "Max": maxLevel})
		}
	}
}

// extras checks the competencies a profile gives a level of its own: known,
// within the scale, and reachable: an organisation-specific competency and
// only_for must share an organisation where the profile exists.
func (v *validator) extras(f *Framework, fn *Function, at []any, maxLevel int) {
	for j, r := range fn.Extra {
		here := append(at, "extra", j)
		v.orgFilter(f, fileFunctions, here, r.OnlyFor, nil)
		c, ok := f.compByID[r.Competency]
		if !ok {
			v.fail(fileFunctions, append(here, "competency"), "assessment.unknownCompetencyRef", map[string]any{"ID": r.Competency})
		} else if !slices.ContainsFunc(f.Organisations, func(o Organisation) bool {
			return fn.AvailableFor(o.ID) && fitsOrganisation(o.ID, r.OnlyFor, nil) && c.appliesTo(o.ID)
		}) {
			v.fail(fileFunctions, append(here, "competency"), "assessment.extraUnreachable", map[string]any{"ID": r.Competency})
		}
		if r.Level < 1 || r.Level > maxLevel {
			v.fail(fileFunctions, append(here, "level"), "assessment.levelOutOfScale1", map[string]any{"Level": r.Level, "Max": maxLevel})
		}
	}
}

func (v *validator) indicators(file string, at []any, list []Indicator, seen map[string]bool) {
	// Statements meant only for some organisations are counted per
	// organisation (enoughPerOrganisation); the rest must make 2 to 5.
	shared := 0
	for _, ind := range list {
		if len(ind.OnlyFor) == 0 {
			shared++
		}
	}
	if shared < 2 || shared > 5 {
		v.fail(file, at, "assessment.indicatorCount", map[string]any{"N": shared})
	}
	for k, ind := range list {
		v.id(file, append(at, k, "id"), ind.ID, seen)
		v.text(file, append(at, k, "text"), ind.Text)
	}
}

// index builds the look-up maps; where an ID occurs twice the last one
// wins, which the validator reports anyway.
func (f *Framework) index() {
	f.orgByID = map[string]*Organisation{}
	for i := range f.Organisations {
		f.orgByID[f.Organisations[i].ID] = &f.Organisations[i]
	}
	f.funcByID = map[string]*Function{}
	for i := range f.Functions {
		f.funcByID[f.Functions[i].ID] = &f.Functions[i]
	}
	f.compByID = map[string]*Competency{}
	f.indByID = map[string]indicatorRef{}
	for i := range f.Competencies {
		c := &f.Competencies[i]
		f.compByID[c.ID] = c
		for _, ind := range c.Indicators {
			f.indByID[ind.ID] = indicatorRef{competency: c.ID, text: ind.Text}
		}
		for _, org := range slices.Sorted(maps.Keys(c.OrganisationIndicators)) {
			for _, ind := range c.OrganisationIndicators[org] {
				f.indByID[ind.ID] = indicatorRef{competency: c.ID, text: ind.Text}
			}
		}
	}
}
