# -*- coding: utf-8 -*-
"""Flask 3.1.3's session cookies on the Python side, shared by the fixtures, the interop and the bench.

``FlaskSide(keys)`` is an application (``Flask(__name__)``, ``secret_key`` = the first key,
``SECRET_KEY_FALLBACKS`` = the rest) and the signing serializer Flask's
``SecureCookieSessionInterface`` builds for it. Every call runs inside ``app.app_context()`` (the
app's JSON provider sorts keys and escapes non-ASCII only there) and on a fixed clock:
``itsdangerous.timed.TimestampSigner.get_timestamp`` is patched to return the ``ts``/``now`` given.

``verdict`` is what Flask reads from a cookie, in the tool's words: ``("value", session)`` or
``("error", kind, detail)`` with the kinds ``securecookie decode`` prints (bad-signature,
expired, malformed, undecodable, limit-exceeded).

Run with ``.venv-interop/flask/bin/python`` (Flask 3.1.3, itsdangerous 2.2.0).
"""
import base64
import contextlib
import datetime
import decimal
import os
import sys
import uuid
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))  # Interop/, for tagged.py

import flask  # noqa: E402
import flask.sessions  # noqa: E402
import itsdangerous  # noqa: E402
from itsdangerous import BadPayload, BadSignature, BadTimeSignature, SignatureExpired  # noqa: E402
from itsdangerous.timed import TimestampSigner  # noqa: E402
from markupsafe import Markup  # noqa: E402

import tagged  # noqa: E402

SALT = "cookie-session"
MAX_AGE = 2678400  # PERMANENT_SESSION_LIFETIME, 31 days
T0 = 1700000000  # the spec's known answers are signed at this time
UTC = datetime.timezone.utc

_clock = [T0]
TimestampSigner.get_timestamp = lambda self: _clock[0]


@contextlib.contextmanager
def clock(now):
    """itsdangerous' clock (signing time and the ``now`` of the age check) fixed at ``now``."""
    saved = _clock[0]
    _clock[0] = int(now)
    try:
        yield
    finally:
        _clock[0] = saved


def versions():
    from importlib.metadata import version
    return {name: version(name) for name in ("Flask", "itsdangerous", "Werkzeug", "MarkupSafe")}


class FlaskSide(object):
    """One Flask application's session signing serializer. ``keys``: bytes, the signing key first."""

    def __init__(self, keys, salt=SALT):
        self.keys = list(keys)
        self.app = flask.Flask(__name__)
        self.app.secret_key = self.keys[0]
        self.app.config["SECRET_KEY_FALLBACKS"] = self.keys[1:]
        if salt != SALT:  # Flask.session_interface is one instance shared by every app: use a new one
            self.app.session_interface = flask.sessions.SecureCookieSessionInterface()
            self.app.session_interface.salt = salt
        with self.app.app_context():
            self.serializer = self.app.session_interface.get_signing_serializer(self.app)

    def dumps(self, value, ts=T0):
        """The cookie Flask sets for this session dict, signed at ``ts`` (raises when Flask cannot)."""
        with self.app.app_context(), clock(ts):
            return self.serializer.dumps(value)

    def loads(self, cookie, now=T0, max_age=MAX_AGE):
        """``loads(cookie, max_age=...)`` as ``open_session`` calls it (raises as it does)."""
        with self.app.app_context(), clock(now):
            return self.serializer.loads(cookie, max_age=max_age)

    def sign(self, payload, ts=T0):
        """Raw payload bytes signed as a session cookie at ``ts`` (``payload.timestamp.signature``)."""
        with clock(ts):
            return self.serializer.make_signer().sign(payload).decode("ascii")

    def sign_without_timestamp(self, payload):
        """The serializer's key and salt over ``payload`` alone (``payload.signature``, no timestamp)."""
        signer = itsdangerous.Signer(self.serializer.secret_keys, salt=self.serializer.salt, **self.serializer.signer_kwargs)
        return signer.sign(payload).decode("ascii")

    def sign_timestamp(self, payload, timestamp_text):
        """``payload.timestamp.signature`` with the timestamp field given as text, correctly signed."""
        value = payload + b"." + timestamp_text
        return (value + b"." + self.serializer.make_signer().get_signature(value)).decode("ascii")

    def signature_ok(self, cookie):
        """Whether the last field is a valid signature over the rest (any key)."""
        if "." not in cookie:
            return False
        value, sig = cookie.rsplit(".", 1)
        return self.serializer.make_signer().verify_signature(value, sig)

    def verdict(self, cookie, now=T0, max_age=MAX_AGE):
        """What Flask reads: ``("value", data)`` or ``("error", kind, detail)``."""
        try:
            return ("value", self.loads(cookie, now, max_age))
        except SignatureExpired as error:
            return ("error", "expired", str(error))
        except BadPayload as error:
            original = error.original_error
            if isinstance(original, RecursionError):
                return ("error", "limit-exceeded", "Flask: BadPayload from %r" % (original,))
            if isinstance(original, ValueError) and "integer string conversion" in str(original):
                return ("error", "limit-exceeded", "Flask: BadPayload from %r" % (original,))
            return ("error", "undecodable", "%s (%r)" % (error, original))
        except BadTimeSignature as error:
            if str(error) in ("Malformed timestamp", "timestamp missing") and self.signature_ok(cookie):
                return ("error", "malformed", str(error))
            return ("error", "bad-signature", str(error))
        except BadSignature as error:
            if "." not in cookie:
                return ("error", "malformed", str(error))
            return ("error", "bad-signature", str(error))
        except (OverflowError, OSError, ValueError) as error:
            # A correctly signed timestamp after 9999-12-31: itsdangerous means SignatureExpired
            # (age < 0) but fails building its date_signed, so Flask's request fails with this.
            return ("error", "expired", "Flask raises %s: %s (not SignatureExpired)" % (type(error).__name__, error))


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=")


def payload_of(json_bytes, compress=None):
    """A cookie payload for raw JSON bytes: ``compress`` None decides as itsdangerous does."""
    packed = zlib.compress(json_bytes)
    if compress is None:
        compress = len(packed) < len(json_bytes) - 1
    return b"." + b64url(packed) if compress else b64url(json_bytes)


def flask_json(side, value):
    """The JSON text Flask signs for a session dict (inside the payload, before compression)."""
    with side.app.app_context():
        return side.serializer.serializer.dumps(value)


def to_tagged(value):
    """A session as tagged JSON (``$uuid``, ``$markup``, aware ``$datetime``... via tagged.py)."""
    return tagged.to_tagged(value)


# The spec's known answers (Flask 3.1.3 at T0): key, session, cookie.
KNOWN_ANSWERS = [
    (b"k", {"a": 1}, "eyJhIjoxfQ.ZVPxAA.-1QlRaColPEibXlFRFd2EAdBB74"),
    (b"k", {"user_id": 42, "t": (1, 2), "b": b"\x00\xff"},
     "eyJiIjp7IiBiIjoiQVA4PSJ9LCJ0Ijp7IiB0IjpbMSwyXX0sInVzZXJfaWQiOjQyfQ.ZVPxAA.C2Ipg-Q5a2bYbgmEazQdXMSS9VA"),
    (b"secret", {"m": Markup("<b>x</b>"), "u": uuid.UUID(int=1), "d": datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)},
     ".eJyrVkpRsqpWUgCSSiGlqToKBkYKXol5CkYGRiYKBsZWBiZWBqYK7r4hSrU6SrlgpUBSySbJrsJGP8kOJFoKFgWSSgb4gaFSbS0A7qQaCg.ZVPxAA.ejTgzOhLEiZaJu6pp-6szcL3dhg"),
    (b"secret", {" t": 1}, "eyIgZGkiOnsiIHRfXyI6MX19.ZVPxAA.4BSbCPE83ysgf-TSH3MdF2BeXtE"),
    (b"k", {"blob": "ab" * 100}, ".eJyrVkrKyU9SslJKTBoeUKkWALjsT4Y.ZVPxAA.imyTC4vBAYdEP41mRUARMaSMs2Y"),
]


def corpus():
    """Named session dicts over every tag and the values Flask's JSON converts or refuses."""
    u4 = uuid.UUID("7d3c5e2a-91b4-4f0e-8a6d-2c1b0e9f8a7b")
    dt = datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
    return [
        ("empty", {}),
        ("scalars", {"t": True, "f": False, "n": None, "i": 42, "neg": -7, "s": "text", "f1": 1.5}),
        ("tuple", {"t": (1, "a", None), "empty": (), "nested": ((1, 2), (3,), ())}),
        ("bytes", {"empty": b"", "all": bytes(bytearray(range(256))), "ascii": b"hello"}),
        ("markup", {"m": Markup("<i>caf\u00e9</i>"), "empty": Markup(""), "amp": Markup("a &amp; b")}),
        ("uuid", {"u": u4, "zero": uuid.UUID(int=0), "max": uuid.UUID(int=2 ** 128 - 1)}),
        ("datetime", {"d": dt, "epoch": datetime.datetime(1970, 1, 1, tzinfo=UTC),
                      "far": datetime.datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC),
                      "old": datetime.datetime(1899, 12, 31, 0, 0, 0, tzinfo=UTC)}),
        ("datetime microseconds", {"d": datetime.datetime(2024, 1, 2, 3, 4, 5, 123456, tzinfo=UTC)}),
        ("datetime naive", {"d": datetime.datetime(2024, 1, 2, 3, 4, 5)}),
        ("datetime +02:00", {"d": datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))}),
        ("datetime -05:30", {"d": datetime.datetime(2024, 1, 1, 20, 0, 0, tzinfo=datetime.timezone(-datetime.timedelta(hours=5, minutes=30)))}),
        ("date becomes an HTTP date str", {"day": datetime.date(2024, 1, 2)}),
        ("Decimal becomes its str", {"price": decimal.Decimal("1.10"), "big": decimal.Decimal("-1E+30")}),
        ("di: one key that is a tag name", {"x": {" t": 1}, "y": {" b": "not bytes"}, "z": {" di": 1},
                                             "m": {" m": [1]}, "u": {" u": None}, "d": {" d": {}}}),
        ("di: top level", {" t": 1}),
        ("di: top level di", {" di": {" t": (1,)}}),
        ("not di: two keys, one a tag name", {"x": {" t": 1, "y": 2}}),
        ("not di: key like a tag", {"x": {" t ": 1}, "y": {"t": 2}, "z": {" x": 3}, "w": {" di__": 4}}),
        ("tags inside lists, tuples, dicts", {
            "l": [b"\x01", (1,), {"u": uuid.UUID(int=5)}, [Markup("<p>")], dt],
            "d": {"inner": {"t": (b"x", (dt,)), "m": Markup("&")}},
            "t": ([Markup("a")], {"b": b"\xff"}, {" t": ()}),
        }),
        ("datetime years 50 and 99 (two-digit years on reading)", {"a": datetime.datetime(50, 1, 1, tzinfo=UTC),
                                                                  "b": datetime.datetime(99, 6, 1, 12, 0, tzinfo=UTC)}),
        ("nested", {"n": [{"a": ({"b": [[{"c": ((1, [b"z"]),)}]]},)}]}),
        ("non-ASCII BMP", {"k\u00e9y": "caf\u00e9 \u4e2d\u6587 \u20ac", "\u00fc": "\u0000\u001f\u007f\u0080\uffff"}),
        ("non-ASCII astral", {"emoji": "\U0001F600\U0001D11E", "\U0001F511": "key", "mix": "a\U00010000b"}),
        ("key order: code points, not UTF-16", {"\ue000": 1, "\uffff": 2, "\U0001F600": 3, "B": 4, "a": 5, "_": 6, "10": 7, "9": 8}),
        ("escapes", {"q": "\"\\/\b\f\n\r\t", "html": "</script><!--", "sep": "\u2028\u2029"}),
        ("big ints", {"p63": 2 ** 63, "m63": -(2 ** 63) - 1, "max64": 2 ** 63 - 1, "min64": -(2 ** 63),
                      "p64": 2 ** 64, "huge": 10 ** 50, "nhuge": -(10 ** 50)}),
        ("floats", {"nan": float("nan"), "inf": float("inf"), "ninf": float("-inf"), "e16": 1e16, "tenth": 0.1,
                    "nzero": -0.0, "zero": 0.0, "tiny": 5e-324, "max": 1.7976931348623157e308, "e22": 1e22,
                    "third": 1.0 / 3, "big": 123456789012345680.0, "small": 1e-7, "one": 1.0}),
        ("int keys become str", {1: "a", 10: "b", 9: "c"}),
        ("long repetitive (compressed)", {"blob": "x" * 2000, "list": [1, 2, 3] * 100}),
        ("short (not compressed)", {"a": "b"}),
        ("dollar keys", {"$tuple": 1, "$x": [2]}),
        ("strings that look like tags", {"s": " t", "l": [" di", " b"], "e": ""}),
    ]


def unrepresentable_corpus():
    """Session dicts Flask's dumps refuses (TypeError): the tool must say ``unrepresentable``."""
    return [
        ("set", {"s": {1, 2}}),
        ("frozenset", {"s": frozenset([1])}),
        ("complex", {"c": 1 + 2j}),
        ("bytearray", {"b": bytearray(b"x")}),
        ("timedelta", {"td": datetime.timedelta(days=1)}),
        ("time", {"tm": datetime.time(3, 4, 5)}),
        ("tuple key", {(1, 2): "x"}),
        ("bytes key", {b"k": 1}),
        ("mixed key types (sort_keys)", {1: "a", "b": 2}),
    ]
