#!/usr/bin/env python3
"""Writes Fixtures/pickle/cpython-diff/cases.jsonl: the pickles of each disagreement class the
differential harness (Interop/pickle-diff) found and the Swift codec now follows, with CPython
3.11's C `_pickle` verdict and value (pickle.loads, as Werkzeug calls it, allowlisted globals only).

Each line: {"name", "pickle": base64, "verdict": "accept" | "refuse", "expected": tagged JSON}.
Run: python3 Fixtures/pickle/cpython-diff/make_cases.py > Fixtures/pickle/cpython-diff/cases.jsonl
"""
import base64
import json
import os
import struct
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "Interop", "pickle-diff"))
import reference  # noqa: E402  (the audit-hook restricted C _pickle, and tagged JSON)


def u(text):
    data = text.encode("utf-8")
    return b"X" + struct.pack("<I", len(data)) + data


def call(module, name, *args):
    return b"c" + module + b"\n" + name + b"\n(" + b"".join(args) + b"tR"


TD = lambda *f: call(b"datetime", b"timedelta", *[b"J" + struct.pack("<i", x) for x in f])

CASES = [
    # INT: C strtol base 0, then int(text, 0); a two-byte 0/1 is a bool
    ("int-octal", b"I010\n."), ("int-negative-octal", b"I-010\n."), ("int-hex", b"I0x10\n."),
    ("int-underscore", b"I1_000\n."), ("int-leading-space", b"I 5\n."), ("int-trailing-space", b"I5 \n."),
    ("int-minus-zero-bool", b"I-0\n."), ("int-plus-one-bool", b"I+1\n."), ("int-bad-octal", b"I08\n."),
    ("int-nul-end", b"I5\x00x\n."), ("int-nul-only", b"I\x00\n."), ("int-binary", b"I0b101\n."),
    ("int-octal-o", b"I0o17\n."), ("int-zero-space", b"I0 \n."), ("int-big-octal", b"I0777777777777777777777777\n."),
    ("int-big-underscore", b"I1_000_000_000_000_000_000_000\n."), ("int-double-underscore", b"I1__0\n."),
    ("int-empty-sign", b"I-\n."), ("int-01", b"I01\n."), ("int-001", b"I001\n."),
    # LONG: one L dropped, int(text, 0)
    ("long-octal-refused", b"L010L\n."), ("long-hex", b"L0x10L\n."), ("long-underscore", b"L1_0L\n."),
    ("long-space", b"L 1\n."), ("long-empty", b"LL\n."), ("long-zeros", b"L00\n."), ("long-negative-hex", b"L-0xffL\n."),
    # FLOAT: PyOS_string_to_double
    ("float-overflow", b"F1e999\n."), ("float-negative-overflow", b"F-1e999\n."), ("float-underflow", b"F1e-999\n."),
    ("float-space", b"F 1.5\n."), ("float-underscore", b"F1_0\n."), ("float-point-five", b"F.5\n."),
    ("float-five-point", b"F5.\n."), ("float-bare-e", b"F1e\n."), ("float-infinity", b"FInfinity\n."),
    ("float-nul-end", b"F1.5\x00x\n."), ("float-hex", b"F0x1p3\n."), ("float-infinit", b"Finfinit\n."),
    # GET / PUT: int(text, 10)
    ("put-get-space", b"I7\np 0\n0g0\n."), ("put-underscore", b"I7\np1_0\n0g10\n."), ("put-hex-refused", b"I7\np0x0\n."),
    ("get-leading-zero", b"I7\np010\n0g10\n."),
    # BUILD on a plain value: None and (None, {}) only
    ("build-empty-dict-on-int", b"K\x01}b."), ("build-empty-dict-on-list", b"]}b."), ("build-empty-dict-on-dict", b"}}b."),
    ("build-none-on-int", b"K\x01Nb."), ("build-none-slots-on-int", b"\x80\x02K\x01N}\x86b."),
    ("build-empty-dict-on-date", call(b"datetime", b"date", b"M\xe4\x07K\x01K\x01") + b"}b."),
    # frames: C _pickle checks the length is present, nothing else
    ("frame-straddles-opcode", b"\x80\x04\x95\x01\x00\x00\x00\x00\x00\x00\x00J\x01\x00\x00\x00."),
    ("frame-inside-frame", b"\x80\x04\x95\x05\x00\x00\x00\x00\x00\x00\x00K\x01\x95\x01\x00\x00\x00\x00\x00\x00\x00."),
    ("frame-zero", b"\x80\x04\x95\x00\x00\x00\x00\x00\x00\x00\x00K\x01."),
    ("frame-too-long", b"\x80\x04\x95\x09\x00\x00\x00\x00\x00\x00\x00K\x01."),
    # timezone and timedelta
    ("timezone-named", call(b"datetime", b"datetime", b"M\xe4\x07K\x01K\x01K\x00K\x00K\x00K\x00",
                            call(b"datetime", b"timezone", TD(0, 3600), u("CET"))) + b"."),
    ("timezone-name-none", call(b"datetime", b"datetime", b"M\xe4\x07K\x01K\x01K\x00K\x00K\x00K\x00",
                                call(b"datetime", b"timezone", TD(0, 3600), b"N")) + b"."),
    ("timezone-minus-24h", call(b"datetime", b"time", b"K\x01", call(b"datetime", b"timezone", TD(-1))) + b"."),
    ("timezone-minus-one-us", call(b"datetime", b"time", b"K\x01K\x00K\x00K\x00",
                                   call(b"datetime", b"timezone", TD(-1, 86399, 999999))) + b"."),
    ("timezone-huge", call(b"datetime", b"time", b"K\x01K\x00K\x00K\x00", call(b"datetime", b"timezone", TD(999999999))) + b"."),
    ("time-tzinfo-in-minute", call(b"datetime", b"time", b"K\x01N") + b"."),
    ("datetime-tzinfo-in-hour", call(b"datetime", b"datetime", b"M\xe4\x07K\x01K\x01N") + b"."),
    ("timedelta-seven", TD(1, 1, 1, 1, 1, 1, 1) + b"."), ("timedelta-eight", TD(1, 1, 1, 1, 1, 1, 1, 1) + b"."),
    ("timedelta-max-days", TD(999999999) + b"."), ("timedelta-past-max", TD(999999999, 86400) + b"."),
    ("timedelta-weeks", TD(0, 0, 0, 0, 0, 0, 142857142) + b"."),
    # argument forms
    ("set-of-str", call(b"builtins", b"set", u("abc")) + b"."), ("frozenset-of-bytes", call(b"builtins", b"frozenset", b"C\x02ab") + b"."),
    ("bytes-count", call(b"builtins", b"bytes", b"K\x05") + b"."), ("bytes-negative-count", call(b"builtins", b"bytes", b"J\xff\xff\xff\xff") + b"."),
    ("bytes-of-str", call(b"builtins", b"bytes", u("abc")) + b"."), ("bytes-of-py2-str", call(b"__builtin__", b"bytes", b"U\x03abc") + b"."),
    ("bytes-str-encoding-errors", call(b"builtins", b"bytes", u("a\u00e9"), u("ascii"), u("ignore")) + b"."),
    ("bytes-encoding-bytes", call(b"builtins", b"bytes", u("a"), b"C\x05ascii") + b"."),
    ("bytearray-count", call(b"builtins", b"bytearray", b"K\x03") + b"."),
    ("decimal-of-bytes", call(b"decimal", b"Decimal", b"C\x031.5") + b"."), ("decimal-spaces", call(b"decimal", b"Decimal", u(" 1.5 ")) + b"."),
    ("decimal-underscore", call(b"decimal", b"Decimal", u("1_000")) + b"."), ("decimal-py2-str", call(b"decimal", b"Decimal", b"U\x032.5") + b"."),
    ("decimal-double-underscore", call(b"decimal", b"Decimal", u("1__0")) + b"."),
    ("decimal-arabic-digits", call(b"decimal", b"Decimal", u("\u0661\u0662")) + b"."),
    ("complex-huge-int", call(b"builtins", b"complex", b"\x8a\x8a" + b"\x00" * 137 + b"\x01") + b"."),
    ("codecs-u8", call(b"_codecs", b"encode", u("\u00e9"), u("U8")) + b"."),
    ("codecs-latin-space-1", call(b"_codecs", b"encode", u("\u00e9"), u("Latin 1")) + b"."),
    ("codecs-iso-1987", call(b"_codecs", b"encode", u("\u00e9"), u("ISO_8859-1:1987")) + b"."),
    ("codecs-646", call(b"_codecs", b"encode", u("a"), u("646")) + b"."),
    ("codecs-default-utf8", call(b"_codecs", b"encode", u("\u00e9")) + b"."),
    ("codecs-ascii-replace", call(b"_codecs", b"encode", u("a\u00e9"), u("ascii"), u("replace")) + b"."),
    ("codecs-latin1-xmlcharref", call(b"_codecs", b"encode", u("a\u20ac"), u("latin1"), u("xmlcharrefreplace")) + b"."),
    ("codecs-ascii-backslash", call(b"_codecs", b"encode", u("\u00e9\u20ac\U0001f600"), u("ascii"), u("backslashreplace")) + b"."),
    ("codecs-name-none", call(b"_codecs", b"encode", u("a"), b"N") + b"."),
    ("codecs-py2-encoding", call(b"_codecs", b"encode", u("\u00e9"), b"U\x06latin1") + b"."),
    ("codecs-unknown-errors-unused", call(b"_codecs", b"encode", u("abc"), u("ascii"), u("bogus")) + b"."),
    ("ordered-dict-of-dict", b"ccollections\nOrderedDict\n((dS'a'\nI1\nstR."),
    ("ordered-dict-of-str-pairs", call(b"collections", b"OrderedDict", b"(X\x02\x00\x00\x00abl") + b"."),
]


def main():
    for name, data in CASES:
        verdict, value = reference.load(data)
        row = {"name": name, "pickle": base64.b64encode(data).decode("ascii"), "verdict": verdict}
        if verdict == "accept":
            row["expected"] = value
        elif verdict != "refuse":
            sys.exit("%s: CPython's value has no tagged JSON: %s" % (name, value))
        sys.stdout.write(json.dumps(row, sort_keys=True, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
