"""The sign-in and access-control methods of ``UserPool``: clients, domain, resource servers, groups,
identity pool, and grants on the pool for trigger functions.

Each method is a thin entry point: the constructs live in their own modules (``client``,
``domain``, ``resource_server``, ``group``, ``identity_pool``) and the grants in ``grants``. The pool
creates them, so this module imports them; they take the pool as a :class:`~.ref.UserPoolRef` and
import neither this module nor ``user_pool``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .client import UserPoolClient
from .domain import UserPoolDomain
from .grants import MANAGE_USERS, READ_USERS, grant
from .group import UserPoolGroup
from .identity_pool import IdentityPool
from .resource_server import ResourceServer

if TYPE_CHECKING:
    from .._core.cdk import IamRole, IamRolePolicy
    from .._functions.function import Function
    from .identity_pool import IdentityPoolRole


class AccessMethods:
    """Mixin holding the access-control methods; ``UserPool`` supplies ``_path`` and ``resource``."""

    if TYPE_CHECKING:
        _path: str

    # -- registries --------------------------------------------------------------------------------

    def _registry(self, kind: str) -> list[Any]:
        registries: dict[str, list[Any]] = self.__dict__.setdefault("_access_registries", {})
        return registries.setdefault(kind, [])

    def _register_client(self, client: UserPoolClient) -> None:
        """Called by ``UserPoolClient`` on creation."""
        self._registry("clients").append(client)

    @property
    def clients(self) -> tuple[UserPoolClient, ...]:
        """The app clients added with :meth:`add_client`, in the order they were added."""
        return tuple(self._registry("clients"))

    @property
    def groups(self) -> tuple[UserPoolGroup, ...]:
        """The groups added with :meth:`add_group`, in the order they were added."""
        return tuple(self._registry("groups"))

    # -- sign-in -----------------------------------------------------------------------------------

    def add_client(self, id: str, **props: Any) -> UserPoolClient:
        """Add an app client (``aws_cognito_user_pool_client``); see :class:`UserPoolClient` for the defaults.

        :param id: the construct id (the client's name defaults to one derived from its path).
        :param props: the client's settings, as the provider's ``CognitoUserPoolClient`` takes them.
        """
        return UserPoolClient(self, id, **props)  # type: ignore[arg-type]

    def add_domain(
        self,
        id: str = "Domain",
        *,
        prefix: str | None = None,
        domain: str | None = None,
        certificate_arn: str | None = None,
        managed_login_version: int | None = None,
    ) -> UserPoolDomain:
        """Add the pool's sign-in domain (``aws_cognito_user_pool_domain``): a Cognito prefix or a custom domain.

        :param id: the construct id. Default: ``"Domain"``.
        :param prefix: the Cognito-hosted prefix (``https://<prefix>.auth.<region>.amazoncognito.com``).
        :param domain: a custom domain name, with ``certificate_arn`` (an ACM certificate in us-east-1).
        :param certificate_arn: the ACM certificate of the custom domain.
        :param managed_login_version: 1 (classic hosted UI) or 2 (managed login). Default: Cognito's (1).
        """
        return UserPoolDomain(
            self,  # type: ignore[arg-type]
            id,
            prefix=prefix,
            domain=domain,
            certificate_arn=certificate_arn,
            managed_login_version=managed_login_version,
        )

    def add_resource_server(
        self, identifier: str, *, scopes: Mapping[str, str], name: str | None = None, id: str | None = None
    ) -> ResourceServer:
        """Add an OAuth resource server (``aws_cognito_resource_server``) with custom scopes.

        :param identifier: the server's identifier, usually its URL (``https://api.example.com``).
        :param scopes: scope name -> description.
        :param name: the server's display name. Default: ``identifier``.
        :param id: the construct id. Default: derived from ``identifier``.
        """
        return ResourceServer(self, id, identifier=identifier, scopes=scopes, name=name)  # type: ignore[arg-type]

    # -- access control ------------------------------------------------------------------------------

    def add_group(
        self,
        name: str,
        *,
        precedence: int | None = None,
        role: IdentityPoolRole | IamRole | str | None = None,
        description: str | None = None,
        id: str | None = None,
    ) -> UserPoolGroup:
        """Add a group (``aws_cognito_user_group``); see :class:`UserPoolGroup`."""
        group = UserPoolGroup(
            self,  # type: ignore[arg-type]
            id or name,
            name=name,
            precedence=precedence,
            role=role,
            description=description,
        )
        self._registry("groups").append(group)
        return group

    def add_identity_pool(
        self,
        id: str = "IdentityPool",
        *,
        name: str | None = None,
        clients: Sequence[UserPoolClient] | None = None,
        allow_unauthenticated: bool = False,
        server_side_token_check: bool = True,
    ) -> IdentityPool:
        """Add an identity pool (``aws_cognito_identity_pool``) that trades this pool's tokens for AWS credentials.

        See :class:`IdentityPool` for the roles and their trust policies.
        """
        return IdentityPool(
            self,  # type: ignore[arg-type]
            id,
            name=name,
            clients=clients,
            allow_unauthenticated=allow_unauthenticated,
            server_side_token_check=server_side_token_check,
        )

    # -- triggers that call their own pool -------------------------------------------------------------

    def grant(self, function: Function | IamRole, *actions: str) -> IamRolePolicy:
        """Let ``function`` call ``actions`` (``cognito-idp:...``) on this pool, without a dependency cycle.

        The statement goes into a separate ``aws_iam_role_policy`` on the function's role, which refers
        to the pool's ARN: the pool refers to the function (its ``lambda_config``), the function only to
        its role, so the graph stays acyclic. Read the pool's ID at run time from ``event["userPoolId"]``.

        :param function: a :class:`Function` (its role gets the policy) or an ``IamRole``.
        :param actions: ``cognito-idp`` actions that apply to a user pool, with or without the
            ``cognito-idp:`` prefix (``"AdminAddUserToGroup"``). Wildcards are refused.
        :returns: the policy resource.
        :raises ConfigurationError: for an unknown action (with the closest known one), a wildcard, or none.
        :raises ArgumentTypeError: if ``function`` is neither a ``Function`` nor an ``IamRole``.
        """
        return grant(self, function, actions, label="grant")  # type: ignore[arg-type]

    def grant_manage_users(self, function: Function | IamRole) -> IamRolePolicy:
        """Let ``function`` create, read, update, delete, enable/disable and regroup this pool's users."""
        return grant(self, function, MANAGE_USERS, label="grant_manage_users")  # type: ignore[arg-type]

    def grant_read_users(self, function: Function | IamRole) -> IamRolePolicy:
        """Let ``function`` read this pool's users and their groups (``AdminGetUser``, ``ListUsers``, ...)."""
        return grant(self, function, READ_USERS, label="grant_read_users")  # type: ignore[arg-type]
