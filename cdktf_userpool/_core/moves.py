"""Terraform ``moved`` blocks for a construct whose id changed, so Terraform plans a move, not a destroy.

A resource's address derives from its construct path (``aws_cognito_user_pool.Pool_D3F588B8``), so a
new id or a new parent is, to Terraform, a destroy and a create: for a pool, a new and empty pool.
:func:`moved_from` emits, at synth, a ``moved`` block for every resource under a renamed construct, from
the address that resource had under the old id (computed by the stack's own naming, so a stack that
overrides ``allocate_logical_id`` is honoured) to its address now. This library uses it for any address
it has to change between versions; apps use it when they rename a construct of their own.
"""

from __future__ import annotations

from typing import Any, cast

import jsii
from constructs import Construct, IConstruct

from .cdk import Aspects, IAspect, TerraformResource, TerraformStack
from ..errors import ConfigurationError

__all__ = ["moved_from"]

_MOVED = "_cdktf_userpool_moved_from"


def moved_from(construct: IConstruct, old_id: str) -> None:
    """Keep the Terraform state of ``construct``'s resources after its id changed from ``old_id``.

    Every Terraform resource under ``construct`` when the stack is synthesized (resources added after
    this call included) gets a ``moved`` block from the address it had when ``construct`` was called
    ``old_id`` under the same parent, so ``terraform plan`` shows a move and no destroy. Keep the block
    until every state has been applied with it; removing it later is safe once no state holds the old
    address. Physical names this library derives from construct paths (a pool's or client's ``name``, a
    function's name and role) follow the new path and would be replaced: pass the old ``name=`` to the
    pool and its clients (``check-plan`` stops a pipeline where a pool or client would be replaced).

    :param construct: the renamed construct (a :class:`UserPool`, a :class:`Function`, or any construct
        of the app holding Terraform resources).
    :param old_id: its id before the rename, under the same parent.
    :raises ConfigurationError: ``old_id`` is not a construct id, is the current id, or is the id of
        another construct that still exists there; ``construct`` is a stack or an app; or ``moved_from``
        was already called for it. A construct added at ``old_id`` after the call fails the synth with
        the same kind of message (jsii hands it back as a ``RuntimeError``).
    """
    node = construct.node
    where = node.path
    if not isinstance(old_id, str) or not old_id or "/" in old_id:
        raise ConfigurationError(
            f"moved_from({where!r}) got old_id={old_id!r}, which is not a construct id. Pass the construct's "
            "id before the rename under the same parent: a non-empty string without '/'.",
            construct_path=where, argument="old_id", value=old_id,
        )
    scope = node.scope
    if scope is None or TerraformStack.is_stack(construct):
        raise ConfigurationError(
            f"moved_from({where!r}) got a {'stack' if scope is not None else 'root (app)'}: its resources' "
            "addresses do not include its id. Call moved_from on the renamed construct inside the stack.",
            construct_path=where, argument="construct", value=where,
        )
    if old_id == node.id:
        raise ConfigurationError(
            f"moved_from({where!r}) got old_id={old_id!r}, its current id: nothing moves. Pass the id it had "
            "before the rename, or remove the call.",
            construct_path=where, argument="old_id", value=old_id,
        )
    if scope.node.try_find_child(old_id) is not None:
        raise ConfigurationError(
            f"moved_from({where!r}) got old_id={old_id!r}, but {scope.node.path}/{old_id} still exists: its "
            "resources hold those addresses. Rename or remove that construct, or pass the right old id.",
            construct_path=where, argument="old_id", value=old_id,
        )
    done = getattr(construct, "__dict__", {}).get(_MOVED)
    if done is not None:
        raise ConfigurationError(
            f"moved_from({where!r}) was already called with old_id={done!r}; got old_id={old_id!r} too. "
            "A construct moves from one address: keep one call.",
            construct_path=where, argument="old_id", value=old_id,
        )
    construct.__dict__[_MOVED] = old_id
    Aspects.of(construct).add(_MoveAtSynth(construct, old_id))


def old_address(resource: Any, construct: IConstruct, old_id: str) -> str | None:
    """The address ``resource`` (under ``construct``) had when ``construct`` was ``old_id``.

    ``None`` when its address does not follow the path (``override_logical_id``).
    """
    stack = TerraformStack.of(resource)
    if stack.get_logical_id(resource) != resource.friendly_unique_id:
        return None
    scope = construct.node.scope
    assert scope is not None
    below = [c.node.id for c in resource.node.scopes[len(construct.node.scopes):]]
    if scope.node.try_find_child(old_id) is not None:
        raise ConfigurationError(
            f"moved_from({construct.node.path!r}) got old_id={old_id!r}, but {scope.node.path}/{old_id} was "
            "added after the call: its resources hold those addresses. Rename or remove that construct.",
            construct_path=construct.node.path, argument="old_id", value=old_id,
        )
    scratch = leaf = Construct(cast(Construct, scope), old_id)  # where the resource was; removed at once
    try:
        for child_id in below:
            leaf = Construct(leaf, child_id)
        logical_id = stack.get_logical_id(leaf.node)
    finally:
        scope.node.try_remove_child(scratch.node.id)
    return f"{resource.terraform_resource_type}.{logical_id}"


@jsii.implements(IAspect)
class _MoveAtSynth:
    def __init__(self, construct: IConstruct, old_id: str) -> None:
        self._construct = construct
        self._old_id = old_id

    def visit(self, node: IConstruct) -> None:
        """Called by cdktf for each construct under the renamed one, before the stack is written."""
        if not TerraformResource.is_terraform_resource(node):
            return
        address = old_address(node, self._construct, self._old_id)
        if address is not None:
            node.move_from_id(address)  # type: ignore[attr-defined]
