"""How a stack's packaged functions travel to the emulator: through its S3, the provider's unlocked path.

The AWS provider creates or updates a function whose code is a local ``filename`` one at a time: it
holds one provider-wide lock (``aws_lambda_function``) across a fixed 5 s wait for the function to
become active, so N packaged functions cost at least 5·N seconds. A function whose code is an S3
object takes no lock, so its wait runs beside the others'. The working copy therefore hands each
package the stack names by ``filename`` to a bucket of the emulator (:data:`BUCKET`, created on first
use; the object's key is the package's SHA-256, so an unchanged package keeps its key) and the
override file points the function there: ``s3_bucket`` and ``s3_key``, ``filename`` unset. The bytes
are the synthesized archive's, so Lambda's ``CodeSha256`` is the stack's ``source_code_hash``, and
what runs is what a real deploy runs; the user's ``cdktf.out`` is never written.

Left as they are: functions in child modules (an override file reaches the root module only) and a
``filename`` that is an expression or names no file (Terraform reports it, as it would in AWS).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import LocalDeployError

__all__ = ["BUCKET", "Package", "hand_over", "override_resources", "packages"]

BUCKET = "cdktf-userpool-local-code"
"""The emulator's bucket holding the packages of the stacks it deploys (not one of any stack's resources)."""

_FUNCTION = "aws_lambda_function"

HAND_OVER = True
"""Whether deploys hand packages over through S3; ``bench/local.py`` turns it off to time the provider's own
``filename`` path in the same run (nothing else does)."""


@dataclass(frozen=True)
class Package:
    """A function's package as the stack names it.

    :ivar name: the ``aws_lambda_function``'s resource name.
    :ivar path: the archive, in the stack's folder.
    :ivar sha256: its SHA-256, hex.
    """

    name: str
    path: Path
    sha256: str

    @property
    def key(self) -> str:
        """The object's key in :data:`BUCKET`."""
        return f"{self.sha256}.zip"


def packages(doc: Mapping[str, Any], stack_dir: Path) -> list[Package]:
    """The root module's functions whose code is a literal ``filename`` naming a file in ``stack_dir``, by name
    (none while :data:`HAND_OVER` is off)."""
    found: list[Package] = []
    if not HAND_OVER:
        return found
    for name, block in sorted(((doc.get("resource") or {}).get(_FUNCTION) or {}).items()):
        filename = block.get("filename") if isinstance(block, Mapping) else None
        if not isinstance(filename, str) or "${" in filename:
            continue
        path = stack_dir / filename
        if path.is_file():
            found.append(Package(name, path, hashlib.sha256(path.read_bytes()).hexdigest()))
    return found


def hand_over(s3: Callable[[], Any], found: Iterable[Package], region: str, *, stack: str) -> None:
    """Put each package in :data:`BUCKET` (in ``region``, created if missing) unless an object of its key is there.

    :param s3: returns a boto3 S3 client for the emulator.
    :param stack: the stack's name, for the error.
    :raises LocalDeployError: if the emulator refuses or does not answer (its message, the function named),
        before Terraform runs.
    """
    wanted = {p.key: p for p in found}
    if not wanted:
        return
    step, package = f"listing the emulator's buckets for stack {stack!r}", None
    try:
        client = s3()
        if BUCKET not in {b["Name"] for b in client.list_buckets().get("Buckets", [])}:
            step = f"creating the emulator's bucket {BUCKET} for stack {stack!r}"
            where = {} if region == "us-east-1" else {"CreateBucketConfiguration": {"LocationConstraint": region}}
            client.create_bucket(Bucket=BUCKET, **where)
        step = f"listing the emulator's bucket {BUCKET} for stack {stack!r}"
        held = {o["Key"] for page in client.get_paginator("list_objects_v2").paginate(Bucket=BUCKET)
                for o in page.get("Contents", [])}
        for key, package in sorted(wanted.items()):
            if key not in held:
                step = f"handing the code of aws_lambda_function.{package.name} to the emulator's S3"
                client.put_object(Bucket=BUCKET, Key=key, Body=package.path.read_bytes())
    except Exception as exc:  # botocore's ClientError (the emulator's answer) or a connection error
        raise _failed(step, exc, stack, package) from exc


def _failed(step: str, exc: BaseException, stack: str, package: Package | None) -> LocalDeployError:
    return LocalDeployError(
        f"{step} failed: {exc}. Nothing was applied. Is the emulator still running (LocalAws.start)?",
        stack=stack, command="upload", address=f"aws_lambda_function.{package.name}" if package else None,
        provider_message=str(exc),
    )


def override_resources(found: Iterable[Package]) -> dict[str, Any]:
    """The override's ``resource`` blocks pointing each function at its object (``{}`` when there is none)."""
    blocks = {p.name: {"filename": None, "s3_bucket": BUCKET, "s3_key": p.key} for p in found}
    return {_FUNCTION: blocks} if blocks else {}
