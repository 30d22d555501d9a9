"""Every hostile cookie through every entry point of the built tool, each run bounded and measured.

    python3 scripts/hostile_entry_points.py TOOL [CORPUS]

For each cookie of the corpus (Fixtures/hostile/hostile.jsonl, signed with "hostile-key"):
`decode` with the key, `inspect` without it, and `migrate` into the other framing as well as into
Werkzeug JSON; and each "entry": "encode" line's tagged JSON through `encode --format flask` (the
Werkzeug codecs' hostile encode lines are in the Swift tests). A Werkzeug cookie (no "format" field)
runs with its `--codec`; a Flask cookie ("format": "flask") with `--format flask` and `--now` the
line's "now":

    werkzeug: decode, inspect, migrate -> werkzeug json, migrate -> flask
    flask:    decode, inspect, migrate -> werkzeug json
    encode:   encode --format flask

Each run is one process, timed and measured with its peak resident memory and CPU time (getrusage
of the child); a run passes when it ends by itself (exit 0 or 1, never a signal such as the SIGILL of
an overflow trap) within 1 s and 256 MiB, prints at most one line no longer than 2 MiB and at most
64 KiB on standard error, and its output is typed: a decode line is a JSON object, an inspect line
any JSON value (the payload, unverified), a migrate or encode line a cookie or a JSON object; the
exit status of decode, migrate and encode says whether the line is an error (so a session that
holds an "$error" key cannot pass for one); an {"$error": KIND} line names a known kind, is at most
2 KiB long and repeats nothing of the cookie: no 12 bytes in a row of its message (nor of standard
error) occur in the cookie or in its decoded value (base64 undone, inflated), the refused construct
a message names by design (`refused global posix.system`) aside. A run over 1 s also shows its CPU
time: far less than the wall clock is the machine's load, not the tool.

`decode` and `encode` must give the corpus's expected error kind, and a `migrate` of a cookie that
does not read the same kind. A line expected "ok" (Flask reads it within our limits) is checked for
the bounds only: an error there is printed as a NOTE, not counted. `migrate` must give a line's
"to_flask" (Werkzeug lines, migrated to Flask) or "to_werkzeug" (Flask lines) where the corpus
gives one ("ok": a cookie). Prints a line a failure, the notes, the slowest and largest runs, the
counts per framing, and `N passed, N failed` last.
"""

import base64
import json
import re
import resource
import subprocess
import sys
import time
import zlib

SECONDS = 1.0
RSS_KIB = 256 * 1024
OUTPUT_BYTES = 2 << 20
STDERR_BYTES = 64 << 10
ERROR_LINE_BYTES = 2 << 10
LEAK_BYTES = 12
KEY = "hostile-key"
NOW = 1700000000  # the clock of a migration to Flask for a Werkzeug line without "now"
KINDS = {"bad-signature", "expired", "malformed", "undecodable", "refused", "limit-exceeded", "unrepresentable",
         "unknown-codec", "invalid-key"}


def run(argv, cookie):
    """Runs argv with the cookie on stdin: (status, seconds, CPU seconds, peak KiB, stdout bytes, stderr bytes)."""
    started = time.monotonic()
    child = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        out, err = child.communicate((cookie + "\n").encode("utf-8", "surrogateescape"), timeout=10 * SECONDS)
    except subprocess.TimeoutExpired:
        child.kill()
        out, err = child.communicate()
    seconds = time.monotonic() - started
    # Popen reaped the child already: ask the kernel for the children's peak instead.
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return child.returncode, seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, out, err


def commands(tool, case):
    """The entry points a line runs through: {name: (argv, the migration's expected kind or None)}."""
    codec = case["codec"]
    now = str(case.get("now", NOW))
    if case.get("entry") == "encode":
        return {"encode": [tool, "encode", "--format", "flask", "--secret", KEY, "--now", now]}
    if case.get("format") == "flask":
        return {
            "decode": [tool, "decode", "--format", "flask", "--secret", KEY, "--now", now],
            "inspect": [tool, "inspect", "--format", "flask"],
            "migrate-to-werkzeug": [tool, "migrate", "--from-format", "flask", "--from-secret", KEY, "--to-format", "werkzeug",
                                    "--to-codec", "json", "--now", now],
        }
    return {
        "decode": [tool, "decode", "--codec", codec, "--secret", KEY],
        "inspect": [tool, "inspect", "--codec", codec],
        "migrate": [tool, "migrate", "--from-codec", codec, "--to-codec", "json", "--from-secret", KEY],
        "migrate-to-flask": [tool, "migrate", "--from-codec", codec, "--from-secret", KEY, "--to-format", "flask", "--now", now],
    }


def expected_kind(case, entry):
    """The kind an entry point must give ("ok": a value or a cookie), or None when any typed outcome will do."""
    if entry == "inspect":
        return None
    if case["expect"] != "ok":
        return case["expect"]  # nothing reads: every entry point that verifies fails the same way
    if entry == "migrate-to-flask":
        return case.get("to_flask")
    if entry == "migrate-to-werkzeug":
        return case.get("to_werkzeug")
    return None


def decoded_value(case):
    """The cookie's value bytes, as far as they decode: what an error line must not repeat."""
    if "input" in case:
        return [case["input"].encode("utf-8")]
    cookie = case["cookie"].encode("utf-8")
    parts = []
    if case.get("format") == "flask":
        fields = cookie.split(b".")
        compressed = cookie.startswith(b".")
        payload = cookie[1:] if compressed else cookie
        payload = payload.rsplit(b".", 2)[0] if payload.count(b".") >= 2 else payload
        try:
            raw = base64.urlsafe_b64decode(payload + b"=" * (-len(payload) % 4))
        except ValueError:
            raw = b""
        if compressed and raw:
            try:
                raw = zlib.decompressobj().decompress(raw, 4 << 20)
            except zlib.error:
                pass
        parts.append(raw)
        parts.extend(fields)
    else:
        body = cookie.split(b"?", 1)[-1]
        for item in body.split(b"&"):
            value = item.split(b"=", 1)[-1]
            try:
                parts.append(base64.b64decode(value + b"=" * (-len(value) % 4)))
            except ValueError:
                pass
    return [cookie] + [part for part in parts if len(part) >= LEAK_BYTES]


def leaked(text, sources):
    """The first run of LEAK_BYTES bytes of `text` found in one of `sources`, or None."""
    for start in range(0, max(0, len(text) - LEAK_BYTES + 1)):
        window = text[start:start + LEAK_BYTES]
        if any(window in source for source in sources):
            return window
    return None


REFUSED_CONSTRUCT = re.compile(r"^refused (global|tag) (\S{1,128}?):")


def without_construct(message):
    """The message without the construct a refused error names by design (a pickle global such as
    posix.system, identifiers of at most 100 bytes; a YAML tag family such as !!python/name): the one
    piece of the cookie an error may repeat."""
    return REFUSED_CONSTRUCT.sub("refused \\1 (named):", message, count=1)


def outcome(entry, first):
    """The kind a run's first line gives: "ok" for a value (decode, inspect) or a cookie (migrate)."""
    if isinstance(first, dict) and "$error" in first:
        return first["$error"]
    return "ok"


def main():
    tool = sys.argv[1]
    corpus = sys.argv[2] if len(sys.argv) > 2 else "Fixtures/hostile/hostile.jsonl"
    with open(corpus) as lines:
        cases = [json.loads(line) for line in lines if line.strip()]
    passed = failed = 0
    per_framing = {}
    notes = []
    measured = []
    for case in cases:
        framing = case.get("format", "werkzeug")
        counts = per_framing.setdefault(framing, [0, 0])
        sources = decoded_value(case)
        label = "%s %s" % (case["codec"], case["name"])
        for entry, argv in commands(tool, case).items():
            # A fresh measuring process per run, so the peak is this run's alone.
            # The cookie goes through the probe's stdin: an argument cannot hold a NUL byte.
            probe = subprocess.run(
                [sys.executable, __file__, "--one", json.dumps(argv)], input=case.get("input", case.get("cookie")),
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="surrogateescape")
            try:
                status, seconds, cpu, peak, size, parsed, first, first_raw, err = json.loads(probe.stdout)
            except ValueError:
                print("FAIL %s %s: the probe failed: %s" % (label, entry, probe.stderr[-300:]))
                failed += 1
                counts[1] += 1
                continue
            measured.append((seconds, peak, "%s %s" % (label, entry)))
            problems = []
            if status not in (0, 1):
                problems.append("ended with status %s (a signal is negative)" % status)
            if seconds >= SECONDS:
                problems.append("took %.2f s (%.2f s of CPU: more is the machine's load)" % (seconds, cpu))
            if peak >= RSS_KIB:
                problems.append("peaked at %d KiB" % peak)
            if size > OUTPUT_BYTES:
                problems.append("printed %d bytes" % size)
            if len(err) > STDERR_BYTES:
                problems.append("printed %d bytes on standard error" % len(err))
            if entry == "inspect":
                typed = parsed  # unverified: whatever JSON value the payload holds
            else:
                writes = entry.startswith("migrate") or entry == "encode"
                typed = isinstance(first, dict) or (writes and not parsed and bool(first_raw))
            if not typed:
                problems.append("printed no JSON %s" % {"decode": "object", "inspect": "value"}.get(entry, "object nor cookie"))
            kind = outcome(entry, first) if typed else "(untyped)"
            # inspect shows an item it cannot read inside its line and exits 1: only one line's verdict here.
            if typed and entry != "inspect" and (kind == "ok") != (status == 0) and status in (0, 1):
                problems.append("gave %s but exited %d" % (kind, status))
            if isinstance(first, dict) and "$error" in first:
                if kind not in KINDS:
                    problems.append("gave an unknown kind %r" % (kind,))
                if len(first_raw) > ERROR_LINE_BYTES:
                    problems.append("an error line of %d bytes" % len(first_raw))
                window = leaked(without_construct(str(first.get("message", ""))).encode("utf-8", "surrogatepass"), sources)
                if window is not None:
                    problems.append("its message repeats the cookie's %r" % window)
            window = leaked(err.encode("utf-8", "surrogatepass"), sources)
            if window is not None:
                problems.append("standard error repeats the cookie's %r" % window)
            want = case["expect"] if entry in ("decode", "encode") else expected_kind(case, entry)
            if want == "ok" and entry in ("decode", "encode") and kind != "ok":
                want = None
                notes.append("NOTE %s %s: %s, where Flask reads a value (bounds only)" % (label, entry, kind))
            if want is not None and kind != want:
                problems.append("gave %s, expected %s" % (kind, want))
            if problems:
                failed += 1
                counts[1] += 1
                print("FAIL %s %s: %s" % (label, entry, "; ".join(problems)))
            else:
                passed += 1
                counts[0] += 1
    for note in notes:
        print(note)
    measured.sort(reverse=True)
    print("slowest: " + ", ".join("%s %.3f s" % (name, s) for s, _, name in measured[:3]))
    measured.sort(key=lambda m: -m[1])
    print("largest: " + ", ".join("%s %d KiB" % (name, p) for _, p, name in measured[:3]))
    print("by framing: " + ", ".join("%s %d passed, %d failed" % (name, c[0], c[1]) for name, c in sorted(per_framing.items())))
    print("hostile entry points: %d passed, %d failed" % (passed, failed))
    raise SystemExit(0 if failed == 0 else 1)


def one(argv):
    """Measures one run (the cookie on stdin) in this fresh process and prints it as JSON."""
    cookie = sys.stdin.buffer.read().decode("utf-8", "surrogateescape")
    status, seconds, cpu, peak, out, err = run(argv, cookie)
    first_line = out.split(b"\n", 1)[0]
    parsed, first = False, None
    try:
        if len(first_line) < OUTPUT_BYTES:
            parsed, first = True, json.loads(first_line)
    except ValueError:
        parsed = False
    # A migrated cookie is one line of printable ASCII.
    raw = first_line[:ERROR_LINE_BYTES + 1] if parsed or all(32 < b < 127 for b in first_line) else b""
    print(json.dumps([status, seconds, cpu, peak, len(out), parsed, first, raw.decode("ascii", "replace"),
                      err[:STDERR_BYTES + 1].decode("utf-8", "replace")]))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        one(json.loads(sys.argv[2]))
    else:
        main()
