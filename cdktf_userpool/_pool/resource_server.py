"""OAuth resource servers (``aws_cognito_resource_server``) and their custom scopes.

A :class:`ResourceServer` declares an API and the scopes an access token can carry for it; a
:class:`ResourceServerScope` is one of those scopes, ready to be placed in an app client's
``allowed_oauth_scopes``. This module does not authorize requests: the API checks the scopes.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, NoReturn

from .._core.cdk import CognitoResourceServer, CognitoResourceServerScope, Token
from constructs import Construct

from .._core.naming import construct_path
from ..errors import ArgumentTypeError, ConfigurationError
from .ref import UserPoolRef, scope_of

__all__ = ["MAX_SCOPES", "ResourceServer", "ResourceServerScope"]

# Cognito's API patterns (ResourceServerType, ResourceServerScopeType): printable ASCII without
# space, '"' and '\'; a scope name also without '/', which separates it from the identifier.
_IDENTIFIER = re.compile(r"[\x21\x23-\x5B\x5D-\x7E]{1,256}")
_SCOPE_NAME = re.compile(r"[\x21\x23-\x2E\x30-\x5B\x5D-\x7E]{1,256}")
_NAME = re.compile(r"[\w\s+=,.@-]{1,256}", re.ASCII)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
MAX_SCOPES = 100
"""Cognito's limit on the scopes of one resource server."""


class ResourceServerScope:
    """One custom scope of a :class:`ResourceServer`; get it with :meth:`ResourceServer.scope`.

    Placed in a client's ``allowed_oauth_scopes``, it renders as ``<identifier>/<name>`` built from the
    server's ``identifier`` attribute, so Terraform creates the server before the client.

    :ivar server: the resource server that defines the scope.
    :ivar name: the scope's name, like ``"read"``.
    :ivar description: the scope's description.
    """

    def __init__(self, server: ResourceServer, name: str, description: str) -> None:
        self.server = server
        self.name = name
        self.description = description

    @property
    def full_name(self) -> str:
        """The scope as it appears in access tokens, ``<identifier>/<name>``, as a literal (for display)."""
        return f"{self.server.identifier}/{self.name}"

    def __str__(self) -> str:
        """The scope as a Terraform string: ``${aws_cognito_resource_server.<name>.identifier}/<scope>``."""
        return f"{self.server.identifier_ref}/{self.name}"

    def __repr__(self) -> str:
        return f"ResourceServerScope({self.full_name!r})"


class ResourceServer(Construct):
    """An OAuth resource server of a user pool, with custom scopes.

    :param pool: the user pool (created, wrapped or imported by ID).
    :param id: the construct id. Default (``None``): derived from ``identifier`` (``"https://api.example.com"``
        gives ``"api-example-com"``).
    :param identifier: the server's identifier, usually the API's URL; 1 to 256 printable ASCII
        characters without spaces, ``"`` or ``\\``. Access tokens carry scopes as ``<identifier>/<scope>``.
    :param scopes: scope name -> description; 1 to 100 scopes. Names are 1 to 256 printable ASCII
        characters without spaces, ``/``, ``"`` or ``\\``; descriptions 1 to 256 characters. Written to
        Terraform sorted by name.
    :param name: the display name (Cognito allows letters, digits, spaces and ``_+=,.@-``). Default:
        ``identifier``, with a URL scheme removed and other characters Cognito refuses in names replaced by ``-``.
    :raises ConfigurationError: for a value Cognito would refuse, or an identifier already used on the pool.
    :raises ArgumentTypeError: if ``pool`` is not a :class:`UserPool` or ``scopes`` not a mapping.
    """

    resource: CognitoResourceServer
    """The provider resource."""

    def __init__(
        self,
        pool: UserPoolRef,
        id: str | None,
        *,
        identifier: str,
        scopes: Mapping[str, str],
        name: str | None = None,
    ) -> None:
        if not isinstance(pool, UserPoolRef):
            raise ArgumentTypeError(
                f"ResourceServer got pool={pool!r} of type {type(pool).__name__}, which is not a UserPool. "
                "Pass a UserPool, or call pool.add_resource_server().",
                argument="pool",
                value=pool,
                expected=("UserPool",),
            )
        if not isinstance(identifier, str):
            raise ArgumentTypeError(
                f"ResourceServer on UserPool {pool._path!r} got identifier={identifier!r} of type "
                f"{type(identifier).__name__}. Pass a string such as 'https://api.example.com'.",
                argument="identifier",
                value=identifier,
                expected=("str",),
            )
        id = id if id is not None else _derived_id(pool, identifier)
        path = f"{pool._path}/{id}"
        _check_identifier(pool, path, identifier)
        scope_map = _checked_scopes(path, scopes)
        display_name = name if name is not None else _default_name(identifier)
        _check_name(path, display_name)

        super().__init__(scope_of(pool), id)
        self._path = construct_path(self, scope_of(pool), id)
        self.pool = pool
        """The user pool."""
        self.identifier: str = identifier
        """The identifier, as given."""
        self.name: str = display_name
        """The display name."""
        self.resource = CognitoResourceServer(
            self,
            "Resource",
            identifier=identifier,
            name=display_name,
            user_pool_id=pool.user_pool_id,
            scope=[CognitoResourceServerScope(scope_name=n, scope_description=d) for n, d in scope_map.items()],
        )
        self.identifier_ref: str = self.resource.identifier
        """The identifier as a Terraform reference (read once: each read makes a new token)."""
        self._scopes = {n: ResourceServerScope(self, n, d) for n, d in scope_map.items()}
        pool._registry("resource_servers").append(self)

    @property
    def scopes(self) -> Mapping[str, ResourceServerScope]:
        """The scopes by name, sorted by name (read-only)."""
        return MappingProxyType(self._scopes)

    def scope(self, name: str) -> ResourceServerScope:
        """The scope called ``name``, for a client's ``allowed_oauth_scopes``.

        :raises ConfigurationError: if the server has no such scope (with the closest name).
        """
        found = self._scopes.get(name)
        if found is not None:
            return found
        known = tuple(self._scopes)
        close = difflib.get_close_matches(str(name), known, n=1)
        hint = f"Did you mean {close[0]!r}? " if close else ""
        raise ConfigurationError(
            f"ResourceServer {self._path!r} has no scope {name!r}; it has {', '.join(map(repr, known))}. "
            f"{hint}Use one of those, or add the scope to scopes= of the server.",
            construct_path=self._path,
            argument="name",
            value=name,
            choices=known,
        )


def _derived_id(pool: UserPoolRef, identifier: str) -> str:
    if Token.is_unresolved(identifier):
        raise ConfigurationError(
            f"ResourceServer on UserPool {pool._path!r} got identifier={identifier!r}, a Terraform value, and "
            "no id, so no construct id can be derived from it. Pass id='<a construct id>'.",
            construct_path=pool._path,
            argument="id",
            value=None,
        )
    base = re.sub(r"[^A-Za-z0-9]+", "-", _SCHEME.sub("", identifier)).strip("-") or "ResourceServer"
    if pool.node.try_find_child(base) is None:
        return base
    # two identifiers can sanitize alike ("api.x" and "api-x"): keep ids unique and stable
    return f"{base}-{hashlib.sha256(identifier.encode()).hexdigest()[:8]}"


def _default_name(identifier: str) -> str:
    if Token.is_unresolved(identifier) or _NAME.fullmatch(identifier):
        return identifier
    return re.sub(r"[^\w\s+=,.@-]+", "-", _SCHEME.sub("", identifier), flags=re.ASCII).strip("-")[:256] or "resource-server"


def _refuse(path: str, argument: str, value: Any, problem: str, fix: str, choices: tuple[str, ...] = ()) -> NoReturn:
    raise ConfigurationError(
        f"ResourceServer {path!r} got {argument}={value!r}, {problem}. {fix}",
        construct_path=path,
        argument=argument,
        value=value,
        choices=choices,
    )


def _check_identifier(pool: UserPoolRef, path: str, identifier: str) -> None:
    if Token.is_unresolved(identifier):
        return
    if not _IDENTIFIER.fullmatch(identifier):
        _refuse(
            path,
            "identifier",
            identifier,
            "which Cognito refuses: an identifier is 1 to 256 printable ASCII characters without spaces, '\"' or '\\'",
            "Pass an identifier such as 'https://api.example.com' or 'orders-api'.",
        )
    for server in pool._registry("resource_servers"):
        if server.identifier == identifier:
            _refuse(
                path,
                "identifier",
                identifier,
                f"but ResourceServer {server._path!r} of the same pool already has it",
                "Give each resource server of a pool its own identifier, or add the scopes to the existing one.",
            )


def _checked_scopes(path: str, scopes: Mapping[str, str]) -> dict[str, str]:
    if not isinstance(scopes, Mapping):
        raise ArgumentTypeError(
            f"ResourceServer {path!r} got scopes={scopes!r} of type {type(scopes).__name__}, which is not a "
            "mapping. Pass a dict of scope name to description, e.g. scopes={'read': 'Read orders'}.",
            argument="scopes",
            value=scopes,
            expected=("dict",),
        )
    if not scopes:
        _refuse(path, "scopes", dict(scopes), "which is empty", "Pass at least one scope, e.g. scopes={'read': 'Read orders'}.")
    if len(scopes) > MAX_SCOPES:
        _refuse(
            path,
            "scopes",
            dict(scopes),
            f"which has {len(scopes)} scopes; Cognito allows at most {MAX_SCOPES} per resource server",
            "Split the scopes across several resource servers.",
        )
    for scope_name, description in scopes.items():
        if not isinstance(scope_name, str) or not _SCOPE_NAME.fullmatch(scope_name):
            _refuse(
                path,
                "scopes",
                scope_name,
                "a scope name Cognito refuses: it is 1 to 256 printable ASCII characters without spaces, '/', '\"' or '\\'",
                "Rename the scope, e.g. 'orders.read' instead of 'orders/read'.",
            )
        if not isinstance(description, str) or not 1 <= len(description) <= 256:
            _refuse(
                path,
                f"scopes[{scope_name!r}]",
                description,
                "a description Cognito refuses: it is a string of 1 to 256 characters",
                "Describe the scope in 1 to 256 characters.",
            )
    return {n: scopes[n] for n in sorted(scopes)}


def _check_name(path: str, name: str) -> None:
    if Token.is_unresolved(name):
        return
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        _refuse(
            path,
            "name",
            name,
            "which Cognito refuses: a resource server name is 1 to 256 letters, digits, spaces or '_+=,.@-'",
            "Pass a name such as 'Orders API', or leave name out to derive one from the identifier.",
        )
