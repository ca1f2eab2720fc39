#!/usr/bin/env bash
# `zelfscan overzicht` on 5,000 generated plan files (tools/genplans: every
# organisation and function, realistic answers, actions, reviews): wall
# time and peak RSS of the real binary, measured with GNU time, three runs.
# Targets (issue 12): under 5 s and under 200 MB. Usage:
#   BIN=bin/zelfscan scripts/bench-overview.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
bin=${BIN:-bin/zelfscan}
n=${1:-5000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
CGO_ENABLED=0 go run ./tools/genplans -n "$n" -map "$work/plannen"
echo "bench-overview: $n plan files, $(du -sh "$work/plannen" | cut -f1) on disk; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for run in 1 2 3; do
	/usr/bin/time -v "$bin" overzicht --csv "$work/overzicht.csv" --pdf "$work/overzicht.pdf" "$work/plannen" \
		>"$work/out" 2>"$work/time"
	wall=$(grep 'Elapsed (wall clock)' "$work/time" | awk '{print $NF}')
	rss=$(grep 'Maximum resident set size' "$work/time" | awk '{print $NF}')
	user=$(grep 'User time' "$work/time" | awk '{print $NF}')
	sys=$(grep 'System time' "$work/time" | awk '{print $NF}')
	echo "bench-overview: run $run: ${wall} wall, ${user} s user + ${sys} s system CPU, peak RSS $((rss / 1024)) MB; load average $(cut -d' ' -f1 /proc/loadavg)"
	echo "  $(tail -1 "$work/out")"
done
