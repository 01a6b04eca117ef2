"""Time a project ``init`` writes: ``init``, its ``make synth`` and its ``make test`` (its local deploy included).

Run with ``make bench-init`` (updates the "Generated project" section of docs/performance.md);
``--markdown`` only prints the section. Each repeat writes a new project for the backend ``make``
chose into a temporary folder and runs what its Makefile runs, ``python main.py`` then ``python -m
cdktf_userpool summary`` (make synth) and ``python -m pytest`` (make test), with this checkout's
interpreter, which has the library and everything the project's requirements name: installing them
into the project's own ``.venv`` (its first ``make``, from the package index) is not timed. Needs
terraform and the AWS provider for the local deploy test, as ``make bench-local``.
"""

from __future__ import annotations

import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _sections import bench_main  # bench/ is this script's folder

ROOT = Path(__file__).resolve().parent.parent
SECTION = "## Generated project (make bench-init)"


def run(command: list[str], cwd: Path) -> tuple[float, str]:
    """Run ``command`` in ``cwd`` (failing the benchmark when it fails); its seconds and output."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "CDKTF_USERPOOL_BACKEND", "MAKEFLAGS")}
    started = time.monotonic()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=1800, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return time.monotonic() - started, done.stdout


def once(folder: Path, backend: str) -> dict[str, float]:
    """One project: init, make synth, make test; seconds, and the slowest test's."""
    project = folder / "my-auth"
    row = {"init": run([sys.executable, "-m", "cdktf_userpool", "init", str(project), "--backend", backend], folder)[0]}
    synth = run([sys.executable, "main.py"], project)[0]
    row["synth"] = synth + run([sys.executable, "-m", "cdktf_userpool", "summary", "cdktf.out"], project)[0]
    seconds, output = run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--durations=1", "-q"], project)
    row["test"] = seconds
    if "skipped" in output.splitlines()[-1]:
        raise SystemExit(f"a test of the project skipped (is terraform or the provider missing?):\n{output[-2000:]}")
    slowest = re.search(r"^([\d.]+)s (setup|call)\s+(\S+)", output, re.M)
    row["slowest"] = float(slowest.group(1)) if slowest else 0.0
    return row


def measure(repeats: int) -> dict[str, Any]:
    backend = os.environ.get("CDKTF_USERPOOL_BACKEND", "cdktf")
    rows = []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory(prefix="cdktf-userpool-bench-init-") as folder:
            rows.append(once(Path(folder), backend))
    return {"median": {k: statistics.median(r[k] for r in rows) for k in rows[0]}, "repeats": repeats,
            "backend": backend, "load": os.getloadavg()[1]}


def section(results: dict[str, Any]) -> list[str]:
    """The markdown section for docs/performance.md."""
    m = results["median"]
    return [
        SECTION,
        "",
        "Written by `bench/init_project.py` (`make bench-init`): a project `python -m cdktf_userpool init` writes for",
        f"the {results['backend']} backend, medians of {results['repeats']} (machine: {platform.machine()}, {os.cpu_count()} CPUs,",
        f"load {results['load']:.1f}; a shared, noisy host). What its Makefile runs, with this checkout's interpreter",
        "(installing the project's `.venv` from the package index, its first `make`, is not timed).",
        "",
        "| step | seconds |",
        "|---|---|",
        f"| `init` | {m['init']:.1f} |",
        f"| `make synth` (`main.py`, then the summary) | {m['synth']:.1f} |",
        f"| `make test` (plain calls, packaged runs, the snapshot, the local deploy and its flows) | {m['test']:.1f} |",
        f"| of which its slowest test (the local deploy, with its set-up) | {m['slowest']:.1f} |",
        "",
    ]


def main() -> None:
    bench_main(SECTION, measure, section, repeats=1)


if __name__ == "__main__":
    main()
