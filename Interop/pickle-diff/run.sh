#!/usr/bin/env bash
# CI check: N (default 2000) pickles of the fixed seed 1 through CPython 3.11's C _pickle and the
# built tool; exits non-zero on any disagreement not listed in exceptions.txt, or on an error
# message that repeats text from inside a value.
# Usage: Interop/pickle-diff/run.sh [N] [path/to/securecookie]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-2000}
tool=${2:-.build/debug/securecookie}
python=${PYTHON:-python3}
"$python" -c 'import sys; assert sys.version_info[:2] == (3, 11), "CPython 3.11 is the reference"'
exec "$python" Interop/pickle-diff/diff.py --tool "$tool" --count "$n" --seed 1 \
  --known Interop/pickle-diff/exceptions.txt --report "${REPORT:-/dev/null}"
