#!/usr/bin/env bash
# xAPI conformance against Learning Locker's own code (part of `make test`):
# installs its validator (xapi-validation) and statement service
# (xapi-statements) with npm into .tools/lrs, pinned by scripts/lrs/package.json
# and package-lock.json; checks every exported statement with the validator;
# starts the service on 127.0.0.1 with its in-memory model repository and a
# Basic-auth client lookup (scripts/lrs/auth.js), and runs the Go round trip
# (learningrecords/lrs, TestLearningLockerRoundTrip): send, resend, read back with
# GET /xAPI/statements, compare field by field. It fails when the service does
# not start or the round trip does not run.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"

tools=.tools/lrs
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
	echo "lrs-check: node and npm are missing; scripts/install-deps.sh --test installs them" >&2
	exit 1
fi
mkdir -p "$tools"
# Reinstall only when the pinned versions changed.
if ! cmp -s scripts/lrs/package-lock.json "$tools/package-lock.json" || [ ! -d "$tools/node_modules/xapi-statements" ]; then
	cp scripts/lrs/package.json scripts/lrs/package-lock.json "$tools/"
	# --ignore-scripts: no install script of a dependency runs; the service
	# is plain JavaScript. Its "engines" field says Node 6-8; it runs on 20.
	(cd "$tools" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi
export NODE_PATH="$PWD/$tools/node_modules"
export ZELFSCAN_XAPI_VALIDATOR="$PWD/scripts/lrs/validate.js"

# Free ports picked by the kernel.
port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
lrs_port=$(port)
auth_port=$(port)
export LRS_USER="zelfscan-test" LRS_PASSWORD="$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
work=$(mktemp -d)
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	rm -rf "$work"
}
trap cleanup EXIT

AUTH_PORT=$auth_port node scripts/lrs/auth.js &
pids+=($!)
# The service writes access logs under ./storage; run it in a scratch folder.
(cd "$work" && AUTH_REPO=fetch LL_CLIENT_INFO_ENDPOINT="http://127.0.0.1:$auth_port/" \
	EVENTS_REPO=test MODELS_REPO=memory STORAGE_REPO=local EXPRESS_PORT="$lrs_port" \
	WINSTON_CONSOLE_LEVEL=error exec node "$NODE_PATH/xapi-statements/dist/index.js" >"$work/service.log" 2>&1) &
pids+=($!)

url="http://127.0.0.1:$lrs_port/xAPI"
up() { node -e 'require("http").get(process.argv[1], (r) => process.exit(r.statusCode === 200 ? 0 : 1)).on("error", () => process.exit(1))' "$url/about"; }
for _ in $(seq 1 150); do
	if up; then break; fi
	sleep 0.2
done
started=yes
if ! up; then
	# The validator still runs, so its findings are not lost, but the check
	# fails: without the service the round trip would only be skipped.
	echo "lrs-check: xapi-statements did not start on $url. Service log:" >&2
	cat "$work/service.log" >&2
	started=no
	unset url
fi

CGO_ENABLED=0 ZELFSCAN_LRS_URL="${url:-}" ZELFSCAN_LRS_USER="$LRS_USER" ZELFSCAN_LRS_PASSWORD="$LRS_PASSWORD" \
	go test -count=1 -tags ci,migrated_fynedo -run '^(TestValidatorAcceptsEveryStatement|TestLearningLockerRoundTrip)$' -v ./learningrecords/lrs/ \
	>"$work/test.log" 2>&1 && status=0 || status=$?
grep -E '^(conformance:|--- |ok|FAIL|panic)|_test.go|SKIP' "$work/test.log" || cat "$work/test.log"
if [ "$started" = no ]; then
	echo "lrs-check: FAIL: the statement service did not start, so the round trip did not run" >&2
	exit 1
fi
# A skipped round trip passes go test; here it counts as a failure.
if [ "$status" -eq 0 ] && ! grep -q -- '--- PASS: TestLearningLockerRoundTrip' "$work/test.log"; then
	echo "lrs-check: FAIL: TestLearningLockerRoundTrip did not run" >&2
	exit 1
fi
exit "$status"
