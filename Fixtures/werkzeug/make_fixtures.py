# -*- coding: utf-8 -*-
"""Writes cookies made by real Werkzeug 0.16.1, with the values Python 3 reads from them.

Run with Python 3 (the requirements in requirements.txt installed):

    python3 Fixtures/werkzeug/make_fixtures.py [--python2 /path/to/python2.7 --py2-site DIR]

It writes, beside this file:
- ``cookies-py3.jsonl``: cookies written by Werkzeug on this Python 3, for every codec whose
  module is installed (json, pickle at every protocol this Python has, yaml, msgpack), every hash.
- ``cookies-py2.7.jsonl``: cookies written by Werkzeug on Python 2.7 (the same script, run by
  that interpreter with ``--emit``; werkzeug installed into ``--py2-site`` from
  requirements-py27.txt). Without a Python 2.7 it says so loudly and keeps the old file.
- ``demo/legacy-session.cookie`` and ``demo/secret.txt``: the Python 2 session cookie that
  ``make demo`` decodes and re-issues.

Each line is one JSON object:
  name, python, werkzeug, codec, protocol (pickle only), hash, secrets (list of {"hex": ...} or
  {"text": ...}, the signing key first, as the tool's repeated --secret options take them),
  py2_str (for Python 2 pickles: the tool's --py2-str mode, Python 3's pickle ``encoding``),
  expires (the _expires it was written with), now (the clock to decode with), cookie, and either
  ``expected`` (the cookie's data in tagged JSON, as Werkzeug on Python 3 reads it) or
  ``expected_error`` (the kind the tool prints), plus key_index for key-rotation lines and a
  note where useful.

The expected values come from Python: Werkzeug's own ``unserialize`` on Python 3 (with
``pickle.loads(..., encoding=py2_str)`` for Python 2 pickles), converted by ``to_tagged``
(Interop/tagged.py). Dict and set order are fixed with PYTHONHASHSEED=0.
"""
from __future__ import print_function, unicode_literals

import argparse
import base64
import binascii
import io
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "Interop"))

if os.environ.get("PYTHONHASHSEED") != "0":  # fixed set and py2 dict order, for stable files
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable] + sys.argv)

import werkzeug  # noqa: E402
import werkzeug.contrib.securecookie as wsc  # noqa: E402

import tagged  # noqa: E402
import werkzeug_codecs as wc  # noqa: E402
from hostile import hostile_pickles  # noqa: E402

PY2 = sys.version_info[0] == 2
PYTHON = "%d.%d.%d" % sys.version_info[:3]

SECRET_HEX = "5f0c8a1e9b7d4c3a2f1e0d9c8b7a6f5e4d3c2b1a09f8e7d6c5b4a39281706f5e"
OLD_SECRET_HEX = "00112233445566778899aabbccddeeff"
TEXT_SECRET = "s\u00e9cret k\u00eby"
EXPIRES = 1700000000
DEMO_SECRET = "legacy-flask-app-secret"


def load_corpus():
    with io.open(os.path.join(ROOT, "Interop", "corpus.jsonl"), encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def secret_bytes(spec):
    if "hex" in spec:
        return binascii.unhexlify(spec["hex"])
    return spec["text"].encode("utf-8")


def nativize(value):
    """Python 2 only: every unicode string becomes a native str (UTF-8), as old apps wrote them."""
    if isinstance(value, tagged.text_type):
        return value.encode("utf-8")
    if isinstance(value, list):
        return [nativize(v) for v in value]
    if isinstance(value, tuple):
        return tuple(nativize(v) for v in value)
    if isinstance(value, dict):
        return dict((nativize(k), nativize(v)) for k, v in value.items())
    if isinstance(value, frozenset):
        return frozenset(nativize(v) for v in value)
    if isinstance(value, set):
        return set(nativize(v) for v in value)
    return value


def dumpable(codec, protocol, data):
    """Whether this Python's codec can write every value of ``data``."""
    module = wc.codec_module(codec, protocol)
    try:
        for value in data.values():
            module.dumps(value)
    except Exception:
        return False
    return True


def emit():
    """The raw cookies this interpreter's Werkzeug writes, as dicts (no expectations yet)."""
    corpus = load_corpus()
    out = []

    def add(name, codec, hash_name, secrets, data, protocol=None, expires=None, **extra):
        if not dumpable(codec, protocol, data):
            return
        cookie = wc.serialize(codec, hash_name, secret_bytes(secrets[0]), data, protocol, expires)
        line = {"name": name, "codec": codec, "hash": hash_name, "secrets": secrets, "cookie": cookie}
        if codec == "pickle":
            line["protocol"] = protocol
        if expires is not None:
            line["expires"] = expires
        line.update(extra)
        out.append(line)

    hexkey = [{"hex": SECRET_HEX}]
    textkey = [{"text": TEXT_SECRET}]
    for entry in corpus:
        data = tagged.from_tagged(entry["data"])
        name = entry["name"]
        if PY2 and "aware" in name:
            continue  # Python 2 has no fixed-offset tzinfo that another program could load
        for codec in wc.available_codecs():
            if codec == "pickle":
                for protocol in wc.PICKLE_PROTOCOLS:
                    add(name, "pickle", "sha1", hexkey, data, protocol)
                    if PY2:
                        add(name + " (native str)", "pickle", "sha1", hexkey, nativize(data), protocol)
            else:
                add(name, codec, "sha1", hexkey, data)
        # every hash, with a text key, for each codec
        if name in ("known-answer", "session", "strings", "unicode-keys"):
            for codec in wc.available_codecs():
                for hash_name in wc.HASH_NAMES:
                    protocol = 2 if (codec == "pickle" and PY2) else (4 if codec == "pickle" else None)
                    add(name + " [" + hash_name + "]", codec, hash_name, textkey, data, protocol)

    session = tagged.from_tagged(corpus[3]["data"])
    for codec in wc.available_codecs():
        protocol = 2 if (codec == "pickle" and PY2) else (4 if codec == "pickle" else None)
        # expiry, kept in _expires through the cookie's own codec
        add("expires (before)", codec, "sha256", hexkey, dict(session), protocol, EXPIRES, now=EXPIRES - 1000)
        add("expires (at)", codec, "sha256", hexkey, dict(session), protocol, EXPIRES, now=EXPIRES)
        add("expires (after)", codec, "sha256", hexkey, dict(session), protocol, EXPIRES, now=EXPIRES + 1)
        # key rotation: signed with the old key, verified with [new, old]
        cookie = wc.serialize(codec, "sha1", binascii.unhexlify(OLD_SECRET_HEX), dict(session), protocol)
        line = {"name": "rotation (old key)", "codec": codec, "hash": "sha1",
                "secrets": [{"hex": SECRET_HEX}, {"hex": OLD_SECRET_HEX}], "cookie": cookie, "key_index": 1}
        if codec == "pickle":
            line["protocol"] = protocol
        out.append(line)
        # the wrong key
        line = dict(line, name="wrong key", secrets=[{"hex": SECRET_HEX}], expected_error="bad-signature")
        del line["key_index"]
        out.append(line)

    if not PY2:
        # the known answers of the wire-format spec
        add("known answer: JSON, key k", "json", "sha1", [{"text": "k"}], {"a": 1, "b": 2})
        add("known answer: JSON, key k, empty", "json", "sha1", [{"text": "k"}], {})
        add("known answer: JSON, key foo", "json", "sha1", [{"text": "foo"}], {"x": 42, "a b/\u00e9": "v"})
        add("known answer: pickle 4, key deadbeef", "pickle", "sha1", [{"text": "deadbeef"}],
            {"foo": 42, "baz": (1, 2, 3)}, 4)
        # signed hostile pickles: refused, never run
        for label, payload in hostile_pickles("true"):
            cookie = wc.serialize("raw", "sha1", binascii.unhexlify(SECRET_HEX), {"x": payload})
            out.append({"name": "hostile " + label, "codec": "pickle", "protocol": 0, "hash": "sha1",
                        "secrets": hexkey, "cookie": cookie, "expected_error": "refused",
                        "note": "a real exploit payload; Python's pickle.loads would run it"})
        # too long for the default cookie length limit (Werkzeug reads it)
        add("longer than 4096 bytes", "pickle", "sha1", hexkey, {"blob": b"\x00" * 4000}, 4,
            expected_error="limit-exceeded", note="Werkzeug reads it; the default limit is 4096 bytes")
        # deeper than the default depth limit of 100
        deep = []
        for _ in range(150):
            deep = [deep]
        add("nested 150 deep", "pickle", "sha1", hexkey, {"deep": deep}, 4,
            expected_error="limit-exceeded", note="Python reads it; the default depth limit is 100")
    else:
        demo = {
            "user_id": 42, "username": "alice", "roles": ("admin", "editor"),
            "cart": [{"sku": "A-1", "qty": 2}, {"sku": "B-7", "qty": 1}], "theme": None, "visits": 17,
        }
        demo = nativize(demo)  # Python 2 apps wrote native str
        cookie = wc.serialize("pickle", "sha1", DEMO_SECRET.encode("ascii"), demo, 0, 4102444800)
        out.append({"name": "demo: legacy Python 2 session", "codec": "pickle", "protocol": 0, "hash": "sha1",
                    "secrets": [{"text": DEMO_SECRET}], "cookie": cookie, "demo": True,
                    "note": "make demo decodes this one; expires in 2100"})
    return out


PY2_MODES = ["ascii", "bytes", "latin1", "utf-8"]


class Py2Str(bytes):
    """A Python 2 str, still undecided: the tool's --py2-str mode turns it into text or bytes."""


def py2_pickle_codec(mode):
    """Python 3's pickle reading Python 2 pickles as the tool does with ``--py2-str mode``.

    As ``pickle.loads(data, encoding=mode)``, except that the fields of Python 2 datetime, date and
    time values are always read as raw bytes (as encoding="latin1" or "bytes" would), so their
    values load in every mode; every other Python 2 str is decoded with the mode, and a str the
    mode cannot decode is an error (UnicodeDecodeError, the tool's ``undecodable``).
    """
    import pickle

    class Unpickler(pickle._Unpickler):
        def _decode_string(self, value):
            return Py2Str(value)

    def convert(value):
        if isinstance(value, Py2Str):
            return bytes(value) if mode == "bytes" else bytes(value).decode(mode)
        if isinstance(value, list):
            return [convert(v) for v in value]
        if isinstance(value, tuple):
            return tuple(convert(v) for v in value)
        if isinstance(value, dict):
            return dict((convert(k), convert(v)) for k, v in value.items())
        if isinstance(value, frozenset):
            return frozenset(convert(v) for v in value)
        if isinstance(value, set):
            return set(convert(v) for v in value)
        return value

    class Codec(object):
        @staticmethod
        def loads(data):
            return convert(Unpickler(io.BytesIO(data), fix_imports=True, encoding="bytes").load())

    return Codec


def expect(line, py2_origin):
    """Adds what Werkzeug on Python 3 reads: expected, or expected_error; None to drop the line."""
    if "expected_error" in line:
        return line
    codec, hash_name = line["codec"], line["hash"]
    secrets = [secret_bytes(s) for s in line["secrets"]]
    signing = secrets[line.get("key_index", 0)]
    encoding = line.get("py2_str")
    now = line.get("now")
    original_time = wsc.time
    if now is not None:
        wsc.time = lambda: now
    try:
        cls = wc.cookie_class(codec, hash_name, line.get("protocol"), encoding)
        if py2_origin and codec == "pickle":
            cls.serialization_method = py2_pickle_codec(encoding)
        result = cls.unserialize(line["cookie"], signing)
        data = dict(result)
        if not data:
            # Werkzeug hides why; find out, the way the tool reports it
            reason = classify(cls, line["cookie"], now)
            if reason is None:
                line["expected"] = {}
                return line
            if reason == "drop":
                return None
            line["expected_error"] = reason
            return line
        line["expected"] = tagged.to_tagged(data)
        return line
    finally:
        wsc.time = original_time


def classify(cls, cookie, now):
    """Why Werkzeug read nothing: None (the empty cookie), an error kind, or "drop"."""
    body = cookie.split("?", 1)[1]
    if body == "":
        return None
    items = {}
    for item in body.split("&"):
        key, value = item.split("=", 1)
        try:
            items[key] = cls.serialization_method.loads(base64.b64decode(value))
        except UnicodeDecodeError:
            return "undecodable"
        except Exception as error:  # noqa: BLE001
            print("  dropped: Python 3 fails with %s: %s" % (type(error).__name__, error), file=sys.stderr)
            return "drop"
    if "_expires" in items and now is not None and now > items["_expires"]:
        return "expired"
    return None


def write_jsonl(path, lines):
    with io.open(path, "w", encoding="utf-8", newline="\n") as f:
        for line in lines:
            f.write(tagged.dumps(line) + "\n")
    print("wrote %d cookies to %s" % (len(lines), os.path.relpath(path, ROOT)))


def finish(raw, python):
    lines = []
    for line in raw:
        line = dict(line, python=python, werkzeug="0.16.1")
        if python.startswith("2.") and line["codec"] == "pickle" and "expected_error" not in line:
            modes = PY2_MODES if "native str" in line["name"] else ["ascii", "bytes"]
            for mode in modes:
                done = expect(dict(line, py2_str=mode), True)
                if done is not None:
                    lines.append(done)
        else:
            done = expect(line, python.startswith("2."))
            if done is not None:
                lines.append(done)
    return lines



def find_python2():
    """A Python 2.7 interpreter: $PY27, then PATH, then pyenv (scripts/find-python2.sh), or ""."""
    script = os.path.join(ROOT, "scripts", "find-python2.sh")
    return subprocess.run([script], stdout=subprocess.PIPE, universal_newlines=True).stdout.strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--emit", action="store_true", help="print this interpreter's raw cookies (used for Python 2.7)")
    parser.add_argument("--python2", default=None, help="Python 2.7 (default: what scripts/find-python2.sh finds)")
    parser.add_argument("--py2-site", default=os.path.join(ROOT, ".venv-interop", "py27-site"))
    parser.add_argument("--out", default=HERE)
    args = parser.parse_args()

    if args.emit:
        for line in emit():
            print(json.dumps(line, ensure_ascii=True))
        return 0
    if PY2:
        print("run this script with Python 3; it runs Python 2.7 itself", file=sys.stderr)
        return 2
    args.python2 = args.python2 or find_python2()
    if werkzeug.__version__ != "0.16.1":
        print("werkzeug 0.16.1 is required, found %s" % werkzeug.__version__, file=sys.stderr)
        return 2

    write_jsonl(os.path.join(args.out, "cookies-py3.jsonl"), finish(emit(), PYTHON))

    if not os.path.exists(args.python2):
        print("!" * 72, file=sys.stderr)
        print("!! SKIPPED Python 2.7 cookies: no interpreter at %s" % args.python2, file=sys.stderr)
        print("!! cookies-py2.7.jsonl and demo/ were left as they were", file=sys.stderr)
        print("!" * 72, file=sys.stderr)
        return 0
    env = dict(os.environ, PYTHONPATH=args.py2_site, PYTHONHASHSEED="0")
    text = subprocess.check_output([args.python2, os.path.abspath(__file__), "--emit"], env=env)
    version = subprocess.check_output([args.python2, "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"])
    raw2 = [json.loads(l) for l in text.decode("utf-8").splitlines() if l.strip()]
    lines2 = finish(raw2, version.decode("ascii").strip())
    write_jsonl(os.path.join(args.out, "cookies-py2.7.jsonl"), lines2)

    demo = [l for l in lines2 if l.get("demo")][0]
    os.makedirs(os.path.join(args.out, "demo"), exist_ok=True)
    with io.open(os.path.join(args.out, "demo", "legacy-session.cookie"), "w", encoding="ascii") as f:
        f.write(demo["cookie"] + "\n")
    with io.open(os.path.join(args.out, "demo", "secret.txt"), "w", encoding="ascii") as f:
        f.write(DEMO_SECRET + "\n")
    print("wrote demo/legacy-session.cookie and demo/secret.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
