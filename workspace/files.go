package workspace

import (
	"io"

	"zelfscan/safefile"
)

// WriteFile writes the file at path whole or not at all (safefile.Write):
// exports hold personal answers and notes, so only the user may read them.
// On failure the empty file a save dialog made at path is removed as well,
// so the group overview and 'Bespreking toevoegen' never meet an empty
// file. Every file the window saves goes through here.
func WriteFile(path string, write func(io.Writer) error) error {
	if err := safefile.Write(path, write); err != nil {
		safefile.RemoveEmpty(path)
		return err
	}
	return nil
}

// DiscardEmpty removes path when it is an empty file: the one a save
// dialog made for a save that was given up before anything was written.
func DiscardEmpty(path string) { safefile.RemoveEmpty(path) }
