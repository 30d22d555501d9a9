# -*- coding: utf-8 -*-
"""Werkzeug 0.16.1 ``SecureCookie`` subclasses, one per codec, hash and pickle protocol.

Each cookie class is what an application would declare::

    class JSONSecureCookie(SecureCookie):
        serialization_method = json

Works on Python 2.7 and 3. Codecs whose module is missing are left out of ``available_codecs()``.
"""
from __future__ import unicode_literals

import hashlib
import json
import pickle
import sys
import warnings

from werkzeug.contrib.securecookie import SecureCookie

PY2 = sys.version_info[0] == 2

try:
    import yaml
except ImportError:  # pragma: no cover
    yaml = None
try:
    import msgpack
except ImportError:  # pragma: no cover
    msgpack = None

warnings.filterwarnings("ignore", message=".*serialization_method.*")

HASHES = {
    "md5": hashlib.md5,
    "sha1": hashlib.sha1,
    "sha256": hashlib.sha256,
    "sha384": hashlib.sha384,
    "sha512": hashlib.sha512,
}
HASH_NAMES = ["md5", "sha1", "sha256", "sha384", "sha512"]
PICKLE_PROTOCOLS = list(range(0, pickle.HIGHEST_PROTOCOL + 1))


class YAMLCodec(object):
    """PyYAML's safe dumper and loader."""

    @staticmethod
    def dumps(value):
        return yaml.safe_dump(value)

    @staticmethod
    def loads(data):
        return yaml.safe_load(data)


class MsgPackCodec(object):
    """msgpack with bin types and timestamps (Python 2's msgpack has no datetime option)."""

    @staticmethod
    def dumps(value):
        if PY2:
            return msgpack.packb(value, use_bin_type=True)
        return msgpack.packb(value, use_bin_type=True, datetime=True)

    @staticmethod
    def loads(data):
        if PY2:
            return msgpack.unpackb(data, raw=False, strict_map_key=False)
        return msgpack.unpackb(data, raw=False, strict_map_key=False, timestamp=3)


def pickle_codec(protocol, encoding=None):
    """``pickle`` writing at one protocol; on Python 3, reading Python 2 ``str`` with ``encoding``."""

    class PickleCodec(object):
        @staticmethod
        def dumps(value):
            return pickle.dumps(value, protocol)

        @staticmethod
        def loads(data):
            if encoding is None or PY2:
                return pickle.loads(data)
            return pickle.loads(data, encoding=encoding)

    return PickleCodec


class RawCodec(object):
    """Values are already bytes: for signing hand-made payloads (hostile pickles)."""

    @staticmethod
    def dumps(value):
        return value

    @staticmethod
    def loads(data):
        return data


def available_codecs():
    """Codec names whose Python module is installed."""
    names = ["json", "pickle"]
    if yaml is not None:
        names.append("yaml")
    if msgpack is not None:
        names.append("msgpack")
    return names


def codec_module(codec, protocol=None, encoding=None):
    """The ``serialization_method`` object for a codec name."""
    if codec == "json":
        return json
    if codec == "pickle":
        return pickle_codec(pickle.DEFAULT_PROTOCOL if protocol is None and not PY2 else (protocol or 0), encoding)
    if codec == "yaml":
        return YAMLCodec
    if codec == "msgpack":
        return MsgPackCodec
    if codec == "raw":
        return RawCodec
    raise ValueError("unknown codec %s" % codec)


def cookie_class(codec, hash_name="sha1", protocol=None, encoding=None):
    """A ``SecureCookie`` subclass with this codec and hash, as an application declares one."""
    attrs = {
        str("serialization_method"): codec_module(codec, protocol, encoding),
        str("hash_method"): staticmethod(HASHES[hash_name]),
    }
    return type(str("%sSecureCookie" % codec.capitalize()), (SecureCookie,), attrs)


def serialize(codec, hash_name, secret, data, protocol=None, expires=None):
    """A cookie as Werkzeug writes it (text)."""
    cls = cookie_class(codec, hash_name, protocol)
    cookie = cls(data, secret)
    out = cookie.serialize(expires) if expires is not None else cookie.serialize()
    return out.decode("ascii")


def unserialize(codec, hash_name, secret, text, protocol=None, encoding=None):
    """What Werkzeug reads from a cookie: a dict (empty when it fails, as Werkzeug does)."""
    cls = cookie_class(codec, hash_name, protocol, encoding)
    return dict(cls.unserialize(text, secret))
