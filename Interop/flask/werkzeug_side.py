# -*- coding: utf-8 -*-
"""Werkzeug 0.16.1's SecureCookie for the Flask interop's migration checks (run by ``.venv-interop/py3``).

    .venv-interop/py3/bin/python Interop/flask/werkzeug_side.py write < requests > cookies
    .venv-interop/py3/bin/python Interop/flask/werkzeug_side.py read < requests > sessions

One JSON object a line in, one line out:
- ``write``: ``{"secret_hex", "codec", "hash", "protocol" (pickle), "data": <tagged JSON>}`` -> the
  cookie Werkzeug writes (``Interop/werkzeug_codecs.py``'s SecureCookie subclass for that codec);
- ``read``: ``{"secret_hex", "codec", "hash", "cookie", "now" (optional)}`` -> the tagged JSON of
  what Werkzeug reads (``{}`` when it refuses the cookie, as Werkzeug does), with Werkzeug's clock
  (the ``_expires`` check) at ``now`` when given.
"""
from __future__ import print_function, unicode_literals

import binascii
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # Interop/

import werkzeug.contrib.securecookie as wsc  # noqa: E402

import tagged  # noqa: E402
import werkzeug_codecs as wc  # noqa: E402


def main():
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command not in ("write", "read"):
        sys.exit(__doc__)
    for text in sys.stdin:
        if not text.strip():
            continue
        request = json.loads(text)
        secret = binascii.unhexlify(request["secret_hex"])
        codec, hash_name = request["codec"], request.get("hash", "sha1")
        if command == "write":
            data = tagged.from_tagged(request["data"])
            print(wc.serialize(codec, hash_name, secret, data, request.get("protocol")))
        else:
            original = wsc.time
            if "now" in request:
                wsc.time = lambda: request["now"]
            try:
                data = wc.unserialize(codec, hash_name, secret, request["cookie"], request.get("protocol"))
            finally:
                wsc.time = original
            print(tagged.dumps(tagged.to_tagged(data)))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
