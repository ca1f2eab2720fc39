package plans

import (
	"zelfscan/assessment"
	"zelfscan/assets"
)

// LoadEmbedded loads the framework and the built-in catalogue that ship in
// the binary, for commands and tools without a window (the GUI loads the
// framework itself, to show its own messages, and the catalogue later).
func LoadEmbedded() (*assessment.Framework, *Catalogue, error) {
	fw, err := assessment.Load(assets.Files, assets.FrameworkDir)
	if err != nil {
		return nil, nil, err
	}
	cat, err := LoadBuiltin(assets.Files, assets.CatalogueFile, fw)
	if err != nil {
		return nil, nil, err
	}
	return fw, cat, nil
}
