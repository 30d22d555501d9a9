# -*- coding: utf-8 -*-
"""Tagged JSON (Plugins/SecureCookieJSON/Docs.docc/TaggedJSONFormat.md) on the Python side, for Python 2.7 and 3.

``to_tagged`` turns a Python value into the tagged-JSON tree the Swift tool prints;
``from_tagged`` builds the Python value a tagged-JSON tree stands for; ``same`` compares two
trees as the spec says (dict order and set order carry no meaning, but 1, 1.0 and True differ,
as do -0.0 and 0.0); ``dumps`` writes one line of JSON.

Python 2 ``str`` has no single meaning: ``to_tagged(value, py2_str=...)`` shows it as the Swift
tool's ``--py2-str`` mode would: ``"bytes"`` gives ``$bytes``; ``"ascii"``, ``"latin1"``,
``"utf-8"`` decode it to text (and raise ``UnicodeDecodeError`` where that mode would fail);
``"text"`` decodes UTF-8 and keeps what is not UTF-8 as bytes (PyYAML's reading on Python 2).

Flask sessions add ``uuid.UUID`` (``$uuid``, ``str(u)``) and ``markupsafe.Markup`` (``$markup``);
markupsafe is optional (the Flask venv has it; Werkzeug 0.16.1's venvs need not).
"""
from __future__ import unicode_literals

import base64
import datetime
import decimal
import json
import math
import sys
import uuid

try:
    from markupsafe import Markup
except ImportError:  # pragma: no cover - only the Flask venv needs it
    Markup = None

PY2 = sys.version_info[0] == 2
if PY2:  # pragma: no cover - exercised by the Python 2.7 run
    text_type = unicode  # noqa: F821
    bytes_type = str
    int_types = (int, long)  # noqa: F821
else:
    text_type = str
    bytes_type = bytes
    int_types = (int,)

INT64_MIN = -(2 ** 63)
INT64_MAX = 2 ** 63 - 1


def _b64(data):
    return base64.b64encode(bytes_type(data)).decode("ascii")


def _float(value):
    if math.isnan(value):
        return {"$float": "nan"}
    if math.isinf(value):
        return {"$float": "inf" if value > 0 else "-inf"}
    return value


class FixedOffset(datetime.tzinfo):
    """A fixed UTC offset; Python 3 uses ``datetime.timezone`` instead."""

    def __init__(self, offset):
        self._offset = offset

    def utcoffset(self, dt):
        return self._offset

    def dst(self, dt):
        return None

    def tzname(self, dt):
        return None


def _tz(offset):
    if PY2:
        return FixedOffset(offset)
    return datetime.timezone(offset)


def to_tagged(value, py2_str="bytes"):
    """The tagged-JSON tree (dicts, lists, str, numbers) of a Python value."""
    def conv(v):
        if v is None or isinstance(v, bool):
            return v
        if isinstance(v, int_types):
            if INT64_MIN <= v <= INT64_MAX:
                return int(v)
            return {"$int": text_type(v)}
        if isinstance(v, float):
            return _float(v)
        if isinstance(v, complex):
            return {"$complex": [_float(v.real), _float(v.imag)]}
        if Markup is not None and isinstance(v, Markup):  # a str subclass: before plain str
            return {"$markup": text_type(v)}
        if isinstance(v, text_type):
            return v
        if isinstance(v, uuid.UUID):
            return {"$uuid": text_type(v)}
        if isinstance(v, bytearray):
            return {"$bytearray": _b64(v)}
        if isinstance(v, bytes_type):
            if not PY2 or py2_str == "bytes":
                return {"$bytes": _b64(v)}
            if py2_str == "text":  # PyYAML on Python 2 gives native str for ASCII text, str for !!binary
                try:
                    return v.decode("utf-8")
                except UnicodeDecodeError:
                    return {"$bytes": _b64(v)}
            return v.decode({"utf-8": "utf-8", "latin1": "latin-1"}.get(py2_str, "ascii"))
        if isinstance(v, list):
            return [conv(x) for x in v]
        if isinstance(v, tuple):
            return {"$tuple": [conv(x) for x in v]}
        if isinstance(v, frozenset):
            return {"$frozenset": [conv(x) for x in v]}
        if isinstance(v, set):
            return {"$set": [conv(x) for x in v]}
        if isinstance(v, dict):
            pairs = [(conv(k), conv(x)) for k, x in v.items()]
            if all(isinstance(k, text_type) and not k.startswith("$") for k, _ in pairs):
                out = {}
                for k, x in pairs:
                    out[k] = x
                return out
            return {"$dict": [[k, x] for k, x in pairs]}
        if isinstance(v, datetime.datetime):
            return {"$datetime": text_type(v.isoformat())}
        if isinstance(v, datetime.date):
            return {"$date": text_type(v.isoformat())}
        if isinstance(v, datetime.time):
            return {"$time": text_type(v.isoformat())}
        if isinstance(v, datetime.timedelta):
            return {"$timedelta": [v.days, v.seconds, v.microseconds]}
        if isinstance(v, decimal.Decimal):
            return {"$decimal": text_type(v)}
        raise TypeError("no tagged JSON for %r" % (type(v),))
    return conv(value)


def _parse_offset(text):
    sign = -1 if text[0] == "-" else 1
    parts = text[1:].split(":")
    hours, minutes = int(parts[0]), int(parts[1])
    seconds = float(parts[2]) if len(parts) > 2 else 0.0
    return datetime.timedelta(seconds=sign * (hours * 3600 + minutes * 60 + seconds))


def _split_offset(text):
    for i in range(len(text) - 1, -1, -1):
        if text[i] in "+-" and i >= 5:
            return text[:i], _parse_offset(text[i:])
    return text, None


def _parse_time(text):
    clock, offset = _split_offset(text)
    main, _, frac = clock.partition(".")
    h, m, s = [int(x) for x in main.split(":")]
    us = int((frac + "000000")[:6]) if frac else 0
    tz = _tz(offset) if offset is not None else None
    return datetime.time(h, m, s, us, tz)


def from_tagged(tree):
    """The Python value a tagged-JSON tree stands for."""
    if tree is None or isinstance(tree, (bool, float)) or isinstance(tree, int_types):
        return tree
    if isinstance(tree, text_type):
        return tree
    if isinstance(tree, list):
        return [from_tagged(x) for x in tree]
    if isinstance(tree, dict):
        if len(tree) == 1:
            (tag, body), = tree.items()
            if tag == "$int":
                return int(body)
            if tag == "$float":
                return float(body)
            if tag == "$complex":
                return complex(from_tagged(body[0]), from_tagged(body[1]))
            if tag == "$bytes":
                return base64.b64decode(body)
            if tag == "$bytearray":
                return bytearray(base64.b64decode(body))
            if tag == "$tuple":
                return tuple(from_tagged(x) for x in body)
            if tag == "$set":
                return set(from_tagged(x) for x in body)
            if tag == "$frozenset":
                return frozenset(from_tagged(x) for x in body)
            if tag == "$dict":
                out = {}
                for k, v in body:
                    out[from_tagged(k)] = from_tagged(v)
                return out
            if tag == "$date":
                y, mo, d = [int(x) for x in body.split("-")]
                return datetime.date(y, mo, d)
            if tag == "$time":
                return _parse_time(body)
            if tag == "$datetime":
                day, _, clock = body.partition("T")
                y, mo, d = [int(x) for x in day.split("-")]
                t = _parse_time(clock)
                return datetime.datetime(y, mo, d, t.hour, t.minute, t.second, t.microsecond, t.tzinfo)
            if tag == "$timedelta":
                return datetime.timedelta(days=body[0], seconds=body[1], microseconds=body[2])
            if tag == "$decimal":
                return decimal.Decimal(body)
            if tag == "$uuid":
                return uuid.UUID(body)
            if tag == "$markup" and Markup is not None:
                return Markup(body)
        out = {}
        for k, v in tree.items():
            out[k] = from_tagged(v)
        return out
    raise TypeError("not a tagged-JSON tree: %r" % (tree,))


_SET_TAGS = ("$set", "$frozenset")


def same(a, b):
    """Whether two tagged-JSON trees stand for the same value, type for type."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, float) or isinstance(b, float):
        if not (isinstance(a, float) and isinstance(b, float)):
            return False
        return a == b and math.copysign(1.0, a) == math.copysign(1.0, b)
    if isinstance(a, int_types) or isinstance(b, int_types):
        return isinstance(a, int_types) and isinstance(b, int_types) and a == b
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, text_type) or isinstance(b, text_type):
        return isinstance(a, text_type) and isinstance(b, text_type) and a == b
    if isinstance(a, list) or isinstance(b, list):
        if not (isinstance(a, list) and isinstance(b, list)) or len(a) != len(b):
            return False
        return all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        if len(a) == 1 and len(b) == 1:
            (ta, ba), = a.items()
            (tb, bb), = b.items()
            if ta == tb and ta in _SET_TAGS:
                return _same_multiset(ba, bb)
            if ta == tb == "$dict":
                return _same_multiset([[k, v] for k, v in ba], [[k, v] for k, v in bb])
        if set(a.keys()) != set(b.keys()):
            return False
        return all(same(a[k], b[k]) for k in a)
    return False


def _same_multiset(xs, ys):
    if len(xs) != len(ys):
        return False
    left = list(ys)
    for x in xs:
        for i, y in enumerate(left):
            if same(x, y):
                del left[i]
                break
        else:
            return False
    return True


def dumps(tree):
    """One line of JSON (UTF-8 text, no ASCII escaping)."""
    return json.dumps(tree, ensure_ascii=False, sort_keys=False, allow_nan=False)
