# -*- coding: utf-8 -*-
"""What the live interop scripts share (``Interop/interop.py`` for Werkzeug on Python 3 and 2.7,
``Interop/flask/interop.py`` for Flask): printing, the pass/fail tally, the tool in batch mode and
its output lines. Runs on Python 2.7 and 3.
"""
from __future__ import print_function, unicode_literals

import json
import subprocess
import sys

PY2 = sys.version_info[0] == 2


def say(text):
    """Prints a line of text as UTF-8 whatever the terminal (lone surrogates, which Python 3
    strings can hold, as backslash escapes)."""
    data = text.encode("utf-8") if PY2 else text.encode("utf-8", "backslashreplace")
    stream = sys.stdout if PY2 else sys.stdout.buffer
    stream.write(data + b"\n")
    sys.stdout.flush()


class Results(object):
    """Counts checks; prints each failure as one line (cut at 600 characters unless verbose)."""

    def __init__(self, label, verbose):
        self.label = label
        self.passed = 0
        self.failed = 0
        self.verbose = verbose
        self.notes = []

    def check(self, ok, where, message=""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            text = "FAIL [%s] %s: %s" % (self.label, where, message)
            say(text if len(text) < 600 or self.verbose else text[:600] + "...")
        return ok


def lines_of(text):
    """Lines split at newlines only: ``str.splitlines`` would split a JSON line at U+2028, U+2029
    or U+0085, which the tool escapes but a value's text may hold elsewhere."""
    lines = text.split("\n")
    return lines[:-1] if lines and lines[-1] == "" else lines


class Tool(object):
    """Runs the Swift tool in batch mode: one line in, one line out."""

    def __init__(self, path):
        self.path = path

    def run(self, args, lines):
        # Python 3 strings may hold lone surrogates: they go through as their UTF-8-like bytes and
        # come back as escapes; Python 2's codec passes them without a handler.
        data = "".join(line + "\n" for line in lines)
        data = data.encode("utf-8") if PY2 else data.encode("utf-8", "surrogatepass")
        proc = subprocess.Popen([self.path] + args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
        out, err = proc.communicate(data)
        text = out.decode("utf-8") if PY2 else out.decode("utf-8", "surrogateescape")
        return proc.returncode, lines_of(text), err.decode("utf-8", "replace")


def parse_line(text):
    """A tool output line as JSON, or ``{"$unparsable": text}``."""
    try:
        return json.loads(text)
    except ValueError:
        return {"$unparsable": text}


def is_error(tree, kind=None):
    """Whether a parsed line is an error line (of that kind, if given)."""
    return isinstance(tree, dict) and "$error" in tree and (kind is None or tree["$error"] == kind)
