#!/usr/bin/env python3
"""Writes the committed seed corpora, Fuzz/seeds/<target>/, from small grammars of each format.

Every seed is at most 4096 bytes (the cookie size). Deterministic: the same files every run.
Usage: python3 Fuzz/seeds/generate.py [TARGET...]   (from the repository root; needs PyYAML for YAML
seeds; with targets, only theirs are written again)
"""
import base64, collections, datetime, decimal, hashlib, hmac, json, os, pickle, random, shutil, struct, sys, zlib

ROOT = os.path.dirname(os.path.abspath(__file__))
MAX = 4096
rng = random.Random(20261202)


def scalars():
    return [None, True, False, 0, 1, -1, 255, 256, 65535, 65536, 2**31 - 1, -2**31, 2**63 - 1, -2**63, 2**64, -2**100,
            0.0, -0.0, 1.5, 1e300, float("inf"), float("nan"), "", "a", "é", "\u20ac", "\U0001F600", "x" * 300,
            b"", b"\x00\xff", bytearray(b"ab")]


def pyvalues():
    """Values a Python app keeps in a session, through every allowlisted type."""
    tz = datetime.timezone(datetime.timedelta(hours=-5, minutes=-30))
    out = scalars() + [
        (), (1,), (1, 2), (1, 2, 3), [], [1, [2, [3]]], {}, {"a": 1, "b": [1, 2]}, {1: "int key", (1, 2): "tuple key"},
        set(), {1, 2}, frozenset({"a"}), complex(1, -2), decimal.Decimal("1.10"), decimal.Decimal("-Infinity"),
        decimal.Decimal("1E+999"), datetime.date(2024, 2, 29), datetime.time(23, 59, 59, 999999),
        datetime.time(1, 2, tzinfo=tz), datetime.datetime(1, 1, 1), datetime.datetime(9999, 12, 31, 23, 59, 59, 999999),
        datetime.datetime(2024, 1, 2, 3, 4, 5, 6, tzinfo=datetime.timezone.utc), datetime.datetime(2024, 1, 2, tzinfo=tz),
        datetime.timedelta(days=999999999, seconds=86399, microseconds=999999), datetime.timedelta(days=-999999999),
        datetime.timedelta(0), collections.OrderedDict([("a", 1)]),
    ]
    shared = "s" * 100
    inner = [shared, shared]
    out += [[inner, inner, inner], {"k": inner, "l": (inner, inner)}]
    session = {"user_id": 42, "csrf": "x" * 40, "flash": [("message", "hi")], "_expires": 1700000000.0}
    out.append(session)
    for _ in range(20):
        out.append(random_value(3))
    return out


def random_value(depth):
    kind = rng.randrange(8 if depth > 0 else 5)
    if kind < 5:
        return rng.choice(scalars())
    if kind == 5:
        return [random_value(depth - 1) for _ in range(rng.randrange(4))]
    if kind == 6:
        return tuple(random_value(depth - 1) for _ in range(rng.randrange(4)))
    return {str(i): random_value(depth - 1) for i in range(rng.randrange(4))}


def write(target, name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) <= MAX:
        with open(os.path.join(ROOT, target, name), "wb") as f:
            f.write(data)


def pickles():
    n = 0
    for value in pyvalues():
        for protocol in range(0, 6):
            try:
                data = pickle.dumps(value, protocol=protocol)
            except Exception:
                continue
            write("FuzzPickle", "p%03d-%d" % (n, protocol), data)
        n += 1
    # Hand-written forms Python 2 and old picklers write, and calls of allowlisted globals.
    hand = [
        b"I010\n.", b"L1L\n.", b"F1e999\n.", b"S'abc'\np0\n.", b"Vcaf\\u00e9\n.", b"(lp0\nI1\naI2\na.",
        b"(dp0\nS'a'\nI1\ns.", b"cdatetime\ntimedelta\n(I1\nI2\nI3\ntR.",
        b"cdatetime\ntimezone\n(cdatetime\ntimedelta\n(I0\nI3600\nI0\ntRtR.",
        b"c__builtin__\nset\n((lI1\naI2\natR.", b"c_codecs\nencode\n(X\x02\x00\x00\x00\xc3\xa9X\x06\x00\x00\x00latin1tR.",
        b"ccopy_reg\n_reconstructor\n(c__builtin__\nobject\nc__builtin__\nobject\nNtR.",
        b"\x80\x02cdecimal\nDecimal\nX\x04\x00\x00\x001.10\x85R.",
        b"\x80\x04\x95\x10\x00\x00\x00\x00\x00\x00\x00\x8c\x08builtins\x8c\x03set\x93]\x85R.",
        b"\x80\x04X\x03\x00\x00\x00abc\x94(h\x00h\x00h\x00l\x94(h\x01h\x01l.",
        b"\x80\x02\x8a\x09" + b"\xff" * 9 + b".", b"\x80\x02\x8b\x10\x00\x00\x00" + b"\x7f" * 16 + b".",
        b"\x80\x04\x8c\x01a\x94\x8c\x01b\x94\x86\x94.", b"\x80\x05\x96\x03\x00\x00\x00\x00\x00\x00\x00abc.",
        b"cos\nsystem\n(S'true'\ntR.",
    ]
    for i, data in enumerate(hand):
        write("FuzzPickle", "hand%02d" % i, data)


def yamls():
    import yaml
    n = 0
    for value in pyvalues():
        try:
            text = yaml.safe_dump(value, default_flow_style=rng.choice([True, False, None]))
        except Exception:
            continue
        write("FuzzYAML", "y%03d" % n, text)
        n += 1
    hand = [
        "a: &a [1, 2]\nb: *a\n", "base: &b {x: 1}\nderived:\n  <<: *b\n  y: 2\n", "? [1, 2]\n: tuple key\n",
        "!!set {a, b}\n", "!!omap [a: 1, b: 2]\n", "!!pairs [a: 1, a: 2]\n", "!!binary R0lGODlh\n",
        "- 0x1F\n- 0o17\n- 0b101\n- 1_000\n- 190:20:30\n- 6.8523015e+5\n- .inf\n- -.Inf\n- .NaN\n- 1e999\n",
        "- yes\n- No\n- on\n- OFF\n- ~\n- null\n- ''\n", "- 2001-12-14t21:59:43.10-05:00\n- 2002-12-14\n- 2001-12-14 21:59:43.10 -5\n",
        "--- |\n  literal\n  text\n--- >\n  folded\n  text\n", "%YAML 1.1\n---\n!!str 12\n", "\"\\x41\\u00e9\\U0001F600\\N\"\n",
        "'it''s'\n", "{a: [b, {c: d}], e: !!float 1}\n", "!!python/tuple [1, 2]\n", "!!python/object/apply:os.system [true]\n",
        "s: &s " + "y" * 200 + "\nt: [*s, *s, *s, *s]\n",
    ]
    for i, text in enumerate(hand):
        write("FuzzYAML", "hand%02d" % i, text)


def jsons():
    n = 0
    for value in pyvalues():
        try:
            text = json.dumps(value, ensure_ascii=rng.choice([True, False]))
        except Exception:
            continue
        write("FuzzJSON", "j%03d" % n, text)
        n += 1
    hand = ["NaN", "[Infinity, -Infinity]", '"\\ud800"', '"\\ud83d\\ude00"', "1e400", "-0", "123456789012345678901234567890",
            '{"a": 1, "a": 2}', " [1 , 2 ] ", '{"$tuple": [1]}', "[" * 100 + "]" * 100, "1.0e-400", '"\\u0000"']
    for i, text in enumerate(hand):
        write("FuzzJSON", "hand%02d" % i, text)


def packb(value):
    """A minimal msgpack encoder (as msgpack-python's packb with use_bin_type)."""
    if value is None:
        return b"\xc0"
    if value is True:
        return b"\xc3"
    if value is False:
        return b"\xc2"
    if isinstance(value, int):
        if 0 <= value < 128:
            return bytes([value])
        if -32 <= value < 0:
            return struct.pack("b", value)
        for fmt, code, lo, hi in [("B", 0xCC, 0, 255), ("H", 0xCD, 0, 65535), ("I", 0xCE, 0, 2**32 - 1), ("Q", 0xCF, 0, 2**64 - 1),
                                  ("b", 0xD0, -128, 127), ("h", 0xD1, -2**15, 2**15 - 1), ("i", 0xD2, -2**31, 2**31 - 1),
                                  ("q", 0xD3, -2**63, 2**63 - 1)]:
            if lo <= value <= hi:
                return bytes([code]) + struct.pack(">" + fmt, value)
        raise ValueError
    if isinstance(value, float):
        return b"\xcb" + struct.pack(">d", value)
    if isinstance(value, str):
        data = value.encode("utf-8")
        if len(data) < 32:
            return bytes([0xA0 | len(data)]) + data
        return (b"\xd9" + bytes([len(data)]) if len(data) < 256 else b"\xda" + struct.pack(">H", len(data))) + data
    if isinstance(value, (bytes, bytearray)):
        return (b"\xc4" + bytes([len(value)]) if len(value) < 256 else b"\xc5" + struct.pack(">H", len(value))) + bytes(value)
    if isinstance(value, (list, tuple)):
        head = bytes([0x90 | len(value)]) if len(value) < 16 else b"\xdc" + struct.pack(">H", len(value))
        return head + b"".join(packb(v) for v in value)
    if isinstance(value, dict):
        head = bytes([0x80 | len(value)]) if len(value) < 16 else b"\xde" + struct.pack(">H", len(value))
        return head + b"".join(packb(k) + packb(v) for k, v in value.items())
    raise ValueError


def msgpacks():
    n = 0
    for value in pyvalues():
        try:
            data = packb(value)
        except Exception:
            continue
        write("FuzzMessagePack", "m%03d" % n, data)
        n += 1
    hand = [
        b"\xd6\xff\x00\x00\x00\x00", b"\xd7\xff" + struct.pack(">Q", (999999999 << 34) | 1700000000),
        b"\xc7\x0c\xff" + struct.pack(">Iq", 999999999, -62135596800), b"\xc7\x0c\xff" + struct.pack(">Iq", 0, 253402300799),
        b"\xd4\x01\x00", b"\xc7\x03\x05abc", b"\xdc\x00\x02\xc0\xc0", b"\xdf\x00\x00\x00\x01\xa1a\x01", b"\xca\x7f\x80\x00\x00",
        b"\x82\x01\x02\x01\x03", b"\x81\x91\x01\x02", b"\xdb\x00\x00\x00\x01a",
    ]
    for i, data in enumerate(hand):
        write("FuzzMessagePack", "hand%02d" % i, data)


def cookie(items, key=b"k"):
    """A Werkzeug 0.16.1 SecureCookie: base64(HMAC-SHA1)?k=base64(json)&..., signed with `key`."""
    mac = hmac.new(key, None, hashlib.sha1)
    result = []
    for name, value in sorted(items.items()):
        result.append(("%s=%s" % (name, base64.b64encode(value).decode("ascii"))).encode("ascii"))
        mac.update(b"|" + result[-1])
    return b"?".join([base64.b64encode(mac.digest()).strip(), b"&".join(result)])


def cookies():
    n = 0
    for value in pyvalues():
        try:
            data = json.dumps(value).encode()
        except Exception:
            continue
        write("FuzzCookie", "c%03d" % n, cookie({"v": data, "_expires": b"1700000000"}))
        n += 1
    write("FuzzCookie", "hand00", cookie({}))
    write("FuzzCookie", "hand01", cookie({"a": b"1", "b": b"[1, 2]", "c%3D": b'"x"'}))
    write("FuzzCookie", "hand02", b"bad?a=MA==&b")
    write("FuzzCookie", "hand03", b'"' + cookie({"a": b"1"}) + b'"')


def signed():
    # First byte: 0 json, 1 pickle, 2 yaml, 3 msgpack (FuzzSignedCookie's order); the rest is the value.
    for codec, target in enumerate(["FuzzJSON", "FuzzPickle", "FuzzYAML", "FuzzMessagePack"]):
        names = sorted(os.listdir(os.path.join(ROOT, target)))
        for name in names[:: max(1, len(names) // 40)]:
            with open(os.path.join(ROOT, target, name), "rb") as f:
                write("FuzzSignedCookie", "%d-%s" % (codec, name), bytes([codec]) + f.read()[: MAX - 1])


def flasks():
    # First byte: 0 the session's JSON, 1 the JSON deflated when shorter, 2 a zlib stream, 3 the payload
    # field's text (FuzzFlask's modes); Flask's session JSON as its TaggedJSONSerializer writes it.
    sessions = [
        b'{"a":1}', b'{"b":{" b":"AP8="},"t":{" t":[1,2]},"user_id":42}',
        b'{"d":{" d":"Tue, 02 Jan 2024 03:04:05 GMT"},"m":{" m":"<b>x</b>"},"u":{" u":"00000000000000000000000000000001"}}',
        b'{" di":{" t__":1}}', b'{"blob":"' + b"ab" * 100 + b'"}', b'{}',
        b'{"_flashes":{" t":[{" t":["message","hi"]}]},"_fresh":true,"_id":"' + b"f" * 128 + b'","csrf_token":"' + b"0" * 40 + b'"}',
        b'{"x":{" t":"abc"},"y":{" b":"not base64!"},"z":{" u":"{0123456789abcdef0123456789abcdef}"},"w":{" d":"junk"}}',
        b'{"v":{" di":{"x__":1}},"e":{" t":[],"k":1},"n":[NaN,Infinity,-Infinity],"s":"\\ud800","i":' + b"7" * 3000 + b"}",
        b'{"d":{" d":"02 Jan 2024 03:04:05 +0200"},"o":{" d":"01 Jan 0001 00:00:00 +0100"},"m":{" m":5}}',
        b'[["a",1],"bc"]', b'null',
    ]
    for i, data in enumerate(sessions):
        for mode in (0, 1):
            write("FuzzFlask", "s%02d-%d" % (i, mode), bytes([mode]) + data)
        write("FuzzFlask", "s%02d-2" % i, b"\x02" + zlib.compress(data))
    write("FuzzFlask", "text0", b"\x03eyJhIjoxfQ")
    write("FuzzFlask", "text1", b"\x03.eJyrVkpMUrJSSkxSqgUAFXUDaQ")
    write("FuzzFlask", "text2", b"\x03eyJhIjoxfQ!!!!")
    write("FuzzFlask", "zlib1", b"\x02" + zlib.compress(b'{"i":' + b"7" * 4301 + b"}"))
    write("FuzzFlask", "zlib0", b"\x02" + zlib.compress(b'{"a":"' + b"x" * 3000000 + b'"}', 9)[:4000])


def main():
    targets = ["FuzzPickle", "FuzzYAML", "FuzzJSON", "FuzzMessagePack", "FuzzCookie", "FuzzSignedCookie", "FuzzFlask"]
    only = sys.argv[1:] or targets
    for target in only:
        shutil.rmtree(os.path.join(ROOT, target), ignore_errors=True)
        os.makedirs(os.path.join(ROOT, target))
    makers = {"FuzzPickle": pickles, "FuzzYAML": yamls, "FuzzJSON": jsons, "FuzzMessagePack": msgpacks,
              "FuzzCookie": cookies, "FuzzSignedCookie": signed, "FuzzFlask": flasks}
    for target in targets:  # in this order: FuzzSignedCookie samples the codecs' seeds
        if target in only:
            makers[target]()


if __name__ == "__main__":
    main()
