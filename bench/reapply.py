"""Time a re-apply of a changed stack against its first apply (``Deployment.apply``), in one run.

Run with ``make bench-reapply`` (updates the "Local re-apply" section of docs/performance.md);
``--markdown`` only prints the section. Each repeat starts a fresh emulator, deploys version v1 of
tests/local/apps/versions.py (the first apply), applies v2 (a changed stack: new trigger code and an
added trigger, in place), applies v2 again (unchanged: the synth applied last, so no Terraform run), then destroys.
Medians of ``--repeats``. Needs terraform and the AWS provider, as ``make bench-local``.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _sections import bench_main  # bench/ is this script's folder

ROOT = Path(__file__).resolve().parent.parent
SECTION = "## Local re-apply"
APP = ROOT / "tests" / "local" / "apps" / "versions.py"


def synthesize(outdir: Path) -> None:
    """Every version of the versions app into ``outdir``/<version> (on the backend make chose)."""
    env = {**os.environ, "CDKTF_OUTDIR": str(outdir), "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, str(ROOT / "tools" / "for_backend.py"), str(APP)], cwd=ROOT, env=env, check=True,
                   capture_output=True, timeout=900)


def once(outdir: Path) -> dict[str, float]:
    """One deploy, changed re-apply, unchanged re-apply and destroy; seconds."""
    sys.path.insert(0, str(ROOT))
    from cdktf_userpool.local import LocalAws

    with LocalAws(region="eu-west-1") as aws:
        deployment = aws.deploy(outdir / "v1", "versions")
        row = {"init": deployment.timings["init"], "first": deployment.timings["apply"]}
        started = time.monotonic()
        changes = deployment.apply(outdir / "v2")
        row["changed"] = time.monotonic() - started
        row["changed_count"] = len(changes)
        started = time.monotonic()
        if deployment.apply(outdir / "v2"):
            raise SystemExit("re-applying an unchanged synth changed something")
        row["unchanged"] = time.monotonic() - started
        deployment.destroy(unprotect=True)
    return row


def measure(repeats: int) -> dict[str, Any]:
    """Medians over ``repeats`` fresh runs."""
    for name, value in (("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20"),
                        ("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1"), ("CHECKPOINT_DISABLE", "1")):
        os.environ.setdefault(name, value)
    with tempfile.TemporaryDirectory(prefix="cdktf-userpool-bench-reapply-") as folder:
        outdir = Path(folder) / "cdktf.out"
        synthesize(outdir)
        rows = [once(outdir) for _ in range(repeats)]
    medians = {key: statistics.median(row[key] for row in rows) for key in rows[0]}
    return {"medians": medians, "repeats": repeats, "load": os.getloadavg()[0]}


def section(results: dict[str, Any]) -> list[str]:
    """The markdown section for docs/performance.md."""
    m = results["medians"]
    return [
        SECTION,
        "",
        "Written by `bench/reapply.py` (`make bench-reapply`). The stack `versions` of",
        "tests/local/apps/versions.py (a retained pool, two packaged triggers, a client, outputs; since issue 35 also a",
        "Terraform module with a pool, a client and a permission) on a fresh",
        f"emulator each time, medians of {results['repeats']} runs in one process (machine: {platform.machine()},",
        f"{os.cpu_count()} CPUs, load {results['load']:.1f}; a shared, noisy host). `Deployment.apply(outdir)` plans the new",
        "synth onto the state (saved plan, checked for pools that would be lost) and applies that plan.",
        "",
        "| step | seconds | of the first apply |",
        "|---|---|---|",
        f"| first apply (`LocalAws.deploy`, after `init` {m['init']:.1f} s) | {m['first']:.1f} | 1.00x |",
        f"| re-apply, changed ({m['changed_count']:.0f} changes: new trigger code, a trigger added) | {m['changed']:.1f} "
        f"| {m['changed'] / m['first']:.2f}x |",
        f"| re-apply, unchanged (the synth applied last: no Terraform run) | {m['unchanged']:.1f} | {m['unchanged'] / m['first']:.2f}x |",
        "",
    ]


def main() -> None:
    bench_main(SECTION, measure, section, repeats=1)


if __name__ == "__main__":
    main()
