"""``UserPoolRef``: the user pool as the constructs it creates see it, so none of them imports ``user_pool``.

AWS CDK's ``IUserPoolRef`` does the same (a separate interfaces module "so that they can be referenced
... without introducing cyclic dependencies"): clients, domains, resource servers, groups, identity
pools and grants take their pool as this protocol, and :class:`~.user_pool.UserPool`, which creates
them (``add_client`` and its siblings), imports them. ``UserPool`` is its one implementation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, cast, runtime_checkable

if TYPE_CHECKING:
    from constructs import Construct, Node

__all__ = ["UserPoolRef", "scope_of"]


@runtime_checkable
class UserPoolRef(Protocol):
    """What a construct of the pool reads of it: its path, IDs, endpoint, key, registries and construct node.

    ``isinstance(value, UserPoolRef)`` is the check a child makes of the ``pool`` it is given (true for a
    ``UserPool``; false for a provider ``CognitoUserPool`` or anything else).
    """

    @property
    def node(self) -> Node: ...

    @property
    def _path(self) -> str: ...

    @property
    def user_pool_id(self) -> str: ...

    @property
    def arn(self) -> str: ...

    @property
    def endpoint(self) -> str: ...

    @property
    def kms_key_arn(self) -> str | None: ...

    @property
    def clients(self) -> tuple[Any, ...]: ...

    @property
    def groups(self) -> tuple[Any, ...]: ...

    def _registry(self, kind: str) -> list[Any]: ...

    def _register_client(self, client: Any) -> None: ...


def scope_of(pool: UserPoolRef) -> Construct:
    """``pool`` as the construct scope of what it creates (a ``UserPool`` is a ``Construct``)."""
    return cast("Construct", pool)
