"""Reference tagged-JSON converter (../shared/spec/tagged-json.md), used by the fixture scripts here.

`to_tagged(value)` gives the JSON-shaped Python object; `dumps_tagged(value)` the text TaggedJSON.encode
must write: json.dumps(to_tagged(value), ensure_ascii=False).
"""
import base64
import datetime
import decimal
import json
import math


def _float(x):
    if math.isnan(x):
        return {"$float": "nan"}
    if math.isinf(x):
        return {"$float": "inf" if x > 0 else "-inf"}
    return x


def to_tagged(v):
    if v is None or isinstance(v, (bool, str)):
        return v
    if isinstance(v, int):
        return v if -2**63 <= v < 2**63 else {"$int": str(v)}
    if isinstance(v, float):
        return _float(v)
    if isinstance(v, complex):
        return {"$complex": [_float(v.real), _float(v.imag)]}
    if isinstance(v, bytes):
        return {"$bytes": base64.b64encode(v).decode()}
    if isinstance(v, bytearray):
        return {"$bytearray": base64.b64encode(bytes(v)).decode()}
    if isinstance(v, list):
        return [to_tagged(x) for x in v]
    if isinstance(v, tuple):
        return {"$tuple": [to_tagged(x) for x in v]}
    if isinstance(v, frozenset):
        return {"$frozenset": [to_tagged(x) for x in v]}
    if isinstance(v, set):
        return {"$set": [to_tagged(x) for x in v]}
    if isinstance(v, dict):
        if all(isinstance(k, str) and not k.startswith("$") for k in v):
            return {k: to_tagged(x) for k, x in v.items()}
        return {"$dict": [[to_tagged(k), to_tagged(x)] for k, x in v.items()]}
    if isinstance(v, datetime.datetime):
        return {"$datetime": v.isoformat()}
    if isinstance(v, datetime.date):
        return {"$date": v.isoformat()}
    if isinstance(v, datetime.time):
        return {"$time": v.isoformat()}
    if isinstance(v, datetime.timedelta):
        return {"$timedelta": [v.days, v.seconds, v.microseconds]}
    if isinstance(v, decimal.Decimal):
        return {"$decimal": str(v)}
    raise TypeError(type(v))


def dumps_tagged(v):
    return json.dumps(to_tagged(v), ensure_ascii=False)
