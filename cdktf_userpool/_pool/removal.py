"""What happens to a pool's users when Terraform would delete the pool: ``UserPool(removal_policy=...)``.

A user pool holds the users; deleting it (or replacing it, which Terraform does for a change the
provider cannot make in place, such as ``username_attributes``) loses all of them. By default
(``removal_policy="retain"``) a pool is protected twice:

- ``deletion_protection = "ACTIVE"``: Cognito refuses ``DeleteUserPool``, whoever calls it;
- ``lifecycle { prevent_destroy = true }``: Terraform refuses any plan that deletes or replaces it,
  before anything is changed.

``removal_policy="destroy"`` (throwaway stacks: previews, tests) sets neither.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, get_args

from .._core.cdk import Token
from ..errors import ConfigurationError

RemovalPolicy = Literal["retain", "destroy"]
"""``"retain"`` (the default): the pool is protected from deletion; ``"destroy"``: Terraform may delete it."""

REMOVAL_POLICIES: tuple[str, ...] = get_args(RemovalPolicy)
_PROTECTION = ("ACTIVE", "INACTIVE")


def _prevent_destroy(lifecycle: Any) -> Any:
    """The ``prevent_destroy`` the user's ``lifecycle`` (a dict or a ``TerraformResourceLifecycle``) sets, or ``None``."""
    if lifecycle is None:
        return None
    if isinstance(lifecycle, Mapping):
        return lifecycle.get("prevent_destroy")
    return getattr(lifecycle, "prevent_destroy", None)


def protection(removal_policy: Any, props: Mapping[str, Any], *, path: str) -> dict[str, Any]:
    """The arguments ``removal_policy`` adds to the pool's (``deletion_protection``), after checking them against ``props``.

    :raises ConfigurationError: if ``removal_policy`` is not one of :data:`REMOVAL_POLICIES`, or ``props`` contradict it
        (``deletion_protection`` or ``lifecycle.prevent_destroy`` opting out while ``removal_policy="retain"``,
        or opting in while ``removal_policy="destroy"``).
    """
    if removal_policy not in REMOVAL_POLICIES:
        raise ConfigurationError(
            f"UserPool {path!r} got removal_policy={removal_policy!r}; it takes {' or '.join(map(repr, REMOVAL_POLICIES))}. Keep the "
            "default 'retain' for a pool with users (deletion protection and prevent_destroy), or pass 'destroy' "
            "for a throwaway stack.",
            construct_path=path, argument="removal_policy", value=removal_policy, choices=REMOVAL_POLICIES,
        )
    given = props.get("deletion_protection")
    literal = given is not None and not (isinstance(given, str) and Token.is_unresolved(given))
    if literal and given not in _PROTECTION:
        raise ConfigurationError(
            f"UserPool {path!r} got deletion_protection={given!r}; it takes 'ACTIVE' or 'INACTIVE'. Leave it out: "
            "removal_policy= decides it ('retain', the default, sets 'ACTIVE').",
            construct_path=path, argument="deletion_protection", value=given, choices=_PROTECTION,
        )
    prevent = _prevent_destroy(props.get("lifecycle"))
    if removal_policy == "retain":
        if literal and given == "INACTIVE" or prevent is False:
            argument, value = ("deletion_protection", given) if prevent is not False else ("lifecycle", props["lifecycle"])
            raise ConfigurationError(
                f"UserPool {path!r} got {argument}={value!r}, which lets the pool and its users be deleted, while "
                "removal_policy='retain' (the default) protects them. For a throwaway pool pass removal_policy='destroy' instead "
                f"(and drop {argument}); for a pool with users drop {argument}.",
                construct_path=path, argument=argument, value=value, choices=REMOVAL_POLICIES,
            )
        return {} if given is not None else {"deletion_protection": "ACTIVE"}
    if literal and given == "ACTIVE" or prevent is True:
        argument, value = ("deletion_protection", given) if prevent is not True else ("lifecycle", props["lifecycle"])
        raise ConfigurationError(
            f"UserPool {path!r} got removal_policy='destroy' and {argument}={value!r}, which protects the pool from "
            "deletion: the two contradict each other. Drop removal_policy='destroy' (the default 'retain' sets deletion "
            f"protection and prevent_destroy), or drop {argument}.",
            construct_path=path, argument="removal_policy", value=removal_policy, choices=REMOVAL_POLICIES,
        )
    return {}


def protect(resource: Any, removal_policy: RemovalPolicy) -> None:
    """Add ``lifecycle.prevent_destroy`` to ``resource`` (a ``CognitoUserPool``) for ``"retain"``; nothing for ``"destroy"``.

    An override, so it merges with a ``lifecycle`` the user gave (``ignore_changes``, ...).
    """
    if removal_policy == "retain":
        resource.add_override("lifecycle.prevent_destroy", True)


def protect_wrapped(resource: Any, removal_policy: Any, *, path: str) -> None:
    """Apply ``removal_policy`` to a provider ``CognitoUserPool`` wrapped by ``UserPool.from_()``, checked against
    what the user set on it (``deletion_protection``, ``lifecycle``) as for the constructor's arguments."""
    props = {"deletion_protection": resource.deletion_protection_input, "lifecycle": resource.lifecycle}
    added = protection(removal_policy, props, path=path)
    if "deletion_protection" in added:
        resource.deletion_protection = added["deletion_protection"]
    protect(resource, removal_policy)
