#!/usr/bin/env python3
"""Writes Fixtures/hostile/hostile.jsonl: hostile values, each correctly signed (the leaked-key
threat model) with the key `hostile-key` and HMAC-SHA1, as the value of item `v`.

Each line: {"codec", "name", "cookie", "expect": error kind, "why"}. Every one must be refused
with that kind, quickly and within a small memory bound (see scripts/hostile.sh).
Run: python3 Fixtures/hostile/make_hostile.py > Fixtures/hostile/hostile.jsonl
"""
import base64, hashlib, hmac, json, struct, sys

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

# ---- JSON ---------------------------------------------------------------------------------------
J = "json"
case(J, "deep-arrays", b"[" * 1000 + b"]" * 1000, "limit-exceeded", "nesting depth")
case(J, "lone-surrogate", b'"\\ud800"', "undecodable", "a string Swift cannot hold")
case(J, "bad-utf8", b'"\xc3("', "undecodable", "malformed UTF-8")
case(J, "trailing", b"1 2", "undecodable", "two documents")

for c in cases:
    sys.stdout.write(json.dumps(c, sort_keys=True) + "\n")
