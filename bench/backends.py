"""The two framework backends side by side, in one run: cdktf 0.21 against CDK Terrain (cdktn) 0.24.

``python bench/backends.py`` (``make bench-backends``) runs, for each backend whose virtualenv
exists (``.venv`` for cdktf, ``.venv-cdktn`` for cdktn; ``make test BACKEND=...`` creates them),
whole synths in fresh processes (``synth_app.py``): the example app, and the 1/10/50-pool apps with
the library and their hand-written equivalents; then mypy's cold time on the example app. Runs of
the two backends alternate so machine noise hits both; medians are reported. Results replace the
"Backends side by side" section of ``docs/performance.md``. Not a test: timings are noisy here.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _sections import write_section  # bench/ is this script's folder

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SECTION = "## Backends side by side"
VENVS = {"cdktf": ROOT / ".venv", "cdktn": ROOT / ".venv-cdktn"}


def environment(backend: str, cache: Path) -> dict[str, str]:
    return {
        **os.environ,
        "CDKTF_USERPOOL_BACKEND": backend,
        "CDKTF_USERPOOL_CACHE_DIR": str(cache),
        "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION": "20",
        "JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION": "1",
        "CHECKPOINT_DISABLE": "1",
    }


def synth(backend: str, kind: str, arg: object, work: Path) -> dict[str, Any]:
    """One synth in a fresh process of ``backend``'s virtualenv; its phases, peaks and wall time."""
    import json

    outdir = work / f"out-{backend}-{kind}-{arg}"
    shutil.rmtree(outdir, ignore_errors=True)
    python = VENVS[backend] / "bin" / "python"
    start = time.perf_counter()
    done = subprocess.run(
        [str(python), str(HERE / "synth_app.py"), kind, str(arg), str(outdir)],
        env=environment(backend, work / f"cache-{backend}"), cwd=work, check=True, capture_output=True, text=True,
        timeout=1800,
    )
    wall = time.perf_counter() - start
    return {**json.loads(done.stdout.strip().splitlines()[-1]), "wall": wall}


def mypy_cold(backend: str, work: Path) -> float:
    """Seconds for a cold ``mypy --strict`` of the example app (its imports rewritten for ``backend``)."""
    source = (ROOT / "examples" / "app.py").read_text()
    if backend == "cdktn":
        source = source.replace("cdktf_cdktf_provider_aws", "cdktn_provider_aws").replace("from cdktf import", "from cdktn import")
    folder = work / f"mypy-{backend}"
    folder.mkdir()
    (folder / "app.py").write_text(source)
    flag = "--always-true" if backend == "cdktn" else "--always-false"
    env = {**environment(backend, work / f"cache-{backend}"), "MYPYPATH": str(ROOT)}
    start = time.perf_counter()
    subprocess.run(
        [str(VENVS[backend] / "bin" / "python"), "-m", "mypy", "--strict", flag, "CDKTN_TYPES", "--cache-dir",
         str(folder / ".cache"), "app.py"],
        cwd=folder, env=env, capture_output=True, text=True, timeout=1800, check=False,
    )
    return time.perf_counter() - start


def med(runs: list[dict[str, Any]], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def build_write(runs: list[dict[str, Any]]) -> float:
    return statistics.median(run["build"] + run["synth"] for run in runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pools", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "performance.md")
    args = parser.parse_args()
    backends = [name for name, venv in VENVS.items() if (venv / "bin" / "python").exists()]
    if not backends:
        raise SystemExit("no backend virtualenv: run `make test` and `make test BACKEND=cdktn` first")
    work = Path(tempfile.mkdtemp(prefix="cdktf-userpool-backends-"))
    apps: list[tuple[str, str, object]] = [("example app", "example", "-")]
    apps += [(f"{pools} pools", "library", pools) for pools in args.pools]
    results: dict[tuple[str, str], dict[str, list[dict[str, Any]]]] = {}
    for label, kind, arg in apps:
        for backend in backends:  # warm-up: fills each backend's package cache
            synth(backend, kind, arg, work)
        for _ in range(args.repeats):
            for backend in backends:
                entry = results.setdefault((label, backend), {"library": [], "hand": []})
                entry["library"].append(synth(backend, kind, arg, work))
                if kind == "library":
                    entry["hand"].append(synth(backend, "hand", arg, work))
        print(f"{label} done", file=sys.stderr)
    mypy = {backend: mypy_cold(backend, work) for backend in backends}
    shutil.rmtree(work, ignore_errors=True)

    lines = [
        SECTION,
        "",
        "Written by `make bench-backends` (`bench/backends.py`): the same apps synthesized by each backend in",
        f"fresh processes, runs alternating between backends, {args.repeats} of each; medians. Build+write is",
        "construct building plus writing `cdktf.out` (the provider import taken out); the hand-written app makes",
        "the same resources with the provider's classes (one set of account/partition/region data sources per",
        "stack, as the library now makes).",
        "",
        "| app | backend | wall s | provider import s | build+write s | vs hand-written (build+write) | Python peak MB | Node.js peak MB |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for label, _, _ in apps:
        for backend in backends:
            runs = results[(label, backend)]
            lib = runs["library"]
            ratio = f"{build_write(lib) / build_write(runs['hand']):.2f}x" if runs["hand"] else "n/a"
            lines.append(
                f"| {label} | {backend} | {med(lib, 'wall'):.2f} | {med(lib, 'import'):.2f} | {build_write(lib):.3f} | "
                f"{ratio} | {med(lib, 'python_peak_mb'):.0f} | {med(lib, 'node_peak_mb'):.0f} |"
            )
    lines.append("")
    if set(backends) == set(VENVS):
        for label, _, _ in apps:
            cdktf, cdktn = (med(results[(label, b)]["library"], "wall") for b in ("cdktf", "cdktn"))
            lines.append(f"- {label}: cdktn's whole synth takes {cdktn / cdktf:.2f} of cdktf's ({cdktn:.1f} s against {cdktf:.1f} s).")
    lines.append(
        "- mypy --strict, cold cache, on the example app: "
        + ", ".join(f"{backend} {seconds:.1f} s" for backend, seconds in mypy.items())
        + "."
    )
    lines.append("")
    write_section(args.output, SECTION, lines)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
