# -*- coding: utf-8 -*-
"""Differential test of the Swift MessagePack codec against Python's ``msgpack``.

    diff.py N [--seed S] [--tool PATH] [--exceptions FILE] [--report FILE] [--show K]

Generates N byte strings (gen.py), reads each with
``msgpack.unpackb(data, raw=False, strict_map_key=False, timestamp=3)`` (msgpack's C extension,
what ``import msgpack`` gives), signs each as a Werkzeug 0.16.1 SecureCookie with one item ``v``
(real Werkzeug, a codec whose ``dumps`` hands over the bytes), decodes all of them in one
``securecookie decode --codec msgpack`` batch, and compares verdict and value (tagged JSON,
``Interop/tagged.py``'s ``same``). A Python result holding an ``ExtType`` is its own outcome,
``exttype`` (the Swift codec refuses other extension types by design).

A disagreement matching a class of the exceptions file (``exceptions.json``) is listed under it;
any other is *unexplained*. Exit status 1 when any disagreement is unexplained.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "Interop"))
sys.path.insert(0, HERE)

import msgpack  # noqa: E402

import gen  # noqa: E402
import tagged  # noqa: E402

warnings.filterwarnings("ignore")
from werkzeug.contrib.securecookie import SecureCookie  # noqa: E402
from werkzeug_codecs import RawCodec  # noqa: E402

SECRET = "msgpack-diff-key"
MAX_DOC = 2900  # base64 of this and the MAC stay within the 4096-byte cookie


class RawCookie(SecureCookie):
    serialization_method = RawCodec


def has_ext(value):
    if isinstance(value, msgpack.ExtType):
        return True
    if isinstance(value, list):
        return any(has_ext(x) for x in value)
    if isinstance(value, dict):
        return any(has_ext(k) or has_ext(x) for k, x in value.items())
    return False


def python_outcome(data):
    try:
        value = msgpack.unpackb(data, raw=False, strict_map_key=False, timestamp=3)
    except Exception as exc:  # every failure is a refusal of the cookie value
        return ("error", type(exc).__name__, str(exc).split("\n")[0][:120])
    if has_ext(value):
        return ("exttype", "ExtType", "")
    try:
        return ("ok", tagged.to_tagged({"v": value}))
    except (ValueError, TypeError, RecursionError) as exc:
        return ("unprintable", type(exc).__name__, str(exc)[:80])


def run_tool(tool, cookies):
    proc = subprocess.run(
        [tool, "decode", "--codec", "msgpack", "--secret", SECRET, "--jobs", "2"],
        input="".join(c + "\n" for c in cookies).encode("ascii"),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    lines = proc.stdout.decode("utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if len(lines) != len(cookies):
        raise SystemExit("tool printed %d lines for %d cookies: %s" % (len(lines), len(cookies), proc.stderr[-500:]))
    out = []
    for line in lines:
        tree = json.loads(line)
        if isinstance(tree, dict) and "$error" in tree:
            out.append(("error", tree["$error"], tree.get("message", "")))
        else:
            out.append(("ok", tree))
    return out


def agree(py, sw):
    if py[0] == "error" and sw[0] == "error":
        return True
    if py[0] == "ok" and sw[0] == "ok":
        return tagged.same(py[1], sw[1])
    return False


def classify(exceptions, doc, py, sw):
    text = doc.hex()
    for cls in exceptions:
        m = cls.get("match", {})
        if "python" in m and m["python"] != py[0]:
            continue
        if "swift" in m and m["swift"] != sw[0]:
            continue
        if "python_error" in m and not (py[0] == "error" and re.search(m["python_error"], py[1] + ": " + py[2])):
            continue
        if "swift_error" in m and not (sw[0] == "error" and re.search(m["swift_error"], sw[1] + ": " + sw[2])):
            continue
        if "doc" in m and not re.search(m["doc"], text):
            continue
        if "python_json" in m and not (py[0] == "ok" and re.search(m["python_json"], json.dumps(py[1]))):
            continue
        return cls["id"]
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--tool", default=os.path.join(ROOT, ".build", "debug", "securecookie"))
    ap.add_argument("--exceptions", default=os.path.join(HERE, "exceptions.json"))
    ap.add_argument("--report", help="write a JSON summary (counts, classes, examples) here")
    ap.add_argument("--show", type=int, default=3, help="examples printed per class")
    args = ap.parse_args()

    with open(args.exceptions) as f:
        exceptions = json.load(f)["classes"]

    docs, cookies, skipped = [], [], 0
    index = 0
    while len(docs) < args.n:
        data, feats = gen.document(args.seed, index)
        index += 1
        if len(data) > MAX_DOC:
            skipped += 1
            continue
        docs.append((index - 1, data, feats))
        cookies.append(RawCookie({"v": data}, SECRET).serialize().decode("ascii"))

    swift = run_tool(args.tool, cookies)
    counts = collections.Counter()
    classes = collections.defaultdict(list)
    for (i, data, feats), sw in zip(docs, swift):
        py = python_outcome(data)
        if py[0] == "unprintable":
            counts["python-unprintable"] += 1
            continue
        counts["compared"] += 1
        counts["python-" + py[0]] += 1
        if agree(py, sw):
            counts["agree"] += 1
            continue
        cls = classify(exceptions, data, py, sw) or "UNEXPLAINED"
        counts["listed" if cls != "UNEXPLAINED" else "unexplained"] += 1
        classes[cls].append({"case": i, "doc": data.hex(), "python": py, "swift": sw,
                             "features": feats})

    compared = counts["compared"]
    rate = 100.0 * counts["agree"] / compared if compared else 0.0
    print("msgpack-diff seed %d: %d documents (%d too large skipped, %d not printable by Python), "
          "%d agree (%.3f%%), %d listed disagreements, %d unexplained"
          % (args.seed, compared, skipped, counts["python-unprintable"], counts["agree"], rate,
             counts["listed"], counts["unexplained"]))
    print("  python: %d load, %d fail, %d ExtType" % (counts["python-ok"], counts["python-error"],
                                                      counts["python-exttype"]))
    for cls in sorted(classes, key=lambda c: (c != "UNEXPLAINED", c)):
        items = classes[cls]
        print("  %-40s %d" % (cls, len(items)))
        for ex in items[:args.show]:
            print("      case %d: %s" % (ex["case"], ascii(ex["doc"][:300])))
            print("        python: %s" % (json.dumps(ex["python"])[:300],))
            print("        swift:  %s" % (json.dumps(ex["swift"])[:300],))
    if args.report:
        with open(args.report, "w") as f:
            json.dump({"seed": args.seed, "counts": counts, "rate": rate,
                       "classes": {k: {"count": len(v), "examples": v[:5]} for k, v in classes.items()}},
                      f, indent=1)
    return 1 if counts["unexplained"] else 0


if __name__ == "__main__":
    sys.exit(main())
