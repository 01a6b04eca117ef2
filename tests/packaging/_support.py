"""Helpers shared by the packaging tests: run a package as Lambda would, in a fresh interpreter."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
FAKE_BOTO3 = HERE / "fake_boto3"


class Context:
    """The attributes of the Lambda context object that the corpus (and Powertools' Logger) reads."""

    function_name = "trigger-fn"
    function_version = "$LATEST"
    invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:trigger-fn"
    memory_limit_in_mb = 128
    aws_request_id = "request-1"
    log_group_name = "/aws/lambda/trigger-fn"
    log_stream_name = "local"

    def get_remaining_time_in_millis(self) -> int:
        return 5000


#: Runs ``cdktf_userpool_entry.handler(event, Context())`` with only the package (and the given
#: dependency directories) on the path, and prints the result as JSON.
RUNNER = r"""
import json, sys
package, extra, event = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3])
sys.path[:0] = [package, *extra]

class Context:
    function_name = "trigger-fn"
    function_version = "$LATEST"
    invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:trigger-fn"
    memory_limit_in_mb = 128
    aws_request_id = "request-1"
    log_group_name = "/aws/lambda/trigger-fn"
    log_stream_name = "local"

    def get_remaining_time_in_millis(self):
        return 5000

import cdktf_userpool_entry
result = cdktf_userpool_entry.handler(event, Context())
print("\n" + json.dumps(result, sort_keys=True))  # last line: the handler may print (logs) too
"""

#: Makes ``cdktf_userpool`` importable without running its ``__init__`` (which imports cdktf).
BOOTSTRAP = f"""
import sys, types
_package = types.ModuleType("cdktf_userpool")
_package.__path__ = [{str(REPO / "cdktf_userpool")!r}]
sys.modules["cdktf_userpool"] = _package
"""


def write_package(files: Mapping[str, bytes], directory: Path) -> Path:
    """Write a package's files under ``directory`` (which must be empty)."""
    for name, data in files.items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return directory


def run_in_lambda(
    package: Path,
    event: Any,
    *,
    extra_paths: Sequence[str] = (),
    env: Mapping[str, str] | None = None,
    python: str = sys.executable,
) -> Any:
    """Invoke the package's entry point in ``python -I -S`` and return the JSON-decoded result.

    :param python: the interpreter. Default: this one.
    """
    completed = subprocess.run(
        [python, "-I", "-S", "-c", RUNNER, str(package), json.dumps(list(extra_paths)), json.dumps(event)],
        capture_output=True,
        text=True,
        cwd=package,
        env={"PATH": os.environ.get("PATH", ""), **(env or {})},
        timeout=60,
    )
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout.rstrip("\n").rpartition("\n")[2])


def as_json(value: Any) -> Any:
    """``value`` as it comes back from the subprocess."""
    return json.loads(json.dumps(value, sort_keys=True))


def platform_architecture() -> str:
    """This machine's architecture, as Lambda names it."""
    import platform

    return {"aarch64": "arm64", "arm64": "arm64"}.get(platform.machine(), platform.machine())
