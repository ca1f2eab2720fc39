package cli

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"zelfscan/documents/pdf"
	"zelfscan/overview/sample"
	"zelfscan/plans"
	"zelfscan/plans/planfile"
	"zelfscan/safefile"
)

var day = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)

func run(args ...string) (int, string, string) {
	var out, errs bytes.Buffer
	code := Overzicht(args, &out, &errs, day)
	return code, out.String(), errs.String()
}

// Nothing readable: a clear message, status 1, and no output file at all.
func TestNothingReadWritesNothing(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "kapot.zelfscan"), []byte("{"), 0o600)
	csv := filepath.Join(t.TempDir(), "uit.csv")
	code, _, errs := run("--csv", csv, dir)
	if code != 1 || !strings.Contains(errs, "kapot.zelfscan") || !strings.Contains(errs, "er is niets geschreven") {
		t.Fatalf("status %d, stderr %q", code, errs)
	}
	if _, err := os.Stat(csv); !os.IsNotExist(err) {
		t.Fatalf("output file exists: %v", err)
	}
}

func TestArguments(t *testing.T) {
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--min-groep", "4", "."}, 2, "kleiner dan 5 mag niet"},
		{nil, 2, "geef minstens één map"},
		{[]string{"--help"}, 0, "Gebruik: zelfscan overzicht"},
	} {
		code, _, errs := run(c.args...)
		if code != c.code || !strings.Contains(errs, c.want) {
			t.Errorf("%v: status %d, stderr %q", c.args, code, errs)
		}
	}
}

// Plans with a bad file among them: CSV and PDF written, the bad file named.
func TestWritesCSVAndPDF(t *testing.T) {
	fw, cat, err := plans.LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for i := range 150 {
		f, err := sample.Plan(fw, cat, 5, i)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		planfile.Encode(&buf, f)
		os.WriteFile(filepath.Join(dir, f.PlanUID+".zelfscan"), buf.Bytes(), 0o600)
	}
	os.WriteFile(filepath.Join(dir, "leeg.pdf"), nil, 0o600)
	out := t.TempDir()
	code, stdout, errs := run("--csv", filepath.Join(out, "o.csv"), "--pdf", filepath.Join(out, "o.pdf"), dir)
	if code != 0 || !strings.Contains(errs, "overgeslagen: ") || !strings.Contains(stdout, "Gelezen: ongeveer 150 bestanden, 1 overgeslagen.") {
		t.Fatalf("status %d\nstdout %s\nstderr %s", code, stdout, errs)
	}
	for _, name := range []string{"o.csv", "o.pdf"} {
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil || len(data) < 100 || bytes.Contains(data, []byte(sample.Secret)) {
			t.Errorf("%s: %d bytes, %v", name, len(data), err)
		}
	}
}

// An output path that is an input, a plan file or a plan PDF is refused
// before anything is read or written, and the plan is left as it was.
func TestRefusesOutputOverInput(t *testing.T) {
	fw, cat, err := plans.LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	f, err := sample.Plan(fw, cat, 1, 0)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	planfile.Encode(&buf, f)
	plan := filepath.Join(dir, "mijn-plan.zelfscan")
	os.WriteFile(plan, buf.Bytes(), 0o600)
	// A plan PDF under another name: what it is counts, not its name.
	pdfPlan := filepath.Join(t.TempDir(), "plan.pdf")
	var pdfData bytes.Buffer
	if err := pdf.Render(&pdfData, f, pdf.Options{Attachments: []pdf.Attachment{{Name: planfile.AttachmentName, Data: buf.Bytes()}}}); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(pdfPlan, pdfData.Bytes(), 0o600)
	newPlan := filepath.Join(t.TempDir(), "nieuw.ZELFSCAN")
	out := filepath.Join(t.TempDir(), "o.csv")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--csv", plan, dir}, "is een leerplan"},
		{[]string{"--pdf", pdfPlan, dir}, "is een leerplan"},
		{[]string{"--csv", newPlan, dir}, "is een leerplan"},
		{[]string{"--csv", dir, dir}, "een van de mappen of bestanden die gelezen worden"},
		{[]string{"--csv", out, "--pdf", out, dir}, "voor de CSV en de PDF"},
	} {
		code, _, errs := run(c.args...)
		if code != 2 || !strings.Contains(errs, c.want) {
			t.Errorf("%v: status %d, stderr %q", c.args, code, errs)
		}
	}
	if data, _ := os.ReadFile(plan); !bytes.Equal(data, buf.Bytes()) {
		t.Fatal("the plan file was changed")
	}
}

// Interrupted while an output is being written (SIGINT and SIGTERM), the
// command leaves no temporary file and exits 130. The helper process
// below writes a file that never finishes.
func TestInterruptRemovesTemporaryFiles(t *testing.T) {
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		dir := t.TempDir()
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperWritesForEver$")
		cmd.Env = append(os.Environ(), "ZELFSCAN_HELPER_DIR="+dir)
		stdout, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		line, err := bufio.NewReader(stdout).ReadString('\n')
		if err != nil || !strings.HasPrefix(line, "bezig") {
			t.Fatalf("helper: %q, %v", line, err)
		}
		if tmp, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(tmp) != 1 {
			t.Fatalf("while writing: temporary files %v, want one", tmp)
		}
		cmd.Process.Signal(sig)
		err = cmd.Wait()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != exitInterrupted {
			t.Fatalf("%v: helper ended with %v, want status %d", sig, err, exitInterrupted)
		}
		if left, _ := os.ReadDir(dir); len(left) != 0 {
			t.Fatalf("%v: left behind %v", sig, left)
		}
	}
}

// TestHelperWritesForEver is the process TestInterruptRemovesTemporaryFiles
// interrupts; on its own it does nothing.
func TestHelperWritesForEver(t *testing.T) {
	dir := os.Getenv("ZELFSCAN_HELPER_DIR")
	if dir == "" {
		return
	}
	defer removeTemporariesOnSignal()()
	safefile.Write(filepath.Join(dir, "o.csv"), func(w io.Writer) error {
		io.WriteString(w, "Organisatie;Functie\r\n")
		fmt.Println("bezig")
		select {}
	})
}
