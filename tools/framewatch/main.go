// Command framewatch measures what a user of a real window sees, on an X
// display (Xvfb in scripts/bench-startup.sh and scripts/bench-screens.sh):
// when the window first shows the frame it settles on, after a start or
// after a key press. It reads the window's pixels straight from the X
// server (a grab takes a few milliseconds, where ImageMagick's `import`
// took 50 to 200) and compares frames by checksum.
//
//	framewatch start -title T [-watch 3s] [-settle 2s] -- CMD ARGS...
//	    starts CMD and prints "map_ms content_ms peak_rss_kB grabs":
//	    exec to the window being mapped, exec to the first frame equal to
//	    the one shown after it has settled, and the program's peak RSS.
//	framewatch press -title T -key alt+Right [-times N] [-label L]
//	    presses the key N times, each once the window has settled, and
//	    prints "L ms" per press: key press to the first frame equal to the
//	    one the window settles on.
package main

import (
	"errors"
	"flag"
	"fmt"
	"hash/crc32"
	"io"
	"log"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
	"github.com/jezek/xgb/xtest"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: framewatch start|press [flags]")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "start":
		err = start(os.Args[2:])
	case "press":
		err = press(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "framewatch:", err)
		os.Exit(1)
	}
}

// display is a connection to the X server and the window being watched.
type display struct {
	conn *xgb.Conn
	root xproto.Window
	win  xproto.Window
}

func connect() (*display, error) {
	// xgb says on its log that there is no ~/.Xauthority; Xvfb needs none.
	xgb.Logger = log.New(io.Discard, "", 0)
	c, err := xgb.NewConn()
	if err != nil {
		return nil, err
	}
	return &display{conn: c, root: xproto.Setup(c).DefaultScreen(c).Root}, nil
}

// findWindow looks among the top-level windows (there is no window manager
// on Xvfb) for a mapped one with this title.
func (d *display) findWindow(title string) (bool, error) {
	tree, err := xproto.QueryTree(d.conn, d.root).Reply()
	if err != nil {
		return false, err
	}
	for _, w := range tree.Children {
		attr, err := xproto.GetWindowAttributes(d.conn, w).Reply()
		if err != nil || attr.MapState != xproto.MapStateViewable {
			continue
		}
		name, err := xproto.GetProperty(d.conn, false, w, xproto.AtomWmName, xproto.GetPropertyTypeAny, 0, 256).Reply()
		if err != nil || string(name.Value) != title {
			continue
		}
		d.win = w
		return true, nil
	}
	return false, nil
}

// waitWindow polls for the window every millisecond until it is mapped.
func (d *display) waitWindow(title string, alive func() bool, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for {
		found, err := d.findWindow(title)
		if err != nil || found {
			return err
		}
		if !alive() {
			return errors.New("the program ended before its window appeared")
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("no window %q within %s", title, limit)
		}
		time.Sleep(time.Millisecond)
	}
}

// pause is the time between grabs (press -pause).
var pause time.Duration

// grab returns the checksum of the window's pixels, at its size now (a
// window may be mapped small and then resized).
func (d *display) grab() (uint32, error) {
	time.Sleep(pause)
	geo, err := xproto.GetGeometry(d.conn, xproto.Drawable(d.win)).Reply()
	if err != nil {
		return 0, err
	}
	img, err := xproto.GetImage(d.conn, xproto.ImageFormatZPixmap, xproto.Drawable(d.win),
		0, 0, geo.Width, geo.Height, 0xffffffff).Reply()
	if err != nil {
		return 0, err
	}
	sum := crc32.Update(crc32.ChecksumIEEE(img.Data), crc32.IEEETable,
		[]byte{byte(geo.Width), byte(geo.Width >> 8), byte(geo.Height), byte(geo.Height >> 8)})
	return sum, nil
}

// logChanges lists on stderr when the window showed something new.
func logChanges(frames []frame, settled uint32) {
	for i, f := range frames {
		if i == 0 || f.sum != frames[i-1].sum {
			fmt.Fprintf(os.Stderr, "%7.1f ms  %08x  settled=%v\n", float64(f.at.Microseconds())/1000, f.sum, f.sum == settled)
		}
	}
}

// frame is one grab: when it ended, relative to a start, and what it showed.
type frame struct {
	at  time.Duration
	sum uint32
}

// firstSettled is when the frame the window settled on was first seen, -1
// if it never was.
func firstSettled(frames []frame, settled uint32) time.Duration {
	for _, f := range frames {
		if f.sum == settled {
			return f.at
		}
	}
	return -1
}

// watch grabs as fast as it goes until the window has shown the same frame
// for `quiet`, or until `limit`; it returns the frames, the last being the
// settled one.
func (d *display) watch(t0 time.Time, quiet, limit time.Duration) ([]frame, error) {
	var frames []frame
	since := time.Now()
	for {
		sum, err := d.grab()
		if err != nil {
			return frames, err
		}
		now := time.Now()
		if len(frames) > 0 && sum != frames[len(frames)-1].sum {
			since = now
		}
		frames = append(frames, frame{at: now.Sub(t0), sum: sum})
		if now.Sub(since) >= quiet || now.Sub(t0) >= limit {
			return frames, nil
		}
	}
}

func start(args []string) error {
	fs := flag.NewFlagSet("start", flag.ExitOnError)
	title := fs.String("title", "", "window title")
	watchFor := fs.Duration("watch", 3*time.Second, "how long to grab after the window is mapped")
	settle := fs.Duration("settle", 2*time.Second, "wait after that before the settled frame is taken")
	verbose := fs.Bool("v", false, "list on stderr every change of frame")
	fs.DurationVar(&pause, "pause", 10*time.Millisecond, "pause between grabs, to leave the X server to the program")
	fs.Parse(args)
	if *title == "" || fs.NArg() == 0 {
		return errors.New("start needs -title and a command")
	}
	d, err := connect()
	if err != nil {
		return err
	}
	defer d.conn.Close()

	cmd := exec.Command(fs.Arg(0), fs.Args()[1:]...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		return err
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	alive := func() bool {
		select {
		case <-exited:
			return false
		default:
			return true
		}
	}
	defer func() {
		if alive() {
			cmd.Process.Kill()
			<-exited
		}
	}()
	if err := d.waitWindow(*title, alive, 20*time.Second); err != nil {
		return err
	}
	mapped := time.Since(t0)
	var frames []frame
	for time.Since(t0)-mapped < *watchFor {
		sum, err := d.grab()
		if err != nil {
			return err
		}
		frames = append(frames, frame{at: time.Since(t0), sum: sum})
	}
	time.Sleep(*settle)
	settled, err := d.grab()
	if err != nil {
		return err
	}
	content := firstSettled(frames, settled)
	if *verbose {
		logChanges(frames, settled)
	}
	if content < 0 {
		return fmt.Errorf("the window did not settle within %s of its map", *watchFor)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-exited:
	case <-time.After(5 * time.Second):
		return errors.New("the program did not end within 5 s of SIGTERM")
	}
	rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss
	fmt.Printf("%d %d %d %d\n", mapped.Milliseconds(), content.Milliseconds(), rss, len(frames))
	return nil
}

func press(args []string) error {
	fs := flag.NewFlagSet("press", flag.ExitOnError)
	title := fs.String("title", "", "window title")
	keySpec := fs.String("key", "", "key to press, e.g. alt+Right or ctrl+h")
	times := fs.Int("times", 1, "how often")
	label := fs.String("label", "press", "label printed before each time")
	quiet := fs.Duration("quiet", 400*time.Millisecond, "unchanged this long counts as settled")
	fs.DurationVar(&pause, "pause", 10*time.Millisecond, "pause between grabs, to leave the X server to the program")
	verbose := fs.Bool("v", false, "list on stderr every change of frame")
	fs.Parse(args)
	if *title == "" || *keySpec == "" {
		return errors.New("press needs -title and -key")
	}
	d, err := connect()
	if err != nil {
		return err
	}
	defer d.conn.Close()
	if err := xtest.Init(d.conn); err != nil {
		return err
	}
	if err := d.waitWindow(*title, func() bool { return true }, 20*time.Second); err != nil {
		return err
	}
	codes, err := d.keycodes(*keySpec)
	if err != nil {
		return err
	}
	if err := xproto.SetInputFocusChecked(d.conn, xproto.InputFocusParent, d.win, xproto.TimeCurrentTime).Check(); err != nil {
		return err
	}
	for i := range *times {
		before, err := d.watch(time.Now(), *quiet, 10*time.Second)
		if err != nil {
			return err
		}
		last := before[len(before)-1].sum
		t0 := time.Now()
		if err := d.sendKeys(codes); err != nil {
			return err
		}
		frames, err := d.watchChange(t0, last, *quiet)
		if err != nil {
			return fmt.Errorf("%s %d: %w", *label, i+1, err)
		}
		drawn := firstSettled(frames, frames[len(frames)-1].sum)
		if *verbose {
			logChanges(frames, frames[len(frames)-1].sum)
		}
		fmt.Printf("%s %.1f\n", *label, float64(drawn.Microseconds())/1000)
	}
	return nil
}

// watchChange grabs until the window shows something other than `from`
// and then stays the same for `quiet`.
func (d *display) watchChange(t0 time.Time, from uint32, quiet time.Duration) ([]frame, error) {
	var frames []frame
	for {
		sum, err := d.grab()
		if err != nil {
			return nil, err
		}
		if sum != from {
			frames = append(frames, frame{at: time.Since(t0), sum: sum})
			rest, err := d.watch(t0, quiet, 10*time.Second)
			return append(frames, rest...), err
		}
		if time.Since(t0) > 10*time.Second {
			return nil, errors.New("the window did not change within 10 s of the key")
		}
	}
}

// keysyms of the names a key spec may use; other single characters are
// their own keysym.
var keysyms = map[string]xproto.Keysym{
	"alt": 0xffe9, "ctrl": 0xffe3, "shift": 0xffe1,
	"Right": 0xff53, "Left": 0xff51, "Return": 0xff0d, "Escape": 0xff1b, "Tab": 0xff09,
}

// keycodes turns "alt+Right" into the keycodes to press in order.
func (d *display) keycodes(spec string) ([]xproto.Keycode, error) {
	setup := xproto.Setup(d.conn)
	first, count := setup.MinKeycode, byte(setup.MaxKeycode-setup.MinKeycode+1)
	km, err := xproto.GetKeyboardMapping(d.conn, first, count).Reply()
	if err != nil {
		return nil, err
	}
	syms, err := parseKeySpec(spec)
	if err != nil {
		return nil, err
	}
	var codes []xproto.Keycode
	for _, sym := range syms {
		code, ok := findKeycode(km.Keysyms, int(km.KeysymsPerKeycode), first, sym)
		if !ok {
			return nil, fmt.Errorf("no key for %q on this keyboard", spec)
		}
		codes = append(codes, code)
	}
	return codes, nil
}

func parseKeySpec(spec string) ([]xproto.Keysym, error) {
	var syms []xproto.Keysym
	for _, part := range strings.Split(spec, "+") {
		switch sym, ok := keysyms[part]; {
		case ok:
			syms = append(syms, sym)
		case len(part) == 1 && part[0] >= 0x20 && part[0] < 0x7f:
			syms = append(syms, xproto.Keysym(part[0]))
		default:
			return nil, fmt.Errorf("unknown key %q in %q", part, spec)
		}
	}
	return syms, nil
}

func findKeycode(table []xproto.Keysym, perCode int, first xproto.Keycode, sym xproto.Keysym) (xproto.Keycode, bool) {
	for i := 0; i < len(table); i += perCode {
		if table[i] == sym {
			return first + xproto.Keycode(i/perCode), true
		}
	}
	return 0, false
}

// sendKeys presses the keys in order and releases them in reverse, then
// waits until the server has taken them.
func (d *display) sendKeys(codes []xproto.Keycode) error {
	for _, c := range codes {
		xtest.FakeInput(d.conn, xproto.KeyPress, byte(c), 0, d.root, 0, 0, 0)
	}
	for i := len(codes) - 1; i >= 0; i-- {
		xtest.FakeInput(d.conn, xproto.KeyRelease, byte(codes[i]), 0, d.root, 0, 0, 0)
	}
	_, err := xproto.GetInputFocus(d.conn).Reply()
	return err
}
