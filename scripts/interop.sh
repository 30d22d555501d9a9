#!/usr/bin/env bash
# Runs the live Werkzeug interop (Interop/interop.py) against the built tool: Python 3, then Python 2.7.
# Usage: scripts/interop.sh PATH-TO-securecookie
set -euo pipefail
cd "$(dirname "$0")/.."
TOOL="$(realpath "${1:?usage: scripts/interop.sh PATH-TO-securecookie}")"
PY27="${PY27:-/root/.pyenv/versions/2.7.18/bin/python2.7}"

status=0
echo "==> interop: Werkzeug 0.16.1 on Python 3 <-> securecookie"
.venv-interop/py3/bin/python Interop/interop.py --tool "$TOOL" || status=1
if [ -x "$PY27" ]; then
    echo "==> interop: Werkzeug 0.16.1 on Python 2.7 <-> securecookie"
    PYTHONPATH=.venv-interop/py27-site "$PY27" Interop/interop.py --tool "$TOOL" || status=1
else
    echo "!!!!!!!! no Python 2.7 at $PY27: Python 2.7 interop SKIPPED !!!!!!!!" >&2
fi
exit $status
