#!/usr/bin/env bash
# Runs every Fuzz* target in the repository briefly, so new targets are picked
# up without editing this file. Go fuzzes one target per invocation.
# Usage: scripts/fuzz.sh   (FUZZTIME=30s for longer runs; default 5s)
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime=${FUZZTIME:-5s}

found=0
# Lines look like ./plans/file_test.go:func FuzzName(f *testing.F) {
while IFS=: read -r file decl; do
	name=${decl#func }
	name=${name%%(*}
	pkg=./$(dirname "${file#./}")
	echo "fuzz: $name in $pkg for $fuzztime"
	CGO_ENABLED=0 go test -tags ci,migrated_fynedo -run='^$' -fuzz="^${name}\$" -fuzztime="$fuzztime" "$pkg"
	found=$((found + 1))
done < <(grep -rE --include='*_test.go' '^func Fuzz[A-Za-z0-9_]*\(' . | sort)
echo "fuzz: ran $found target(s)"
