# -*- coding: utf-8 -*-
"""Live interop between real Werkzeug 0.16.1 and the Swift ``securecookie`` tool, both ways.

    python3 Interop/interop.py --tool .build/debug/securecookie
    PYTHONPATH=.venv-interop/py27-site python2.7 Interop/interop.py --tool .build/debug/securecookie

For every codec both sides have (json, pickle, yaml, msgpack), every hash, and every pickle
protocol this Python has (0-5 on Python 3, 0-2 on Python 2.7), over the values in corpus.jsonl:
  (a) Werkzeug writes cookies; ``securecookie decode`` must print what Werkzeug itself reads back;
  (b) ``securecookie encode`` writes cookies; Werkzeug must read back what Python's own codec
      round trip gives, and a value Python's codec cannot write must be an ``unrepresentable``
      error line; JSON cookies must be byte-identical to Werkzeug's (Python 3).
Also: expiry both ways, key rotation, ``migrate`` from pickle to every other codec read by
Werkzeug, and signed hostile pickles (os.system through REDUCE, INST, OBJ, NEWOBJ,
STACK_GLOBAL...) that the tool must refuse without ever running them.

Prints one line per failure and ends with ``N passed, N failed``; exits 1 on any failure.
"""
from __future__ import print_function, unicode_literals

import argparse
import binascii
import io
import json
import os
import random
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import werkzeug  # noqa: E402
import werkzeug.contrib.securecookie as wsc  # noqa: E402

import tagged  # noqa: E402
from interop_common import PY2, Results, Tool, is_error, parse_line, say  # noqa: E402
import werkzeug_codecs as wc  # noqa: E402
from hostile import hostile_pickles  # noqa: E402

LABEL = "py%d.%d" % sys.version_info[:2]


def text_keys(data):
    """A cookie's data with its keys as text (Werkzeug on Python 2 gives native str keys)."""
    return dict((k.decode("utf-8") if isinstance(k, bytes) and PY2 else k, v) for k, v in data.items())


def secret_args(spec, prefix=""):
    if "hex" in spec:
        return ["--%ssecret-hex" % prefix, spec["hex"]]
    return ["--%ssecret" % prefix, spec["text"]]


def secret_bytes(spec):
    if "hex" in spec:
        return binascii.unhexlify(spec["hex"])
    return spec["text"].encode("utf-8")


def as_tagged(value, codec):
    """The tagged tree of what Werkzeug read with this codec (Python 2 str as that codec means it)."""
    return tagged.to_tagged(value, py2_str="text" if (PY2 and codec == "yaml") else "bytes")


def python_roundtrip(codec, protocol, data):
    """What Python's own codec gives back for each value (the cookie's data), or raises."""
    module = wc.codec_module(codec, protocol)
    return dict((k, module.loads(module.dumps(v))) for k, v in data.items())


def dumpable(codec, protocol, data):
    module = wc.codec_module(codec, protocol)
    try:
        for value in data.values():
            module.dumps(value)
    except Exception:  # noqa: BLE001
        return False
    return True


class Session(object):
    def __init__(self, tool, results, corpus, rng):
        self.tool = tool
        self.results = results
        self.corpus = corpus
        self.rng = rng
        self.identical = {}

    def new_secret(self, index):
        if index % 2 == 0:
            return {"hex": binascii.hexlify(bytes(bytearray(self.rng.getrandbits(8) for _ in range(32)))).decode("ascii")}
        return {"text": "p\u00e4ssw\u00f6rd-%d" % self.rng.randint(0, 10 ** 9)}

    def codec_args(self, codec, hash_name, protocol):
        args = ["--codec", codec, "--hash", hash_name]
        if codec == "pickle" and PY2:
            args += ["--py2-str", "bytes"]
        return args

    # (a) Werkzeug writes, Swift reads
    def python_writes(self, codec, hash_name, protocol, secret):
        where = "%s/%s%s Werkzeug->Swift" % (codec, hash_name, "" if protocol is None else "/p%d" % protocol)
        cases = []
        for entry in self.corpus:
            data = entry["value"]
            if not dumpable(codec, protocol, data):
                continue
            cookie = wc.serialize(codec, hash_name, secret_bytes(secret), data, protocol)
            back = text_keys(wc.unserialize(codec, hash_name, secret_bytes(secret), cookie, protocol))
            if data and not back:
                continue  # Werkzeug cannot read its own cookie back (e.g. YAML tuple keys)
            cases.append((entry["name"], cookie, as_tagged(back, codec)))
        args = ["decode"] + self.codec_args(codec, hash_name, protocol) + secret_args(secret)
        code, out, err = self.tool.run(args, [c[1] for c in cases])
        if not self.results.check(len(out) == len(cases), where, "%d lines for %d cookies; stderr: %s" % (len(out), len(cases), err.strip()[-300:])):
            return
        failed = 0
        for (name, cookie, expected), line in zip(cases, out):
            got = parse_line(line)
            if not self.results.check(tagged.same(got, expected), where + " " + name,
                                      "expected %s got %s" % (tagged.dumps(expected), line)):
                failed += 1
        self.results.check((code == 0) == (failed == 0), where + " exit code", "exit %d with %d failed lines" % (code, failed))

    # (b) Swift writes, Werkzeug reads
    def swift_writes(self, codec, hash_name, protocol, secret):
        where = "%s/%s%s Swift->Werkzeug" % (codec, hash_name, "" if protocol is None else "/p%d" % protocol)
        args = ["encode", "--codec", codec, "--hash", hash_name] + secret_args(secret)
        if protocol is not None:
            args += ["--protocol", str(protocol)]
        lines = [tagged.dumps(e["tagged"]) for e in self.corpus]
        code, out, err = self.tool.run(args, lines)
        if not self.results.check(len(out) == len(lines), where, "%d lines for %d values; stderr: %s" % (len(out), len(lines), err.strip()[-300:])):
            return
        any_error = False
        for entry, line in zip(self.corpus, out):
            name = where + " " + entry["name"]
            data = entry["value"]
            if not dumpable(codec, protocol, data):
                any_error = True
                self.results.check(is_error(parse_line(line), "unrepresentable"), name,
                                   "Python cannot write it; expected an unrepresentable error line, got %s" % line[:200])
                continue
            try:
                expected = as_tagged(python_roundtrip(codec, protocol, data), codec)
            except Exception:  # noqa: BLE001
                continue  # Python cannot read its own output back; nothing to compare
            if is_error(parse_line(line)):
                any_error = True
                self.results.check(False, name, "Python writes it; Swift gave %s" % line)
                continue
            back = text_keys(wc.unserialize(codec, hash_name, secret_bytes(secret), line, protocol))
            got = as_tagged(back, codec)
            self.results.check(tagged.same(got, expected), name,
                               "Werkzeug read %s, expected %s (cookie %s)" % (tagged.dumps(got), tagged.dumps(expected), line[:300]))
            reference = wc.serialize(codec, hash_name, secret_bytes(secret), data, protocol)
            key = codec if protocol is None else "%s/p%d" % (codec, protocol)
            same_bytes, total = self.identical.get(key, (0, 0))
            self.identical[key] = (same_bytes + (reference == line), total + 1)
            if codec == "json" and not PY2:
                self.results.check(reference == line, name + " bytes", "Werkzeug writes %s, Swift wrote %s" % (reference, line))
        self.results.check((code == 0) == (not any_error), where + " exit code", "exit %d" % code)

    def expiry(self, codec, protocol, secret):
        where = "%s expiry" % codec
        session = self.corpus[3]["value"]
        t = 1700000000
        # Werkzeug writes an expiring cookie; Swift reads it with a clock before and after
        cookie = wc.serialize(codec, "sha1", secret_bytes(secret), dict(session), protocol, t)
        base = ["decode"] + self.codec_args(codec, "sha1", protocol) + secret_args(secret)
        code, out, _ = self.tool.run(base + ["--now", str(t - 5)], [cookie])
        self.results.check(out and tagged.same(parse_line(out[0]), as_tagged(python_roundtrip(codec, protocol, session), codec)),
                           where + " Werkzeug->Swift before", "got %s" % out)
        code, out, _ = self.tool.run(base + ["--now", str(t + 5)], [cookie])
        self.results.check(out and is_error(parse_line(out[0]), "expired") and code == 1, where + " Werkzeug->Swift after", "got %s exit %d" % (out, code))
        # Swift writes one; Werkzeug reads it with its clock before and after
        args = ["encode", "--codec", codec, "--hash", "sha1", "--expires", str(t)] + secret_args(secret)
        if protocol is not None:
            args += ["--protocol", str(protocol)]
        code, out, _ = self.tool.run(args, [tagged.dumps(self.corpus[3]["tagged"])])
        if not self.results.check(len(out) == 1 and not is_error(parse_line(out[0])), where + " Swift encode", "got %s" % out):
            return
        original = wsc.time
        try:
            wsc.time = lambda: t - 5
            before = text_keys(wc.unserialize(codec, "sha1", secret_bytes(secret), out[0], protocol))
            wsc.time = lambda: t + 5
            after = wc.unserialize(codec, "sha1", secret_bytes(secret), out[0], protocol)
        finally:
            wsc.time = original
        expected = as_tagged(python_roundtrip(codec, protocol, session), codec)
        self.results.check(tagged.same(as_tagged(before, codec), expected), where + " Swift->Werkzeug before", "got %s" % before)
        self.results.check(after == {}, where + " Swift->Werkzeug after", "got %s" % after)

    def decimal_expiry(self, protocol, secret):
        """A pickled Decimal `_expires`: Werkzeug compares `time() > Decimal` exactly, and raises
        InvalidOperation for a NaN Decimal; Swift must expire, keep or refuse each cookie as it does."""
        from decimal import Decimal
        now = 1700000000.5
        texts = ["1700000000.4", "1700000000.5", "1700000000.50000000000000001", "1700000000.49999999999999999",
                 "1700000000.6", "-1700000000.6", "-0", "1E-999999", "1E+999999", "-1E+999999", "Infinity",
                 "-Infinity", "NaN", "sNaN", "17000000005E-1"]
        base = ["decode"] + self.codec_args("pickle", "sha1", protocol) + secret_args(secret) + ["--now", repr(now)]
        original = wsc.time
        for text in texts:
            where = "pickle Decimal _expires %s" % text
            cookie = wc.serialize("pickle", "sha1", secret_bytes(secret), {"a": 1, "_expires": Decimal(text)}, protocol)
            try:
                wsc.time = lambda: now
                verdict = "expired" if wc.unserialize("pickle", "sha1", secret_bytes(secret), cookie, protocol) == {} else "kept"
            except Exception:  # InvalidOperation: Werkzeug cannot read the cookie at all
                verdict = "refused"
            finally:
                wsc.time = original
            code, out, _ = self.tool.run(base, [cookie])
            line = parse_line(out[0]) if out else None
            swift = ("expired" if is_error(line, "expired") else "refused" if is_error(line)
                     else "kept" if line is not None and code == 0 else "no output")
            self.results.check(swift == verdict, where, "Werkzeug: %s, Swift: %s %s" % (verdict, swift, out))

    def rotation(self, codec, protocol):
        where = "%s key rotation" % codec
        old, new = self.new_secret(0), self.new_secret(1)
        session = self.corpus[3]["value"]
        cookie = wc.serialize(codec, "sha256", secret_bytes(old), dict(session), protocol)
        args = ["decode"] + self.codec_args(codec, "sha256", protocol) + secret_args(new) + secret_args(old)
        code, out, _ = self.tool.run(args, [cookie])
        self.results.check(code == 0 and out and tagged.same(parse_line(out[0]), as_tagged(python_roundtrip(codec, protocol, session), codec)),
                           where, "got %s exit %d" % (out, code))
        code, out, _ = self.tool.run(["decode"] + self.codec_args(codec, "sha256", protocol) + secret_args(new), [cookie])
        self.results.check(code == 1 and out and is_error(parse_line(out[0]), "bad-signature"), where + " (new key only)", "got %s" % out)

    def migrate(self, to_codec, codecs):
        where = "migrate pickle->%s" % to_codec
        old, new = self.new_secret(0), self.new_secret(1)
        cases = []
        for entry in self.corpus:
            data = entry["value"]
            cases.append((entry["name"], wc.serialize("pickle", "sha1", secret_bytes(old), data, 2), data))
        args = (["migrate", "--from-codec", "pickle", "--to-codec", to_codec, "--to-hash", "sha256", "--protocol", "2"]
                + secret_args(old, "from-") + secret_args(new, "to-"))
        if PY2:
            args += ["--py2-str", "bytes"]
        code, out, err = self.tool.run(args, [c[1] for c in cases])
        if not self.results.check(len(out) == len(cases), where, "%d lines for %d cookies: %s" % (len(out), len(cases), err[-300:])):
            return
        for (name, _, data), line in zip(cases, out):
            if PY2 and to_codec != "pickle":
                continue  # Python 2 str values have no fixed meaning in other codecs
            protocol = 2 if to_codec == "pickle" else None
            if not dumpable(to_codec, protocol, data):
                self.results.check(is_error(parse_line(line), "unrepresentable"), where + " " + name, "expected unrepresentable, got %s" % line[:200])
                continue
            try:
                expected = as_tagged(python_roundtrip(to_codec, protocol, data), to_codec)
            except Exception:  # noqa: BLE001
                continue
            back = text_keys(wc.unserialize(to_codec, "sha256", secret_bytes(new), line, protocol))
            self.results.check(tagged.same(as_tagged(back, to_codec), expected), where + " " + name,
                               "Werkzeug read %s, expected %s" % (tagged.dumps(as_tagged(back, to_codec)), tagged.dumps(expected)))

    def hostile(self):
        sentinel_dir = tempfile.mkdtemp(prefix="securecookie-interop-")
        sentinel = os.path.join(sentinel_dir, "pwned")
        secret = self.new_secret(0)
        cookies = []
        for label, payload in hostile_pickles("touch " + sentinel):
            cookies.append((label, wc.serialize("raw", "sha1", secret_bytes(secret), {"x": payload})))
        code, out, err = self.tool.run(["decode", "--codec", "pickle"] + secret_args(secret), [c for _, c in cookies])
        self.results.check(len(out) == len(cookies) and code == 1, "hostile pickles", "%d lines, exit %d" % (len(out), code))
        for (label, _), line in zip(cookies, out):
            self.results.check(is_error(parse_line(line), "refused"), "hostile " + label, "expected refused, got %s" % line)
        for label, cookie in cookies:
            code, out, err = self.tool.run(["inspect", "--codec", "pickle", cookie], [])
            shown = bool(out) and ("$global" in out[0] or "$object" in out[0])
            self.results.check(code == 0 and shown, "inspect hostile " + label,
                               "exit %d out %s err %s" % (code, out, err.strip()[-200:]))
        self.results.check(not os.path.exists(sentinel), "hostile pickles never ran", sentinel + " exists")


def load_corpus():
    corpus = []
    with io.open(os.path.join(HERE, "corpus.jsonl"), encoding="utf-8") as f:
        for text in f:
            if not text.strip():
                continue
            entry = json.loads(text)
            if PY2 and "aware" in entry["name"]:
                continue  # Python 2 has no fixed-offset tzinfo another program can load
            corpus.append({"name": entry["name"], "tagged": entry["data"], "value": tagged.from_tagged(entry["data"])})
    return corpus


def main():
    parser = argparse.ArgumentParser(description="Werkzeug <-> Swift securecookie interop")
    parser.add_argument("--tool", required=True, help="path to the built securecookie binary")
    parser.add_argument("--codecs", default="", help="comma-separated subset (default: all both sides have)")
    parser.add_argument("--hashes", default=",".join(wc.HASH_NAMES))
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()

    results = Results(LABEL, args.verbose)
    tool = Tool(args.tool)
    code, names, err = tool.run(["codecs"], [])
    if code != 0:
        print("the tool failed to list its codecs: %s" % err)
        print("0 passed, 1 failed")
        return 1
    codecs = [c for c in wc.available_codecs() if c in names]
    if args.codecs:
        codecs = [c for c in codecs if c in args.codecs.split(",")]
    missing = [c for c in ["json", "pickle", "yaml", "msgpack"] if c not in codecs]
    say("%s: werkzeug %s, codecs %s%s" % (LABEL, werkzeug.__version__, ", ".join(codecs),
                                           (" (not tested: %s)" % ", ".join(missing)) if missing else ""))
    session = Session(tool, results, load_corpus(), random.Random(20240101))
    hashes = args.hashes.split(",")
    index = 0
    for codec in codecs:
        protocols = wc.PICKLE_PROTOCOLS if codec == "pickle" else [None]
        for protocol in protocols:
            for hash_name in hashes:
                secret = session.new_secret(index)
                index += 1
                session.python_writes(codec, hash_name, protocol, secret)
                session.swift_writes(codec, hash_name, protocol, secret)
        default_protocol = (2 if PY2 else 4) if codec == "pickle" else None
        session.expiry(codec, default_protocol, session.new_secret(index))
        session.rotation(codec, default_protocol)
    if "pickle" in codecs:
        for to_codec in codecs:
            session.migrate(to_codec, codecs)
        session.hostile()
        session.decimal_expiry(2 if PY2 else 4, session.new_secret(index + 1))
    for key in sorted(session.identical):
        same_bytes, total = session.identical[key]
        say("%s: %s cookies byte-identical to Werkzeug's: %d/%d" % (LABEL, key, same_bytes, total))
    say("%d passed, %d failed" % (results.passed, results.failed))
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main())
