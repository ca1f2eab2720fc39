package assessment

import (
	"errors"
	"io/fs"
	"maps"
	"path"
	"slices"
)

// fileEnglish holds the English forms of the framework's own words.
const fileEnglish = "english.yaml"

// English is the framework's own words in English: the credit line, the
// scale, organisation names that are not proper names and the names of the
// function profiles. Competency texts and profile descriptions have no
// English form: the framework is written from a Dutch source.
type English struct {
	Credit        string            `yaml:"credit"`
	Scale         []Level           `yaml:"scale"`
	Organisations map[string]string `yaml:"organisations"`
	Functions     map[string]string `yaml:"functions"`
}

// LoadEnglish reads english.yaml beside the framework and checks it against
// fw: every scale level once, known organisations, no empty text. A folder
// without the file has no English forms (nil, nil).
func LoadEnglish(fsys fs.FS, dir string, fw *Framework) (*English, error) {
	if _, err := fs.Stat(fsys, path.Join(dir, fileEnglish)); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	data, err := readFile(fsys, dir, fileEnglish)
	if err != nil {
		return nil, err
	}
	var en English
	root, err := DecodeStrict(fileEnglish, data, &en)
	if err != nil {
		return nil, err
	}
	v := &validator{docs: map[string]*yamlDoc{fileEnglish: {name: fileEnglish, root: root}}}
	v.english(&en, fw)
	if len(v.errs) > 0 {
		return nil, errors.Join(v.errs...)
	}
	return &en, nil
}

// english checks the English forms against the framework they translate.
func (v *validator) english(en *English, fw *Framework) {
	v.text(fileEnglish, []any{"credit"}, en.Credit)
	if len(en.Scale) != len(fw.Scale) {
		v.fail(fileEnglish, []any{"scale"}, "assessment.english.scaleCount", map[string]any{"N": len(en.Scale), "Want": len(fw.Scale)})
	}
	for i, l := range en.Scale {
		at := []any{"scale", i}
		if i < len(fw.Scale) && l.Value != fw.Scale[i].Value {
			v.fail(fileEnglish, append(at, "level"), "assessment.english.levelMismatch", map[string]any{"Level": l.Value, "Want": fw.Scale[i].Value})
		}
		v.text(fileEnglish, append(at, "label"), l.Label)
		v.text(fileEnglish, append(at, "description"), l.Description)
	}
	for _, id := range slices.Sorted(maps.Keys(en.Organisations)) {
		if _, ok := fw.Organisation(id); !ok {
			v.fail(fileEnglish, []any{"organisations", id}, "assessment.unknownOrganisation", map[string]any{"ID": id})
		}
		v.text(fileEnglish, []any{"organisations", id}, en.Organisations[id])
	}
	for _, id := range slices.Sorted(maps.Keys(en.Functions)) {
		if _, ok := fw.Function(id); !ok {
			v.fail(fileEnglish, []any{"functions", id}, "assessment.unknownFunction", map[string]any{"ID": id})
		}
		v.text(fileEnglish, []any{"functions", id}, en.Functions[id])
	}
}

// Translated is a copy of f that uses en's words where it has them; nil en
// gives f itself. Competencies and indicators are shared.
func (f *Framework) Translated(en *English) *Framework {
	if en == nil {
		return f
	}
	t := *f
	t.Source.Credit = en.Credit
	t.Scale = slices.Clone(en.Scale)
	t.Organisations = slices.Clone(f.Organisations)
	t.orgByID = make(map[string]*Organisation, len(t.Organisations))
	for i := range t.Organisations {
		o := &t.Organisations[i]
		if name, ok := en.Organisations[o.ID]; ok {
			o.Name = name
		}
		t.orgByID[o.ID] = o
	}
	t.Functions = slices.Clone(f.Functions)
	t.funcByID = make(map[string]*Function, len(t.Functions))
	for i := range t.Functions {
		fn := &t.Functions[i]
		if name, ok := en.Functions[fn.ID]; ok {
			fn.Name = name
		}
		t.funcByID[fn.ID] = fn
	}
	return &t
}
