#!/usr/bin/env bash
# End to end: a Werkzeug 0.16.1 application and the Swift demo server share one session cookie.
#
#   Interop/demo/e2e.sh [path/to/securecookie-demo]
#
# Without a path, builds the demo (`swift build --traits Hummingbird,Vapor --product securecookie-demo`, scratch
# path $SCRATCH or .build). Runs once per framework (DEMO_FRAMEWORKS, default `hummingbird vapor`). Then, over a real loopback socket:
#   1. the Werkzeug application (Python 3, pickle cookies) issues a session with count = 41;
#   2. curl carries that cookie to `securecookie-demo --legacy-codec pickle --codec json`, which
#      answers 42 and re-issues the cookie as JSON;
#   3. the Werkzeug application reads the re-issued cookie with its JSON cookie type: count 42;
# the same with the cookie issued and read back by Python 2.7 (skipped, loudly, without it); and a
# tampered cookie starts at 1, a current cookie that is only read gets no Set-Cookie, a session
# grown past 4096 bytes is refused with a clear 500, Set-Cookie attributes compared as a set, and
# a response that used the session carries Vary: Cookie. Last, the hostile corpus over HTTP
# (hostile_http.py) against a server holding the corpus's key.
#
# Environment: PYTHON (Python 3 with werkzeug 0.16.1; default .venv-interop/py3, then /tmp/venv),
# PYTHON2 (default $PY27, else what scripts/find-python2.sh finds), WERKZEUG_PY2_PATH (a folder with
# werkzeug 0.16.1 for Python 2.7, as `pip install --target` makes; default .venv-interop/py27-site),
# SCRATCH (the build's scratch path). Prints `N passed, N failed` last; exits 1 when any failed.
set -uo pipefail
# Against each framework (DEMO_FRAMEWORKS, default both; the demo's --framework): this script runs
# itself once per framework with DEMO_FRAMEWORK set, and fails when any run failed.
if [ -z "${DEMO_FRAMEWORK:-}" ]; then
    status=0
    for framework in ${DEMO_FRAMEWORKS:-hummingbird vapor}; do
        echo "==> e2e against securecookie-demo --framework $framework"
        DEMO_FRAMEWORK="$framework" "$0" "$@" || status=1
    done
    exit "$status"
fi
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/Interop/demo"
cd "$ROOT"

pick_python() {
    if [ -n "${PYTHON:-}" ]; then echo "$PYTHON"
    elif [ -x .venv-interop/py3/bin/python ]; then echo "$ROOT/.venv-interop/py3/bin/python"
    elif [ -x /tmp/venv/bin/python ]; then echo /tmp/venv/bin/python
    else echo python3
    fi
}
PYTHON="$(pick_python)"
PYTHON2="${PYTHON2:-${PY27:-$(scripts/find-python2.sh || true)}}"
if [ -z "${WERKZEUG_PY2_PATH:-}" ] && [ -d .venv-interop/py27-site ]; then WERKZEUG_PY2_PATH="$ROOT/.venv-interop/py27-site"; fi
WERKZEUG_PY2_PATH="${WERKZEUG_PY2_PATH:-}"

PASSED=0
FAILED=0
SKIPPED=0
pass() { PASSED=$((PASSED + 1)); echo "ok   - $1"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL - $1"; [ -n "${2:-}" ] && echo "       $2"; }
skip() { SKIPPED=$((SKIPPED + 1)); echo "!!!!!!!! SKIPPED - $1 !!!!!!!!"; }
finish() {
    [ "$SKIPPED" -gt 0 ] && echo "($SKIPPED skipped)"
    echo "$DEMO_FRAMEWORK: $PASSED passed, $FAILED failed"
    [ "$FAILED" -eq 0 ] && exit 0 || exit 1
}

WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null
        for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$SERVER_PID" 2>/dev/null
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# --- the demo binary ---
DEMO="${1:-}"
if [ -z "$DEMO" ]; then
    SCRATCH="${SCRATCH:-.build}"
    echo "==> swift build --scratch-path $SCRATCH --traits Hummingbird,Vapor --product securecookie-demo"
    if ! timeout 3600 swift build --scratch-path "$SCRATCH" --traits Hummingbird,Vapor --product securecookie-demo; then
        fail "build securecookie-demo"; finish
    fi
    DEMO="$(swift build --scratch-path "$SCRATCH" --show-bin-path)/securecookie-demo"
fi
if [ ! -x "$DEMO" ]; then fail "demo binary at $DEMO"; finish; fi

# --- Python 3 with Werkzeug 0.16.1 ---
if ! version="$("$PYTHON" -c 'import werkzeug; print(werkzeug.__version__)' 2>/dev/null)" || [ "$version" != "0.16.1" ]; then
    fail "Python 3 at $PYTHON with werkzeug 0.16.1" "found: ${version:-no werkzeug}; set PYTHON=..."
    finish
fi
echo "==> Python 3: $PYTHON (werkzeug $version)"

app3() { timeout 60 "$PYTHON" "$HERE/werkzeug_app.py" "$@"; }
app2() { PYTHONPATH="$WERKZEUG_PY2_PATH" timeout 60 "$PYTHON2" "$HERE/werkzeug_app.py" "$@"; }

# --- the server, on a free loopback port ---
SECRET="$("$PYTHON" -c 'import os, binascii; print(binascii.hexlify(os.urandom(32)).decode())')"
. "$HERE/start_demo.sh"
# At debug: rejected cookies are logged there (client input, below notice as swift-log advises).
start_demo "$WORK/server.log" "$DEMO" --secret-hex "$SECRET" --legacy-codec pickle --codec json --log-level debug
if [ -z "$PORT" ]; then
    fail "demo server started" "$(tail -n 5 "$WORK/server.log")"
    finish
fi
echo "==> securecookie-demo on 127.0.0.1:$PORT (pid $SERVER_PID)"
BASE="http://127.0.0.1:$PORT"

# request PATH [COOKIE]: sets STATUS, BODY, SET_COOKIE and VARY (each empty when none was sent).
request() {
    local args=(-sS --max-time 10 -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}')
    [ -n "${2:-}" ] && args+=(-H "Cookie: $2")
    STATUS="$(curl "${args[@]}" "$BASE$1" 2>"$WORK/curl.err")" || STATUS="curl: $(cat "$WORK/curl.err")"
    BODY="$(cat "$WORK/body" 2>/dev/null)"
    SET_COOKIE="$(tr -d '\r' <"$WORK/headers" 2>/dev/null | sed -n 's/^[Ss]et-[Cc]ookie: //p')"
    VARY="$(tr -d '\r' <"$WORK/headers" 2>/dev/null | sed -n 's/^[Vv]ary: //p')"
}
# The Cookie header a browser sends back for SET_COOKIE, and the Set-Cookie attributes sorted, one line.
cookie_pair() { printf '%s' "${SET_COOKIE%%;*}"; }
attributes() { printf '%s' "$SET_COOKIE" | tr ';' '\n' | tail -n +2 | sed 's/^ *//' | sort | tr '\n' ' ' | sed 's/ $//'; }
EXPECTED_ATTRIBUTES="HttpOnly Path=/ SameSite=Lax"

# migrate LABEL ISSUE READERS...: a Werkzeug cookie with count 41 is answered 42 and re-issued as JSON.
migrate() {
    local label="$1" issuer="$2"; shift 2
    local legacy
    if ! legacy="$($issuer issue --secret-hex "$SECRET" --codec pickle --count 41)"; then
        fail "$label: Werkzeug issues a pickle session with count 41"; return
    fi
    pass "$label: Werkzeug issues a pickle session with count 41"
    request /counter "$legacy"
    if [ "$STATUS" = 200 ] && [ "$BODY" = 42 ]; then pass "$label: the Swift server answers 42"
    else fail "$label: the Swift server answers 42" "got $STATUS '$BODY'"; fi
    if [ -z "$SET_COOKIE" ]; then fail "$label: the Swift server re-issues the cookie"; return; fi
    if [ "$(attributes)" = "$EXPECTED_ATTRIBUTES" ]; then pass "$label: Set-Cookie attributes {$EXPECTED_ATTRIBUTES}"
    else fail "$label: Set-Cookie attributes" "got {$(attributes)}, expected {$EXPECTED_ATTRIBUTES}"; fi
    local reissued count
    reissued="$(cookie_pair)"
    for reader in "$@"; do
        count="$($reader read --secret-hex "$SECRET" --codec json --cookie "$reissued")"
        if [ "$count" = 42 ]; then pass "$label: Werkzeug ($reader, JSON cookie type) reads count 42"
        else fail "$label: Werkzeug ($reader, JSON cookie type) reads count 42" "got '$count'"; fi
    done
    count="$(app3 read --secret-hex "$SECRET" --codec pickle --cookie "$reissued")"
    if [ "$count" = None ]; then pass "$label: the re-issued cookie is no longer pickle (pickle type reads nothing)"
    else fail "$label: the re-issued cookie is no longer pickle" "pickle cookie type read '$count'"; fi
    request /counter "$reissued"
    if [ "$BODY" = 43 ]; then pass "$label: the JSON cookie comes back to Swift as 43"
    else fail "$label: the JSON cookie comes back to Swift as 43" "got $STATUS '$BODY'"; fi
}

migrate "Python 3" app3 app3
if [ ! -x "$PYTHON2" ]; then
    skip "Python 2.7 run: no Python 2.7 at $PYTHON2 (set PYTHON2=...)"
elif ! version2="$(PYTHONPATH="$WERKZEUG_PY2_PATH" "$PYTHON2" -c 'import werkzeug; print(werkzeug.__version__)' 2>/dev/null)" \
    || [ "$version2" != "0.16.1" ]; then
    skip "Python 2.7 run: no werkzeug 0.16.1 for $PYTHON2 (set WERKZEUG_PY2_PATH=... to a pip --target folder)"
else
    echo "==> Python 2.7: $PYTHON2 (werkzeug $version2${WERKZEUG_PY2_PATH:+ from $WERKZEUG_PY2_PATH})"
    migrate "Python 2.7" app2 app2 app3
fi

# A tampered cookie starts a new session, logged with its error kind and never its value.
legacy="$(app3 issue --secret-hex "$SECRET" --codec pickle --count 41)"
tampered="${legacy/count=/count=A}"
request /counter "$tampered"
if [ "$STATUS" = 200 ] && [ "$BODY" = 1 ]; then pass "a tampered cookie starts at 1"
else fail "a tampered cookie starts at 1" "got $STATUS '$BODY'"; fi
if grep 'Session cookie rejected' "$WORK/server.log" | grep -q 'secure_cookie.error=bad-signature'; then pass "the rejection is logged with its error kind"
else fail "the rejection is logged with its error kind" "$(tail -n 3 "$WORK/server.log")"; fi
signature="${tampered#session=\"}"; signature="${signature%%\?*}"
if ! grep -qF "$signature" "$WORK/server.log"; then pass "the log never shows the cookie"
else fail "the log never shows the cookie"; fi

# A request without a cookie starts at 1; reading a current cookie sends no Set-Cookie.
request /counter
if [ "$BODY" = 1 ] && [ -n "$SET_COOKIE" ]; then pass "no cookie: count 1 and a new cookie"
else fail "no cookie: count 1 and a new cookie" "got $STATUS '$BODY'"; fi
if printf '%s' "$VARY" | grep -qiw 'cookie'; then pass "a response that used the session says Vary: Cookie"
else fail "a response that used the session says Vary: Cookie" "Vary: '$VARY'"; fi
current="$(cookie_pair)"
request / "$current"
if [ "$STATUS" = 200 ] && [ -z "$SET_COOKIE" ]; then pass "a current cookie that is only read gets no Set-Cookie"
else fail "a current cookie that is only read gets no Set-Cookie" "got $STATUS, Set-Cookie '$SET_COOKIE'"; fi

# A session grown past the browser limit is refused with a clear error, and no cookie is sent.
request "/grow?bytes=5000" "$current"
if [ "$STATUS" = 500 ] && [ -z "$SET_COOKIE" ] && printf '%s' "$BODY" | grep -q 'at most 4096'; then
    pass "a session past 4096 bytes is refused with a 500 that says why"
else fail "a session past 4096 bytes is refused with a 500 that says why" "got $STATUS '$BODY', Set-Cookie '${SET_COOKIE:0:40}'"; fi
request "/grow?bytes=100" "$current"
if [ "$STATUS" = 200 ] && [ "$BODY" = 100 ] && [ -n "$SET_COOKIE" ]; then pass "a small session still grows"
else fail "a small session still grows" "got $STATUS '$BODY'"; fi

if ! kill -0 "$SERVER_PID" 2>/dev/null; then fail "the server is still running at the end" "$(tail -n 5 "$WORK/server.log")"; fi

# The hostile corpus over HTTP (Interop/demo/hostile_http.py): a second server holds the corpus's
# key, so every hostile pickle and JSON cookie reaches a codec; each must get a fresh session in
# under 2 s while an ordinary visitor keeps being served, and the server must live on.
kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null
start_demo "$WORK/hostile.log" "$DEMO" --secret-hex 686f7374696c652d6b6579 --legacy-codec pickle --codec json
if [ -z "$PORT" ]; then
    fail "hostile: demo server started" "$(tail -n 5 "$WORK/hostile.log")"
else
    echo "==> the hostile corpus over HTTP, securecookie-demo on 127.0.0.1:$PORT"
    "$PYTHON" "$HERE/hostile_http.py" --port "$PORT" --pid "$SERVER_PID" --corpus "$ROOT/Fixtures/hostile/hostile.jsonl" \
        | tee "$WORK/hostile.out"
    summary="$(tail -n 1 "$WORK/hostile.out")"
    if [[ "$summary" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
        PASSED=$((PASSED + BASH_REMATCH[1])); FAILED=$((FAILED + BASH_REMATCH[2]))
    else
        fail "hostile over HTTP ran to its summary" "$summary"
    fi
fi
finish
