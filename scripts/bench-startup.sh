#!/usr/bin/env bash
# Measures start-up and peak memory of the real binary against the floor:
# tools/minimalwindow, a Fyne window with one label, built the same way.
# Each is started RUNS times, alternately, under Xvfb with an empty data dir
# and a fresh HOME. Per run:
#   time to map      exec until the window is mapped (xdotool, every 10 ms)
#   time to content  exec until the first frame that already shows what the
#                    window settles on: from the map on, the window is
#                    grabbed with `import` as fast as it goes for 3 s, and
#                    after 2 s more one last grab is the settled screen; the first grab
#                    with the same pixels (ImageMagick's signature) counts.
#                    A blank window, a splash or a half-built screen does
#                    not count, only the start screen as the user gets it.
#   peak RSS         GNU time's "Maximum resident set size" over the whole
#                    run (window shown, about 5 s, SIGTERM).
# Prints the medians and the ratios; the targets are time to content at most
# 1.3x and peak RSS at most 1.2x the floor.
# Usage: scripts/bench-startup.sh   (RUNS=5; BIN= and FLOOR= to skip builds)
set -euo pipefail
export LC_ALL=C LANG=C
export PATH=$PATH:/usr/local/go/bin

root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-5}
target_time=1.3
target_rss=1.2
for tool in Xvfb xdotool import identify /usr/bin/time; do
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

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# measure NAME TITLE RUN CMD...: one run; appends "map_ms content_ms kB" to
# $tmp/results-NAME.
measure() {
	local name=$1 title=$2 run=$3
	shift 3
	local dir="$tmp/run-$name-$run"
	mkdir -p "$dir/data" "$dir/home" "$dir/frames"
	local t0 tmap wid args=()
	[ "$name" = floor ] || args=(--data "$dir/data")
	t0=$(now_ms)
	HOME="$dir/home" XDG_CONFIG_HOME="$dir/home/.config" \
		/usr/bin/time -v -o "$dir/time" "$@" "${args[@]}" >"$dir/log" 2>&1 &
	pid=$!
	until wid=$(xdotool search --onlyvisible --name "^$title\$" 2>/dev/null | head -n 1) && [ -n "$wid" ]; do
		kill -0 "$pid" 2>/dev/null || { echo "bench-startup: $name exited early" >&2; cat "$dir/log" >&2; exit 1; }
		sleep 0.01
	done
	tmap=$(now_ms)
	# Grab frames for 3 s after the map; each is stamped when its grab
	# ended, so a frame counts no earlier than it could have been seen.
	local n=0
	: >"$dir/stamps"
	while [ $(($(now_ms) - tmap)) -lt 3000 ]; do
		if import -window "$wid" "$dir/frames/$n.ppm" 2>/dev/null; then
			echo "$n $(($(now_ms) - t0))" >>"$dir/stamps"
			n=$((n + 1))
		fi
	done
	sleep 2
	import -window "$wid" "$dir/settled.ppm"
	# time's child is the program; SIGTERM it, time then reports.
	pkill -TERM -P "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	pid=""
	local settled content=-1 i ms
	settled=$(identify -format '%#' "$dir/settled.ppm")
	while read -r i ms; do
		if [ "$(identify -format '%#' "$dir/frames/$i.ppm")" = "$settled" ]; then
			content=$ms
			break
		fi
	done <"$dir/stamps"
	[ "$content" -ge 0 ] || {
		echo "bench-startup: $name run $run did not settle within 3 s of its map; not counted" >&2
		rm -rf "$dir/frames"
		return
	}
	rm -rf "$dir/frames"
	local rss colours
	rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$dir/time")
	colours=$(identify -format '%k' "$dir/settled.ppm")
	echo "$((tmap - t0)) $content $rss" >>"$tmp/results-$name"
	printf '  %-13s run %d: map %5d ms, content %5d ms (%d grabs, settled frame %d colours), peak RSS %7d kB\n' \
		"$name" "$run" "$((tmap - t0))" "$content" "$n" "$colours" "$rss"
}

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

echo "bench-startup: $runs runs each on $DISPLAY; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$runs"); do
	# Alternate, so a slow moment of the machine hits both.
	measure floor "Minimal window" "$i" "$floor"
	measure zelfscan "Zelfscan GGG" "$i" "$bin"
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
