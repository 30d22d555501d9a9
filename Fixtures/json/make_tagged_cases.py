"""Records the tagged JSON (tagged.py) of one value per tag and edge case, for TaggedJSONTests.

Run with /tmp/venv/bin/python (CPython 3.11): python make_tagged_cases.py > tagged-cases.jsonl
Each line: {"name", "repr": repr(value), "tagged": json.dumps(to_tagged(value), ensure_ascii=False)}.
Sets hold small ints only, whose iteration order does not depend on the hash seed.
"""
import datetime as dt
import decimal
import json
import sys

from tagged import dumps_tagged

D = decimal.Decimal
UTC = dt.timezone.utc
CASES = [
    ("none", None), ("true", True), ("int", 42), ("int64 min", -2**63), ("int64 max", 2**63 - 1),
    ("2**63", 2**63), ("-10**40", -10**40),
    ("0.1", 0.1), ("1e16", 1e16), ("-0.0", -0.0), ("5e-324", 5e-324), ("nan", float("nan")),
    ("inf", float("inf")), ("-inf", float("-inf")),
    ("complex", 1 + 2j), ("complex non-finite", complex(float("inf"), -0.0)),
    ("str", "\u00e9\U0001F600\n\x00\x7f\"\\"), ("bytes", b"\x00\xff\x10"), ("empty bytes", b""),
    ("bytearray", bytearray(b"ab")),
    ("list", [1, [2, "x"]]), ("tuple", (1, (2,), [])), ("empty tuple", ()),
    ("set", {1, 2, 3}), ("frozenset", frozenset({7})), ("empty set", set()),
    ("dict order", {"b": 1, "a": 2}), ("dollar key", {"$x": 1, "y": 2}), ("non-str keys", {1: "a", (1, 2): "b", None: 0}),
    ("bool key", {True: 1}), ("frozenset key", {frozenset({1}): "f"}),
    ("datetime", dt.datetime(2024, 1, 2, 3, 4, 5, 123456)), ("datetime whole", dt.datetime(2024, 1, 2, 3, 4, 5)),
    ("datetime utc", dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)),
    ("datetime -05:30", dt.datetime(1999, 12, 31, 23, 59, 59, 1, tzinfo=dt.timezone(-dt.timedelta(hours=5, minutes=30)))),
    ("datetime offset seconds", dt.datetime(2024, 2, 29, 0, 0, tzinfo=dt.timezone(dt.timedelta(hours=1, seconds=30)))),
    ("datetime min", dt.datetime.min), ("datetime max", dt.datetime.max),
    ("date", dt.date(2024, 1, 2)), ("date min", dt.date(1, 1, 1)),
    ("time", dt.time(3, 4, 5)), ("time micro", dt.time(3, 4, 5, 6)), ("time tz", dt.time(23, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))),
    ("timedelta", dt.timedelta(days=-1, seconds=5, microseconds=7)), ("timedelta minus one us", dt.timedelta(microseconds=-1)),
    ("timedelta max", dt.timedelta.max),
    ("decimal", D("1.10")), ("decimal negative zero", D("-0")), ("decimal exponent", D("1E+2")), ("decimal nan", D("NaN")),
    ("decimal -inf", D("-Infinity")), ("decimal small", D("0.000001")), ("decimal smaller", D("1E-7")),
    ("mixed", {"user": "ada", "ids": (1, 2), "seen": dt.date(2024, 5, 6), "raw": b"k", "n": [None, 1.5]}),
]

for name, value in CASES:
    record = {"name": name, "repr": repr(value), "tagged": dumps_tagged(value)}
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
