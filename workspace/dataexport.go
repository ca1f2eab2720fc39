package workspace

// ExportData writes everything in the store to path (the user's right of
// access) through WriteFile: whole or not at all, and on failure no empty
// file is left behind, not even the one a save dialog made.
func (w *Workspace) ExportData(path string) error {
	return WriteFile(path, w.store.ExportAll)
}
