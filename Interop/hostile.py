# -*- coding: utf-8 -*-
"""Hostile pickles: real exploit payloads that run a shell command when Python unpickles them.

Each is written opcode by opcode (nothing here is ever unpickled) and checked to be well formed
with ``pickletools.dis``. Signed into a Werkzeug cookie, each must be *refused* by the Swift
pickle codec, and the command must never run.
"""
from __future__ import unicode_literals

import io
import pickletools
import struct
import sys


def _binunicode(text):
    data = text.encode("utf-8")
    return b"X" + struct.pack("<I", len(data)) + data


def _short_unicode(text):
    data = text.encode("utf-8")
    return b"\x8c" + struct.pack("<B", len(data)) + data


def hostile_pickles(command):
    """(label, pickle bytes) pairs, each calling or building something that runs ``command``."""
    cmd = command.encode("ascii")
    quoted = b"'" + cmd + b"'"
    items = [
        ("REDUCE os.system (protocol 0)", b"cos\nsystem\n(S" + quoted + b"\ntR."),
        ("REDUCE posix.system (protocol 0)", b"cposix\nsystem\n(S" + quoted + b"\ntR."),
        ("INST os.system", b"(S" + quoted + b"\nios\nsystem\n."),
        ("OBJ os.system", b"(cos\nsystem\nS" + quoted + b"\no."),
        ("NEWOBJ subprocess.Popen (protocol 2)",
         b"\x80\x02csubprocess\nPopen\n]q\x00(X\x02\x00\x00\x00shX\x02\x00\x00\x00-c" + _binunicode(command)
         + b"e\x85q\x01\x81q\x02."),
        ("STACK_GLOBAL os.system (protocol 4)",
         b"\x80\x04" + _short_unicode("os") + b"\x94" + _short_unicode("system") + b"\x94\x93\x94"
         + _short_unicode(command) + b"\x94\x85\x94R\x94."),
        ("REDUCE builtins.eval (protocol 3)",
         b"\x80\x03cbuiltins\neval\n" + _binunicode("__import__('os').system('%s')" % command) + b"\x85R."),
        ("REDUCE nested in a dict (protocol 2)",
         b"\x80\x02}q\x00X\x01\x00\x00\x00aq\x01]q\x02cos\nsystem\n" + _binunicode(command) + b"\x85Rq\x03asX\x01\x00\x00\x00bK\x01s."),
    ]
    if sys.version_info[0] >= 3:  # Python 2's pickletools stops at protocol 2
        for label, data in items:
            pickletools.dis(data, io.StringIO())  # raises if the pickle is not well formed
    return items
