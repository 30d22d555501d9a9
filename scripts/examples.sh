#!/usr/bin/env bash
# Builds and runs the consumer packages in Examples/, one after the other, as an application would
# depend on this package (a path dependency on this repository: `.package(url:from:)` minus the
# download), and checks what each one resolves and compiles:
#
#   Examples/with-jwt-kit  beside vapor/jwt-kit 5.8.0: must resolve swift-crypto 4.x
#   Examples/crypto-3      with swift-crypto pinned to 3.12.3: must resolve swift-crypto 3.x
#
# Each uses only SecureCookie and SecureCookieJSON, so neither may resolve Hummingbird, Vapor or SwiftNIO,
# nor compile any of their modules: its `swift build -v` log is searched for `-module-name
# Hummingbird...`, `Vapor...` and `NIO...`. Each program then runs a cookie round trip and must print
# its "ok" line. Every check runs even when one fails; the last line is "N passed, N failed".
#
# Usage: scripts/examples.sh [EXAMPLE...]    (default: every folder of Examples/ with a Package.swift)
# Each example builds in its own .build (a first build compiles swift-crypto: minutes here).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
examples=("$@")
if [ ${#examples[@]} -eq 0 ]; then
    for manifest in Examples/*/Package.swift; do examples+=("$(basename "$(dirname "$manifest")")"); done
fi

passed=0
failed=0
check() { # check DESCRIPTION COMMAND...
    local what=$1
    shift
    if "$@"; then
        echo "  ok: $what"
        passed=$((passed + 1))
    else
        echo "  FAILED: $what" >&2
        failed=$((failed + 1))
    fi
}

# The major of swift-crypto an example resolved, from `swift package show-dependencies --format json`.
crypto_major() {
    python3 -c '
import json, sys
def walk(node):
    for dep in node.get("dependencies", []):
        if dep.get("identity") == "swift-crypto":
            return dep.get("version", "")
        found = walk(dep)
        if found:
            return found
    return ""
print(walk(json.load(sys.stdin)).split(".")[0])' <"$1"
}

for example in "${examples[@]}"; do
    dir="$root/Examples/$example"
    log="$dir/.build-logs"
    mkdir -p "$log"
    echo "== Examples/$example"
    start=$(date +%s)
    case "$example" in
        with-jwt-kit) want_crypto=4 ;;
        crypto-3) want_crypto=3 ;;
        *) want_crypto="" ;;
    esac
    if ! swift package --package-path "$dir" resolve >"$log/resolve.txt" 2>&1; then
        tail -20 "$log/resolve.txt" >&2
        check "resolves" false
        continue
    fi
    swift package --package-path "$dir" show-dependencies --format json >"$log/dependencies.json" 2>/dev/null
    check "resolves" true
    if [ -n "$want_crypto" ]; then
        got=$(crypto_major "$log/dependencies.json")
        check "resolves swift-crypto $want_crypto.x (got $got.x)" test "$got" = "$want_crypto"
    fi
    check "resolves neither Hummingbird, Vapor nor SwiftNIO" \
        bash -c "! grep -Eq '\"identity\" *: *\"(hummingbird|vapor|swift-nio)\"' '$log/dependencies.json'"
    if ! swift build --package-path "$dir" -v >"$log/build.txt" 2>&1; then
        grep -E 'error:' "$log/build.txt" | head -20 >&2
        check "builds" false
        continue
    fi
    check "builds ($(($(date +%s) - start)) s with resolution)" true
    bin=$(swift build --package-path "$dir" --show-bin-path)
    # Every module the build made: this package's must be there, Hummingbird's, Vapor's and NIO's must not.
    check "built modules include SecureCookie and SecureCookieJSON" \
        test -e "$bin/Modules/SecureCookie.swiftmodule" -a -e "$bin/Modules/SecureCookieJSON.swiftmodule"
    check "built modules include no Hummingbird, Vapor or NIO module" \
        bash -c "! ls '$bin/Modules' | grep -E '^(Hummingbird|Vapor|NIO)'"
    # The log names each module compiled, but only when the build compiled them (a clean build, as in CI).
    if grep -Eq -- '-module-name SecureCookie ' "$log/build.txt"; then
        check "build log compiles no Hummingbird, Vapor or NIO module" \
            bash -c "! grep -Eo -- '-module-name (Hummingbird|Vapor|NIO)[A-Za-z0-9_]*' '$log/build.txt' | sort -u | grep ."
    else
        echo "  note: nothing was recompiled, so the build log names no module (swift package clean for a full log)"
    fi
    product=$(sed -n 's/^ *name: "\([A-Za-z0-9]*\)",$/\1/p' "$dir/Package.swift" | head -1)
    if output=$("$bin/$product" 2>&1); then
        echo "  $output"
        check "runs a cookie round trip" grep -q ' ok' <<<"$output"
    else
        echo "  $output" >&2
        check "runs a cookie round trip" false
    fi
done
echo "examples: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
