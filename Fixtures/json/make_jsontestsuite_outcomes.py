"""Records what Python's json.loads(bytes) does with every JSONTestSuite test_parsing file.

Run with /tmp/venv/bin/python (CPython 3.11) from this folder:
    python make_jsontestsuite_outcomes.py ../conformance/JSONTestSuite/test_parsing > jsontestsuite-python.jsonl
Each line: {"file", "python": "ok" | "lone_surrogate" | the exception class, and for "ok" the result as
"tagged" JSON text (tagged.py)}. "lone_surrogate" means Python built a str holding a lone surrogate.
"""
import json
import os
import sys

from tagged import dumps_tagged

folder = sys.argv[1]
for name in sorted(os.listdir(folder)):
    with open(os.path.join(folder, name), "rb") as handle:
        data = handle.read()
    record = {"file": name}
    sys.setrecursionlimit(1000)
    try:
        value = json.loads(data)
    except RecursionError:
        record["python"] = "RecursionError"
    except Exception as error:  # noqa: BLE001 - the class is the expectation
        record["python"] = type(error).__name__
    else:
        try:
            sys.setrecursionlimit(10000)  # only for converting the 500-level i_ file; loads ran at the default
            text = dumps_tagged(value)
            text.encode("utf-8")
        except UnicodeEncodeError:
            record["python"] = "lone_surrogate"
        else:
            record["python"] = "ok"
            record["tagged"] = text
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
