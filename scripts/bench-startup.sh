#!/usr/bin/env bash
# Measures start-up and peak memory of the real binary against the floor:
# tools/minimalwindow, a Fyne window with one label, built the same way.
# Each is started RUNS times, alternately, under Xvfb with an empty data dir
# and a fresh HOME, by tools/framewatch, which reads the window's pixels
# from the X server every few milliseconds. Per run:
#   time to map      exec until the window is mapped
#   time to content  exec until the first frame equal to the one the window
#                    shows 2 s after 3 s of watching: a blank window, a
#                    half-built screen or a first layout that is redone do
#                    not count, only the start screen as the user gets it
#   peak RSS         the program's maximum resident set size (getrusage)
#                    over the whole run (window shown, about 5 s, SIGTERM)
# Prints the medians and the ratios; the targets are time to content at most
# 1.3x and peak RSS at most 1.2x the floor. With BEFORE= (an older build of
# the app) that build takes its turn in the same alternation, so a change is
# measured before/after under the same load.
# Usage: scripts/bench-startup.sh   (RUNS=7; TAGS= the build tags; BIN= and
#        FLOOR= to skip builds; BEFORE= an older binary to compare with)
set -euo pipefail
export LC_ALL=C LANG=C
export PATH=$PATH:/usr/local/go/bin

root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-7}
target_time=1.3
target_rss=1.2
command -v Xvfb >/dev/null || {
	echo "bench-startup: Xvfb missing; run scripts/install-deps.sh --measure" >&2
	exit 1
}

tmp=$(mktemp -d)
xvfb_pid=""
cleanup() {
	[ -z "$xvfb_pid" ] || kill -TERM "$xvfb_pid" 2>/dev/null || true
	wait 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT

# Both built with the tags of `make build`.
tags=${TAGS:-migrated_fynedo,no_emoji}
bin=${BIN:-}
floor=${FLOOR:-}
before=${BEFORE:-}
if [ -z "$bin" ]; then
	(cd "$root" && go build -tags "$tags" -o "$tmp/zelfscan" .)
	bin=$tmp/zelfscan
fi
if [ -z "$floor" ]; then
	(cd "$root" && go build -tags "$tags" -o "$tmp/minimalwindow" ./tools/minimalwindow)
	floor=$tmp/minimalwindow
fi
(cd "$root" && go build -o "$tmp/framewatch" ./tools/framewatch)

. "$root/scripts/xvfb.sh"
start_xvfb "$tmp" || exit 1

# measure NAME TITLE RUN CMD...: one run; appends "map_ms content_ms kB" to
# $tmp/results-NAME.
measure() {
	local name=$1 title=$2 run=$3
	shift 3
	local dir="$tmp/run-$name-$run" args=() out
	mkdir -p "$dir/data" "$dir/home"
	[ "$name" = floor ] || args=(--data "$dir/data")
	if ! out=$(HOME="$dir/home" XDG_CONFIG_HOME="$dir/home/.config" \
		"$tmp/framewatch" start -title "$title" -- "$@" "${args[@]}" 2>"$dir/log"); then
		echo "bench-startup: $name run $run failed:" >&2
		grep -v 'Preferences load error\|preferences.go' "$dir/log" >&2 || true
		exit 1
	fi
	local map content rss grabs
	read -r map content rss grabs <<<"$out"
	echo "$map $content $rss" >>"$tmp/results-$name"
	printf '  %-13s run %d: map %5d ms, content %5d ms (%d grabs), peak RSS %7d kB\n' \
		"$name" "$run" "$map" "$content" "$grabs" "$rss"
}

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

echo "bench-startup: $runs runs each on $DISPLAY; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$runs"); do
	# Alternate, so a slow moment of the machine hits both.
	measure floor "Minimal window" "$i" "$floor"
	measure zelfscan "Zelfscan GGG" "$i" "$bin"
	[ -z "$before" ] || measure before "Zelfscan GGG" "$i" "$before"
done

col() { cut -d' ' -f"$1" "$tmp/results-$2" | median; }
awk -v fmap="$(col 1 floor)" -v fcon="$(col 2 floor)" -v fkb="$(col 3 floor)" \
	-v zmap="$(col 1 zelfscan)" -v zcon="$(col 2 zelfscan)" -v zkb="$(col 3 zelfscan)" \
	-v tt="$target_time" -v tr="$target_rss" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" 'BEGIN {
	rc = zcon / fcon; rmap = zmap / fmap; rm = zkb / fkb
	printf "\n%-28s %16s %12s %10s\n", "median of runs", "time to content", "time to map", "peak RSS"
	printf "%-28s %13d ms %9d ms %7.1f MB\n", "floor (tools/minimalwindow)", fcon, fmap, fkb / 1024
	printf "%-28s %13d ms %9d ms %7.1f MB\n", "Zelfscan GGG", zcon, zmap, zkb / 1024
	printf "%-28s %15.2fx %11.2fx %9.2fx\n", "ratio", rc, rmap, rm
	printf "targets: time to content <= %.1fx %s; peak RSS <= %.1fx %s (load average after: %s)\n",
		tt, (rc <= tt ? "met" : "MISSED"), tr, (rm <= tr ? "met" : "MISSED"), load
}'
if [ -n "$before" ]; then
	awk -v fcon="$(col 2 floor)" -v fkb="$(col 3 floor)" -v bmap="$(col 1 before)" \
		-v bcon="$(col 2 before)" -v bkb="$(col 3 before)" 'BEGIN {
		printf "%-28s %13d ms %9d ms %7.1f MB\n", "before (BEFORE=)", bcon, bmap, bkb / 1024
		printf "%-28s %15.2fx %11s %9.2fx\n", "ratio before", bcon / fcon, "", bkb / fkb
	}'
fi
