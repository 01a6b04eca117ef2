"""``python -m cdktf_userpool local up``: applies (two stacks side by side), prints how to reach each pool, serves
until interrupted."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from cdktf_userpool.local._cli import READY

from .conftest import ROOT


def read_until(process: subprocess.Popen[str], marker: str, timeout: float) -> str:
    """What ``process`` printed until a line containing ``marker`` (or it exited, or time ran out)."""
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout or ()], daemon=True).start()
    seen: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            seen.append(lines.get(timeout=1))
        except queue.Empty:
            if process.poll() is not None:
                break
            continue
        if marker in seen[-1]:
            break
    return "".join(seen)


def test_local_up_serves_the_stack_until_interrupted(toolchain: Any, test_app: Path) -> None:
    import boto3

    command = [sys.executable, "-m", "cdktf_userpool", "local", "up", "minimal", "grants", "--outdir", str(test_app)]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        out = read_until(process, READY, timeout=240)
        if "could not install the AWS provider" in out:
            pytest.skip(f"local deploy: {out.strip().splitlines()[-1]}")
        assert READY in out, out
        pool_id = re.search(r"pool minimal/Pool: (\S+)", out).group(1)  # type: ignore[union-attr]
        assert re.search(r"client minimal-Pool-Backend: \w+ secret \S+", out), out
        exports = dict(re.findall(r"(AWS_[A-Z_]+)=(\S+)", out.split("export ", 1)[1]))
        assert exports["AWS_ENDPOINT_URL"].startswith("http://127.0.0.1:") and exports["AWS_REGION"] == "eu-west-1"
        session = boto3.session.Session(aws_access_key_id=exports["AWS_ACCESS_KEY_ID"],
                                        aws_secret_access_key=exports["AWS_SECRET_ACCESS_KEY"], region_name="eu-west-1")
        idp = session.client("cognito-idp", endpoint_url=exports["AWS_ENDPOINT_URL"])
        assert idp.describe_user_pool(UserPoolId=pool_id)["UserPool"]["Id"] == pool_id
        assert f"output PoolId = {pool_id}" in out
        # the two stacks, applied side by side, both described
        assert re.search(r"stack grants \(eu-west-1\): \d+ resources", out) and "pool grants/Granted:" in out, out
    finally:
        process.send_signal(signal.SIGINT)
        code = process.wait(timeout=60)
    assert code == 0


def test_local_up_without_the_stack_says_so(test_app: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "cdktf_userpool", "local", "up", "nope", "--outdir", str(test_app)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 1
    assert "no synthesized stack 'nope'" in done.stderr and "grants, minimal, s3code, unimplemented" in done.stderr
