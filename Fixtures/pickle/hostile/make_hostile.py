"""Writes hostile pickles: each must be refused, naming the global it would call.

Run with CPython 3.11 (/tmp/venv/bin/python make_hostile.py) from this folder. Nothing here is
ever loaded by Python: the pickles are written with pickle.dumps (from objects whose __reduce__
names a dangerous callable) or assembled by hand. hostile.jsonl has one line per pickle:
name, pickle (base64), construct (the refusal's construct, e.g. "global posix.system").
"""
import base64, json, os, pickle, pickletools, subprocess


class Reduce:
    def __init__(self, func, args):
        self.func, self.args = func, args

    def __reduce__(self):
        return (self.func, self.args)


class SetState:
    """An object whose BUILD would call __setstate__ on an arbitrary class."""
    def __reduce__(self):
        return (subprocess.Popen, (["true"],), {"x": 1})


cases = []


ALLOWED = {"builtins.set", "__builtin__.set", "builtins.object", "__builtin__.object", "copy_reg._reconstructor",
           "copyreg._reconstructor", "_codecs.encode", "datetime.datetime", "builtins.list", "__builtin__.list"}


def first_refused_global(data):
    """The first global in the pickle outside the allowlist, as `global module.name`."""
    strings = []
    for op, arg, _ in pickletools.genops(data):
        if op.name in ("GLOBAL", "INST"):
            name = arg.replace(" ", ".", 1)
        elif op.name == "STACK_GLOBAL":
            name = strings[-2] + "." + strings[-1]
        else:
            if isinstance(arg, str):
                strings.append(arg)
            continue
        if name not in ALLOWED:
            return "global " + name
    return None


def add(name, data, construct):
    if construct.startswith("global "):
        construct = first_refused_global(data)
    cases.append({"name": name, "pickle": base64.b64encode(data).decode(), "construct": construct})


system = "global " + os.system.__module__ + ".system"   # posix.system
for proto in range(6):
    add(f"os_system_reduce_p{proto}", pickle.dumps(Reduce(os.system, ("echo pwned",)), protocol=proto), system)
    add(f"eval_reduce_p{proto}", pickle.dumps(Reduce(eval, ("__import__('os').system('id')",)), protocol=proto),
        "global builtins.eval")
    add(f"subprocess_reduce_p{proto}", pickle.dumps(Reduce(subprocess.check_output, (["id"],)), protocol=proto),
        "global subprocess.check_output")
    add(f"setstate_build_p{proto}", pickle.dumps(SetState(), protocol=proto), "global subprocess.Popen")
    # hidden inside an allowed container
    add(f"nested_in_dict_p{proto}", pickle.dumps({"ok": [1, 2, {"x": Reduce(os.system, ("id",))}]}, protocol=proto),
        system)

# Hand-assembled forms the pickler never writes for these callables.
add("inst_os_system", b"(S'echo pwned'\nios\nsystem\n.", "global os.system")
add("obj_os_system", b"(cos\nsystem\nS'id'\no.", "global os.system")
add("newobj_subprocess", b"\x80\x02csubprocess\nPopen\n]q\x00U\x02idq\x01a\x85\x81.", "global subprocess.Popen")
add("newobj_ex_subprocess", b"\x80\x04\x8c\nsubprocess\x8c\x05Popen\x93\x8c\x02id\x85}\x92.", "global subprocess.Popen")
add("stack_global_system", b"\x80\x04\x8c\x02os\x8c\x06system\x93\x8c\x02id\x85R.", "global os.system")
add("stack_global_eval", b"\x80\x04\x8c\x08builtins\x8c\x04eval\x93\x8c\x011\x85R.", "global builtins.eval")
add("dotted_os_path_join", b"\x80\x04\x8c\x02os\x8c\tpath.join\x93.", "global os.path.join")
add("dotted_global_opcode", b"cos.path\njoin\n.", "global os.path.join")
add("builtins_getattr", b"cbuiltins\ngetattr\n(cbuiltins\nobject\nS'__subclasses__'\ntR.", "global builtins.getattr")
add("builtin_import", b"c__builtin__\n__import__\n(S'os'\ntR.", "global __builtin__.__import__")
add("apply_py2", b"c__builtin__\napply\n(cos\nsystem\n(S'id'\nttR.", "global __builtin__.apply")
add("copyreg_reconstructor_popen", b"ccopy_reg\n_reconstructor\n(csubprocess\nPopen\nc__builtin__\nobject\nNtR.",
    "global subprocess.Popen")
add("reconstructor_allowed_class_bad_base", b"ccopy_reg\n_reconstructor\n(c__builtin__\nset\ncos\nsystem\nNtR.",
    "global os.system")
add("global_with_newline_less_name", b"cos\nsystem", "")
add("codecs_encode_ok_then_system", b"c_codecs\nencode\n(Vx\nVlatin1\ntRcposix\nsystem\n(S'id'\ntR.", "global posix.system")
add("build_setstate_on_set", b"c__builtin__\nset\n)R}S'__setstate__'\ncos\nsystem\nsb.", "global os.system")
add("datetime_tzinfo_object", b"\x80\x02cdatetime\ndatetime\nC\n\x07\xe8\x01\x02\x03\x04\x05\x00\x00\x00cpytz\n_UTC\n)R\x86R.",
    "global pytz._UTC")
add("persid", b"P1\n.", "persistent id")
add("binpersid", b"N\x51.", "persistent id")
add("ext1", b"\x80\x02\x82\x01.", "extension code 1")
add("ext2", b"\x80\x02\x83\x01\x02.", "extension code 513")
add("ext4", b"\x80\x02\x84\x01\x00\x00\x00.", "extension code 1")
add("next_buffer", b"\x80\x05\x97.", "out-of-band buffer")
add("readonly_buffer", b"\x80\x05C\x01x\x98.", "out-of-band buffer")
add("recursive_list", b"\x80\x02]q\x00h\x00a.", "recursive value")
add("recursive_dict", b"\x80\x02}q\x00X\x04\x00\x00\x00selfq\x01h\x00s.", "recursive value")
add("recursive_via_tuple", b"\x80\x02]q\x00h\x00\x85q\x01a.", "recursive value")

with open("hostile.jsonl", "w") as out:
    for case in cases:
        out.write(json.dumps(case) + "\n")
print(len(cases), "cases")
