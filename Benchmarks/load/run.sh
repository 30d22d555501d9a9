#!/usr/bin/env bash
# Load on loopback with wrk (Debian's package): GET /counter of securecookie-demo on Hummingbird and on
# Vapor (release builds), and of the same counter in Flask 3.1 under gunicorn with 2 workers. Each
# server: resident memory (RSS, the server's processes summed) when it has started, a 60 s wrk run at
# 64 connections and 2 threads that is both the measurement and the soak (requests per second, p50
# and p99 latency), RSS every 10 s during it and after it. The session cookie goes from each
# response to the next request (cookie.lua), so every request verifies, decodes, changes and
# re-issues the session.
#
#   Benchmarks/load/run.sh [OUT]        (OUT: the report, default Benchmarks/results/load.md)
#
# Environment: DURATION (seconds, default 60), CONNECTIONS (64), THREADS (2), DEMO (a release
# securecookie-demo; default: built with `swift build -c release --traits Hummingbird,Vapor`, scratch
# path $SCRATCH or .build), FLASK_PYTHON (a Python with Flask 3.1.3 and gunicorn; default
# .venv-load/bin/python, made from Fixtures/flask/requirements.txt plus gunicorn==23.0.0 when missing).
# wrk runs on the same machine as the server: on 2 cores they share the CPU, so the figures compare the
# servers with each other here, not with other machines.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/Benchmarks/load"
cd "$ROOT"
OUT="${1:-Benchmarks/results/load.md}"
DURATION="${DURATION:-60}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }

if [ -z "${DEMO:-}" ]; then
    SCRATCH="${SCRATCH:-.build}"
    swift build -c release --scratch-path "$SCRATCH" --traits Hummingbird,Vapor --product securecookie-demo >&2
    DEMO="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/securecookie-demo"
fi
FLASK_PYTHON="${FLASK_PYTHON:-$ROOT/.venv-load/bin/python}"
if [ ! -x "$FLASK_PYTHON" ]; then
    python3 -m venv "$ROOT/.venv-load"
    "$ROOT/.venv-load/bin/pip" install -q -r Fixtures/flask/requirements.txt gunicorn==23.0.0
    FLASK_PYTHON="$ROOT/.venv-load/bin/python"
fi

WORK="$(mktemp -d)"
SERVER_PID=""
stop_server() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
}
trap 'stop_server; rm -rf "$WORK"' EXIT

SECRET="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# rss_kib PID: the resident memory of PID and its children, in KiB.
rss_kib() {
    local total=0 pid
    for pid in "$1" $(pgrep -P "$1" || true); do
        total=$((total + $(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)))
    done
    echo "$total"
}

# wait_ready PORT: until GET /counter answers 200, at most 20 s.
wait_ready() {
    for _ in $(seq 1 200); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/counter" || true)" = 200 ] && return 0
        sleep 0.1
    done
    return 1
}

# to_ms TEXT: wrk's latency (such as 812.00us, 3.41ms, 1.02s) in milliseconds.
to_ms() {
    python3 -c 'import sys, re
m = re.fullmatch(r"([0-9.]+)(us|ms|s|m)", sys.argv[1])
v, u = float(m.group(1)), m.group(2)
print("%.2f" % (v / 1000 if u == "us" else v if u == "ms" else v * 1000 if u == "s" else v * 60000))' "$1"
}

ROWS=()
# measure NAME PORT: RSS at start, the wrk run with RSS every 10 s, RSS after; appends a row to ROWS.
measure() {
    local name="$1" port="$2"
    if ! wait_ready "$port"; then echo "$name did not answer on port $port" >&2; tail -n 5 "$WORK/$name.log" >&2; exit 1; fi
    local start_rss samples=() after_rss
    start_rss="$(rss_kib "$SERVER_PID")"
    echo "==> $name: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency http://127.0.0.1:$port/counter (RSS at start $start_rss KiB)" >&2
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$HERE/cookie.lua" "http://127.0.0.1:$port/counter" \
        >"$WORK/$name.wrk" 2>&1 &
    local wrk_pid=$!
    while kill -0 "$wrk_pid" 2>/dev/null; do
        sleep 10
        kill -0 "$wrk_pid" 2>/dev/null && samples+=("$(rss_kib "$SERVER_PID")")
    done
    wait "$wrk_pid"
    after_rss="$(rss_kib "$SERVER_PID")"
    cat "$WORK/$name.wrk" >&2
    local rps p50 p99 non2xx
    rps="$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$WORK/$name.wrk")"
    p50="$(to_ms "$(awk '$1 == "50%" {print $2}' "$WORK/$name.wrk")")"
    p99="$(to_ms "$(awk '$1 == "99%" {print $2}' "$WORK/$name.wrk")")"
    non2xx="$(awk '/Non-2xx or 3xx responses:/ {print $5}' "$WORK/$name.wrk")"
    ROWS+=("| $name | $rps | $p50 | $p99 | $((start_rss / 1024)) | $((after_rss / 1024)) | $(printf '%s ' "${samples[@]}" | awk '{for (i = 1; i <= NF; i++) printf "%s%d", (i > 1 ? " " : ""), $i / 1024}') | ${non2xx:-0} |")
    RAW+=("### $name" "" '```' "$(cat "$WORK/$name.wrk")" '```' "")
}
RAW=()

for framework in hummingbird vapor; do
    port="$(free_port)"
    "$DEMO" --framework "$framework" --port "$port" --secret-hex "$SECRET" --codec json --log-level warning \
        >"$WORK/$framework.log" 2>&1 &
    SERVER_PID=$!
    measure "securecookie-demo --framework $framework" "$port"
    stop_server
done

port="$(free_port)"
(cd "$HERE" && SECRET_HEX="$SECRET" exec "$FLASK_PYTHON" -m gunicorn -w 2 -b "127.0.0.1:$port" --log-level warning \
    flask_counter:app) >"$WORK/flask.log" 2>&1 &
SERVER_PID=$!
measure "Flask $("$FLASK_PYTHON" -c 'import importlib.metadata as m; print(m.version("flask"))') + gunicorn $("$FLASK_PYTHON" -c 'import importlib.metadata as m; print(m.version("gunicorn"))') (2 workers)" "$port"
stop_server

mkdir -p "$(dirname "$OUT")"
{
    echo "# GET /counter under load ($(date -u '+%Y-%m-%d %H:%M UTC'))"
    echo
    echo "wrk $(wrk -v 2>&1 | head -n 1 | awk '{print $2}'), -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency, cookie carried per thread"
    echo "(Benchmarks/load/cookie.lua); $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), wrk on the same machine;"
    echo "Swift $(swift --version 2>/dev/null | sed -n 's/.*Swift version \([^ ]*\).*/\1/p' | head -n 1), release build. RSS in MiB (server processes summed: gunicorn's master and workers)."
    echo
    echo "| server | requests/s | p50 ms | p99 ms | RSS start | RSS after | RSS every 10 s | non-2xx |"
    echo "|---|---:|---:|---:|---:|---:|---|---:|"
    printf '%s\n' "${ROWS[@]}"
    echo
    echo "## wrk's output"
    echo
    printf '%s\n' "${RAW[@]}"
} >"$OUT"
cat "$OUT"
