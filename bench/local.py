"""Time the local deploy of the example app: emulator start, terraform init and apply, second plan, destroy.

Run with ``make bench-local`` (updates the "Local deploy" section of docs/performance.md);
``--markdown`` only prints the section. Each repeat starts a fresh emulator (``LocalAws``, IAM
enforced), applies both stacks of the example app with ``examples/prepare_local.py``, plans again
and destroys; the emulator's peak resident memory is read when it stops. Needs terraform and the
AWS provider (``CDKTF_USERPOOL_TF_PLUGIN_DIR`` offline, or ``.ci/find-provider-mirror``).
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
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


def changed_trigger(outdir: Path, changed: Path, stack: str = "example") -> str:
    """``outdir`` copied to ``changed`` with one trigger's code changed, as a synth after editing it writes it:
    the package with one more line in its handler module, under a new asset folder, and the function's
    ``filename`` and ``source_code_hash`` pointing at it. Returns the function's resource name."""
    shutil.copytree(outdir, changed)
    path = changed / "stacks" / stack / "cdk.tf.json"
    doc = json.loads(path.read_text())
    name, block = next((n, b) for n, b in sorted(doc["resource"]["aws_lambda_function"].items()) if "filename" in b)
    source = changed / "stacks" / stack / block["filename"]
    buffer = io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename.endswith(".py") and not item.filename.startswith("cdktf_userpool"):
                data += b"\n# changed\n"
            new.writestr(item, data)
    archive = buffer.getvalue()
    digest = hashlib.sha256(archive)
    target = source.parent.parent / digest.hexdigest() / "package.zip"
    target.parent.mkdir(parents=True)
    target.write_bytes(archive)
    block["filename"] = target.relative_to(changed / "stacks" / stack).as_posix()
    block["source_code_hash"] = base64.b64encode(digest.digest()).decode()
    path.write_text(json.dumps(doc, indent=2))
    return name


def once(outdir: Path, changed: Path, *, hand_over: bool = True) -> dict[str, Any]:
    """One bring-up, re-applies, second plan, destroy and teardown of both stacks; seconds and bytes.

    :param hand_over: the functions' code through the emulator's S3 (what deploys do); ``False``: the
        provider's own ``filename`` path, as before issue 39, for the comparison.
    """
    sys.path.insert(0, str(ROOT))
    from cdktf_userpool.local import LocalAws, _code
    from cdktf_userpool.local._cli import load_function
    from cdktf_userpool.local._deployment import deploy_together

    _code.HAND_OVER = hand_over

    prepare = load_function(f"{ROOT / 'examples' / 'prepare_local.py'}:prepare")
    row: dict[str, Any] = {}
    started = time.monotonic()
    aws = LocalAws(region="eu-west-1").start()
    row["start"] = time.monotonic() - started
    deployments = deploy_together(aws, outdir, STACKS, prepare=prepare, timeout=600)  # what make local does
    row["up"] = time.monotonic() - started
    example = deployments[0]
    for label, folder in (("unchanged", outdir), ("changed", changed), ("back", outdir)):
        begun = time.monotonic()
        changes = example.apply(folder)
        row[f"example.{label}"] = time.monotonic() - begun
        if (label == "unchanged") != (not changes):
            raise SystemExit(f"re-applying the {label} synth gave {changes}")
    for deployment in deployments:
        changes = deployment.plan()
        if changes:
            raise SystemExit(f"the second plan of {deployment.stack} is not empty: {changes}")
    for deployment in reversed(deployments):
        deployment.destroy(unprotect=True)  # the example retains its pool
    for deployment in deployments:
        for step, seconds in deployment.timings.items():
            row.setdefault(f"{deployment.stack}.{step}", seconds)
        row[f"{deployment.stack}.resources"] = len(deployment.addresses)
    # a test's teardown: the module's emulator stops with its deployments in it (what the test fixtures do)
    kept = LocalAws(region="eu-west-1").start()
    row["example.alone"] = kept.deploy(outdir, "example", prepare=prepare).timings["apply"]  # no other stack beside
    begun = time.monotonic()
    kept.stop()
    row["teardown"] = time.monotonic() - begun
    aws.stop()
    row["peak"] = aws.peak_memory
    return row


def measure(repeats: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        outdir = Path(folder) / "cdktf.out"
        synth = synthesize(outdir)
        changed_trigger(outdir, Path(folder) / "changed")
        rows, before = [], []
        for _ in range(repeats):  # alternating, so noise hits both alike
            before.append(once(outdir, Path(folder) / "changed", hand_over=False))
            rows.append(once(outdir, Path(folder) / "changed"))
    median = {key: statistics.median(r[key] for r in rows) for key in rows[0] if key != "peak"}
    old = {key: statistics.median(r[key] for r in before) for key in before[0] if key != "peak"}
    return {"synth": synth, "median": median, "before": old, "peak": max(r["peak"] or 0 for r in rows), "repeats": repeats,
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
        f"| first apply (`terraform apply`, both side by side in the bring-up) | {m['example.apply']:.1f} s | {m['shared.apply']:.1f} s |",
        f"| second `terraform plan` (empty) | {m['example.plan']:.1f} s | {m['shared.plan']:.1f} s |",
        f"| `terraform destroy` (after lifting the pool's protection) | {m['example.destroy']:.1f} s | {m['shared.destroy']:.1f} s |",
        "",
        "| target (issue 39) | code through S3 (now) | `filename` (before) | ratio | goal |",
        "|---|---|---|---|---|",
    ]
    b = results["before"]
    for label, key, goal in (
        (f"bring-up of the whole app (emulator start {m['start']:.1f} s, then init and apply of both stacks, with "
         "`prepare`)", "up", 15),
        ("the `example` stack's first apply (alone on its emulator)", "example.alone", 10),
        ("re-apply with one trigger's code changed (plan, apply, state read)", "example.changed", 8),
        ("re-apply, unchanged (the synth applied last: no Terraform run)", "example.unchanged", 3),
        ("a test's teardown (`LocalAws.stop()` with the example deployed)", "teardown", 3),
    ):
        ratio = f"{m[key] / b[key]:.2f}x" if b[key] >= 0.05 else "n/a"
        lines.append(f"| {label} | {m[key]:.2f} s | {b[key]:.2f} s | {ratio} | {goal} s |")
    lines += [
        "",
        "Both columns come from this run, alternating; the second plan and destroy rows above are the",
        "S3 runs'. The `filename` column also has the other changes of issue 39 (state read from the file,",
        "no plan for an unchanged synth, the plan's details read beside its apply): only the code's path differs.",
        "",
        f"Emulator peak resident memory: {results['peak'] / 2**20:.0f} MiB (its own process; the functions' workers are",
        "separate processes).",
        "",
        "Where the time goes. Each packaged function's code reaches the emulator through its S3 (the Deploy locally guide's",
        "\"What differs from a real deploy\"), so the provider creates the functions side by side and their fixed",
        "5 s wait for `Active` is paid once, not once per function (before: one at a time behind a provider-wide",
        "lock, 83.8 s for the bring-up, 44.0 s for the example's apply). The emulator's endpoint reaches the",
        "provider through `AWS_ENDPOINT_URL` instead of an `endpoints` block, whose validation cost the provider",
        "about 2 s twice in every plan or apply (a plan of the deployed example: 4.7 s with the block, 2.7 s",
        "without; before this, 21.5 s for the bring-up, 15.7 s for the first apply, 15.4 s for the changed",
        "re-apply). What is left is the provider's own fixed waits and starts: the KMS key for the custom sender",
        "waits for five consecutive reads of its rotation and then of its policy (8.2 s of the first apply, on",
        "the path to the pool; everything else is done by then), a function's code update waits a fixed 5 s",
        "before its first check, and each Terraform command starts the provider and loads its schema (about",
        "1.3 s; a re-apply is a plan and an apply of it). The emulator answers a refresh of all 47 resources",
        "(92 calls) in 0.4 s. The shared stack's apply includes a real run of its updater function (a cold worker).",
        "",
    ]
    return lines


def main() -> None:
    bench_main(SECTION, measure, section, repeats=3)


if __name__ == "__main__":
    main()
