// Command genplans writes sample plan files (overview/sample) into a
// folder, for measuring `zelfscan overzicht` and `zelfscan
// kwaliteitsrapport` on thousands of files. Every sample person has two
// self-checks, and their plan file carries the change between them with
// the shift the sample plants per offer (sample.PlantedShift); -waarheid
// writes that truth per offer, to hold the report's effect table against:
//
//	go run ./tools/genplans -n 5000 -map /tmp/plannen -waarheid /tmp/waarheid.csv
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"zelfscan/overview/sample"
	"zelfscan/plans"
	"zelfscan/plans/planfile"
)

func main() {
	n := flag.Int("n", 5000, "aantal leerplannen")
	dir := flag.String("map", "", "map waarin de leerplannen komen")
	seed := flag.Uint64("seed", 1, "startwaarde van de toevalsgenerator")
	truth := flag.String("waarheid", "", "schrijf per aanbod de geplante verandering als CSV-bestand")
	flag.Parse()
	if *dir == "" {
		fmt.Fprintln(os.Stderr, "genplans: geef een map op met -map")
		os.Exit(2)
	}
	if err := run(*dir, *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "genplans:", err)
		os.Exit(1)
	}
	if *truth != "" {
		if err := writeTruth(*truth); err != nil {
			fmt.Fprintln(os.Stderr, "genplans:", err)
			os.Exit(1)
		}
	}
}

// writeTruth writes per catalogue item the shift in levels the sample
// plants for four in five of the people who complete it.
func writeTruth(path string) error {
	_, cat, err := plans.LoadEmbedded()
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	buf.WriteString("Aanbod-id;Geplante verandering (niveaus)\r\n")
	for _, it := range cat.Items() {
		fmt.Fprintf(&buf, "%s;%d\r\n", it.ID, sample.PlantedShift(it.ID))
	}
	return os.WriteFile(path, buf.Bytes(), 0o600)
}

func run(dir string, n int, seed uint64) error {
	fw, cat, err := plans.LoadEmbedded()
	if err != nil {
		return err
	}
	for i := range n {
		f, err := sample.Plan(fw, cat, seed, i)
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		if err := planfile.Encode(&buf, f); err != nil {
			return err
		}
		// A hundred files per subfolder, as teams would hand them in.
		sub := filepath.Join(dir, fmt.Sprintf("team-%03d", i/100))
		if err := os.MkdirAll(sub, 0o700); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("leerplan-%05d%s", i, planfile.Extension)), buf.Bytes(), 0o600); err != nil {
			return err
		}
	}
	return nil
}
