"""Checks the Flask side of the hostile corpus against Flask 3.1.3 itself.

    .venv-interop/flask/bin/python Fixtures/hostile/check_flask_verdicts.py [Fixtures/hostile/hostile.jsonl]

For each Flask cookie ("format": "flask"): what Flask reads at the line's "now" (`loads` with the
default max age, then `SecureCookieSession(data)` as `open_session` does), in the tool's error
kinds (Interop/flask/flask_cookies.py's `verdict`), must be the line's `expect`. For each Werkzeug
line with a `to_flask`: Flask's `dumps` of the unpickled session must succeed ("ok", at most 4096
bytes; "limit-exceeded" for a longer cookie) or fail ("unrepresentable") as the line says. Where
one of our limits comes first (a zlib bomb Flask inflates, a tuple of a million strs), the line's
"flask" field is Flask's verdict instead: those lines are listed as "budget". Prints one line a disagreement and
`N agree, N budget, N disagree` last; exits 1 on a disagreement.
"""
import base64
import json
import os
import pickle
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "Interop", "flask"))

import flask.sessions  # noqa: E402
import flask_cookies  # noqa: E402


def flask_reads(side, case):
    verdict = side.verdict(case["cookie"], now=case["now"], max_age=flask_cookies.MAX_AGE)
    if verdict[0] == "error":
        return verdict[1], verdict[2]
    try:
        flask.sessions.SecureCookieSession(verdict[1])
    except (TypeError, ValueError) as error:  # open_session fails: the request does
        return "undecodable", "SecureCookieSession: %s" % error
    return "ok", repr(verdict[1])[:80]


def flask_writes(side, case):
    item = case["cookie"].split("?", 1)[1]
    value = pickle.loads(base64.b64decode(item.split("=", 1)[1]))  # our own corpus: allowlisted values only
    try:
        cookie = side.dumps({"v": value}, ts=case["now"])
    except Exception as error:  # what json.dumps raises: TypeError, ValueError, OverflowError
        return "unrepresentable", "%s: %s" % (type(error).__name__, error)
    return ("ok" if len(cookie) <= 4096 else "limit-exceeded"), "a cookie of %d bytes" % len(cookie)


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "Fixtures", "hostile", "hostile.jsonl")
    with open(corpus) as lines:
        cases = [json.loads(line) for line in lines if line.strip()]
    side = flask_cookies.FlaskSide([b"hostile-key"])
    agree = budget = disagree = 0
    for case in cases:
        if case.get("format") == "flask" and "cookie" in case:
            got, detail = flask_reads(side, case)
            want = case["expect"]
        elif "to_flask" in case:
            got, detail = flask_writes(side, case)
            want = case["to_flask"]
        else:
            continue
        if "flask" in case and got == case["flask"]:
            budget += 1
            print("budget   %s: %s first; Flask gives %s (%s)" % (case["name"], want, got, detail[:100]))
        elif got == want:
            agree += 1
        else:
            disagree += 1
            print("DISAGREE %s: the corpus expects %s, Flask gives %s (%s)" % (case["name"], want, got, detail[:120]))
    print("%d agree, %d budget, %d disagree" % (agree, budget, disagree))
    raise SystemExit(1 if disagree else 0)


if __name__ == "__main__":
    main()
