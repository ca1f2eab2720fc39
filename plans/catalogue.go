// Package plans holds the course catalogue (built-in and the organisation's
// own), the matching of catalogue items to gaps, and the learning plan with
// its actions and reviews. It never imports Fyne.
package plans

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"zelfscan/assessment"

	"zelfscan/usermsg"
)

// Kind is the form an item takes: a course, a guide, a learning activity, ...
type Kind string

const (
	KindTraining           Kind = "training"
	KindCursus             Kind = "cursus"
	KindELearning          Kind = "e-learning"
	KindMasterclass        Kind = "masterclass"
	KindHandreiking        Kind = "handreiking"
	KindTrainingsmateriaal Kind = "trainingsmateriaal"
	KindFactsheet          Kind = "factsheet"
	KindAnimatie           Kind = "animatie"
	KindMagazine           Kind = "magazine"
	KindVlog               Kind = "vlog"
	KindLeeractiviteit     Kind = "leeractiviteit"
)

var kindLabels = []struct {
	kind  Kind
	label string
}{
	{KindTraining, "Training"},
	{KindCursus, "Cursus"},
	{KindELearning, "E-learning"},
	{KindMasterclass, "Masterclass"},
	{KindHandreiking, "Handreiking"},
	{KindTrainingsmateriaal, "Trainingsmateriaal"},
	{KindFactsheet, "Factsheet"},
	{KindAnimatie, "Animatie"},
	{KindMagazine, "Magazine"},
	{KindVlog, "Vlog"},
	{KindLeeractiviteit, "Leeractiviteit"},
}

// Kinds lists every kind in the order a picker shows them.
func Kinds() []Kind {
	out := make([]Kind, len(kindLabels))
	for i, k := range kindLabels {
		out[i] = k.kind
	}
	return out
}

// KindLabel is the Dutch name of a kind; an unknown kind is shown as is.
func KindLabel(k Kind) string {
	for _, l := range kindLabels {
		if l.kind == k {
			return l.label
		}
	}
	return string(k)
}

// Course reports whether k is a course someone takes part in: a training,
// cursus, masterclass or e-learning.
func (k Kind) Course() bool {
	return k == KindTraining || k == KindCursus || k == KindMasterclass || k == KindELearning
}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool {
	for _, l := range kindLabels {
		if l.kind == k {
			return true
		}
	}
	return false
}

// Level is how deep an item goes.
type Level string

const (
	LevelBasis          Level = "basis"
	LevelVerdiepend     Level = "verdiepend"
	LevelSpecialistisch Level = "specialistisch"
)

// Levels lists the levels from basis to specialistisch.
func Levels() []Level { return []Level{LevelBasis, LevelVerdiepend, LevelSpecialistisch} }

// LevelLabel is the Dutch name of a level; an unknown level is shown as is.
func LevelLabel(l Level) string {
	switch l {
	case LevelBasis:
		return "Basis"
	case LevelVerdiepend:
		return "Verdiepend"
	case LevelSpecialistisch:
		return "Specialistisch"
	}
	return string(l)
}

// Valid reports whether l is a known level.
func (l Level) Valid() bool {
	return l == LevelBasis || l == LevelVerdiepend || l == LevelSpecialistisch
}

// OriginBuiltin marks items of the catalogue that ships with the app.
const OriginBuiltin = "ingebouwd"

// OwnIDPrefix starts the ID of every item from an own catalogue, so an own
// item can never take the ID of a built-in one.
const OwnIDPrefix = "eigen-"

// MaxCatalogueSize caps every catalogue file read, built-in or own.
const MaxCatalogueSize = 5 << 20

// Accreditation is the register an item is accredited in and its points.
type Accreditation struct {
	Register string  `yaml:"register"`
	Points   float64 `yaml:"points"`
}

// Item is one offer in the catalogue: a course, guide or learning activity.
type Item struct {
	ID    string `yaml:"id"`
	Title string `yaml:"title"`
	// Provider names the provider(s) as the source does.
	Provider string `yaml:"provider"`
	// Providers are IDs from the catalogue's provider list (built-in only).
	Providers    []string `yaml:"providers"`
	Kind         Kind     `yaml:"kind"`
	Level        Level    `yaml:"level"`
	Competencies []string `yaml:"competencies"`
	// Organisations the item is aimed at; empty means every organisation.
	Organisations []string      `yaml:"organisations"`
	URL           string        `yaml:"url"`
	Accreditation Accreditation `yaml:"accreditation"`
	Description   string        `yaml:"description"`
	Source        string        `yaml:"source"`
	// Group marks activities a team or intervision group can do together.
	Group bool `yaml:"group"`
	// Origin is OriginBuiltin or the name of the own catalogue.
	Origin string `yaml:"-"`
}

// Serves reports whether the item serves the competency.
func (it *Item) Serves(competencyID string) bool {
	for _, c := range it.Competencies {
		if c == competencyID {
			return true
		}
	}
	return false
}

// MeantFor reports whether the item is meant for people of organisation
// org: items without organisations are meant for everyone.
func (it *Item) MeantFor(org string) bool {
	return len(it.Organisations) == 0 || slices.Contains(it.Organisations, org)
}

// ServesCompetency reports whether the item serves c: the item names it, or
// c (a competency of an extension) names the item among its offers.
func (it *Item) ServesCompetency(c *assessment.Competency) bool {
	return it.Serves(c.ID) || slices.Contains(c.Offers, it.ID)
}

// Provider is one of the organisations bijlage 4 lists as offering training.
type Provider struct {
	ID     string `yaml:"id"`
	Name   string `yaml:"name"`
	Source string `yaml:"source"`
}

// Catalogue is the built-in catalogue plus any own catalogue. It is
// read-only once built: WithOwn returns a new one.
type Catalogue struct {
	Version   string
	Providers []Provider

	fw      *assessment.Framework
	entries []entry
	byID    map[string]int
	byComp  map[string][]int
}

// entry keeps the folded texts used for sorting and searching next to the item.
type entry struct {
	item     *Item
	titleKey string
	text     string
}

func newCatalogue(version string, providers []Provider, fw *assessment.Framework, items []*Item) *Catalogue {
	c := &Catalogue{
		Version:   version,
		Providers: providers,
		fw:        fw,
		entries:   make([]entry, 0, len(items)),
		byID:      make(map[string]int, len(items)),
		byComp:    map[string][]int{},
	}
	for _, it := range items {
		i := len(c.entries)
		c.entries = append(c.entries, entry{
			item:     it,
			titleKey: fold(it.Title),
			text:     fold(it.Title + " " + it.Provider + " " + it.Description),
		})
		c.byID[it.ID] = i
		seen := map[string]bool{}
		for _, comp := range it.Competencies {
			if !seen[comp] {
				seen[comp] = true
				c.byComp[comp] = append(c.byComp[comp], i)
			}
		}
	}
	return c
}

// serving returns the entries that serve c: those that name it, then those
// c names among its offers (an extension's competency), each once.
func (c *Catalogue) serving(comp *assessment.Competency) []int {
	out := c.byComp[comp.ID]
	if len(comp.Offers) == 0 {
		return out
	}
	out = slices.Clone(out)
	for _, ref := range comp.Offers {
		if i, ok := c.byID[ref]; ok && !slices.Contains(out, i) {
			out = append(out, i)
		}
	}
	return out
}

// Items returns every item: built-in ones in file order, then own ones.
func (c *Catalogue) Items() []*Item {
	out := make([]*Item, len(c.entries))
	for i, e := range c.entries {
		out[i] = e.item
	}
	return out
}

// Item returns the item with the given ID.
func (c *Catalogue) Item(id string) (*Item, bool) {
	i, ok := c.byID[id]
	if !ok {
		return nil, false
	}
	return c.entries[i].item, true
}

// Provider returns the provider with the given ID.
func (c *Catalogue) Provider(id string) (*Provider, bool) {
	for i := range c.Providers {
		if c.Providers[i].ID == id {
			return &c.Providers[i], true
		}
	}
	return nil, false
}

// WithOwn returns a catalogue with the items of c plus items as the own
// catalogue called origin. Items c already had from the same origin are
// dropped, so importing a new version of a file replaces the old one. Each
// item's Origin is set to origin. An item whose ID a built-in item already
// has is skipped; between own catalogues the one added last wins.
func (c *Catalogue) WithOwn(origin string, items []Item) *Catalogue {
	added := map[string]bool{}
	for _, it := range items {
		added[it.ID] = true
	}
	var all []*Item
	for _, e := range c.entries {
		if e.item.Origin == OriginBuiltin || (e.item.Origin != origin && !added[e.item.ID]) {
			all = append(all, e.item)
		}
	}
	builtin := map[string]bool{}
	for _, e := range c.entries {
		if e.item.Origin == OriginBuiltin {
			builtin[e.item.ID] = true
		}
	}
	taken := map[string]bool{}
	for _, it := range items {
		if builtin[it.ID] || taken[it.ID] {
			continue
		}
		taken[it.ID] = true
		cp := it
		cp.Origin = origin
		all = append(all, &cp)
	}
	return newCatalogue(c.Version, c.Providers, c.fw, all)
}

type catalogueFile struct {
	Version   string     `yaml:"version"`
	Providers []Provider `yaml:"providers"`
	Items     []Item     `yaml:"items"`
}

// checkProviders checks the built-in catalogue's providers and returns the
// set of their IDs.
func checkProviders(list []Provider, fail func(steps []any, msg *usermsg.Error)) map[string]bool {
	providers := map[string]bool{}
	for i, p := range list {
		at := []any{"providers", i}
		if msg := checkID(p.ID, providers); msg != nil {
			fail(append(at, "id"), msg)
		}
		providers[p.ID] = true
		if strings.TrimSpace(p.Name) == "" {
			fail(append(at, "name"), usermsg.New("catalogue.empty", nil))
		}
		if strings.TrimSpace(p.Source) == "" {
			fail(append(at, "source"), usermsg.New("catalogue.empty", nil))
		}
	}
	return providers
}

// checkBuiltinItem checks what the built-in catalogue asks of an item
// beyond checkItem: known providers, a description, a source, and a
// provider for everything but a learning activity.
func checkBuiltinItem(it *Item, at []any, providers map[string]bool, fail func(steps []any, msg *usermsg.Error)) {
	for j, p := range it.Providers {
		if !providers[p] {
			fail(append(at, "providers", j), usermsg.New("catalogue.unknownProvider", map[string]any{"ID": p}))
		}
	}
	if strings.TrimSpace(it.Description) == "" {
		fail(append(at, "description"), usermsg.New("catalogue.empty", nil))
	}
	if strings.TrimSpace(it.Source) == "" {
		fail(append(at, "source"), usermsg.New("catalogue.empty", nil))
	}
	if it.Kind != KindLeeractiviteit && strings.TrimSpace(it.Provider) == "" {
		fail(append(at, "provider"), usermsg.New("catalogue.noProvider", nil))
	}
}

// LoadBuiltin reads and validates the built-in catalogue from the file name
// in fsys against the framework: every competency and organisation an item
// names must exist there. All problems are returned, each with file, line
// and field.
func LoadBuiltin(fsys fs.FS, name string, fw *assessment.Framework) (*Catalogue, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("catalogus openen: %w", err)
	}
	defer f.Close()
	data, err := assessment.ReadLimited(f, MaxCatalogueSize)
	if err != nil {
		return nil, &assessment.ValidationError{File: name, Msg: assessment.Problem(err)}
	}
	var cf catalogueFile
	root, err := assessment.DecodeStrict(name, data, &cf)
	if err != nil {
		return nil, err
	}
	var errs []error
	fail := func(steps []any, msg *usermsg.Error) {
		errs = append(errs, &assessment.ValidationError{
			File: name, Line: assessment.LineOf(root, steps...), Field: assessment.FieldPath(steps), Msg: msg,
		})
	}
	if strings.TrimSpace(cf.Version) == "" {
		fail([]any{"version"}, usermsg.New("catalogue.empty", nil))
	}
	providers := checkProviders(cf.Providers, fail)
	if len(cf.Items) == 0 {
		fail([]any{"items"}, usermsg.New("catalogue.noItems", nil))
	}
	ids := map[string]bool{}
	items := make([]*Item, len(cf.Items))
	for i := range cf.Items {
		it := &cf.Items[i]
		at := []any{"items", i}
		if msg := checkID(it.ID, ids); msg != nil {
			fail(append(at, "id"), msg)
		} else if strings.HasPrefix(it.ID, OwnIDPrefix) {
			fail(append(at, "id"), usermsg.New("catalogue.ownPrefix", map[string]any{"ID": it.ID, "Prefix": OwnIDPrefix}))
		}
		ids[it.ID] = true
		checkBuiltinItem(it, at, providers, fail)
		for _, p := range checkItem(it, fw) {
			fail(append(at, p.steps...), p.msg)
		}
		it.Origin = OriginBuiltin
		items[i] = it
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return newCatalogue(cf.Version, cf.Providers, fw, items), nil
}

// problem is one thing wrong with an item; steps lead from the item to the field.
type problem struct {
	steps []any
	msg   *usermsg.Error
}

// Limits on free text keep the PDF and the lists readable and stop a
// runaway cell from filling the screen.
const (
	maxTitle       = 300
	maxProvider    = 300
	maxDescription = 2000
	maxURL         = 2000
)

// checkReferences checks that an item's competencies and organisations are
// in the framework, each competency once.
func checkReferences(it *Item, fw *assessment.Framework) []problem {
	var out []problem
	add := func(code string, args map[string]any, steps ...any) {
		out = append(out, problem{steps, usermsg.New(code, args)})
	}
	seen := map[string]bool{}
	for j, c := range it.Competencies {
		if _, ok := fw.Competency(c); !ok {
			add("catalogue.unknownCompetency", map[string]any{"ID": c}, "competencies", j)
		} else if seen[c] {
			add("catalogue.competencyTwice", map[string]any{"ID": c}, "competencies", j)
		}
		seen[c] = true
	}
	for j, o := range it.Organisations {
		if _, ok := fw.Organisation(o); !ok {
			add("catalogue.unknownOrganisation", map[string]any{"ID": o}, "organisations", j)
		}
	}
	return out
}

// checkAccreditation finds the first problem with an item's points and
// register, if any.
func checkAccreditation(a Accreditation) (problem, bool) {
	var out []problem
	add := func(code string, args map[string]any, steps ...any) {
		out = append(out, problem{steps, usermsg.New(code, args)})
	}
	switch {
	case a.Points < 0 || math.IsNaN(a.Points) || a.Points > 1000:
		add("catalogue.badPoints", map[string]any{"Points": a.Points}, "accreditation", "points")
	case a.Register == "" && a.Points > 0:
		add("catalogue.pointsWithoutRegister", nil, "accreditation", "register")
	case a.Register != "" && a.Points == 0:
		add("catalogue.registerWithoutPoints", nil, "accreditation", "points")
	}
	if len(out) == 0 {
		return problem{}, false
	}
	return out[0], true
}

// checkItem holds the rules every item obeys, built-in or own.
func checkItem(it *Item, fw *assessment.Framework) []problem {
	var out []problem
	add := func(code string, args map[string]any, steps ...any) {
		out = append(out, problem{steps, usermsg.New(code, args)})
	}
	text := func(field, s string, limit int, required bool) {
		switch n := len([]rune(strings.TrimSpace(s))); {
		case required && n == 0:
			add("catalogue.empty", nil, field)
		case n > limit:
			add("catalogue.tooLong", map[string]any{"Length": n, "Max": limit}, field)
		}
	}
	text("title", it.Title, maxTitle, true)
	text("provider", it.Provider, maxProvider, false)
	text("description", it.Description, maxDescription, false)
	if !it.Kind.Valid() {
		add("catalogue.badKind", map[string]any{"Value": string(it.Kind), "Choice": choice(Kinds())}, "kind")
	}
	if !it.Level.Valid() {
		add("catalogue.badLevel", map[string]any{"Value": string(it.Level), "Choice": choice(Levels())}, "level")
	}
	if len(it.Competencies) == 0 {
		add("catalogue.noCompetency", nil, "competencies")
	}
	out = append(out, checkReferences(it, fw)...)
	if it.URL != "" {
		if msg := checkURL(it.URL); msg != nil {
			out = append(out, problem{[]any{"url"}, msg})
		}
	}
	if p, ok := checkAccreditation(it.Accreditation); ok {
		out = append(out, p)
	}
	return out
}

func checkURL(s string) *usermsg.Error {
	if len(s) > maxURL {
		return usermsg.New("catalogue.urlTooLong", map[string]any{"Max": maxURL})
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return usermsg.New("catalogue.notAURL", map[string]any{"Value": s})
	}
	return nil
}

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)

// checkID returns what is wrong with id, or "" when it is fine.
func checkID(id string, seen map[string]bool) *usermsg.Error {
	switch {
	case id == "":
		return usermsg.New("catalogue.noID", nil)
	case len(id) > 100:
		return usermsg.New("catalogue.idTooLong", map[string]any{"ID": id})
	case !idPattern.MatchString(id):
		return usermsg.New("catalogue.badID", map[string]any{"ID": id})
	case seen[id]:
		return usermsg.New("catalogue.idTwice", map[string]any{"ID": id})
	}
	return nil
}

// choice lists the values a field allows, for a message.
func choice[T ~string](opts []T) usermsg.Choice {
	c := make(usermsg.Choice, len(opts))
	for i, o := range opts {
		c[i] = string(o)
	}
	return c
}

// fold lowercases s and strips accents, so "casuïstiek" matches "casuistiek".
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
