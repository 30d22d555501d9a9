#!/usr/bin/env python3
"""The Python side of the benchmark: Werkzeug 0.16.1 on CPython over the same cookies.

    werkzeug_bench.py measure         -> one JSON document on stdout: the cookies it wrote (the Swift
                                         side measures the same ones) and Werkzeug's ns/op for each
    werkzeug_bench.py batch FILE KEY  -> reads one pickle cookie a line, unserializes it and prints
                                         its tagged JSON: what `securecookie decode` does, for timing
    werkzeug_bench.py write-batch FILE N KEY -> writes N session cookies (pickle) to FILE
    werkzeug_bench.py cpickle         -> CPython's C pickle on the session alone: {"loads_ns", "dumps_ns"},
                                         asked for again between the Swift rounds so both sides share the load
"""
import base64
import json
import os
import pickle
import sys
import timeit
import warnings

warnings.filterwarnings("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "Interop"))

import werkzeug  # noqa: E402
import werkzeug_codecs  # noqa: E402
import tagged  # noqa: E402

SECRET = b"benchmark-secret-key-0123456789abcdef"
CODECS = ["pickle", "json", "msgpack", "yaml"]
HISTORY = 54  # history entries in the "4k" payload: the largest cookie (JSON) stays under 4096 bytes


def payloads():
    seed = {"foo": 42, "baz": (1, 2, 3)}
    session = {
        "user_id": 48213,
        "csrf_token": "9f2c4e1a7b3d5f6e8a0b1c2d3e4f5a6b7c8d9e0f",
        "locale": "en_GB",
        "flashes": [["message", "Welcome back, Ada!"], ["info", "Your cart was saved."]],
        "cart": [
            {"sku": "SKU-%04d" % (1000 + i), "qty": 1 + i % 3, "price": round(4.99 + i * 3.25, 2)}
            for i in range(8)
        ],
        "last_seen": 1732665600.25,
    }
    big = dict(session)
    big["history"] = ["/catalog/section-%02d/product-%04d?ref=home" % (i, i * 37) for i in range(HISTORY)]
    return [("seed", seed), ("session", session), ("4k", big)]


def ns_per_op(stmt):
    timer = timeit.Timer(stmt)
    number, _ = timer.autorange()
    best = min(timer.repeat(repeat=5, number=number))
    return best / number * 1e9


def measure():
    out = {"python": sys.version.split()[0], "werkzeug": werkzeug.__version__, "cases": []}
    for name, value in payloads():
        for codec in CODECS:
            if codec not in werkzeug_codecs.available_codecs():
                continue
            cls = werkzeug_codecs.cookie_class(codec, "sha1")
            cookie = cls(dict(value), SECRET).serialize()
            # Werkzeug answers an empty cookie for any failure: make sure it really decodes (tuples
            # come back as lists from JSON, YAML and MessagePack, so compare the keys and the size).
            back = dict(cls.unserialize(cookie, SECRET))
            if sorted(back) != sorted(value):
                sys.exit("Werkzeug did not read back its own %s %s cookie" % (codec, name))
            if codec == "pickle" and name == "session":
                out["cpickle"] = cpickle()
            out["cases"].append({
                "codec": codec,
                "payload": name,
                "cookie": cookie.decode("ascii"),
                "unserialize_ns": ns_per_op(lambda: cls.unserialize(cookie, SECRET)),
                "serialize_ns": ns_per_op(lambda: cls(dict(value), SECRET).serialize()),
            })
    json.dump(out, sys.stdout)


def cpickle():
    """CPython's C pickle on the session value alone, protocol 4."""
    value = dict(payloads()[1][1])
    data = pickle.dumps(value, 4)
    return {
        "loads_ns": ns_per_op(lambda: pickle.loads(data)),
        "dumps_ns": ns_per_op(lambda: pickle.dumps(value, 4)),
        "bytes": len(data),
        # The same bytes go to the Swift codec's loads, so both sides read one pickle.
        "pickle_base64": base64.b64encode(data).decode("ascii"),
    }


def batch(path, key):
    cls = werkzeug_codecs.cookie_class("pickle", "sha1")
    key = key.encode()
    write = sys.stdout.write
    with open(path) as lines:
        for line in lines:
            write(tagged.dumps(tagged.to_tagged(dict(cls.unserialize(line.strip(), key)))) + "\n")


def write_batch(path, count, key):
    cls = werkzeug_codecs.cookie_class("pickle", "sha1")
    session = dict(payloads()[1][1])
    with open(path, "w") as out:
        for i in range(int(count)):
            session["user_id"] = 40000 + i
            out.write(cls(dict(session), key.encode()).serialize().decode("ascii") + "\n")


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "measure"
    if command == "measure":
        measure()
    elif command == "batch":
        batch(sys.argv[2], sys.argv[3])
    elif command == "cpickle":
        json.dump(cpickle(), sys.stdout)
    elif command == "write-batch":
        write_batch(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)
