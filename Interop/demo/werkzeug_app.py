"""The Python half of the demo: a Werkzeug 0.16.1 WSGI application that shares its session
cookie with the Swift server `securecookie-demo`.

It runs on Python 3 and Python 2.7 and needs no server: `werkzeug.test.Client` calls the WSGI
application in process, exactly as a browser's request would reach it.

    python werkzeug_app.py issue --secret-hex HEX --count 41 [--codec pickle]
        prints the `Cookie` request header a browser would send back: session="..."
    python werkzeug_app.py read --secret-hex HEX --cookie 'session="..."' [--codec json]
        prints the session's count as the application sees it (`None` for a fresh session)

The application has two routes:
    GET /set?count=N[&expires=T]  sets `count` in the session (Werkzeug saves it: the session was
                       modified), with `_expires` T (Unix time) when given
    GET /count         answers `count` without touching the session
"""
from __future__ import print_function

import argparse
import binascii
import datetime
import json
import pickle
import sys
import warnings

# Werkzeug 0.16 warns that contrib.securecookie moves out and that its default codec will change;
# this application pins Werkzeug 0.16.1 and names its codecs.
warnings.filterwarnings("ignore", message="'werkzeug.contrib.securecookie' is deprecated")
warnings.filterwarnings("ignore", message="The default 'SecureCookie.serialization_method'")

from werkzeug.contrib.securecookie import SecureCookie
from werkzeug.test import Client
from werkzeug.wrappers import Request, Response


class PickleSecureCookie(SecureCookie):
    """Werkzeug's default cookie type: values pickled."""

    serialization_method = pickle


class JSONSecureCookie(SecureCookie):
    """The JSON cookie type, as Werkzeug's documentation shows it."""

    serialization_method = json


COOKIE_TYPES = {"pickle": PickleSecureCookie, "json": JSONSecureCookie}


def make_app(secret_key, cookie_type):
    """The WSGI application: a session cookie named `session`, loaded and saved as Werkzeug does."""

    @Request.application
    def application(request):
        session = cookie_type.load_cookie(request, "session", secret_key=secret_key)
        if request.path == "/set":
            session["count"] = int(request.args["count"])
            response = Response("ok\n", mimetype="text/plain")
            if "expires" in request.args:
                expires = datetime.datetime.utcfromtimestamp(int(request.args["expires"]))
                session.save_cookie(response, "session", httponly=True, session_expires=expires)
                return response
        elif request.path == "/count":
            response = Response("%r\n" % (session.get("count"),), mimetype="text/plain")
        else:
            response = Response("not found\n", status=404, mimetype="text/plain")
        session.save_cookie(response, "session", httponly=True)
        return response

    return application


def cookie_header(set_cookie):
    """The `Cookie` header a browser sends for a `Set-Cookie` value: its first `name=value` pair."""
    return set_cookie.split(";", 1)[0].strip()


def issue(args):
    client = Client(make_app(args.secret_key, COOKIE_TYPES[args.codec]), Response, use_cookies=False)
    query = "count=%d" % args.count
    if args.expires is not None:
        query += "&expires=%d" % args.expires
    response = client.get("/set?" + query)
    set_cookies = response.headers.getlist("Set-Cookie")
    if response.status_code != 200 or len(set_cookies) != 1:
        print("issue: unexpected response %s with %d Set-Cookie" % (response.status, len(set_cookies)), file=sys.stderr)
        return 1
    print(cookie_header(set_cookies[0]))
    return 0


def read(args):
    client = Client(make_app(args.secret_key, COOKIE_TYPES[args.codec]), Response, use_cookies=False)
    response = client.get("/count", headers=[("Cookie", args.cookie)])
    if response.status_code != 200:
        print("read: unexpected response %s" % response.status, file=sys.stderr)
        return 1
    sys.stdout.write(response.get_data(as_text=True))
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command")
    for name in ("issue", "read"):
        command = commands.add_parser(name)
        command.add_argument("--secret-hex", required=True)
        command.add_argument("--codec", choices=sorted(COOKIE_TYPES), default="pickle" if name == "issue" else "json")
        if name == "issue":
            command.add_argument("--count", type=int, required=True)
            command.add_argument("--expires", type=int, help="the session's _expires, Unix time")
        else:
            command.add_argument("--cookie", required=True, help="the Cookie header, such as session=\"...\"")
    args = parser.parse_args()
    if args.command is None:
        parser.error("give a command: issue or read")
    args.secret_key = binascii.unhexlify(args.secret_hex)
    return issue(args) if args.command == "issue" else read(args)


if __name__ == "__main__":
    sys.exit(main())
