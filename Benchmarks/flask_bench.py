#!/usr/bin/env python3
"""The Python side of the Flask benchmark: Flask 3.1.3's session cookies on CPython (.venv-interop/flask).

    flask_bench.py measure            -> one JSON document on stdout, in werkzeug_bench.py's shape: the
                                         cookies Flask wrote (the Swift side measures the same ones) and
                                         Flask's ns/op for each
    flask_bench.py batch FILE KEY     -> reads one Flask cookie a line, loads it and prints its tagged
                                         JSON: what `securecookie decode --format flask` does, for timing
    flask_bench.py write-batch FILE N KEY -> writes N session cookies to FILE

Timed as an application runs them, inside ``app.app_context()`` on the real clock:
``app.session_interface.get_signing_serializer(app).dumps(session)`` (serialize) and
``.loads(cookie, max_age=PERMANENT_SESSION_LIFETIME)`` (unserialize), for the session dicts of
``payloads()`` in werkzeug_bench.py (read from its source: that script imports Werkzeug 0.16.1,
which this venv does not have). Each case also carries ``timestamp`` (when its cookie was signed:
decode it with ``--now`` at or after that) and ``max_age``.
"""
import ast
import json
import os
import sys
import timeit

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "Interop"))

from importlib.metadata import version  # noqa: E402

import flask  # noqa: E402
from itsdangerous.encoding import base64_decode, bytes_to_int  # noqa: E402

import tagged  # noqa: E402

SECRET = b"benchmark-secret-key-0123456789abcdef"  # as werkzeug_bench.py
MAX_AGE = 2678400


def payloads():
    """``payloads()`` of werkzeug_bench.py, with the module constants it uses."""
    path = os.path.join(HERE, "werkzeug_bench.py")
    with open(path) as f:
        tree = ast.parse(f.read(), path)
    keep = [node for node in tree.body
            if (isinstance(node, ast.FunctionDef) and node.name == "payloads")
            or (isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "HISTORY" for t in node.targets))]
    namespace = {}
    exec(compile(ast.Module(body=keep, type_ignores=[]), path, "exec"), namespace)
    return namespace["payloads"]()


def application(key):
    app = flask.Flask(__name__)
    app.secret_key = key
    return app


def ns_per_op(stmt):
    timer = timeit.Timer(stmt)
    number, _ = timer.autorange()
    best = min(timer.repeat(repeat=5, number=number))
    return best / number * 1e9


def measure():
    app = application(SECRET)
    out = {"python": sys.version.split()[0], "flask": version("Flask"), "itsdangerous": version("itsdangerous"),
           "werkzeug": version("Werkzeug"), "cases": []}
    with app.app_context():
        s = app.session_interface.get_signing_serializer(app)
        for name, value in payloads():
            cookie = s.dumps(dict(value))
            back = s.loads(cookie, max_age=MAX_AGE)
            if sorted(back) != sorted(value):
                sys.exit("Flask did not read back its own %s cookie" % name)
            out["cases"].append({
                "codec": "flask",
                "payload": name,
                "cookie": cookie,
                "timestamp": bytes_to_int(base64_decode(cookie.rsplit(".", 2)[1])),
                "max_age": MAX_AGE,
                "compressed": cookie.startswith("."),
                "unserialize_ns": ns_per_op(lambda: s.loads(cookie, max_age=MAX_AGE)),
                "serialize_ns": ns_per_op(lambda: s.dumps(dict(value))),
            })
    json.dump(out, sys.stdout)


def batch(path, key):
    app = application(key.encode())
    write = sys.stdout.write
    with app.app_context(), open(path) as lines:
        s = app.session_interface.get_signing_serializer(app)
        for line in lines:
            write(tagged.dumps(tagged.to_tagged(s.loads(line.strip(), max_age=MAX_AGE))) + "\n")


def write_batch(path, count, key):
    app = application(key.encode())
    session = dict(payloads()[1][1])
    with app.app_context(), open(path, "w") as out:
        s = app.session_interface.get_signing_serializer(app)
        for i in range(int(count)):
            session["user_id"] = 40000 + i
            out.write(s.dumps(session) + "\n")


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "measure"
    if command == "measure":
        measure()
    elif command == "batch":
        batch(sys.argv[2], sys.argv[3])
    elif command == "write-batch":
        write_batch(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)
