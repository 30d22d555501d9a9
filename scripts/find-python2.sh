#!/bin/sh
# Prints the path of a working Python 2.7 interpreter, or nothing (exit 1) when there is none.
# Looks, in order, at $PY27, then python2.7 and python2 on PATH, then pyenv's versions
# ($PYENV_ROOT, `pyenv root`, ~/.pyenv): the first that runs and says it is 2.7 wins. Used by the
# Makefile and the interop scripts, which skip their Python 2.7 stages loudly when it prints nothing.
is27() {
    [ -n "$1" ] && [ -x "$1" ] &&
        "$1" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (2, 7) else 1)' >/dev/null 2>&1
}
for candidate in "${PY27:-}" "$(command -v python2.7 2>/dev/null)" "$(command -v python2 2>/dev/null)"; do
    if is27 "$candidate"; then echo "$candidate"; exit 0; fi
done
roots="${PYENV_ROOT:-}"
if command -v pyenv >/dev/null 2>&1; then roots="$roots $(pyenv root 2>/dev/null)"; fi
[ -n "${HOME:-}" ] && roots="$roots $HOME/.pyenv"
for root in $roots; do
    for candidate in "$root"/versions/2.7*/bin/python2.7; do
        if is27 "$candidate"; then echo "$candidate"; exit 0; fi
    done
done
exit 1
