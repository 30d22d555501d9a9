#!/usr/bin/env python3
"""Differential test of the Swift pickle codec against CPython 3.11's C `_pickle`.

    diff.py --tool .build/debug/securecookie --count 100000 --seed 1 [--report REPORT.md]
            [--known exceptions.txt] [--show 3]

Generates COUNT pickles (gen.py, deterministic from SEED), loads each with the reference
(reference.py), signs each into a Werkzeug 0.16.1 SecureCookie (`v=<base64 pickle>`, HMAC-SHA1,
key below) and decodes them all in one batch with `securecookie decode --codec pickle`. Compares
verdicts (accept/refuse) and values (tagged JSON, as ../tagged.py `same`), groups disagreements
into classes, and exits 1 if any class matches no line of the exceptions file (exceptions.txt: a
regex, a tab and the reason). The last line printed is `N passed, N failed`. An error message repeating the marker text is always a failure.
"""
import argparse
import base64
import collections
import hashlib
import hmac
import json
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen  # noqa: E402
import reference  # noqa: E402
import tagged  # noqa: E402

KEY = b"pickle-diff-key"


def sign(payload):
    item = b"v=" + base64.b64encode(payload)
    mac = hmac.new(KEY, b"|" + item, hashlib.sha1).digest()
    return (base64.b64encode(mac) + b"?" + item).decode("ascii")


def shape(text):
    """A message with its numbers and quoted parts removed, for grouping."""
    text = re.sub(r"'[^']*'|\"[^\"]*\"", "'…'", text)
    text = re.sub(r"0x[0-9a-fA-F]+|\d+", "#", text)
    return text[:110]


def classify(py, sw):
    pv, pdetail = py
    if sw.get("$error"):
        sdetail = "%s: %s" % (sw["$error"], shape(sw.get("message", "")))
        if sw["$error"] == "CRASH":
            return "swift-crashes"
        if pv == "accept":
            return "cpython-accepts/swift-refuses | sw=%s" % sdetail
        return None  # both refuse (unrepresentable values are refused by Swift by design)
    if pv == "refuse":
        return "cpython-refuses/swift-accepts | py=%s" % shape(pdetail)
    if pv == "unrepresentable":
        return "cpython-unrepresentable/swift-accepts | py=%s" % shape(pdetail)
    if not tagged.same(pdetail, sw.get("v")):
        return "values-differ | %s" % value_shape(pdetail, sw.get("v"))
    return None


def value_shape(a, b):
    def tags(t, out):
        if isinstance(t, dict):
            if len(t) == 1:
                k = next(iter(t))
                if k.startswith("$"):
                    out.add(k)
            for v in t.values():
                tags(v, out)
        elif isinstance(t, list):
            for v in t:
                tags(v, out)
        elif isinstance(t, float) and t != t:
            out.add("nan")
        if t == {"$float": "nan"}:
            out.add("nan")
        return out
    return "tags=%s" % ",".join(sorted(tags(a, set()) | tags(b, set())))


def decode_batch(tool, cookies):
    run = subprocess.run([tool, "decode", "--codec", "pickle", "--secret", KEY.decode()],
                         input="".join(c + "\n" for c in cookies).encode(), stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    lines = run.stdout.decode("utf-8").splitlines()
    if run.returncode in (0, 1) and len(lines) == len(cookies):
        return lines
    return None


def decode_all(tool, cookies):
    """One batch; should the tool die (a trap), halves of it until the cookie that kills it is
    alone, marked as a crash."""
    lines = decode_batch(tool, cookies)
    if lines is not None:
        return lines
    if len(cookies) == 1:
        return [json.dumps({"$error": "CRASH", "message": "the tool died"})]
    half = len(cookies) // 2
    return decode_all(tool, cookies[:half]) + decode_all(tool, cookies[half:])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", required=True)
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--report")
    ap.add_argument("--known", default=os.path.join(HERE, "exceptions.txt"))
    ap.add_argument("--show", type=int, default=2)
    ap.add_argument("--isolate", help="a regex: cookies whose CPython refusal matches it are decoded one per "
                    "process (for measuring a build that traps on them, e.g. 'offset must be a timedelta')")
    args = ap.parse_args()

    started = time.time()
    pickles = [gen.generate(args.seed, i) for i in range(args.count)]
    refs = [reference.load(p) for p in pickles]
    cookies = [sign(p) for p in pickles]
    if args.isolate:
        pattern = re.compile(args.isolate)
        alone = [i for i, r in enumerate(refs) if r[0] == "refuse" and pattern.search(r[1])]
        chosen = set(alone)
        rest = [i for i in range(len(cookies)) if i not in chosen]
        lines = [None] * len(cookies)
        for i, line in zip(rest, decode_all(args.tool, [cookies[i] for i in rest])):
            lines[i] = line
        for i in alone:
            lines[i] = decode_all(args.tool, [cookies[i]])[0]
    else:
        lines = decode_all(args.tool, cookies)

    known = []
    if os.path.exists(args.known):
        for line in open(args.known, encoding="utf-8"):
            if line.strip() and not line.startswith("#"):
                pattern, _, reason = line.rstrip("\n").partition("\t")
                known.append((re.compile(pattern), reason.strip()))

    classes = collections.OrderedDict()
    verdicts = collections.Counter()
    leaks = []
    for p, py, line in zip(pickles, refs, lines):
        sw = json.loads(line)
        if isinstance(sw, dict) and "$error" in sw and gen.MARKER in sw.get("message", ""):
            leaks.append(p)
        verdicts[(py[0], "refuse" if "$error" in sw else "accept")] += 1
        cls = classify(py, sw)
        if cls:
            classes.setdefault(cls, []).append((p, py, sw))
    disagreements = sum(len(v) for v in classes.values())
    agree = args.count - disagreements
    unlisted = []
    out = []
    out.append("# Pickle differential run: Swift codec vs CPython %s C `_pickle`\n" % sys.version.split()[0])
    out.append("Command: `Interop/pickle-diff/diff.py --tool %s --count %d --seed %d`  \n"
               % (os.path.relpath(args.tool), args.count, args.seed))
    out.append("Agreement: **%d / %d = %.3f%%** (%d disagreements in %d classes, %d error messages repeating "
               "the marker); %.0f s.\n" % (agree, args.count, 100.0 * agree / args.count, disagreements,
                                          len(classes), len(leaks), time.time() - started))
    out.append("Verdicts (CPython, Swift): " + ", ".join("%s/%s %d" % (a, b, n) for (a, b), n in sorted(verdicts.items())) + "\n")
    out.append("| count | class | known reason |\n|---|---|---|")
    for cls, cases in sorted(classes.items(), key=lambda kv: -len(kv[1])):
        reason = None if cls == "swift-crashes" else next((r for pat, r in known if pat.search(cls)), None)
        if reason is None:
            unlisted.append(cls)
        out.append("| %d | `%s` | %s |" % (len(cases), cls.replace("|", "\\|"), reason or "**UNLISTED**"))
    out.append("\n## Examples\n")
    for cls, cases in sorted(classes.items(), key=lambda kv: -len(kv[1])):
        out.append("- `%s`" % cls.replace("`", "'"))
        for p, py, sw in cases[:args.show]:
            out.append("  - `%r` CPython %s `%s`; Swift `%s`"
                       % (p[:160], py[0], json.dumps(py[1])[:160].replace("`", "'"), json.dumps(sw)[:160].replace("`", "'")))
    for p in leaks[:10]:
        out.append("- MESSAGE LEAK: `%r`" % p[:200])
    text = "\n".join(out) + "\n"
    if args.report:
        with open(args.report, "w", encoding="utf-8") as f:
            f.write(text)
    print("\n".join(out[:4]))
    failed = sum(len(classes[c]) for c in unlisted) + len(leaks)
    for cls in unlisted:
        print("UNLISTED (%d): %s" % (len(classes[cls]), cls))
        for p, py, sw in classes[cls][:args.show]:
            print("   %r\n     CPython %s %s\n     Swift %s" % (p[:200], py[0], json.dumps(py[1])[:200], json.dumps(sw)[:200]))
    for p in leaks[:10]:
        print("MESSAGE REPEATS THE MARKER: %r" % p[:200])
    print("%d passed, %d failed" % (args.count - failed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
