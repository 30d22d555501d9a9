#!/usr/bin/env bash
# Installs what building and testing need, when it is missing:
#   - libyaml-dev, libmsgpack-dev and zlib1g-dev (Debian packages; apt-get update first);
#   - with --python: a Python 3 venv in .venv-interop/py3 with werkzeug 0.16.1, msgpack, PyYAML
#     (Fixtures/werkzeug/requirements.txt), and, when Python 2.7 is there, werkzeug 0.16.1 for it
#     installed into .venv-interop/py27-site (requirements-py27.txt); and a second Python 3 venv in
#     .venv-interop/flask with Flask 3.1.3 and itsdangerous 2.2.0 (Fixtures/flask/requirements.txt).
set -euo pipefail
cd "$(dirname "$0")/.."

# Python 2.7: $PY27 when set (empty: none), else what scripts/find-python2.sh finds (PATH, pyenv).
PY27="${PY27-$(scripts/find-python2.sh || true)}"
PYTHON3="${PYTHON3:-python3}"

need_apt=()
pkg-config --exists yaml-0.1 2>/dev/null || need_apt+=(libyaml-dev)
pkg-config --exists msgpack 2>/dev/null || pkg-config --exists msgpack-c 2>/dev/null || need_apt+=(libmsgpack-dev)
pkg-config --exists zlib 2>/dev/null || need_apt+=(zlib1g-dev)
command -v pkg-config >/dev/null 2>&1 || need_apt+=(pkg-config)
if [ ${#need_apt[@]} -gt 0 ]; then
    echo "==> installing ${need_apt[*]}"
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}"
fi

if [ "${1:-}" = "--python" ]; then
    if [ ! -f .venv-interop/py3/.installed ] || [ Fixtures/werkzeug/requirements.txt -nt .venv-interop/py3/.installed ]; then
        echo "==> Python 3 venv with werkzeug 0.16.1 in .venv-interop/py3"
        "$PYTHON3" -m venv .venv-interop/py3
        .venv-interop/py3/bin/python -m pip install -q --disable-pip-version-check -r Fixtures/werkzeug/requirements.txt
        touch .venv-interop/py3/.installed
    fi
    if [ ! -f .venv-interop/flask/.installed ] || [ Fixtures/flask/requirements.txt -nt .venv-interop/flask/.installed ]; then
        echo "==> Python 3 venv with Flask 3.1.3 in .venv-interop/flask"
        "$PYTHON3" -m venv .venv-interop/flask
        .venv-interop/flask/bin/python -m pip install -q --disable-pip-version-check -r Fixtures/flask/requirements.txt
        touch .venv-interop/flask/.installed
    fi
    if [ -n "$PY27" ] && [ -x "$PY27" ]; then
        if [ ! -f .venv-interop/py27-site/.installed ] || [ Fixtures/werkzeug/requirements-py27.txt -nt .venv-interop/py27-site/.installed ]; then
            echo "==> werkzeug 0.16.1 for Python 2.7 in .venv-interop/py27-site"
            "$PY27" -m pip install -q --disable-pip-version-check --no-warn-script-location \
                --target .venv-interop/py27-site -r Fixtures/werkzeug/requirements-py27.txt
            touch .venv-interop/py27-site/.installed
        fi
    else
        echo "!!!!!!!! no Python 2.7 (looked at PY27, PATH and pyenv): the Python 2.7 interop tests will be SKIPPED !!!!!!!!" >&2
    fi
fi
