"""Snapshots of synthesized stacks for tests: readable, stable, and the same on any machine.

:func:`snapshot` synthesizes a stack (as ``cdktf synth`` would, without writing ``cdktf.out``) and
returns a :class:`StackSnapshot`: a Markdown document of the Terraform with each function this library
packaged shown by its files, pinned requirements and source (see :mod:`._document`). It is a ``str``,
so any snapshot tool stores it; :mod:`cdktf_userpool.testing.syrupy` is the syrupy integration.
Non-goal: a snapshot of what a deploy would change (that is ``cdktf diff``/``terraform plan``).
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from ..errors import ArgumentTypeError, SnapshotError, UserPoolError
from ._document import render, shown_terraform
from ._package import PackageSnapshot, describe_package

if TYPE_CHECKING:
    from .._core.cdk import TerraformStack
    from .._functions.function import Function

__all__ = ["PackageSnapshot", "StackSnapshot", "snapshot"]


class StackSnapshot(str):
    """The snapshot document of one stack (a ``str``), with its parts for tests that assert on them.

    :ivar stack: the stack's name.
    :ivar terraform: the synthesized Terraform as the document shows it (packaged functions point at
        their sections; machine paths made names), parsed.
    :ivar packages: each packaged function's description, by construct path.
    """

    stack: str
    terraform: Mapping[str, Any]
    packages: Mapping[str, PackageSnapshot]

    def __new__(cls, text: str, *, stack: str, terraform: Mapping[str, Any], packages: Mapping[str, PackageSnapshot]) -> StackSnapshot:
        made = super().__new__(cls, text)
        made.stack = stack
        made.terraform = terraform
        made.packages = MappingProxyType(dict(packages))
        return made


def _check_stack(stack: object) -> TerraformStack:
    from .._core.cdk import TerraformStack, check_backend

    check_backend(stack, argument="stack", where="snapshot()", root=False)
    if isinstance(stack, TerraformStack):
        return stack
    node = getattr(stack, "node", None)
    if node is not None:
        stacks = [c for c in node.find_all() if isinstance(c, TerraformStack)]
        if node.scope is None and stacks:  # the App
            names = ", ".join(repr(s.node.id) for s in stacks)
            fix = f"pass one of its stacks ({names}), e.g. snapshot(app.node.find_child({stacks[0].node.id!r}))"
        else:
            fix = "pass the stack that holds it: snapshot(TerraformStack.of(construct))"
        raise ArgumentTypeError(
            f"snapshot() takes a TerraformStack; got {type(stack).__name__} {node.path or '(the app)'!r}: {fix}.",
            argument="stack", value=stack, expected=("TerraformStack",),
        )
    raise ArgumentTypeError(
        f"snapshot() takes a TerraformStack; got {stack!r} ({type(stack).__name__}). Pass the stack your app builds.",
        argument="stack", value=stack, expected=("TerraformStack",),
    )


def _synth(stack: TerraformStack, name: str) -> dict[str, Any]:
    from .._core.cdk import Testing

    try:
        parsed: dict[str, Any] = json.loads(Testing.synth(stack))
    except UserPoolError:
        raise
    except Exception as exc:  # jsii's errors, a failing aspect, a token that does not resolve
        cause = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise SnapshotError(
            f"Stack {name!r} does not synthesize, so it has no snapshot: {cause}. Fix the stack until "
            "`cdktf synth` succeeds, then snapshot it.",
            stack=name, construct_path=stack.node.path,
        ) from exc
    return parsed


def _describe(fn: Function, stack: TerraformStack, name: str, function_block: Mapping[str, Any] | None) -> PackageSnapshot:
    address = f"aws_lambda_function.{stack.get_logical_id(fn.resource)}"
    try:
        archive = fn.archive_path.read_bytes()
    except OSError as exc:
        raise SnapshotError(
            f"The package of Function {fn.path!r} is missing ({exc.strerror}): the package cache was cleared after the "
            "stack was built. Build the stack again (or keep $CDKTF_USERPOOL_CACHE_DIR) before taking its snapshot.",
            stack=name, construct_path=fn.path,
        ) from exc
    expected = (function_block or {}).get("source_code_hash")
    found = base64.b64encode(hashlib.sha256(archive).digest()).decode()
    if isinstance(expected, str) and expected != found:
        raise SnapshotError(
            f"The package of Function {fn.path!r} changed on disk after the stack was built (its hash is {found!r}, the "
            f"stack says {expected!r}). Build the stack again before taking its snapshot.",
            stack=name, construct_path=fn.path,
        )
    try:
        return describe_package(
            archive, construct_path=fn.path, address=address, requirements=fn.requirements,
            runtime_provided=fn._pinned.skipped, layer_provided=fn.layer_provided,
        )
    except Exception as exc:  # zipfile's errors: not a zip
        raise SnapshotError(
            f"The package of Function {fn.path!r} cannot be read ({exc}). Build the stack again before taking its snapshot.",
            stack=name, construct_path=fn.path,
        ) from exc


def snapshot(stack: TerraformStack) -> StackSnapshot:
    """A stable, readable document of ``stack`` for snapshot tests.

    The stack is synthesized as ``cdktf synth`` would (aspects included; nothing is written to disk),
    and the Terraform shown with every function this library packaged replaced by a pointer to a
    section listing its files (own files one by one, each shipped distribution on one line, with sizes
    and content hashes), its pinned requirements and the full source of its generated handler. No
    absolute path, temp folder or time appears. On the two backends the document is the same, except
    for the AWS provider version each backend's bindings pin (``terraform.required_providers``).

    :param stack: the ``TerraformStack`` (of either backend) holding at least one user pool.
    :returns: the document, a ``str`` (see :class:`StackSnapshot` for its parts).
    :raises ArgumentTypeError: if ``stack`` is not a stack (an app, another construct: the message says
        which stack to pass).
    :raises SnapshotError: if the stack holds no user pool (no ``UserPool`` and no
        ``aws_cognito_user_pool``), does not synthesize, or a function's package is missing or changed.
    """
    from .._functions.function import Function
    from .._pool.user_pool import UserPool

    checked = _check_stack(stack)
    name = checked.node.id
    terraform = _synth(checked, name)
    constructs = checked.node.find_all()
    pools = [c for c in constructs if isinstance(c, UserPool)]
    if not pools and not (terraform.get("resource") or {}).get("aws_cognito_user_pool"):
        raise SnapshotError(
            f"Stack {name!r} holds no user pool (no UserPool and no aws_cognito_user_pool), so there is nothing for a "
            "user pool snapshot to show. Pass the stack that holds your pool.",
            stack=name, construct_path=checked.node.path,
        )
    blocks = (terraform.get("resource") or {}).get("aws_lambda_function") or {}
    packages = {}
    for fn in (c for c in constructs if isinstance(c, Function)):
        block = blocks.get(checked.get_logical_id(fn.resource))
        packages[fn.path] = _describe(fn, checked, name, block)
    shown = shown_terraform(terraform, list(packages.values()))
    return StackSnapshot(render(name, shown, list(packages.values())), stack=name, terraform=shown, packages=packages)
