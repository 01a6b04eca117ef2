"""Helpers to synthesize stacks into parsed JSON and to read the result."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any


def new_stack(name: str = "test", region: str = "us-east-1") -> Any:
    """A fresh stack with the AWS provider configured."""
    from tests._framework import Testing, TerraformStack
    from tests._framework import AwsProvider

    stack = TerraformStack(Testing.app(), name)
    AwsProvider(stack, "aws", region=region)
    return stack


def synth(stack: Any) -> dict[str, Any]:
    """The stack's Terraform JSON, parsed."""
    from tests._framework import Testing

    return json.loads(Testing.synth(stack))


def build(fn: Callable[[Any], Any], **kw: Any) -> dict[str, Any]:
    """Synthesize a fresh stack after ``fn(stack)`` configured it."""
    stack = new_stack(**kw)
    fn(stack)
    return synth(stack)


def only(doc: dict[str, Any], rtype: str, kind: str = "resource") -> tuple[str, dict[str, Any]]:
    """The single ``rtype`` block of ``doc``, with its logical name."""
    blocks = doc.get(kind, {}).get(rtype, {})
    assert len(blocks) == 1, f"expected one {rtype}, got {sorted(blocks)}"
    return next(iter(blocks.items()))


def ref(rtype: str, name: str, attr: str, kind: str = "resource") -> str:
    """A Terraform reference as cdktf renders it."""
    prefix = "data." if kind == "data" else ""
    return "${" + f"{prefix}{rtype}.{name}.{attr}" + "}"
