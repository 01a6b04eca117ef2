"""``pool.grant(function, *actions)``: IAM permissions on a pool for a function, without a dependency cycle.

The statements go into one ``aws_iam_role_policy`` per pool and role, a resource of its own that
refers to the role and the pool's ARN. The trigger function depends on its role, never on this
policy, so the pool -> function -> role chain does not loop back to the pool. Actions are checked
against the ``cognito-idp`` actions that take a user pool as their resource (Service Authorization
Reference, "Actions defined by Amazon Cognito User Pools"); wildcards are refused.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from .._core.cdk import IamRole, IamRolePolicy

from .._core.naming import physical_name
from .._core.policy import allow, policy_document
from ..errors import ArgumentTypeError, ConfigurationError
from .._functions.function import Function
from .ref import UserPoolRef

__all__ = ["MANAGE_USERS", "POOL_ACTIONS", "READ_USERS", "grant", "normalize_actions"]

POOL_ACTIONS: frozenset[str] = frozenset(
    """
    AddCustomAttributes AddUserPoolClientSecret AdminAddUserToGroup AdminConfirmSignUp AdminCreateUser
    AdminDeleteUser AdminDeleteUserAttributes AdminDisableProviderForUser AdminDisableUser AdminEnableUser
    AdminForgetDevice AdminGetDevice AdminGetUser AdminInitiateAuth AdminLinkProviderForUser AdminListDevices
    AdminListGroupsForUser AdminListUserAuthEvents AdminRemoveUserFromGroup AdminResetUserPassword
    AdminRespondToAuthChallenge AdminSetUserMFAPreference AdminSetUserPassword AdminSetUserSettings
    AdminUpdateAuthEventFeedback AdminUpdateDeviceStatus AdminUpdateUserAttributes AdminUserGlobalSignOut
    CreateGroup CreateIdentityProvider CreateManagedLoginBranding CreateResourceServer CreateTerms
    CreateUserImportJob CreateUserPoolClient CreateUserPoolDomain DeleteGroup DeleteIdentityProvider
    DeleteManagedLoginBranding DeleteResourceServer DeleteTerms DeleteUserPool DeleteUserPoolClient
    DeleteUserPoolClientSecret DeleteUserPoolDomain DescribeIdentityProvider DescribeManagedLoginBranding
    DescribeManagedLoginBrandingByClient DescribeResourceServer DescribeRiskConfiguration DescribeTerms
    DescribeUserImportJob DescribeUserPool DescribeUserPoolClient GetCSVHeader GetGroup
    GetIdentityProviderByIdentifier GetLogDeliveryConfiguration GetSigningCertificate GetUICustomization
    GetUserPoolMfaConfig ListGroups ListIdentityProviders ListResourceServers ListTagsForResource ListTerms
    ListUserImportJobs ListUserPoolClientSecrets ListUserPoolClients ListUsers ListUsersInGroup
    SetLogDeliveryConfiguration SetRiskConfiguration SetUICustomization SetUserPoolMfaConfig StartUserImportJob
    StopUserImportJob TagResource UntagResource UpdateGroup UpdateIdentityProvider UpdateManagedLoginBranding
    UpdateResourceServer UpdateTerms UpdateUserPool UpdateUserPoolClient UpdateUserPoolDomain
    """.split()
)
"""``cognito-idp`` actions whose resource is a user pool (without the prefix)."""

READ_USERS: tuple[str, ...] = ("AdminGetUser", "AdminListGroupsForUser", "ListUsers", "ListUsersInGroup")
"""What ``grant_read_users`` gives: read users and their group memberships."""

MANAGE_USERS: tuple[str, ...] = READ_USERS + (
    "AdminAddUserToGroup",
    "AdminConfirmSignUp",
    "AdminCreateUser",
    "AdminDeleteUser",
    "AdminDeleteUserAttributes",
    "AdminDisableUser",
    "AdminEnableUser",
    "AdminRemoveUserFromGroup",
    "AdminResetUserPassword",
    "AdminSetUserPassword",
    "AdminUpdateUserAttributes",
    "AdminUserGlobalSignOut",
)
"""What ``grant_manage_users`` gives: ``READ_USERS`` plus creating, changing and regrouping users."""

_PREFIX = "cognito-idp:"


def normalize_actions(actions: Iterable[Any], *, where: str, argument: str) -> list[str]:
    """``cognito-idp:``-prefixed, sorted, de-duplicated actions.

    :raises ConfigurationError: for no actions, a wildcard, another service, or an unknown action.
    """
    names: set[str] = set()
    given = list(actions)
    if not given:
        raise ConfigurationError(
            f"{argument} on UserPool {where!r} got no actions. Name the cognito-idp actions the function calls, "
            "e.g. pool.grant(fn, 'AdminAddUserToGroup'), or use grant_read_users / grant_manage_users.",
            construct_path=where,
            argument=argument,
            value=given,
        )
    for action in given:
        if not isinstance(action, str):
            raise ArgumentTypeError(
                f"{argument} on UserPool {where!r} got the action {action!r} of type {type(action).__name__}. "
                "Pass action names as strings, e.g. 'AdminGetUser'.",
                argument=argument,
                value=action,
                expected=("str",),
            )
        service, _, name = action.rpartition(":")
        if service not in ("", "cognito-idp"):
            raise ConfigurationError(
                f"{argument} on UserPool {where!r} got {action!r}, an action of another service: this grant is "
                "for the pool's own cognito-idp actions. Add other permissions with the function's "
                "policy_statements= or add_to_role_policy().",
                construct_path=where,
                argument=argument,
                value=action,
            )
        if "*" in name or "?" in name:
            raise ConfigurationError(
                f"{argument} on UserPool {where!r} got {action!r}: wildcards grant more than the function needs. "
                "List the actions it calls; grant_manage_users and grant_read_users name the common sets.",
                construct_path=where,
                argument=argument,
                value=action,
                choices=sorted(POOL_ACTIONS),
            )
        if name not in POOL_ACTIONS:
            close = difflib.get_close_matches(name, sorted(POOL_ACTIONS), n=1)
            hint = f" Did you mean {_PREFIX + close[0]!r}?" if close else ""
            raise ConfigurationError(
                f"{argument} on UserPool {where!r} got {action!r}, which is not a cognito-idp action on a user "
                f"pool.{hint} Actions that take no pool as their resource (ListUserPools, CreateUserPool) cannot "
                "be scoped to one and are not granted here.",
                construct_path=where,
                argument=argument,
                value=action,
                choices=sorted(POOL_ACTIONS),
            )
        names.add(name)
    return [_PREFIX + name for name in sorted(names)]


def _role_of(function: Any, *, where: str, argument: str) -> tuple[IamRole, str]:
    if isinstance(function, Function):
        return function.role, function.path
    if isinstance(function, IamRole):
        return function, function.node.path
    raise ArgumentTypeError(
        f"{argument} on UserPool {where!r} got {function!r} of type {type(function).__name__}. Pass a "
        "cdktf_userpool Function or the IamRole of your function (for a provider LambdaFunction, the role "
        "you gave it).",
        argument=argument,
        value=function,
        expected=("Function", "IamRole"),
    )


def grant(pool: UserPoolRef, function: Any, actions: Iterable[Any], *, label: str) -> IamRolePolicy:
    """Add ``actions`` on ``pool`` to the policy ``pool`` keeps for ``function``'s role (created on first use)."""
    where = pool._path
    role, owner_path = _role_of(function, where=where, argument=label)
    wanted = normalize_actions(actions, where=where, argument=label)
    grants: dict[str, tuple[IamRolePolicy, set[str]]] = pool.__dict__.setdefault("_grants", {})
    existing = grants.get(owner_path)
    if existing is None:
        policy_id = "Grant-" + physical_name(owner_path, max_length=200)
        policy = IamRolePolicy(
            pool,
            policy_id,
            name=physical_name(f"{where}/{policy_id}", max_length=128, allowed=r"\w+=,.@-"),
            role=role.name,
            policy="{}",
        )
        existing = grants[owner_path] = (policy, set())
    policy, granted = existing
    granted.update(wanted)
    policy.policy = policy_document([allow("UserPoolAccess", sorted(granted), pool.arn)])
    return policy
