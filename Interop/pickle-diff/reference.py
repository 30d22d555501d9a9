"""CPython 3.11's C `_pickle` as the reference: loads a pickle as Werkzeug 0.16.1 does
(`pickle.loads(data)`, default encoding ASCII) under an audit hook that refuses every global
outside the Swift codec's allowlist (README, Plugins/SecureCookiePickle/PickleAllowlist.swift),
and returns the verdict and the value as tagged JSON (../tagged.py).
"""
import os
import pickle
import pickletools
import sys
import warnings

import _pickle

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import tagged  # noqa: E402

assert pickle.Unpickler is _pickle.Unpickler, "the C _pickle is required"
warnings.simplefilter("ignore")

ALLOWED = {
    ("builtins", n) for n in ("set", "frozenset", "bytes", "bytearray", "complex", "object")
} | {("__builtin__", n) for n in ("set", "frozenset", "bytes", "bytearray", "complex", "object")} | {
    ("_codecs", "encode"), ("decimal", "Decimal"), ("collections", "OrderedDict"),
    ("copyreg", "_reconstructor"), ("copy_reg", "_reconstructor"),
} | {("datetime", n) for n in ("datetime", "date", "time", "timedelta", "timezone")}


class Refused(Exception):
    """A global outside the allowlist."""


def _hook(event, args):
    if event == "pickle.find_class":
        module, name = args
        if (module, name) not in ALLOWED:
            raise Refused("global %s.%s" % (module, name))


sys.addaudithook(_hook)


# C _pickle's memo is one dense array: a PUT of index n makes it allocate and zero 8*n bytes
# (16 GB for LONG_BINPUT 2**31-1), which fails with MemoryError only after touching much of it.
# The harness does not run such pickles: it gives them the verdict they get on a machine where the
# allocation fails, without allocating.
MEMO_INDEX_RUN_LIMIT = 1 << 20


def _largest_memo_index(data):
    largest = -1
    try:
        for opcode, arg, _ in pickletools.genops(data):
            if opcode.name in ("PUT", "BINPUT", "LONG_BINPUT") and isinstance(arg, int):
                largest = max(largest, arg)
    except Exception:  # noqa: BLE001 - a malformed tail ends the scan, not the verdict
        pass
    return largest


def load(data):
    """("accept", tagged tree) | ("refuse", "ExcType: message") | ("unrepresentable", type name)."""
    if _largest_memo_index(data) >= MEMO_INDEX_RUN_LIMIT:
        return ("refuse", "MemoryError (not run: a memo index of 2**20 or more)")
    try:
        value = pickle.loads(data)
    except RecursionError:
        return ("refuse", "RecursionError")
    except MemoryError:
        return ("refuse", "MemoryError")
    except Exception as error:  # noqa: BLE001 - every refusal is a verdict
        return ("refuse", "%s: %s" % (type(error).__name__, str(error)[:200]))
    try:
        return ("accept", tagged.to_tagged(value))
    except (TypeError, RecursionError, ValueError) as error:
        return ("unrepresentable", "%s" % (str(error)[:120]))
