"""The benchmark harness: run measurements, take medians, compare with the baseline, print and save."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

Setup = Callable[[], Any]
Timed = Callable[[Any], Any]


@dataclass(frozen=True)
class Result:
    """One benchmark line; `met` compares `seconds` (or `ratio`) with the target."""

    name: str
    seconds: float
    baseline_name: str
    baseline_seconds: float
    ratio: float
    target: str
    met: bool
    note: str = ""


def median_time(setup: Setup, timed: Timed, runs: int) -> float:
    """The median wall time of `timed(state)` over `runs` runs; `setup()` makes a fresh state each run, untimed."""
    samples = []
    for _ in range(runs):
        state = setup()
        start = time.perf_counter()
        timed(state)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def ratio_result(
    name: str, seconds: float, baseline_name: str, baseline_seconds: float, max_ratio: float, *, note: str = ""
) -> Result:
    ratio = seconds / baseline_seconds if baseline_seconds else float("inf")
    return Result(
        name, seconds, baseline_name, baseline_seconds, ratio, f"≤ {max_ratio:g}× baseline", ratio <= max_ratio, note
    )


def absolute_result(
    name: str, seconds: float, baseline_name: str, baseline_seconds: float, limit: float, *, note: str = ""
) -> Result:
    ratio = seconds / baseline_seconds if baseline_seconds else float("inf")
    return Result(
        name, seconds, baseline_name, baseline_seconds, ratio, f"< {limit * 1000:g} ms", seconds < limit, note
    )


def print_table(results: list[Result]) -> None:
    headers = ("benchmark", "seconds", "baseline", "baseline s", "ratio", "target", "met")
    rows = [
        (
            r.name,
            f"{r.seconds:.4f}",
            r.baseline_name,
            f"{r.baseline_seconds:.4f}",
            f"{r.ratio:.2f}",
            r.target,
            "yes" if r.met else "NO",
        )
        for r in results
    ]
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
    for r in results:
        if r.note:
            print(f"  note: {r.name}: {r.note}")


def write_json(results: list[Result], path: Path) -> None:
    path.write_text(json.dumps([asdict(r) for r in results], indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
