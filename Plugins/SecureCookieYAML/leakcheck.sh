#!/bin/sh
# Leak check for the YAML codec: runs the YAML test target (fixtures, hostile input, error paths,
# all 402 yaml-test-suite cases, Werkzeug cookies) under valgrind. Any definite or indirect leak
# (a libyaml parser, emitter or event not freed) or memory error fails with exit status 1.
#
# Usage: Plugins/SecureCookieYAML/leakcheck.sh [scratch-path]
#   SKIP_BUILD=1  use the test binary already built in the scratch path.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
scratch=${1:-$root/.build-yaml}
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    swift build --package-path "$root" --scratch-path "$scratch" --build-tests >&2
fi
binary="$scratch/debug/SecureCookiePackageTests.xctest"
exec valgrind --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect \
    --error-exitcode=1 --quiet \
    "$binary" --testing-library swift-testing --filter SecureCookieYAMLTests
