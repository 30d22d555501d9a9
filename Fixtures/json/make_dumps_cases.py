"""Records what Python's json.dumps(value) writes for a corpus of tricky values.

Run with /tmp/venv/bin/python (CPython 3.11): python make_dumps_cases.py > dumps-cases.jsonl
Each line: {"name", "input": tagged JSON text of the value (see tagged.py), and either
"dumps": json.dumps(value) exactly, or "error": the exception class json.dumps raised}.
"""
import datetime
import decimal
import json
import sys

from tagged import dumps_tagged

nested = []
for _ in range(50):
    nested = [nested, {"k": nested and 1}]

CASES = [
    ("none", None), ("true", True), ("false", False),
    ("zero", 0), ("minus one", -1), ("int64 max", 2**63 - 1), ("int64 min", -2**63),
    ("2**63", 2**63), ("-2**63-1", -2**63 - 1), ("2**64", 2**64), ("10**30", 10**30), ("-10**100", -10**100),
    ("4300 digits", 10**4299), ("-4300 digits", -(10**4299)),
    ("float zero", 0.0), ("negative zero", -0.0), ("one", 1.0), ("0.1", 0.1), ("1e16", 1e16), ("1e15", 1e15),
    ("1e-05", 1e-5), ("0.0001", 0.0001), ("5e-324", 5e-324), ("max float", 1.7976931348623157e308),
    ("nan", float("nan")), ("inf", float("inf")), ("-inf", float("-inf")), ("1e22", 1e22), ("2.5e-07", 2.5e-7),
    ("100.0", 100.0), ("0.30000000000000004", 0.1 + 0.2), ("123456789.123", 123456789.123), ("-1.5e+300", -1.5e300),
    ("2**53+1 float", 9007199254740993.0),
    ("empty string", ""), ("ascii", "abc"), ("e acute", "\u00e9"), ("euro", "\u20ac"), ("astral", "\U0001F600"),
    ("max code point", "\U0010FFFF"), ("uffff", "\uffff"), ("bom char", "\ufeff"), ("line separators", "\u2028\u2029"),
    ("controls", "".join(chr(c) for c in range(0x20))), ("del and c1", "\x7f\x80\x9f\xa0\xff"),
    ("short escapes", "\b\f\n\r\t\"\\/"), ("decomposed", "e\u0301"), ("cjk", "\u65e5\u672c\u8a9e"),
    ("mixed", "a\u00e9\U0001F600\n\"z"), ("nul", "\x00"), ("slash", "a/b"),
    ("empty list", []), ("empty dict", {}), ("empty tuple", ()), ("list", [1, "a", None, True, 2.5]),
    ("tuple", (1, (2, 3), [4])), ("nested", {"a": [1, {"b": (2, "c")}], "d": {}}),
    ("dict order", {"b": 1, "a": 2, "c": 3}), ("deep", nested),
    ("int keys", {1: "a", -2: "b", 2**70: "c"}), ("float keys", {2.5: "a", -0.0: "b", 1e16: "c", 0.1: "d"}),
    ("non-finite keys", {float("nan"): 1, float("inf"): 2, float("-inf"): 3}),
    ("bool and none keys", {True: 1, False: 2, None: 3}),
    ("colliding keys", {1: "int", "1": "str"}), ("colliding none", {None: 1, "null": 2}),
    ("non-ascii key", {"\u00e9\U0001F600": "v"}), ("escape key", {"a\"b\\c\n": 1}),
    ("werkzeug example", {"x": 42, "a b/\u00e9": "v"}),
    # refused by json.dumps
    ("bytes", b"abc"), ("bytearray", bytearray(b"abc")), ("set", {1}), ("frozenset", frozenset([1])),
    ("datetime", datetime.datetime(2024, 1, 2, 3, 4, 5)), ("date", datetime.date(2024, 1, 2)),
    ("time", datetime.time(3, 4, 5)), ("timedelta", datetime.timedelta(1)), ("decimal", decimal.Decimal("1.10")),
    ("complex", 1 + 2j), ("tuple key", {(1, 2): 3}), ("bytes key", {b"k": 1}), ("frozenset key", {frozenset(): 1}),
    ("bytes in list", [1, b"x"]), ("set in dict", {"a": {2}}), ("decimal key", {decimal.Decimal("1.5"): 1}),
    # An int of more than 4300 digits (ValueError in json.dumps) cannot be written in tagged JSON either;
    # the Swift tests build one from bytes instead.
]

for name, value in CASES:
    record = {"name": name, "input": dumps_tagged(value)}
    try:
        record["dumps"] = json.dumps(value)
    except Exception as error:  # noqa: BLE001 - the class is the expectation
        record["error"] = type(error).__name__
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
