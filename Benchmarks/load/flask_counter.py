"""The demo's GET /counter in Flask 3.1: the same session work (verify, decode, add one, re-issue).

Run under gunicorn: gunicorn -w 2 -b 127.0.0.1:PORT flask_counter:app (SECRET_HEX in the environment).
Flask's session is itsdangerous-signed JSON, the cookie Flask users have; the Swift demos write
Werkzeug's SecureCookie format with JSON, whose work per request is of the same kind.
"""

import binascii
import os

from flask import Flask, Response, session

app = Flask(__name__)
app.secret_key = binascii.unhexlify(os.environ["SECRET_HEX"])
app.config.update(SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")


@app.get("/counter")
def counter():
    count = session.get("count", 0)
    if not isinstance(count, int):
        return Response("count holds something this demo cannot add one to\n", status=409)
    session["count"] = count + 1
    return Response(str(count + 1), mimetype="text/plain")
