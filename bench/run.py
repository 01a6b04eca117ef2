"""Synth benchmark: cdktf-userpool against the same apps written by hand; writes docs/performance.md.

Run with ``make bench``. Everything is measured in one process, after the provider import, with
the library and hand-written apps alternating so machine noise hits both; medians are reported.
Not part of the test suite: timings on shared machines are too noisy for assertions.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")
os.environ.setdefault("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

_t0 = time.perf_counter()
import cdktf_cdktf_provider_aws.cognito_user_pool  # noqa: E402,F401  (the provider import is measured)

PROVIDER_IMPORT_S = time.perf_counter() - _t0

import apps  # noqa: E402
import handlers  # noqa: E402
from cdktf import Token  # noqa: E402

from cdktf_userpool import TRIGGERS  # noqa: E402
from cdktf_userpool._packaging.archive import build_zip, content_hash, package_files  # noqa: E402
from cdktf_userpool._packaging.source import generate_module  # noqa: E402
from cdktf_userpool.function import _is_infrastructure  # noqa: E402


def node_peak_rss_kb() -> int:
    """Peak resident memory of the jsii Node.js child process (VmHWM), in KiB; 0 if unknown."""
    peak = 0
    for task in Path("/proc/self/task").iterdir():
        for child in (task / "children").read_text().split():
            status = Path(f"/proc/{child}/status")
            if status.exists():
                for line in status.read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        peak = max(peak, int(line.split()[1]))
    return peak


def timed(make: Callable[[str], object], workdir: Path) -> tuple[float, float]:
    """Seconds to build the app's constructs, and to synthesize (write) it."""
    outdir = workdir / "out"
    shutil.rmtree(outdir, ignore_errors=True)
    start = time.perf_counter()
    app = make(str(outdir))
    built = time.perf_counter()
    app.synth()  # type: ignore[attr-defined]
    return built - start, time.perf_counter() - built


def packaging_only() -> float:
    """Seconds to generate, zip and hash the twelve handlers, without any construct."""
    start = time.perf_counter()
    for spec in TRIGGERS.values():
        module = generate_module(getattr(handlers, spec.snake_name), is_token=Token.is_unresolved, is_infrastructure=_is_infrastructure)
        files = package_files(module)
        build_zip(files)
        content_hash(files)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pools", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--output", type=Path, default=HERE.parent / "docs" / "performance.md")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="cdktf-userpool-bench-"))
    os.environ["CDKTF_USERPOOL_CACHE_DIR"] = str(work / "cache")
    rows = []
    for pools in args.pools:
        lib: list[tuple[float, float]] = []
        hand: list[tuple[float, float]] = []
        timed(lambda o: apps.library_app(o, pools), work)  # warm-up: caches, jsii type loading
        timed(lambda o: apps.handwritten_app(o, pools), work)
        for _ in range(args.repeats):
            lib.append(timed(lambda o: apps.library_app(o, pools), work))
            hand.append(timed(lambda o: apps.handwritten_app(o, pools), work))
        med = lambda xs: statistics.median(xs)  # noqa: E731
        lib_total = med([a + b for a, b in lib])
        hand_total = med([a + b for a, b in hand])
        rows.append((pools, 12 * pools, med([a for a, _ in lib]), med([b for _, b in lib]), lib_total, med([a for a, _ in hand]), med([b for _, b in hand]), hand_total))
    # package size: the library app's archives
    timed(lambda o: apps.library_app(o, 1), work)
    sizes = [p.stat().st_size for p in (work / "out").rglob("package.zip")]
    pack = statistics.median(packaging_only() for _ in range(args.repeats))
    # requirements: first synth installs (cold), the next one reads the cache (warm)
    cold = sum(timed(lambda o: apps.library_app(o, 1, ["six==1.16.0"]), work))
    warm = statistics.median(sum(timed(lambda o: apps.library_app(o, 1, ["six==1.16.0"]), work)) for _ in range(args.repeats))
    no_deps = statistics.median(sum(timed(lambda o: apps.library_app(o, 1), work)) for _ in range(args.repeats))
    python_peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    node_peak_mb = node_peak_rss_kb() / 1024
    shutil.rmtree(work, ignore_errors=True)

    lines = [
        "# Performance",
        "",
        "Produced by `make bench` (`bench/run.py`); numbers are from the run recorded below. Method: one",
        "process; the provider is imported once (timed separately); each app is built and synthesized",
        f"{args.repeats} times after a warm-up, library and hand-written runs alternating; medians shown.",
        "The hand-written app (`bench/apps.py`) makes the same resources with the provider's classes and one",
        "hand-made zip; the library app attaches twelve Python callables per pool, so its build time",
        "includes generating, zipping and hashing every package.",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, {platform.platform()}.",
        "",
        f"Provider import (`cdktf_cdktf_provider_aws`, once per process): {PROVIDER_IMPORT_S:.2f} s.",
        "",
        "| pools | triggers | library build s | library synth s | library total s | hand build s | hand synth s | hand total s | ratio |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for pools, triggers, lb, ls, lt, hb, hs, ht in rows:
        lines.append(f"| {pools} | {triggers} | {lb:.3f} | {ls:.3f} | {lt:.3f} | {hb:.3f} | {hs:.3f} | {ht:.3f} | {lt / ht:.2f}x |")
    lines += [
        "",
        f"- Packaging alone (generate + zip + hash the 12 handlers, no constructs): {pack * 1000:.1f} ms.",
        f"- Generated packages without dependencies: {min(sizes)}-{max(sizes)} bytes (target: under 4 KB).",
        f"- 12 functions with `requirements=[\"six==1.16.0\"]`: first synth (pip, cold cache) {cold:.2f} s;"
        f" later synths (warm cache, no pip) {warm:.2f} s against {no_deps:.2f} s without requirements.",
        f"- Peak memory: Python process {python_peak_mb:.0f} MB, jsii Node.js process {node_peak_mb:.0f} MB.",
        "",
        "Targets: at most 1.10x the hand-written equivalent; packages under 4 KB; cost linear in triggers.",
        "",
    ]
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
