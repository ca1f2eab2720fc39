package cli

import (
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"zelfscan/plans/planfile"
	"zelfscan/safefile"
	"zelfscan/usermsg"
)

// checkOutputs refuses output paths that would destroy input: an input
// folder or file itself, anything with the plan file extension, an
// existing file that is a plan (a .zelfscan file or a plan PDF), or the
// same path for both outputs.
func checkOutputs(inputs []string, outputs ...string) error {
	seen := map[string]bool{}
	for _, out := range outputs {
		if out == "" {
			continue
		}
		abs := canonical(out)
		if seen[abs] {
			return usermsg.New("overview.outputTwice", map[string]any{"Path": out})
		}
		seen[abs] = true
		for _, in := range inputs {
			if canonical(in) == abs {
				return usermsg.New("overview.outputIsInput", map[string]any{"Path": out})
			}
		}
		if strings.EqualFold(filepath.Ext(out), planfile.Extension) {
			return usermsg.New("overview.outputIsPlan", map[string]any{"Path": out})
		}
		if _, err := os.Stat(out); err == nil {
			if _, err := planfile.Open(out); err == nil {
				return usermsg.New("overview.outputIsPlan", map[string]any{"Path": out})
			}
		}
	}
	return nil
}

// canonical is path made absolute, with symbolic links resolved as far as
// they exist, so two spellings of one file compare equal.
func canonical(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Clean(path)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(dir, filepath.Base(abs))
	}
	return abs
}

// removeTemporariesOnSignal makes an interrupt (Ctrl-C, SIGTERM) remove
// the temporary files of outputs being written before the command exits
// with 130, as shells do for an interrupted command. The returned function
// stops listening.
func removeTemporariesOnSignal() (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case <-ch:
			safefile.RemoveTemporaries()
			os.Exit(exitInterrupted)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}
