package workspace

import (
	"errors"
	"io"

	"zelfscan/safefile"
)

// exporter is the part of the store that writes the user's copy of all
// data; store.Store has it, a test's store need not.
type exporter interface {
	ExportAll(w io.Writer) error
}

// ExportData writes everything in the store to path (the user's right of
// access), whole or not at all: on failure no empty file is left behind,
// not even the one a save dialog made.
func (w *Workspace) ExportData(path string) error {
	ex, ok := w.store.(exporter)
	if !ok {
		return errors.New("this store cannot export")
	}
	if err := safefile.Write(path, ex.ExportAll); err != nil {
		safefile.RemoveEmpty(path)
		return err
	}
	return nil
}
