#!/usr/bin/env bash
# A real browser against the demo server: headless Chromium (Debian's `chromium`) with one
# persistent profile visits /counter three times and must read 1, 2, 3 — so the browser accepts
# the session cookie with its attributes (Max-Age makes it outlive each headless run) and sends it
# back; then /grow past the 4096-byte limit must be refused by the server with its error.
#
#   Interop/demo/browser.sh [path/to/securecookie-demo]
#
# Runs once per framework (DEMO_FRAMEWORKS, default `hummingbird vapor`).
# Skips, loudly, when Chromium is not installed. Prints `N passed, N failed` last.
set -uo pipefail
# Against each framework (DEMO_FRAMEWORKS, default both; the demo's --framework): this script runs
# itself once per framework with DEMO_FRAMEWORK set, and fails when any run failed.
if [ -z "${DEMO_FRAMEWORK:-}" ]; then
    status=0
    for framework in ${DEMO_FRAMEWORKS:-hummingbird vapor}; do
        echo "==> browser against securecookie-demo --framework $framework"
        DEMO_FRAMEWORK="$framework" "$0" "$@" || status=1
    done
    exit "$status"
fi
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
DEMO="${1:-}"
if [ -z "$DEMO" ]; then
    swift build --scratch-path "${SCRATCH:-.build}" --traits Hummingbird,Vapor --product securecookie-demo >&2 || exit 1
    DEMO="$(swift build --scratch-path "${SCRATCH:-.build}" --show-bin-path)/securecookie-demo"
fi
CHROMIUM="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$CHROMIUM" ]; then
    echo "!!!!!!!! Chromium is not installed (apt-get install chromium): the browser test is SKIPPED !!!!!!!!" >&2
    echo "browser: 0 passed, 0 failed, 1 skipped"
    exit 0
fi
WORK="$(mktemp -d)"
PASSED=0; FAILED=0
pass() { PASSED=$((PASSED + 1)); echo "ok   - $1"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL - $1: $2"; }
cleanup() { [ -n "${SERVER_PID:-}" ] && kill "$SERVER_PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

SECRET="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
. "$ROOT/Interop/demo/start_demo.sh"
start_demo "$WORK/server.log" "$DEMO" --secret-hex "$SECRET" --legacy-codec pickle --codec json --max-age 3600
if [ -z "$PORT" ]; then fail "demo server started" "$(tail -n 5 "$WORK/server.log")"; echo "browser ($DEMO_FRAMEWORK): $PASSED passed, $FAILED failed"; exit 1; fi

visit() { # path -> the page's text
    timeout 60 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$WORK/profile" \
        --dump-dom "http://127.0.0.1:$PORT$1" 2>/dev/null | sed -e 's/<[^>]*>//g' | tr -d '\n '
}

for expected in 1 2 3; do
    got="$(visit /counter)"
    if [ "$got" = "$expected" ]; then pass "visit $expected reads $expected"; else fail "visit $expected" "page says '$got'"; fi
done
grown="$(visit '/grow?bytes=5000')"
if printf '%s' "$grown" | grep -qi "4096\|limit\|too\|large\|exceed"; then
    pass "a session grown past 4096 bytes is refused by the server with its error"
else
    fail "oversized session" "page says '${grown:0:200}'"
fi
got="$(visit /counter)"
if [ "$got" = "4" ]; then pass "the refused growth left the browser's session intact (4)"; else fail "session after refusal" "page says '$got'"; fi
echo "browser ($DEMO_FRAMEWORK): $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
