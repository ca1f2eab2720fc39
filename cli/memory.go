package cli

import (
	"os"
	"runtime/debug"
)

// readingMemory is the heap that the commands reading many plan files aim
// to stay under. Decoding one file after another leaves garbage that would
// otherwise let the heap grow to about twice what the overview keeps
// (300 MB for 20,000 people); with this soft limit the collector runs
// sooner and the peak stays near 185 MB in about the same time
// (docs/benchmarks.md). A limit the user sets with GOMEMLIMIT wins.
const readingMemory = 150 << 20

// limitMemory sets the soft memory limit for a command that reads plan
// files, unless GOMEMLIMIT sets one.
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(readingMemory)
	}
}
