"""Writes reader test cases: pickles CPython makes of plain values, with the expected value.

Run with CPython 3.11 (/tmp/venv/bin/python make_cases.py); it writes next to itself. Each line of
cases.jsonl has: name, protocol, pickle (base64 of pickle.dumps(value, protocol)), expected
(tagged JSON of the value, as Plugins/SecureCookieJSON/Docs.docc/TaggedJSONFormat.md describes it, by Interop/tagged.py).
The order of the str frozenset depends on the hash seed: the committed file has ["b", "a"], which
PYTHONHASHSEED=2 gives.
"""
import base64, collections, datetime, decimal, json, os, pickle, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "Interop"))
from tagged import to_tagged  # noqa: E402  (Interop/tagged.py)


utc = datetime.timezone.utc
east = datetime.timezone(datetime.timedelta(hours=5, minutes=30))
west = datetime.timezone(datetime.timedelta(hours=-8), "PST")
VALUES = {
    "none": None, "true": True, "false": False,
    "zero": 0, "small": 42, "byte_edge": 255, "short_edge": 65535, "neg": -1, "int32_min": -2**31,
    "int32_max": 2**31 - 1, "int64_max": 2**63 - 1, "int64_min": -2**63, "big": 2**64, "neg_big": -2**100 - 7,
    "huge": 7**1200,
    "float": 1.5, "neg_zero": -0.0, "tiny": 5e-324, "inf": float("inf"), "ninf": float("-inf"), "nan": float("nan"),
    "float_repr": 0.1, "float_exp": 1e300,
    "complex": 3 - 4.5j,
    "str_empty": "", "str": "hello", "str_unicode": "π€😀\u00e9", "str_escapes": "a\\b\nc\r\u0000 \\u1234 '\"",
    "str_long": "x" * 300,
    "bytes_empty": b"", "bytes": b"\x00\x01\xff abc", "bytes_long": bytes(range(256)) * 2,
    "bytearray_empty": bytearray(), "bytearray": bytearray(b"\x00xyz\xff"),
    "list_empty": [], "list": [1, "two", 3.0, None], "list_long": list(range(1500)),
    "tuple_empty": (), "tuple1": (1,), "tuple2": (1, 2), "tuple3": (1, 2, 3), "tuple4": (1, 2, 3, 4),
    "nested": [[1, [2, (3, [4])]], {"a": {"b": [None]}}],
    "dict_empty": {}, "dict": {"b": 1, "a": 2, "c": [3]}, "dict_keys": {1: "int", 2.5: "float", (1, 2): "tuple", None: 0, b"k": 1},
    "dict_long": {str(i): i for i in range(1200)},
    "set_empty": set(), "set": {1, 2, 3}, "frozenset_empty": frozenset(), "frozenset": frozenset({"a", "b"}),
    "set_of_tuples": {(1, 2), (3, 4)},
    "date": datetime.date(2024, 2, 29), "date_min": datetime.date.min, "date_max": datetime.date.max,
    "datetime": datetime.datetime(2024, 1, 2, 3, 4, 5, 123456), "datetime_utc": datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=utc),
    "datetime_east": datetime.datetime(2001, 9, 9, 1, 46, 40, tzinfo=east),
    "datetime_west": datetime.datetime(1999, 12, 31, 23, 59, 59, 999999, tzinfo=west),
    "datetime_fold": datetime.datetime(2021, 11, 7, 1, 30, fold=1),
    "time": datetime.time(13, 14, 15, 16), "time_utc": datetime.time(1, 2, 3, tzinfo=utc), "time_midnight": datetime.time(),
    "timedelta": datetime.timedelta(days=-3, seconds=5, microseconds=7), "timedelta_max": datetime.timedelta.max,
    "decimal": decimal.Decimal("1.10"), "decimal_neg_exp": decimal.Decimal("-1.5E-30"), "decimal_nan": decimal.Decimal("NaN"),
    "decimal_inf": decimal.Decimal("-Infinity"),
    "ordered_dict": collections.OrderedDict([("z", 1), ("a", 2)]),
    "werkzeug_example": {"foo": 42, "baz": (1, 2, 3)},
    "session": {"user_id": 12345, "csrf_token": "0123456789abcdef0123456789abcdef", "_fresh": True,
                "cart": [(1, 2), (3, 1)], "flashes": [("message", "Logged in")], "seen": datetime.datetime(2024, 5, 6, 7, 8, 9),
                "_permanent": True},
}


def expected(name, value):
    if isinstance(value, collections.OrderedDict):
        value = dict(value)
    return to_tagged(value)


with open(os.path.join(HERE, "cases.jsonl"), "w") as out:
    for name, value in VALUES.items():
        for proto in range(6):
            data = pickle.dumps(value, protocol=proto)
            assert pickle.loads(data) == value or name in ("nan", "decimal_nan"), name
            out.write(json.dumps({"name": name, "protocol": proto, "pickle": base64.b64encode(data).decode(),
                                  "expected": expected(name, value)}, ensure_ascii=False) + "\n")
