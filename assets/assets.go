// Package assets embeds the data the app ships with: the competency
// framework, the course catalogue, the font and the icon.
package assets

import "embed"

// Files holds every embedded asset; paths are relative to this folder.
//
//go:embed framework/*.yaml catalogue/*.yaml
//go:embed translations
var Files embed.FS

// Icon is the app icon (256×256 PNG), also named in FyneApp.toml.
//
//go:embed icon.png
var Icon []byte

// FrameworkDir is the folder inside Files with the framework's YAML files.
const FrameworkDir = "framework"

// TranslationsDir holds one folder per screen group, each with nl.json and en.json.
const TranslationsDir = "translations"

// CatalogueFile is the built-in course catalogue inside Files.
const CatalogueFile = "catalogue/catalogue.yaml"
