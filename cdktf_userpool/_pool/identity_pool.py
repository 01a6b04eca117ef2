"""``IdentityPool``: AWS credentials for the users of a user pool (``aws_cognito_identity_pool``).

The identity pool trusts the user pool's app clients (all of them by default, read at synth so
clients added later count). Signed-in users get the *authenticated* role; guests get the
*unauthenticated* role only when ``allow_unauthenticated=True``. Roles are attached with
``aws_cognito_identity_pool_roles_attachment``. Every role's trust policy is scoped to this identity
pool (``cognito-identity.amazonaws.com:aud``) and to the kind of identity (``amr``), so no other
identity pool can use it. When groups of the pool have roles, each client gets a ``Token`` role
mapping: Cognito takes the role from the ID token's ``cognito:preferred_role`` (the group with the
lowest precedence) and falls back to the authenticated role.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .._core.cdk import (
    CognitoIdentityPool,
    CognitoIdentityPoolCognitoIdentityProviders,
    CognitoIdentityPoolRolesAttachment,
    CognitoIdentityPoolRolesAttachmentRoleMapping,
    IamRole,
    IamRolePolicy,
)
from constructs import Construct

from .._core.naming import construct_path, physical_name
from .._core.synth_hooks import render_at_synth
from .._core.policy import allow, policy_document
from ..errors import ArgumentTypeError, ConfigurationError
from .client import UserPoolClient
from .ref import UserPoolRef, scope_of

__all__ = ["IdentityPool", "IdentityPoolRole"]

_IDENTITY_SERVICE = "cognito-identity.amazonaws.com"
_ACTION = re.compile(r"^[a-z0-9-]+:[A-Za-z0-9*?]+$")


class IdentityPoolRole(Construct):
    """An IAM role that users of one identity pool assume; create extra ones with ``identity_pool.create_role``.

    :ivar role: the ``IamRole``.
    :ivar arn: its ARN.
    :ivar authenticated: whether signed-in users (``True``) or guests (``False``) assume it.
    """

    def __init__(self, identity_pool: IdentityPool, id: str, *, authenticated: bool, description: str | None) -> None:
        super().__init__(identity_pool, id)
        self.path = construct_path(self, identity_pool, id)
        self.authenticated = authenticated
        self._identity_pool = identity_pool
        self.role = IamRole(
            self,
            "Resource",
            name=physical_name(self.path, max_length=64, allowed=r"\w+=,.@-"),
            description=description,
            assume_role_policy=policy_document(
                [
                    {
                        "Sid": "AssumeFromThisIdentityPool",
                        "Effect": "Allow",
                        "Principal": {"Federated": _IDENTITY_SERVICE},
                        "Action": ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"],
                        "Condition": {
                            "StringEquals": {f"{_IDENTITY_SERVICE}:aud": identity_pool.identity_pool_id},
                            "ForAnyValue:StringLike": {
                                f"{_IDENTITY_SERVICE}:amr": "authenticated" if authenticated else "unauthenticated"
                            },
                        },
                    }
                ]
            ),
        )
        self.arn: str = self.role.arn
        self._statements: list[dict[str, Any]] = []
        self._policy: IamRolePolicy | None = None

    def grant(self, actions: Sequence[str], resources: Sequence[str], *, allow_any_resource: bool = False) -> IamRolePolicy:
        """Let this role's users call ``actions`` on ``resources`` (one statement in the role's policy).

        :param actions: IAM actions (``"s3:GetObject"``); ``"*"`` and ``"<service>:*"`` are refused.
        :param resources: ARNs (Terraform references welcome). ``"*"`` is refused unless
            ``allow_any_resource=True`` (for actions that support no resource scoping).
        :returns: the role's policy resource (one per role, holding every grant).
        """
        where = self.path
        actions, resources = list(actions), list(resources)
        if not actions or not resources:
            raise ConfigurationError(
                f"grant on {where!r} got actions={actions!r}, resources={resources!r}: both need at least one "
                "entry. Name the actions and the ARNs they act on.",
                construct_path=where,
                argument="actions" if not actions else "resources",
                value=actions if not actions else resources,
            )
        for action in actions:
            if not isinstance(action, str) or not _ACTION.match(action) or action.endswith(":*"):
                raise ConfigurationError(
                    f"grant on {where!r} got the action {action!r}. Name each action as service:Action "
                    "(e.g. 's3:GetObject'); '*' and 'service:*' grant more than users need.",
                    construct_path=where,
                    argument="actions",
                    value=action,
                )
        if "*" in resources and not allow_any_resource:
            raise ConfigurationError(
                f"grant on {where!r} got resources=['*']. Scope the statement to the ARNs users need; for actions "
                "that support no resource scoping pass allow_any_resource=True.",
                construct_path=where,
                argument="resources",
                value=resources,
            )
        self._statements.append(
            allow(f"Grant{len(self._statements)}", actions, resources[0] if len(resources) == 1 else resources)
        )
        if self._policy is None:
            self._policy = IamRolePolicy(
                self, "Policy", name=physical_name(f"{self.path}/Policy", max_length=128, allowed=r"\w+=,.@-"),
                role=self.role.name, policy="{}",
            )
        self._policy.policy = policy_document(self._statements)
        return self._policy


class IdentityPool(Construct):
    """An identity pool for a user pool's users. Create it with ``pool.add_identity_pool(...)``.

    :param pool: the user pool whose users sign in.
    :param id: the construct id. Default (through ``add_identity_pool``): ``"IdentityPool"``.
    :param name: the identity pool's name. Default: derived from the construct path.
    :param clients: the app clients whose tokens are accepted. Default: every client of the pool,
        read at synth.
    :param allow_unauthenticated: give guests (no sign-in) the unauthenticated role. Default: ``False``.
    :param server_side_token_check: have Cognito check that tokens were not revoked (global sign-out).
        Default: ``True``.
    """

    def __init__(
        self,
        pool: UserPoolRef,
        id: str,
        *,
        name: str | None = None,
        clients: Sequence[UserPoolClient] | None = None,
        allow_unauthenticated: bool = False,
        server_side_token_check: bool = True,
    ) -> None:
        super().__init__(scope_of(pool), id)
        self.path = construct_path(self, scope_of(pool), id)
        self.pool = pool
        self._clients = None if clients is None else self._check_clients(clients)
        self._server_side_token_check = server_side_token_check
        if name is not None and not re.fullmatch(r"[\w\s+=,.@-]{1,128}", name):
            raise ConfigurationError(
                f"IdentityPool {self.path!r} got name={name!r}. Use 1 to 128 letters, digits, spaces and "
                "+=,.@_- (Cognito's rule).",
                construct_path=self.path,
                argument="name",
                value=name,
            )
        self.resource = CognitoIdentityPool(
            self,
            "Resource",
            identity_pool_name=name or physical_name(self.path, max_length=128, allowed=r"\w\s+=,.@-", sep=" "),
            allow_unauthenticated_identities=allow_unauthenticated,
            allow_classic_flow=False,
        )
        self.identity_pool_id: str = self.resource.id
        """The identity pool's ID."""
        self.authenticated = IdentityPoolRole(self, "AuthenticatedRole", authenticated=True, description=None)
        """The role of signed-in users."""
        self.unauthenticated: IdentityPoolRole | None = (
            IdentityPoolRole(self, "UnauthenticatedRole", authenticated=False, description=None)
            if allow_unauthenticated
            else None
        )
        """The role of guests, when ``allow_unauthenticated=True``; else ``None``."""
        roles = {"authenticated": self.authenticated.arn}
        if self.unauthenticated is not None:
            roles["unauthenticated"] = self.unauthenticated.arn
        self.roles_attachment = CognitoIdentityPoolRolesAttachment(
            self, "Roles", identity_pool_id=self.identity_pool_id, roles=roles
        )
        render_at_synth(self.resource, self._render)

    def create_role(self, id: str, *, description: str | None = None) -> IdentityPoolRole:
        """A role for signed-in users of this identity pool, e.g. a group's role (``pool.add_group(..., role=...)``)."""
        return IdentityPoolRole(self, id, authenticated=True, description=description)

    def grant_authenticated(self, actions: Sequence[str], resources: Sequence[str], **kwargs: Any) -> IamRolePolicy:
        """Let signed-in users call ``actions`` on ``resources``; see :meth:`IdentityPoolRole.grant`."""
        return self.authenticated.grant(actions, resources, **kwargs)

    def grant_unauthenticated(self, actions: Sequence[str], resources: Sequence[str], **kwargs: Any) -> IamRolePolicy:
        """Let guests call ``actions`` on ``resources``; needs ``allow_unauthenticated=True``."""
        if self.unauthenticated is None:
            raise ConfigurationError(
                f"IdentityPool {self.path!r} has no unauthenticated role, so guests cannot be granted anything. "
                "Pass allow_unauthenticated=True to add_identity_pool if guests should get AWS credentials.",
                construct_path=self.path,
                argument="allow_unauthenticated",
                value=False,
            )
        return self.unauthenticated.grant(actions, resources, **kwargs)

    # -- synth ---------------------------------------------------------------------------------------

    def _check_clients(self, clients: Sequence[Any]) -> list[UserPoolClient]:
        for client in clients:
            if not isinstance(client, UserPoolClient):
                raise ArgumentTypeError(
                    f"IdentityPool {self.path!r} got clients=[..., {client!r}, ...]; each must be a client from "
                    "pool.add_client(...).",
                    argument="clients",
                    value=client,
                    expected=("UserPoolClient",),
                )
            if client.pool is not self.pool:
                raise ConfigurationError(
                    f"IdentityPool {self.path!r} got the client {client.node.path!r} of another user pool. Pass "
                    f"clients of {self.pool._path!r}.",
                    construct_path=self.path,
                    argument="clients",
                    value=client,
                )
        return list(clients)

    def _render(self) -> None:
        clients = self._clients if self._clients is not None else list(self.pool.clients)
        endpoint = self.pool.endpoint
        self.resource.put_cognito_identity_providers(
            [
                CognitoIdentityPoolCognitoIdentityProviders(
                    client_id=client.client_id,
                    provider_name=endpoint,
                    server_side_token_check=self._server_side_token_check,
                )
                for client in clients
            ]
        )
        if any(group.role_arn is not None for group in self.pool.groups):
            self.roles_attachment.put_role_mapping(
                [
                    CognitoIdentityPoolRolesAttachmentRoleMapping(
                        identity_provider=f"{endpoint}:{client.client_id}",
                        type="Token",
                        ambiguous_role_resolution="AuthenticatedRole",
                    )
                    for client in clients
                ]
            )
