package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"zelfscan/safefile"
	"zelfscan/usermsg"
	"zelfscan/workspace"
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
		if workspace.HoldsPlan(out) {
			return usermsg.New("overview.outputIsPlan", map[string]any{"Path": out})
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

// writeFiles writes the CSV and the PDF a command was asked for, each whole
// or not at all, and says which were written; it returns the exit status.
func writeFiles(command, csvPath, pdfPath string, csv, pdf func(io.Writer) error, stdout, stderr io.Writer) int {
	status := exitOK
	for _, out := range []struct {
		path, kind string
		write      func(io.Writer) error
	}{{csvPath, "CSV", csv}, {pdfPath, "PDF", pdf}} {
		if out.path == "" {
			continue
		}
		if err := workspace.WriteFile(out.path, out.write); err != nil {
			fmt.Fprintf(stderr, "zelfscan %s: %s niet geschreven: %v\n", command, out.kind, err)
			status = exitFailed
			continue
		}
		fmt.Fprintf(stdout, "%s geschreven: %s\n", out.kind, out.path)
	}
	return status
}

// reportFlags are the options of the commands that read plan folders.
type reportFlags struct {
	fs               *flag.FlagSet
	csvPath, pdfPath *string
	minGroup         *int
}

// parseReportFlags reads the options of command name; ok is false when the
// command is done (help shown, or the arguments are wrong, with status).
func parseReportFlags(name, usage, what string, args []string, stderr io.Writer) (r reportFlags, status int, ok bool) {
	r.fs = flag.NewFlagSet(name, flag.ContinueOnError)
	// The flag package's own messages and "(default 5)" are English.
	r.fs.SetOutput(io.Discard)
	r.csvPath = r.fs.String("csv", "", "schrijf het "+what+" als CSV-bestand (voor Excel)")
	r.pdfPath = r.fs.String("pdf", "", "schrijf het "+what+" als PDF")
	r.minGroup = r.fs.Int("min-groep", workspace.MinGroupFloor, fmt.Sprintf("toon niets over minder dan N mensen (minstens %d, zonder deze optie %d)", workspace.MinGroupFloor, workspace.MinGroupFloor))
	r.fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		r.fs.VisitAll(func(f *flag.Flag) { fmt.Fprintf(stderr, "  --%-10s %s\n", f.Name, f.Usage) })
	}
	if err := r.fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			r.fs.Usage()
			return r, exitOK, false
		}
		fmt.Fprintf(stderr, "zelfscan %s: %v\n", name, dutchFlagError(err, "zelfscan "+name))
		return r, exitBadArgs, false
	}
	return r, exitOK, true
}
