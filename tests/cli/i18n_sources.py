"""The report text of the C sources: every tr("…") and N_("…") literal, and the catalogs.

A small C lexer, enough for this code base: comments, string literals (with
escapes, adjacent literals joined, <inttypes.h> macros such as PRIu64 between
them), character literals, identifiers and punctuation.
"""
import os
import re

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
SRC = os.path.join(ROOT, "src")
CATALOG_DIR = os.path.join(SRC, "i18n")

# What the <inttypes.h> macros expand to on this (LP64 glibc) platform; the
# sources and the catalog go through the same table, so they match anyway.
PRI = {"PRIu32": "u", "PRId32": "d", "PRIu64": "lu", "PRId64": "ld", "PRIx64": "lx",
       "PRIu16": "u", "PRIu8": "u"}

MARKERS = ("tr", "N_")

_TOKEN = re.compile(r'''
    (?P<comment>/\*.*?\*/|//[^\n]*)
  | (?P<string>"(?:[^"\\\n]|\\.)*")
  | (?P<char>'(?:[^'\\\n]|\\.)+')
  | (?P<ident>[A-Za-z_][A-Za-z_0-9]*)
  | (?P<space>\s+)
  | (?P<punct>.)
''', re.S | re.X)

_ESCAPES = {"n": b"\n", "t": b"\t", "r": b"\r", "a": b"\a", "b": b"\b", "f": b"\f",
            "v": b"\v", "\\": b"\\", '"': b'"', "'": b"'", "?": b"?"}


def decode(literal):
    """The bytes of a C string literal (quotes included), as UTF-8 text."""
    body, out, i = literal[1:-1], bytearray(), 0
    while i < len(body):
        c = body[i]
        if c != "\\":
            out += c.encode("utf-8")
            i += 1
            continue
        e = body[i + 1]
        if e in _ESCAPES:
            out += _ESCAPES[e]
            i += 2
        elif e == "x":
            m = re.match(r"[0-9A-Fa-f]+", body[i + 2:])
            out.append(int(m.group(0), 16) & 0xff)
            i += 2 + len(m.group(0))
        elif e in "01234567":
            m = re.match(r"[0-7]{1,3}", body[i + 1:])
            out.append(int(m.group(0), 8) & 0xff)
            i += 1 + len(m.group(0))
        else:
            raise ValueError(f"unknown escape \\{e} in {literal}")
    return out.decode("utf-8")


def tokens(text):
    """(kind, value, line) for each token; comments and preprocessor lines dropped."""
    line = 1
    at_line_start = True
    skip_directive = False
    for m in _TOKEN.finditer(text):
        kind, value = m.lastgroup, m.group(0)
        if kind == "space" or kind == "comment":
            if "\n" in value:
                # a directive ends at a newline not preceded by a backslash
                if skip_directive and not text[m.start() - 1:m.start()] == "\\":
                    skip_directive = False
                at_line_start = True
            line += value.count("\n")
            continue
        if at_line_start and kind == "punct" and value == "#":
            skip_directive = True
        at_line_start = False
        if skip_directive:
            continue
        yield kind, value, line


def _literal_run(toks, i):
    """Joins the literals (and PRI macros) from toks[i]; returns (text, next index) or None."""
    parts = []
    while i < len(toks):
        kind, value, _ = toks[i]
        if kind == "string":
            parts.append(decode(value))
        elif kind == "ident" and value in PRI and parts:
            parts.append(PRI[value])
        else:
            break
        i += 1
    return ("".join(parts), i) if parts else None


def marked_literals(path):
    """[(text, line)] of tr("…") and N_("…") in a C file; raises on tr("…" other)."""
    with open(path, encoding="utf-8") as f:
        toks = list(tokens(f.read()))
    found = []
    for i, (kind, value, line) in enumerate(toks):
        if kind != "ident" or value not in MARKERS:
            continue
        if i + 1 >= len(toks) or toks[i + 1][1] != "(" or (i > 0 and toks[i - 1][1] in (".", "->")):
            continue
        run = _literal_run(toks, i + 2)
        if run is None:
            continue  # tr(variable): the literal is marked N_() where it is written
        text, j = run
        if j >= len(toks) or toks[j][1] != ")":
            raise ValueError(f"{path}:{line}: {value}() of more than a literal")
        found.append((text, line))
    return found


def source_files():
    """Every C file whose text may reach a report: src/, but not the catalogs."""
    for d, _, names in sorted(os.walk(SRC)):
        if os.path.abspath(d) == os.path.abspath(CATALOG_DIR):
            continue
        for n in sorted(names):
            if n.endswith((".c", ".h")):
                yield os.path.join(d, n)


def source_strings():
    """{English text: [file:line, …]} of every marked literal in the sources."""
    out = {}
    for path in source_files():
        for text, line in marked_literals(path):
            out.setdefault(text, []).append(f"{os.path.relpath(path, ROOT)}:{line}")
    return out


def catalog(name):
    """[(English, translation, line)] of a catalog file such as zh_cn.c, in file order."""
    with open(os.path.join(CATALOG_DIR, name), encoding="utf-8") as f:
        toks = list(tokens(f.read()))
    entries = []
    i = 0
    while i < len(toks):
        if toks[i][1] == "{":
            first = _literal_run(toks, i + 1)
            if first and first[1] < len(toks) and toks[first[1]][1] == ",":
                second = _literal_run(toks, first[1] + 1)
                if second and toks[second[1]][1] == "}":
                    entries.append((first[0], second[0], toks[i][2]))
                    i = second[1]
        i += 1
    return entries
