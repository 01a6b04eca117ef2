"""``UserPoolGroup``: a group of a user pool (``aws_cognito_user_group``), optionally with an IAM role.

A group's role reaches users through an identity pool: ``pool.add_identity_pool()`` maps the roles
of the pool's groups with a ``Token`` role mapping (Cognito reads ``cognito:preferred_role`` from the
ID token). Give a group a role created by ``identity_pool.create_role(...)``, whose trust policy is
scoped to that identity pool; a role of your own must trust ``cognito-identity.amazonaws.com`` the
same way.
"""

from __future__ import annotations

from typing import Any

from .._core.cdk import CognitoUserGroup, IamRole, Token
from constructs import Construct

from .._core.naming import construct_path
from .._core.policy import ROLE_ARN
from ..errors import ArgumentTypeError, ConfigurationError
from .identity_pool import IdentityPoolRole
from .ref import UserPoolRef, scope_of

__all__ = ["UserPoolGroup"]

_MAX_PRECEDENCE = 2**31 - 1


class UserPoolGroup(Construct):
    """A user pool group. Create it with ``pool.add_group(name, ...)``.

    :param pool: the pool the group belongs to.
    :param id: the construct id. Default (through ``add_group``): the group name.
    :param name: the group's name: 1 to 128 characters, no whitespace or control characters.
    :param precedence: which group's role wins when a user is in several (lower wins), 0 or more.
        Default: none (Cognito treats the group as lowest priority).
    :param role: the group's IAM role: an ``IdentityPoolRole`` (``identity_pool.create_role(...)``),
        an ``IamRole`` or a role ARN. Default: none.
    :param description: up to 2048 characters. Default: none.
    """

    def __init__(
        self,
        pool: UserPoolRef,
        id: str,
        *,
        name: str,
        precedence: int | None = None,
        role: IdentityPoolRole | IamRole | str | None = None,
        description: str | None = None,
    ) -> None:
        where = pool._path
        _check_name(name, where)
        if any(group.name == name for group in pool.groups):
            raise ConfigurationError(
                f"UserPool {where!r} already has a group named {name!r}. Group names are unique in a pool; "
                "choose another name.",
                construct_path=where,
                argument="name",
                value=name,
            )
        super().__init__(scope_of(pool), _construct_id(id))
        self.path = construct_path(self, scope_of(pool), _construct_id(id))
        """This construct's path."""
        if precedence is not None and (
            isinstance(precedence, bool) or not isinstance(precedence, int) or not 0 <= precedence <= _MAX_PRECEDENCE
        ):
            raise ConfigurationError(
                f"Group {name!r} of UserPool {where!r} got precedence={precedence!r}. Pass a whole number from 0 "
                f"to {_MAX_PRECEDENCE} (lower wins), or leave it out.",
                construct_path=self.path,
                argument="precedence",
                value=precedence,
            )
        if description is not None and len(description) > 2048:
            raise ConfigurationError(
                f"Group {name!r} of UserPool {where!r} got a description of {len(description)} characters; Cognito "
                "takes at most 2048. Shorten it.",
                construct_path=self.path,
                argument="description",
                value=description,
            )
        self.pool = pool
        """The pool the group belongs to."""
        self.name: str = name
        """The group's name."""
        self.role_arn: str | None = _role_arn(role, name, where)
        """The ARN of the group's IAM role, or ``None``."""
        self.resource = CognitoUserGroup(
            self,
            "Resource",
            name=name,
            user_pool_id=pool.user_pool_id,
            precedence=precedence,
            role_arn=self.role_arn,
            description=description,
        )


def _construct_id(id: str) -> str:
    return id.replace("/", "-")


def _check_name(name: Any, where: str) -> None:
    if not isinstance(name, str):
        raise ArgumentTypeError(
            f"add_group on UserPool {where!r} got name={name!r} of type {type(name).__name__}. Pass the group's "
            "name as a string.",
            argument="name",
            value=name,
            expected=("str",),
        )
    if not 1 <= len(name) <= 128 or any(ch.isspace() or not ch.isprintable() for ch in name):
        raise ConfigurationError(
            f"add_group on UserPool {where!r} got name={name!r}. A group name has 1 to 128 characters and no "
            "whitespace or control characters (Cognito's rule); e.g. 'admins'.",
            construct_path=where,
            argument="name",
            value=name,
        )


def _role_arn(role: Any, name: str, where: str) -> str | None:
    if role is None:
        return None
    if isinstance(role, IdentityPoolRole):
        return role.arn
    if isinstance(role, IamRole):
        return role.arn
    if isinstance(role, str):
        if Token.is_unresolved(role) or ROLE_ARN.match(role):
            return role
        raise ConfigurationError(
            f"Group {name!r} of UserPool {where!r} got role={role!r}, which is not an IAM role ARN "
            "(arn:aws:iam::<account>:role/<name>). Pass a role ARN, an IamRole, or identity_pool.create_role(...).",
            construct_path=where,
            argument="role",
            value=role,
        )
    raise ArgumentTypeError(
        f"Group {name!r} of UserPool {where!r} got role={role!r} of type {type(role).__name__}. Pass "
        "identity_pool.create_role(...), an IamRole or a role ARN.",
        argument="role",
        value=role,
        expected=("IdentityPoolRole", "IamRole", "role ARN"),
    )
