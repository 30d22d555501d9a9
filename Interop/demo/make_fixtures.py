"""Writes Interop/demo/fixtures.json: session cookies issued by the Werkzeug 0.16.1 application in
werkzeug_app.py, for the in-process Hummingbird tests (Tests/SecureCookieHummingbirdTests).

    /tmp/venv/bin/python Interop/demo/make_fixtures.py [--python2 PATH] [--py2-site DIR]

Each cookie is the `Cookie` request header a browser sends back (`session="..."`), with the
count the Python application stored. The Python 2.7 cookie is made by running werkzeug_app.py
under Python 2.7 (with Werkzeug 0.16.1 on PYTHONPATH from --py2-site).
"""
from __future__ import print_function

import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SECRET_HEX = "5e8a7c0d1f2b3a4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4"
ROTATED_SECRET_HEX = "0ff1ce0ff1ce0ff1ce0ff1ce0ff1ce0ff1ce0ff1ce0ff1ce0ff1ce0ff1ce0ff1"


def issue(python, secret_hex, codec, count, expires=None, env=None):
    command = [python, os.path.join(HERE, "werkzeug_app.py"), "issue", "--secret-hex", secret_hex,
               "--codec", codec, "--count", str(count)]
    if expires is not None:
        command += ["--expires", str(expires)]
    return subprocess.check_output(command, env=env).decode("ascii").strip()



def find_python2():
    """A Python 2.7 interpreter: $PY27, then PATH, then pyenv (scripts/find-python2.sh), or ""."""
    script = os.path.join(os.path.dirname(os.path.dirname(HERE)), "scripts", "find-python2.sh")
    return subprocess.run([script], stdout=subprocess.PIPE, universal_newlines=True).stdout.strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python2", default=None, help="Python 2.7 (default: what scripts/find-python2.sh finds)")
    parser.add_argument("--py2-site", default=os.environ.get("WERKZEUG_PY2_PATH", ""))
    args = parser.parse_args()
    args.python2 = args.python2 or find_python2()

    py2_env = dict(os.environ)
    if args.py2_site:
        py2_env["PYTHONPATH"] = args.py2_site
    fixtures = {
        "secretHex": SECRET_HEX,
        "rotatedSecretHex": ROTATED_SECRET_HEX,
        "cookies": {
            # Werkzeug's default: pickle (protocol 4 on Python 3.8+).
            "python3Pickle": {"cookie": issue(sys.executable, SECRET_HEX, "pickle", 41), "count": 41},
            # Python 2.7's pickle.dumps: protocol 0.
            "python2Pickle": {"cookie": issue(args.python2, SECRET_HEX, "pickle", 41, env=py2_env), "count": 41},
            # Already in the current form: JSON, signed with the current key.
            "json": {"cookie": issue(sys.executable, SECRET_HEX, "json", 7), "count": 7},
            # JSON, signed with a key the server has rotated out (second in its list).
            "jsonRotatedKey": {"cookie": issue(sys.executable, ROTATED_SECRET_HEX, "json", 5), "count": 5},
            # JSON with _expires 2001-09-09T01:46:40Z: expired.
            "jsonExpired": {"cookie": issue(sys.executable, SECRET_HEX, "json", 9, expires=1000000000), "count": 9,
                            "expires": 1000000000},
            # Pickle with _expires 2100-01-01T00:00:00Z: valid for a long while.
            "pickleWithExpiry": {"cookie": issue(sys.executable, SECRET_HEX, "pickle", 3, expires=4102444800),
                                 "count": 3, "expires": 4102444800},
        },
    }
    with open(os.path.join(HERE, "fixtures.json"), "w") as out:
        json.dump(fixtures, out, indent=2, sort_keys=True)
        out.write("\n")
    print("wrote", os.path.join(HERE, "fixtures.json"))


if __name__ == "__main__":
    main()
