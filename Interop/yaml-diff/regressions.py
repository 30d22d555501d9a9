# -*- coding: utf-8 -*-
"""Writes regressions.jsonl: one record per input of each disagreement class the differential
run found and the Swift codec now follows, with what PyYAML's ``yaml.safe_load`` (pure Python,
PyYAML 6.0.4 on CPython 3.11) gives for it. Run with the project's venv:

    .venv-interop/py3/bin/python Interop/yaml-diff/regressions.py > Interop/yaml-diff/regressions.jsonl

Each line: ``{"name", "class", "yaml_base64", "value"}`` (``value`` as tagged JSON, absent when
``safe_load`` raises). ``Tests/SecureCookieYAMLTests/YAMLDifferentialRegressionTests.swift`` reads it.
"""
import base64
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
import tagged  # noqa: E402
import yaml  # noqa: E402

CASES = {
    # PyYAML 6.0.4 flatten_mapping: merged keys deduplicated by id(key_node.value), in order.
    "merge-identity": [
        "a: &a {x: 1}\nb: &b {x: 2}\nc: {<<: [*a, *b]}\n",
        "a: &a {xx: 1}\nb: &b {xx: 2}\nc: {<<: [*a, *b]}\n",
        "a: &a {xx: 1, yy: 2}\nb: &b {<<: *a, xx: 5}\nc: {<<: [*b, *a]}\n",
        "{<<: {&a1 NO: *a1, <<: {*a1 : 0x1F}}}\n",
        "{<<: {NO: 1, <<: {NO : 0x1F}}}\n",
        "{<<: {NOx: 1}, <<: {NOx : 0x1F}}\n",
        "{<<: {1: 1}, <<: {1 : 0x1F}}\n",
        "<<: [{1: 1}, {\"1\": 2}]\n",
        "<<: [{\u00e9: 1}, {\u00e9: 2}]\n",
        "<<: [{\u65e5: 1}, {\u65e5: 2}]\n",
        "<<: [{\"\\x41\": 1}, {A: 2}]\n",
        "<<: [{\"\": 1}, {? \"\" : 2}]\n",
        "x: &m\n  ? |-\n    a\n  : 2\n<<: [{a: 1}, *m]\n",
        "{<<: {&id1 \"k1\": a, *id1 : b}}\n",
        "<<: {&x1 \"+1:0\": *x1, *x1 : x y}\n",
        "- &a {p: 1, q: 2}\n- &b {q: 3, r: 4}\n- {<<: [*a, *b], p: 0}\n",
        "- &a {pp: 1, qq: 2}\n- &b {qq: 3, rr: 4}\n- {<<: [*b, *a], pp: 0}\n",
    ],
    # PyYAML fills collections level by level (generators); a `=` key becomes !!str only when
    # its mapping is flattened, so an alias built before that is refused.
    "construction-order": [
        "{a: {&k =: 1}, b: *k}\n",
        "{b: {&k =: 1}, a: [*k]}\n",
        "- {&k =: 1}\n- *k\n",
        "- {&k =: 1}\n- [*k]\n",
        "- [{&k =: 1}]\n- [*k]\n",
        "- [[*k]]\n- {&k =: 1}\n",
        "{<<: {a-b: {&k1 x: []}, nULL: {&k2 =: null, ~: *k2}, a-b: \" \"}, \"-1.5\": *k2}\n",
        "{x: {&k2 =: null, ~: *k2}}\n",
        "{x: !!set {&k =: null}, y: [*k]}\n",
        "{x: !!omap [{&k =: 1}], y: [*k]}\n",
    ],
    # construct_yaml_float's sexagesimal base is an exact Python int, converted per part.
    "sexagesimal-float": [
        "!!float " + ":".join(["1"] * 173) + "\n",
        "!!float " + ":".join(["1"] * 174) + "\n",
        "!!float " + ":".join(["1"] * 175) + "\n",
        "!!float " + ":".join(["0"] * 175) + "\n",
        "!!float " + ":".join(["59"] * 30) + ".5\n",
        "1:" + ":".join(["30"] * 10) + ".5\n",
        "!!float 1e308:1\n",
        "!!float -1:30.5\n",
        "!!float 1:nan\n",
        "!!float inf:1\n",
    ],
    # int(part) reads a sign, spaces and Unicode digits.
    "int-text": [
        "!!int 1:-2\n",
        "!!int 1:+2\n",
        "!!int -1:-2\n",
        "!!int 1:-60:0\n",
        "!!int ' 12 '\n",
        "!!int \"\\u0661\\u0662\"\n",
        "!!int \"1:\\u0663\"\n",
        "!!int \"\\uff11\\uff12\"\n",
        "!!int \"1\\u00a0\"\n",
        "!!int \"\\u00b2\"\n",
    ],
    "float-text": [
        "!!float \"\\u0661.5\"\n",
        "!!float \" 1.5 \"\n",
        "!!float \"\\u00a01.5\"\n",
        "!!float \"1:\\u0663\"\n",
    ],
}


def main():
    for cls, docs in CASES.items():
        for i, doc in enumerate(docs):
            data = doc.encode("utf-8")
            record = {"name": "%s-%d" % (cls, i), "class": cls,
                      "yaml_base64": base64.b64encode(data).decode("ascii")}
            try:
                record["value"] = tagged.to_tagged(yaml.safe_load(data))
            except Exception as exc:
                record["python_error"] = type(exc).__name__
            sys.stdout.write(tagged.dumps(record) + "\n")


if __name__ == "__main__":
    main()
