"""Time the local deploy of the example app: emulator start, terraform init and apply, second plan, destroy.

Run with ``make bench-local`` (updates the "Local deploy" section of docs/performance.md);
``--markdown`` only prints the section. Each repeat starts a fresh emulator (``LocalAws``, IAM
enforced), applies both stacks of the example app with ``examples/prepare_local.py``, plans again
and destroys; the emulator's peak resident memory is read when it stops. Needs terraform and the
AWS provider (``CDKTF_USERPOOL_TF_PLUGIN_DIR`` offline, or ``.ci/find-provider-mirror``).
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
SECTION = "## Local deploy (make local)"
STACKS = ("example", "shared")


def synthesize(outdir: Path) -> float:
    """Synthesize the example app into ``outdir`` (on the backend make chose); its seconds."""
    started = time.monotonic()
    env = {**os.environ, "CDKTF_OUTDIR": str(outdir)}
    subprocess.run([sys.executable, str(ROOT / "tools" / "for_backend.py"), str(ROOT / "examples" / "app.py")],
                   cwd=ROOT, env=env, check=True, capture_output=True, timeout=600)
    return time.monotonic() - started


def once(outdir: Path) -> dict[str, Any]:
    """One bring-up, second plan and teardown of both stacks; seconds and bytes."""
    sys.path.insert(0, str(ROOT))
    from cdktf_userpool.local import LocalAws
    from cdktf_userpool.local._cli import load_function

    prepare = load_function(f"{ROOT / 'examples' / 'prepare_local.py'}:prepare")
    row: dict[str, Any] = {}
    started = time.monotonic()
    with LocalAws(region="eu-west-1") as aws:
        row["start"] = time.monotonic() - started
        deployments = [aws.deploy(outdir, stack, prepare=prepare) for stack in STACKS]
        row["up"] = time.monotonic() - started
        for deployment in deployments:
            changes = deployment.plan()
            if changes:
                raise SystemExit(f"the second plan of {deployment.stack} is not empty: {changes}")
        for deployment in reversed(deployments):
            deployment.destroy(unprotect=True)  # the example retains its pool
        for deployment in deployments:
            for step, seconds in deployment.timings.items():
                row[f"{deployment.stack}.{step}"] = seconds
            row[f"{deployment.stack}.resources"] = len(deployment.addresses)
    row["peak"] = aws.peak_memory
    return row


def measure(repeats: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        outdir = Path(folder) / "cdktf.out"
        synth = synthesize(outdir)
        rows = [once(outdir) for _ in range(repeats)]
    median = {key: statistics.median(r[key] for r in rows) for key in rows[0] if key != "peak"}
    return {"synth": synth, "median": median, "peak": max(r["peak"] or 0 for r in rows), "repeats": repeats,
            "load": os.getloadavg()[1],
            "terraform": _terraform_version(), "provider": _provider_version()}


def _terraform_version() -> str:
    from cdktf_userpool.local._toolchain import find_terraform

    return find_terraform()[1]


def _provider_version() -> str:
    from cdktf_userpool.local._toolchain import find_toolchain

    chain = find_toolchain()
    return chain.provider_version("6.25.0") or "6.25.0 (as pinned)"


def section(results: dict[str, Any]) -> list[str]:
    """The markdown section for docs/performance.md."""
    m = results["median"]
    lines = [
        SECTION,
        "",
        "Written by `bench/local.py` (`make bench-local`). The example app's two stacks applied to the local",
        f"emulator (moto, IAM enforced) by Terraform {results['terraform']} with the AWS provider",
        f"{results['provider']} from the offline mirror; medians of {results['repeats']} runs, each with a fresh",
        f"emulator (machine: {platform.machine()}, {os.cpu_count()} CPUs; a shared, noisy host: load average",
        f"{results['load']:.1f} during the run). Synthesizing the app first took {results['synth']:.1f} s (not counted below).",
        "",
        "| step | example | shared |",
        "|---|---|---|",
        f"| resources in the state | {m['example.resources']:.0f} | {m['shared.resources']:.0f} |",
        f"| `terraform init` (provider linked from the mirror) | {m['example.init']:.1f} s | {m['shared.init']:.1f} s |",
        f"| `terraform apply` | {m['example.apply']:.1f} s | {m['shared.apply']:.1f} s |",
        f"| second `terraform plan` (empty) | {m['example.plan']:.1f} s | {m['shared.plan']:.1f} s |",
        f"| `terraform destroy` | {m['example.destroy']:.1f} s | {m['shared.destroy']:.1f} s |",
        "",
        f"Bring-up of the whole app (emulator start {m['start']:.1f} s, then init and apply of both stacks, with",
        f"`prepare`): {m['up']:.1f} s. Emulator peak resident memory: {results['peak'] / 2**20:.0f} MiB (its own",
        "process; the functions' workers are separate processes).",
        "",
        "Most of the apply is the AWS provider's: it creates functions from a local zip one at a time (a",
        "global lock) and waits 5 s before its first check that each is active, so the example's five",
        "packaged functions cost about 25 s whatever the emulator does. The shared stack's apply includes a",
        "real run of its updater function (the runner, a cold worker).",
        "",
    ]
    return lines


def main() -> None:
    bench_main(SECTION, measure, section, repeats=3)


if __name__ == "__main__":
    main()
