#!/usr/bin/env bash
# Shows that Zelfscan GGG needs no network and uses none. Two runs of the
# real binary under Xvfb, each under strace (network system calls only):
#   1. inside a network namespace without interfaces (unshare -n; only a
#      loopback that is down), driven through the start of a self-check
#      with xdotool; the answers must land in the database;
#   2. on the normal network, idle and then driven the same way, so an
#      attempt to reach out would succeed and show in the trace.
# Both traces may hold only AF_UNIX sockets, connected to the X server, to
# D-Bus or to glibc's name-service cache (nscd, for the user's home folder);
# any AF_INET/AF_INET6/AF_PACKET socket or other connect fails the check.
# The X server listens on a Unix socket only (-nolisten tcp); unshare -n
# keeps the file system, so /tmp/.X11-unix/X<n> stays reachable.
# Needs root (unshare -n), Xvfb, xdotool, strace and Python 3 (its sqlite3
# module counts the saved answers).
# Usage: scripts/netcheck.sh   (BIN=path for another binary)
set -euo pipefail
export LC_ALL=C LANG=C

root=$(cd "$(dirname "$0")/.." && pwd)
bin=${BIN:-$root/bin/zelfscan}
title="Zelfscan GGG"
for tool in Xvfb xdotool strace unshare python3; do
	command -v "$tool" >/dev/null || {
		echo "netcheck: $tool missing; run scripts/install-deps.sh --measure" >&2
		exit 1
	}
done
[ -x "$bin" ] || {
	echo "netcheck: no binary at $bin; run make build" >&2
	exit 1
}
[ "$(id -u)" -eq 0 ] || {
	echo "netcheck: needs root for unshare -n" >&2
	exit 1
}

tmp=$(mktemp -d)
xvfb_pid=""
app_pid=""
tracer_pid=""
passed=0

cleanup() {
	local rc=$?
	for p in $app_pid $tracer_pid $xvfb_pid; do
		kill -TERM "$p" 2>/dev/null || true
	done
	for p in $app_pid $tracer_pid $xvfb_pid; do
		wait "$p" 2>/dev/null || true
	done
	[ "$rc" -eq 0 ] || { [ -s "$tmp/app.log" ] && tail -n 20 "$tmp/app.log" >&2; }
	rm -rf "$tmp"
	echo "netcheck: $passed passed$([ "$rc" -eq 0 ] || echo ", FAILED")"
	exit "$rc"
}
trap cleanup EXIT
pass() {
	echo "ok   - $*"
	passed=$((passed + 1))
}
fail() {
	echo "FAIL - $*" >&2
	exit 1
}

. "$(dirname "$0")/xvfb.sh"
start_xvfb "$tmp" || fail "no X server for the check"
[ -S "/tmp/.X11-unix/X${DISPLAY#:}" ] || fail "no Unix socket for $DISPLAY"
pass "Xvfb on $DISPLAY, Unix socket only (-nolisten tcp)"

# start RUN_NAME [PREFIX...]: the app under strace on an empty data dir.
start() {
	local name=$1
	shift
	mkdir -p "$tmp/$name/data" "$tmp/$name/home"
	HOME="$tmp/$name/home" XDG_CONFIG_HOME="$tmp/$name/home/.config" \
		"$@" strace -f -qq -e trace=network -o "$tmp/$name/strace.log" \
		"$bin" --data "$tmp/$name/data" >"$tmp/app.log" 2>&1 &
	tracer_pid=$!
	wid=""
	deadline=$((SECONDS + 30))
	while [ -z "$wid" ]; do
		kill -0 "$tracer_pid" 2>/dev/null || fail "$name: app exited before showing a window"
		[ "$SECONDS" -lt "$deadline" ] || fail "$name: no window within 30s"
		sleep 0.5
		wid=$(xdotool search --onlyvisible --name "$title" 2>/dev/null | head -n 1) || true
	done
	app_pid=$(xdotool getwindowpid "$wid" 2>/dev/null || pgrep -n -f "^$bin --data $tmp/$name/data")
}

# answered DB: the answers in the database, read by Python's sqlite3 in
# read-only mode while the app runs.
answered() {
	python3 - "$1" <<'EOF'
import sqlite3, sys
db = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
print(db.execute("select count(*) from answer").fetchone()[0])
EOF
}

# drive: start screen -> profile -> scan by the keyboard only, so the
# layout of the screens does not matter: Alt+Right takes the first step,
# the arrows pick the first organisation and function, Return starts; then
# it picks a level for three statements.
drive() {
	xdotool key --window "$wid" alt+Right # Nieuwe zelfscan starten
	sleep 1.5
	xdotool key --window "$wid" Right Tab Right Return # organisation, function, start
	sleep 1.5
	for _ in 1 2 3; do
		xdotool key --window "$wid" Right Right Tab
		sleep 0.4
	done
	sleep 1
}

# stop: SIGTERM to the app, which quits cleanly; strace then ends too.
stop() {
	kill -TERM "$app_pid" 2>/dev/null || true
	wait "$tracer_pid" 2>/dev/null || true
	app_pid="" tracer_pid=""
}

# check_trace NAME: only local Unix sockets, to the X server, D-Bus or nscd.
check_trace() {
	local log="$tmp/$1/strace.log" bad
	[ -s "$log" ] || fail "$1: empty trace"
	bad=$(grep -E 'socket\((AF_INET|AF_INET6|AF_PACKET|PF_INET)' "$log" || true)
	[ -z "$bad" ] || fail "$1: internet socket opened: $bad"
	bad=$(grep -E 'connect\(' "$log" | grep -vE 'sun_path=@?"(/tmp/\.X11-unix/X[0-9]+|/var/run/nscd/socket|/run/dbus/system_bus_socket|/var/run/dbus/system_bus_socket|/run/user/[0-9]+/bus)"' || true)
	[ -z "$bad" ] || fail "$1: unexpected connect: $bad"
	echo "     $1: sockets: $(grep -oE 'socket\([A-Z_0-9]+' "$log" | sort | uniq -c | tr -s ' ' | paste -sd, -)"
	echo "     $1: connects: $(grep -oE 'connect\([0-9]+, \{sa_family=[A-Z_]+, sun_path=@?"[^"]*"\}, [0-9]+\) = [^ ]+( [A-Z]+)?' "$log" |
		sed -E 's/connect\([0-9]+, \{sa_family=([A-Z_]+), sun_path=(@?"[^"]*")\}, [0-9]+\) = /\1 \2 -> /' | sort | uniq -c | tr -s ' ' | paste -sd, -)"
	pass "$1: no internet socket, connects only to X11/D-Bus/nscd Unix sockets"
}

# Run 1: no network at all.
links=$(unshare -n cat /proc/net/dev | awk 'NR > 2 {sub(":", "", $1); print $1}' | paste -sd' ')
[ "$links" = lo ] || fail "namespace has interfaces other than lo: $links"
# /proc/net is per namespace (/sys would show the host's); ip tells up/down.
if command -v ip >/dev/null; then
	up=$(unshare -n ip -o link show up)
	[ -z "$up" ] || fail "an interface is up in the namespace: $up"
	pass "network namespace has only lo, and it is down"
else
	pass "network namespace has only lo"
fi
start offline unshare -n --
pass "offline: window visible without network (id $wid)"
drive
n=$(answered "$tmp/offline/data/zelfscan.db")
[ "$n" -ge 3 ] || fail "offline: $n answers saved after driving the scan, want >= 3"
pass "offline: self-check started by the keyboard, $n answers saved"
stop
check_trace offline

# Run 2: normal network, a few seconds idle, then the same steps.
start online
sleep 5
drive
n=$(answered "$tmp/online/data/zelfscan.db")
[ "$n" -ge 3 ] || fail "online: $n answers saved, want >= 3"
pass "online: $n answers saved"
stop
check_trace online
