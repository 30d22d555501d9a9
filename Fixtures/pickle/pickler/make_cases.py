#!/usr/bin/env python3
"""Build the pickler's byte-identity corpus: Fixtures/pickle/pickler/cases.jsonl.

Run with CPython 3.11 (the C pickler, `_pickle`):

    PYTHONHASHSEED=0 /tmp/venv/bin/python Fixtures/pickle/pickler/make_cases.py

Each line is one case:

    {"name": ..., "value": <tagged JSON>, "pickles": [one per protocol 0..5],
     "python2": [true/false for protocols 0..2]}

A pickle of at most 4096 bytes is its hex; a longer one is {"length": n, "fnv1a64": <16 hex digits>,
"head": <hex of the first 256 bytes>, "tail": <hex of the last 256 bytes>} to keep the file small
(FNV-1a, 64-bit, offset basis 0xcbf29ce484222325, prime 0x100000001b3).

`value` is the tagged JSON (Plugins/SecureCookieJSON/Docs.docc/TaggedJSONFormat.md) of the value pickled; a set's elements
are listed in the order CPython iterated them while pickling, so a reader that keeps that order
writes the same bytes. `pickles[p]` is `pickle.dumps(value, protocol=p).hex()`, or null where
CPython refuses. The value pickled is
rebuilt from the tagged JSON, so every str and bytes in it is a fresh object, as `json.loads` or a
decoder makes it; CPython's singletons (the empty str, one-character Latin-1 strs, empty and
one-byte bytes) stay shared, as they do in CPython.

`python2[p]` says whether Python 2.7 (`PYTHON2`, default: what scripts/find-python2.sh finds)
loads the protocol-p pickle to the same value (bytes read as `str`, str as `unicode`); false is
expected only where Python 2 lacks the type (`datetime.timezone`).
"""

import base64
import datetime
import decimal
import json
import math
import os
import pickle
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))


def find_python2():
    """A Python 2.7 interpreter: $PY27, then PATH, then pyenv (scripts/find-python2.sh), or ""."""
    script = os.path.join(ROOT, "scripts", "find-python2.sh")
    return subprocess.run([script], stdout=subprocess.PIPE, universal_newlines=True).stdout.strip()


PYTHON2 = os.environ.get("PYTHON2") or find_python2()


# ---------------------------------------------------------------- tagged JSON

def from_tagged(node):
    """A fresh Python value from tagged JSON."""
    if node is None or isinstance(node, (bool, int, float)):
        return node
    if isinstance(node, str):
        # A new object, as json.loads makes for values (it shares repeated dict keys; we do not).
        return node.encode("utf-8", "surrogatepass").decode("utf-8", "surrogatepass")
    if isinstance(node, list):
        return [from_tagged(item) for item in node]
    assert isinstance(node, dict)
    if len(node) == 1:
        (tag, body), = node.items()
        if tag.startswith("$"):
            return from_tag(tag, body)
    return {from_tagged(key): from_tagged(value) for key, value in node.items()}


def from_tag(tag, body):
    if tag == "$int":
        return int(body)
    if tag == "$float":
        return float(body)
    if tag == "$bytes":
        return base64.b64decode(body)
    if tag == "$bytearray":
        return bytearray(base64.b64decode(body))
    if tag == "$tuple":
        return tuple(from_tagged(item) for item in body)
    if tag == "$set":
        return set(from_tagged(item) for item in body)
    if tag == "$frozenset":
        return frozenset(from_tagged(item) for item in body)
    if tag == "$dict":
        return {from_tagged(key): from_tagged(value) for key, value in body}
    if tag == "$datetime":
        return datetime.datetime.fromisoformat(body)
    if tag == "$date":
        return datetime.date.fromisoformat(body)
    if tag == "$time":
        return datetime.time.fromisoformat(body)
    if tag == "$timedelta":
        return datetime.timedelta(*body)
    if tag == "$decimal":
        return decimal.Decimal(body)
    if tag == "$complex":
        return complex(from_tagged(body[0]), from_tagged(body[1]))
    raise ValueError("unknown tag " + tag)


def to_tagged(value):
    """Tagged JSON of a value; sets in their iteration order."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value if -2**63 <= value < 2**63 else {"$int": str(value)}
    if isinstance(value, float):
        return value if math.isfinite(value) else {"$float": repr(value)}
    if isinstance(value, complex):
        return {"$complex": [to_tagged(value.real), to_tagged(value.imag)]}
    if isinstance(value, bytes):
        return {"$bytes": base64.b64encode(value).decode()}
    if isinstance(value, bytearray):
        return {"$bytearray": base64.b64encode(bytes(value)).decode()}
    if isinstance(value, list):
        return [to_tagged(item) for item in value]
    if isinstance(value, tuple):
        return {"$tuple": [to_tagged(item) for item in value]}
    if isinstance(value, frozenset):
        return {"$frozenset": [to_tagged(item) for item in value]}
    if isinstance(value, set):
        return {"$set": [to_tagged(item) for item in value]}
    if isinstance(value, dict):
        if all(isinstance(key, str) and not key.startswith("$") for key in value):
            return {key: to_tagged(item) for key, item in value.items()}
        return {"$dict": [[to_tagged(key), to_tagged(item)] for key, item in value.items()]}
    if isinstance(value, datetime.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, datetime.date):
        return {"$date": value.isoformat()}
    if isinstance(value, datetime.time):
        return {"$time": value.isoformat()}
    if isinstance(value, datetime.timedelta):
        return {"$timedelta": [value.days, value.seconds, value.microseconds]}
    if isinstance(value, decimal.Decimal):
        return {"$decimal": str(value)}
    raise TypeError(type(value))


def same(a, b):
    """Python equality with NaN equal to NaN and types kept apart (1 vs True vs 1.0)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return (math.isnan(a) and math.isnan(b)) or (a == b and math.copysign(1, a) == math.copysign(1, b))
    if isinstance(a, complex):
        return same(a.real, b.real) and same(a.imag, b.imag)
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return len(a) == len(b) and all(k in b and same(v, b[k]) for k, v in a.items())
    if isinstance(a, decimal.Decimal):
        return str(a) == str(b)
    if isinstance(a, datetime.datetime) or isinstance(a, datetime.time):
        return a == b and a.utcoffset() == b.utcoffset()
    return a == b


# ---------------------------------------------------------------- the corpus

def utc(*args):
    return datetime.datetime(*args, tzinfo=datetime.timezone.utc)


def offset(hours, minutes=0, seconds=0, microseconds=0):
    return datetime.timezone(datetime.timedelta(hours=hours, minutes=minutes, seconds=seconds,
                                                microseconds=microseconds))


D = decimal.Decimal
TD = datetime.timedelta


def corpus():
    cases = []

    def add(name, value):
        cases.append((name, value))

    # Atoms.
    add("none", None)
    add("true", True)
    add("false", False)
    for n in [0, 1, 255, 256, 65535, 65536, -1, -2, -255, -256, -65536, 2**31 - 1, 2**31, -2**31, -2**31 - 1,
              2**32, 2**40, -2**40, 2**63 - 1, -2**63, 2**63, -2**63 - 1, 2**64 - 1, 2**64, -2**64, 10**30, -10**30,
              2**2031, -2**2039, 2**2039, -2**2040, 10**1000, -(10**1000), 10**4300 - 1, -(10**4300 - 1)]:
        add("int %s" % (n if abs(n) < 10**20 else "~%s%d bits" % ("-" if n < 0 else "", n.bit_length())), n)
    for f in [0.0, -0.0, 1.0, -1.5, 0.1, 1e16, 1e-5, 1.5e300, 5e-324, 1.7976931348623157e308, 123456.789, 1e22,
              float("nan"), float("inf"), float("-inf")]:
        add("float %r" % f, f)
    for c in [complex(1, 2), complex(0.0, -0.0), complex(float("nan"), float("inf")), complex(-1.5e-300, 3.25)]:
        add("complex %r" % c, c)

    # Strings.
    for s in ["", "a", "\xe9", "\u20ac", "ab", "hello world", "h\xe9llo \u20ac", "\U0001F600 astral \U0001F600x",
              "a\\b\nc\r\x00\x1a\t\x7f\x80\xff", "x" * 255, "y" * 256, "\xe9" * 200, "z" * 70000, "\u20ac" * 30000]:
        add("str %r" % s[:24] + (" (%d chars)" % len(s) if len(s) > 24 else ""), s)

    # Bytes and bytearray.
    for b in [b"", b"x", b"\x00\xff\x80", b"ab", bytes(range(256)), b"abc" * 100, bytes(70000), b"\xe9" * 300]:
        add("bytes %r" % b[:16] + (" (%d bytes)" % len(b) if len(b) > 16 else ""), b)
    for b in [b"", b"x", b"xy", bytes(range(256)) * 2, b"\x01" * 70000]:
        add("bytearray %r" % b[:16] + (" (%d bytes)" % len(b) if len(b) > 16 else ""), bytearray(b))

    # Lists, tuples, dicts.
    add("list empty", [])
    add("list one", [1])
    add("list two", [1, "ab"])
    for n in [999, 1000, 1001, 2000, 2001]:
        add("list range(%d)" % n, list(range(n)))
    add("list nested", [[], [[]], [1, [2, [3, [4]]]], [None, True, 1.5]])
    add("list 300 strings (LONG_BINPUT)", ["s%03d" % i for i in range(300)])
    add("list deep 100", nest_list(100))
    add("tuple empty", ())
    add("tuple one", (1,))
    add("tuple two", (1, "ab"))
    add("tuple three", (1, 2, 3))
    add("tuple four", (1, 2, 3, 4))
    add("tuple nested", ((), ((),), (1, (2, (3, (4, 5, 6, 7))))))
    add("tuple 1000", tuple(range(1000)))
    add("dict empty", {})
    add("dict one", {"a": 1})
    add("dict two", {"b": 1, "a": 2})
    for n in [999, 1000, 1001, 2000, 2001]:
        add("dict %d pairs" % n, {"k%04d" % i: i for i in range(n)})
    add("dict other keys", {1: "one", (1, "tu"): None, None: 3.5, 2.5: b"by", frozenset([7]): (), "$x": 1})
    add("dict nested", {"a": {"b": {"c": {"d": [1, {"e": ()}]}}}, "f": {}})
    add("dicts repeating a key", [{"key": 1}, {"key": 2}, {"key": 3}])

    # Sets and frozensets.
    add("set empty", set())
    add("set one", {1})
    add("set ints", {3, 1, 2})
    add("set strs", {"ab", "cd", "ef"})
    add("set tuples", {(1, 2), (3, "ab")})
    for n in [999, 1000, 1001, 2000, 2500]:
        add("set range(%d)" % n, set(range(n)))
    add("frozenset empty", frozenset())
    add("frozenset one", frozenset([1]))
    add("frozenset strs", frozenset(["ab", "cd"]))
    add("frozenset 1500", frozenset(range(1500)))
    add("set in list", [set(), {1}, frozenset(), frozenset([2])])

    # datetime family.
    add("datetime naive", datetime.datetime(2024, 1, 2, 3, 4, 5))
    add("datetime naive us", datetime.datetime(2024, 1, 2, 3, 4, 5, 123456))
    add("datetime utc", utc(2024, 1, 2, 3, 4, 5))
    add("datetime utc us", utc(2024, 12, 31, 23, 59, 59, 999999))
    add("datetime +05:30", datetime.datetime(2024, 1, 2, 3, 4, 5, 6, tzinfo=offset(5, 30)))
    add("datetime -03:00 us", datetime.datetime(1999, 7, 8, 9, 10, 11, 654321, tzinfo=offset(-3)))
    add("datetime +05:30:15.000250", datetime.datetime(2024, 1, 2, tzinfo=offset(5, 30, 15, 250)))
    add("datetime -23:59", datetime.datetime(2024, 1, 2, tzinfo=offset(-23, -59)))
    add("datetime min", datetime.datetime(1, 1, 1))
    add("datetime max", datetime.datetime(9999, 12, 31, 23, 59, 59, 999999))
    add("datetimes two naive", [datetime.datetime(2024, 1, 2), datetime.datetime(2025, 1, 2)])
    add("datetimes two utc", [utc(2024, 1, 2), utc(2025, 1, 2), datetime.datetime(2024, 1, 2, tzinfo=offset(1))])
    add("datetimes two +01:00", [datetime.datetime(2024, 1, 2, tzinfo=offset(1)),
                                 datetime.datetime(2024, 1, 3, tzinfo=offset(1))])
    add("date", datetime.date(2024, 1, 2))
    add("date min max", [datetime.date(1, 1, 1), datetime.date(9999, 12, 31)])
    add("time", datetime.time(1, 2, 3))
    add("time us", datetime.time(23, 59, 59, 999999))
    add("time utc", datetime.time(12, 0, tzinfo=datetime.timezone.utc))
    add("time -03:00", datetime.time(1, 2, 3, 4, tzinfo=offset(-3)))
    add("timedelta zero", TD(0))
    add("timedelta negative", TD(days=-1, seconds=5))
    add("timedelta -1us", TD(microseconds=-1))
    add("timedelta big", TD(days=999999999, seconds=86399, microseconds=999999))
    add("timedelta min", TD(days=-999999999))
    add("datetime family mixed", [datetime.date(2024, 1, 2), datetime.time(1), TD(1), datetime.datetime(2024, 1, 2),
                                  utc(2024, 1, 2), datetime.time(2, tzinfo=datetime.timezone.utc)])

    # Decimal.
    for s in ["1.10", "-0", "0", "1", "NaN", "-NaN", "NaN123", "sNaN", "-sNaN", "Infinity", "-Infinity", "1E+2",
              "0E-7", "1E-7", "123456789012345678901234567890.123", "-1.5E-30", "1E+99999999999999999"]:
        add("decimal %s" % s, D(s))
    add("decimals", [D("1.5"), D("2.5"), D("3")])

    # What CPython shares, and what it does not.
    add("shared one-char strs", ["x", "x", "\xe9", "\xe9", "\u20ac", "\u20ac"])
    add("shared empty strs", ["", "", ""])
    add("unshared strs", ["ab", "ab", "ab"])
    add("shared bytes", [b"x", b"x", b"", b"", b"ab", b"ab"])
    add("bytes then str of its char", [b"x", "x", b"\xe9", "\xe9"])
    add("str then bytes of its char", ["x", b"x"])
    add("latin1 str beside bytes", ["latin1", b"ab", "latin1"])
    add("decimal and its one-char str", [D("1"), "1", D("1"), "1"])
    add("module names as strs", ["datetime", datetime.date(2024, 1, 2), "builtins", complex(1, 1), "decimal",
                                 D("2"), "Decimal", "date"])
    add("bytearray and bytes of one byte", [bytearray(b"x"), b"x", bytearray(b"x")])

    # Framing: frames closed after 64 KiB, data of 64 KiB or more written outside frames.
    add("frames list of 8000 strs", ["item%06d" % i for i in range(8000)])
    add("frames dict of 3000", {"key%05d" % i: ("v%05d" % i, i, float(i)) for i in range(3000)})
    add("frames big data in the middle", ["ab", b"q" * 65536, "cd", "e" * 65535, "fg", "h" * 65536, [1, 2]])
    add("frames exactly 64 KiB", ["a" * (65536 - 20), "bcd", "efg"])
    add("frames tiny", [1])

    # Werkzeug and session-like values.
    add("werkzeug foo", 42)
    add("werkzeug baz", (1, 2, 3))
    add("werkzeug dict", {"foo": 42, "baz": (1, 2, 3)})
    add("session", {
        "_fresh": True, "_id": "f" * 128, "user_id": 1234567, "csrf_token": "0123456789abcdef" * 2,
        "_flashes": [("message", "Welcome back, J\xf6rg \U0001F44B"), ("error", "Try again")],
        "cart": {"items": [{"sku": "A-1", "qty": 2, "price": D("19.99")}], "updated": utc(2024, 5, 6, 7, 8, 9, 10)},
        "roles": frozenset(["admin"]), "_permanent": False, "locale": "de_DE", "tz_offset": -3.5,
        "last_seen": datetime.datetime(2024, 5, 6, 7, 8, 9), "token": b"\x00\x01\xfe\xff" * 8,
    })
    # Random mixtures (seeded): every kind beside every other, shared singletons and globals interleaved.
    rng = random.Random(20240102)
    for index in range(150):
        add("random %03d" % index, random_value(rng, 4))
    return cases


def random_value(rng, depth):
    """A random value of any kind, containers down to `depth` levels."""
    kinds = ["none", "bool", "int", "bigint", "float", "complex", "str", "char", "bytes", "byte", "bytearray",
             "datetime", "date", "time", "timedelta", "decimal"]
    if depth > 0:
        kinds += ["list", "tuple", "dict", "set", "frozenset"] * 2
    kind = rng.choice(kinds)
    if kind == "none":
        return None
    if kind == "bool":
        return rng.random() < 0.5
    if kind == "int":
        return rng.choice([rng.randint(-300, 300), rng.randint(-2**31, 2**31), rng.randint(-2**63, 2**63 - 1),
                           rng.randint(0, 65536)])
    if kind == "bigint":
        return rng.choice([-1, 1]) * rng.randint(2**63, 2**rng.randint(64, 3000))
    if kind == "float":
        return rng.choice([rng.uniform(-1e6, 1e6), rng.random() * 10**rng.randint(-320, 308), float(rng.randint(0, 9))])
    if kind == "complex":
        return complex(rng.uniform(-10, 10), rng.uniform(-10, 10))
    if kind == "str":
        alphabet = "abc xyz\n\r\\\x00\x1a\xe9\xff\u0100\u20ac\U0001F600"
        return "".join(rng.choice(alphabet) for _ in range(rng.choice([2, 3, 10, 40, 300])))
    if kind == "char":
        return rng.choice(["", "a", "\xe9", "\n", "\u20ac", "\U0001F600"])
    if kind == "bytes":
        return bytes(rng.randrange(256) for _ in range(rng.choice([2, 5, 300])))
    if kind == "byte":
        return rng.choice([b"", b"a", b"\xff"])
    if kind == "bytearray":
        return bytearray(rng.randrange(256) for _ in range(rng.choice([0, 1, 7, 300])))
    if kind == "datetime":
        tz = rng.choice([None, None, datetime.timezone.utc, offset(rng.randint(-23, 23), rng.choice([0, 30, 45]))])
        return datetime.datetime(rng.randint(1, 9999), rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23),
                                 rng.randint(0, 59), rng.randint(0, 59), rng.choice([0, rng.randint(0, 999999)]),
                                 tzinfo=tz)
    if kind == "date":
        return datetime.date(rng.randint(1, 9999), rng.randint(1, 12), rng.randint(1, 28))
    if kind == "time":
        tz = rng.choice([None, datetime.timezone.utc, offset(-rng.randint(0, 12))])
        return datetime.time(rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59), rng.randint(0, 999999),
                             tzinfo=tz)
    if kind == "timedelta":
        return TD(days=rng.randint(-10**6, 10**6), seconds=rng.randint(0, 86399), microseconds=rng.randint(0, 999999))
    if kind == "decimal":
        return D(rng.choice(["1.10", "-0", "3", "NaN", "Infinity", "%d.%02dE%d" % (rng.randint(0, 10**9), rng.randint(0, 99), rng.randint(-40, 40))]))
    size = rng.choice([0, 1, 2, 3, 4, 7, 20])
    if kind == "list":
        return [random_value(rng, depth - 1) for _ in range(size)]
    if kind == "tuple":
        return tuple(random_value(rng, depth - 1) for _ in range(size))
    if kind == "dict":
        return {random_key(rng): random_value(rng, depth - 1) for _ in range(size)}
    items = [random_key(rng) for _ in range(size)]
    return set(items) if kind == "set" else frozenset(items)


def random_key(rng):
    """A random hashable value (no floats or decimals that could equal an int key and merge)."""
    return rng.choice([
        lambda: rng.randint(-10**20, 10**20),
        lambda: "k%d" % rng.randint(0, 10**6),
        lambda: rng.choice(["", "a", "\xe9"]),
        lambda: (rng.randint(0, 9), "t%d" % rng.randint(0, 99)),
        lambda: bytes([rng.randrange(256)]) * rng.choice([1, 3]),
        lambda: datetime.date(2000 + rng.randint(0, 99), 1, 1),
        lambda: frozenset([rng.randint(0, 5)]),
        lambda: None,
    ])()


def nest_list(depth):
    value = []
    for _ in range(depth):
        value = [value, depth]
    return value


# ---------------------------------------------------------------- Python 2

PY2_LOADER = r'''
import sys, json, pickle, binascii, datetime, decimal, math, base64
def tag(v):
    if v is None or isinstance(v, bool): return v
    if isinstance(v, (int, long)):
        return v if -2**63 <= v < 2**63 else {"$int": str(v)}
    if isinstance(v, float):
        return v if not (math.isnan(v) or math.isinf(v)) else {"$float": repr(v)}
    if isinstance(v, complex): return {"$complex": [tag(v.real), tag(v.imag)]}
    if isinstance(v, unicode): return v
    if isinstance(v, str): return {"$bytes": base64.b64encode(v)}
    if isinstance(v, bytearray): return {"$bytearray": base64.b64encode(bytes(v))}
    if isinstance(v, list): return [tag(x) for x in v]
    if isinstance(v, tuple): return {"$tuple": [tag(x) for x in v]}
    if isinstance(v, frozenset): return {"$frozenset": [tag(x) for x in v]}
    if isinstance(v, set): return {"$set": [tag(x) for x in v]}
    if isinstance(v, dict): return {"$dict": [[tag(k), tag(x)] for k, x in v.items()]}
    if isinstance(v, datetime.datetime): return {"$datetime": v.isoformat()}
    if isinstance(v, datetime.date): return {"$date": v.isoformat()}
    if isinstance(v, datetime.time): return {"$time": v.isoformat()}
    if isinstance(v, datetime.timedelta): return {"$timedelta": [v.days, v.seconds, v.microseconds]}
    if isinstance(v, decimal.Decimal): return {"$decimal": str(v)}
    raise TypeError(type(v))
for line in sys.stdin:
    try:
        out = {"ok": True, "value": tag(pickle.loads(binascii.unhexlify(line.strip())))}
    except Exception as e:
        out = {"ok": False, "error": "%s: %s" % (type(e).__name__, e)}
    sys.stdout.write(json.dumps(out) + "\n")
'''


def python2_loads(hexes):
    """Python 2.7's view of each pickle: (ok, tagged value or error)."""
    result = subprocess.run([PYTHON2, "-c", PY2_LOADER], input="".join(h + "\n" for h in hexes),
                            capture_output=True, text=True, check=True)
    return [json.loads(line) for line in result.stdout.splitlines()]


# ---------------------------------------------------------------- main

def main():
    assert sys.version_info[:2] == (3, 11), "run with CPython 3.11"
    assert pickle.Pickler.__module__ == "_pickle", "the C pickler is the reference"
    rows = []
    for name, original in corpus():
        value = from_tagged(json.loads(json.dumps(to_tagged(original))))
        assert same(value, original), name
        pickles = []
        for protocol in range(6):
            try:
                pickles.append(pickle.dumps(value, protocol=protocol).hex())
            except ValueError:
                pickles.append(None)
        # Tagged JSON of the object pickled, sets in the order CPython just iterated them (a set
        # rebuilt from that list may iterate otherwise when hashes collide; a reader that keeps
        # the listed order writes what CPython wrote).
        tagged = json.loads(json.dumps(to_tagged(value)))
        assert same(from_tagged(tagged), value), name
        rows.append({"name": name, "value": tagged, "pickles": pickles})

    views = python2_loads([p for row in rows for p in row["pickles"][:3] if p is not None])
    for row in rows:
        row["pickles"] = [summary(p) for p in row["pickles"]]
    views.reverse()
    for row in rows:
        flags = []
        for protocol in range(3):
            if row["pickles"][protocol] is None:
                flags.append(None)
                continue
            view = views.pop()
            flags.append(bool(view["ok"]) and same(from_python2(view["value"]), from_tagged(row["value"])))
        row["python2"] = flags

    path = os.path.join(HERE, "cases.jsonl")
    with open(path, "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False, allow_nan=False) + "\n")
    refused = [row["name"] for row in rows if not all(row["python2"][p] is not False for p in range(3))]
    print("%d cases, %d pickles; Python 2 cannot load: %s" % (
        len(rows), sum(p is not None for row in rows for p in row["pickles"]), ", ".join(refused) or "none"))


def fnv1a64(data):
    value = 0xcbf29ce484222325
    for byte in data:
        value = ((value ^ byte) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return value


def summary(hex_pickle):
    """The hex of a pickle, or its length, FNV-1a hash, head and tail when it is long."""
    if hex_pickle is None or len(hex_pickle) <= 2 * 4096:
        return hex_pickle
    data = bytes.fromhex(hex_pickle)
    return {"length": len(data), "fnv1a64": "%016x" % fnv1a64(data), "head": data[:256].hex(),
            "tail": data[-256:].hex()}


def from_python2(node):
    """Python 2's tagged view read back: its dicts are always `$dict` pairs."""
    if isinstance(node, list):
        return [from_python2(item) for item in node]
    if isinstance(node, dict):
        (tag, body), = node.items()
        if tag == "$dict":
            return {from_python2(k): from_python2(v) for k, v in body}
        if tag in ("$tuple", "$set", "$frozenset"):
            items = [from_python2(item) for item in body]
            return {"$tuple": tuple, "$set": set, "$frozenset": frozenset}[tag](items)
        return from_tag(tag, body)
    return from_tagged(node)


if __name__ == "__main__":
    main()
