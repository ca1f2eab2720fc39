#!/usr/bin/env bash
# Measures start-up time and peak memory of the real binary against the
# floor: tools/minimalwindow, a Fyne window with one label, built the same
# way. Each is started RUNS times under Xvfb with an empty data dir and a
# fresh HOME; start-up is the time from exec until the window is mapped
# (polled with xdotool every 20 ms), peak memory is GNU time's "Maximum
# resident set size" over the whole run (window shown, 2 s idle, SIGTERM).
# Prints the medians and the ratios; the target is at most 1.3x the floor.
# Usage: scripts/bench-startup.sh   (RUNS=5; BIN= and FLOOR= to skip builds)
set -euo pipefail
export LC_ALL=C LANG=C
export PATH=$PATH:/usr/local/go/bin

root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-5}
target=1.3
for tool in Xvfb xdotool /usr/bin/time; do
	command -v "$tool" >/dev/null || {
		echo "bench-startup: $tool missing; run scripts/install-deps.sh --measure" >&2
		exit 1
	}
done

tmp=$(mktemp -d)
xvfb_pid=""
pid=""
cleanup() {
	[ -z "$pid" ] || kill -KILL "$pid" 2>/dev/null || true
	[ -z "$xvfb_pid" ] || kill -TERM "$xvfb_pid" 2>/dev/null || true
	wait 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT

# Both built with the tags of `make build`.
bin=${BIN:-}
floor=${FLOOR:-}
if [ -z "$bin" ]; then
	(cd "$root" && go build -tags migrated_fynedo -o "$tmp/zelfscan" .)
	bin=$tmp/zelfscan
fi
if [ -z "$floor" ]; then
	(cd "$root" && go build -tags migrated_fynedo -o "$tmp/minimalwindow" ./tools/minimalwindow)
	floor=$tmp/minimalwindow
fi

. "$root/scripts/xvfb.sh"
start_xvfb "$tmp" || exit 1

# measure NAME TITLE CMD...: one run; appends "ms kB" to $tmp/NAME.
measure() {
	local name=$1 title=$2 run=$3
	shift 3
	local dir="$tmp/run-$name-$run"
	mkdir -p "$dir/data" "$dir/home"
	local t0 t1 args=()
	[ "$name" = floor ] || args=(--data "$dir/data")
	t0=$(date +%s%N)
	HOME="$dir/home" XDG_CONFIG_HOME="$dir/home/.config" \
		/usr/bin/time -v -o "$dir/time" "$@" "${args[@]}" >"$dir/log" 2>&1 &
	pid=$!
	until xdotool search --onlyvisible --name "^$title\$" >/dev/null 2>&1; do
		kill -0 "$pid" 2>/dev/null || { echo "bench-startup: $name exited early" >&2; cat "$dir/log" >&2; exit 1; }
		sleep 0.02
	done
	t1=$(date +%s%N)
	sleep 2
	# time's child is the program; SIGTERM it, time then reports.
	pkill -TERM -P "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	pid=""
	local rss
	rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$dir/time")
	echo "$(((t1 - t0) / 1000000)) $rss" >>"$tmp/results-$name"
	printf '  %-13s run %d: %5d ms, %7d kB\n' "$name" "$run" "$(((t1 - t0) / 1000000))" "$rss"
}

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

echo "bench-startup: $runs runs each on $DISPLAY"
for i in $(seq "$runs"); do
	# Alternate, so a slow moment of the machine hits both.
	measure floor "Minimal window" "$i" "$floor"
	measure zelfscan "Zelfscan GGG" "$i" "$bin"
done

fms=$(cut -d' ' -f1 "$tmp/results-floor" | median)
fkb=$(cut -d' ' -f2 "$tmp/results-floor" | median)
zms=$(cut -d' ' -f1 "$tmp/results-zelfscan" | median)
zkb=$(cut -d' ' -f2 "$tmp/results-zelfscan" | median)
awk -v fms="$fms" -v fkb="$fkb" -v zms="$zms" -v zkb="$zkb" -v t="$target" 'BEGIN {
	rt = zms / fms; rm = zkb / fkb
	printf "\n%-28s %10s %12s\n", "median of runs", "start-up", "peak RSS"
	printf "%-28s %7d ms %9.1f MB\n", "floor (tools/minimalwindow)", fms, fkb / 1024
	printf "%-28s %7d ms %9.1f MB\n", "Zelfscan GGG", zms, zkb / 1024
	printf "%-28s %9.2fx %11.2fx   (target <= %.1fx: start-up %s, memory %s)\n", "ratio", rt, rm, t,
		(rt <= t ? "met" : "MISSED"), (rm <= t ? "met" : "MISSED")
}'
