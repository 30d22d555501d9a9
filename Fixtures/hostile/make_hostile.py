#!/usr/bin/env python3
"""Writes Fixtures/hostile/hostile.jsonl: hostile values, each correctly signed (the leaked-key
threat model) with the key `hostile-key`.

Werkzeug lines: {"codec", "name", "cookie", "expect": error kind, "why"}, the value of item `v` of
a SecureCookie signed with HMAC-SHA1. Every one must be refused with that kind, quickly and within a
small memory bound (see scripts/hostile.sh). Every field is a string (HostileCorpusTests reads these).

Lines with a Flask side carry `"now"`, a number (the clock of the run; HostileCorpusTests skips them):
- Flask session cookies, `"codec": "flask", "format": "flask"`: itsdangerous' framing with salt
  `cookie-session`, a derived key HMAC-SHA1(hostile-key, salt), `payload.timestamp.signature` in
  unpadded base64url, a leading `.` for zlib. The runners pass `--format flask --now NOW`. `expect`
  is the error kind Flask's own verdict maps to (bad-signature, expired, malformed, undecodable) or
  a limit of ours (limit-exceeded), or `ok` where Flask reads a value within our limits: then only
  the bounds are checked. `flask` (when given) is Flask's own verdict where one of our limits comes
  first; `to_werkzeug` (when given) is what `migrate --to-format werkzeug --to-codec json` must give
  for an `ok` line. check_flask_verdicts.py checks all this against Flask itself.
- Tagged-JSON lines for `encode --format flask` (`"entry": "encode"`, the line in `"input"`, no cookie).
- Werkzeug pickle cookies that read within the limits (`"expect": "ok"`) but are hostile to the
  Flask writer of `migrate --to-format flask`; `to_flask` is what that migration must give.
Deterministic: the same bytes every run (zlib 1.2.13; a seeded random).
Run: python3 Fixtures/hostile/make_hostile.py > Fixtures/hostile/hostile.jsonl
"""
import base64, hashlib, hmac, json, pickle, random, struct, sys, zlib

KEY = b"hostile-key"


def sign(payload):
    item = b"v=" + base64.b64encode(payload)
    mac = hmac.new(KEY, b"|" + item, hashlib.sha1).digest()
    return (base64.b64encode(mac) + b"?" + item).decode("ascii")


cases = []


def case(codec, name, payload, expect, why):
    cookie = sign(payload)
    assert len(cookie) <= 4096, (name, len(cookie))
    cases.append({"codec": codec, "name": name, "cookie": cookie, "expect": expect, "why": why})


# ---- pickle: code execution through every opcode path -------------------------------------------
P = "pickle"
case(P, "reduce-os-system-p0", b"cos\nsystem\n(S'id'\ntR.", "refused", "GLOBAL + REDUCE")
case(P, "reduce-posix-system-p2", b"\x80\x02cposix\nsystem\nq\x00X\x02\x00\x00\x00idq\x01\x85q\x02Rq\x03.", "refused", "protocol 2 REDUCE")
case(P, "stack-global-eval-p4", b"\x80\x04\x8c\x08builtins\x94\x8c\x04eval\x94\x93\x94\x8c\x02id\x94\x85\x94R\x94.", "refused", "STACK_GLOBAL + REDUCE")
case(P, "stack-global-subprocess", b"\x80\x04\x8c\nsubprocess\x8c\x05Popen\x93\x8c\x02id\x85R.", "refused", "subprocess.Popen")
case(P, "inst-os-system", b"(S'id'\nios\nsystem\n.", "refused", "INST")
case(P, "obj-os-system", b"(cos\nsystem\nS'id'\no.", "refused", "OBJ")
case(P, "newobj-os-system", b"\x80\x02cos\nsystem\n)\x81.", "refused", "NEWOBJ")
case(P, "newobj-ex-os-system", b"\x80\x04\x8c\x02os\x8c\x06system\x93)}\x92.", "refused", "NEWOBJ_EX")
case(P, "build-setstate", b"\x80\x02c__main__\nEvil\n)\x81}b.", "refused", "BUILD on an unknown class")
case(P, "dotted-name", b"\x80\x04\x8c\x08builtins\x8c\x13__import__.__call__\x93.", "refused", "dotted attribute path")
case(P, "os-path-join", b"\x80\x04\x8c\x07os.path\x8c\x04join\x93.", "refused", "os.path.join")
case(P, "reconstructor-unknown-class", b"ccopy_reg\n_reconstructor\n(cos\n_wrap_close\nc__builtin__\nobject\nNtR.", "refused", "copy_reg with a class outside the allowlist")
case(P, "ext1", b"\x80\x02\x82\x01.", "refused", "EXT1 registry lookup")
case(P, "persid", b"Pfoo\n.", "refused", "PERSID")
case(P, "binpersid", b"\x80\x02X\x01\x00\x00\x00a\x51.", "refused", "BINPERSID")
case(P, "next-buffer", b"\x80\x05\x97.", "refused", "NEXT_BUFFER")
# shared-reference expansion: 60 levels of [x, x] is 2**60 leaves
# build explicitly: x0 = None; xi = [x(i-1), x(i-1)] using MEMOIZE/BINGET
p = bytearray(b"\x80\x04N\x94")  # memo 0 = None
for i in range(60):
    p += b"](h%ch%ce\x94" % (i, i)  # EMPTY_LIST MARK BINGET i BINGET i APPENDS MEMOIZE -> memo i+1
p += b"."
case(P, "memo-doubling-60", bytes(p), "limit-exceeded", "2**60 nodes after following shared references")
case(P, "deep-lists", b"\x80\x02" + b"]" * 600 + b"a" * 599 + b".", "limit-exceeded", "nesting depth")
case(P, "deep-marks", b"(" * 1000 + b"t" * 1000 + b".", "limit-exceeded", "nested tuples through MARK")
case(P, "long-binput-4g", b"\x80\x02Nr\xff\xff\xff\xff.", "limit-exceeded", "LONG_BINPUT 0xffffffff must not grow the memo")
case(P, "binunicode8-claim", b"\x80\x04\x8d\xff\xff\xff\xff\xff\xff\xff\x0fabc.", "undecodable", "BINUNICODE8 claims 2**60 bytes")
case(P, "binbytes8-claim", b"\x80\x04\x8e\x00\x00\x00\x00\x00\x00\x00\x40abc.", "undecodable", "BINBYTES8 claims 2**62 bytes")
case(P, "long4-claim", b"\x80\x02\x8b\xff\xff\xff\x7f\x01.", "undecodable", "LONG4 claims 2 GiB")
case(P, "frame-claim", b"\x80\x04\x95\xff\xff\xff\xff\xff\xff\xff\x7fN.", "undecodable", "FRAME claims 2**63 bytes")
case(P, "bad-utf8-binunicode", b"\x80\x03X\x02\x00\x00\x00\xc3(.", "undecodable", "malformed UTF-8")
case(P, "recursive-list", b"\x80\x02]q\x00h\x00a.", "refused", "a list that contains itself")

# ---- YAML ---------------------------------------------------------------------------------------
Y = "yaml"
laughs = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
for i in range(1, 10):
    laughs.append("a%d: &a%d [%s]" % (i, i, ", ".join(["*a%d" % (i - 1)] * 9)))
case(Y, "billion-laughs", ("\n".join(laughs) + "\n").encode(), "limit-exceeded", "alias expansion budget")
case(Y, "python-apply", b"!!python/object/apply:os.system [id]\n", "refused", "a Python tag")
case(Y, "python-name", b"!!python/name:os.system\n", "refused", "a Python name tag")
case(Y, "local-tag", b"!foo bar\n", "refused", "a local tag")
case(Y, "recursive-alias", b"&a [*a]\n", "refused", "an alias inside its own anchor")
case(Y, "deep-flow", b"[" * 1000 + b"]" * 1000, "limit-exceeded", "nesting depth")
case(Y, "multi-document", b"a: 1\n---\nb: 2\n", "refused", "a multi-document stream")
case(Y, "bad-utf8", b"a: \xc3(\n", "undecodable", "malformed UTF-8")
case(Y, "tab-indent", b"a:\n\tb: 1\n", "undecodable", "tabs as indentation")

# ---- MessagePack --------------------------------------------------------------------------------
M = "msgpack"
case(M, "map32-claim", bytes.fromhex("df41727261"), "undecodable", "a map claiming a billion entries in 5 bytes")
case(M, "array32-claim", bytes.fromhex("ddffffffff"), "undecodable", "an array claiming 4 billion items")
case(M, "str32-claim", bytes.fromhex("dbffffffff61"), "undecodable", "a string claiming 4 GiB")
case(M, "bin32-claim", bytes.fromhex("c6ffffffff00"), "undecodable", "bytes claiming 4 GiB")
case(M, "deep-arrays", b"\x91" * 2000 + b"\xc0", "limit-exceeded", "nesting depth")
case(M, "ext-5", bytes.fromhex("d40501"), "refused", "an ext type other than timestamp")
case(M, "bad-utf8", bytes.fromhex("a2c328"), "undecodable", "malformed UTF-8")
case(M, "trailing", bytes.fromhex("c0c0"), "undecodable", "bytes after the value")
case(M, "map-key-array", bytes.fromhex("81910101"), "refused", "an array as a map key (unhashable in Python)")

# arithmetic traps: a timedelta of 999,999,999 days (legal) as a timezone offset, whose microseconds
# overflow 64 bits; directly, as a datetime's and a time's tzinfo, and with a packed datetime state
TD_HUGE = b"cdatetime\ntimedelta\n(J\xff\xc9\x9a;tR"  # timedelta(999999999)
TD_NEG = b"cdatetime\ntimedelta\n(J\x01\x36\x65\xc4tR"  # timedelta(-999999999)
TZ_HUGE = b"cdatetime\ntimezone\n(" + TD_HUGE + b"tR"
TZ_NEG = b"cdatetime\ntimezone\n(" + TD_NEG + b"tR"
case(P, "timezone-huge-offset", TZ_HUGE + b".", "undecodable", "timezone(timedelta(999999999)): the 104-byte overflow trap")
case(P, "timezone-huge-negative-offset", TZ_NEG + b".", "undecodable", "timezone(timedelta(-999999999))")
case(P, "timezone-huge-offset-named", b"cdatetime\ntimezone\n(" + TD_HUGE + b"X\x01\x00\x00\x00ZtR.", "undecodable", "timezone(timedelta(999999999), 'Z')")
case(P, "datetime-tzinfo-huge", b"cdatetime\ndatetime\n(M\xe4\x07K\x01K\x01K\x00K\x00K\x00K\x00" + TZ_HUGE + b"tR.", "undecodable", "datetime(2020, 1, 1, 0, 0, 0, 0, timezone(timedelta(999999999)))")
case(P, "time-tzinfo-huge", b"cdatetime\ntime\n(K\x01K\x02K\x03K\x00" + TZ_NEG + b"tR.", "undecodable", "time(1, 2, 3, 0, timezone(timedelta(-999999999)))")
case(P, "datetime-state-tzinfo-huge", b"cdatetime\ndatetime\n(C\n\x07\xe4\x01\x01\x00\x00\x00\x00\x00\x00" + TZ_HUGE + b"tR.", "undecodable", "datetime(packed state, timezone(timedelta(999999999)))")
case(P, "time-state-tzinfo-huge", b"\x80\x03cdatetime\ntime\nC\x06\x01\x02\x03\x00\x00\x00" + TZ_NEG + b"\x86R.", "undecodable", "time(packed state, timezone(timedelta(-999999999)))")
case(P, "timezone-minus-24h", b"cdatetime\ntimezone\n(cdatetime\ntimedelta\n(J\xff\xff\xff\xfftRtR.", "undecodable", "timezone(timedelta(-1)): exactly -24 h")
case(P, "timedelta-weeks-overflow", b"cdatetime\ntimedelta\n(K\x00K\x00K\x00K\x00K\x00K\x00J\xff\xff\xff\x7ftR.", "undecodable", "timedelta(weeks=2**31-1)")

# amplification through shared references: one leaf, 46 references to it in a list, 46 to that
# list, 46 to that (46**3 = 97,336 references, under the 100,000-node limit): 263 MB of str, or
# 97,336 copies of a 4,800-digit integer, materialized from under 3 KB
def shared(leaf):
    p = bytearray(b"\x80\x04" + leaf + b"\x94")
    for level in range(3):
        p += b"](" + (b"h%c" % level) * 46 + b"e\x94"
    return bytes(p + b".")


big = 10 ** 4800 - 1
big_bytes = big.to_bytes((big.bit_length() + 8) // 8, "little", signed=True)
case(P, "shared-str-amplifier", shared(b"X" + struct.pack("<I", 2700) + b"a" * 2700), "limit-exceeded",
     "a 2,700-byte str referenced 97,336 times (materialized bytes)")
case(P, "shared-long4-amplifier", shared(b"\x8b" + struct.pack("<i", len(big_bytes)) + big_bytes), "limit-exceeded",
     "a 4,800-digit LONG4 referenced 97,336 times (materialized digits)")

# found by Fuzz/run.sh (FuzzPickle, 2026-12-04): an object of a refused global with a long name,
# shown by inspect (no key) at each of 97,336 references, wrote 34 MB; the name's bytes now count
case(P, "shared-refused-object-amplifier", shared(b"c" + b"m" * 300 + b"\nC\n)}\x92"), "refused",
     "an object of a refused 300-byte global referenced 97,336 times (inspect: materialized bytes)")

# ---- JSON ---------------------------------------------------------------------------------------
J = "json"
case(J, "deep-arrays", b"[" * 1000 + b"]" * 1000, "limit-exceeded", "nesting depth")
case(J, "lone-surrogate", b'"\\ud800"', "undecodable", "a string Swift cannot hold")
case(J, "bad-utf8", b'"\xc3("', "undecodable", "malformed UTF-8")
case(J, "trailing", b"1 2", "undecodable", "two documents")

# ---- Flask session cookies ----------------------------------------------------------------------
# itsdangerous' URLSafeTimedSerializer as Flask 3.1 configures it: salt "cookie-session", the key
# HMAC-SHA1(hostile-key, salt), payload.timestamp.signature in unpadded base64url, a leading "." for
# zlib. Every cookie is signed at NOW (the runners pass --now NOW) unless its timestamp is the point.
# `expect` is Flask's own verdict in the tool's kinds where Flask refuses (BadSignature: bad-signature,
# BadTimeSignature "Malformed timestamp"/"timestamp missing": malformed, SignatureExpired: expired,
# BadPayload: undecodable; RecursionError and Python's 4300-digit limit: limit-exceeded), our budget
# (limit-exceeded) where Flask would go on, and "ok" where Flask reads a value within our limits.
F = "flask"
NOW = 1700000000
MAX_AGE = 2678400  # Flask's PERMANENT_SESSION_LIFETIME, the tool's default --max-age
FLASK_KEY = hmac.new(KEY, b"cookie-session", hashlib.sha1).digest()
rng = random.Random(16)


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=")


def int_bytes(number):
    """itsdangerous' int_to_bytes: big-endian, no leading zero bytes."""
    return number.to_bytes(max(1, (number.bit_length() + 7) // 8), "big")


TS = b64url(int_bytes(NOW))  # ZVPxAA


def flask_signed(signed):
    """`signed`, a dot and its signature, as itsdangerous' Signer.sign writes them."""
    return signed + b"." + b64url(hmac.new(FLASK_KEY, signed, hashlib.sha1).digest())


def flask_cookie(payload, timestamp=TS):
    """A payload field (base64url, with the leading "." when compressed) and a timestamp field, signed."""
    return flask_signed(payload + b"." + timestamp)


def plain(json_bytes):
    return b64url(json_bytes)


def packed(json_bytes):
    return b"." + b64url(zlib.compress(json_bytes, 9))


def flask(name, cookie, expect, why, oversize=False, **extra):
    if isinstance(cookie, bytes):
        cookie = cookie.decode("utf-8")
    assert oversize or len(cookie.encode("utf-8")) <= 4096, (name, len(cookie))
    assert not oversize or len(cookie) > 4096, name
    line = {"codec": F, "format": F, "name": name, "cookie": cookie, "now": NOW, "expect": expect, "why": why}
    line.update(extra)
    cases.append(line)


def session(json_text):
    """A payload with the session {"a": <json_text>}, compressed when that is shorter (as Flask does)."""
    data = b'{"a":' + json_text + b"}"
    squeezed = zlib.compress(data, 9)
    return b"." + b64url(squeezed) if len(squeezed) < len(data) - 1 else b64url(data)


A1 = b'{"a":1}'

# zlib bombs and broken streams
big = b'{"a":"' + b"x" * 50_000_000 + b'"}'
flask("zlib-bomb-50mb", flask_cookie(packed(big)), "limit-exceeded",
      "50 MB of JSON deflated: a 65 KB cookie, past the 4096-byte cookie limit (Flask would inflate it)", oversize=True, flask="ok")
del big
flask("zlib-bomb-3mb-in-4k", flask_cookie(packed(b'{"a":"' + b"x" * 3_000_000 + b'"}')), "limit-exceeded",
      "3 MB of JSON in a 4 KB cookie: the inflate budget (1 MiB) stops it (Flask would inflate it)", flask="ok")


def deflate_prefix(head, fill, total, keep):
    """The first `keep` bytes of zlib.compress(head + fill * total, 9): deflate emits a block as its
    buffer fills, so they are the same whatever follows; fed until that many are out."""
    stream = zlib.compressobj(9)
    out = bytearray(stream.compress(head))
    chunk, fed = fill * (1 << 24), 0
    while len(out) < keep and fed < total:
        out += stream.compress(chunk)
        fed += len(chunk)
    assert len(out) >= keep
    return bytes(out[:keep])


gig = deflate_prefix(b'{"a":"', b"x", 1 << 30, 3000)
flask("zlib-1gb-truncated", flask_cookie(b"." + b64url(gig)), "limit-exceeded",
      "the first 3000 bytes of a deflated 1 GiB JSON string: inflates past the 1 MiB budget before it ends "
      "(Flask: zlib.error, truncated, after inflating 3 MB)", flask="undecodable")
flask("zlib-stored-claim", flask_cookie(b"." + b64url(b"\x78\x01\x01\xff\xff\x00\x00" + A1)), "undecodable",
      "a stored block claiming 65535 bytes with 7 present (zlib.error: truncated)")
ok_stream = zlib.compress(A1, 9)
flask("zlib-bad-adler32", flask_cookie(b"." + b64url(ok_stream[:-4] + bytes(b ^ 0xFF for b in ok_stream[-4:]))),
      "undecodable", "a wrong Adler-32 (zlib.error: incorrect data check)")
fdict = next(f for f in range(256) if f & 0x20 and (0x78 * 256 + f) % 31 == 0)
flask("zlib-preset-dictionary", flask_cookie(b"." + b64url(bytes([0x78, fdict]) + b"\x00\x00\x00\x01" + ok_stream[2:])),
      "undecodable", "FDICT set: a preset dictionary zlib cannot have (zlib.error 2)")
raw = zlib.compressobj(9, zlib.DEFLATED, -15)
flask("zlib-raw-deflate", flask_cookie(b"." + b64url(raw.compress(A1) + raw.flush())), "undecodable",
      "deflate without the zlib header (incorrect header check)")
flask("zlib-not-compressed", flask_cookie(b"." + b64url(A1)), "undecodable", "a leading . before plain JSON")
flask("zlib-empty", flask_cookie(b"."), "undecodable", "a leading . and nothing to inflate")
flask("zlib-trailing-bytes", flask_cookie(b"." + b64url(ok_stream + b"trailing")), "ok",
      "bytes after the end of the stream (zlib.decompress ignores them)")
stored = b"\x78\x01" + b"\x00\x00\x00\xff\xff" * 500 + b"\x01" + struct.pack("<HH", len(A1), len(A1) ^ 0xFFFF) + A1
stored += struct.pack(">I", zlib.adler32(A1))
flask("zlib-500-empty-blocks", flask_cookie(b"." + b64url(stored)), "ok", "500 empty stored blocks before the data")

# nesting
flask("json-deep-100k", flask_cookie(session(b"[" * 100_000 + b"]" * 100_000)), "limit-exceeded",
      "100,000 nested arrays, 200 KB of JSON deflated: past the 64 KiB value limit (Flask: RecursionError)")
flask("json-deep-30k", flask_cookie(session(b"[" * 30_000 + b"]" * 30_000)), "limit-exceeded",
      "30,000 nested arrays in 60 KB: the depth limit (Flask: RecursionError)")
flask("json-deep-objects-10k", flask_cookie(session(b'{"a":' * 10_000 + b"1" + b"}" * 10_000)), "limit-exceeded",
      "10,000 nested objects (Flask: RecursionError)")
flask("json-deep-unclosed", flask_cookie(session(b"[" * 60_000)), "limit-exceeded",
      "60,000 arrays opened, none closed (Flask: RecursionError before the end)")

# numbers
flask("int-4300-digits", flask_cookie(session(b"7" * 4300)), "ok", "Python's int max str digits exactly", to_werkzeug="limit-exceeded")
flask("int-4301-digits", flask_cookie(session(b"7" * 4301)), "limit-exceeded",
      "one digit past Python's limit (Flask: ValueError, BadPayload)")
digits = str(rng.randrange(1, 10)) + "".join(str(rng.randrange(10)) for _ in range(4299))
flask("int-4300-random-digits", flask_cookie(session(digits.encode())), "ok", "4300 digits that do not compress")
flask("int-negative-4300-digits", flask_cookie(session(b"-" + b"9" * 4300)), "ok", "the sign is not a digit")
flask("int-4300-digits-x15", flask_cookie(session(b"[" + b",".join([digits.encode()] * 15) + b"]")), "ok",
      "15 ints of 4300 digits (64 KB): decimal-to-binary cost")
flask("float-60k-digit-mantissa", flask_cookie(session(b"0." + b"1" * 60_000)), "ok", "a float of 60,000 digits")
flask("float-4400-digit-integer-part", flask_cookie(session(b"1" * 4400 + b".5")), "ok",
      "a float is not an int: the 4300-digit limit does not apply")
flask("float-huge-exponent", flask_cookie(session(b"[1e99999999999999999999,1e-99999999999999999999,-1E+" + b"9" * 4000 + b"]")),
      "ok", "exponents past every integer type: inf, 0.0, -inf")
flask("float-nan-infinity", flask_cookie(session(b"[NaN,Infinity,-Infinity]")), "ok", "Python's JSON extensions", to_werkzeug="ok")
flask("float-nan-lowercase", flask_cookie(session(b"nan")), "undecodable", "not JSON, not Python's NaN")
flask("float-minus-nan", flask_cookie(session(b"-NaN")), "undecodable", "Python reads -Infinity, not -NaN")
flask("float-nan-16k", flask_cookie(session(b"[" + b",".join([b"NaN"] * 16_000) + b"]")), "ok", "16,000 NaNs")

# timestamps
def stamp(raw):
    return b64url(raw)


flask("ts-8-bytes-ff", flask_cookie(plain(A1), stamp(b"\xff" * 8)), "expired",
      "2**64-1: in the future (Flask fails building its date: OverflowError)")
flask("ts-8-bytes-7f", flask_cookie(plain(A1), stamp(b"\x7f" + b"\xff" * 7)), "expired", "Int64.max: in the future")
flask("ts-8-bytes-80", flask_cookie(plain(A1), stamp(b"\x80" + b"\x00" * 7)), "expired", "2**63: past Int64")
flask("ts-9-bytes", flask_cookie(plain(A1), stamp(b"\x01" + b"\x00" * 8)), "malformed",
      "9 bytes: struct '>Q' fails, Malformed timestamp")
flask("ts-40-bytes", flask_cookie(plain(A1), stamp(b"\xff" * 40)), "malformed", "40 bytes")
flask("ts-empty", flask_cookie(plain(A1), b""), "expired", "an empty timestamp reads as 0")
flask("ts-zero", flask_cookie(plain(A1), stamp(b"\x00")), "expired", "1970")
flask("ts-leading-zeros", flask_cookie(plain(A1), stamp(b"\x00\x00\x00" + int_bytes(NOW))), "ok",
      "7 bytes, three of them leading zeros")
flask("ts-max-age-exactly", flask_cookie(plain(A1), stamp(int_bytes(NOW - MAX_AGE))), "ok", "age == max_age is accepted", to_werkzeug="ok")
flask("ts-max-age-plus-one", flask_cookie(plain(A1), stamp(int_bytes(NOW - MAX_AGE - 1))), "expired", "one second too old")
flask("ts-future-one-second", flask_cookie(plain(A1), stamp(int_bytes(NOW + 1))), "expired", "signed in the future")
flask("ts-one-char", flask_cookie(plain(A1), b"A"), "malformed", "one base64 character: not base64")
flask("ts-not-base64", flask_cookie(plain(A1), b"!!!!"), "expired",
      "non-alphabet characters, which Python's base64 drops: an empty timestamp, 0")
flask("ts-padded", flask_cookie(plain(A1), TS + b"=="), "ok", "the timestamp with its padding")
flask("ts-4000-chars", flask_cookie(plain(A1), b"A" * 4000), "malformed", "3000 zero bytes")

# base64 everywhere
flask("payload-not-base64-chars", flask_cookie(b"eyJhIjox!!fQ"), "undecodable", "two non-alphabet characters mid-payload")
flask("payload-one-char", flask_cookie(b"e"), "undecodable", "one base64 character")
std = base64.b64encode(b'{"a":"\xfb\xff\xbf"}'.replace(b"\xfb\xff\xbf", b"??>~~~"))
assert b"+" in std or b"/" in std
flask("payload-standard-alphabet", flask_cookie(std.rstrip(b"=")), "ok", "+ and / instead of - and _")
flask("payload-padding-inside", flask_cookie(b"eyJh=IjoxfQ"), "undecodable", "a = in the middle")
flask("payload-compressed-not-base64", flask_cookie(b".!!!!"), "undecodable", "a compressed payload of non-alphabet characters")
flask("payload-non-ascii", flask_cookie(plain(A1) + "\u00e9".encode()), "undecodable",
      "UTF-8 bytes inside the signed payload: dropped by Python's base64, whose padding then fails")
flask("payload-nul-byte", flask_cookie(b"eyJh\x00IjoxfQ"), "undecodable", "a NUL byte inside the payload")
flask("payload-four-non-alphabet", flask_cookie(plain(A1) + b"!!!!"), "ok",
      "four non-alphabet characters: Python's base64 drops them and the padding still fits")
flask("payload-dot-dot", flask_cookie(b"." + packed(b'{"a":"' + b"ab" * 100 + b'"}')), "undecodable",
      "two leading dots: the second is base64's problem")
flask("payload-dot-inside", flask_cookie(plain(A1) + b"." + plain(A1)), "undecodable", "two payloads joined by a dot")
signature = hmac.new(FLASK_KEY, plain(A1) + b"." + TS, hashlib.sha1).digest()
flask("signature-not-base64", plain(A1) + b"." + TS + b".!!!!", "bad-signature", "non-alphabet characters")
flask("signature-empty", plain(A1) + b"." + TS + b".", "bad-signature", "nothing after the last dot")
flask("signature-3000-chars", plain(A1) + b"." + TS + b"." + b"A" * 3000, "bad-signature", "3000 characters")
flask("signature-truncated", plain(A1) + b"." + TS + b"." + b64url(signature)[:-1], "bad-signature", "one character short")
flask("signature-padded", plain(A1) + b"." + TS + b"." + b64url(signature) + b"=", "ok", "the signature with its padding")
flask("signature-other-key", plain(A1) + b"." + TS + b"." + b64url(hmac.new(b"other", plain(A1) + b"." + TS, hashlib.sha1).digest()),
      "bad-signature", "signed with another key")
flask("signature-werkzeug-key", plain(A1) + b"." + TS + b"." + b64url(hmac.new(KEY, plain(A1) + b"." + TS, hashlib.sha1).digest()),
      "bad-signature", "signed with the secret itself, not the derived key")
flask("no-dots-4000", b"A" * 4000, "malformed", "4000 characters without a dot")
flask("dots-only", b"..", "bad-signature", "two dots")
flask("no-timestamp", flask_signed(plain(A1)), "malformed", "payload.signature, correctly signed: timestamp missing")

# signed, but not a session
flask("payload-not-json", flask_cookie(plain(b"not json")), "undecodable", "text")
flask("payload-bad-utf8", flask_cookie(plain(b'{"a":"\xff\xfe"}')), "undecodable", "malformed UTF-8")
flask("payload-utf16", flask_cookie(plain(A1.decode().encode("utf-16"))), "undecodable",
      "UTF-16 with a BOM: itsdangerous decodes the payload as UTF-8 first")
flask("payload-utf8-bom", flask_cookie(plain(b"\xef\xbb\xbf" + A1)), "undecodable", "UTF-8 with a BOM: Unexpected UTF-8 BOM")
flask("payload-list", flask_cookie(plain(b"[1,2]")), "undecodable", "a list, not a dict (Flask's session class fails)")
flask("payload-null", flask_cookie(plain(b"null")), "ok", "null: SecureCookieSession(None) is an empty session")
flask("payload-zero", flask_cookie(plain(b"0")), "undecodable", "0: SecureCookieSession(0) fails")
flask("payload-empty-list", flask_cookie(plain(b"[]")), "ok", "[]: an empty session")
flask("payload-pairs-6000", flask_cookie(packed(b"[" + b",".join(b'["k%d",0]' % (i % 50) for i in range(6_000)) + b"]")), "ok",
      "6000 key-value pairs in a list (59 KB), dict() of them: 50 distinct keys")
flask("payload-two-character-strs", flask_cookie(plain(b'["ab","cd"]')), "ok", 'strs of two characters are pairs too: {"a": "b", "c": "d"}')
flask("payload-string", flask_cookie(plain(b'"string"')), "undecodable", "a str, not a dict")
flask("payload-trailing", flask_cookie(plain(b"{} x")), "undecodable", "bytes after the document")
flask("payload-empty", flask_cookie(b""), "undecodable", "nothing signed but the timestamp")
flask("payload-raw-surrogate", flask_cookie(plain(b'{"a":"\xed\xa0\x80"}')), "undecodable", "a surrogate encoded in UTF-8")

# tags
GMT = b"Tue, 02 Jan 2024 03:04:05 GMT"
flask("d-3000-chars", flask_cookie(session(b'{" d":"' + GMT + b" " + b"x" * 2970 + b'"}')), "ok",
      "an HTTP date and 2970 characters after it", to_werkzeug="unrepresentable")
flask("d-3000-digit-year", flask_cookie(session(b'{" d":"02 Jan ' + b"9" * 3000 + b' 03:04:05 GMT"}')), "undecodable",
      "a year of 3000 digits: datetime() raises OverflowError, which parse_date does not catch (BadPayload)")
flask("d-year-2-31", flask_cookie(session(b'{" d":"02 Jan 2147483648 03:04:05 GMT"}')), "undecodable",
      "a year past a C int: OverflowError (BadPayload)")
flask("d-year-10-digits-in-c-int", flask_cookie(session(b'{" d":"02 Jan 2147483647 03:04:05 GMT"}')), "ok",
      "a year that fits a C int: ValueError, which parse_date turns into None")
flask("d-3000-spaces", flask_cookie(session(b'{" d":"' + b" " * 3000 + GMT + b'"}')), "ok", "3000 spaces before the date")
flask("d-3000-commas", flask_cookie(session(b'{" d":"' + b"," * 3000 + b'"}')), "ok", "3000 commas: no date, None")
flask("d-huge-offset", flask_cookie(session(b'{" d":"02 Jan 2024 03:04:05 +' + b"9" * 3000 + b'"}')), "undecodable",
      "a zone offset of 3000 digits: timedelta() raises OverflowError (BadPayload)")
flask("d-int", flask_cookie(session(b'{" d":5}')), "undecodable", "an int where parse_date needs a str")
flask("d-surrogate", flask_cookie(session(b'{" d":"\\ud800"}')), "ok", "a lone surrogate: no date, None")
HEX = b"0123456789abcdef0123456789abcdef"
flask("u-60k-braces", flask_cookie(session(b'{" u":"' + b"{" * 60_000 + HEX + b'"}')), "ok",
      "60,000 braces before 32 hex digits (strip('{}') removes them)")
flask("u-15k-urn", flask_cookie(session(b'{" u":"' + b"urn:" * 15_000 + HEX + b'"}')), "ok", "urn: 15,000 times")
flask("u-60k-dashes", flask_cookie(session(b'{" u":"' + b"-" * 60_000 + HEX + b'"}')), "ok", "60,000 dashes")
flask("u-0x-prefix", flask_cookie(session(b'{" u":"0x' + HEX[:30] + b'"}')), "ok", "int(hex, 16) takes a 0x prefix", to_werkzeug="unrepresentable")
flask("u-fullwidth-digits", flask_cookie(session(b'{" u":"' + b"\\uff10" * 32 + b'"}')), "ok",
      "32 fullwidth zeros: Python's int() reads Unicode digits")
flask("u-int", flask_cookie(session(b'{" u":12345}')), "undecodable", "an int (no .replace)")
flask("u-surrogates", flask_cookie(session(b'{" u":"' + b"\\ud800" * 32 + b'"}')), "undecodable", "32 lone surrogates")
flask("u-33-digits", flask_cookie(session(b'{" u":"' + HEX + b'0"}')), "undecodable", "33 hex digits")
flask("t-1mb-string", flask_cookie(session(b'{" t":"' + b"x" * 1_000_000 + b'"}')), "limit-exceeded",
      "a tuple of a 1 MB str's characters: the value budget (Flask: a tuple of a million strs)", flask="ok")
flask("t-64k-string", flask_cookie(session(b'{" t":"' + b"x" * 65_000 + b'"}')), "ok",
      "a tuple of 65,000 one-character strs")
flask("t-int", flask_cookie(session(b'{" t":5}')), "undecodable", "an int is not iterable")
flask("t-dict", flask_cookie(session(b'{" t":{"x":1,"y":2}}')), "ok", "a dict iterates its keys", to_werkzeug="ok")
di_deep = b""
for level in range(10_000):
    di_deep += b'{" di":{" t__":'
flask("di-nested-10k", flask_cookie(session(di_deep + b"1" + b"}}" * 10_000)), "limit-exceeded",
      "10,000 nested di tags (20,000 JSON levels; Flask: RecursionError)")
flask("di-nested-1800", flask_cookie(session(b'{" di":{" t__":' * 1800 + b"1" + b"}}" * 1800)), "limit-exceeded",
      "1800 nested di tags in 29 KB (Flask: RecursionError)")
flask("di-nested-45", flask_cookie(session(b'{" di":{" t__":' * 45 + b"1" + b"}}" * 45)), "ok", "45 nested di tags", to_werkzeug="ok")
flask("di-int", flask_cookie(session(b'{" di":5}')), "undecodable", "next(iter(5)) fails")
flask("di-empty", flask_cookie(session(b'{" di":{}}')), "undecodable", "next(iter({})): StopIteration")
flask("di-str", flask_cookie(session(b'{" di":"abc"}')), "undecodable", '"abc"["a"] fails')
flask("b-not-base64", flask_cookie(session(b'{" b":"!!!"}')), "ok", "Python's b64decode drops the characters: b''")
flask("b-bad-padding", flask_cookie(session(b'{" b":"QQ"}')), "undecodable", "Incorrect padding")
flask("b-48k", flask_cookie(session(b'{" b":"' + b"A" * 64_000 + b'"}')), "ok", "48,000 zero bytes", to_werkzeug="unrepresentable")
flask("b-surrogate", flask_cookie(session(b'{" b":"\\ud800"}')), "undecodable", "b64decode needs ASCII")
flask("m-list", flask_cookie(session(b'{" m":[1]}')), "ok", "Markup([1]) is Markup('[1]')")
flask("m-64k", flask_cookie(session(b'{" m":"' + b"<" * 64_000 + b'"}')), "ok", "64,000 characters of Markup")

# keys
def keys_fitting():
    """As many distinct short keys as a 4096-byte cookie holds, deflated."""
    count = 256
    while True:
        more = count + 64
        data = b"{" + b",".join(b'"%x":0' % i for i in range(more)) + b"}"
        if len(flask_cookie(packed(data))) > 4096:
            return b"{" + b",".join(b'"%x":0' % i for i in range(count)) + b"}", count
        count = more


many, many_count = keys_fitting()
flask("many-keys", flask_cookie(packed(many)), "ok", "%d distinct keys, as many as a 4096-byte cookie holds" % many_count)
flask("duplicate-keys-50k", flask_cookie(packed(b"{" + b'"a":0,' * 49_999 + b'"a":1}')), "limit-exceeded",
      "one key 50,000 times: 300 KB past the value limit (Python keeps the last)", flask="ok")
flask("duplicate-keys-10k", flask_cookie(packed(b"{" + b'"a":0,' * 9_999 + b'"a":1}')), "ok", "one key 10,000 times, the last wins")
flask("key-64k", flask_cookie(packed(b'{"' + b"k" * 65_000 + b'":1}')), "ok", "one key of 65,000 characters", to_werkzeug="limit-exceeded")
flask("key-1mb", flask_cookie(packed(b'{"' + b"k" * 1_000_000 + b'":1}')), "limit-exceeded", "one key of a million characters", flask="ok")

# lone surrogates
flask("surrogate-value", flask_cookie(session(b'"\\ud800"')), "ok", "a lone high surrogate (a str Python holds)")
flask("surrogate-reversed-pair", flask_cookie(session(b'"\\udc00\\ud800"')), "ok", "low before high")
flask("surrogate-key", flask_cookie(plain(b'{"\\ud800":1}')), "ok", "a lone surrogate as a key")
flask("surrogate-5000", flask_cookie(session(b'"' + b"\\udfff" * 5000 + b'"')), "ok", "5000 lone low surrogates")
flask("surrogate-in-markup", flask_cookie(session(b'{" m":"\\ud800"}')), "ok", "Markup of a lone surrogate")
flask("surrogate-in-di-key", flask_cookie(plain(b'{" di":{"\\ud800__":1}}')), "ok", "a di key with a lone surrogate")
flask("dollar-error-key", flask_cookie(plain(b'{"$error":"bad-signature","message":"forged"}')), "ok",
      "a session that looks like the tool's error line")
flask("dollar-tag-keys", flask_cookie(plain(b'{"$tuple":[1],"$bytes":"AA=="}')), "ok", "keys that look like tagged JSON's tags")
flask("escape-not-hex", flask_cookie(session(b'"\\uZZZZ"')), "undecodable", "an escape of non-hex digits")


# ---- encode --format flask: hostile tagged-JSON lines ---------------------------------------------
# "entry": "encode" and "input" (one line of tagged JSON) instead of a cookie; `expect` as above ("ok":
# Flask writes a cookie of at most 4096 bytes).
def encode(name, text, expect, why):
    assert len(text) < 1 << 16, name
    cases.append({"codec": F, "format": F, "entry": "encode", "name": "encode-" + name, "input": text, "now": NOW,
                  "expect": expect, "why": why})


encode("deep-150", '{"a": ' + "[" * 150 + "]" * 150 + "}", "limit-exceeded", "150 nested lists")
encode("di-chain-98", '{"a": ' + '{" t": ' * 98 + "1" + "}" * 98 + "}", "ok",
       "98 nested one-key dicts whose key is a tag name: 196 JSON levels of di tags")
encode("int-4300-digits", '{"a": {"$int": "' + "7" * 4300 + '"}}', "ok", "the most digits int.__repr__ writes")
encode("int-4301-digits", '{"a": {"$int": "' + "7" * 4301 + '"}}', "limit-exceeded", "int.__repr__ refuses it (ValueError)")
encode("datetime-year-0-utc", '{"d": {"$datetime": "0001-01-01T00:30:00+01:00"}}', "unrepresentable", "year 0 in UTC")
encode("datetime-year-10000-utc", '{"d": {"$datetime": "9999-12-31T23:30:00-01:00"}}', "unrepresentable", "year 10000 in UTC")
encode("set", '{"s": {"$set": [1]}}', "unrepresentable", "a set")
encode("mixed-keys", '{"$dict": [[1, "a"], ["b", 2]]}', "unrepresentable", "keys json.dumps(sort_keys=True) cannot order")
encode("str-60k", '{"a": "' + "x" * 60_000 + '"}', "ok", "60,000 characters that deflate to a small cookie")
encode("bytes-40k", '{"b": {"$bytes": "' + base64.b64encode(bytes(rng.randrange(256) for _ in range(40_000))).decode() + '"}}',
       "limit-exceeded", "40,000 random bytes: a cookie far past 4096 bytes")
encode("many-keys-4000", "{" + ", ".join('"k%d": 0' % i for i in range(4000)) + "}", "limit-exceeded",
       "4000 keys: a cookie past 4096 bytes")
encode("duplicate-keys-8000", "{" + ", ".join(['"a": 0'] * 7999 + ['"a": 1']) + "}", "ok", "one key 8000 times, the last wins")
encode("nan", '{"a": {"$float": "nan"}, "b": {"$float": "-inf"}}', "ok", "NaN and -Infinity, as Python's JSON writes them")
encode("markup-60k", '{"m": {"$markup": "' + "<" * 60_000 + '"}}', "ok", "60,000 characters of Markup")
encode("tag-keys", '{" t": 1, " di": {" t": {"$tuple": [1]}}}', "ok", "tag names as keys: a di tag for the one-key dict")
encode("dollar-error-key", '{"$dict": [["$error", "bad-signature"]]}', "ok", "a session that looks like an error line")
encode("uuid-not-hex", '{"u": {"$uuid": "zz"}}', "undecodable", "a $uuid that is not a UUID")
encode("not-a-dict", "[1, 2]", "unrepresentable", "a list where a session dict is needed")

# ---- Werkzeug pickle cookies that read within the limits, hostile to the Flask writer -------------
# The runners migrate them with --to-format flask --now NOW; `to_flask` is the outcome expected.
def to_flask(name, value, expect, why):
    payload = pickle.dumps(value, protocol=4)
    cookie = sign(payload)
    assert len(cookie) <= 4096, (name, len(cookie))
    cases.append({"codec": P, "name": "to-flask-" + name, "cookie": cookie, "now": NOW, "expect": "ok",
                  "to_flask": expect, "why": why})


def shared_cube(leaf, side):
    inner = [leaf] * side
    middle = [inner] * side
    return [middle] * side


import datetime as _dt  # noqa: E402
import decimal as _decimal  # noqa: E402

chain = 1
for level in range(95):
    chain = {" t": chain}
to_flask("di-chain-95", chain, "ok", "95 nested one-key dicts whose key is a tag name: 190 JSON levels of di tags")
to_flask("shared-str-cube", shared_cube("a" * 11, 45), "limit-exceeded",
         "an 11-byte str referenced 45**3 times (1 MB materialized, within the budget): 1.3 MB of JSON, deflated to "
         "a cookie of 8274 bytes (Flask writes it; browsers drop it)")
to_flask("shared-int-cube", shared_cube(1, 45), "ok", "91,125 references to one int")
to_flask("shared-tuple-cube", shared_cube((1,), 36), "limit-exceeded",
         "46,656 references to one tuple: a t tag each, a cookie of 4478 bytes")
deep = []
for level in range(95):
    deep = [deep]
to_flask("deep-lists-95", deep, "ok", "95 nested lists")
UTC_PLUS_1 = _dt.timezone(_dt.timedelta(hours=1))
to_flask("datetime-year-0-utc", _dt.datetime(1, 1, 1, 0, 30, tzinfo=UTC_PLUS_1), "unrepresentable",
         "0001-01-01 00:30 +01:00 is in year 0 in UTC: no HTTP date (OverflowError)")
to_flask("datetime-year-10000-utc", _dt.datetime(9999, 12, 31, 23, 30, tzinfo=_dt.timezone(-_dt.timedelta(hours=1))),
         "unrepresentable", "9999-12-31 23:30 -01:00 is in year 10000 in UTC")
to_flask("mixed-keys", {1: "a", "b": 2}, "unrepresentable", "json.dumps(sort_keys=True) cannot order 1 and 'b' (TypeError)")
to_flask("none-bool-float-keys", {None: 1, True: 2, 1.5: 3}, "unrepresentable", "keys of three types: TypeError when sorting")
to_flask("int-keys", {2: "b", 1: "a", 10: "c"}, "ok", "int keys become strs, sorted as ints are")
to_flask("tuple-key", {(1, 2): "x"}, "unrepresentable", "a tuple key: keys must be str, int, float, bool or None")
to_flask("set", {1, 2, 3}, "unrepresentable", "a set: not JSON serializable")
to_flask("complex", complex(1, 2), "unrepresentable", "a complex")
to_flask("timedelta", _dt.timedelta(days=999999999), "unrepresentable", "a timedelta")
to_flask("time", _dt.time(1, 2, 3), "unrepresentable", "a time")
to_flask("bytearray", bytearray(b"ab"), "unrepresentable", "a bytearray")
to_flask("int-4300-digits", 10 ** 4300 - 1, "ok", "the most digits int.__repr__ writes (a pickle of more is refused when read)")
to_flask("decimal-huge-exponent", _decimal.Decimal("1E+999999999"), "ok", "str() of a Decimal: 1E+999999999")
to_flask("decimal-2500-digits", _decimal.Decimal("9" * 2500), "ok", "a Decimal of 2500 digits, written as its str")
to_flask("nan", float("nan"), "ok", "NaN, as Python's JSON writes it")
to_flask("astral-700", "\U0001F600" * 700, "ok", "700 astral characters: 12 bytes each in ASCII JSON")
to_flask("bytes-2560", bytes(range(256)) * 10, "ok", "2560 bytes: a b tag of base64")
to_flask("date-9999", _dt.date(9999, 12, 31), "ok", "a date becomes its HTTP date str")
to_flask("tag-shaped-keys", {" di": {" t": (1,)}, " t": 1}, "ok", "tag names as keys in a two-key dict: not tags")

for c in cases:
    sys.stdout.write(json.dumps(c, sort_keys=True) + "\n")
