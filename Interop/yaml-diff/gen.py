# -*- coding: utf-8 -*-
"""Structural generator of YAML documents for the differential test (see README.md).

``document(seed, index)`` builds a random node tree (mappings, sequences, scalars, anchors,
aliases, tags, merge keys, sets, omaps, pairs), deterministically from ``(seed, index)``, and
renders it in block or flow style. Scalars come from the forms PyYAML's resolver and
``SafeConstructor`` know (ints in every base, with underscores and sexagesimal; floats;
``.inf``/``.nan``; bools in every spelling; nulls; timestamps, odd ones included; binary), plus
strings in plain, single-quoted, double-quoted (with escapes), literal and folded styles.
Python 3 standard library only.
"""
from __future__ import annotations

import base64
import random

BOOLS = ["yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
         "on", "On", "ON", "off", "Off", "OFF", "y", "n", "yEs", "tRUE", "oN"]
NULLS = ["~", "null", "Null", "NULL", "nULL"]
INTS = ["0", "-0", "+0", "7", "-17", "+5", "1_000", "1__0", "10_", "0b1010", "0b1_0", "-0b11", "+0b0",
        "0b", "0x1F", "0xdead_beef", "-0x1", "0x_1", "0X1F", "017", "-017", "0_17", "08", "0o17",
        "190:20:30", "1:2:3", "-1:30", "+1:0", "1:60", "1:5:59", "12:00", "123456789012345678",
        "9223372036854775807", "9223372036854775808", "-9223372036854775809",
        "123456789012345678901234567890", "0x" + "f" * 20, "0b" + "1" * 80, "0" + "7" * 25,
        "1:" + ":".join(["59"] * 12)]
FLOATS = ["1.5", "-1.5", "+.5", ".5", "1.", "-1.", "1.0e+3", "1.0e-3", "1.0E+3", "1e3", "1.e+3",
          "6.8523015e+5", "685.230_15e+03", "685_230.15", "190:20:30.15", "-1:30.5", "1:2:3.",
          ".inf", "-.Inf", "+.INF", ".NaN", ".nan", ".NAN", "-.nan", "1.0e+400", "-1.0e+400",
          "1.0e-400", "0.1234567890123456789012345", "123456789012345678901234567890.5", "0.0",
          "-0.0", "._5", "1_.5", "1.0e+", "1.0e+3_0", "3.14159265358979323846", "2.5e-324",
          "1.7976931348623157e+308", "1.7976931348623159e+308", "1:" + ":".join(["30"] * 10) + ".5"]
TIMESTAMPS = ["2001-12-14", "2002-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5",
              "2001-12-15T02:59:43.1Z", "2001-12-15 2:59:43.10", "2001-1-1 1:00:00", "2001-1-1",
              "2001-02-30", "2000-02-29", "1900-02-29", "2001-12-14 25:00:00", "2001-12-14 23:60:00",
              "2001-12-14T21:59:60", "2001-12-14 21:59:43.1234567890123",
              "2001-12-14 21:59:43+24:00", "2001-12-14 21:59:43+23:59", "2001-12-14 21:59:43 Z",
              "0000-01-01", "0001-01-01 00:00:00Z", "9999-12-31 23:59:59.999999-00:30",
              "9999-12-31 23:59:59.999999+00:30", "2001-12-14 21:59:43.", "2001-12-14\t21:59:43",
              "2001-12-14 21:59:43-00:00", "2001-12-14 21:59:43+5:30", "2001-13-01", "2001-12-14T1:2:3"]
WORDS = ["a", "b", "key", "value", "x y", "hello world", "caf\u00e9", "\u65e5\u672c", "-", "--x",
         "a-b", "0o17", "1e3", "1_", "0x", "+", ".", "..", "-.", ".infx", "Yes!", "nullx", "~x",
         "a:b", "http://x.y/z", "5%", "@"[:0] + "x@y", "emoji \U0001F600", "tab\tin", "=",
         "<<", "!", "&", "*"[:0] + "q*", "a#b", "2001-12-14x"]
SPECIAL_TEXT = ["", " ", "  lead", "trail ", "line\nbreak", "quote ' here", 'dq " here', "back\\slash",
                "\u0663\u0664", "\u00a0", "\x7f", "\u2028", "\ufeff", "a\r\nb", "#", "- x", ": x",
                "[", "{", "}", "]", ",", "?", "|", ">", "%", "@", "`", "'", '"', "*a", "&a", "!x"]
DQ_ESCAPES = ["\\n", "\\t", "\\\\", '\\"', "\\x41", "\\u00e9", "\\U0001F600", "\\0", "\\a", "\\b",
              "\\e", "\\f", "\\r", "\\v", "\\/", "\\N", "\\_", "\\L", "\\P", "\\ ", "\\xff",
              "\\ud800", "\\q"]
BINARY_BAD = ["!!!!", "AAA", "A", "AB=C", "QUJD\nREVG", "QUJD REVG", "QUJD====", "\u00e9AAA"]
# Explicit tags on scalars: the safe set, PyYAML's quirks, and tags that must be refused.
SCALAR_TAGS = ["!!int", "!!float", "!!str", "!!bool", "!!null", "!!timestamp", "!!binary", "!",
               "!!python/tuple", "!foo", "!<tag:yaml.org,2002:str>", "!!merge", "!!value"]
INT_TEXT_FOR_TAG = ["1:-2", "1:+2", " 12 ", "\u0661\u0662", "0o17", "0b2", "0x", "12_", "1_000",
                    "-0x_1", "0:1", "1::2", "1:2:", "+", "-", "  -1:30 "]
FLOAT_TEXT_FOR_TAG = ["1e3", "1E3", "inf", "-Infinity", "nan", " 1.5 ", "\u0661.5", "1:" * 200 + "1",
                      "1:" * 173 + "1", "1:" * 174 + "1", "1:" * 172 + "1", "1e999", "-1e999:1",
                      "1.5:1e308", "0x10", "1_5", "", "+", "1:nan", "inf:1", "1:inf"]


class Node(object):
    def __init__(self, kind, value, tag=None, anchor=None, style=None):
        self.kind = kind          # "scalar", "alias", "seq", "map"
        self.value = value        # text, anchor name, list of nodes, list of (key, value)
        self.tag = tag
        self.anchor = anchor
        self.style = style        # scalar style, or "flow"/"block" for collections
        self.is_map_like = False  # for aliases: whether the target is a mapping


class Generator(object):
    def __init__(self, rng):
        self.r = rng
        self.anchors = []   # (name, node) of finished anchored nodes
        self.counter = 0
        self.features = set()

    def chance(self, p):
        return self.r.random() < p

    def pick(self, xs):
        return xs[self.r.randrange(len(xs))]

    def anchor_name(self):
        self.counter += 1
        return self.pick(["a", "id", "x", "anchor_", "k"]) + str(self.counter)

    # ---- scalars
    def scalar_text(self):
        kind = self.pick(["bool", "null", "int", "int", "float", "float", "timestamp", "word", "word",
                          "special", "binary"])
        self.features.add("scalar:" + kind)
        if kind == "bool":
            return self.pick(BOOLS), "plain"
        if kind == "null":
            return self.pick(NULLS), "plain"
        if kind == "int":
            return self.pick(INTS), "plain"
        if kind == "float":
            return self.pick(FLOATS), "plain"
        if kind == "timestamp":
            return self.pick(TIMESTAMPS), "plain"
        if kind == "word":
            return self.pick(WORDS), "plain"
        if kind == "binary":
            return None, "binary"
        return self.pick(SPECIAL_TEXT), "quoted"

    def scalar(self, key=False):
        text, hint = self.scalar_text()
        tag = None
        if hint == "binary":
            if self.chance(0.7):
                data = bytes(self.r.randrange(256) for _ in range(self.r.randrange(0, 24)))
                text = base64.b64encode(data).decode("ascii")
            else:
                text = self.pick(BINARY_BAD)
            self.features.add("tag:binary")
            return Node("scalar", text, tag="!!binary", style=self.pick(["plain", "single", "double", "literal"]))
        if self.chance(0.12):
            tag = self.pick(SCALAR_TAGS)
            self.features.add("tag:" + tag)
            if tag == "!!int" and self.chance(0.5):
                text = self.pick(INT_TEXT_FOR_TAG)
            if tag == "!!float" and self.chance(0.5):
                text = self.pick(FLOAT_TEXT_FOR_TAG)
        if hint == "quoted" or (text and (text[0] in " !&*[]{},?|>%@`'\"#-:" or "\n" in text)):
            style = self.pick(["single", "double", "double"]) if text.strip() or not text else "double"
        else:
            style = self.pick(["plain", "plain", "plain", "single", "double"])
        if style == "plain" and not self.plain_ok(text):
            style = "double"
        if not key and style != "plain" and self.chance(0.1) and text and "\n" not in text.strip("\n") and \
                text == text.strip() and not any(ord(c) < 32 or c in "\u2028\ufeff\x7f\u00a0" for c in text):
            style = self.pick(["literal", "folded"])
        if key and style in ("literal", "folded"):
            style = "double"
        return Node("scalar", text, tag=tag, style=style)

    @staticmethod
    def plain_ok(text):
        if text == "" or text != text.strip() or "\n" in text or "\t" in text:
            return False
        if text[0] in "!&*[]{},?|>%@`'\"#" or (text[0] in "-:?" and (len(text) == 1 or text[1] == " ")):
            return False
        if ": " in text or " #" in text or text.endswith(":"):
            return False
        return all(0x20 <= ord(c) < 0x7f or ord(c) > 0xa0 for c in text) and "\u2028" not in text \
            and "\ufeff" not in text

    # ---- trees
    def node(self, depth, key=False):
        if self.anchors and self.chance(0.15):
            name, target = self.pick(self.anchors)
            self.features.add("alias")
            alias = Node("alias", name)
            alias.is_map_like = target.kind == "map"
            return alias
        if key or depth <= 0 or self.chance(0.45):
            n = self.scalar(key=key)
        elif self.chance(0.5):
            n = self.sequence(depth)
        else:
            n = self.mapping(depth)
        if self.chance(0.15):
            n.anchor = self.anchor_name()
            self.features.add("anchor")
            self.anchors.append((n.anchor, n))
        return n

    def sequence(self, depth):
        style = "flow" if self.chance(0.4) else "block"
        tag = None
        if self.chance(0.15):
            kind = self.pick(["!!seq", "!!omap", "!!pairs", "!!set", "!!map", "!"])
            tag = kind
            self.features.add("tag:" + kind)
            if kind in ("!!omap", "!!pairs"):
                items = []
                for _ in range(self.r.randrange(0, 4)):
                    pairs = [(self.node(0, key=True), self.node(depth - 2))
                             for _ in range(1 if self.chance(0.85) else self.r.randrange(0, 3))]
                    items.append(Node("map", pairs, style=style))
                return Node("seq", items, tag=tag, style=style)
        items = [self.node(depth - 1) for _ in range(self.r.randrange(0, 5))]
        return Node("seq", items, tag=tag, style=style)

    def mapping(self, depth):
        style = "flow" if self.chance(0.4) else "block"
        tag = None
        if self.chance(0.12):
            tag = self.pick(["!!map", "!!set", "!!omap", "!"])
            self.features.add("tag:" + tag)
        pairs = []
        for _ in range(self.r.randrange(0, 5)):
            if self.chance(0.12):
                pairs.append(self.merge_pair(depth))
                continue
            if self.chance(0.06):
                self.features.add("complex-key")
                key = self.sequence(1) if self.chance(0.5) else self.mapping(1)
                key.style = "flow"
            else:
                key = self.node(0, key=True)
            if tag == "!!set" and self.chance(0.7):
                value = Node("scalar", self.pick(["", "~", "null", "1"]), style="plain")
            else:
                value = self.node(depth - 1)
            pairs.append((key, value))
        if pairs and self.chance(0.1):
            self.features.add("duplicate-key")
            pairs.append((pairs[0][0] if pairs[0][0].kind != "scalar" else
                          Node("scalar", pairs[0][0].value, style=pairs[0][0].style, tag=pairs[0][0].tag),
                          self.node(0)))
        return Node("map", pairs, tag=tag, style=style)

    def merge_pair(self, depth):
        self.features.add("merge")
        key = Node("scalar", "<<", style="plain")
        maps = [(name, n) for name, n in self.anchors if n.kind == "map"]
        choice = self.r.random()
        if maps and choice < 0.5:
            value = Node("alias", self.pick(maps)[0])
        elif maps and choice < 0.7:
            value = Node("seq", [Node("alias", self.pick(maps)[0]) for _ in range(self.r.randrange(1, 4))], style="flow")
        elif choice < 0.9:
            value = self.mapping(max(depth - 1, 1))
            value.style = "flow"
        else:
            value = self.node(0)  # a scalar or sequence: PyYAML refuses it
        return (key, value)


# ---- rendering
def quote_single(text):
    return "'" + text.replace("'", "''") + "'"


def quote_double(text, rng):
    out = []
    for c in text:
        o = ord(c)
        if c == '"':
            out.append('\\"')
        elif c == "\\":
            out.append("\\\\")
        elif c == "\n":
            out.append("\\n")
        elif o < 0x20 or o == 0x7f or c in "\u2028\u2029\ufeff\u0085":
            out.append("\\x%02x" % o if o < 0x100 else "\\u%04x" % o)
        elif o > 0x7e and rng.random() < 0.3:
            out.append("\\u%04x" % o if o <= 0xffff else "\\U%08x" % o)
        else:
            out.append(c)
    if rng.random() < 0.15:
        out.insert(rng.randrange(len(out) + 1), rng.choice(DQ_ESCAPES))
    return '"' + "".join(out) + '"'


def props(node):
    parts = []
    if node.anchor:
        parts.append("&" + node.anchor)
    if node.tag:
        parts.append(node.tag)
    return " ".join(parts)


def with_props(node, text):
    p = props(node)
    return (p + " " + text) if p else text


def render_flow(node, rng):
    if node.kind == "alias":
        return "*" + node.value
    if node.kind == "scalar":
        if node.style in ("literal", "folded"):
            return with_props(node, quote_double(node.value, rng))
        return with_props(node, render_scalar_inline(node, rng, flow=True))
    if node.kind == "seq":
        return with_props(node, "[" + ", ".join(render_flow(x, rng) for x in node.value) + "]")
    items = []
    for k, v in node.value:
        ktext = render_flow(k, rng)
        if k.kind in ("seq", "map"):
            ktext = "? " + ktext
        if k.kind == "alias":
            ktext += " "
        items.append(ktext + ": " + render_flow(v, rng))
    return with_props(node, "{" + ", ".join(items) + "}")


def render_scalar_inline(node, rng, flow=False):
    text = node.value
    style = node.style
    if style == "plain" and flow and any(c in text for c in ",[]{}"):
        style = "double"
    if style == "plain":
        return text
    if style == "single" and "\n" not in text and not any(ord(c) < 32 for c in text):
        return quote_single(text)
    return quote_double(text, rng)


def render_block(node, indent, rng, out, prefix):
    """Appends lines for ``node`` to ``out``; the first goes after ``prefix`` (``key:`` / ``-``)."""
    pad = " " * indent
    if node.kind in ("alias", "scalar") or node.style == "flow" or not node.value:
        if node.kind == "scalar" and node.style in ("literal", "folded"):
            head = ("|" if node.style == "literal" else ">") + rng.choice(["", "", "-", "+"])
            out.append(prefix + with_props(node, head))
            for line in node.value.split("\n"):
                out.append(" " * (indent + 2) + line if line else "")
            return
        if node.kind == "scalar" and node.style == "plain" and node.value == "" and not props(node):
            out.append(prefix.rstrip())
            return
        out.append(prefix + (render_flow(node, rng) if node.kind != "scalar" else
                             with_props(node, render_scalar_inline(node, rng))))
        return
    p = props(node)
    first = True
    if p:
        out.append(prefix + p)
        first = False
    if node.kind == "seq":
        for item in node.value:
            if first:
                lead = prefix
                first = False
            else:
                lead = pad
            render_block(item, indent + 2, rng, out, lead + "- ")
        return
    for k, v in node.value:
        lead = prefix if first else pad
        first = False
        if k.kind in ("seq", "map") or (k.kind == "scalar" and k.style in ("literal", "folded")):
            out.append(lead + "? " + render_flow(k, rng))
            keyprefix = pad + ":"
        else:
            ktext = render_flow(k, rng)
            if k.kind == "alias":
                ktext += " "
            keyprefix = lead + ktext + ":"
        if v.kind in ("seq", "map") and v.style == "block" and v.value:
            vp = props(v)
            out.append(keyprefix + (" " + vp if vp else ""))
            child_indent = indent + (0 if v.kind == "seq" and rng.random() < 0.3 else 2)
            saved_anchor, saved_tag = v.anchor, v.tag
            v.anchor = v.tag = None
            render_block(v, child_indent, rng, out, " " * child_indent)
            v.anchor, v.tag = saved_anchor, saved_tag
        else:
            render_block(v, indent + 2, rng, out, keyprefix + " ")


def render(root, rng):
    if root.style == "flow" or root.kind in ("alias", "scalar") or not root.value:
        if root.kind == "scalar" and root.style in ("literal", "folded"):
            out = []
            render_block(root, 0, rng, out, "--- ")
            return "\n".join(out) + "\n"
        return render_flow(root, rng) + "\n"
    out = []
    p = props(root)
    if p:
        out.append("--- " + p)
        saved_anchor, saved_tag = root.anchor, root.tag
        root.anchor = root.tag = None
        render_block(root, 0, rng, out, "")
        root.anchor, root.tag = saved_anchor, saved_tag
    else:
        render_block(root, 0, rng, out, "")
    return "\n".join(out) + "\n"


def document(seed, index):
    """``(yaml_bytes, features)`` for case ``index`` of run ``seed``."""
    rng = random.Random("%d:%d" % (seed, index))
    gen = Generator(rng)
    depth = rng.randrange(1, 5)
    root = gen.node(depth) if rng.random() < 0.15 else (gen.mapping(depth) if rng.random() < 0.7 else gen.sequence(depth))
    text = render(root, rng)
    if rng.random() < 0.05:
        text = "---\n" + text
    if rng.random() < 0.03:
        text += "...\n"
    return text.encode("utf-8"), sorted(gen.features)


if __name__ == "__main__":
    import sys
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    for i in range(int(sys.argv[2]) if len(sys.argv) > 2 else 5):
        data, feats = document(seed, i)
        sys.stdout.write("# case %d %s\n%s\n" % (i, feats, data.decode("utf-8")))
