#!/usr/bin/env bash
# Runs the store's crash test (writers killed with SIGKILL at random moments)
# and shows its numbers. `go test ./...` hides a passing test's output, so
# this runs it with -v and keeps the summary lines.
# Usage: scripts/crashtest.sh [-short]   (ZELFSCAN_CRASH_SEED=n for another seed)
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp)
trap 'rm -f "$out"' EXIT
if ! CGO_ENABLED=0 go test -count=1 -v -run '^TestCrashSafety$' "$@" ./store/ >"$out" 2>&1; then
	cat "$out"
	exit 1
fi
grep -E '^crash test|seed [0-9]+' "$out"
