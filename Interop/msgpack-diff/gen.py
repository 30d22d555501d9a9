# -*- coding: utf-8 -*-
"""Structural generator of MessagePack bytes for the differential test (see README.md).

``document(seed, index)`` writes one value byte by byte, deterministically from ``(seed, index)``,
in every format: fixint/uint/int of each width (minimal or not), nil, bools, the reserved 0xc1,
float 32/64 from random bit patterns, fixstr/str 8/16/32 (valid UTF-8, and surrogates, overlong
forms, truncated sequences), bin 8/16/32, arrays and maps of each header size (keys of every
type, duplicates, unhashable ones), ext types (fixext and ext 8/16/32) incl. the timestamp -1 with
4/8/12-byte payloads, odd nanoseconds and seconds far outside datetime's range; then sometimes a
truncation, a wrong count or trailing bytes. Python 3 standard library only.
"""
from __future__ import annotations

import random
import struct

TEXTS = ["", "a", "key", "caf\u00e9", "\u65e5\u672c\u8a9e", "\U0001F600", "x" * 40, "nul\x00byte", "\u2028",
         "\ufeff", "$dollar", "\ud7ff", "\ue000"]
BAD_UTF8 = [b"\xff", b"\xc0\x80", b"\xed\xa0\x80", b"\xe2\x82", b"\xf4\x90\x80\x80", b"a\x80", b"\xc3",
            b"\xf0\x9f\x98", b"\xe0\x80\xaf"]


class Gen(object):
    def __init__(self, rng):
        self.r = rng
        self.features = set()

    def chance(self, p):
        return self.r.random() < p

    def pick(self, xs):
        return xs[self.r.randrange(len(xs))]

    def int_value(self):
        kind = self.r.randrange(12)
        self.features.add("int")
        if kind == 0:
            return bytes([self.r.randrange(0x80)])
        if kind == 1:
            return bytes([self.r.randrange(0xe0, 0x100)])
        if kind in (2, 3, 4, 5):
            width = [1, 2, 4, 8][kind - 2]
            edge = [0, 1, 0x7f, 0x80, 0xff, 0x7fff, 0xffff, 0x7fffffff, 0xffffffff, 2 ** 63 - 1, 2 ** 63, 2 ** 64 - 1]
            v = self.pick([e for e in edge if e < 2 ** (8 * width)] + [self.r.randrange(2 ** (8 * width))])
            self.features.add("uint%d" % (8 * width))
            return bytes([0xcc + kind - 2]) + v.to_bytes(width, "big")
        if kind in (6, 7, 8, 9):
            width = [1, 2, 4, 8][kind - 6]
            lo, hi = -(2 ** (8 * width - 1)), 2 ** (8 * width - 1) - 1
            v = self.pick([lo, hi, -1, 0, 1, self.r.randrange(lo, hi + 1)])
            self.features.add("int%d" % (8 * width))
            return bytes([0xd0 + kind - 6]) + v.to_bytes(width, "big", signed=True)
        if kind == 10:
            self.features.add("float32")
            bits = self.pick([0x7fc00000, 0x7f800000, 0xff800000, 0x00000001, 0x80000000, 0x3f800000,
                              self.r.getrandbits(32)])
            return b"\xca" + struct.pack(">I", bits)
        self.features.add("float64")
        bits = self.pick([0x7ff8000000000000, 0x7ff0000000000000, 0x0000000000000001, 0x8000000000000000,
                          0x3ff0000000000000, 0x7ff0000000000001, self.r.getrandbits(64)])
        return b"\xcb" + struct.pack(">Q", bits)

    def str_value(self):
        if self.chance(0.12):
            self.features.add("bad-utf8")
            data = self.pick(TEXTS).encode("utf-8") + self.pick(BAD_UTF8)
        else:
            data = self.pick(TEXTS).encode("utf-8", "surrogatepass")
        n = len(data)
        form = self.r.randrange(4)
        if form == 0 and n < 32:
            return bytes([0xa0 | n]) + data
        if form <= 1 and n < 256:
            self.features.add("str8")
            return b"\xd9" + bytes([n]) + data
        if form == 2:
            self.features.add("str16")
            return b"\xda" + struct.pack(">H", n) + data
        self.features.add("str32")
        return b"\xdb" + struct.pack(">I", n) + data

    def bin_value(self):
        data = bytes(self.r.randrange(256) for _ in range(self.r.randrange(0, 20)))
        form = self.r.randrange(3)
        self.features.add("bin%d" % (8 << form))
        if form == 0:
            return b"\xc4" + bytes([len(data)]) + data
        if form == 1:
            return b"\xc5" + struct.pack(">H", len(data)) + data
        return b"\xc6" + struct.pack(">I", len(data)) + data

    def timestamp_payload(self):
        size = self.pick([4, 8, 12, 12, 8, 4, 5, 0, 16])
        self.features.add("ts%d" % size)
        if size == 4:
            return struct.pack(">I", self.pick([0, 1, 2 ** 31, 2 ** 32 - 1, self.r.getrandbits(32)]))
        if size == 8:
            ns = self.pick([0, 1, 999, 1000, 999999, 999999999, 10 ** 9, 2 ** 30 - 1, self.r.randrange(10 ** 9)])
            sec = self.pick([0, 1, 2 ** 34 - 1, self.r.getrandbits(34)])
            return struct.pack(">Q", (ns << 34) | sec)
        if size == 12:
            ns = self.pick([0, 1, 999, 1000, 1500, 999999999, 10 ** 9, 2 ** 32 - 1, self.r.randrange(10 ** 9)])
            sec = self.pick([0, -1, -2, 1, -62135596800, -62135596801, 253402300799, 253402300800,
                             2 ** 63 - 1, -(2 ** 63), 2 ** 40, -(2 ** 40),
                             self.r.randrange(-62135596800, 253402300800), self.r.randrange(-(2 ** 63), 2 ** 63)])
            return struct.pack(">Iq", ns, sec)
        return bytes(self.r.randrange(256) for _ in range(size))

    def ext_value(self):
        if self.chance(0.7):
            code = -1
            payload = self.timestamp_payload()
        else:
            code = self.pick([0, 1, 5, 127, -2, -128, -1])
            payload = bytes(self.r.randrange(256) for _ in range(self.pick([0, 1, 2, 4, 8, 16, 3])))
            self.features.add("ext")
        n = len(payload)
        c = bytes([code & 0xff])
        fixed = {1: 0xd4, 2: 0xd5, 4: 0xd6, 8: 0xd7, 16: 0xd8}
        if n in fixed and self.chance(0.6):
            return bytes([fixed[n]]) + c + payload
        form = self.r.randrange(3)
        if form == 0:
            return b"\xc7" + bytes([n]) + c + payload
        if form == 1:
            return b"\xc8" + struct.pack(">H", n) + c + payload
        return b"\xc9" + struct.pack(">I", n) + c + payload

    def header(self, n, fix, b16, b32):
        form = self.r.randrange(3)
        if form == 0 and n < 16:
            return bytes([fix | n])
        if form <= 1 and n < 65536:
            return bytes([b16]) + struct.pack(">H", n)
        return bytes([b32]) + struct.pack(">I", n)

    def value(self, depth, key=False):
        choice = self.r.random()
        if depth <= 0 or choice < 0.55:
            kind = self.r.randrange(10)
            if kind <= 2:
                return self.int_value()
            if kind <= 4:
                return self.str_value()
            if kind == 5:
                return self.bin_value()
            if kind == 6:
                return self.pick([b"\xc0", b"\xc2", b"\xc3", b"\xc3", b"\xc1" if self.chance(0.1) else b"\xc0"])
            if kind == 7:
                return self.ext_value()
            return self.int_value() if not key else self.str_value()
        if choice < 0.75 and not (key and self.chance(0.8)):
            n = self.r.randrange(0, 6)
            self.features.add("array")
            return self.header(n, 0x90, 0xdc, 0xdd) + b"".join(self.value(depth - 1) for _ in range(n))
        if key and self.chance(0.8):
            return self.str_value()
        n = self.r.randrange(0, 5)
        self.features.add("map")
        pairs = []
        for _ in range(n):
            k = self.value(depth - 1 if self.chance(0.1) else 0, key=True)
            pairs.append(k + self.value(depth - 1))
        if pairs and self.chance(0.15):
            self.features.add("duplicate-key")
            pairs.append(pairs[0])
            n += 1
        if self.chance(0.08):
            self.features.add("equal-keys")
            pairs += [b"\x01\xa1a", b"\xcb" + struct.pack(">d", 1.0) + b"\xa1b", b"\xc3\xa1c"]
            n += 3
        return self.header(n, 0x80, 0xde, 0xdf) + b"".join(pairs)


def document(seed, index):
    """``(msgpack_bytes, features)`` for case ``index`` of run ``seed``."""
    rng = random.Random("mp:%d:%d" % (seed, index))
    g = Gen(rng)
    data = g.value(rng.randrange(0, 5))
    roll = rng.random()
    if roll < 0.06 and data:
        g.features.add("truncated")
        data = data[:rng.randrange(len(data))]
    elif roll < 0.10:
        g.features.add("trailing")
        data += g.value(0)
    elif roll < 0.14 and data:
        g.features.add("byte-flip")
        i = rng.randrange(len(data))
        data = data[:i] + bytes([rng.randrange(256)]) + data[i + 1:]
    return data, sorted(g.features)


if __name__ == "__main__":
    import sys
    for i in range(int(sys.argv[2]) if len(sys.argv) > 2 else 5):
        d, f = document(int(sys.argv[1]) if len(sys.argv) > 1 else 1, i)
        print(i, d.hex(), f)
