#!/usr/bin/env python3
"""Records real Python `msgpack` (and Werkzeug 0.16.1) output for the Swift MessagePack codec's tests.

Run with a Python 3 that has msgpack and werkzeug==0.16.1 (this project uses /tmp/venv/bin/python):

    python3 Fixtures/msgpack/make_fixtures.py

The reference cookie codec is

    dumps = msgpack.packb(value, use_bin_type=True, datetime=True)
    loads = msgpack.unpackb(data, raw=False, strict_map_key=False, timestamp=3)

Files written next to this script (values in tagged JSON, Plugins/SecureCookieJSON/Docs.docc/TaggedJSONFormat.md):

- roundtrip.jsonl: {"name", "value", "msgpack": hex of packb(value), "loaded": unpackb of those bytes}
  ("loaded" is absent and "loads_error" present when unpackb refuses what packb wrote).
- decode.jsonl: hand-made inputs {"name", "msgpack": hex} with what unpackb does: "value", or
  "error" (the Python exception) and "kind" (the SecureCookieError kind expected of the Swift codec:
  TypeError (an unhashable key), an ExtType result and an ext type ExtType cannot hold (negative
  codes other than -1) are "refused"; every other failure is "undecodable").
- unrepresentable.jsonl: {"name", "value", "error"}: values packb refuses.
- conformance-python.jsonl: {"group", "index", "packb", "position", "unpacked"} for every case of
  Fixtures/conformance/msgpack-test-suite: packb's bytes for the case's value (timestamps as the
  datetime unpackb gives), their position in the case's list of encodings (-1 when absent), and
  unpackb's result ({"value"} or {"error"}) for each listed encoding.
- werkzeug-cookies.jsonl: {"name", "secret", "cookie", "data"}: cookies serialized by Werkzeug 0.16.1's
  SecureCookie with the codec above, and the data that SecureCookie.unserialize gives back.
"""
import datetime
import decimal
import json
import os
import struct
import sys
import warnings

import msgpack

sys.setrecursionlimit(20000)
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "Interop"))
import tagged  # noqa: E402  (Interop/tagged.py)

UTC = datetime.timezone.utc


def packb(value):
    return msgpack.packb(value, use_bin_type=True, datetime=True)


def unpackb(data):
    return msgpack.unpackb(data, raw=False, strict_map_key=False, timestamp=3)


class NotTaggable(Exception):
    pass


def _refuse_ext(v):
    """Raises NotTaggable for an ExtType anywhere in v, keys before values as to_tagged meets them."""
    if isinstance(v, msgpack.ExtType):
        raise NotTaggable("ExtType(%d)" % v.code)
    if isinstance(v, (list, tuple, set, frozenset)):
        for x in v:
            _refuse_ext(x)
    elif isinstance(v, dict):
        for k, x in v.items():
            _refuse_ext(k)
            _refuse_ext(x)


def to_tagged(v):
    """The tagged-JSON tree of a Python value (Interop/tagged.py), raising NotTaggable for what has none.

    The one difference from tagged.to_tagged is on purpose: an unpackb result holding an ExtType is a
    result the Swift codec refuses, but ExtType is a namedtuple, which tagged.to_tagged would show as a
    $tuple; so it is looked for first, and the TypeError of any other untaggable type is NotTaggable too.
    """
    _refuse_ext(v)
    try:
        return tagged.to_tagged(v)
    except TypeError as why:
        raise NotTaggable(str(why))


def nest(depth, inner=0):
    for _ in range(depth):
        inner = [inner]
    return inner


def aware(*fields, offset_minutes=0):
    return datetime.datetime(*fields, tzinfo=datetime.timezone(datetime.timedelta(minutes=offset_minutes)))


ROUNDTRIP = [
    ("none", None), ("true", True), ("false", False),
    # integers at every boundary of every form
    *[("int %d" % n, n) for n in [
        0, 1, 127, 128, 255, 256, 65535, 65536, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 63 - 1,
        -1, -31, -32, -33, -127, -128, -129, -32767, -32768, -32769, -(2 ** 31) + 1, -(2 ** 31), -(2 ** 31) - 1,
        -(2 ** 32), -(2 ** 63) + 1, -(2 ** 63)]],
    ("uint64 2**63", 2 ** 63), ("uint64 max", 2 ** 64 - 1), ("uint64 2**63+12345", 2 ** 63 + 12345),
    # floats are always float 64
    *[("float %r" % f, f) for f in [
        0.0, -0.0, 0.5, -0.5, 1.0, 0.1, 1.5, 3.141592653589793, 1e16, 1e300, -1e-300, 5e-324,
        1.7976931348623157e308, float("inf"), float("-inf"), float("nan")]],
    # strings: fixstr up to 31 bytes, then str 8, str 16, str 32
    ("str empty", ""), ("str a", "a"), ("str 31", "x" * 31), ("str 32", "y" * 32), ("str 255", "z" * 255),
    ("str 256", "w" * 256), ("str 65536", "u" * 65536),
    ("str latin", "caf\u00e9"), ("str cjk", "\u65e5\u672c\u8a9e"), ("str emoji", "\U0001F36A cookie"),
    ("str combining", "e\u0301"), ("str controls", "tab\there\nnul\x00del\x7f"),
    ("str 11 euro signs (33 bytes)", "\u20ac" * 11), ("str max scalar", "\U0010FFFF"),
    # bytes and bytearray are bin 8/16/32
    ("bytes empty", b""), ("bytes 00 ff", b"\x00\xff"), ("bytes 255", bytes(range(255))),
    ("bytes 256", bytes(range(256))), ("bytes 65536", bytes(65536)), ("bytearray", bytearray(b"ab\x00")),
    # arrays: fixarray up to 15, array 16, array 32
    ("list empty", []), ("list one", [1]), ("list 15", list(range(15))), ("list 16", list(range(16))),
    ("list 65536", [0] * 65536), ("list mixed", [None, True, 1, -1.5, "s", b"b", [], {}]),
    ("list nested", [[[[]]], [{}], [1, [2, [3]]]]), ("tuple", (1, 2, (3, "x"))), ("tuple empty", ()),
    ("nest 100", nest(99)), ("nest 1024 (packb's limit)", nest(1024)),
    # maps: fixmap up to 15, map 16, map 32; keys of any type, in insertion order
    ("dict empty", {}), ("dict a", {"a": 1}), ("dict order kept", {"b": 1, "a": 2, "c": 3}),
    ("dict 15", {str(i): i for i in range(15)}), ("dict 16", {str(i): i for i in range(16)}),
    ("dict int keys", {1: "one", -2: "minus two", 2 ** 64 - 1: "max"}),
    ("dict mixed keys", {None: 0, True: 1, 2.5: 2, b"k": 3, "s": 4, -7: 5}),
    ("dict tuple key", {(1, 2): "pair"}), ("dict $ key", {"$tuple": 1}),
    ("dict nested", {"user": {"id": 42, "roles": ["admin", "dev"]}, "cart": [{"sku": "A-1", "qty": 2}]}),
    ("dict datetime key", {aware(2020, 2, 29, 12): "leap"}),
    # aware datetimes are timestamps: 32-bit when whole seconds fit in 32 bits, 64-bit up to 2**34 s, else 96-bit
    ("datetime epoch", aware(1970, 1, 1)), ("datetime 2018", aware(2018, 1, 2, 3, 4, 5)),
    ("datetime 2018 with microseconds", aware(2018, 1, 2, 3, 4, 5, 678901)),
    ("datetime 2106 last ts32", aware(2106, 2, 7, 6, 28, 15)), ("datetime 2106 first ts64", aware(2106, 2, 7, 6, 28, 16)),
    ("datetime 2514 last ts64", aware(2514, 5, 30, 1, 53, 3, 999999)), ("datetime 2514 first ts96", aware(2514, 5, 30, 1, 53, 4)),
    ("datetime before epoch", aware(1969, 12, 31, 23, 59, 59, 1)), ("datetime 1900", aware(1900, 1, 1)),
    ("datetime min", aware(1, 1, 1)), ("datetime max", aware(9999, 12, 31, 23, 59, 59, 999999)),
    ("datetime +05:30", aware(2024, 1, 2, 3, 4, 5, 6, offset_minutes=330)),
    ("datetime -08:00", aware(2024, 1, 2, 3, 4, 5, offset_minutes=-480)),
    ("datetime +23:59", aware(2024, 1, 1, offset_minutes=23 * 60 + 59)),
    ("session", {"user_id": 42, "username": "alice", "logged_in": True, "cart": [{"sku": "A-1", "qty": 2}],
                 "theme": None, "seen": aware(2024, 5, 1, 8, 30)}),
]

UNREPRESENTABLE = [
    ("set", {1, 2}), ("frozenset", frozenset([1])), ("naive datetime", datetime.datetime(2024, 1, 2, 3, 4, 5)),
    ("date", datetime.date(2024, 1, 2)), ("time", datetime.time(3, 4, 5)), ("aware time", datetime.time(3, 4, 5, tzinfo=UTC)),
    ("timedelta", datetime.timedelta(days=1)), ("decimal", decimal.Decimal("1.10")), ("complex", complex(1, 2)),
    ("int 2**64", 2 ** 64), ("int -2**63-1", -(2 ** 63) - 1), ("huge int", 10 ** 30),
    ("set in a list", [1, {2}]), ("naive datetime in a dict", {"at": datetime.datetime(2024, 1, 2)}),
    ("decimal as a dict key", {decimal.Decimal("1"): 1}), ("nest 1025", nest(1025)),
]


def ts96(seconds, nanoseconds):
    return b"\xc7\x0c\xff" + struct.pack(">Iq", nanoseconds, seconds)


def ts64(seconds, nanoseconds):
    return b"\xd7\xff" + struct.pack(">Q", nanoseconds << 34 | seconds)


DECODE = [
    # integers in every width, also non-minimal forms, which unpackb accepts
    ("uint8 1", "cc01"), ("uint16 1", "cd0001"), ("uint32 1", "ce00000001"), ("uint64 1", "cf0000000000000001"),
    ("int8 1", "d001"), ("int16 1", "d10001"), ("int32 1", "d200000001"), ("int64 1", "d30000000000000001"),
    ("int8 -1", "d0ff"), ("int16 -1", "d1ffff"), ("int32 -1", "d2ffffffff"), ("int64 -1", "d3ffffffffffffffff"),
    ("int8 min", "d080"), ("int16 min", "d18000"), ("int32 min", "d280000000"), ("int64 min", "d38000000000000000"),
    ("int64 max", "d37fffffffffffffff"), ("uint64 max", "cfffffffffffffffff"), ("uint64 2**63", "cf8000000000000000"),
    ("uint32 max", "ceffffffff"), ("negative fixint -32", "e0"), ("positive fixint 127", "7f"),
    # float 32 widens to a double, float 64 is exact
    ("float32 1.5", "ca3fc00000"), ("float32 0.1", "ca3dcccccd"), ("float32 -0.0", "ca80000000"),
    ("float32 inf", "ca7f800000"), ("float32 -inf", "caff800000"), ("float32 nan", "ca7fc00000"),
    ("float32 smallest subnormal", "ca00000001"), ("float64 nan payload", "cb7ff0000000000001"),
    # str and bin in longer forms than needed
    ("str8 a", "d90161"), ("str16 a", "da000161"), ("str32 a", "db0000000161"), ("str8 empty", "d900"),
    ("bin16 01", "c5000101"), ("bin32 01", "c6000000" "0101"), ("array16 [1]", "dc000101"),
    ("array32 [1]", "dd0000000101"), ("map16 {1: 2}", "de00010102"), ("map32 {1: 2}", "df000000010102"),
    # map keys: any hashable key; a later duplicate replaces the value and keeps the first key
    ("bin key", "81c4016101"), ("nil key", "81c001"), ("float key", "81cb3ff800000000000001"),
    ("nan key", "81cb7ff800000000000001"), ("duplicate keys", "82a161 01 a161 02"),
    ("int then equal float key", "82 01 a178 cb3ff0000000000000 a179"), ("true then 1 key", "82 c3 01 01 02"),
    ("timestamp key", "81d6ff0000000001"),
    ("array key", "81910102"), ("map key", "8181010203"), ("map key, value missing", "81810102"), ("empty array key", "819001"), ("empty map key", "818001"),
    ("array key nested in a value", "81a161 81 9101 02"),
    # timestamps in all three sizes; nanoseconds are truncated to microseconds
    ("ts32 0", "d6ff00000000"), ("ts32 max", "d6ffffffffff"), ("ts64 0+999ns", ts64(0, 999).hex()),
    ("ts64 0+1500ns", ts64(0, 1500).hex()), ("ts64 max nanos", ts64(2 ** 34 - 1, 999999999).hex()),
    ("ts96 -1s+500ns", ts96(-1, 500).hex()), ("ts96 -1s+999999999ns", ts96(-1, 999999999).hex()),
    ("ts96 year 1", ts96(-62135596800, 0).hex()), ("ts96 year 9999 last ns", ts96(253402300799, 999999999).hex()),
    ("ts96 small positive", ts96(1, 0).hex()), ("ts32 as ext8", "c704ff00000001"),
    ("ts96 before year 1", ts96(-62135596801, 999999999).hex()), ("ts96 after year 9999", ts96(253402300800, 0).hex()),
    ("ts96 int64 max", ts96(2 ** 63 - 1, 0).hex()), ("ts96 int64 min", ts96(-(2 ** 63), 0).hex()),
    ("ts64 nanos 10**9", ts64(0, 10 ** 9).hex()), ("ts64 nanos max field", "d7ffffffffffffffffff"),
    ("ts96 nanos 10**9", ts96(0, 10 ** 9).hex()),
    ("ts fixext1", "d4ff00"), ("ts fixext2", "d5ff0000"), ("ts fixext16", "d8ff" + "00" * 16), ("ts ext8 empty", "c700ff"),
    ("ts ext8 5 bytes", "c705ff0000000000"),
    # other extension types have no Python value here (unpackb gives ExtType)
    ("ext 1 fixext1", "d40110"), ("ext 127 fixext2", "d57f2021"), ("ext -128 fixext4", "d68030313233"),
    ("ext -2 fixext8", "d7fe" + "00" * 8), ("ext 5 fixext16", "d805" + "00" * 16), ("ext 6 empty ext8", "c70006"),
    ("ext 7 ext16", "c8000307707172"), ("ext 7 ext32", "c900000003" "07707172"), ("ext inside a list", "92 01 d40110"),
    ("ext as a map key", "81d4011001"),
    # invalid UTF-8 in str (raw=False decodes strictly)
    ("str lone continuation", "a180"), ("str ff", "a1ff"), ("str overlong slash", "a2c0af"),
    ("str surrogate d800", "a3eda080"), ("str above U+10FFFF", "a4f4908080"), ("str truncated sequence", "a2e282"),
    ("str8 invalid", "d901fe"),
    # structure errors
    ("empty", ""), ("reserved c1", "c1"), ("reserved c1 in a list", "91c1"), ("trailing nil", "c0c0"),
    ("trailing after map", "80 00"), ("truncated uint16", "cd01"), ("truncated float64", "cb3ff0"),
    ("truncated array", "9201"), ("truncated map value", "81a161"), ("truncated str", "a3616263"[:-2]),
    ("truncated str8 length", "d9"), ("truncated bin16 length", "c500"), ("truncated ext type", "c701"),
    ("truncated fixext payload", "d6ff0000"),
    ("map32 claiming 1098019425 pairs", "df41727261"), ("array32 claiming 2**32-1", "ddffffffff"),
    ("array16 claiming 65535", "dcffff01"), ("map16 claiming 65535", "deffff0101"),
    ("str32 claiming 2**32-1", "dbffffffff61"), ("bin32 claiming 2**32-1", "c6ffffffff00"),
    ("ext32 claiming 2**32-1", "c9ffffffff0100"), ("fixarray claiming 15 of 1", "9f01"),
]


def run_decode(name, hexdata):
    hexdata = hexdata.replace(" ", "")
    data = bytes.fromhex(hexdata)
    line = {"name": name, "msgpack": hexdata}
    try:
        value = unpackb(data)
    except Exception as error:  # what Python raises is the expectation
        line["error"] = "%s: %s" % (type(error).__name__, error)
        # An unhashable key is a TypeError; a reserved (negative) ext type other than the timestamp
        # fails building ExtType ("code must be 0~127"): both are constructs the codec refuses.
        refused = isinstance(error, TypeError) or "code must be 0~127" in str(error)
        line["kind"] = "refused" if refused else "undecodable"
        return line
    try:
        line["value"] = to_tagged(value)
    except NotTaggable as why:
        line["error"] = "result holds %s" % why
        line["kind"] = "refused"
    return line


def werkzeug_cookies():
    warnings.simplefilter("ignore")
    from werkzeug.contrib.securecookie import SecureCookie

    class MessagePack(object):
        @staticmethod
        def dumps(value):
            return packb(value)

        @staticmethod
        def loads(data):
            return unpackb(data)

    class MessagePackCookie(SecureCookie):
        serialization_method = MessagePack

    cases = [
        ("empty", b"k", {}),
        ("session", b"secret key", {"user_id": 42, "username": "alice", "logged_in": True,
                                    "cart": [{"sku": "A-1", "qty": 2}], "theme": None}),
        ("types", b"deadbeef", {"n": -129, "big": 2 ** 64 - 1, "f": 0.1, "nan": float("nan"), "b": b"\x00\xff",
                                "t": (1, 2, 3), "d": {1: "one", b"k": [None]}, "s": "caf\u00e9 \U0001F36A",
                                "at": aware(2024, 5, 1, 8, 30, 0, 123456), "before": aware(1900, 1, 1, offset_minutes=60)}),
        ("quoted keys", b"foo", {"a b/\u00e9": "v", "x&y=z": 1, "100%": 2}),
    ]
    out = []
    for name, secret, data in cases:
        cookie = MessagePackCookie(data, secret)
        text = cookie.serialize().decode("ascii")
        back = MessagePackCookie.unserialize(text, secret)
        assert dict(back) == {k: (list(v) if isinstance(v, tuple) else v) for k, v in data.items()} or name == "types"
        out.append({"name": name, "secret": secret.decode(), "cookie": text, "data": to_tagged(dict(back))})
    # one with an expiry far in the future: `_expires` is stored, and removed again when read
    cookie = MessagePackCookie({"x": 1}, b"k")
    text = cookie.serialize(expires=datetime.datetime(2100, 1, 1)).decode("ascii")
    out.append({"name": "expires 2100", "secret": "k", "cookie": text,
                "data": to_tagged(dict(MessagePackCookie.unserialize(text, b"k")))})
    return out


SUITE = os.path.join(HERE, "..", "conformance", "msgpack-test-suite", "msgpack-test-suite.json")


def conformance():
    """What Python does with every case of kawanet/msgpack-test-suite: packb of the case's value and
    unpackb of each listed encoding."""
    with open(SUITE, encoding="utf-8") as handle:
        suite = json.load(handle)
    out = []
    for group, cases in suite.items():
        for index, case in enumerate(cases):
            encodings = case["msgpack"]
            line = {"group": group, "index": index}
            value, encodable = None, True
            if "bignum" in case:
                value = int(case["bignum"])
            elif "binary" in case:
                value = bytes.fromhex(case["binary"].replace("-", ""))
            elif "timestamp" in case:
                seconds, nanoseconds = case["timestamp"]
                try:
                    value = msgpack.Timestamp(seconds, nanoseconds).to_datetime()
                except Exception as error:
                    encodable = False
                    line["packb_error"] = "%s: %s" % (type(error).__name__, error)
            elif "ext" in case:
                encodable = False
                line["packb_error"] = "ExtType(%d) is not a cookie value" % case["ext"][0]
            else:
                (key,) = [k for k in case if k != "msgpack"]
                value = case[key]
            if encodable:
                packed = packb(value).hex()
                dashed = "-".join(packed[i:i + 2] for i in range(0, len(packed), 2))
                line["packb"] = packed
                line["position"] = encodings.index(dashed) if dashed in encodings else -1
            unpacked = []
            for encoding in encodings:
                try:
                    unpacked.append({"value": to_tagged(unpackb(bytes.fromhex(encoding.replace("-", ""))))})
                except NotTaggable as why:
                    unpacked.append({"error": "result holds %s" % why})
                except Exception as error:
                    unpacked.append({"error": "%s: %s" % (type(error).__name__, error)})
            line["unpacked"] = unpacked
            out.append(line)
    return out


def write(name, lines):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as handle:
        for line in lines:
            handle.write(json.dumps(line, ensure_ascii=False, allow_nan=False) + "\n")


def main():
    roundtrip = []
    for name, value in ROUNDTRIP:
        data = packb(value)
        line = {"name": name, "value": to_tagged(value), "msgpack": data.hex()}
        try:
            line["loaded"] = to_tagged(unpackb(data))
        except Exception as error:
            line["loads_error"] = "%s: %s" % (type(error).__name__, error)
        roundtrip.append(line)
    unrepresentable = []
    for name, value in UNREPRESENTABLE:
        try:
            packb(value)
        except Exception as error:
            unrepresentable.append({"name": name, "value": to_tagged(value), "error": "%s: %s" % (type(error).__name__, error)})
        else:
            raise SystemExit("packb accepted %s" % name)
    write("roundtrip.jsonl", roundtrip)
    write("decode.jsonl", [run_decode(name, hexdata) for name, hexdata in DECODE])
    write("unrepresentable.jsonl", unrepresentable)
    write("werkzeug-cookies.jsonl", werkzeug_cookies())
    write("conformance-python.jsonl", conformance())
    import werkzeug
    print("msgpack %s, werkzeug %s, Python %s" % (msgpack.version, werkzeug.__version__, sys.version.split()[0]))


if __name__ == "__main__":
    main()
