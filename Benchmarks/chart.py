#!/usr/bin/env python3
"""Draws Benchmarks/results/chart.svg from a `securecookie-bench --json` report: for each codec and
operation on the session cookie, Swift's and Werkzeug's µs per cookie on a log scale. No dependencies.
Usage: python3 Benchmarks/chart.py Benchmarks/results/results.json Benchmarks/results/chart.svg
"""
import json
import math
import sys

report = json.load(open(sys.argv[1]))
rows = [r for r in report["rows"] if r.get("payload") == "session" and "werkzeug_ns" in r]
width, bar, gap, left, top = 760, 14, 10, 190, 40
height = top + len(rows) * (2 * bar + gap) + 50
lo, hi = 0.1, 1000.0  # µs, log scale


def x(us):
    us = min(max(us, lo), hi)
    return left + (math.log10(us) - math.log10(lo)) / (math.log10(hi) - math.log10(lo)) * (width - left - 20)


out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="12">' % (width, height),
       '<rect width="100%" height="100%" fill="white"/>',
       '<text x="10" y="22" font-size="14" font-weight="bold">Session cookie (~650 B): µs per cookie, log scale'
       ' (Python %s, Werkzeug 0.16.1)</text>' % report.get("python", "?")]
for decade in [0.1, 1, 10, 100, 1000]:
    out.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#ddd"/>' % (x(decade), top - 5, x(decade), height - 35))
    out.append('<text x="%.1f" y="%d" text-anchor="middle" fill="#555">%g</text>' % (x(decade), height - 20, decade))
y = top
for r in rows:
    label = "%s %s" % (r["codec"], r["op"])
    swift, py = r["swift_ns"] / 1000, r["werkzeug_ns"] / 1000
    out.append('<text x="%d" y="%d" text-anchor="end">%s</text>' % (left - 8, y + bar + 4, label))
    out.append('<rect x="%d" y="%d" width="%.1f" height="%d" fill="#f05138"/>' % (left, y, x(swift) - left, bar))
    out.append('<text x="%.1f" y="%d" fill="#333">Swift %.2f</text>' % (x(swift) + 4, y + bar - 3, swift))
    out.append('<rect x="%d" y="%d" width="%.1f" height="%d" fill="#3572a5"/>' % (left, y + bar, x(py) - left, bar))
    out.append('<text x="%.1f" y="%d" fill="#333">Werkzeug %.1f (×%.0f)</text>' % (x(py) + 4, y + 2 * bar - 3, py, py / swift))
    y += 2 * bar + gap
out.append("</svg>")
open(sys.argv[2], "w").write("\n".join(out) + "\n")
