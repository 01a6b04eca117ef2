"""Snapshot benchmark: what ``testing.snapshot(stack)`` adds to the synth of the example app's stacks.

Run with ``make bench-snapshot`` (updates the "Snapshot of a stack" section of docs/performance.md);
``--markdown`` only prints the section. In one process: the stacks are built once (their packages
too), then, alternately so noise hits both alike, ``Testing.synth(stack)`` alone and
``snapshot(stack)`` (which synthesizes, then reads the packages and writes the document); medians
of ``--repeats`` rounds. The goal: the snapshot under 2 s after the synth.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _sections import bench_main  # bench/ is this script's folder

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SECTION = "## Snapshot of a stack"


def measure(repeats: int) -> dict[str, Any]:
    """Medians (s) of synth and snapshot per stack of the example app, and the documents' sizes."""
    for name, value in (("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20"),
                        ("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1"), ("CHECKPOINT_DISABLE", "1")):
        os.environ.setdefault(name, value)
    os.environ.setdefault("CDKTF_USERPOOL_CACHE_DIR", tempfile.mkdtemp(prefix="cdktf-userpool-bench-snapshot-"))
    sys.path.insert(0, str(ROOT))
    from tests.test_snapshot import build_example
    from tests._framework import Testing

    from cdktf_userpool.testing import snapshot

    started = time.perf_counter()
    stacks = build_example(Path(tempfile.mkdtemp(prefix="cdktf-userpool-bench-app-")))
    built = time.perf_counter() - started
    rows = {}
    for name, stack in stacks.items():
        synths, snaps = [], []
        for _ in range(repeats):
            start = time.perf_counter()
            Testing.synth(stack)
            synths.append(time.perf_counter() - start)
            start = time.perf_counter()
            document = snapshot(stack)
            snaps.append(time.perf_counter() - start)
        rows[name] = {
            "synth": statistics.median(synths),
            "snapshot": statistics.median(snaps),
            "lines": document.count("\n"),
            "packages": len(document.packages),
        }
    return {"rows": rows, "built": built, "repeats": repeats}


def section(results: dict[str, Any]) -> list[str]:
    """The markdown section for docs/performance.md."""
    lines = [
        SECTION,
        "",
        "Written by `bench/snapshot.py` (`make bench-snapshot`). The example app's two stacks, built once",
        f"({results['built']:.1f} s, their packages included), then `Testing.synth(stack)` and",
        f"`testing.snapshot(stack)` alternately, medians of {results['repeats']} rounds in one process",
        f"(machine: {platform.machine()}, {os.cpu_count()} CPUs; a shared, noisy host). The snapshot synthesizes",
        "the stack itself; \"after synth\" is what it adds: reading and hashing the packages, the document.",
        "",
        "| stack | packages | document lines | synth ms | snapshot ms | after synth ms | snapshot / synth |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, row in results["rows"].items():
        after = row["snapshot"] - row["synth"]
        lines.append(
            f"| {name} | {row['packages']} | {row['lines']} | {row['synth'] * 1000:.0f} | {row['snapshot'] * 1000:.0f} "
            f"| {after * 1000:.0f} | {row['snapshot'] / row['synth']:.2f}x |"
        )
    worst = max(row["snapshot"] - row["synth"] for row in results["rows"].values())
    verdict = "met" if worst < 2.0 else "NOT met"
    lines += [
        "",
        f"Goal: under 2 s after the synth: {verdict} (at most {worst * 1000:.0f} ms here).",
        "",
    ]
    return lines


def main() -> None:
    bench_main(SECTION, measure, section, repeats=10)


if __name__ == "__main__":
    main()
