"""Printing for the CLI: aligned tables, JSON, and messages on stderr."""

from __future__ import annotations

import json
import sys
import unicodedata
from collections.abc import Sequence
from typing import Any


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, sort_keys=False, default=str)
    sys.stdout.write("\n")


def width(text: str) -> int:
    """Display width in a terminal: wide East Asian characters and emoji take two cells."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if width(text) <= limit:
        return text
    out = ""
    for ch in text:
        if width(out + ch) > limit - 1:
            break
        out += ch
    return out + "…"


def print_table(headers: Sequence[str], rows: Sequence[Sequence[str]], limits: Sequence[int] | None = None) -> None:
    limits = limits or [60] * len(headers)
    cells = [[clip(str(c), limit) for c, limit in zip(row, limits, strict=True)] for row in rows]
    widths = [max([width(h)] + [width(r[i]) for r in cells]) for i, h in enumerate(headers)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v + " " * (w - width(v)) for v, w in zip(values, widths, strict=True)).rstrip()

    print(line(headers))
    print(line(["-" * w for w in widths]))
    for row in cells:
        print(line(row))


def error(message: str) -> None:
    print(f"peerreview: {message}", file=sys.stderr)
