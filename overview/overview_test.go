package overview_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"

	"zelfscan/assessment"
	"zelfscan/overview"
	"zelfscan/overview/sample"
	"zelfscan/plans"
	"zelfscan/plans/planfile"
)

func realData(t testing.TB) (*assessment.Framework, *plans.Catalogue) {
	t.Helper()
	fw, cat, err := plans.LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	return fw, cat
}

func samples(t testing.TB, n int) []*planfile.File {
	t.Helper()
	fw, cat := realData(t)
	out := make([]*planfile.File, n)
	for i := range out {
		f, err := sample.Plan(fw, cat, 1, i)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = f
	}
	return out
}

func build(t testing.TB, minGroup int, files []*planfile.File, cat *plans.Catalogue) *overview.Overview {
	t.Helper()
	b, err := overview.NewBuilder(minGroup)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		b.AddFile(f)
	}
	o, err := b.Result(cat)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// The input type of the aggregate has room for IDs, levels and dates only.
func TestPersonHoldsNoFreeText(t *testing.T) {
	want := map[reflect.Type][]string{
		reflect.TypeFor[overview.Person](): {"PlanUID", "Updated", "Exported", "Organisation", "Function", "Levels"},
		reflect.TypeFor[overview.Level]():  {"Competency", "Required", "Own"},
	}
	for typ, fields := range want {
		var got []string
		for f := range typ.Fields() {
			got = append(got, f.Name)
		}
		if !reflect.DeepEqual(got, fields) {
			t.Errorf("%s has fields %v, want exactly %v: a new field could carry personal text", typ, got, fields)
		}
	}
	f := samples(t, 1)[0]
	p, l := overview.FromFile(f)
	for what, v := range map[string]any{"person": p, "labels": l} {
		data, _ := json.Marshal(v)
		if bytes.Contains(data, []byte(sample.Secret)) {
			t.Errorf("%s holds personal text: %s", what, data)
		}
	}
}

// Nothing personal reaches the overview, its CSV or text, whatever the files hold.
func TestNoPersonalTextInOverview(t *testing.T) {
	_, cat := realData(t)
	o := build(t, 5, samples(t, 400), cat)
	var csv bytes.Buffer
	if err := o.WriteCSV(&csv); err != nil {
		t.Fatal(err)
	}
	all, _ := json.Marshal(o)
	for what, data := range map[string][]byte{"overview": all, "csv": csv.Bytes()} {
		if bytes.Contains(data, []byte(sample.Secret)) {
			t.Errorf("%s holds personal text", what)
		}
	}
	if len(o.Groups) == 0 || !strings.Contains(csv.String(), overview.TooFew) {
		t.Fatalf("400 plans gave %d groups; CSV without hidden cells: the test proves nothing", len(o.Groups))
	}
}

// No group, row, cell or offer about 1 to N-1 people is ever shown, for
// several minimum sizes and random sets of plans.
func TestNoFigureBelowMinimumGroup(t *testing.T) {
	_, cat := realData(t)
	files := samples(t, 600)
	for _, minGroup := range []int{5, 7, 12} {
		o := build(t, minGroup, files, cat)
		shown := 0
		check := func(where string, n int) {
			if n > 0 && n < minGroup {
				t.Errorf("min %d: %s shows %d people", minGroup, where, n)
			}
			shown++
		}
		for _, g := range o.Groups {
			check(g.Organisation+"/"+g.Function, g.Members)
			for _, r := range g.Competencies {
				check(g.Function+"/"+r.ID+" assessed", r.Assessed)
				visible, hiddenCells := 0, 0
				for l, c := range r.Own {
					if c.Hidden {
						hiddenCells++
						continue
					}
					check(fmt.Sprintf("%s level %d", r.ID, l), c.N)
					visible += c.N
				}
				// What is hidden in a row adds up to at least minGroup
				// people, so the row total cannot give one cell back.
				if hiddenCells > 0 && r.Assessed-visible < minGroup {
					t.Errorf("min %d: %s hides %d people in %d cells; recoverable", minGroup, r.ID, r.Assessed-visible, hiddenCells)
				}
				if !r.WithGap.Hidden {
					check(r.ID+" with gap", r.WithGap.N)
					check(r.ID+" without gap", r.Assessed-r.WithGap.N)
				}
			}
			for _, f := range g.Offers {
				check(f.Item.ID, f.People)
			}
		}
		if shown < 50 || o.Hidden.Total() == 0 {
			t.Fatalf("min %d: %d figures shown, %+v hidden: the data does not exercise the rule", minGroup, shown, o.Hidden)
		}
	}
}

// Four people in a function are hidden whole; the fifth makes them a group.
func TestSmallGroupHiddenWhole(t *testing.T) {
	files := samples(t, 1)
	var group []*planfile.File
	for i := range 5 {
		f := *files[0]
		f.PlanUID = fmt.Sprintf("uid-%d", i)
		group = append(group, &f)
	}
	o := build(t, 5, group[:4], nil)
	if len(o.Groups) != 0 || o.Hidden.Groups != 1 || o.People != 4 {
		t.Fatalf("four people: %d groups shown, hidden %+v", len(o.Groups), o.Hidden)
	}
	o = build(t, 5, group, nil)
	if len(o.Groups) != 1 || o.Groups[0].Members != 5 {
		t.Fatalf("five people: %+v", o.Groups)
	}
	// Everyone answered alike, so each level cell is 0 or 5 and nothing hides.
	for _, r := range o.Groups[0].Competencies {
		for _, c := range r.Own {
			if c.Hidden || (c.N != 0 && c.N != 5) {
				t.Fatalf("%s: %+v", r.ID, r.Own)
			}
		}
	}
}

func TestMinimumGroupNeverBelowFive(t *testing.T) {
	for _, n := range []int{-1, 0, 1, 4} {
		if _, err := overview.NewBuilder(n); err == nil {
			t.Errorf("minimum %d accepted", n)
		}
	}
}

// A copied file and an older export of the same plan count once, the newest.
func TestDuplicatesCountOnceNewest(t *testing.T) {
	files := samples(t, 5)
	older := *files[0]
	older.PlanUpdated = older.PlanUpdated.Add(-24 * time.Hour)
	older.Competencies = append([]planfile.Competency(nil), older.Competencies...)
	for i := range older.Competencies {
		older.Competencies[i].Own = 0
	}
	copied := *files[1]
	b, _ := overview.NewBuilder(5)
	for _, f := range []*planfile.File{&older, files[0], files[1], &copied, files[2], files[3], files[4]} {
		b.AddFile(f)
	}
	o, err := b.Result(nil)
	if err != nil {
		t.Fatal(err)
	}
	if o.FilesUsed != 7 || o.Duplicates != 2 || o.People != 5 {
		t.Fatalf("used %d, duplicates %d, people %d; want 7, 2, 5", o.FilesUsed, o.Duplicates, o.People)
	}
	// The newest version wins even when the older one is read last: five
	// plans of one function, each read new and then old.
	b, _ = overview.NewBuilder(5)
	for i := range 5 {
		newer, old := *files[0], older
		newer.PlanUID, old.PlanUID = fmt.Sprintf("u%d", i), fmt.Sprintf("u%d", i)
		b.AddFile(&newer)
		b.AddFile(&old)
	}
	o, err = b.Result(nil)
	if err != nil || len(o.Groups) != 1 {
		t.Fatalf("%v, %d groups", err, len(o.Groups))
	}
	want := files[0].Competencies[0].Own
	if r := o.Groups[0].Competencies[0]; r.Own[want].N != 5 {
		t.Fatalf("own levels %+v, want all five at the newest level %d", r.Own, want)
	}
}

// A folder with broken files, a non-plan file and a named pipe reports each
// problem, skips the other files and goes on.
func TestReadFoldersReportsBadFilesAndGoesOn(t *testing.T) {
	dir := t.TempDir()
	files := samples(t, 6)
	sub := filepath.Join(dir, "team", "dieper")
	os.MkdirAll(sub, 0o700)
	for i, f := range files {
		var buf bytes.Buffer
		if err := planfile.Encode(&buf, f); err != nil {
			t.Fatal(err)
		}
		target := dir
		if i%2 == 1 {
			target = sub
		}
		os.WriteFile(filepath.Join(target, fmt.Sprintf("plan%d%s", i, planfile.Extension)), buf.Bytes(), 0o600)
	}
	os.WriteFile(filepath.Join(dir, "leeg.zelfscan"), nil, 0o600)
	os.WriteFile(filepath.Join(dir, "kapot.zelfscan"), []byte(`{"format":"zelfscan-ggg-leerplan","version":1,`), 0o600)
	os.WriteFile(filepath.Join(dir, "ander.pdf"), []byte("%PDF-1.4\n1 0 obj << >> endobj\n"), 0o600)
	os.WriteFile(filepath.Join(dir, "notities.txt"), []byte("niet lezen"), 0o600)
	if err := syscall.Mkfifo(filepath.Join(dir, "pijp.zelfscan"), 0o600); err != nil {
		t.Fatal(err)
	}
	b, _ := overview.NewBuilder(5)
	overview.ReadFolders([]string{dir, filepath.Join(dir, "bestaat-niet")}, b)
	o, err := b.Result(nil)
	if err != nil {
		t.Fatal(err)
	}
	if o.FilesUsed != 6 || o.FilesSkipped != 5 {
		t.Fatalf("used %d, skipped %d; problems %+v", o.FilesUsed, o.FilesSkipped, o.Problems)
	}
	reasons := map[string]string{}
	for _, p := range o.Problems {
		reasons[filepath.Base(p.Name)] = p.Reason.Error()
	}
	for name, want := range map[string]string{
		"leeg.zelfscan": "leeg", "kapot.zelfscan": "halverwege", "ander.pdf": "geen leerplanbestand",
		"pijp.zelfscan": "geen gewoon bestand", "bestaat-niet": "",
	} {
		if r, ok := reasons[name]; !ok || !strings.Contains(r, want) {
			t.Errorf("%s: reason %q, want it to mention %q (all: %v)", name, r, want, reasons)
		}
	}
}

func TestNothingReadIsAnError(t *testing.T) {
	b, _ := overview.NewBuilder(5)
	overview.ReadFolders([]string{t.TempDir()}, b)
	if _, err := b.Result(nil); err != overview.ErrNothingRead {
		t.Fatalf("empty folder: %v", err)
	}
}
