#!/usr/bin/env bash
# Builds the installable packages into dist/ with Fyne's own packaging tool,
# and checks each one before it counts as made.
# Usage: scripts/package.sh [linux|windows|all]   (default: all)
#   linux    dist/zelfscan-ggg-VERSION-linux-amd64.tar.xz: binary, .desktop
#            entry, icon and a Makefile with install/user-install targets
#   windows  dist/zelfscan-ggg-VERSION-windows-amd64.exe: cross-compiled with
#            mingw-w64, GUI subsystem, icon and version resources; unsigned
#            (IT signs it, see docs/packaging.md)
# Needs what `scripts/install-deps.sh --package` installs. The fyne tool is
# installed into .tools/bin, so nothing global is assumed.
set -euo pipefail
export LC_ALL=C

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH="$PATH:/usr/local/go/bin"
fyne_version=v1.7.4
fyne="$root/.tools/bin/fyne"
what=${1:-all}
case "$what" in
linux | windows | all) ;;
*)
	echo "usage: $0 [linux|windows|all]" >&2
	exit 2
	;;
esac

version=$(sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\(.*\)"/\1/p' FyneApp.toml)
[ -n "$version" ] || {
	echo "package: no Version in FyneApp.toml" >&2
	exit 1
}
name="zelfscan-ggg-$version"

step() { echo "package: $*"; }
fail() {
	echo "package: FAIL - $*" >&2
	exit 1
}

if ! "$fyne" version 2>/dev/null | grep -q "cli version: $fyne_version"; then
	step "installing fyne.io/tools/cmd/fyne@$fyne_version into .tools/bin"
	GOBIN="$root/.tools/bin" go install "fyne.io/tools/cmd/fyne@$fyne_version"
fi

mkdir -p dist
# fyne package writes into the source folder while it works (a metadata
# file, fyne.syso, a raised Build in FyneApp.toml), so it gets a copy: the
# working tree stays untouched and a parallel `go build` never sees them.
stage="$root/dist/.stage"
rm -rf "$stage"
mkdir -p "$stage"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	# Tracked and new files, without what .gitignore leaves out.
	git ls-files -z --cached --others --exclude-standard |
		while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
		tar --null -T - -cf - | tar -C "$stage" -xf -
else
	tar --exclude=./dist --exclude=./bin --exclude=./.tools -cf - . | tar -C "$stage" -xf -
fi
trap 'rm -rf "$stage"' EXIT

package_linux() {
	local t0=$SECONDS out="dist/$name-linux-amd64.tar.xz" list bin
	step "linux: fyne package --target linux --release --tags no_emoji"
	rm -f "$stage"/*.tar.xz
	(cd "$stage" && "$fyne" package --target linux --release --tags no_emoji)
	mv "$stage/Zelfscan GGG.tar.xz" "$out"
	list=$(tar -tJf "$out")
	# The tool puts files under usr/local/ when the building machine has
	# /usr/local, else under usr/; the Makefile inside knows which.
	bin=$(grep -E '^zelfscan/usr/(local/)?bin/zelfscan$' <<<"$list") || fail "$out has no binary; contents: $list"
	grep -qE '^zelfscan/usr/(local/)?share/applications/nl\.zelfscan\.ggg\.desktop$' <<<"$list" || fail "$out has no .desktop entry"
	grep -qE '^zelfscan/usr/(local/)?share/pixmaps/nl\.zelfscan\.ggg\.png$' <<<"$list" || fail "$out has no icon"
	grep -qx 'zelfscan/Makefile' <<<"$list" || fail "$out has no Makefile"
	local check="$stage/check"
	mkdir -p "$check"
	tar -C "$check" -xJf "$out"
	grep -qx 'Exec=zelfscan' "$check/$(grep -E '\.desktop$' <<<"$list")" || fail ".desktop entry does not start zelfscan"
	# The fyneDo migration in FyneApp.toml must have become a build tag.
	go version -m "$check/$bin" | grep -q -- '-tags=.*migrated_fynedo' || fail "binary was built without the migrated_fynedo tag"
	go version -m "$check/$bin" | grep -q -- '-tags=.*no_emoji' || fail "binary was built without the no_emoji tag"
	local v
	v=$("$check/$bin" --version 2>/dev/null) || fail "packaged binary does not run: $("$check/$bin" --version 2>&1 | tail -n 3)"
	[[ "$v" == "Zelfscan GGG $version "* ]] || fail "packaged binary says '$v', want version $version"
	step "linux: ok - $out ($(du -h "$out" | cut -f1)): binary, .desktop entry, icon, Makefile; '$v'; $((SECONDS - t0))s"
}

package_windows() {
	local t0=$SECONDS out="dist/$name-windows-amd64.exe" desc
	command -v x86_64-w64-mingw32-gcc >/dev/null || fail "x86_64-w64-mingw32-gcc missing; run scripts/install-deps.sh --package"
	step "windows: fyne package --target windows --release --tags no_emoji (mingw-w64)"
	rm -f "$stage"/*.exe
	# fyne adds -H=windowsgui and turns the icon and version into fyne.syso.
	(cd "$stage" && CC=x86_64-w64-mingw32-gcc GOARCH=amd64 "$fyne" package --target windows --release --tags no_emoji)
	mv "$stage/Zelfscan GGG.exe" "$out"
	desc=$(file -b "$out")
	[[ "$desc" == "PE32+ executable (GUI) x86-64"* ]] || fail "$out is '$desc', want a PE32+ GUI x86-64 executable"
	# Version resources are UTF-16 strings in .rsrc.
	strings -el "$out" | grep -qx 'Zelfscan GGG' || fail "$out has no product name resource"
	strings -el "$out" | grep -q "^$version\." || fail "$out has no version resource $version"
	step "windows: ok - $out ($(du -h "$out" | cut -f1)): $desc; version $version; $((SECONDS - t0))s"
}

start=$SECONDS
case "$what" in
linux) package_linux ;;
windows) package_windows ;;
all)
	package_linux
	package_windows
	;;
esac
step "done in $((SECONDS - start))s"
