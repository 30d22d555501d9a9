"""The hostile corpus over HTTP: every signed hostile cookie sent to a running demo server.

    python3 Interop/demo/hostile_http.py --port PORT --pid PID [--corpus Fixtures/hostile/hostile.jsonl]

The demo must run with the corpus's key (`--secret-hex 686f7374696c652d6b6579`, "hostile-key") and
`--legacy-codec pickle --codec json`, so every pickle and JSON cookie of the corpus passes its MAC
and reaches a codec. While one thread keeps asking /counter with an ordinary session, each hostile
cookie is sent in turn: each must be answered 200 with a fresh session (count 1) within 2 s, the
ordinary requests must keep being answered (none slower than 2 s), and the server must stay alive
with its peak resident memory (VmHWM) under 256 MiB. Prints one line a check and
`N passed, N failed` last; exits 1 when any failed.
"""

import argparse
import http.client
import json
import os
import threading
import time

LIMIT_SECONDS = 2.0
LIMIT_RSS_KIB = 256 * 1024


def get(port, path, cookie=None, timeout=10.0):
    """One GET: (status, body, Set-Cookie pair or None, seconds)."""
    started = time.monotonic()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        headers = {"Cookie": cookie} if cookie else {}
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read().decode("utf-8", "replace")
        set_cookie = response.getheader("Set-Cookie")
        pair = set_cookie.split(";", 1)[0] if set_cookie else None
        return response.status, body, pair, time.monotonic() - started
    finally:
        connection.close()


def peak_rss_kib(pid):
    with open("/proc/%d/status" % pid) as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return -1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--corpus", default="Fixtures/hostile/hostile.jsonl")
    args = parser.parse_args()

    results = {"passed": 0, "failed": 0}

    def check(ok, name, detail=""):
        results["passed" if ok else "failed"] += 1
        print(("ok   - " if ok else "FAIL - ") + name + ("" if ok or not detail else "\n       " + detail))

    with open(args.corpus) as corpus:
        cases = [json.loads(line) for line in corpus if line.strip()]
    # The refused ones: a line expected "ok" reads (it is hostile to a Flask writer, not to this server).
    cases = [case for case in cases if case["codec"] in ("pickle", "json") and case["expect"] != "ok"]

    # The ordinary visitor, in the background, for as long as the hostile cookies are sent.
    status, body, ordinary, _ = get(args.port, "/counter")
    check(status == 200 and body == "1" and ordinary is not None, "an ordinary visitor gets a session")
    stop = threading.Event()
    ordinary_log = []

    def visitor():
        cookie = ordinary
        while not stop.is_set():
            try:
                status, body, pair, seconds = get(args.port, "/counter", cookie)
                ordinary_log.append((status, seconds))
                cookie = pair or cookie
            except Exception as error:  # a refused or reset connection is a failure, not a crash here
                ordinary_log.append(("%s" % type(error).__name__, 0.0))
                time.sleep(0.05)

    thread = threading.Thread(target=visitor)
    thread.start()
    try:
        for case in cases:
            name = "%s %s" % (case["codec"], case["name"])
            try:
                status, body, pair, seconds = get(args.port, "/counter", 'session="%s"' % case["cookie"])
            except Exception as error:
                check(False, name + ": answered", "%s" % type(error).__name__)
                continue
            check(
                status == 200 and body == "1" and seconds < LIMIT_SECONDS,
                "%s: a fresh session in under %.0f s" % (name, LIMIT_SECONDS),
                "got %s %r in %.2f s" % (status, body[:80], seconds),
            )
    finally:
        stop.set()
        thread.join()

    served = [entry for entry in ordinary_log if entry[0] == 200]
    slowest = max((seconds for _, seconds in served), default=0.0)
    check(
        len(served) == len(ordinary_log) and len(served) > 0,
        "the ordinary visitor was served throughout (%d requests)" % len(served),
        "outcomes: %r" % sorted({str(entry[0]) for entry in ordinary_log}),
    )
    check(slowest < LIMIT_SECONDS, "no ordinary request took %.0f s or more (slowest %.3f s)" % (LIMIT_SECONDS, slowest))
    alive = os.path.exists("/proc/%d" % args.pid)
    check(alive, "the server is alive after the corpus")
    if alive:
        peak = peak_rss_kib(args.pid)
        check(0 < peak < LIMIT_RSS_KIB, "its peak resident memory stays under 256 MiB (%d KiB)" % peak)
    print("%d passed, %d failed" % (results["passed"], results["failed"]))
    raise SystemExit(0 if results["failed"] == 0 else 1)


if __name__ == "__main__":
    main()
