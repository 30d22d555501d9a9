#!/usr/bin/env bash
# The YAML differential test at a fixed seed: run.sh [N] (default 1000).
# Needs the project's venv (make python) and the built tool (swift build --product securecookie,
# or TOOL=path). Exits non-zero on any disagreement not listed in exceptions.json.
set -euo pipefail
export PYTHONDONTWRITEBYTECODE=1
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
py="${PYTHON:-$root/.venv-interop/py3/bin/python}"
tool="${TOOL:-$root/.build/debug/securecookie}"
[ -x "$py" ] || { echo "no $py: run 'make python' first" >&2; exit 2; }
[ -x "$tool" ] || { echo "no $tool: run 'swift build --product securecookie' first" >&2; exit 2; }
exec "$py" "$here/diff.py" "${1:-1000}" --seed "${SEED:-1}" --tool "$tool" --exceptions "$here/exceptions.json"
