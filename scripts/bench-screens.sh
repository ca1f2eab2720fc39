#!/usr/bin/env bash
# Measures screen switches in the real window, under Xvfb: the time from a
# key press to the first frame equal to the one the window settles on
# (tools/framewatch reads the window's pixels from the X server every few
# milliseconds and sends the keys through XTEST). Each run starts the app
# on the first page of the longest scan (tools/seedscan: the
# aandachtsfunctionaris of the organisation with the most statements, all
# answered), then
#   Alt+→ on every page        page turns
#   Alt+→ on the last page     the results
#   Alt+→ on the results       the plan (made the first time)
#   Alt+← and Alt+→ again      results and plan once more (Fyne's text
#                              caches warm)
#   Ctrl+H                     the history
# Prints the median and slowest page turn and the median of each switch.
# Targets: page turns under 50 ms median and 100 ms worst; results, plan and
# history under 150 ms.
# Usage: scripts/bench-screens.sh   (RUNS=3; BIN= to skip the build)
set -euo pipefail
export LC_ALL=C LANG=C
export PATH=$PATH:/usr/local/go/bin

root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-3}
command -v Xvfb >/dev/null || {
	echo "bench-screens: Xvfb missing; run scripts/install-deps.sh --measure" >&2
	exit 1
}

tmp=$(mktemp -d)
xvfb_pid=""
pid=""
cleanup() {
	[ -z "$pid" ] || kill -TERM "$pid" 2>/dev/null || true
	[ -z "$xvfb_pid" ] || kill -TERM "$xvfb_pid" 2>/dev/null || true
	wait 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT

bin=${BIN:-}
if [ -z "$bin" ]; then
	(cd "$root" && go build -tags "${TAGS:-migrated_fynedo,no_emoji}" -o "$tmp/zelfscan" .)
	bin=$tmp/zelfscan
fi
(cd "$root" && go build -o "$tmp/framewatch" ./tools/framewatch && go build -o "$tmp/seedscan" ./tools/seedscan)

. "$root/scripts/xvfb.sh"
start_xvfb "$tmp" || exit 1

fw() { "$tmp/framewatch" press -title "Zelfscan GGG" "$@" >>"$tmp/times"; }

echo "bench-screens: $runs runs on $DISPLAY; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$runs"); do
	dir="$tmp/run-$i"
	mkdir -p "$dir/home"
	pages=$("$tmp/seedscan" -data "$dir/data" -config "$dir/home/.config")
	HOME="$dir/home" XDG_CONFIG_HOME="$dir/home/.config" "$bin" --data "$dir/data" >"$dir/log" 2>&1 &
	pid=$!
	touch "$tmp/times"
	before=$(wc -l <"$tmp/times")
	fw -key alt+Right -times $((pages - 1)) -label page
	fw -key alt+Right -label results
	fw -key alt+Right -label plan
	fw -key alt+Left -label results-again
	fw -key alt+Right -label plan-again
	fw -key ctrl+h -label history
	kill -TERM "$pid"
	wait "$pid" 2>/dev/null || true
	pid=""
	printf '  run %d: %d pages;' "$i" "$pages"
	tail -n +"$((before + 1))" "$tmp/times" | awk '$1 != "page" {printf " %s %s ms", $1, $2} $1 == "page" {n++; s += $2} END {printf "; page turns %.1f ms on average\n", s / n}'
done

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
of() { awk -v l="$1" '$1 == l {print $2}' "$tmp/times"; }
page_p50=$(of page | median)
page_max=$(of page | sort -n | tail -n 1)
results=$(of results | median)
plan=$(of plan | median)
results_again=$(of results-again | median)
plan_again=$(of plan-again | median)
history=$(of history | median)
awk -v p50="$page_p50" -v pmax="$page_max" -v r="$results" -v pl="$plan" -v h="$history" \
	-v r2="$results_again" -v pl2="$plan_again" \
	-v n="$(of page | wc -l)" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" 'BEGIN {
	printf "\n%-34s %9s %s\n", "key press to screen drawn", "ms", "target"
	printf "%-34s %9.1f %s\n", "page turn, median of " n, p50, (p50 < 50 ? "< 50 met" : "< 50 MISSED")
	printf "%-34s %9.1f %s\n", "page turn, slowest", pmax, (pmax < 100 ? "< 100 met" : "< 100 MISSED")
	printf "%-34s %9.1f %s\n", "results, first time (median)", r, (r < 150 ? "< 150 met" : "< 150 MISSED")
	printf "%-34s %9.1f %s\n", "plan, first time (median)", pl, (pl < 150 ? "< 150 met" : "< 150 MISSED")
	printf "%-34s %9.1f %s\n", "results again (median)", r2, (r2 < 150 ? "< 150 met" : "< 150 MISSED")
	printf "%-34s %9.1f %s\n", "plan again (median)", pl2, (pl2 < 150 ? "< 150 met" : "< 150 MISSED")
	printf "%-34s %9.1f %s\n", "history (median)", h, (h < 150 ? "< 150 met" : "< 150 MISSED")
	printf "(load average after: %s)\n", load
}'
