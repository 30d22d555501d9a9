"""Record what PyYAML does, for the Swift YAML codec's tests.

Run from the repository root with Python 3 and PyYAML 6.0.x (built with libyaml, for the
CSafeDumper column):

    python Fixtures/yaml/make_fixtures.py

Writes, next to this script:

- pyyaml-safe-load.jsonl: for every case of Fixtures/conformance/yaml-test-suite, what
  ``yaml.safe_load(in.yaml bytes)`` gives: ``{"id", "value": <tagged JSON>}``, or
  ``{"id", "error": "<ExceptionType>: <first line>"}``, or ``{"id", "recursive": true}`` when
  the value refers to itself (the Swift codec refuses recursive aliases on purpose).
- safe-load.jsonl: hand-written inputs for the YAML 1.1 typing rules, same fields plus "yaml".
- scalars.jsonl: plain scalar texts (hand-picked and seeded-random ones built from the characters
  the YAML 1.1 patterns care about), with the tag PyYAML's resolver gives a plain scalar of that
  text ("tag") and what SafeConstructor builds from it ("value", or "error").
- safe-dump.jsonl: values and what ``yaml.safe_dump(value)`` writes ("safe_dump"), what the
  same representer writes through libyaml's emitter (``yaml.dump(value, Dumper=CSafeDumper)``,
  "libyaml"), what ``safe_load`` reads back from safe_dump's text ("reloaded", or
  "reload_error"), and "error" when safe_dump refuses the value.
"""
import base64
import datetime
import decimal
import json
import os
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "Interop"))
from tagged import to_tagged  # noqa: E402

SUITE = os.path.join(ROOT, "Fixtures", "conformance", "yaml-test-suite")


def is_recursive(value, stack=()):
    if isinstance(value, (list, dict, set, tuple)):
        if any(value is s for s in stack):
            return True
        stack = stack + (value,)
        items = value.items() if isinstance(value, dict) else value
        for item in items:
            if isinstance(value, dict):
                if is_recursive(item[0], stack) or is_recursive(item[1], stack):
                    return True
            elif is_recursive(item, stack):
                return True
    return False


def load_record(data):
    try:
        value = yaml.safe_load(data)
    except Exception as exc:  # every failure is recorded, with its type
        return {"error": "%s: %s" % (type(exc).__name__, str(exc).splitlines()[0] if str(exc) else "")}
    if is_recursive(value):
        return {"recursive": True}
    return {"value": to_tagged(value)}


def write_jsonl(name, records):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")


def suite_records():
    for case in sorted(os.listdir(SUITE)):
        path = os.path.join(SUITE, case, "in.yaml")
        if not os.path.isfile(path):
            continue
        with open(path, "rb") as f:
            data = f.read()
        record = {"id": case}
        record.update(load_record(data))
        yield record


LOAD_CASES = [
    # null
    ("null-tilde", "~"), ("null-word", "null"), ("null-Null", "Null"), ("null-NULL", "NULL"), ("null-nUll", "nUll"),
    ("null-empty", ""), ("null-empty-value", "a:"),
    # bool, YAML 1.1
    ("bool-yes", "yes"), ("bool-Yes", "Yes"), ("bool-YES", "YES"), ("bool-yEs", "yEs"), ("bool-no", "no"),
    ("bool-on", "on"), ("bool-Off", "Off"), ("bool-True", "True"), ("bool-FALSE", "FALSE"), ("bool-y", "y"),
    ("bool-n", "n"),
    # int
    ("int-zero", "0"), ("int-neg", "-17"), ("int-plus", "+17"), ("int-octal", "017"), ("int-octal-o", "0o17"),
    ("int-hex", "0x1F"), ("int-hex-upper-X", "0X1F"), ("int-bin", "0b1010"), ("int-underscore", "1_000_000"),
    ("int-sexagesimal", "190:20:30"), ("int-sexagesimal-neg", "-1:30"), ("int-big", "123456789012345678901234567890"),
    ("int-big-hex", "0xFFFFFFFFFFFFFFFFFFFF"), ("int-big-neg", "-9223372036854775809"), ("int-min64", "-9223372036854775808"),
    ("int-octal-bad", "08"), ("int-zero-underscore", "0_"), ("int-bin-underscore-only", "0b_"),
    ("int-explicit-octal-o", "!!int 0o17"), ("int-explicit-bad", "!!int abc"), ("int-explicit-float", "!!int 1.5"),
    ("int-explicit-sexagesimal-big", "!!int 123456789012345678901:59"),
    # float
    ("float-plain", "1.5"), ("float-exp", "1.0e+3"), ("float-exp-no-dot", "1e3"), ("float-exp-no-sign", "1.0e3"),
    ("float-dot-start", ".5"), ("float-dot-end", "1."), ("float-inf", ".inf"), ("float-neg-inf", "-.Inf"),
    ("float-nan", ".NaN"), ("float-nan-signed", "-.nan"), ("float-sexagesimal", "190:20:30.15"),
    ("float-underscore", "1_000.5"), ("float-explicit-exp", "!!float 1e3"), ("float-explicit-int", "!!float 3"),
    ("float-explicit-inf-word", "!!float inf"), ("float-explicit-bad", "!!float abc"), ("float-neg-zero", "-0.0"),
    ("float-dot-only", "."), ("float-big-exp", "1.0e+400"),
    # str
    ("str-plain", "hello"), ("str-quoted-int", "'12'"), ("str-double-quoted-bool", '"yes"'), ("str-explicit", "!!str 12"),
    ("str-escapes", '"a\\tb\\u00e9\\x41\\U0001F600"'), ("str-multiline-folded", "a: >\n  one\n  two\n"),
    ("str-literal", "a: |\n  one\n  two\n"), ("str-equals", "=x"), ("str-merge-like", "<<x"),
    # timestamps
    ("date", "2002-12-14"), ("date-short-month", "2002-1-14"), ("date-explicit-short", "!!timestamp 2002-1-4"),
    ("datetime-canonical", "2001-12-15T02:59:43.1Z"), ("datetime-iso", "2001-12-14t21:59:43.10-05:00"),
    ("datetime-space", "2001-12-14 21:59:43.10 -5"), ("datetime-naive", "2001-12-15 2:59:43.10"),
    ("datetime-date-only-explicit-time", "2002-12-14 00:00:00"), ("datetime-long-fraction", "2001-12-14 21:59:43.1234567"),
    ("datetime-bad-month", "2001-13-14"), ("datetime-bad-day", "2001-02-30 10:00:00"), ("datetime-tz-plus", "2001-12-14 21:59:43+05:30"),
    ("datetime-tz-too-big", "2001-12-14 21:59:43+24"),
    # binary
    ("binary", "!!binary |\n  R0lGODlhDAAMAIQAAP//9/X17unp5WZmZgAAAOfn515eXvPz7Y6OjuDg4J+fn5\n"),
    ("binary-bad-padding", "!!binary YWJj\n  ZA"), ("binary-junk", "!!binary 'YW*Jj'"), ("binary-empty", "!!binary ''"),
    ("binary-non-ascii", "!!binary 'é'"), ("binary-one-extra", "!!binary YWJjZ"),
    # collections
    ("seq", "- 1\n- two\n- [3, 4]\n"), ("map", "b: 1\na: 2\n"), ("map-int-keys", "1: a\n2: b\n"),
    ("map-bool-int-collide", "1: a\ntrue: b\n"), ("map-duplicate", "a: 1\na: 2\n"), ("map-complex-key", "? [1, 2]\n: x\n"),
    ("map-map-key", "? {a: 1}\n: x\n"), ("map-null-key", "~: x\n"), ("map-float-key", "1.5: x\n"),
    ("set", "!!set\n? a\n? b\n"), ("set-flow", "!!set {a, b, 1}"), ("set-unhashable", "!!set {[1]: null}"),
    ("omap", "!!omap\n- a: 1\n- b: 2\n"), ("pairs", "!!pairs\n- a: 1\n- a: 2\n"), ("omap-bad", "!!omap {a: 1}"),
    ("omap-two-items", "!!omap\n- {a: 1, b: 2}\n"), ("seq-on-scalar", "!!seq abc"), ("map-on-seq", "!!map [1]"),
    ("str-on-seq", "!!str [1]"), ("null-explicit-text", "!!null abc"),
    # merge keys
    ("merge", "base: &b {x: 1, y: 2}\nderived:\n  <<: *b\n  y: 3\n"),
    ("merge-list", "a: &a {x: 1}\nb: &b {x: 2, z: 3}\nc:\n  <<: [*a, *b]\n"),
    ("merge-scalar", "a: {<<: 1}"), ("merge-list-of-scalar", "a: {<<: [1]}"), ("merge-unknown-tag-ignored", "<<: !foo {a: 1}"),
    ("merge-explicit", "a: {!!merge x: {b: 1}}"),
    ("value-key", "=: 1"), ("value-value", "a: ="),
    # tags
    ("tag-python-apply", "!!python/object/apply:os.system ['echo hi']"), ("tag-python-name", "!!python/name:os.system"),
    ("tag-local", "!foo bar"), ("tag-local-seq", "!foo [1]"), ("tag-nonspecific-int", "! 12"),
    ("tag-nonspecific-quoted", "! '12'"), ("tag-verbatim", "!<tag:yaml.org,2002:int> '7'"),
    ("tag-directive", "%TAG !e! tag:yaml.org,2002:\n---\n!e!int '5'\n"), ("tag-nested-refused", "a: [1, !!python/tuple [1]]"),
    # aliases and documents
    ("alias", "a: &x [1, 2]\nb: *x\n"), ("alias-undefined", "a: *x"), ("alias-recursive", "&a [*a]"),
    ("anchor-duplicate", "- &a 1\n- &a 2\n"), ("multi-doc", "a\n---\nb\n"), ("doc-end", "a\n...\n"),
    ("doc-explicit", "--- 5\n"), ("comment-only", "# nothing\n"),
    # errors from the parser
    ("error-tab-indent", "a:\n\tb: 1\n"), ("error-invalid-utf8", b"a: \xff\xfe\n"), ("error-unclosed", "[1, 2"),
    ("error-bad-indent", "a:\n  b: 1\n c: 2\n"),
]


def load_cases():
    for name, text in LOAD_CASES:
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        record = {"name": name, "yaml_base64": base64.b64encode(data).decode("ascii")}
        record.update(load_record(data))
        yield record


utc = datetime.timezone.utc
DUMP_VALUES = [
    ("none", None), ("true", True), ("false", False), ("zero", 0), ("neg", -5), ("big", 2 ** 70), ("big-neg", -2 ** 64),
    ("float", 1.5), ("float-1e17", 1e17), ("float-1e16", 1e16), ("float-small", 1e-5), ("float-tiny", 1.23456789e-300),
    ("float-neg-zero", -0.0), ("float-100", 100.0), ("float-inf", float("inf")), ("float-neg-inf", float("-inf")),
    ("float-nan", float("nan")),
    ("str", "abc"), ("str-empty", ""), ("str-yes", "yes"), ("str-1.0e+3", "1.0e+3"), ("str-1e3", "1e3"), ("str-null", "null"),
    ("str-tilde", "~"), ("str-date", "2020-01-01"), ("str-int", "12"), ("str-octal", "017"), ("str-0o17", "0o17"),
    ("str-hex", "0x1F"), ("str-sexagesimal", "12:30"), ("str-equals", "="), ("str-merge", "<<"), ("str-On", "On"),
    ("str-newline", "a\nb"), ("str-trailing-newline", "a\nb\n"), ("str-lead-space", " lead"), ("str-trail-space", "trail "),
    ("str-e-acute", "\u00e9"), ("str-cjk", "\u65e5\u672c"), ("str-controls", "\x00\x07\x1b"), ("str-line-sep", "\u2028"),
    ("str-bom", "\ufeff"), ("str-emoji", "\U0001F600"), ("str-colon-space", "a: b"), ("str-dash", "- x"),
    ("str-hash", "#c"), ("str-inline-hash", "x #c"), ("str-single-quotes", "'q'"), ("str-double-quotes", '"dq"'),
    ("str-long-word", "x" * 100), ("str-long-words", ("word " * 30).strip()), ("str-tab", "tab\there"),
    ("str-crlf", "x\r\ny"), ("str-blank-lines", "a\n\n"), ("str-spaces-newline", "  \n"), ("str-null-newline", "null\n"),
    ("str-question", "?"), ("str-colon", ":"), ("str-bracket", "["), ("str-brace", "{a}"), ("str-comma", "a,b"),
    ("str-long-escapes", "\u00e9" * 50), ("str-long-mixed", "x " * 50 + "\u00e9"), ("str-long-unbreakable", "a" * 200 + " " + "b" * 10),
    ("bytes", b"\x00\x01bytes"), ("bytes-empty", b""), ("bytes-long", bytes(range(256))),
    ("list-empty", []), ("dict-empty", {}), ("list-nested", [1, [2, [3]]]), ("tuple", (1, 2)),
    ("dict-sorted", {"b": 1, "a": [1, 2], "c": {"z": None}}), ("dict-int-keys", {2: "b", 1: "a"}),
    ("dict-mixed-keys", {1: "a", "b": 2}), ("dict-tuple-key", {(1, 2): 3}), ("dict-none-key", {None: 1}),
    ("dict-bool-int-keys", {True: 1, 2: "x"}), ("dict-empty-str-key", {"": 1}), ("dict-float-int-keys", {1.5: "a", 1: "b", -2: "c"}),
    ("dict-bytes-key", {b"k": 1}), ("dict-date-keys", {datetime.date(2020, 1, 2): 1, datetime.date(2019, 5, 6): 2}),
    ("dict-unicode-keys", {"\u00e9": 1, "z": 2, "\u65e5": 3}),
    ("set", {1, 2, 3}), ("set-empty", set()), ("set-str", {"b", "a"}),
    ("datetime", datetime.datetime(2020, 1, 2, 3, 4, 5)), ("datetime-us", datetime.datetime(2020, 1, 2, 3, 4, 5, 123)),
    ("datetime-utc", datetime.datetime(2020, 1, 2, 3, 4, 5, tzinfo=utc)),
    ("datetime-offset", datetime.datetime(2020, 1, 2, 3, 4, 5, 500000, tzinfo=datetime.timezone(datetime.timedelta(hours=-5, minutes=-30)))),
    ("date", datetime.date(2020, 1, 2)),
    ("record", {"user": "alice", "id": 42, "roles": ["admin", "dev"], "ratio": 0.25, "active": True, "note": None,
                "seen": datetime.datetime(2024, 1, 2, 3, 4, 5), "blob": b"\xff\xfe", "tags": {"x"}}),
    ("list-of-dicts", [{"a": 1, "b": [1, 2]}, [[]], [{}]]),
    ("frozenset", frozenset([1])), ("time", datetime.time(1, 2)), ("timedelta", datetime.timedelta(1)),
    ("decimal", decimal.Decimal("1.5")), ("complex", 1 + 2j), ("bytearray", bytearray(b"x")),
]


def dump_cases():
    for name, value in DUMP_VALUES:
        record = {"name": name, "value": to_tagged(value)}
        try:
            record["safe_dump"] = yaml.safe_dump(value)
            record["libyaml"] = yaml.dump(value, Dumper=yaml.CSafeDumper)
            reloaded = load_record(record["safe_dump"].encode("utf-8"))
            # Where libyaml's emitter writes other text, PyYAML must still read the same value from it.
            assert load_record(record["libyaml"].encode("utf-8")) == reloaded, name
            if "value" in reloaded:
                record["reloaded"] = reloaded["value"]
            else:
                record["reload_error"] = reloaded.get("error", "recursive")
        except yaml.YAMLError as exc:
            record["error"] = "%s: %s" % (type(exc).__name__, str(exc).splitlines()[0])
        yield record


SCALAR_SEEDS = [
    "", "~", "null", "Null", "NULL", "nULL", "y", "Y", "yes", "YES", "yEs", "on", "ON", "oN", "off", "true", "True", "tRUE",
    "0", "-0", "+0", "00", "0_", "0__", "0b", "0b_", "0b2", "0b101", "-0b1", "0x", "0x_", "0xg", "0xFf", "+0x1",
    "0o7", "07", "08", "0_7", "1_000", "1__0", "_1", "1_", "12:30", "1:60", "1:5:9", "-1:59", "0:30", "1:00:00.5",
    "1.", "1._", ".", "._", ".5", "-.5", "+.5", "1.5e3", "1.5e+3", "1.5E-3", "1e+3", "1.0e3", ".5e+1", "-.inf", "+.INF",
    ".Inf", ".iNF", ".nan", "-.nan", ".NAN", "1_2.3_4", "12:30.5", "12:30:", "=", "<<", "<", "!", "&", "*",
    "2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "2001-12-14  21:59:43", "2001-1-1 1:00:00",
    "2001-12-14T21:59:43Z", "2001-12-14 21:59:43 Z", "2001-12-14T21:59:43.", "2001-12-14T21:59:43+0530",
    "2001-12-14T21:59:43+05:3", "2001-12-1", "20011-12-14", "2001-12-14T25:00:00", "2001-02-29", "2000-02-29",
    "9999-12-31 23:59:59.9999999", "0001-01-01", "0000-01-01", "2001-12-14\t21:59:43",
    "123456789012345678901234567890", "-123456789012345678901234567890", "0x" + "f" * 40, "0b" + "1" * 100,
    "1" * 30 + ":59", "1e400", "1.0e400", "-1.0e-400", "4.9e-324",
]


def scalar_texts():
    import random
    rng = random.Random(20240101)
    alphabet = list("0123456789") * 3 + list("_:.eE+-xbonfiaT Z\t") + ["inf", "nan", "Inf", "NaN"]
    texts = [t.replace("\\t", "\t") for t in SCALAR_SEEDS]
    seen = set(texts)
    while len(texts) < 3000:
        if rng.random() < 0.6:
            # Shaped like a number, date or time, with a chance of one character off.
            digits = lambda: "".join(rng.choice("0123456789_") for _ in range(rng.randint(0, 4)))
            parts = [rng.choice(["", "-", "+"]), rng.choice(["0", "1", "9", "0b", "0x", "0o", ""]) + digits()]
            if rng.random() < 0.3:
                parts.append("".join(":" + rng.choice(["5", "59", "60", "7", "05"]) for _ in range(rng.randint(1, 3))))
            if rng.random() < 0.5:
                parts.append("." + digits())
            if rng.random() < 0.3:
                parts.append(rng.choice("eE") + rng.choice(["", "+", "-"]) + digits())
            if rng.random() < 0.15:
                parts = ["%04d-%d-%02d" % (rng.randint(0, 2100), rng.randint(0, 13), rng.randint(0, 32)),
                         rng.choice(["", "T", " ", "t", "  "]) + ("%d:%02d:%02d" % (rng.randint(0, 25), rng.randint(0, 60), rng.randint(0, 60))),
                         rng.choice(["", ".5", ".1234567", "."]), rng.choice(["", "Z", " Z", "+1", "-05:30", " +5", "+25"])]
            text = "".join(parts)
            if text and rng.random() < 0.1:
                i = rng.randrange(len(text))
                text = text[:i] + rng.choice(alphabet) + text[i + 1:]
        else:
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 9)))
        if rng.random() < 0.3:
            text = rng.choice("-+.") + text
        if text not in seen:
            seen.add(text)
            texts.append(text)
    return texts


def scalar_records():
    from yaml.nodes import ScalarNode
    resolver = yaml.resolver.Resolver()
    for text in scalar_texts():
        tag = resolver.resolve(ScalarNode, text, (True, False))
        record = {"text": text, "tag": tag}
        try:
            value = yaml.SafeLoader("").construct_document(ScalarNode(tag, text))
            record["value"] = to_tagged(value)
        except Exception as exc:
            record["error"] = type(exc).__name__
        yield record


if __name__ == "__main__":
    if os.environ.get("PYTHONHASHSEED") != "0":  # set order follows str hashes: fix them for stable output
        os.execve(sys.executable, [sys.executable] + sys.argv, dict(os.environ, PYTHONHASHSEED="0"))
    assert yaml.__version__.startswith("6.0"), yaml.__version__
    write_jsonl("pyyaml-safe-load.jsonl", suite_records())
    write_jsonl("safe-load.jsonl", load_cases())
    write_jsonl("safe-dump.jsonl", dump_cases())
    write_jsonl("scalars.jsonl", scalar_records())
    print("PyYAML", yaml.__version__, "Python", sys.version.split()[0])
