#!/usr/bin/env bash
# Installs the Linux package the way its users do (the Makefile inside the
# archive, into a temporary DESTDIR) and runs the smoke test on the
# INSTALLED binary, so a package that builds but does not start fails.
# Usage: scripts/package-check.sh [dist/zelfscan-ggg-VERSION-linux-amd64.tar.xz]
set -euo pipefail
export LC_ALL=C

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
archive=${1:-}
if [ -z "$archive" ]; then
	archive=$(ls -t dist/zelfscan-ggg-*-linux-amd64.tar.xz 2>/dev/null | head -n 1) || true
fi
[ -f "$archive" ] || {
	echo "package-check: no Linux package in dist/; run make package" >&2
	exit 1
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tar -C "$tmp" -xJf "$archive"
dest="$tmp/root"
# PREFIX is given so the result does not depend on whether this machine
# has /usr/local (the Makefile's own default).
make -s -C "$tmp/zelfscan" install DESTDIR="$dest" PREFIX=/usr
for f in usr/bin/zelfscan usr/share/applications/nl.zelfscan.ggg.desktop usr/share/pixmaps/nl.zelfscan.ggg.png; do
	[ -f "$dest/$f" ] || {
		echo "package-check: 'make install' did not install /$f" >&2
		exit 1
	}
done
[ -x "$dest/usr/bin/zelfscan" ] || {
	echo "package-check: installed binary is not executable" >&2
	exit 1
}
echo "package-check: ok - make install DESTDIR=... PREFIX=/usr installed the binary, .desktop entry and icon"
BIN="$dest/usr/bin/zelfscan" scripts/smoke.sh
