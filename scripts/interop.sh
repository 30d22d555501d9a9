#!/usr/bin/env bash
# Runs the live Werkzeug interop (Interop/interop.py) against the built tool: Python 3, then Python 2.7;
# then Flask 3.1.3's session cookies (Interop/flask/interop.py, in .venv-interop/flask).
# Ends with the total over all of them as one "N passed, N failed" line.
# Usage: scripts/interop.sh PATH-TO-securecookie
set -euo pipefail
cd "$(dirname "$0")/.."
TOOL="$(realpath "${1:?usage: scripts/interop.sh PATH-TO-securecookie}")"
PY27="${PY27-$(scripts/find-python2.sh || true)}"
export PYTHONWARNINGS="ignore::DeprecationWarning"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

status=0
echo "==> interop: Werkzeug 0.16.1 on Python 3 <-> securecookie"
.venv-interop/py3/bin/python Interop/interop.py --tool "$TOOL" | tee -a "$log" || status=1
if [ -n "$PY27" ] && [ -x "$PY27" ]; then
    echo "==> interop: Werkzeug 0.16.1 on Python 2.7 <-> securecookie"
    PYTHONPATH=.venv-interop/py27-site "$PY27" Interop/interop.py --tool "$TOOL" | tee -a "$log" || status=1
else
    echo "!!!!!!!! no Python 2.7 (looked at PY27, PATH and pyenv): Python 2.7 interop SKIPPED !!!!!!!!" >&2
fi
if [ -x .venv-interop/flask/bin/python ]; then
    echo "==> interop: Flask 3.1.3 session cookies <-> securecookie"
    .venv-interop/flask/bin/python Interop/flask/interop.py --tool "$TOOL" | tee -a "$log" || status=1
else
    echo "!!!!!!!! no .venv-interop/flask (scripts/install-deps.sh --python makes it): Flask interop SKIPPED !!!!!!!!" >&2
fi
passed=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | awk '{s += $1} END {print s + 0}')
failed=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | awk '{s += $3} END {print s + 0}')
runs=$(grep -cE '^[0-9]+ passed, [0-9]+ failed$' "$log" || true)
[ "$runs" -ge 1 ] || { echo "interop: no result line"; status=1; }
echo "interop: $passed passed, $failed failed"
exit $status
