package planfile

import (
	"context"
	"sync"
	"time"
)

// Result is one file read by OpenAll: File or Err (a *FileError) is set.
type Result struct {
	Path string
	File *File
	Err  error
}

// openWorkers is how many files OpenAll reads at once: enough that one slow
// file does not hold up the rest, few enough for a laptop's disk.
const openWorkers = 4

// OpenAll reads every path, a few at a time, and returns one Result per
// path in the order given. A file not read within perFile is given up
// (its read may go on in the background, e.g. on a hung network share) and
// reported with that reason, so one bad or slow file never holds up the
// others. When ctx ends, the files not yet read are reported as cancelled.
func OpenAll(ctx context.Context, paths []string, perFile time.Duration) []Result {
	return openAll(ctx, paths, perFile, OpenContext)
}

func openAll(ctx context.Context, paths []string, perFile time.Duration, open func(context.Context, string) (*File, error)) []Result {
	out := make([]Result, len(paths))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(openWorkers, len(paths)) {
		wg.Go(func() {
			for i := range jobs {
				out[i] = openOne(ctx, paths[i], perFile, open)
			}
		})
	}
	for i := range paths {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return out
}

// openOne runs open for one path and stops waiting for it after perFile.
func openOne(ctx context.Context, path string, perFile time.Duration, open func(context.Context, string) (*File, error)) Result {
	if ctx.Err() != nil {
		return Result{Path: path, Err: fileError(path, ctx.Err(), "planfile.cancelled", nil)}
	}
	fctx, cancel := context.WithTimeout(ctx, perFile)
	defer cancel()
	done := make(chan Result, 1) // buffered: a read given up still ends
	go func() {
		f, err := open(fctx, path)
		done <- Result{Path: path, File: f, Err: err}
	}()
	select {
	case r := <-done:
		return r
	case <-fctx.Done():
		if ctx.Err() != nil {
			return Result{Path: path, Err: fileError(path, ctx.Err(), "planfile.cancelled", nil)}
		}
		return Result{Path: path, Err: fileError(path, fctx.Err(), "planfile.tooSlow", map[string]any{"Seconds": int(perFile / time.Second)})}
	}
}
