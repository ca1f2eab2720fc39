package workspace

import (
	"fmt"
	"io/fs"
	"path"
	"strings"

	"zelfscan/assessment"
	"zelfscan/assets"
	"zelfscan/orgsettings"
)

// Settings are the organisation's settings (zelfscan-instellingen.yaml),
// named here for the window's start-up options.
type Settings = orgsettings.Settings

// LoadFramework reads the framework from dir in fsys, or the embedded one
// when fsys is nil (tests start the window on a small one).
func LoadFramework(fsys fs.FS, dir string) (*assessment.Framework, error) {
	fsys, dir = frameworkSource(fsys, dir)
	return assessment.Load(fsys, dir)
}

// LoadEnglish reads the English forms of fw's own words from where
// LoadFramework read fw.
func LoadEnglish(fsys fs.FS, dir string, fw *assessment.Framework) (*assessment.English, error) {
	fsys, dir = frameworkSource(fsys, dir)
	return assessment.LoadEnglish(fsys, dir, fw)
}

// frameworkSource is fsys and dir, or the embedded framework for a nil fsys.
func frameworkSource(fsys fs.FS, dir string) (fs.FS, string) {
	if fsys == nil {
		return assets.Files, assets.FrameworkDir
	}
	return fsys, dir
}

// EachTranslation hands add every embedded translation file of language
// (its path and contents), one at a time, as the window loads them at
// start-up.
func EachTranslation(language string, add func(path string, data []byte) error) error {
	return fs.WalkDir(assets.Files, assets.TranslationsDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, language+".json") {
			return err
		}
		data, err := fs.ReadFile(assets.Files, p)
		if err != nil {
			return fmt.Errorf("vertaling %s lezen: %w", path.Base(p), err)
		}
		return add(p, data)
	})
}
