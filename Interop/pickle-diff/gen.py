"""Structural pickle generator for the differential harness (deterministic from a seed).

``generate(seed, index)`` returns one pickle (bytes, at most ``MAX_BYTES``), built from a grammar
over the opcodes of protocols 0-5: scalars in every encoding (text INT/LONG/FLOAT literals in odd
forms: octal, hex, underscores, signs, spaces, huge exponents, the 'L' suffix, '00'/'01'),
containers, the allowlisted globals with extreme and odd arguments, memo games (PUT, BINPUT,
LONG_BINPUT, MEMOIZE, GET of set and unset slots, shared references), BUILD, DUP, POP, frames
(whole, split, straddling opcodes) and, for a share of the cases, a mutation (truncation,
a byte changed, inserted or removed). Nothing here is ever unpickled; reference.py does that.
"""
import random
import struct

MAX_BYTES = 2900
MARKER = "SECRET-TOKEN-7f3a"

GLOBALS = [
    ("builtins", "set"), ("builtins", "frozenset"), ("builtins", "bytes"), ("builtins", "bytearray"),
    ("builtins", "complex"), ("__builtin__", "set"), ("__builtin__", "frozenset"), ("__builtin__", "bytearray"),
    ("__builtin__", "complex"), ("_codecs", "encode"), ("datetime", "datetime"), ("datetime", "date"),
    ("datetime", "time"), ("datetime", "timedelta"), ("datetime", "timezone"), ("decimal", "Decimal"),
    ("collections", "OrderedDict"), ("copyreg", "_reconstructor"), ("copy_reg", "_reconstructor"),
    ("builtins", "object"),
]
REFUSED_GLOBALS = [("os", "system"), ("builtins", "eval"), ("posix", "system"), ("builtins", "getattr"),
                   ("datetime", "tzinfo"), ("builtins", MARKER)]

INT_TEXTS = ["0", "1", "00", "01", "010", "-010", "08", "007", "0x10", "0X1f", "0o17", "0b101", "1_000",
             "1__0", "_1", "1_", "0_0", "0_7", " 5", "5 ", "\t7", "+5", "-0", "+0", "+1", "-1", " 1", "1 ",
             "--1", "+-1", "", "-", "0x", "0xg", "9223372036854775807", "9223372036854775808",
             "-9223372036854775808", "-9223372036854775809", "99999999999999999999", "0x" + "f" * 30,
             "1" * 50, "0" * 30, "0" * 30 + "1", "1e5", "1.0", "\x005", "5\x00x", "\x00", "0\x00", "1\x00",
             "12345678901234567890123", MARKER, "0x_1f", "0o_7", "0b_1", "1\x0b", "\x0c1", "1\r",
             "٣", "1" * 4300, "1" * 4301, "0x" + "1" * 2000]
FLOAT_TEXTS = ["0.0", "1.5", "-0.0", "1e999", "-1e999", "1e-999", "inf", "-inf", "nan", "-nan", "+nan",
               "Infinity", "-INFINITY", "iNf", "NaN", "1_0.5", " 1.5", "1.5 ", "0x1p3", ".5", "5.", ".",
               "1e", "1e+", "1e+5", "1E-5", "+1.5", "1.5\x00x", "1.7976931348623157e308",
               "1.7976931348623159e308", "4.9e-324", "2.4e-324", "1" * 400, "0." + "0" * 400 + "1",
               "infinit", "nanx", "1,5", MARKER, "1.5e" + "9" * 30, "1e-" + "9" * 30, "00001.5", "1..5"]


class Gen:
    def __init__(self, seed, index):
        self.r = random.Random("%d/%d" % (seed, index))
        self.proto = self.r.choice([0, 0, 1, 2, 2, 3, 4, 4, 5])
        self.memo = []  # indices set so far
        self.next_memo = 0
        self.size = 0

    # ---- little helpers ----
    def c(self, *options):
        return self.r.choice(options)

    def p(self, x):
        return self.r.random() < x

    def text_line(self, op, text):
        return op + text.encode("utf-8", "surrogatepass") + b"\n"

    def str_op(self, s):
        data = s.encode("utf-8", "surrogatepass")
        choices = []
        if self.proto >= 1 or True:
            choices.append(b"X" + struct.pack("<I", len(data)) + data)
        if self.proto >= 4 and len(data) < 256:
            choices.append(b"\x8c" + bytes([len(data)]) + data)
        if self.proto >= 4:
            choices.append(b"\x8d" + struct.pack("<Q", len(data)) + data)
        choices.append(b"V" + s.encode("raw_unicode_escape").replace(b"\n", b"\\u000a") + b"\n")
        return self.r.choice(choices)

    def bytes_op(self, b):
        choices = [b"B" + struct.pack("<I", len(b)) + b]
        if len(b) < 256:
            choices.append(b"C" + bytes([len(b)]) + b)
        if self.proto >= 4:
            choices.append(b"\x8e" + struct.pack("<Q", len(b)) + b)
        return self.r.choice(choices)

    def py2str_op(self, b):
        choices = [b"T" + struct.pack("<i", len(b)) + b]
        if len(b) < 256:
            choices.append(b"U" + bytes([len(b)]) + b)
        esc = b"".join(bytes([x]) if 0x20 <= x < 0x7f and x not in (0x27, 0x5c) else b"\\x%02x" % x for x in b)
        choices.append(b"S'" + esc + b"'\n")
        return self.r.choice(choices)

    def int_op(self, v):
        opts = []
        if 0 <= v < 256:
            opts.append(b"K" + bytes([v]))
        if 0 <= v < 65536:
            opts.append(b"M" + struct.pack("<H", v))
        if -2 ** 31 <= v < 2 ** 31:
            opts.append(b"J" + struct.pack("<i", v))
        opts.append(b"I%d\n" % v)
        opts.append(b"L%dL\n" % v)
        n = (v.bit_length() + 8) // 8 if v else 0
        data = v.to_bytes(n, "little", signed=True) if n else b""
        if n < 256:
            opts.append(b"\x8a" + bytes([n]) + data)
        opts.append(b"\x8b" + struct.pack("<i", n) + data)
        return self.r.choice(opts)

    def float_op(self, x):
        if self.p(0.5):
            return b"G" + struct.pack(">d", x)
        return b"F" + repr(x).encode() + b"\n"

    # ---- values ----
    def odd_int(self):
        return self.c(0, 1, -1, 2, 7, 23, 24, 59, 60, 61, 255, 256, 999999, 1000000, 86399, 86400, -86400,
                      86400 * 999999999, 999999999, 1000000000, -999999999, -1000000000, 2 ** 31 - 1, -2 ** 31,
                      2 ** 53, 2 ** 63 - 1, -2 ** 63, 2 ** 64, 10 ** 30, -(10 ** 30), 2 ** 1100, 9999, 10000,
                      12, 13, 31, 32, 1970, 2024, 0x10FFFF, 5, 3, 1 << 20)

    def scalar(self):
        k = self.r.randrange(22)
        if k == 0:
            return b"N"
        if k == 1:
            return self.c(b"\x88", b"\x89") if self.proto >= 2 else self.c(b"I01\n", b"I00\n")
        if k in (2, 3):
            return self.int_op(self.odd_int() if self.p(0.5) else self.r.randrange(-300, 70000))
        if k == 4:
            return self.text_line(b"I", self.c(*INT_TEXTS))
        if k == 5:
            t = self.c(*INT_TEXTS)
            return self.text_line(b"L", t + self.c("L", "", "L", "LL", "l"))
        if k == 6:
            return self.text_line(b"F", self.c(*FLOAT_TEXTS))
        if k == 7:
            return self.float_op(self.c(0.0, -0.0, 1.5, 1e300, float("inf"), float("-inf"), float("nan"), 0.1,
                                        5e-324, 123456.789, 1e16, -2.5))
        if k in (8, 9):
            return self.str_op(self.text())
        if k == 10:
            return self.bytes_op(self.rbytes()) if self.proto >= 3 else self.py2str_op(self.rbytes())
        if k == 11:
            return self.py2str_op(self.c(b"abc", b"", MARKER.encode(), b"\xff\xfe", b"\x07\xe4\x01\x02"))
        if k == 12:
            return b"S" + self.c(b"'a\\q'", b"'\\x4'", b"'ab", b"\"a\"", b"'a\"", b"'\\777'", b"'\\'", b"''",
                                 b"'" + MARKER.encode() + b"\\x'", b"'\\n\\t\\a\\101'", b"x") + b"\n"
        if k == 13:
            return b"V" + self.c(b"abc", b"\\u00e9", b"\\ud800", b"\\U0010ffff", b"\\U00110000", b"\\u12",
                                 b"\\\\u0041", b"\xe9", MARKER.encode() + b"\\u12", b"") + b"\n"
        if k == 14 and self.proto >= 5:
            return b"\x96" + struct.pack("<Q", 3) + b"abc"
        if k == 15:
            return b")"
        if k == 16:
            return b"X" + struct.pack("<I", 2) + self.c(b"\xc3(", b"\xed\xa0", b"ab")
        return self.int_op(self.r.randrange(-5, 300))

    def text(self):
        return self.c("", "a", "b", "abc", "\u00e9", "\U0001f600", MARKER, "x" * self.r.randrange(0, 40),
                      "$tag", "1", "utf-8", "latin1", "\x00", "a\nb")

    def rbytes(self):
        return self.c(b"", b"a", b"\x00\xff", bytes(self.r.randrange(256) for _ in range(self.r.randrange(0, 12))),
                      MARKER.encode())

    def global_op(self, module, name):
        if self.proto >= 4 and self.p(0.5):
            return self.str_op(module) + self.maybe_memo() + self.str_op(name) + self.maybe_memo() + b"\x93"
        return b"c" + module.encode() + b"\n" + name.encode() + b"\n"

    def tuple_of(self, parts):
        n = len(parts)
        if n == 0:
            return b")" if self.proto >= 1 else b"(t"
        if 1 <= n <= 3 and self.proto >= 2 and self.p(0.7):
            return b"".join(parts) + bytes([0x84 + n])
        return b"(" + b"".join(parts) + b"t"

    def call(self, module, name, args, depth):
        how = self.r.randrange(10)
        g = self.global_op(module, name)
        if how < 6 or self.proto < 2:
            if how == 0 and self.proto < 2:
                return b"(" + b"".join(args) + b"i" + module.encode() + b"\n" + name.encode() + b"\n"
            if how == 1:
                return b"(" + g + b"".join(args) + b"o"
            return g + self.maybe_memo() + self.tuple_of(args) + self.maybe_memo() + b"R"
        if how < 8:
            return g + self.tuple_of(args) + b"\x81"
        if self.proto >= 4:
            kw = b"}" if self.p(0.8) else b"}" + self.str_op("a") + b"K\x01s"
            return g + self.tuple_of(args) + kw + b"\x92"
        return g + self.tuple_of(args) + b"R"

    def td(self, *fields):
        return self.call("datetime", "timedelta", [self.int_op(f) for f in fields], 9)

    def tz(self):
        k = self.r.randrange(6)
        if k == 0:
            return b"N"
        offs = self.c((0, 0), (0, 3600), (-1, 82800), (-1, 0), (1, 0), (0, 86399), (999999999, 0),
                      (-999999999, 0), (0, 0, 1), (-1, 86399, 999999), (0, 59), (0, 86400))
        args = [self.td(*offs)]
        if k == 1:
            args.append(self.str_op(self.c("UTC", MARKER, "")))
        elif k == 2:
            args.append(b"N")
        elif k == 3:
            args.append(self.py2str_op(b"UTC"))
        return self.call("datetime", "timezone", args, 9)

    def state_bytes(self, n):
        b = bytes(self.r.randrange(256) for _ in range(n))
        if n in (4, 10) and self.p(0.7):
            b = bytes([0x07, 0xe4, self.c(1, 12, 0x81, 13, 0), self.c(1, 28, 29, 31, 32)]) + b[4:]
        if n == 6 and self.p(0.7):
            b = bytes([self.c(0, 23, 24, 0x80 | 5), self.c(0, 59, 60), self.c(0, 59, 60)]) + b[3:]
        if n == 10 and self.p(0.7):
            b = b[:4] + bytes([self.c(0, 23, 24), self.c(0, 59, 60), self.c(0, 59, 60)]) + b[7:]
        if self.p(0.3):
            return self.str_op(b.decode("latin-1"))
        if self.p(0.3):
            return self.py2str_op(b)
        return self.bytes_op(b)

    def global_value(self, depth):
        if self.p(0.03):
            m, n = self.c(*REFUSED_GLOBALS)
            return self.call(m, n, [self.value(depth + 1)], depth)
        m, n = self.c(*GLOBALS)
        a = lambda: self.value(depth + 1)
        I = lambda: self.int_op(self.odd_int()) if self.p(0.6) else self.int_op(self.r.randrange(0, 70))
        if n in ("set", "frozenset"):
            args = self.c([], [a()], [self.container(depth + 1)], [self.str_op(self.text())], [a(), a()])
        elif n in ("bytes", "bytearray"):
            args = self.c([], [self.int_op(self.c(0, 5, -1, 300, 2 ** 70, True, 65536, 65537, 10 ** 6))],
                          [self.container(depth + 1)],
                          [self.bytes_op(self.rbytes())], [self.str_op(self.text())],
                          [self.str_op(self.text()), self.str_op(self.c("ascii", "latin1", "utf-8", "U8", MARKER))],
                          [self.str_op(self.text()), self.str_op("ascii"), self.str_op(self.c("strict", "ignore", "replace"))],
                          [self.py2str_op(b"abc")], [self.container(depth + 1)])
        elif n == "complex":
            args = self.c([], [a()], [a(), a()], [I()], [self.float_op(1.5), self.float_op(-0.0)],
                          [self.int_op(2 ** 1100)], [self.str_op(self.c("1+2j", "nan", " 1 ", "j", MARKER))],
                          [a(), a(), a()])
        elif n == "encode":
            enc = self.c("latin1", "latin-1", "utf-8", "utf8", "UTF-8", "ascii", "utf_8", "U8", "L1", "iso-8859-1",
                         "iso8859_1", "us-ascii", "utf-16", "cp1252", "base64", "rot13", MARKER, "Latin 1", " utf-8",
                         "utf--8", "ISO_8859-1:1987", "646", "cp65001")
            txt = self.str_op(self.c("abc", "\u00e9", "\U0001f600", MARKER, ""))
            args = self.c([txt], [txt, self.str_op(enc)], [txt, self.py2str_op(enc.encode("utf-8"))],
                          [self.bytes_op(b"ab"), self.str_op(enc)], [txt, self.str_op(enc), self.str_op("strict")],
                          [txt, b"N"], [], [txt, self.str_op(enc), self.str_op("ignore")])
        elif n == "timedelta":
            cnt = self.c(0, 1, 2, 3, 3, 3, 4, 7, 8)
            args = [I() for _ in range(cnt)]
            if self.p(0.15) and args:
                args[0] = self.float_op(self.c(1.5, 0.1, -0.5, 1e300, float("nan")))
        elif n == "timezone":
            return self.tz()
        elif n == "date":
            if self.p(0.4):
                args = [self.state_bytes(self.c(4, 4, 3, 10))]
            else:
                args = [I() for _ in range(self.c(3, 3, 2, 4))]
        elif n == "time":
            if self.p(0.4):
                args = [self.state_bytes(self.c(6, 6, 5))] + ([self.tz()] if self.p(0.5) else [])
            else:
                args = [I() for _ in range(self.c(0, 1, 2, 4, 4))] + ([self.tz()] if self.p(0.4) else [])
        elif n == "datetime":
            if self.p(0.4):
                args = [self.state_bytes(self.c(10, 10, 9))] + ([self.tz()] if self.p(0.5) else [])
            else:
                args = [I() for _ in range(self.c(3, 3, 6, 7, 7, 8))] + ([self.tz()] if self.p(0.4) else [])
        elif n == "Decimal":
            args = self.c([], [self.str_op(self.c("1.5", "-0", "1e999999", "nan", "sNaN", "-Infinity", " 1.5 ",
                                                  "1_000", "\u0661\u0662", "1.5.", MARKER, "", "0E-7", "1e-1000000"))],
                          [I()], [self.bytes_op(b"1.5")], [self.py2str_op(b"2.5")], [self.float_op(1.5)],
                          [a(), a()], [self.tuple_of([self.int_op(0), self.tuple_of([self.int_op(1), self.int_op(4)]),
                                                      self.int_op(-1)])])
        elif n == "OrderedDict":
            args = self.c([], [self.container(depth + 1)], [self.str_op("ab")],
                          [b"]" + self.tuple_of([self.str_op("k"), I()]) + b"a"])
        elif n == "_reconstructor":
            base = self.global_op(*self.c(("builtins", "object"), ("__builtin__", "object"), ("builtins", "set"),
                                          ("__builtin__", "dict")))
            cls = self.global_op(*self.c(("collections", "OrderedDict"), ("builtins", "set"), ("datetime", "date")))
            args = [cls, base, self.c(b"N", b"}", b"]")]
        else:  # object
            args = self.c([], [a()])
        return self.call(m, n, args, depth)

    def maybe_memo(self):
        if not self.p(0.25):
            return b""
        k = self.r.randrange(10)
        if k < 4 and self.proto >= 4:
            self.memo.append(self.next_memo)
            self.next_memo += 1
            return b"\x94"
        idx = self.next_memo if self.p(0.8) else self.c(0, 1, 255, 256, 10 ** 6, 2 ** 31 - 1, 2 ** 32 - 1)
        self.memo.append(idx)
        self.next_memo = max(self.next_memo, idx + 1) if idx < 10 ** 5 else self.next_memo
        if self.proto >= 1 and idx < 256 and self.p(0.6):
            return b"q" + bytes([idx])
        if self.proto >= 1 and idx < 2 ** 32 and self.p(0.5):
            return b"r" + struct.pack("<I", idx)
        return b"p" + self.c(str(idx), " %d" % idx, "%d_0" % idx if idx else "0", "0%d" % idx, "-%d" % idx,
                             "+%d" % idx, "0x%x" % idx).encode() + b"\n"

    def get(self):
        if self.memo and self.p(0.85):
            idx = self.c(*self.memo)
        else:
            idx = self.c(0, 1, 2, 7, 255, 300)
        if self.proto >= 1 and idx < 256 and self.p(0.6):
            return b"h" + bytes([idx])
        if self.proto >= 1 and idx < 2 ** 32 and self.p(0.5):
            return b"j" + struct.pack("<I", idx)
        return b"g" + self.c(str(idx), " %d" % idx, "0%d" % idx, "%d " % idx).encode() + b"\n"

    def container(self, depth):
        n = self.r.randrange(0, 4)
        items = lambda m: [self.value(depth + 1) for _ in range(m)]
        k = self.r.randrange(9)
        if k == 0:
            out = b"]" if self.proto >= 1 else b"(l"
            out += self.maybe_memo()
            if n and self.p(0.5) and self.proto >= 1:
                out += b"(" + b"".join(items(n)) + b"e"
            else:
                for v in items(n):
                    out += v + b"a"
            return out
        if k == 1:
            return b"(" + b"".join(items(n)) + b"l"
        if k == 2:
            out = b"}" if self.proto >= 1 else b"(d"
            out += self.maybe_memo()
            pairs = [self.key(depth) + self.value(depth + 1) for _ in range(n)]
            if n and self.p(0.5) and self.proto >= 1:
                out += b"(" + b"".join(pairs) + b"u"
            else:
                for pr in pairs:
                    out += pr + b"s"
            return out
        if k == 3:
            return b"(" + b"".join(self.key(depth) + self.value(depth + 1) for _ in range(n)) + b"d"
        if k == 4 and self.proto >= 4:
            out = b"\x8f" + self.maybe_memo()
            if n:
                out += b"(" + b"".join(self.key(depth) for _ in range(n)) + b"\x90"
            return out
        if k == 5 and self.proto >= 4:
            return b"(" + b"".join(self.key(depth) for _ in range(n)) + b"\x91"
        if k == 6:
            return b"(" + b"".join(items(n)) + b"t"
        return self.tuple_of(items(min(n, 3)))

    def key(self, depth):
        if self.p(0.15):
            return self.value(depth + 1)
        return self.c(self.str_op(self.text()), self.int_op(self.r.randrange(-3, 300)),
                      self.float_op(self.c(1.0, float("nan"), -0.0, 0.0)), b"N", self.c(b"\x88", b"I01\n"),
                      self.tuple_of([self.int_op(1), self.str_op("a")]), self.global_value(depth + 1))

    def value(self, depth=0):
        self.size += 1
        if depth > 4 or self.size > 40:
            out = self.scalar()
        else:
            k = self.r.randrange(20)
            if k < 7:
                out = self.scalar()
            elif k < 12:
                out = self.container(depth)
            elif k < 17:
                out = self.global_value(depth)
            elif k < 19 and self.memo:
                out = self.get()
            else:
                out = self.scalar()
        out += self.maybe_memo()
        if self.p(0.03):
            out += self.c(b"N", b"}", b"N}\x86" if self.proto >= 2 else b"(N}t", b"}" + self.str_op("a") + b"K\x01s",
                          b"]") + b"b"
        if self.p(0.02):
            out += self.c(b"2", b"2\x86" if self.proto >= 2 else b"2", b"N0", b"(N1")
        return out

    def pickle(self):
        body = self.value()
        if self.p(0.02):
            body += self.c(b"2", b"0", b"N", b"(")
        out = b""
        if self.proto >= 2 or self.p(0.05):
            out += b"\x80" + bytes([self.proto if self.p(0.97) else self.c(6, 255)])
        if self.proto >= 4 and self.p(0.7):
            payload = body + b"."
            k = self.r.randrange(5)
            if k == 0:
                out += b"\x95" + struct.pack("<Q", len(payload)) + payload
            elif k == 1:  # split at a random byte (frames may straddle opcodes)
                cut = self.r.randrange(0, len(payload) + 1)
                out += b"\x95" + struct.pack("<Q", cut) + payload[:cut] + payload[cut:]
            elif k == 2:
                out += b"\x95" + struct.pack("<Q", len(payload) + self.c(1, 5, 2 ** 40)) + payload
            elif k == 3:
                out += b"\x95" + struct.pack("<Q", 0) + payload
            else:
                cut = self.r.randrange(0, len(payload) + 1)
                out += (b"\x95" + struct.pack("<Q", cut) + payload[:cut] + b"\x95"
                        + struct.pack("<Q", len(payload) - cut) + payload[cut:])
        else:
            out += body + b"."
        if self.p(0.08):
            out = self.mutate(out)
        return out

    def mutate(self, data):
        k = self.r.randrange(5)
        i = self.r.randrange(0, len(data))
        if k == 0:
            return data[:i]
        if k == 1:
            return data[:i] + bytes([self.r.randrange(256)]) + data[i + 1:]
        if k == 2:
            return data[:i] + bytes([self.r.randrange(256)]) + data[i:]
        if k == 3:
            return data[:i] + data[i + 1:]
        return data + self.c(b"garbage", b"\x00", b".")


def generate(seed, index):
    """One pickle of at most MAX_BYTES (retrying with a derived index when too long)."""
    for attempt in range(20):
        data = Gen(seed, index * 31 + attempt if attempt else index).pickle()
        if len(data) <= MAX_BYTES:
            return data
    return b"N."
