#!/usr/bin/env python3
"""Check every 「quote」 in the given files against the seed.

A quote is the text between 「 and 」.  Inside a quote, ⏎ stands for the
line break of the seed (a newline, a blank line, a newline), so a quote
that runs across two of the seed's lines can still be checked exactly.

For each quote the checker finds the document it is attributed to: the
last short name (风电场, 电力公司, 电力生产企业, 电力工作票, 电厂) written
before it on the same line, outside quotes, else the one of the last
'### ' heading.  It fails when the quote is not in the seed at all, or
not inside that document's lines.

usage: verify-quotes.py FILE...     (exit 1 if any quote fails)

The seed is docs/seeds/000_a42679e12f75b0ab.txt of plaint's sources, or
$PLAINT_SEED.
"""
import os
import re
import sys

SEED = os.environ.get("PLAINT_SEED") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "docs", "seeds",
    "000_a42679e12f75b0ab.txt")
DOCS = {                      # short name: (first line, last line), 1-based
    "风电场": (44, 50),
    "电力公司": (70, 74),
    "电力生产企业": (96, 102),
    "电力工作票": (122, 134),
    "电厂": (142, 144),
}
NAME = re.compile(r"电力生产企业|电力工作票|电力公司|风电场|(?<![发])电厂")
QUOTE = re.compile(r"「([^」]*)」")

lines = open(SEED, encoding="utf-8").read().split("\n")
text = "\n".join(lines)
starts = [0]
for ln in lines:
    starts.append(starts[-1] + len(ln) + 1)


def line_of(off):
    lo, hi = 0, len(starts) - 1
    while lo < hi - 1:
        mid = (lo + hi) // 2
        if starts[mid] <= off:
            lo = mid
        else:
            hi = mid
    return lo + 1


bad = 0
total = 0
for path in sys.argv[1:]:
    heading_doc = None
    for no, row in enumerate(open(path, encoding="utf-8"), 1):
        if row.startswith("### "):
            m = NAME.search(row)
            heading_doc = m.group(0) if m else None
        for m in QUOTE.finditer(row):
            total += 1
            q = m.group(1).replace("⏎", "\n\n")
            before = QUOTE.sub("", row[:m.start()])
            names = NAME.findall(before)
            doc = names[-1] if names else heading_doc
            hits = [line_of(i.start()) for i in re.finditer(re.escape(q), text)]
            if not hits:
                print(f"{path}:{no}: NOT IN SEED: 「{m.group(1)}」")
                bad += 1
                continue
            if doc is None:
                continue
            a, b = DOCS[doc]
            if not any(a <= h <= b for h in hits):
                print(f"{path}:{no}: not in {doc} ({a}-{b}), found at lines "
                      f"{hits}: 「{m.group(1)}」")
                bad += 1
print(f"{total} quotes checked, {bad} failed")
sys.exit(1 if bad else 0)
