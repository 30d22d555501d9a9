# Sourced by e2e.sh and browser.sh.
#
# start_demo LOG DEMO [ARGS...]: starts the Swift demo server DEMO on a free loopback port with
# ARGS (and --framework $DEMO_FRAMEWORK when it is set), its output in LOG, waits up to 20 s for the line
# that names its port (Hummingbird's "listening on 127.0.0.1:PORT", Vapor's "Server started on
# http://127.0.0.1:PORT"), and sets SERVER_PID and PORT (PORT empty when the server did not start; LOG
# says why).
start_demo() {
    local log="$1" demo="$2"
    shift 2
    local framework=()
    [ -n "${DEMO_FRAMEWORK:-}" ] && framework=(--framework "$DEMO_FRAMEWORK")
    "$demo" --port 0 "${framework[@]}" "$@" >"$log" 2>&1 &
    SERVER_PID=$!
    PORT=""
    for _ in $(seq 1 200); do
        PORT="$(sed -n -e 's/.*listening on 127\.0\.0\.1:\([0-9][0-9]*\).*/\1/p' \
            -e 's/.*Server started on http:\/\/127\.0\.0\.1:\([0-9][0-9]*\).*/\1/p' "$log" | head -n 1)"
        [ -n "$PORT" ] && break
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.1
    done
}
