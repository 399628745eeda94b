#!/usr/bin/env python3
"""Make fix-text's labelled cases (cases.jsonl) from the invented lines.

    python3 tests/fix-text/labelled/make-cases.py > tests/fix-text/labelled/cases.jsonl

sentences.txt holds news sentences that are right; each is a no-change
case and is also broken by the mechanisms that break scraped text, each
broken copy a case whose expectation is the sentence:

  cp1252      UTF-8 read as Windows-1252 (undefined bytes as C1 controls)
  latin1      UTF-8 read as Latin-1 (C1 controls for 0x80-0x9F)
  cp1252x2    read as Windows-1252 twice; latin1+cp1252 the two in turn
  cp1251, cp1250, macroman  read as Windows-1251, Windows-1250, MacRoman
  cp1252-dropped  read as Windows-1252 by a decoder that drops the bytes
              it leaves unassigned (” loses its 9D)
  partial     one word or phrase of the line read as Windows-1252
  named/numeric  the line HTML-escaped: named references where HTML5 has
              one, else decimal or hex; double: escaped twice
  c1          Windows-1252 text read as Latin-1 (curly quotes as U+0092 ...)
  invisible   BOM, zero-width space, soft hyphens, word joiner inserted
  control     C0 controls, DEL and ANSI colour codes inserted

keep.txt holds lines that look suspicious but are right: no-change cases.
The choices are random but seeded, so the output is the same every run.
Lines may write \\uXXXX, \\t, \\f and \\r for characters hard to type.
"""

import html.entities
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NAMES = {}
for name, ch in html.entities.html5.items():
    if name.endswith(";") and len(ch) == 1 and ch not in NAMES:
        NAMES[ch] = name


def unescape(s):
    return re.sub(r"\\(u[0-9a-fA-F]{4}|t|f|r)",
                  lambda m: {"t": "\t", "f": "\f", "r": "\r"}.get(
                      m.group(1)) or chr(int(m.group(1)[1:], 16)), s)


def lines(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return [unescape(l.rstrip("\n")) for l in f
                if l.strip() and not l.startswith("#")]


def cp1252(s):
    out = []
    for b in s.encode("utf-8"):
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


def codepage(s, codec):
    """UTF-8 read as another code page (unassigned bytes kept)."""
    out = []
    for b in s.encode("utf-8"):
        try:
            out.append(bytes([b]).decode(codec))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


def latin1(s):
    return s.encode("utf-8").decode("latin-1")


def c1(s):
    """Windows-1252 text read as Latin-1, or None if s has no such char."""
    try:
        b = s.encode("cp1252")
    except UnicodeEncodeError:
        return None
    if not any(0x80 <= x <= 0x9F for x in b):
        return None
    return b.decode("latin-1")


def escape(s, rnd, numeric):
    out = []
    for ch in s:
        if ch in "&<>\"":
            out.append("&" + NAMES[ch])
        elif ord(ch) < 0x80:
            out.append(ch)
        elif not numeric and ch in NAMES:
            out.append("&" + NAMES[ch])
        elif rnd.random() < 0.5:
            out.append("&#%d;" % ord(ch))
        else:
            out.append("&#x%X;" % ord(ch))
    return "".join(out)


def partial(s, rnd):
    """Break one word with a non-ASCII letter (and its neighbours)."""
    words = s.split(" ")
    idx = [i for i, w in enumerate(words) if any(ord(c) > 0x7F for c in w)]
    if not idx:
        return None
    i = rnd.choice(idx)
    j = min(len(words), i + rnd.randint(1, 3))
    broken = " ".join(words[:i] + [cp1252(" ".join(words[i:j]))] + words[j:])
    return broken if broken != cp1252(s) else None


def insert(s, rnd, junk):
    pos = sorted(rnd.sample(range(1, len(s)), min(len(junk), len(s) - 1)))
    out, last = [], 0
    for p, j in zip(pos, junk):
        out.append(s[last:p])
        out.append(j)
        last = p
    out.append(s[last:])
    return "".join(out)


def main():
    rnd = random.Random(2026)
    cases = []

    def add(kind, tags, text, expect):
        if text is None:
            return
        cases.append({"id": "fx-%03d" % (len(cases) + 1), "kind": kind,
                      "tags": tags, "text": text, "expect": expect})

    for s in lines("sentences.txt"):
        add("no-change", ["sentence"], s, s)
        if all(ord(c) < 0x80 for c in s):
            continue
        add("mojibake", ["cp1252"], cp1252(s), s)
        r = rnd.random()
        if r < 0.35:
            add("mojibake", ["latin1"], latin1(s), s)
        elif r < 0.55:
            add("mojibake", ["cp1252x2"], cp1252(cp1252(s)), s)
        elif r < 0.65:
            add("mojibake", ["latin1+cp1252"], cp1252(latin1(s)), s)
        if rnd.random() < 0.5:
            add("mojibake", ["partial"], partial(s, rnd), s)
        if "\u201d" in s and rnd.random() < 0.5:
            add("mojibake", ["cp1252-dropped"],
                s.encode("utf-8").decode("cp1252", "ignore"), s)
        r = rnd.random()
        if r < 0.12:
            add("mojibake", ["cp1251"], codepage(s, "cp1251"), s)
        elif r < 0.24:
            add("mojibake", ["cp1250"], codepage(s, "cp1250"), s)
        elif r < 0.34:
            add("mojibake", ["macroman"], codepage(s, "mac_roman"), s)
        r = rnd.random()
        if r < 0.3:
            add("entities", ["named"], escape(s, rnd, False), s)
        elif r < 0.5:
            add("entities", ["numeric"], escape(s, rnd, True), s)
        elif r < 0.6:
            add("entities", ["double"],
                escape(s, rnd, False).replace("&", "&amp;"), s)
        if rnd.random() < 0.5:
            add("control", ["c1"], c1(s), s)
        r = rnd.random()
        if r < 0.25:
            junk = rnd.sample(["\u200b", "\u00ad", "\u2060", "\ufeff"], 2)
            add("control", ["invisible"], insert(s, rnd, junk), s)
        elif r < 0.35:
            add("control", ["bom"], "\ufeff" + s, s)
        elif r < 0.45:
            add("control", ["ansi"], "\x1b[1;31m" + s + "\x1b[0m", s)
        elif r < 0.5:
            add("control", ["c0"], insert(s, rnd, ["\x07", "\x7f"]), s)
        if rnd.random() < 0.15:
            add("mixed", ["entity+cp1252"], escape(cp1252(s), rnd, False),
                s)

    for s in lines("keep.txt"):
        add("no-change", ["suspicious"], s, s)

    for c in cases:
        sys.stdout.write(json.dumps(c, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
