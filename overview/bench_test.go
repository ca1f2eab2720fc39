package overview_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"zelfscan/overview"
	"zelfscan/plans/planfile"
)

// BenchmarkReadFolders5000 reads 5,000 plan files from disk into the
// overview, with the built-in catalogue: the target is under 5 s
// (the real command's time and peak RSS: scripts/bench-overview.sh).
// 250 generated plans are written 20 times each under other plan and person IDs, so
// setting up does not take a minute.
func BenchmarkReadFolders5000(b *testing.B) {
	_, cat := realData(b)
	dir := b.TempDir()
	for i, f := range samples(b, 250) {
		var buf bytes.Buffer
		if err := planfile.Encode(&buf, f); err != nil {
			b.Fatal(err)
		}
		uid := []byte(`"plan_uid": "` + f.PlanUID + `"`)
		person := []byte(`"person_id": "` + f.PersonID + `"`)
		for copyN := range 20 {
			data := bytes.Replace(buf.Bytes(), uid, fmt.Appendf(nil, `"plan_uid": "%s-%d"`, f.PlanUID, copyN), 1)
			data = bytes.Replace(data, person, fmt.Appendf(nil, `"person_id": "%030x%02x"`, i, copyN), 1)
			sub := filepath.Join(dir, fmt.Sprintf("team-%02d", copyN))
			os.MkdirAll(sub, 0o700)
			if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("plan-%d.zelfscan", i)), data, 0o600); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ResetTimer()
	for b.Loop() {
		ob, _ := overview.NewBuilder(5)
		overview.ReadFolders([]string{dir}, ob)
		o, err := ob.Result(cat)
		if err != nil || o.Files != 5000 || o.Duplicates != 0 {
			b.Fatalf("%v, %d files, %d duplicates", err, o.Files, o.Duplicates)
		}
	}
}
