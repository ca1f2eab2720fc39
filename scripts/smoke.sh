#!/usr/bin/env bash
# Smoke test of the real binary: starts it under Xvfb with an empty data dir,
# waits for its window, checks that the window shows something (not one flat
# colour), that the app created its database there, and that it ends cleanly
# on SIGTERM, which Fyne's GLFW driver turns into app.Quit.
# Usage: scripts/smoke.sh [SCREENSHOT.png]
#   SCREENSHOT.png  where to keep the window's screenshot (e.g. for docs/)
#   BIN=path        binary to test (default bin/zelfscan)
set -euo pipefail
# C locale for the tools here: identify and awk print and read decimals with
# a point. The app itself runs under C.UTF-8 (see app_env), the default of
# minimal systems, which Fyne's locale lookup used to choke on.
export LC_ALL=C LANG=C
app_env=(env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=C.UTF-8)

root=$(cd "$(dirname "$0")/.." && pwd)
bin=${BIN:-$root/bin/zelfscan}
keep=${1:-}
title="Zelfscan GGG"
wait_s=30
min_colours=16

for tool in Xvfb xdotool import identify; do
	command -v "$tool" >/dev/null || {
		echo "smoke: $tool missing; run scripts/install-deps.sh --test" >&2
		exit 1
	}
done
[ -x "$bin" ] || {
	echo "smoke: no binary at $bin; run make build" >&2
	exit 1
}

tmp=$(mktemp -d)
xvfb_pid=""
app_pid=""
passed=0
failed=0

cleanup() {
	local rc=$?
	if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
		kill -KILL "$app_pid" 2>/dev/null || true
		wait "$app_pid" 2>/dev/null || true
	fi
	if [ -n "$xvfb_pid" ] && kill -0 "$xvfb_pid" 2>/dev/null; then
		kill -TERM "$xvfb_pid" 2>/dev/null || true
		wait "$xvfb_pid" 2>/dev/null || true
	fi
	if [ "$failed" -gt 0 ]; then
		for f in app.log app.err; do
			[ -s "$tmp/$f" ] || continue
			echo "--- $f (last 40 lines) ---" >&2
			tail -n 40 "$tmp/$f" >&2
		done
	fi
	rm -rf "$tmp"
	echo "smoke: $passed passed, $failed failed"
	exit "$rc"
}
trap cleanup EXIT

pass() {
	echo "ok   - $*"
	passed=$((passed + 1))
}
fail() {
	echo "FAIL - $*" >&2
	failed=$((failed + 1))
	exit 1
}

# --version and --help print their own text and nothing else, under every
# locale form that once made Fyne log a parse error.
for loc in C.UTF-8 nl_NL@euro C POSIX; do
	out=$(env -u LC_ALL LANG=$loc "$bin" --version 2>"$tmp/cli.err")
	[ ! -s "$tmp/cli.err" ] || fail "--version under LANG=$loc wrote to stderr: $(head -n 3 "$tmp/cli.err")"
	[[ $out == "Zelfscan GGG "* ]] || fail "--version under LANG=$loc printed: $out"
done
help=$("${app_env[@]}" "$bin" --help 2>"$tmp/cli.err")
[ ! -s "$tmp/cli.err" ] || fail "--help wrote to stderr: $(head -n 3 "$tmp/cli.err")"
[[ $help == "Gebruik: zelfscan"* && $help != *Usage* ]] || fail "--help is not the Dutch help: $(head -n 1 <<<"$help")"
pass "--version and --help print only their own text (LANG=C.UTF-8, nl_NL@euro, C, POSIX)"

. "$(dirname "$0")/xvfb.sh"
start_xvfb "$tmp" || fail "no X server for the test"
pass "Xvfb runs on display $DISPLAY (1280x800x24)"

# A fresh HOME keeps Fyne's own preferences away from the user's real config.
mkdir -m 700 "$tmp/data" "$tmp/home"
HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" \
	"${app_env[@]}" "$bin" --data "$tmp/data" >"$tmp/app.log" 2>"$tmp/app.err" &
app_pid=$!

wid=""
deadline=$((SECONDS + wait_s))
while [ -z "$wid" ]; do
	kill -0 "$app_pid" 2>/dev/null || fail "app exited before showing a window"
	[ "$SECONDS" -lt "$deadline" ] || fail "no visible window named '$title' within ${wait_s}s"
	sleep 0.5
	wid=$(xdotool search --onlyvisible --name "$title" 2>/dev/null | head -n 1) || true
done
pass "window '$(xdotool getwindowname "$wid")' is visible (id $wid), empty data dir $tmp/data"

# The first frames may still be blank: retry until the deadline.
shot="$tmp/window.png"
colours=0
sd=0
while :; do
	if import -window "$wid" "$shot" 2>>"$tmp/import.log"; then
		read -r colours sd < <(identify -format '%k %[fx:standard_deviation]\n' "$shot")
		[ "$colours" -ge "$min_colours" ] && break
	fi
	kill -0 "$app_pid" 2>/dev/null || fail "app exited while drawing its window"
	[ "$SECONDS" -lt "$deadline" ] ||
		fail "window still blank after ${wait_s}s ($colours colours, std dev $sd)"
	sleep 1
done
pass "screenshot $(identify -format '%wx%h' "$shot") has $colours colours (need >= $min_colours), std dev $sd"

# The store is opened before the window is shown: without the database the
# window is an error screen, which would pass the screenshot check too.
db="$tmp/data/zelfscan.db"
[ -f "$db" ] || fail "no $db: the app did not open its store (error screen?)"
mode=$(stat -c %a "$db")
[ "$mode" = 600 ] || fail "database mode is $mode, want 600"
pass "database created in the empty data dir (zelfscan.db, mode 600)"

if [ -n "$keep" ]; then
	mkdir -p "$(dirname "$keep")"
	cp "$shot" "$keep"
	echo "     screenshot kept as $keep"
fi

kill -TERM "$app_pid"
deadline=$((SECONDS + 15))
while kill -0 "$app_pid" 2>/dev/null; do
	[ "$SECONDS" -lt "$deadline" ] || fail "app still running 15s after SIGTERM"
	sleep 0.2
done
rc=0
wait "$app_pid" || rc=$?
app_pid=""
[ "$rc" -eq 0 ] || fail "app exited with status $rc after SIGTERM"
pass "app quit cleanly on SIGTERM (exit 0)"
# One known Fyne race is left out (fyne-io/fyne#2936, open): its file
# watcher may reload preferences.json while Fyne itself rewrites it, and logs
# "Preferences load error: EOF". It happens only on a heavily loaded machine
# and loses nothing (the values in memory stay); anything else fails.
grep -v -e 'Fyne error:  Preferences load error:' -e '  Cause: EOF$' -e '  At: .*/fyne/v2@.*/app/preferences.go:' \
	"$tmp/app.err" >"$tmp/app.err.other" || true
[ ! -s "$tmp/app.err.other" ] || fail "the app wrote to stderr under LANG=C.UTF-8: $(head -n 5 "$tmp/app.err.other")"
known=$(grep -c 'Preferences load error' "$tmp/app.err" || true)
note=""
[ "${known:-0}" -eq 0 ] || note=" (apart from $known report(s) of the known Fyne preferences race)"
pass "nothing on stderr from start to quit under LANG=C.UTF-8$note"
