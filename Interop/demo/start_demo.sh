# Sourced by e2e.sh and browser.sh.
#
# start_demo LOG DEMO [ARGS...]: starts the Swift demo server DEMO on a free loopback port with
# ARGS, its output in LOG, waits up to 20 s for its "listening on" line, and sets SERVER_PID and
# PORT (PORT empty when the server did not start; LOG says why).
start_demo() {
    local log="$1" demo="$2"
    shift 2
    "$demo" --port 0 "$@" >"$log" 2>&1 &
    SERVER_PID=$!
    PORT=""
    for _ in $(seq 1 200); do
        PORT="$(sed -n 's/.*listening on 127\.0\.0\.1:\([0-9][0-9]*\).*/\1/p' "$log" | head -n 1)"
        [ -n "$PORT" ] && break
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.1
    done
}
