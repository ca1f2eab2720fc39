package overview

import (
	"io/fs"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"zelfscan/plans/planfile"
	"zelfscan/usermsg"
)

// errNotRegular is a device, pipe or socket with a plan file's name:
// reading one could block for ever.
var errNotRegular = usermsg.New("overview.notRegular", nil)

// isPlanName reports whether a file name is one the overview reads: a plan
// file or a PDF (which may carry one). Other files in the folders, such as
// notes or spreadsheets, are not looked at.
func isPlanName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == planfile.Extension || ext == ".pdf"
}

type readResult struct {
	path string
	file *planfile.File
	err  error
}

// ReadFolders reads every plan file and plan PDF under the folders (and
// their subfolders) into b, a few files at a time: readers decode in
// parallel, and only the Person of each file is kept. A file that cannot be
// read is recorded with its reason and the rest goes on; a folder that
// cannot be listed is recorded the same way. Symbolic links are not followed.
func ReadFolders(dirs []string, b *Builder) {
	paths := make(chan string, 64)
	results := make(chan readResult, 64)
	var wg sync.WaitGroup
	for range max(1, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for p := range paths {
				f, err := planfile.Open(p)
				results <- readResult{path: p, file: f, err: err}
			}
		})
	}
	go func() {
		for _, d := range dirs {
			walk(d, paths, results)
		}
		close(paths)
		wg.Wait()
		close(results)
	}()
	for r := range results {
		if r.err != nil {
			b.Skip(r.path, r.err)
			continue
		}
		b.AddFile(r.file)
	}
}

// walk sends the plan files under dir to paths and problems to results.
func walk(dir string, paths chan<- string, results chan<- readResult) {
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			results <- readResult{path: p, err: err}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !isPlanName(d.Name()) {
			return nil
		}
		if !d.Type().IsRegular() {
			if d.Type()&fs.ModeSymlink == 0 {
				results <- readResult{path: p, err: errNotRegular}
			}
			return nil
		}
		paths <- p
		return nil
	})
	if err != nil {
		results <- readResult{path: dir, err: err}
	}
}
