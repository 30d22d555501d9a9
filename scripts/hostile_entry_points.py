"""Every hostile cookie through every entry point of the built tool, each run bounded and measured.

    python3 scripts/hostile_entry_points.py TOOL [CORPUS]

For each cookie of the corpus (Fixtures/hostile/hostile.jsonl, signed with "hostile-key"):
`decode` with the key, `inspect` without it, and `migrate` to JSON (`encode` reads tagged JSON, not
cookies; its hostile lines are in the Swift tests). Each run is one process, timed and measured with
its peak resident memory (getrusage of the child); a run passes when it ends by itself (exit 0 or 1,
never a signal such as the SIGILL of an overflow trap) within 1 s and 256 MiB, and prints at most one
line no longer than 2 MiB. `decode` must also give the corpus's expected error kind. Prints a line a
failure, a table of the slowest and largest runs, and `N passed, N failed` last.
"""

import json
import os
import resource
import subprocess
import sys
import time

SECONDS = 1.0
RSS_KIB = 256 * 1024
OUTPUT_BYTES = 2 << 20
KEY = "hostile-key"


def run(argv, cookie):
    """Runs argv with the cookie on stdin: (status, seconds, peak KiB, stdout bytes)."""
    started = time.monotonic()
    child = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        out, _ = child.communicate((cookie + "\n").encode(), timeout=10 * SECONDS)
    except subprocess.TimeoutExpired:
        child.kill()
        out, _ = child.communicate()
    seconds = time.monotonic() - started
    # Popen reaped the child already: ask the kernel for the children's peak instead.
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return child.returncode, seconds, peak, out


def main():
    tool = sys.argv[1]
    corpus = sys.argv[2] if len(sys.argv) > 2 else "Fixtures/hostile/hostile.jsonl"
    with open(corpus) as lines:
        cases = [json.loads(line) for line in lines if line.strip()]
    passed = failed = 0
    measured = []
    for case in cases:
        codec = case["codec"]
        commands = {
            "decode": [tool, "decode", "--codec", codec, "--secret", KEY],
            "inspect": [tool, "inspect", "--codec", codec],
            "migrate": [tool, "migrate", "--from-codec", codec, "--to-codec", "json", "--from-secret", KEY],
        }
        for entry, argv in commands.items():
            # A fresh measuring process per run, so the peak is this run's alone.
            probe = subprocess.run(
                [sys.executable, __file__, "--one", json.dumps(argv), case["cookie"]],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            try:
                status, seconds, peak, size, first = json.loads(probe.stdout)
            except ValueError:
                print("FAIL %s %s %s: the probe failed: %s" % (codec, case["name"], entry, probe.stderr[-300:]))
                failed += 1
                continue
            measured.append((seconds, peak, "%s %s %s" % (codec, case["name"], entry)))
            problems = []
            if status not in (0, 1):
                problems.append("ended with status %s (a signal is negative)" % status)
            if seconds >= SECONDS:
                problems.append("took %.2f s" % seconds)
            if peak >= RSS_KIB:
                problems.append("peaked at %d KiB" % peak)
            if size > OUTPUT_BYTES:
                problems.append("printed %d bytes" % size)
            if entry == "decode":
                kind = first.get("$error", "(decoded!)") if isinstance(first, dict) else "(no JSON line)"
                if kind != case["expect"]:
                    problems.append("gave %s, expected %s" % (kind, case["expect"]))
            if problems:
                failed += 1
                print("FAIL %s %s %s: %s" % (codec, case["name"], entry, "; ".join(problems)))
            else:
                passed += 1
    measured.sort(reverse=True)
    print("slowest: " + ", ".join("%s %.3f s" % (name, s) for s, _, name in measured[:3]))
    measured.sort(key=lambda m: -m[1])
    print("largest: " + ", ".join("%s %d KiB" % (name, p) for _, p, name in measured[:3]))
    print("hostile entry points: %d passed, %d failed" % (passed, failed))
    raise SystemExit(0 if failed == 0 else 1)


def one(argv, cookie):
    """Measures one run in this fresh process and prints it as JSON."""
    status, seconds, peak, out = run(argv, cookie)
    first_line = out.split(b"\n", 1)[0]
    try:
        first = json.loads(first_line) if len(first_line) < OUTPUT_BYTES else None
    except ValueError:
        first = None
    print(json.dumps([status, seconds, peak, len(out), first]))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        one(json.loads(sys.argv[2]), sys.argv[3])
    else:
        main()
