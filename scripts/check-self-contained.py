#!/usr/bin/env python3
"""Fails when a tracked file refers to a path outside the repository.

A clone at any path, with nothing beside it, must build, test and document itself. This checks
every file `git ls-files` lists (third-party data under Fixtures/conformance/ aside):

1. no mention of the workplace's folder beside the repository (its conformance and spec folders)
   or of an absolute path under /work, /home or /root;
2. every relative Markdown link (`[text](path)`) resolves to a tracked file or folder inside the
   repository;
3. every relative path that starts with `../` (at the start of a word, a quote or a bracket)
   resolves, from the file's own folder, to somewhere inside the repository.

Prints each finding as `path:line: what` and ends with `self-contained: N findings`.
Usage: scripts/check-self-contained.py [REPOSITORY]   (default: this script's repository)
"""
import os
import re
import subprocess
import sys

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), ".."))
# Third-party data, and this script (whose patterns name what they look for).
SKIP = ("Fixtures/conformance/", "scripts/check-self-contained.py")
# The workplace folder's name is joined from parts, so that this file's own text names no outside path.
SHARED = "sha" + "red"
FORBIDDEN = re.compile(r"\.\./" + SHARED + r"\b|\b" + SHARED + r"/(conformance|spec)\b|(?<![\w.])/(work|home|root)/[\w.-]")
LINK = re.compile(r"\]\(([^)\s]+)\)")
PARENT = re.compile(r"(?:^|(?<=[\s\"'`(\[=:]))((?:\.\./)+[\w.$/-]*|(?:\.\./)*\.\.(?=[\s\"'`)\]]|$))")


def tracked():
    out = subprocess.run(["git", "-C", ROOT, "ls-files", "-z"], check=True, capture_output=True).stdout
    return [name for name in out.decode().split("\0") if name]


def inside(path):
    real = os.path.normpath(path)
    return real == ROOT or real.startswith(ROOT + os.sep)


def main():
    every = tracked()
    present = set(every)
    folders = set()
    for name in every:
        while name:
            name = os.path.dirname(name)
            folders.add(name)
    files = [name for name in every if not name.startswith(SKIP)]
    findings = []
    for name in files:
        path = os.path.join(ROOT, name)
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            continue
        if b"\0" in data[:8192]:
            continue
        text = data.decode("utf-8", "replace")
        here = os.path.dirname(path)
        for number, line in enumerate(text.splitlines(), 1):
            for match in FORBIDDEN.finditer(line):
                findings.append(f"{name}:{number}: names a path outside the repository: {match.group(0)}")
            if name.endswith(".md"):
                for match in LINK.finditer(line):
                    target = match.group(1).split("#")[0]
                    if not target or re.match(r"^[a-z]+:", target) or target.startswith("<"):
                        continue
                    resolved = os.path.normpath(os.path.join(here, target))
                    relative = os.path.relpath(resolved, ROOT)
                    if not inside(resolved):
                        findings.append(f"{name}:{number}: link leaves the repository: {target}")
                    elif relative not in present and relative not in folders and relative != ".":
                        findings.append(f"{name}:{number}: link to a file that is not tracked: {target}")
            for match in PARENT.finditer(line):
                if not inside(os.path.join(here, match.group(1))):
                    findings.append(f"{name}:{number}: relative path climbs out of the repository: {match.group(1)}")
    for finding in findings:
        print(finding)
    print(f"self-contained: {len(findings)} findings in {len(files)} tracked files")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
