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

__all__ = ["BUCKET", "Package", "hand_over", "override_resources", "packages"]

BUCKET = "cdktf-userpool-local-code"
"""The emulator's bucket holding the packages of the stacks it deploys (not one of any stack's resources)."""

_FUNCTION = "aws_lambda_function"


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
    """The root module's functions whose code is a literal ``filename`` naming a file in ``stack_dir``, by name."""
    found = []
    for name, block in sorted(((doc.get("resource") or {}).get(_FUNCTION) or {}).items()):
        filename = block.get("filename") if isinstance(block, Mapping) else None
        if not isinstance(filename, str) or "${" in filename:
            continue
        path = stack_dir / filename
        if path.is_file():
            found.append(Package(name, path, hashlib.sha256(path.read_bytes()).hexdigest()))
    return found


def hand_over(s3: Callable[[], Any], found: Iterable[Package], region: str) -> None:
    """Put each package in :data:`BUCKET` (in ``region``, created if missing) unless an object of its key is there.

    :param s3: returns a boto3 S3 client for the emulator.
    """
    wanted = {p.key: p for p in found}
    if not wanted:
        return
    client = s3()
    if BUCKET not in {b["Name"] for b in client.list_buckets().get("Buckets", [])}:
        where = {} if region == "us-east-1" else {"CreateBucketConfiguration": {"LocationConstraint": region}}
        client.create_bucket(Bucket=BUCKET, **where)
    held = {o["Key"] for page in client.get_paginator("list_objects_v2").paginate(Bucket=BUCKET)
            for o in page.get("Contents", [])}
    for key, package in sorted(wanted.items()):
        if key not in held:
            client.put_object(Bucket=BUCKET, Key=key, Body=package.path.read_bytes())


def override_resources(found: Iterable[Package]) -> dict[str, Any]:
    """The override's ``resource`` blocks pointing each function at its object (``{}`` when there is none)."""
    blocks = {p.name: {"filename": None, "s3_bucket": BUCKET, "s3_key": p.key} for p in found}
    return {_FUNCTION: blocks} if blocks else {}
