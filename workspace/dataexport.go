package workspace

import "zelfscan/safefile"

// ExportData writes everything in the store to path (the user's right of
// access), whole or not at all: on failure no empty file is left behind,
// not even the one a save dialog made.
func (w *Workspace) ExportData(path string) error {
	if err := safefile.Write(path, w.store.ExportAll); err != nil {
		safefile.RemoveEmpty(path)
		return err
	}
	return nil
}
