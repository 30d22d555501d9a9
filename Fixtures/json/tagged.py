"""Reference tagged-JSON converter (Plugins/SecureCookieJSON/Docs.docc/TaggedJSONFormat.md), used by the fixture scripts here.

`to_tagged(value)` gives the JSON-shaped Python object; `dumps_tagged(value)` the text TaggedJSON.encode
must write: json.dumps(to_tagged(value), ensure_ascii=False).

Both come from the repository's one converter, Interop/tagged.py. That module is also named `tagged`,
so it is loaded by its path under another name (a sys.path entry would find this file again).
"""
import importlib.util
import os

_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Interop", "tagged.py")
_SPEC = importlib.util.spec_from_file_location("interop_tagged", _PATH)
_interop = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(_interop)

to_tagged = _interop.to_tagged


def dumps_tagged(v):
    return _interop.dumps(to_tagged(v))
