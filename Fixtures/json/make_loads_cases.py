"""Records what Python's json.loads(bytes) makes of a corpus of tricky JSON documents.

Run with /tmp/venv/bin/python (CPython 3.11): python make_loads_cases.py > loads-cases.jsonl
Each line: {"name", "input_base64": the document's bytes, and one of
  "tagged": the result as tagged JSON text (tagged.py, ensure_ascii=False),
  "error": the exception class json.loads raised (JSONDecodeError, UnicodeDecodeError, ValueError...),
  "lone_surrogate": true when Python's result holds a lone surrogate, which a Swift string cannot hold}.
"""
import base64
import json
import sys

from tagged import dumps_tagged

TEXT = [
    ("null", "null"), ("true", "true"), ("false", "false"), ("white space", " \t\n\r 1 \r\n\t "),
    ("zero", "0"), ("negative zero int", "-0"), ("negative zero float", "-0.0"), ("float", "1.0"),
    ("exponent", "1e5"), ("upper exponent", "1E5"), ("exponent sign", "1e+5"), ("negative exponent", "1e-5"),
    ("zero exponent", "0e0"), ("fraction exponent", "-12.5E-3"), ("overflow", "1e400"), ("negative overflow", "-1e400"),
    ("underflow", "1e-400"), ("long mantissa", "0." + "1" * 400), ("rounding", "9007199254740993"),
    ("rounding float", "9007199254740993.0"), ("int64 max", "9223372036854775807"), ("int64 min", "-9223372036854775808"),
    ("2**63", "9223372036854775808"), ("-2**63-1", "-9223372036854775809"), ("30 digits", "123456789012345678901234567890"),
    ("4300 digits", "9" * 4300), ("-4300 digits", "-" + "9" * 4300), ("4301 digits", "9" * 4301),
    ("NaN", "NaN"), ("Infinity", "Infinity"), ("-Infinity", "-Infinity"), ("NaN in list", "[NaN, -Infinity]"),
    ("empty string", '""'), ("escapes", r'"\"\\\/\b\f\n\r\t"'), ("unicode escape", r'"\u00e9\u20AC"'),
    ("surrogate pair", r'"\ud83d\ude00"'), ("upper surrogate pair", r'"\uD83D\uDE00"'), ("raw utf8", '"\u00e9\U0001F600"'),
    ("lone high", r'"\ud800"'), ("lone low", r'"\udc00"'), ("high then letter", r'"\ud800\u0041"'),
    ("reversed pair", r'"\ude00\ud83d"'), ("nul escape", r'"\u0000"'), ("del raw", '"\x7f"'),
    ("empty array", "[]"), ("empty object", "{}"), ("spaced containers", "[ 1 , [ ] , { } ]"),
    ("nested", '{"a": [1, {"b": null}], "c": {"d": [true, false]}}'), ("key order", '{"b": 1, "a": 2, "c": 3}'),
    ("duplicate keys", '{"a": 1, "b": 2, "a": 3}'), ("duplicate key nested", '{"a": {"x": 1}, "a": [2]}'),
    ("empty key", '{"": 0}'), ("unicode key", '{"\\u00e9": 1, "\u00e9": 2}'),
    ("deep", "[" * 100 + "]" * 100),
    # refused
    ("empty", ""), ("only space", "   "), ("trailing comma", "[1,]"), ("object trailing comma", '{"a": 1,}'),
    ("leading zero", "01"), ("trailing dot", "1."), ("leading dot", ".5"), ("plus", "+1"), ("minus only", "-"),
    ("missing comma", "[1 2]"), ("short true", "tru"), ("lower nan", "nan"), ("lower inf", "inf"),
    ("single quotes", "'a'"), ("raw control", '"\x01"'), ("raw tab", '"\t"'), ("raw newline", '"\n"'),
    ("unterminated", '"abc'), ("bad escape", r'"\x41"'), ("short unicode escape", r'"\u12"'),
    ("bad hex", r'"\u12g4"'), ("pair bad hex", r'"\ud800\u12g4"'), ("open array", "["), ("close array", "]"),
    ("missing colon", '{"a" 1}'), ("number key", "{1: 2}"), ("two values", "1 2"), ("extra close", "[1]]"),
    ("comment", "[1] // c"), ("hex number", "0x10"), ("infinity lower", "-infinity"), ("NaN prefix", "NaNa"),
    ("exponent without digits", "1e"), ("exponent sign only", "1e+"), ("dot exponent", "1.e5"),
    ("vertical tab", "\x0b1"), ("form feed", "\x0c1"), ("nbsp", "\u00a01"), ("unquoted key", "{a: 1}"),
]

BYTES = [
    ("utf8 bom", b"\xef\xbb\xbf[1]"), ("double bom", b"\xef\xbb\xbf\xef\xbb\xbf[1]"), ("utf8 bom only", b"\xef\xbb\xbf"),
    ("invalid utf8", b'"\xff"'), ("overlong", b'"\xc0\xaf"'), ("truncated utf8", b'"\xe2\x82"'),
    ("cesu surrogate", b'"\xed\xa0\x80"'), ("above max", b'"\xf4\x90\x80\x80"'), ("invalid outside", b"[1]\xff"),
    ("nul byte", b"\x00"), ("nul after", b"1\x00"),
]
for name, text in [("utf16 string", '["\u00e9\U0001F600"]'), ("utf16 number", "12")]:
    BYTES += [
        (name + " le bom", b"\xff\xfe" + text.encode("utf-16-le")), (name + " be bom", b"\xfe\xff" + text.encode("utf-16-be")),
        (name + " le", text.encode("utf-16-le")), (name + " be", text.encode("utf-16-be")),
        (name + " utf32 le bom", b"\xff\xfe\x00\x00" + text.encode("utf-32-le")),
        (name + " utf32 be bom", b"\x00\x00\xfe\xff" + text.encode("utf-32-be")),
        (name + " utf32 le", text.encode("utf-32-le")), (name + " utf32 be", text.encode("utf-32-be")),
    ]
BYTES += [("utf16 one char", "7".encode("utf-16-le")), ("utf16 lone surrogate", b"\xff\xfe\"\x00\x00\xd8\"\x00"),
          ("utf16 odd length", b"\xff\xfe1\x00\x00")]

for name, data in [(n, t.encode("utf-8")) for n, t in TEXT] + BYTES:
    record = {"name": name, "input_base64": base64.b64encode(data).decode()}
    try:
        value = json.loads(data)
    except Exception as error:  # noqa: BLE001 - the class is the expectation
        record["error"] = type(error).__name__
    else:
        try:
            record["tagged"] = dumps_tagged(value)
            record["tagged"].encode("utf-8")
        except UnicodeEncodeError:
            del record["tagged"]
            record["lone_surrogate"] = True
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
