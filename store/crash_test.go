package store

import (
	"bufio"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"zelfscan/assessment"
	"zelfscan/plans"
)

// The crash test runs a copy of the test binary as a writer (TestMain sees
// crashModeEnv), kills it with SIGKILL at a random moment, and checks that
// everything the writer reported as saved is in the file. The writer
// reports a save on stdout only after the store call returned, unbuffered,
// so a reported save is one the app would have shown as saved.
//
// SIGKILL tests what a crash of the app can do (a write or transaction cut
// off anywhere); the data still reaches the disk through the kernel, so it
// does not test a power cut, which synchronous(FULL) is there for.
const (
	crashModeEnv = "ZELFSCAN_CRASH_MODE"
	crashDirEnv  = "ZELFSCAN_CRASH_DIR"
	crashSeqEnv  = "ZELFSCAN_CRASH_SEQ"  // first sequence number this writer uses
	crashSeedEnv = "ZELFSCAN_CRASH_SEED" // the writer's random seed
	crashSCEnv   = "ZELFSCAN_CRASH_SC"   // answers: continue this self-check ("" makes a new one)
)

const (
	crashIndicators  = 150
	crashActions     = 30
	crashOrigin      = "groot-aanbod.csv"
	crashCatBaseSize = 2000
)

// crashCatSize varies the catalogue's size per generation, so a mix of two
// imports would also show in the count.
func crashCatSize(gen int) int { return crashCatBaseSize + gen%5*300 }

// crashChild is the writer. It returns only on failure: the parent kills it.
func crashChild(mode string) int {
	fail := func(err error) int {
		fmt.Fprintf(os.Stderr, "crash writer (%s): %v\n", mode, err)
		return 2
	}
	seq, err := strconv.Atoi(os.Getenv(crashSeqEnv))
	if err != nil {
		return fail(err)
	}
	seed, err := strconv.ParseUint(os.Getenv(crashSeedEnv), 10, 64)
	if err != nil {
		return fail(err)
	}
	rng := rand.New(rand.NewPCG(seed, 7))
	s, err := Open(os.Getenv(crashDirEnv))
	if err != nil {
		return fail(err)
	}
	// os.Stdout is unbuffered: each line is one write, made after the save.
	say := func(format string, args ...any) { fmt.Fprintf(os.Stdout, format+"\n", args...) }
	say("open")
	switch mode {
	case "answers":
		var scID int64
		if v := os.Getenv(crashSCEnv); v != "" {
			if scID, err = strconv.ParseInt(v, 10, 64); err != nil {
				return fail(err)
			}
		} else {
			sc, err := s.CreateSelfCheck(assessment.Profile{Organisation: "politie", Function: "uitvoerend"}, "1", time.Now())
			if err != nil {
				return fail(err)
			}
			scID = sc.ID
			say("sc %d", scID)
		}
		for ; ; seq++ {
			ind := fmt.Sprintf("ind-%03d", rng.IntN(crashIndicators))
			level := rng.IntN(6)
			if err := s.SaveRating(scID, ind, assessment.Rating{Level: level, Note: fmt.Sprintf("seq %d", seq), At: time.Now()}); err != nil {
				return fail(err)
			}
			say("ans %d %s %d %d", scID, ind, level, seq)
		}
	case "plan":
		list, err := s.SelfChecks()
		if err != nil {
			return fail(err)
		}
		var scID int64
		if len(list) > 0 {
			scID = list[0].ID
		} else {
			sc, err := s.CreateSelfCheck(assessment.Profile{Organisation: "politie", Function: "uitvoerend"}, "1", time.Now())
			if err != nil {
				return fail(err)
			}
			scID = sc.ID
		}
		p, err := s.PlanFor(scID, time.Now())
		if err != nil {
			return fail(err)
		}
		say("plan %d", p.ID)
		statuses := plans.Statuses()
		for ; ; seq++ {
			text := fmt.Sprintf("seq %d", seq)
			if rng.IntN(5) == 0 {
				if err := s.SaveReflection(p.ID, text, time.Now()); err != nil {
					return fail(err)
				}
				say("refl %d", seq)
				continue
			}
			a := plans.Action{ID: fmt.Sprintf("a%d", rng.IntN(crashActions)), CompetencyID: "basis-vormen",
				OwnText: text, Status: statuses[rng.IntN(len(statuses))]}
			if err := s.SaveAction(p.ID, a, "", "", time.Now()); err != nil {
				return fail(err)
			}
			say("act %s %d", a.ID, seq)
		}
	case "catalogue":
		for gen := seq; ; gen++ {
			items := make([]plans.Item, crashCatSize(gen))
			for i := range items {
				items[i] = plans.Item{ID: fmt.Sprintf("%sitem-%05d", plans.OwnIDPrefix, i),
					Title:    fmt.Sprintf("gen %d item %d", gen, i),
					Provider: "Eigen academie", Kind: plans.KindTraining, Level: plans.LevelBasis,
					Competencies: []string{"basis-vormen", "basis-signaleren"},
					Description:  strings.Repeat("Omschrijving van een eigen training. ", 8)}
			}
			say("begin %d", gen)
			if err := s.SaveOwnCatalogue(crashOrigin, crashOrigin, items, time.Now()); err != nil {
				return fail(err)
			}
			say("cat %d", gen)
		}
	}
	return fail(fmt.Errorf("unknown mode %q", mode))
}

// writerRun is one started writer and the complete lines it printed.
type writerRun struct {
	cmd    *exec.Cmd
	stderr strings.Builder
	mu     sync.Mutex
	lines  []string
	first  chan struct{} // closed at the first line
	done   chan struct{} // closed when stdout is at EOF
}

func startWriter(t *testing.T, mode, dir string, seq int, seed uint64, extraEnv ...string) *writerRun {
	t.Helper()
	w := &writerRun{first: make(chan struct{}), done: make(chan struct{})}
	w.cmd = exec.Command(os.Args[0], "-test.run=^$")
	w.cmd.Env = append(os.Environ(), crashModeEnv+"="+mode, crashDirEnv+"="+dir,
		crashSeqEnv+"="+strconv.Itoa(seq), crashSeedEnv+"="+strconv.FormatUint(seed, 10))
	w.cmd.Env = append(w.cmd.Env, extraEnv...)
	w.cmd.Stderr = &w.stderr
	out, err := w.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := w.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		defer close(w.done)
		r := bufio.NewReader(out)
		var once sync.Once
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				// A line cut off by the kill may not be complete; it is
				// not counted as reported.
				once.Do(func() { close(w.first) })
				return
			}
			w.mu.Lock()
			w.lines = append(w.lines, strings.TrimSuffix(line, "\n"))
			w.mu.Unlock()
			once.Do(func() { close(w.first) })
		}
	}()
	return w
}

// killAfter kills the writer: early ones during start-up and Open, the
// others a random time into their work. It returns the reported lines.
func (w *writerRun) killAfter(t *testing.T, rng *rand.Rand, maxWork time.Duration) []string {
	t.Helper()
	if rng.IntN(5) == 0 {
		time.Sleep(time.Duration(rng.Int64N(int64(40 * time.Millisecond))))
	} else {
		select {
		case <-w.first:
		case <-time.After(10 * time.Second):
			t.Fatal("writer printed nothing in 10 s")
		}
		time.Sleep(time.Duration(rng.Int64N(int64(maxWork))))
	}
	if err := w.cmd.Process.Signal(syscall.SIGKILL); err != nil && !errors.Is(err, os.ErrProcessDone) {
		t.Fatal(err)
	}
	<-w.done
	err := w.cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("writer ended by itself (%v): %s", err, w.stderr.String())
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.lines
}

// reopenChecked opens the store after a kill and runs the full integrity check.
func reopenChecked(t *testing.T, dir string, kill int) *Store {
	t.Helper()
	s, err := Open(dir)
	if err != nil {
		t.Fatalf("kill %d: reopen: %v", kill, err)
	}
	if err := s.IntegrityCheck(); err != nil {
		s.Close()
		t.Fatalf("kill %d: %v", kill, err)
	}
	return s
}

func seqOf(note string) int {
	n, err := strconv.Atoi(strings.TrimPrefix(note, "seq "))
	if err != nil {
		return -1
	}
	return n
}

type crashStats struct {
	kills, early, reported, checks int
}

func (c crashStats) report(t *testing.T, what, extra string) {
	msg := fmt.Sprintf("crash test %s: %d kills (%d before the first save%s), %d saves reported, %d checks after kills, integrity ok",
		what, c.kills, c.early, extra, c.reported, c.checks)
	t.Log(msg)
	// Also on stdout, so CI logs show the numbers without -v.
	fmt.Println(msg)
}

// TestCrashSafety kills writers of answers, plan edits and an own-catalogue
// import at random moments and checks after each kill that the file is
// sound and holds every save the writer reported. -short runs fewer kills;
// ZELFSCAN_CRASH_SEED picks another seed.
func TestCrashSafety(t *testing.T) {
	seed := uint64(20260302)
	if v := os.Getenv(crashSeedEnv); v != "" {
		var err error
		if seed, err = strconv.ParseUint(v, 10, 64); err != nil {
			t.Fatalf("%s=%q: %v", crashSeedEnv, v, err)
		}
	}
	kills := map[string]int{"answers": 40, "plan": 25, "catalogue": 20}
	if testing.Short() {
		kills = map[string]int{"answers": 8, "plan": 5, "catalogue": 5}
	}
	t.Logf("seed %d", seed)
	t.Run("answers", func(t *testing.T) { crashAnswers(t, kills["answers"], rand.New(rand.NewPCG(seed, 1))) })
	t.Run("plan", func(t *testing.T) { crashPlan(t, kills["plan"], rand.New(rand.NewPCG(seed, 2))) })
	t.Run("catalogue", func(t *testing.T) { crashCatalogue(t, kills["catalogue"], rand.New(rand.NewPCG(seed, 3))) })
}

func crashAnswers(t *testing.T, kills int, rng *rand.Rand) {
	dir := t.TempDir()
	type saved struct{ level, seq int }
	want := map[int64]map[string]saved{} // per self-check, per indicator
	var scIDs []int64
	var st crashStats
	for k := range kills {
		var extra []string
		if len(scIDs) > 0 && rng.IntN(3) > 0 {
			extra = append(extra, fmt.Sprintf("%s=%d", crashSCEnv, scIDs[rng.IntN(len(scIDs))]))
		}
		w := startWriter(t, "answers", dir, (k+1)*10_000_000, rng.Uint64(), extra...)
		lines := w.killAfter(t, rng, 250*time.Millisecond)
		st.kills++
		answers := 0
		for _, line := range lines {
			f := strings.Fields(line)
			switch {
			case len(f) == 2 && f[0] == "sc":
				id, _ := strconv.ParseInt(f[1], 10, 64)
				scIDs = append(scIDs, id)
				want[id] = map[string]saved{}
			case len(f) == 5 && f[0] == "ans":
				id, _ := strconv.ParseInt(f[1], 10, 64)
				level, _ := strconv.Atoi(f[3])
				seq, _ := strconv.Atoi(f[4])
				want[id][f[2]] = saved{level, seq}
				answers++
			}
		}
		if answers == 0 {
			st.early++
		}
		st.reported += answers

		s := reopenChecked(t, dir, k)
		for id, inds := range want {
			sc, err := s.SelfCheck(id)
			if err != nil {
				s.Close()
				t.Fatalf("kill %d: self-check %d reported created: %v", k, id, err)
			}
			for ind, w := range inds {
				st.checks++
				r, ok := sc.Ratings[ind]
				got := seqOf(r.Note)
				switch {
				case !ok:
					t.Errorf("kill %d: self-check %d: answer on %s (level %d, seq %d) was reported saved and is gone", k, id, ind, w.level, w.seq)
				case got < w.seq:
					t.Errorf("kill %d: self-check %d: %s has seq %d; an older answer than the reported seq %d", k, id, ind, got, w.seq)
				case got == w.seq && r.Level != w.level:
					t.Errorf("kill %d: self-check %d: %s seq %d has level %d; reported %d", k, id, ind, got, r.Level, w.level)
				}
			}
		}
		s.Close()
		if t.Failed() {
			t.FailNow()
		}
	}
	st.report(t, "answers", "")
}

func crashPlan(t *testing.T, kills int, rng *rand.Rand) {
	dir := t.TempDir()
	var planID int64
	wantActions := map[string]int{} // action ID → reported seq
	wantRefl := -1
	var lastUpdated time.Time
	var st crashStats
	for k := range kills {
		w := startWriter(t, "plan", dir, (k+1)*10_000_000, rng.Uint64())
		lines := w.killAfter(t, rng, 250*time.Millisecond)
		st.kills++
		edits := 0
		for _, line := range lines {
			f := strings.Fields(line)
			switch {
			case len(f) == 2 && f[0] == "plan":
				planID, _ = strconv.ParseInt(f[1], 10, 64)
			case len(f) == 3 && f[0] == "act":
				wantActions[f[1]], _ = strconv.Atoi(f[2])
				edits++
			case len(f) == 2 && f[0] == "refl":
				wantRefl, _ = strconv.Atoi(f[1])
				edits++
			}
		}
		if edits == 0 {
			st.early++
		}
		st.reported += edits
		if planID == 0 {
			continue
		}

		s := reopenChecked(t, dir, k)
		p, err := s.Plan(planID)
		if err != nil {
			s.Close()
			t.Fatalf("kill %d: plan %d: %v", k, planID, err)
		}
		s.Close()
		if err := p.Validate(nil, nil); err != nil {
			t.Errorf("kill %d: stored plan does not validate: %v", k, err)
		}
		if p.Updated.Before(lastUpdated) {
			t.Errorf("kill %d: plan Updated went back from %v to %v", k, lastUpdated, p.Updated)
		}
		lastUpdated = p.Updated
		for id, seq := range wantActions {
			st.checks++
			a, ok := p.Action(id)
			if !ok {
				t.Errorf("kill %d: action %s (seq %d) was reported saved and is gone", k, id, seq)
			} else if got := seqOf(a.OwnText); got < seq {
				t.Errorf("kill %d: action %s has seq %d; older than the reported %d", k, id, got, seq)
			}
		}
		if wantRefl >= 0 {
			st.checks++
			if got := seqOf(p.Reflection); got < wantRefl {
				t.Errorf("kill %d: reflection has seq %d; older than the reported %d", k, got, wantRefl)
			}
		}
		if t.Failed() {
			t.FailNow()
		}
	}
	st.report(t, "plan edits", "")
}

func crashCatalogue(t *testing.T, kills int, rng *rand.Rand) {
	dir := t.TempDir()
	saved, begun := -1, -1 // last generation reported saved and begun
	var st crashStats
	var midImport, keptOld, gotNew int
	for k := range kills {
		w := startWriter(t, "catalogue", dir, (k+1)*1000, rng.Uint64())
		lines := w.killAfter(t, rng, 600*time.Millisecond)
		st.kills++
		imports, lastBegun := 0, false
		for _, line := range lines {
			f := strings.Fields(line)
			if len(f) != 2 {
				continue
			}
			gen, _ := strconv.Atoi(f[1])
			switch f[0] {
			case "begin":
				begun, lastBegun = gen, true
			case "cat":
				saved, lastBegun = gen, false
				imports++
			}
		}
		if imports == 0 {
			st.early++
		}
		st.reported += imports

		s := reopenChecked(t, dir, k)
		cats, err := s.OwnCatalogues()
		s.Close()
		if err != nil {
			t.Fatalf("kill %d: %v", k, err)
		}
		if lastBegun {
			midImport++
		}
		if saved < 0 && len(cats) == 0 {
			continue
		}
		st.checks++
		if len(cats) != 1 || cats[0].Origin != crashOrigin {
			t.Fatalf("kill %d: own catalogues %+v; want exactly %s", k, cats, crashOrigin)
		}
		gens := map[int]int{}
		for _, it := range cats[0].Items {
			var gen, i int
			if _, err := fmt.Sscanf(it.Title, "gen %d item %d", &gen, &i); err != nil {
				t.Fatalf("kill %d: item title %q: %v", k, it.Title, err)
			}
			gens[gen]++
		}
		if len(gens) != 1 {
			t.Fatalf("kill %d: items per generation %v; want one generation", k, gens)
		}
		for gen, n := range gens {
			switch {
			case n != crashCatSize(gen):
				t.Errorf("kill %d: generation %d has %d items; it was written with %d", k, gen, n, crashCatSize(gen))
			case gen < saved:
				t.Errorf("kill %d: generation %d stored; %d was reported saved", k, gen, saved)
			case gen > begun:
				t.Errorf("kill %d: generation %d stored; only up to %d was begun", k, gen, begun)
			case lastBegun && gen == begun:
				gotNew++
			case lastBegun:
				keptOld++
			}
		}
		if t.Failed() {
			t.FailNow()
		}
	}
	st.report(t, "catalogue import", fmt.Sprintf("; %d mid-import, of which %d kept the old catalogue and %d had the new one committed",
		midImport, keptOld, gotNew))
}
