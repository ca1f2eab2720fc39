package overview_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
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

// The input type of the aggregate has room for IDs, levels, dates, how far
// the person got with offers and, as the only text, the remarks they
// marked to share: the sample files' unshared remarks, evaluations and
// notes (all with sample.Secret) must not get in.
func TestPersonHoldsNoFreeText(t *testing.T) {
	want := map[reflect.Type][]string{
		reflect.TypeFor[overview.Person](): {"PersonID", "PlanUID", "Updated", "Exported", "Organisation", "Function", "Levels",
			"Offers", "Changes", "Shared"},
		reflect.TypeFor[overview.Level]():        {"Competency", "Required", "Own", "Answered"},
		reflect.TypeFor[overview.OfferUse]():     {"Item", "Stage", "Rating"},
		reflect.TypeFor[overview.Change]():       {"Competency", "Change", "Items", "Served"},
		reflect.TypeFor[overview.SharedRemark](): {"Item", "Text"},
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
	var csv, text bytes.Buffer
	if err := o.WriteCSV(&csv); err != nil {
		t.Fatal(err)
	}
	if err := o.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	all, _ := json.Marshal(o)
	for what, data := range map[string][]byte{"overview": all, "csv": csv.Bytes(), "text": text.Bytes()} {
		if bytes.Contains(data, []byte(sample.Secret)) {
			t.Errorf("%s holds personal text", what)
		}
		for _, f := range samples(t, 3) {
			if bytes.Contains(data, []byte(f.PersonID)) || bytes.Contains(data, []byte(f.PlanUID)) {
				t.Errorf("%s holds a person or plan ID", what)
			}
		}
	}
	if len(o.Groups) == 0 {
		t.Fatal("400 plans gave no group: the test proves nothing")
	}
}

// Every count of the release is a multiple of five, every group shown has
// at least N people, the rows add up to the group, and the derived figures
// are sums of the rounded counts; for several minimum sizes.
func TestReleaseIsRoundedAndConsistent(t *testing.T) {
	_, cat := realData(t)
	files := samples(t, 600)
	truth := map[string]int{}
	for _, f := range files {
		truth[f.Profile.OrganisationName+"/"+f.Profile.FunctionName]++
	}
	for _, minGroup := range []int{5, 7, 12} {
		o := build(t, minGroup, files, cat)
		shown := 0
		for _, n := range []int{o.Files, o.Duplicates, o.SmallGroupPeople, o.WithoutID} {
			if n%5 != 0 {
				t.Errorf("min %d: total %d is not rounded", minGroup, n)
			}
		}
		for _, g := range o.Groups {
			if truth[g.Organisation+"/"+g.Function] < minGroup || g.Members%5 != 0 {
				t.Errorf("min %d: group %s/%s shown with %d people (%d published)", minGroup, g.Organisation, g.Function, truth[g.Organisation+"/"+g.Function], g.Members)
			}
			for _, r := range g.Competencies {
				sum := r.NotAnswered.N
				for _, c := range r.Own {
					if c.N%5 != 0 {
						t.Errorf("min %d: %s shows %d", minGroup, r.ID, c.N)
					}
					sum += c.N
					shown++
				}
				if r.Assessed().N != sum-r.NotAnswered.N {
					t.Errorf("%s: assessed %d is not the sum of the levels", r.ID, r.Assessed().N)
				}
				// Rounding moves each of five cells by less than five.
				if d := sum - g.Members; d <= -25 || d >= 25 {
					t.Errorf("%s: cells add up to %d, group has %d", r.ID, sum, g.Members)
				}
			}
		}
		if shown < 50 || o.SmallGroups == 0 && minGroup == 12 {
			t.Fatalf("min %d: %d figures shown, %d small groups: the data does not exercise the rules", minGroup, shown, o.SmallGroups)
		}
	}
}

// Four people in a function are left out whole; the fifth makes them a group.
func TestSmallGroupHiddenWhole(t *testing.T) {
	files := samples(t, 1)
	var group []*planfile.File
	for i := range 5 {
		f := *files[0]
		f.PlanUID, f.PersonID = fmt.Sprintf("uid-%d", i), fmt.Sprintf("%032x", i)
		group = append(group, &f)
	}
	o := build(t, 5, group[:4], nil)
	if len(o.Groups) != 0 || o.SmallGroups != 1 {
		t.Fatalf("four people: %d groups shown, %d small", len(o.Groups), o.SmallGroups)
	}
	o = build(t, 5, group, nil)
	if len(o.Groups) != 1 || o.Groups[0].Members != 5 {
		t.Fatalf("five people: %+v", o.Groups)
	}
}

// Two plans of one person make one person, however many plans and copies;
// the newest plan counts.
func TestPeopleNotPlans(t *testing.T) {
	files := samples(t, 1)
	var all []*planfile.File
	for person := range 4 {
		for plan := range 2 {
			f := *files[0]
			f.PersonID, f.PlanUID = fmt.Sprintf("%032x", person), fmt.Sprintf("plan-%d-%d", person, plan)
			f.PlanUpdated = f.PlanUpdated.Add(time.Duration(plan) * time.Hour)
			f.Competencies = append([]planfile.Competency(nil), f.Competencies...)
			if plan == 1 {
				f.Competencies[0].Own = 3 // the newest plan
			} else {
				f.Competencies[0].Own = 0
			}
			all = append(all, &f)
		}
	}
	// Four people with two plans each used to make a group of eight.
	if o := build(t, 5, all, nil); len(o.Groups) != 0 || o.SmallGroups != 1 {
		t.Fatalf("4 people with 8 plans shown as a group: %+v", o.Groups)
	}
	fifth := *files[0]
	fifth.PersonID, fifth.PlanUID = fmt.Sprintf("%032x", 4), "plan-4"
	fifth.Competencies = append([]planfile.Competency(nil), fifth.Competencies...)
	fifth.Competencies[0].Own = 3
	o := build(t, 5, append(all, &fifth), nil)
	if len(o.Groups) != 1 {
		t.Fatalf("five people: %d groups", len(o.Groups))
	}
	// Everyone's newest plan is at level 3 for the first competency:
	// rounded, level 3 shows 5 and level 0 shows 0 (the older plans).
	r := o.Groups[0].Competencies[0]
	if r.Own[3].N != 5 || r.Own[0].N != 0 {
		t.Fatalf("first competency %+v: not the newest plans", r.Own)
	}
}

// Old files without a person ID count one person per plan, and the
// overview says there are such files; a newer copy of the same plan with
// the ID joins its person.
func TestPlansWithoutPersonID(t *testing.T) {
	files := samples(t, 5)
	var old []*planfile.File
	for _, f := range files {
		c := *f
		c.PersonID = ""
		old = append(old, &c)
	}
	o := build(t, 5, old, nil)
	if !o.AnyWithoutID || !strings.Contains(o.Summary(), "zonder persoons-id") {
		t.Fatalf("files without person ID not reported: %q", o.Summary())
	}
	// In either order: the old copy first, or the copy with the ID first.
	for _, set := range [][]*planfile.File{append(slices.Clone(old), files...), append(slices.Clone(files), old...)} {
		o = build(t, 5, set, nil)
		if o.AnyWithoutID || len(o.Groups) != 0 || o.SmallGroups == 0 {
			t.Fatalf("old copies of plans whose other copy has a person ID still counted by plan: %q", o.Summary())
		}
	}
}

// A competency nobody rated counts as "niet beantwoord", not as level 0 and
// not as a gap.
func TestUnansweredIsNotAGap(t *testing.T) {
	files := samples(t, 1)
	var group []*planfile.File
	for i := range 10 {
		f := *files[0]
		f.PersonID, f.PlanUID = fmt.Sprintf("%032x", i), fmt.Sprintf("p%d", i)
		f.Competencies = append([]planfile.Competency(nil), f.Competencies...)
		c := &f.Competencies[0]
		c.Own, c.Required = 0, 2
		c.Indicators = append([]planfile.Indicator(nil), c.Indicators...)
		for k := range c.Indicators {
			c.Indicators[k].Level = nil
		}
		group = append(group, &f)
	}
	r := build(t, 5, group, nil).Groups[0].Competencies[0]
	if r.NotAnswered.N != 10 || r.Own[0].N != 0 || r.WithGap().N != 0 || r.Assessed().N != 0 || r.Share() != -1 {
		t.Fatalf("unanswered competency: %+v, gap %v, assessed %v", r, r.WithGap(), r.Assessed())
	}
}

func TestMinimumGroupNeverBelowFive(t *testing.T) {
	for _, n := range []int{-1, 0, 1, 4} {
		if _, err := overview.NewBuilder(n); err == nil {
			t.Errorf("minimum %d accepted", n)
		}
	}
}

// The same files give the same release, whatever order they are read in:
// running the overview again and again gives nothing to average.
func TestSameFilesSameFigures(t *testing.T) {
	_, cat := realData(t)
	files := samples(t, 300)
	lines := func(files []*planfile.File) []string {
		l := strings.Split(string(writeCSV(t, build(t, 5, files, cat))), "\n")
		slices.Sort(l)
		return l
	}
	first := lines(files)
	rev := slices.Clone(files)
	slices.Reverse(rev)
	if again := lines(rev); !slices.Equal(first, again) {
		t.Fatal("the same files in another order gave other figures")
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
	if used, _ := b.Read(); used != 6 || o.Files%5 != 0 || o.Files < 2 || o.Files > 10 || o.FilesSkipped != 5 {
		t.Fatalf("used %d (published %d), skipped %d; problems %+v", used, o.Files, o.FilesSkipped, o.Problems)
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
