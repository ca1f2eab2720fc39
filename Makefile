# Zelfscan GGG. `make run` and `make test` are the whole set-up on a fresh
# Debian/Ubuntu machine: both install what is missing first.

# Our machines keep Go in /usr/local/go; a Go already on PATH wins.
export PATH := $(PATH):/usr/local/go/bin
# go.mod names the Go toolchain to build with (go1.26.11: fixes in net/http,
# crypto/tls and crypto/x509 that the learning-record sender and Fyne's file
# reading call, see scripts/vulncheck.sh); `auto` lets an older local Go
# fetch it once from the Go module proxy, also where go.env says `local`.
export GOTOOLCHAIN := auto

GO   ?= go
BIN  := bin/zelfscan
# FyneApp.toml sets [Migrations] fyneDo = true; without the fyne tool the
# build has to say so itself. no_emoji leaves Fyne's bundled emoji font out:
# Fyne parses it once per text style at start-up, while the system's emoji
# font is parsed only when an emoji is first drawn (docs/benchmarks.md).
TAGS := migrated_fynedo,no_emoji
# Tests run without cgo or a display: the `ci` tag makes fyne.io/fyne/v2/app
# use its software driver instead of GLFW (which needs cgo), so the package
# main and everything else build under CGO_ENABLED=0.
TEST_ENV  := CGO_ENABLED=0
TEST_TAGS := ci,$(TAGS)
# Benchmark targets run by `make bench`; the startup measurement adds its
# own target to this list.
BENCH_TARGETS := bench-go bench-startup bench-screens bench-overview

.PHONY: all deps test-deps build run test fmt-check vet lint vulncheck unit lrs crash fuzz smoke bench $(BENCH_TARGETS) netcheck clean

# The steps of `make test` must run in the order listed.
.NOTPARALLEL:

all: build

deps:
	scripts/install-deps.sh

test-deps:
	scripts/install-deps.sh --test

build: deps
	$(GO) build -tags $(TAGS) -o $(BIN) .

# Extra arguments for the app: make run ARGS="--data /tmp/zelfscan"
run: build
	./$(BIN) $(ARGS)

test: test-deps fmt-check vet lint unit lrs crash fuzz build smoke vulncheck

fmt-check:
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt needed for:"; echo "$$out"; exit 1; fi
	@echo "gofmt: clean"

vet:
	$(GO) vet -tags $(TAGS) ./...

# staticcheck and gocyclo are pinned as tools in go.mod (go tool ...).
# gocyclo: no function of the app's own code above 15 (tests and the patched
# third_party copy excepted).
lint:
	$(TEST_ENV) $(GO) tool staticcheck -tags $(TEST_TAGS) ./...
	@out=$$($(GO) tool gocyclo -over 15 -ignore '_test\.go$$|^third_party/' .); \
	if [ -n "$$out" ]; then echo "gocyclo: functions above 15:"; echo "$$out"; exit 1; fi
	@echo "gocyclo: no function above 15"

# govulncheck (pinned in go.mod) over the real build, with the newest
# vulnerability database the Go module proxy serves (see the script). Last
# in `make test`: a new advisory can fail it without any change of ours,
# and should not keep the other steps from running.
vulncheck:
	TAGS=$(TAGS) scripts/vulncheck.sh

# The crash test runs in its own step, where its numbers are printed.
# The patched go-locale copy is a module of its own: its upstream tests and
# the tests of our patches run in its folder.
unit:
	$(TEST_ENV) $(GO) test -tags $(TEST_TAGS) -skip '^TestCrashSafety$$' ./...
	cd third_party/go-locale && $(TEST_ENV) $(GO) test ./...

crash:
	scripts/crashtest.sh

# xAPI conformance against Learning Locker's validator and statement
# service, installed with npm into .tools/lrs (see docs/learning-records.md).
lrs:
	scripts/lrs-check.sh

# `zelfscan overzicht` on 5,000 generated plan files: time and peak RSS of
# the real binary (GNU time).
bench-overview: build
	scripts/install-deps.sh --measure
	BIN=$(BIN) scripts/bench-overview.sh

fuzz:
	scripts/fuzz.sh

# SMOKE_SHOT=docs/screenshot.png keeps the screenshot.
smoke: build
	@if command -v Xvfb >/dev/null; then scripts/smoke.sh $(SMOKE_SHOT); \
	else echo "smoke: skipped, Xvfb not installed (scripts/install-deps.sh --test)"; fi

bench: $(BENCH_TARGETS)

bench-go:
	$(TEST_ENV) $(GO) test -tags $(TEST_TAGS) -run='^$$' -bench=. -benchmem ./...

# Start-up time (to the start screen drawn) and peak memory of the real
# binary against a minimal Fyne window (tools/minimalwindow), both under
# Xvfb, watched by tools/framewatch.
bench-startup: build
	scripts/install-deps.sh --measure
	BIN=$(BIN) TAGS=$(TAGS) scripts/bench-startup.sh

# Key press to screen drawn in the real window (tools/framewatch): every
# page of the longest scan, then results, plan and history, under Xvfb.
bench-screens: build
	scripts/install-deps.sh --measure
	BIN=$(BIN) TAGS=$(TAGS) scripts/bench-screens.sh

# No network: the real binary offline in a network namespace, and online
# under strace (needs root).
netcheck: build
	scripts/install-deps.sh --measure
	scripts/netcheck.sh

clean:
	rm -rf bin dist

# Installable packages in dist/ (see docs/packaging.md): Linux .tar.xz and
# Windows .exe, built with Fyne's packaging tool, which scripts/package.sh
# installs into .tools/bin.
.PHONY: package-deps package portability package-check

package-deps:
	scripts/install-deps.sh --package

package: package-deps
	scripts/package.sh

# The domain packages must build for the other desktop systems too; the GUI
# for Windows is built by `make package`, for macOS only on a Mac.
portability:
	for os in windows darwin; do \
		GOOS=$$os GOARCH=amd64 CGO_ENABLED=0 $(GO) build ./assessment/... ./plans/... ./orgsettings/... ./store/... ./documents/... ./overview/... ./learningrecords/... ./usermsg/... ./safefile/... ./cli/... ./workspace/... ./coverage/... ./quality/... ./disclosure/... || exit 1; \
		echo "portability: domain packages build for $$os"; \
	done

# What CI runs after `make test`: the packages, then the Linux one installed
# into a temporary folder and its installed binary smoke-tested under Xvfb.
package-check: package portability
	scripts/package-check.sh
