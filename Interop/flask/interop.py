# -*- coding: utf-8 -*-
"""Live interop between real Flask 3.1.3 (itsdangerous 2.2.0) session cookies and the Swift tool, both ways.

    .venv-interop/flask/bin/python Interop/flask/interop.py --tool .build/debug/securecookie

Over the Flask corpus (``flask_cookies.corpus()``), the Werkzeug corpus (``../corpus.jsonl``) and
random sessions built through Flask's tagging rules:
  (a) Flask writes; ``securecookie decode --format flask`` must print what Flask itself reads back;
  (b) ``securecookie encode --format flask`` writes; Flask must read back what it reads from its
      own cookie, and the cookie must be byte-identical to Flask's ``dumps`` at the same
      timestamp; a value Flask cannot write must be an ``unrepresentable`` error line;
  (c) fallback keys both ways, and the salt; (d) expiry and future timestamps both ways;
  (e) sampled single-byte changes of Flask cookies: an error line, never a value (a change
      Flask itself reads, in the unused bits of the signature's last character, may also be read
      as Flask reads it);
  (f) ``migrate``: Werkzeug 0.16.1 pickle cookies to Flask (Werkzeug runs in .venv-interop/py3,
      ``werkzeug_side.py``), and Flask to Werkzeug JSON;
  also the fixtures (``Fixtures/flask/cookies.json``) and the spec's known answers through the tool.
  (g) ``flask-diff``: ~2000 random JSON documents full of tag-shaped objects, valid and odd, signed
      as raw payloads: Flask's verdict against the tool's. Disagreements are printed (at most 20)
      and counted on their own line, ``flask-diff: N agree, M disagree``; they are not failures.
      Known ones, with reasons, go in ``exceptions.txt`` (a regex, a TAB, the reason).

Prints one line per failure and ends with ``N passed, N failed``; exits 1 on any failure.
"""
import argparse
import base64
import binascii
import datetime
import decimal
import io
import json
import os
import random
import re
import subprocess
import sys
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

import flask.sessions  # noqa: E402
import flask_cookies as fc  # noqa: E402
import tagged  # noqa: E402  (Interop/, put on the path by flask_cookies)
from interop_common import Results, Tool, is_error, lines_of, parse_line, say  # noqa: E402
from markupsafe import Markup  # noqa: E402

LABEL = "flask"
T = fc.T0
TAG_NAMES = [" di", " t", " b", " m", " u", " d"]


def cookie_or_error(line):
    """An ``encode``/``migrate`` output line: the cookie text, or the parsed error line."""
    return parse_line(line) if line.startswith("{") else line


def hexkey(key):
    return binascii.hexlify(key).decode("ascii")


def key_args(keys, prefix=""):
    out = []
    for key in keys:
        out += ["--%ssecret-hex" % prefix, hexkey(key)]
    return out


def short(value, limit=200):
    text = value if isinstance(value, str) else tagged.dumps(value)
    return text if len(text) <= limit else text[:limit] + "..."


# --- values -----------------------------------------------------------------------------------

STRINGS = ["", "a", "user", "caf\u00e9", "\u4e2d\u6587", "\U0001F600", "a\U0001D11Eb", "\"quoted\"\\", "tab\tnl\n",
           "\u0000\u001f", "</script>", " t", " di", "$tuple", "\u2028", "\uffff", "\ue000", "x" * 40]


def random_text(rng):
    if rng.random() < 0.5:
        return rng.choice(STRINGS)
    pool = "abcxyz0189 _-" + "\u00e9\u00fc\u4e2d\u20ac" + "\U0001F511\U00010000"
    return "".join(rng.choice(pool) for _ in range(rng.randint(0, 12)))


def random_float(rng):
    return rng.choice([0.0, -0.0, 0.1, 1.5, -2.25, 1e16, 1e22, 1e-7, 5e-324, 1.7976931348623157e308, float("nan"),
                       float("inf"), float("-inf"), 1.0 / 3, 123456789.125, rng.uniform(-1e6, 1e6), rng.random()])


def random_int(rng):
    return rng.choice([0, 1, -1, 255, 2 ** 31, 2 ** 53 + 1, 2 ** 63 - 1, -(2 ** 63), 2 ** 63, -(2 ** 63) - 1, 2 ** 64,
                       10 ** 30, -(10 ** 30), rng.randint(-10 ** 6, 10 ** 6)])


def random_datetime(rng):
    base = datetime.datetime(rng.randint(1900, 2100), rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23),
                             rng.randint(0, 59), rng.randint(0, 59), rng.choice([0, 0, 123456]))
    kind = rng.randint(0, 3)
    if kind == 0:
        return base  # naive: Flask writes it as UTC
    if kind == 1:
        return base.replace(tzinfo=fc.UTC)
    return base.replace(tzinfo=datetime.timezone(datetime.timedelta(minutes=rng.choice([-330, -60, 60, 120, 345]))))


def random_value(rng, depth):
    kinds = ["none", "bool", "int", "float", "str", "str", "bytes", "markup", "uuid", "datetime", "date", "decimal"]
    if depth > 0:
        kinds += ["list", "tuple", "dict", "dict", "tagdict"]
    kind = rng.choice(kinds)
    if kind == "none":
        return None
    if kind == "bool":
        return rng.random() < 0.5
    if kind == "int":
        return random_int(rng)
    if kind == "float":
        return random_float(rng)
    if kind == "str":
        return random_text(rng)
    if kind == "bytes":
        return bytes(bytearray(rng.getrandbits(8) for _ in range(rng.randint(0, 20))))
    if kind == "markup":
        return Markup(rng.choice(["<b>x</b>", "", "a &amp; b", "caf\u00e9", "\U0001F600"]))
    if kind == "uuid":
        return uuid.UUID(int=rng.getrandbits(128))
    if kind == "datetime":
        return random_datetime(rng)
    if kind == "date":
        return datetime.date(rng.randint(1900, 2100), rng.randint(1, 12), rng.randint(1, 28))
    if kind == "decimal":
        return decimal.Decimal(rng.choice(["1.10", "-0", "1E+30", "0.000001", "3.14159"]))
    if kind == "list":
        return [random_value(rng, depth - 1) for _ in range(rng.randint(0, 4))]
    if kind == "tuple":
        return tuple(random_value(rng, depth - 1) for _ in range(rng.randint(0, 4)))
    if kind == "tagdict":
        return {rng.choice(TAG_NAMES): random_value(rng, depth - 1)}
    return dict((random_text(rng), random_value(rng, depth - 1)) for _ in range(rng.randint(0, 4)))


def random_session(rng, side):
    """A session dict whose Flask cookie stays under the tool's 4096-byte default."""
    while True:
        session = dict((random_text(rng), random_value(rng, 3)) for _ in range(rng.randint(0, 8)))
        if rng.random() < 0.1:
            session = {rng.choice(TAG_NAMES): random_value(rng, 2)}  # a top-level one-key tag dict
        if rng.random() < 0.15:
            session["blob"] = rng.choice(["ab", "xyz", "\u00e9"]) * rng.randint(50, 400)  # compressed
        if len(side.dumps(session)) < 4000:
            return session


def werkzeug_corpus():
    with io.open(os.path.join(ROOT, "Interop", "corpus.jsonl"), encoding="utf-8") as f:
        entries = [json.loads(line) for line in f if line.strip()]
    return [("werkzeug corpus: " + e["name"], tagged.from_tagged(e["data"])) for e in entries]


def flask_cookie(side, value, ts=T):
    """Flask's cookie for a session dict, or None when Flask cannot write it."""
    try:
        return side.dumps(value, ts)
    except (TypeError, ValueError):
        return None


# --- the checks -------------------------------------------------------------------------------

class Session(object):
    def __init__(self, tool, results, rng, werkzeug_python):
        self.tool = tool
        self.results = results
        self.rng = rng
        self.werkzeug_python = werkzeug_python
        self.identical = {}

    def new_key(self):
        return bytes(bytearray(self.rng.getrandbits(8) for _ in range(self.rng.choice([16, 32]))))

    def decode_args(self, keys, now=T, extra=()):
        return ["decode", "--format", "flask"] + key_args(keys) + ["--now", str(now)] + list(extra)

    def encode_args(self, key, now=T, extra=()):
        return ["encode", "--format", "flask", "--secret-hex", hexkey(key), "--now", str(now)] + list(extra)

    def values(self, side, random_count):
        cases = list(fc.corpus()) + werkzeug_corpus()
        cases += [("random %d" % i, random_session(self.rng, side)) for i in range(random_count)]
        return cases

    # (a) Flask writes, the tool reads
    def flask_writes(self, cases, key):
        where = "Flask->tool"
        side = fc.FlaskSide([key])
        rows = []
        for name, value in cases:
            cookie = flask_cookie(side, value)
            if cookie is None:
                continue
            rows.append((name, cookie, fc.to_tagged(side.loads(cookie, T))))
        code, out, err = self.tool.run(self.decode_args([key]), [r[1] for r in rows])
        if not self.results.check(len(out) == len(rows), where, "%d lines for %d cookies; stderr: %s" % (len(out), len(rows), err.strip()[-300:])):
            return
        failed = 0
        for (name, cookie, expected), line in zip(rows, out):
            if not self.results.check(tagged.same(parse_line(line), expected), where + " " + name,
                                      "expected %s got %s (cookie %s)" % (short(expected), short(line), short(cookie, 120))):
                failed += 1
        self.results.check((code == 0) == (failed == 0), where + " exit code", "exit %d with %d failed lines" % (code, failed))

    # (b) the tool writes, Flask reads; byte-identical to Flask's own cookie
    def tool_writes(self, cases, key):
        where = "tool->Flask"
        side = fc.FlaskSide([key])
        lines = []
        rows = []
        for name, value in cases:
            try:
                text = tagged.dumps(fc.to_tagged(value))
            except TypeError:
                continue
            lines.append(text)
            rows.append((name, value))
        code, out, err = self.tool.run(self.encode_args(key), lines)
        if not self.results.check(len(out) == len(rows), where, "%d lines for %d values; stderr: %s" % (len(out), len(rows), err.strip()[-300:])):
            return
        any_error = False
        for (name, value), line in zip(rows, out):
            label = where + " " + name
            got = cookie_or_error(line)
            reference = flask_cookie(side, value)
            if reference is None:
                any_error = True
                self.results.check(is_error(got, "unrepresentable"), label,
                                   "Flask cannot write it; expected an unrepresentable error line, got %s" % short(line))
                continue
            expected = fc.to_tagged(side.loads(reference, T))
            if not isinstance(got, str):
                any_error = True
                self.results.check(False, label, "Flask writes it (%s); the tool gave %s" % (short(reference, 120), short(line)))
                continue
            verdict = side.verdict(line, T)
            back = fc.to_tagged(verdict[1]) if verdict[0] == "value" else {"$error": verdict[1], "message": verdict[2]}
            self.results.check(tagged.same(back, expected), label,
                               "Flask read %s, expected %s (cookie %s)" % (short(back), short(expected), short(line, 160)))
            kind = "compressed" if reference.startswith(".") else "plain"
            same_bytes, total = self.identical.get(kind, (0, 0))
            self.identical[kind] = (same_bytes + (reference == line), total + 1)
            self.results.check(reference == line, label + " bytes", "Flask writes %s, the tool wrote %s" % (short(reference, 250), short(line, 250)))
        self.results.check((code == 0) == (not any_error), where + " exit code", "exit %d" % code)

    def known_answers(self):
        """The spec's cookies, written by the tool (the fixtures have them for decoding)."""
        for i, (key, value, cookie) in enumerate(fc.KNOWN_ANSWERS, 1):
            code, out, _ = self.tool.run(self.encode_args(key), [tagged.dumps(fc.to_tagged(value))])
            self.results.check(out == [cookie], "known answer %d encode" % i, "expected %s got %s" % (cookie, out))

    def fixtures(self):
        with io.open(os.path.join(ROOT, "Fixtures", "flask", "cookies.json"), encoding="utf-8") as f:
            cases = json.load(f)
        for case in cases:
            keys = [binascii.unhexlify(k) for k in case["secret_keys_hex"]]
            args = self.decode_args(keys, case["now"], ["--salt", case["salt"], "--max-age", str(case["max_age"])])
            code, out, err = self.tool.run(args, [case["cookie"]])
            got = parse_line(out[0]) if len(out) == 1 else {"$lines": out, "stderr": err.strip()[-200:]}
            expected = case["expect"]
            if is_error(expected):
                ok = is_error(got, expected["$error"]) and code == 1
            else:
                ok = tagged.same(got, expected) and code == 0
            self.results.check(ok, "fixture " + case["name"], "expected %s got %s (exit %d)" % (short(expected), short(got), code))

    # (c) fallback keys and the salt
    def fallback(self):
        a, b, c = self.new_key(), self.new_key(), self.new_key()
        session = {"user_id": 42, "t": (1, b"\x00"), "u": uuid.UUID(int=7)}
        text = tagged.dumps(fc.to_tagged(session))
        expected = fc.to_tagged(fc.FlaskSide([a]).loads(fc.FlaskSide([a]).dumps(session)))
        code, out, _ = self.tool.run(self.encode_args(a), [text])
        if self.results.check(len(out) == 1 and not is_error(cookie_or_error(out[0])), "fallback: tool encodes with A", "got %s" % out):
            for keys, label in (([b, a], "SECRET_KEY=B, FALLBACKS=[A]"), ([c, b, a], "SECRET_KEY=C, FALLBACKS=[A, B]")):
                verdict = fc.FlaskSide(keys).verdict(out[0], T)
                self.results.check(verdict[0] == "value" and tagged.same(fc.to_tagged(verdict[1]), expected),
                                   "fallback: Flask %s reads the tool's cookie" % label, "got %s" % (verdict,))
            verdict = fc.FlaskSide([b]).verdict(out[0], T)
            self.results.check(verdict[0] == "error", "fallback: Flask SECRET_KEY=B alone refuses it", "got %s" % (verdict,))
        old_cookie = fc.FlaskSide([a]).dumps(session, T)  # signed by an older deployment, key A
        for keys, label in (([b, a], "CUR OLD"), ([c, a, b], "CUR OLD OLDER"), ([c, b, a], "CUR OLDER OLD")):
            code, out, _ = self.tool.run(self.decode_args(keys), [old_cookie])
            self.results.check(code == 0 and len(out) == 1 and tagged.same(parse_line(out[0]), expected),
                               "fallback: tool --secret-hex %s reads Flask's old cookie" % label, "got %s exit %d" % (out, code))
        code, out, _ = self.tool.run(self.decode_args([b]), [old_cookie])
        self.results.check(code == 1 and len(out) == 1 and is_error(parse_line(out[0]), "bad-signature"),
                           "fallback: tool with the current key alone", "got %s exit %d" % (out, code))
        # the salt
        salted = fc.FlaskSide([a], salt="my-salt")
        code, out, _ = self.tool.run(self.encode_args(a, extra=["--salt", "my-salt"]), [text])
        verdict = salted.verdict(out[0], T) if len(out) == 1 else ("error", "no line", "")
        self.results.check(verdict[0] == "value" and tagged.same(fc.to_tagged(verdict[1]), expected),
                           "salt: tool --salt my-salt -> Flask with that salt", "got %s" % (verdict,))
        self.results.check(len(out) == 1 and out[0] == salted.dumps(session, T), "salt: bytes", "got %s" % out)
        code, out, _ = self.tool.run(self.decode_args([a], extra=["--salt", "my-salt"]), [salted.dumps(session, T)])
        self.results.check(code == 0 and len(out) == 1 and tagged.same(parse_line(out[0]), expected),
                           "salt: Flask with salt my-salt -> tool --salt my-salt", "got %s" % out)
        code, out, _ = self.tool.run(self.decode_args([a]), [salted.dumps(session, T)])
        self.results.check(code == 1 and len(out) == 1 and is_error(parse_line(out[0]), "bad-signature"),
                           "salt: the default salt refuses it", "got %s" % out)

    # (d) expiry and the future, both ways
    def expiry(self):
        key = self.new_key()
        side = fc.FlaskSide([key])
        session = {"user_id": 7, "when": datetime.datetime(2024, 1, 2, tzinfo=fc.UTC)}
        expected = fc.to_tagged(side.loads(side.dumps(session)))
        cookie = side.dumps(session, T)
        checks = [(T + fc.MAX_AGE, None, None), (T + fc.MAX_AGE + 1, None, "expired"), (T - 1, None, "expired"),
                  (T, None, None), (T + 60, 60, None), (T + 61, 60, "expired"), (T - 100000, 60, "expired")]
        for now, max_age, kind in checks:
            extra = ["--max-age", str(max_age)] if max_age is not None else []
            code, out, _ = self.tool.run(self.decode_args([key], now, extra), [cookie])
            label = "expiry Flask->tool now=T%+d max-age=%s" % (now - T, max_age or "default")
            if kind is None:
                ok = code == 0 and len(out) == 1 and tagged.same(parse_line(out[0]), expected)
            else:
                ok = code == 1 and len(out) == 1 and is_error(parse_line(out[0]), kind)
            self.results.check(ok, label, "got %s exit %d" % (out, code))
        code, out, _ = self.tool.run(self.encode_args(key, T), [tagged.dumps(fc.to_tagged(session))])
        if not self.results.check(len(out) == 1 and not is_error(cookie_or_error(out[0])), "expiry tool encode", "got %s" % out):
            return
        for now, max_age, kind in checks:
            verdict = side.verdict(out[0], now, fc.MAX_AGE if max_age is None else max_age)
            label = "expiry tool->Flask now=T%+d max_age=%s" % (now - T, max_age or "default")
            if kind is None:
                ok = verdict[0] == "value" and tagged.same(fc.to_tagged(verdict[1]), expected)
            else:
                ok = verdict[0] == "error" and verdict[1] == kind
            self.results.check(ok, label, "Flask: %s" % (verdict,))

    # (e) tampering
    def tampering(self, samples=200):
        key = self.new_key()
        side = fc.FlaskSide([key])
        cookies = [side.dumps({"user_id": 42, "cart": [{"sku": "A-1", "qty": 2}], "t": (1, 2)}, T),
                   side.dumps({"blob": "ab" * 300, "u": uuid.UUID(int=3), "b": b"\x00\xff"}, T)]
        assert cookies[1].startswith(".") and not cookies[0].startswith(".")
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/!"
        mutated = set()
        while len(mutated) < samples:
            cookie = self.rng.choice(cookies)
            i = self.rng.randrange(len(cookie))
            ch = self.rng.choice(alphabet)
            if ch != cookie[i]:
                mutated.add((cookie[:i] + ch + cookie[i + 1:], i, cookie[i], ch))
        for cookie in cookies:  # the last signature character: base64 ignores its 4 unused bits, as Flask does
            for ch in alphabet[:64]:
                changed = cookie[:-1] + ch
                if ch != cookie[-1] and side.verdict(changed, T)[0] == "value":
                    mutated.add((changed, len(cookie) - 1, cookie[-1], ch))
        mutated = sorted(mutated)
        code, out, err = self.tool.run(self.decode_args([key]), [m[0] for m in mutated])
        if not self.results.check(len(out) == len(mutated), "tampering", "%d lines for %d cookies; stderr %s" % (len(out), len(mutated), err[-300:])):
            return
        flask_reads = tool_reads = 0
        for (cookie, i, old, new), line in zip(mutated, out):
            verdict = side.verdict(cookie, T)
            got = parse_line(line)
            label = "tampering: byte %d %r -> %r" % (i, old, new)
            if verdict[0] == "error":
                self.results.check(is_error(got), label, "a value, not an error: %s" % short(line, 120))
                continue
            # Flask reads it: a change base64 does not see (the unused bits of the last signature
            # character). The tool may refuse it, or read the same session; never another value.
            flask_reads += 1
            tool_reads += not is_error(got)
            self.results.check(is_error(got) or tagged.same(got, fc.to_tagged(verdict[1])), label,
                               "Flask reads %s, the tool %s" % (short(fc.to_tagged(verdict[1]), 120), short(line, 120)))
        self.results.check(code == 1, "tampering exit code", "exit %d" % code)
        say("tampering: %d single-byte changes; Flask reads %d of them (the unused bits of the signature's last "
            "character), the tool %d of those" % (len(mutated), flask_reads, tool_reads))

    # (f) migration
    def werkzeug(self, command, requests):
        proc = subprocess.run([self.werkzeug_python, os.path.join(HERE, "werkzeug_side.py"), command],
                              input="".join(json.dumps(r) + "\n" for r in requests).encode("utf-8"),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if proc.returncode != 0:
            raise RuntimeError("werkzeug_side.py %s failed: %s" % (command, proc.stderr.decode("utf-8", "replace")[-500:]))
        return lines_of(proc.stdout.decode("utf-8"))

    def migrate_from_werkzeug(self):
        old, new = self.new_key(), self.new_key()
        side = fc.FlaskSide([new])
        with io.open(os.path.join(ROOT, "Interop", "corpus.jsonl"), encoding="utf-8") as f:
            entries = [json.loads(line) for line in f if line.strip()]
        identical = [0, 0]
        for protocol in (2, 4):
            where = "migrate Werkzeug pickle p%d->Flask" % protocol
            requests = [{"secret_hex": hexkey(old), "codec": "pickle", "protocol": protocol, "data": e["data"]} for e in entries]
            cookies = self.werkzeug("write", requests)
            args = (["migrate", "--from-format", "werkzeug", "--from-codec", "pickle", "--to-format", "flask", "--now", str(T)]
                    + key_args([old], "from-") + key_args([new], "to-"))
            code, out, err = self.tool.run(args, cookies)
            if not self.results.check(len(out) == len(cookies), where, "%d lines for %d cookies: %s" % (len(out), len(cookies), err[-300:])):
                continue
            for entry, line in zip(entries, out):
                value = tagged.from_tagged(entry["data"])
                label = where + " " + entry["name"]
                reference = flask_cookie(side, value)
                if reference is None:
                    self.results.check(is_error(cookie_or_error(line), "unrepresentable"), label,
                                       "Flask cannot hold it; expected unrepresentable, got %s" % short(line))
                    continue
                expected = fc.to_tagged(side.loads(reference, T))
                verdict = side.verdict(line, T)
                got = fc.to_tagged(verdict[1]) if verdict[0] == "value" else {"$error": verdict[1], "line": line[:200]}
                self.results.check(tagged.same(got, expected), label, "Flask read %s, expected %s" % (short(got), short(expected)))
                identical[0] += line == reference
                identical[1] += 1
        say("migrate Werkzeug->Flask: %d/%d cookies byte-identical to Flask's own" % tuple(identical))

    def migrate_to_werkzeug(self):
        old, new = self.new_key(), self.new_key()
        side = fc.FlaskSide([new])
        rows = [(name, side.dumps(value, T)) for name, value in fc.corpus()]
        args = (["migrate", "--from-format", "flask", "--to-format", "werkzeug", "--to-codec", "json", "--now", str(T)]
                + key_args([new], "from-") + key_args([old], "to-"))
        where = "migrate Flask->Werkzeug json"
        code, out, err = self.tool.run(args, [r[1] for r in rows])
        if not self.results.check(len(out) == len(rows), where, "%d lines for %d cookies: %s" % (len(out), len(rows), err[-300:])):
            return
        checks = []
        for (name, cookie), line in zip(rows, out):
            session = side.loads(cookie, T)
            try:
                expected = fc.to_tagged(dict((k, json.loads(json.dumps(v))) for k, v in session.items()))
            except (TypeError, ValueError):
                self.results.check(is_error(cookie_or_error(line), "unrepresentable"), where + " " + name,
                                   "JSON cannot hold it; expected unrepresentable, got %s" % short(line))
                continue
            if not self.results.check(isinstance(cookie_or_error(line), str), where + " " + name, "got %s" % short(line)):
                continue
            checks.append((name, line, expected))
        read = self.werkzeug("read", [{"secret_hex": hexkey(old), "codec": "json", "cookie": c[1], "now": T} for c in checks])
        for (name, line, expected), got in zip(checks, read):
            self.results.check(tagged.same(parse_line(got), expected), where + " " + name,
                               "Werkzeug read %s, expected %s" % (short(got), short(expected)))
        if checks:  # the Flask cookie's deadline (timestamp + max age) kept as Werkzeug's _expires
            name, line, expected = checks[-1]
            late = self.werkzeug("read", [{"secret_hex": hexkey(old), "codec": "json", "cookie": line, "now": now}
                                          for now in (T + fc.MAX_AGE, T + fc.MAX_AGE + 1)])
            self.results.check(len(late) == 2 and tagged.same(parse_line(late[0]), expected) and parse_line(late[1]) == {},
                               where + " deadline", "Werkzeug at the deadline and 1 s after read %s" % late)


# --- (g) the differential over TaggedJSON payloads --------------------------------------------

class Obj(list):
    """A JSON object as a list of (key, value) pairs: duplicates and order as written."""


class Raw(str):
    """JSON text written as is (odd number forms)."""


def emit(tree, rng, style):
    comma, colon = style[0], style[1]
    if isinstance(tree, Raw):
        return str(tree)
    if isinstance(tree, Obj):
        return "{" + comma.join(emit_str(k, style) + colon + emit(v, rng, style) for k, v in tree) + "}"
    if isinstance(tree, list):
        return "[" + comma.join(emit(v, rng, style) for v in tree) + "]"
    if isinstance(tree, str):
        return emit_str(tree, style)
    return json.dumps(tree)


def emit_str(text, style):
    return json.dumps(text, ensure_ascii=style[2])


B64_ODD = ["not base64!", "AA", "AA==AA==", "A A = =", "\u00e9", "", "-_-_", "YQ", "YQ=", "YQ==", "YWJj\n", "====", "Y"]
UUID_ODD = ["{00000000-0000-0000-0000-000000000001}", "urn:uuid:00000000000000000000000000000001",
            "00000000-0000-0000-0000-000000000001", "0000000000000000000000000000000A", "+0000000000000000000000000000001",
            "0000_000000000000000000000000001", " 0000000000000000000000000000001", "0" * 31, "0" * 33, "xyz", "",
            "0000000000000000000000000000000g"]
DATE_ODD = ["junk", "", "Tue, 02 Jan 2024 03:04:05 +0200", "02 Jan 2024 03:04:05", "Tue, 02 Jan 24 03:04:05 GMT",
            "Tue, 02 Jan 2024 03:04:05 -0000", "Mon, 01 Jan 0001 00:00:00 GMT", "Fri, 31 Dec 9999 23:59:59 -0100",
            "Tue, 30 Feb 2024 03:04:05 GMT", "Tue, 02 Jan 2024 25:00:00 GMT", "Wed, 02 Jan 2024 03:04:05 GMT",
            "2 Jan 2024 3:4:5 UT", "Tue, 02 Jan 2024 03:04:05 EST", "Tue, 02 Jan 2024 03:04:05 XYZ",
            "Tue, 02 Jan 2024 03:04 GMT", "Tue, 02 Jan 1969 23:59:59 GMT"]
NUM_ODD = ["-0", "1E5", "1e400", "-1e400", "1.5e-400", "12345678901234567890", "0.1", "1e16", "100000000000000000000000.0",
           "NaN", "Infinity", "-Infinity", "1.0", "-0.0", "9007199254740993", "1" * 30]


def doc_value(rng, depth):
    """A JSON tree (Obj, list, scalars, Raw) full of tag-shaped objects."""
    r = rng.random()
    if depth <= 0 or r < 0.3:
        return doc_scalar(rng)
    if r < 0.65:
        return tag_object(rng, depth)
    if r < 0.8:
        return [doc_value(rng, depth - 1) for _ in range(rng.randint(0, 3))]
    return Obj((doc_key(rng), doc_value(rng, depth - 1)) for _ in range(rng.randint(0, 3)))


def doc_scalar(rng):
    r = rng.random()
    if r < 0.1:
        return Raw(rng.choice(NUM_ODD))
    if r < 0.2:
        return rng.choice([None, True, False])
    if r < 0.4:
        return random_int(rng)
    if r < 0.5:
        return random_float(rng)
    if r < 0.52:
        return rng.choice(["\ud800", "a\udfffb"])  # lone surrogates: Python's str holds them
    return random_text(rng)


def doc_key(rng):
    return rng.choice(TAG_NAMES + [" x", " T", "t", " t ", "x__", " t__", "$tuple", "a", "b", "k\u00e9y", ""] + [random_text(rng)])


def b64(data):
    return base64.b64encode(data).decode("ascii")


def tag_object(rng, depth):
    tag = rng.choice(TAG_NAMES)
    valid = rng.random() < 0.5
    if tag == " t":
        body = ([doc_value(rng, depth - 1) for _ in range(rng.randint(0, 3))] if valid else
                rng.choice(["abc", "", Obj([("a", 1)]), 5, None, True, 1.5]))
    elif tag == " b":
        body = b64(bytes(bytearray(rng.getrandbits(8) for _ in range(rng.randint(0, 9))))) if valid else rng.choice(B64_ODD + [5, None, []])
    elif tag == " m":
        body = rng.choice(["<b>x</b>", "", "caf\u00e9"]) if valid else rng.choice([5, None, [1], Obj([("a", 1)]), True, 1.5, 1e16, Raw("1E5")])
    elif tag == " u":
        body = uuid.UUID(int=rng.getrandbits(128)).hex if valid else rng.choice(UUID_ODD + [5, None])
    elif tag == " d":
        body = ("%s, %02d %s %04d %02d:%02d:%02d GMT" % (
            rng.choice(["Mon", "Tue"]), rng.randint(1, 28), rng.choice(["Jan", "Jun", "Dec"]), rng.randint(1970, 2099),
            rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59))) if valid else rng.choice(DATE_ODD + [5, None])
    else:  # " di"
        if valid:
            body = Obj([(rng.choice(TAG_NAMES + ["x"]) + "__", doc_value(rng, depth - 1))])
        else:
            body = rng.choice([Obj([("x", 1)]), Obj([]), Obj([("a__", 1), ("b__", 2)]), 5, "ab", [], [0], None,
                               Obj([("__", 1)]), Obj([("_", 1)])])
    pairs = [(tag, body)]
    r = rng.random()
    if r < 0.1:
        pairs.append((doc_key(rng), doc_value(rng, 0)))  # an extra key beside the tag
    elif r < 0.15:
        pairs.append((tag, body))  # the tag twice
    return Obj(pairs)


def random_document(rng):
    r = rng.random()
    if r < 0.03:
        top = [[doc_key(rng), doc_value(rng, 2)] for _ in range(rng.randint(0, 2))]  # a list of pairs: dict() takes it
    elif r < 0.05:
        top = doc_value(rng, 2)
    elif r < 0.1:
        top = tag_object(rng, 3)
    else:
        top = Obj((doc_key(rng), doc_value(rng, 3)) for _ in range(rng.randint(0, 5)))
    style = rng.choice([(",", ":", True), (",", ":", False), (", ", ": ", True), (",\n", " : ", True)])
    text = emit(top, rng, style)
    if rng.random() < 0.05:
        text = " " + text + "\n"
    return text


class Differential(object):
    def __init__(self, tool, rng, count, known, report=None):
        self.tool = tool
        self.rng = rng
        self.count = count
        self.known = known
        self.report = report

    def run(self):
        key = b"flask-diff-key"
        side = fc.FlaskSide([key])
        docs = []
        while len(docs) < self.count:
            text = random_document(self.rng)
            data = text.encode("utf-8", "surrogatepass")
            payload = fc.payload_of(data, True if self.rng.random() < 0.3 else None)
            cookie = side.sign(payload, T)
            if len(cookie) < 4000:
                docs.append((text, cookie))
        code, out, err = self.tool.run(["decode", "--format", "flask", "--secret-hex", hexkey(key), "--now", str(T)],
                                       [d[1] for d in docs])
        if len(out) != len(docs):
            say("flask-diff: the tool printed %d lines for %d cookies (exit %d): %s" % (len(out), len(docs), code, err.strip()[-300:]))
            say("flask-diff: 0 agree, %d disagree" % len(docs))
            return
        agree = 0
        disagreements = []  # (class, description)
        for (text, cookie), line in zip(docs, out):
            flask_side = self.flask_verdict(side, cookie)
            tool_side = parse_line(line)
            problem = self.compare(flask_side, tool_side)
            if problem is None:
                agree += 1
            else:
                disagreements.append((problem[0], "%s | doc %s" % (problem[1], short(json.dumps(text)[1:-1], 160))))
        if self.report:
            with io.open(self.report, "w", encoding="utf-8", errors="backslashreplace") as f:
                f.writelines("%s | %s\n" % d for d in disagreements)
        known = [d for d in disagreements if any(p.search(d[0]) or p.search(d[1]) for p, _ in self.known)]
        classes = {}
        for cls, text in disagreements:
            if (cls, text) not in known:
                classes.setdefault(cls, []).append(text)
        shown = 0
        for cls in sorted(classes, key=lambda c: (-len(classes[c]), c)):
            if shown == 20:
                say("flask-diff: ... %d more classes" % (len(classes) - shown))
                break
            say("flask-diff: %dx %s, e.g. %s" % (len(classes[cls]), cls, classes[cls][0]))
            shown += 1
        say("flask-diff: %d agree, %d disagree" % (agree, len(disagreements)))
        if known:
            say("flask-diff: %d of the %d disagreements are listed in exceptions.txt" % (len(known), len(disagreements)))

    @staticmethod
    def flask_verdict(side, cookie):
        verdict = side.verdict(cookie, T)
        if verdict[0] == "error":
            return verdict
        data = verdict[1]
        if not isinstance(data, dict):
            try:
                data = dict(flask.sessions.SecureCookieSession(data))  # what open_session makes of it
            except (TypeError, ValueError) as error:
                return ("error", "undecodable", "s.loads gives a %s; SecureCookieSession() raises %r" % (type(verdict[1]).__name__, error))
        try:
            return ("value", fc.to_tagged(data))
        except TypeError as error:
            return ("error", "undecodable", "no tagged JSON: %s" % error)

    @staticmethod
    def compare(flask_side, tool_side):
        """None when they agree, else (class, description): the class names both verdicts and the message's shape."""
        tool_error = not isinstance(tool_side, dict) or "$error" in tool_side or "$unparsable" in tool_side
        if tool_error:
            message = tool_side.get("message", tool_side.get("$unparsable", "")) if isinstance(tool_side, dict) else ""
            tool_kind = tool_side.get("$error", "unparsable") if isinstance(tool_side, dict) else "unparsable"
            tool_text = "tool=%s: %s" % (tool_kind, short(message, 100))
        else:
            tool_text = "tool=value %s" % short(tool_side, 100)
        if flask_side[0] == "value":
            if not tool_error and tagged.same(flask_side[1], tool_side):
                return None
            cls = "flask=value tool=%s" % ("%s: %s" % (tool_kind, shape(message)) if tool_error else "another value")
            return cls, "flask=value %s / %s" % (short(flask_side[1], 100), tool_text)
        if tool_error and tool_kind == flask_side[1]:
            return None
        cls = "flask=%s: %s tool=%s" % (flask_side[1], shape(flask_side[2]), "%s" % tool_kind if tool_error else "value")
        return cls, "flask=%s: %s / %s" % (flask_side[1], short(flask_side[2], 100), tool_text)


def shape(text):
    """A message with its numbers and quoted parts taken out, for grouping."""
    text = re.sub(r"'[^']*'|\"[^\"]*\"", "'…'", text)
    text = re.sub(r"\\u[0-9a-fA-F]{4}|0x[0-9a-fA-F]+|\d+", "#", text)
    return text[:100]


def load_known(path):
    known = []
    if os.path.exists(path):
        with io.open(path, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                pattern, _, reason = line.partition("\t")
                known.append((re.compile(pattern), reason))
    return known


def main():
    parser = argparse.ArgumentParser(description="Flask <-> securecookie interop")
    parser.add_argument("--tool", required=True, help="path to the built securecookie binary")
    parser.add_argument("--werkzeug-python", default=os.path.join(ROOT, ".venv-interop", "py3", "bin", "python"),
                        help="a Python with Werkzeug 0.16.1, for the migration checks")
    parser.add_argument("--random", type=int, default=300, help="random sessions for (a) and (b)")
    parser.add_argument("--diff-count", type=int, default=2000, help="documents in the differential (g)")
    parser.add_argument("--seed", type=int, default=20250316)
    parser.add_argument("--diff-report", help="write every disagreement of (g) to this file, one a line")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()

    results = Results(LABEL, args.verbose)
    tool = Tool(args.tool)
    code, out, err = tool.run(["decode", "--help"], [])
    if "--format" not in "\n".join(out) + err:
        say("the tool has no --format option yet (securecookie decode --help)")
        say("0 passed, 1 failed")
        return 1
    versions = fc.versions()
    say("flask: Flask %s, itsdangerous %s, Werkzeug %s, MarkupSafe %s" % (
        versions["Flask"], versions["itsdangerous"], versions["Werkzeug"], versions["MarkupSafe"]))
    rng = random.Random(args.seed)
    session = Session(tool, results, rng, args.werkzeug_python)
    key = session.new_key()
    cases = session.values(fc.FlaskSide([key]), args.random)
    session.flask_writes(cases, key)
    session.tool_writes(cases + fc.unrepresentable_corpus(), key)
    session.known_answers()
    session.fixtures()
    session.fallback()
    session.expiry()
    session.tampering()
    if os.path.exists(args.werkzeug_python):
        session.migrate_from_werkzeug()
        session.migrate_to_werkzeug()
    else:
        say("!!!!!!!! no Werkzeug 0.16.1 Python at %s: the migration checks were SKIPPED !!!!!!!!" % args.werkzeug_python)
    for kind in sorted(session.identical):
        same_bytes, total = session.identical[kind]
        say("flask: %s cookies byte-identical to Flask's: %d/%d" % (kind, same_bytes, total))
    Differential(tool, random.Random(args.seed + 1), args.diff_count, load_known(os.path.join(HERE, "exceptions.txt")),
                 args.diff_report).run()
    say("%d passed, %d failed" % (results.passed, results.failed))
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main())
