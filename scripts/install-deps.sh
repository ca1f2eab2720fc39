#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Zelfscan GGG needs; does nothing (and
# touches no network) when they are all present, so every make target can
# call it. Usage: scripts/install-deps.sh [--test|--measure|--package]
#   (no flag)  what building and running the real binary needs: C compiler,
#              the X11/GL headers of Fyne's GLFW driver, an emoji font
#   --test     also what scripts/smoke.sh and the PDF checks use
#   --measure  --test plus strace and GNU time, for scripts/netcheck.sh and
#              scripts/bench-startup.sh
#   --package  --test plus what scripts/package.sh and package-check.sh use:
#              mingw-w64 for the Windows build, file, xz and binutils
set -euo pipefail

# fonts-noto-color-emoji: the app is built without Fyne's bundled emoji font
# (the no_emoji tag, see Makefile) and draws emoji with the system's.
pkgs=(make gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev
	libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev fonts-noto-color-emoji)
case "${1:-}" in
"") ;;
--test)
	# libgl1-mesa-dri gives Xvfb's GLX a software renderer for the GLFW window.
	pkgs+=(xvfb libgl1-mesa-dri xdotool imagemagick poppler-utils)
	;;
--measure)
	pkgs+=(xvfb libgl1-mesa-dri xdotool imagemagick poppler-utils strace time)
	;;
--package)
	pkgs+=(xvfb libgl1-mesa-dri xdotool imagemagick poppler-utils
		gcc-mingw-w64-x86-64 file xz-utils binutils git)
	;;
*)
	echo "usage: $0 [--test|--measure|--package]" >&2
	exit 2
	;;
esac

# The xAPI conformance check (scripts/lrs-check.sh) runs Learning Locker's
# code on Node; Debian's nodejs and npm when no Node is on PATH.
case "${1:-}" in
--test | --measure | --package)
	if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
		pkgs+=(nodejs npm)
	fi
	;;
esac

# Go 1.26 is not packaged by Debian 12; our machines have it in /usr/local/go.
if ! command -v go >/dev/null && ! [ -x /usr/local/go/bin/go ]; then
	echo "install-deps: Go not found (expected on PATH or in /usr/local/go); see https://go.dev/doc/install" >&2
	exit 1
fi

if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
	echo "install-deps: not a Debian/Ubuntu system; install the equivalents of: ${pkgs[*]}" >&2
	exit 0
fi

missing=()
for p in "${pkgs[@]}"; do
	# "ii " is installed; "rc " (removed, config left) and unknown need installing.
	if [ "$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null)" != "ii " ]; then
		missing+=("$p")
	fi
done
if [ ${#missing[@]} -eq 0 ]; then
	exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
	if ! command -v sudo >/dev/null; then
		echo "install-deps: need root or sudo to install: ${missing[*]}" >&2
		exit 1
	fi
	sudo=(sudo)
fi
echo "install-deps: installing ${missing[*]}"
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
