#!/bin/sh
# Leak check for the MessagePack codec under valgrind: builds main.swift (beside this script) as a
# small package that depends on this one, and runs it over every MessagePack fixture, the
# msgpack-test-suite, hostile input and seeded corruption. Any definite or indirect leak (an
# msgpack-c buffer not freed) or memory error fails with exit status 1.
#
# Usage: scripts/leakcheck/msgpack/leakcheck.sh [work-dir]   (default .build-msgpack-leakcheck in the repository)
#
# The harness is a plain executable because the Swift Testing runner parks its main thread in
# dispatchMain(), which valgrind 3.19 cannot run; and valgrind 3.19 cannot read the DWARF 5 that
# Swift 6 emits by default, hence DWARF 4.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
work=${1:-$root/.build-msgpack-leakcheck}
suite="$root/Fixtures/conformance/msgpack-test-suite/msgpack-test-suite.json"
for data in "$root/Fixtures/msgpack/roundtrip.jsonl" "$suite"; do
    [ -f "$data" ] || { echo "leakcheck: missing test data: $data" >&2; exit 1; }
done
identity=$(basename "$root" | tr '[:upper:]' '[:lower:]')
mkdir -p "$work/Sources"
cp "$here/main.swift" "$work/Sources/main.swift"
cat > "$work/Package.swift" <<SWIFT
// swift-tools-version:6.0
import PackageDescription
let package = Package(
    name: "MessagePackLeakCheck",
    dependencies: [.package(path: "$root")],
    targets: [
        .executableTarget(
            name: "MessagePackLeakCheck",
            dependencies: [
                .product(name: "SecureCookie", package: "$identity"),
                .product(name: "SecureCookieJSON", package: "$identity"),
                .product(name: "SecureCookieMessagePack", package: "$identity"),
            ],
            path: "Sources"
        )
    ]
)
SWIFT
swift build --package-path "$work" -Xswiftc -dwarf-version=4 -Xcc -gdwarf-4 >&2
exec valgrind --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect \
    --error-exitcode=1 "$work/.build/debug/MessagePackLeakCheck" "$root/Fixtures/msgpack" "$suite"
