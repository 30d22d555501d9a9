# -*- coding: utf-8 -*-
"""Writes ``cookies.json``: Flask 3.1.3 session cookies made by Flask itself, with what Flask reads from them.

    .venv-interop/flask/bin/python Fixtures/flask/make_fixtures.py [--out DIR] [--check]

Each cookie comes from a real application (``Flask(__name__)``, ``secret_key``,
``SECRET_KEY_FALLBACKS``) through ``app.session_interface.get_signing_serializer(app)`` inside
``app.app_context()``, on a fixed clock (``TimestampSigner.get_timestamp`` patched; see
``Interop/flask/flask_cookies.py``). Hand-made payloads (garbage, zlib bombs, odd timestamps) are
signed with that serializer's own signer.

``cookies.json`` is a JSON list, one case a line, each::

    {"name", "secret_keys_hex": [signing key, fallback...], "salt", "now", "max_age", "cookie",
     "expect": <tagged JSON of the session> | {"$error": kind}, "note" (some)}

``expect`` is what Flask itself reads back, ``s.loads(cookie, max_age=max_age)`` with the clock at
``now``, as tagged JSON (``Interop/tagged.py``), or the error in the tool's kinds: ``bad-signature``,
``expired`` (age > max_age, or a timestamp in the future), ``malformed`` (no ``.`` at all, no
timestamp, or a signed timestamp that is not one), ``undecodable`` (a correctly signed payload
that is not base64, zlib or JSON, or a tag Flask fails on), ``limit-exceeded`` (the tool's
budget; the note says what Flask does). The spec's five known answers are checked to come out
byte for byte. The output is deterministic; ``--check`` fails if the file on disk differs.
"""
import argparse
import binascii
import io
import json
import os
import random
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "Interop", "flask"))

import flask_cookies as fc  # noqa: E402

SECRET = binascii.unhexlify("3b1f5c7a9e2d4f6081a3c5e7092b4d6f8a1c3e5f7092b4d6e8f0a2c4e6081a3c")
OLD = binascii.unhexlify("00112233445566778899aabbccddeeff")
OLDER = b"an older deployment's secret"
OTHER = b"not this application's key"
NOW = fc.T0 + 3600


def hexes(keys):
    return [binascii.hexlify(k).decode("ascii") for k in keys]


class Cases(object):
    def __init__(self):
        self.cases = []

    def add(self, name, keys, cookie, now, expect, max_age=fc.MAX_AGE, note=None, verify_keys=None):
        """One case; ``expect`` is Flask's verdict on the cookie (checked here) unless given as an error kind."""
        verify_keys = verify_keys or keys
        side = fc.FlaskSide(verify_keys)
        verdict = side.verdict(cookie, now, max_age)
        if expect is None:
            if verdict[0] == "value":
                expected = fc.to_tagged(verdict[1])
            else:
                expected = {"$error": verdict[1]}
        else:
            expected = {"$error": expect}
            if verdict[0] == "value" and note is None:
                raise AssertionError("%s: Flask reads it, and no note says why the tool must not" % name)
            if verdict[0] == "error" and verdict[1] != expect:
                raise AssertionError("%s: Flask's verdict is %s, not %s" % (name, verdict, expect))
        case = {"name": name, "secret_keys_hex": hexes(verify_keys), "salt": fc.SALT, "now": now,
                "max_age": max_age, "cookie": cookie, "expect": expected}
        if note:
            case["note"] = note
        self.cases.append(case)


def boundary_values():
    """Two sessions at the compression threshold: zlib output len(json) - 2 (compressed) and - 1 (not)."""
    rng = random.Random(1601)
    alphabet = "abcdefghijklmnopqrstuvwxyz"
    side = fc.FlaskSide([SECRET])
    found = {}
    while len(found) < 2:
        text = "".join(rng.choice(alphabet[:rng.randint(2, 26)]) for _ in range(rng.randint(8, 60)))
        data = fc.flask_json(side, {"s": text}).encode("ascii")
        gap = len(data) - len(zlib.compress(data))
        if gap in (1, 2) and gap not in found:
            found[gap] = {"s": text}
    return found[2], found[1]


def build():
    cases = Cases()
    # the spec's known answers, byte for byte
    for i, (key, value, cookie) in enumerate(fc.KNOWN_ANSWERS, 1):
        made = fc.FlaskSide([key]).dumps(value, fc.T0)
        if made != cookie:
            raise AssertionError("known answer %d: Flask wrote %s, the spec says %s" % (i, made, cookie))
        cases.add("known answer %d" % i, [key], made, fc.T0, None)

    side = fc.FlaskSide([SECRET])
    for name, value in fc.corpus():
        cases.add(name, [SECRET], side.dumps(value, fc.T0), NOW, None)
    compressed, plain = boundary_values()
    cases.add("compression threshold: zlib 2 bytes shorter (compressed)", [SECRET], side.dumps(compressed), NOW, None)
    cases.add("compression threshold: zlib 1 byte shorter (not compressed)", [SECRET], side.dumps(plain), NOW, None)
    assert cases.cases[-2]["cookie"].startswith(".") and not cases.cases[-1]["cookie"].startswith(".")

    session = {"user_id": 42, "cart": [{"sku": "A-1", "qty": 2}], "seen": (1, 2)}
    cookie = side.dumps(session, fc.T0)
    # keys
    cases.add("fallback key", [SECRET, OLD], fc.FlaskSide([OLD]).dumps(session, fc.T0), NOW, None)
    cases.add("second of two fallback keys", [SECRET, OLD, OLDER], fc.FlaskSide([OLDER]).dumps(session, fc.T0), NOW, None)
    cases.add("wrong key", [SECRET, OLD], fc.FlaskSide([OTHER]).dumps(session, fc.T0), NOW, None)
    cases.add("salt is part of the key", [SECRET], fc.FlaskSide([SECRET], salt="other-salt").dumps(session, fc.T0), NOW, None)
    # age
    cases.add("age = max_age (accepted)", [SECRET], cookie, fc.T0 + fc.MAX_AGE, None)
    cases.add("age = max_age + 1 (expired)", [SECRET], cookie, fc.T0 + fc.MAX_AGE + 1, None)
    cases.add("timestamp 1 s in the future", [SECRET], cookie, fc.T0 - 1, None)
    cases.add("max_age 60, age 60", [SECRET], cookie, fc.T0 + 60, None, max_age=60)
    cases.add("max_age 60, age 61", [SECRET], cookie, fc.T0 + 61, None, max_age=60)
    cases.add("max_age 0, age 0", [SECRET], cookie, fc.T0, None, max_age=0)
    # tampering
    payload, ts, sig = cookie.split(".")
    flip = lambda text, i: text[:i] + ("A" if text[i] != "A" else "B") + text[i + 1:]  # noqa: E731
    cases.add("tampered payload", [SECRET], ".".join([flip(payload, 5), ts, sig]), NOW, None)
    cases.add("tampered timestamp", [SECRET], ".".join([payload, flip(ts, 2), sig]), NOW, None)
    cases.add("tampered signature", [SECRET], ".".join([payload, ts, flip(sig, 10)]), NOW, None)
    cases.add("signature cut short", [SECRET], ".".join([payload, ts, sig[:-1]]), NOW, None)
    cases.add("compressed, tampered payload", [SECRET], flip(side.dumps({"blob": "ab" * 100}), 9), NOW, None)
    cases.add("dot removed between payload and timestamp", [SECRET], payload + ts + "." + sig, NOW, None)
    # framing and timestamps
    cases.add("no dot at all", [SECRET], payload + ts + sig, NOW, None)
    cases.add("signed without a timestamp", [SECRET], side.sign_without_timestamp(payload.encode("ascii")), NOW, None)
    cases.add("timestamp of 5 base64 characters", [SECRET], side.sign_timestamp(payload.encode("ascii"), b"ZVPxA"), NOW, None)
    cases.add("timestamp of 40 bytes", [SECRET], side.sign_timestamp(payload.encode("ascii"), fc.b64url(b"\x7f" * 40)), NOW, None,
              note="itsdangerous reads at most 8 bytes (struct '>Q'): more is 'Malformed timestamp'")
    cases.add("timestamp 2**64 - 1", [SECRET], side.sign_timestamp(payload.encode("ascii"), fc.b64url(b"\xff" * 8)), NOW, "expired",
              note="in the future; Flask itself raises OverflowError building SignatureExpired's date (the request fails)")
    cases.add("timestamp 9999-12-31T23:59:59Z", [SECRET], side.sign(payload.encode("ascii"), 253402300799), NOW, None)
    cases.add("empty timestamp", [SECRET], side.sign_timestamp(payload.encode("ascii"), b""), NOW, None,
              note="itsdangerous reads an empty timestamp as 0 (1970): expired, not malformed")
    # bad payloads under a valid signature
    bad = [
        ("payload: base64 with a character outside the alphabet", b"eyJh!IjoxfQ"),
        ("payload: base64 of 5 characters", b"eyJhI"),
        ("payload: compressed, not zlib", b"." + fc.b64url(b"not zlib data")),
        ("payload: compressed, zlib cut short", b"." + fc.b64url(zlib.compress(b'{"a":"' + b"ab" * 50 + b'"}')[:-6])),
        ("payload: not JSON", fc.b64url(b"hello")),
        ("payload: compressed, not JSON", b"." + fc.b64url(zlib.compress(b"not json at all"))),
        ("payload: JSON with trailing data", fc.b64url(b'{"a":1} x')),
        ("payload: not UTF-8", fc.b64url(b'{"a":"\xff"}')),
        ("payload: empty", b""),
        ("payload: only the compression dot", b"."),
        ("tag b: not base64", fc.b64url(b'{"x":{" b":"not base64!"}}')),
        ("tag b: a number", fc.b64url(b'{"x":{" b":5}}')),
        ("tag u: not a UUID", fc.b64url(b'{"x":{" u":"xyz"}}')),
        ("tag t: a number", fc.b64url(b'{"x":{" t":5}}')),
        ("tag di: empty", fc.b64url(b'{"x":{" di":{}}}')),
        ("tag d: a number", fc.b64url(b'{"x":{" d":5}}')),
    ]
    for name, data in bad:
        cases.add(name, [SECRET], side.sign(data), NOW, None)
    cases.add("JSON int of 4300 digits (compressed)", [SECRET], side.sign(fc.payload_of(b'{"x":' + b"7" * 4300 + b"}", True)), NOW, None)
    cases.add("JSON int of 4301 digits (compressed)", [SECRET], side.sign(fc.payload_of(b'{"x":' + b"7" * 4301 + b"}", True)), NOW, None,
              note="Python's integer-digits limit (4300): Flask raises BadPayload from ValueError")
    cases.add("payload: a JSON list, not a dict", [SECRET], side.sign(fc.b64url(b"[1,2]")), NOW, "undecodable",
              note="s.loads gives [1, 2]; open_session's SecureCookieSession([1, 2]) then raises TypeError")
    deep = b'{"a":' + b"[" * 2000 + b"]" * 2000 + b"}"
    cases.add("JSON 2000 levels deep (compressed)", [SECRET], side.sign(fc.payload_of(deep, True)), NOW, "limit-exceeded",
              note="Flask: BadPayload from RecursionError (json's C scanner); the tool's depth limit is lower")
    bomb = b'{"a":"' + b"x" * 50000000 + b'"}'
    cases.add("zlib bomb: 50 MB of JSON", [SECRET], side.sign(b"." + fc.b64url(zlib.compress(bomb))), NOW, "limit-exceeded",
              note="Flask inflates it and reads a 50,000,000-character string; the tool refuses it by its budget")
    small_bomb = b'{"a":"' + b"x" * 3000000 + b'"}'
    cases.add("zlib bomb: 3 MB of JSON in a cookie under 4096 bytes", [SECRET],
              side.sign(b"." + fc.b64url(zlib.compress(small_bomb, 9))), NOW, "limit-exceeded",
              note="Flask inflates it and reads a 3,000,000-character string; the tool refuses it by its budget")
    names = [c["name"] for c in cases.cases]
    assert len(names) == len(set(names)), "duplicate case names"
    return cases.cases


def render(cases):
    lines = [json.dumps(case, sort_keys=True, ensure_ascii=False, allow_nan=False) for case in cases]
    return "[\n" + ",\n".join(lines) + "\n]\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=HERE)
    parser.add_argument("--check", action="store_true", help="fail if cookies.json differs from what this writes")
    args = parser.parse_args()
    versions = fc.versions()
    if versions["Flask"] != "3.1.3" or versions["itsdangerous"] != "2.2.0":
        print("Flask 3.1.3 and itsdangerous 2.2.0 are required, found %s" % versions, file=sys.stderr)
        return 2
    cases = build()
    text = render(cases)
    path = os.path.join(args.out, "cookies.json")
    if args.check:
        with io.open(path, encoding="utf-8") as f:
            same = f.read() == text
        print("%s is %s" % (os.path.relpath(path, ROOT), "up to date" if same else "NOT what make_fixtures.py writes"))
        return 0 if same else 1
    with io.open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print("wrote %d cases to %s" % (len(cases), os.path.relpath(path, ROOT)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
