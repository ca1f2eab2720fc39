#!/usr/bin/env bash
# govulncheck (pinned as a tool in go.mod) over the real build, against the
# newest Go vulnerability database the Go module proxy serves: the module
# golang.org/x/vulndb, whose OSV entries tools/vulndb turns into a local
# database. vuln.go.dev, govulncheck's default, is not reachable from CI.
# Fails when our code calls a vulnerable function of a dependency or of the
# standard library of the Go that runs it (govulncheck's exit status 3).
# Vulnerabilities in code we import but never call are counted, not failed.
# Usage: scripts/vulncheck.sh   (TAGS: the build tags, those of `make build`)
set -euo pipefail
cd "$(dirname "$0")/.."
tags=${TAGS:-migrated_fynedo,no_emoji}
# The standard library checked is that of the Go go.mod names, as in `make`
# (an older local Go fetches it), not whatever Go is on PATH.
export GOTOOLCHAIN=auto
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Downloaded from outside our module, so that go.mod and go.sum stay as they
# are. field NAME: a string field of the JSON `go mod download` gives.
field() { sed -n "s/.*\"$1\": *\"\([^\"]*\)\".*/\1/p"; }
if ! info=$(cd "$tmp" && go mod download -json golang.org/x/vulndb@latest 2>&1); then
	echo "vulncheck: the vulnerability database could not be fetched through the Go module proxy ($(go env GOPROXY)); without network this check cannot run:" >&2
	echo "$info" >&2
	exit 1
fi
dir=$(field Dir <<<"$info")
version=$(field Version <<<"$info")
# The commit time of that version: the entries carry no dates of their own.
modified=$(field Time <"$(field Info <<<"$info")")
echo "vulncheck: golang.org/x/vulndb@$version"
go run ./tools/vulndb -modified "$modified" "$dir/data/osv" "$tmp/db"
go tool govulncheck -db "file://$tmp/db" -tags "$tags" ./...
