package locale

import "sync"

// Zelfscan GGG patch: an app that lets its user choose a language sets it
// here, so that packages which ask the system (Fyne's lang) get the choice
// without the process environment being changed, on every platform.
var (
	overrideMu sync.RWMutex
	override   []string
)

// SetOverride makes GetLocale and GetLocales return these BCP 47 tags instead
// of the system's; no tags returns to the system's.
func SetOverride(tags ...string) {
	overrideMu.Lock()
	defer overrideMu.Unlock()
	override = append([]string(nil), tags...)
}

func overridden() []string {
	overrideMu.RLock()
	defer overrideMu.RUnlock()
	return append([]string(nil), override...)
}

// GetLocale retrieves the IETF BCP 47 language tag set on the system, or the
// first tag given to SetOverride.
func GetLocale() (string, error) {
	if o := overridden(); len(o) > 0 {
		return o[0], nil
	}
	return systemLocale()
}

// GetLocales retrieves the IETF BCP 47 language tags set on the system, or
// those given to SetOverride.
func GetLocales() ([]string, error) {
	if o := overridden(); len(o) > 0 {
		return o, nil
	}
	return systemLocales()
}
