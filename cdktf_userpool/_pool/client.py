"""The ``UserPoolClient`` construct: an app client of a user pool, with secure defaults.

Settings Cognito would refuse, and unsafe OAuth settings, are refused before Terraform runs, with a
message that says how to fix them. It is not an OAuth library: tokens are issued by Cognito.
"""

from __future__ import annotations

import difflib
import inspect
import re
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from .._core.cdk import CognitoUserPoolClient, CognitoUserPoolClientTokenValidityUnits, Token
from constructs import Construct

from .._core.blocks import blocks
from .._core.naming import construct_path, physical_name
from ..errors import ArgumentTypeError, ConfigurationError
from .resource_server import ResourceServerScope
from .ref import UserPoolRef, scope_of

__all__ = ["AUTH_FLOWS", "OAUTH_FLOWS", "STANDARD_SCOPES", "UserPoolClient"]

AUTH_FLOWS = (
    "ALLOW_ADMIN_USER_PASSWORD_AUTH",
    "ALLOW_CUSTOM_AUTH",
    "ALLOW_USER_PASSWORD_AUTH",
    "ALLOW_USER_SRP_AUTH",
    "ALLOW_REFRESH_TOKEN_AUTH",
    "ALLOW_USER_AUTH",
)
"""The ``explicit_auth_flows`` values this library accepts."""
_LEGACY_FLOWS = {
    "ADMIN_NO_SRP_AUTH": "ALLOW_ADMIN_USER_PASSWORD_AUTH",
    "CUSTOM_AUTH_FLOW_ONLY": "ALLOW_CUSTOM_AUTH",
    "USER_PASSWORD_AUTH": "ALLOW_USER_PASSWORD_AUTH",
}
OAUTH_FLOWS = ("code", "implicit", "client_credentials")
"""The ``allowed_oauth_flows`` values."""
STANDARD_SCOPES = ("openid", "email", "phone", "profile", "aws.cognito.signin.user.admin")
"""The scopes Cognito defines; other scopes are ``<resource server identifier>/<scope name>``."""
_CUSTOM_SCOPE = re.compile(r"[\x21\x23-\x5B\x5D-\x7E]{1,256}/[\x21\x23-\x2E\x30-\x5B\x5D-\x7E]{1,256}")
_MINUTES = {"seconds": 1 / 60, "minutes": 1, "hours": 60, "days": 1440}
_RANGES = {  # minutes, and how Cognito words them
    "access_token": (5, 1440, "5 minutes to 1 day"),
    "id_token": (5, 1440, "5 minutes to 1 day"),
    "refresh_token": (60, 3650 * 1440, "60 minutes to 10 years (3650 days)"),
}
_DEFAULTS: dict[str, Any] = {
    "generate_secret": False,
    "explicit_auth_flows": ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"],
    "prevent_user_existence_errors": "ENABLED",
    "enable_token_revocation": True,
    "access_token_validity": 60,
    "id_token_validity": 60,
    "refresh_token_validity": 30,
    "auth_session_validity": 3,
}
_DEFAULT_UNITS = {"access_token": "minutes", "id_token": "minutes", "refresh_token": "days"}
_OWN_KEYWORDS = ("allow_implicit_flow", "allow_insecure_urls")
_FLOW_ALIASES = {"token": "implicit", "authorization_code": "code"}  # names from OAuth's response_type/grant_type


@cache
def _client_props() -> tuple[str, ...]:
    names = inspect.signature(CognitoUserPoolClient.__init__).parameters
    return tuple(n for n in names if n not in ("self", "scope", "id"))


class UserPoolClient(Construct):
    """An app client of a user pool (``aws_cognito_user_pool_client``), secure by default for a public client.

    The defaults suit a browser or mobile app; pass any of them to override it:

    - ``generate_secret``: ``False``. A confidential client (a server) passes ``True``.
    - ``explicit_auth_flows``: ``["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"]``.
    - ``prevent_user_existence_errors``: ``"ENABLED"``.
    - ``enable_token_revocation``: ``True``.
    - ``access_token_validity``: ``60`` and ``id_token_validity``: ``60`` (minutes);
      ``refresh_token_validity``: ``30`` (days).
    - ``token_validity_units``: minutes, minutes, days; units you give replace these one by one.
    - ``auth_session_validity``: ``3`` (minutes).
    - ``name``: derived from the construct path.
    - With ``allowed_oauth_flows``: ``allowed_oauth_flows_user_pool_client`` ``True`` and
      ``supported_identity_providers`` ``["COGNITO"]``.

    :param pool: the user pool (created, wrapped or imported by ID).
    :param id: the construct id.
    :param allow_implicit_flow: accept ``"implicit"`` in ``allowed_oauth_flows``. Default: ``False``
        (the code flow with PKCE replaces it).
    :param allow_insecure_urls: accept ``http://`` callback and logout URLs on any host. Default:
        ``False`` (only ``http://localhost`` and ``http://127.0.0.1``).
    :param props: the other arguments of the provider's ``CognitoUserPoolClient``. ``user_pool_id``
        is set from ``pool`` and refused.
    :raises ConfigurationError: for an unknown argument or a value Cognito would refuse.
    :raises ArgumentTypeError: for a value of the wrong kind.
    """

    resource: CognitoUserPoolClient
    """The provider resource."""

    def __init__(
        self, pool: UserPoolRef, id: str, *, allow_implicit_flow: bool = False, allow_insecure_urls: bool = False, **props: Any
    ) -> None:
        if not isinstance(pool, UserPoolRef):
            raise ArgumentTypeError(
                f"UserPoolClient got pool={pool!r} of type {type(pool).__name__}, which is not a UserPool. "
                "Pass a UserPool, or call pool.add_client().",
                argument="pool",
                value=pool,
                expected=("UserPool",),
            )
        check = _Checker(f"{pool._path}/{id}", pool)
        check.names(props)
        settings = {**_DEFAULTS, **props}
        units = check.units(settings.pop("token_validity_units", None))
        check.auth_flows(settings["explicit_auth_flows"])
        check.choice("prevent_user_existence_errors", settings["prevent_user_existence_errors"], ("ENABLED", "LEGACY"))
        check.validities(settings, units)
        check.urls(settings, insecure=allow_insecure_urls)
        flows = check.oauth(settings, implicit=allow_implicit_flow)

        super().__init__(scope_of(pool), id)
        self._path = construct_path(self, scope_of(pool), id)
        self.pool = pool
        """The user pool."""
        self.name: str = settings.pop("name", None) or physical_name(self._path, max_length=128, allowed=r"\w\s+=,.@-")
        """The client's name."""
        self.callback_urls: tuple[str, ...] = tuple(settings.get("callback_urls") or ())
        """The callback URLs, as given."""
        self.allowed_oauth_flows: tuple[str, ...] = tuple(flows)
        """The OAuth flows, as given (empty without OAuth)."""
        self.allowed_oauth_scopes: tuple[str, ...] = tuple(settings.get("allowed_oauth_scopes") or ())
        """The OAuth scopes, as written to Terraform (resource server scopes as ``${...}/<name>`` strings)."""
        self._generate_secret = settings["generate_secret"]
        self.resource = CognitoUserPoolClient(
            self,
            "Resource",
            name=self.name,
            user_pool_id=pool.user_pool_id,
            token_validity_units=[CognitoUserPoolClientTokenValidityUnits(**units)],
            **blocks(CognitoUserPoolClient, settings, what="UserPoolClient", where=self._path),
        )
        pool._register_client(self)

    @property
    def client_id(self) -> str:
        """The client's ID (a Terraform value)."""
        return self.resource.id

    @property
    def client_secret(self) -> str:
        """The client's secret (a Terraform value), for a client created with ``generate_secret=True``.

        It is sensitive: Terraform keeps it in plain text in its state, so protect the state (an
        encrypted backend with restricted access), and pass it on only through sensitive outputs or a
        secrets store.

        :raises ConfigurationError: if the client was created with ``generate_secret=False``.
        """
        if self._generate_secret is False:
            raise ConfigurationError(
                f"UserPoolClient {self._path!r} has generate_secret=False, so it has no client_secret. "
                "Create the client with generate_secret=True (a confidential client for a server).",
                construct_path=self._path,
                argument="generate_secret",
                value=False,
                choices=("True",),
            )
        return self.resource.client_secret


class _Checker:
    """The checks of one client's settings; each raises on the first problem."""

    def __init__(self, path: str, pool: UserPoolRef) -> None:
        self.path, self.pool = path, pool

    def refuse(self, argument: str, value: Any, problem: str, fix: str, choices: Sequence[str] = ()) -> ConfigurationError:
        message = f"UserPoolClient {self.path!r} got {argument}={value!r}, {problem}. {fix}"
        return ConfigurationError(message, construct_path=self.path, argument=argument, value=value, choices=choices)

    def wrong_kind(self, argument: str, value: Any, what: str, fix: str, expected: tuple[str, ...]) -> ArgumentTypeError:
        message = f"UserPoolClient {self.path!r} got {argument}={value!r}, which is not {what}. {fix}"
        return ArgumentTypeError(message, argument=argument, value=value, expected=expected)

    def unknown(self, argument: str, value: Any, choices: Sequence[str], what: str, hint: str | None = None) -> ConfigurationError:
        close = hint or next(iter(difflib.get_close_matches(str(value), choices, n=1)), None)
        did_you_mean = f"Did you mean {close!r}? " if close else ""
        return self.refuse(argument, value, f"not {what}", f"{did_you_mean}Use one of {', '.join(map(repr, choices))}.", choices)

    def strings(self, argument: str, value: Any, kinds: tuple[type, ...] = (str,)) -> list[Any]:
        if value is None:
            return []
        if isinstance(value, str) or not isinstance(value, Sequence) or not all(isinstance(v, kinds) for v in value):
            expected = tuple(k.__name__ for k in kinds)
            fix = f"Pass a list, e.g. {argument}=[{value!r}]." if isinstance(value, str) else "Pass a list of those."
            raise self.wrong_kind(argument, value, f"a list of {' or '.join(expected)}", fix, expected)
        return list(value)

    def names(self, props: Mapping[str, Any]) -> None:
        if "user_pool_id" in props:
            raise self.refuse("user_pool_id", props["user_pool_id"], "but the pool sets it", "Leave user_pool_id out.")
        choices = _client_props() + _OWN_KEYWORDS
        for key in props:
            if key not in choices:
                close = difflib.get_close_matches(key, choices, n=1)
                fix = (f"Did you mean {close[0]!r}? " if close else "") + (
                    "It takes allow_implicit_flow, allow_insecure_urls and the arguments of the provider's CognitoUserPoolClient."
                )
                raise self.refuse(key, props[key], "an unknown argument", fix, choices)

    def choice(self, argument: str, value: Any, choices: Sequence[str]) -> None:
        if value is not None and not Token.is_unresolved(value) and value not in choices:
            raise self.unknown(argument, value, choices, "an accepted value")

    def auth_flows(self, value: Any) -> None:
        flows = self.strings("explicit_auth_flows", value)
        if value is None or any(Token.is_unresolved(f) for f in flows):
            return  # None leaves Cognito's default, which includes ALLOW_REFRESH_TOKEN_AUTH
        for flow in flows:
            if flow in _LEGACY_FLOWS:
                fix = f"Use {_LEGACY_FLOWS[flow]!r} instead (Cognito refuses mixing legacy and ALLOW_ names)."
                raise self.refuse("explicit_auth_flows", flow, "a legacy flow name", fix, AUTH_FLOWS)
            self.choice("explicit_auth_flows", flow, AUTH_FLOWS)
        if "ALLOW_REFRESH_TOKEN_AUTH" not in flows:
            problem = "without ALLOW_REFRESH_TOKEN_AUTH, so sessions could not be refreshed"
            raise self.refuse("explicit_auth_flows", value, problem, "Add 'ALLOW_REFRESH_TOKEN_AUTH'.", AUTH_FLOWS)
        tier = getattr(self.pool, "_tier", None)
        if "ALLOW_USER_AUTH" in flows and isinstance(tier, str) and tier.upper() == "LITE":
            problem = "which needs the Essentials or Plus feature tier, but the pool has user_pool_tier='LITE'"
            fix = "Set user_pool_tier='ESSENTIALS' on the pool, or remove 'ALLOW_USER_AUTH'."
            raise self.refuse("explicit_auth_flows", "ALLOW_USER_AUTH", problem, fix)

    def units(self, given: Any) -> dict[str, str]:
        units = dict(_DEFAULT_UNITS)
        if isinstance(given, Sequence) and not isinstance(given, str) and len(given) == 1:
            given = given[0]
        if isinstance(given, CognitoUserPoolClientTokenValidityUnits):
            given = {k: getattr(given, k) for k in _DEFAULT_UNITS}
        if given is not None and not isinstance(given, Mapping):
            fix = "Pass e.g. token_validity_units={'access_token': 'minutes', 'id_token': 'minutes', 'refresh_token': 'days'}."
            expected = ("dict", "CognitoUserPoolClientTokenValidityUnits")
            raise self.wrong_kind("token_validity_units", given, "a mapping", fix, expected)
        for key, unit in (given or {}).items():
            if key not in units:
                raise self.unknown("token_validity_units", key, tuple(units), "a token name")
            if unit is not None:
                self.choice(f"token_validity_units.{key}", unit, tuple(_MINUTES))
                units[key] = unit
        return units

    def validities(self, settings: Mapping[str, Any], units: Mapping[str, str]) -> None:
        minutes: dict[str, float] = {}
        for token, (low, high, words) in _RANGES.items():
            argument, value, unit = f"{token}_validity", settings[f"{token}_validity"], units[token]
            if value is None or Token.is_unresolved(value) or Token.is_unresolved(unit):
                continue
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                fix = f"Pass a number of {unit} (token_validity_units sets the unit)."
                raise self.wrong_kind(argument, value, "a number", fix, ("int", "float"))
            minutes[token] = value * _MINUTES[unit]
            if not low <= minutes[token] <= high:
                fix = f"Pass a value in that range, or change token_validity_units[{token!r}]."
                raise self.refuse(argument, value, f"which is {value} {unit}, but Cognito accepts {words}", fix)
        for token in ("access_token", "id_token"):
            if token in minutes and "refresh_token" in minutes and minutes[token] > minutes["refresh_token"]:
                refresh = f"{settings['refresh_token_validity']} {units['refresh_token']}"
                fix = f"Make {token}_validity at most refresh_token_validity."
                raise self.refuse(f"{token}_validity", settings[f"{token}_validity"], f"longer than the refresh token ({refresh})", fix)
        session = settings.get("auth_session_validity")
        if session is not None and not Token.is_unresolved(session) and (isinstance(session, bool) or session not in range(3, 16)):
            fix = "Pass a whole number of minutes from 3 to 15."
            raise self.refuse("auth_session_validity", session, "but Cognito accepts 3 to 15 (minutes)", fix)

    def urls(self, settings: Mapping[str, Any], *, insecure: bool) -> None:
        callbacks = self.strings("callback_urls", settings.get("callback_urls"))
        redirect = settings.get("default_redirect_uri")
        for argument, urls in (
            ("callback_urls", callbacks),
            ("logout_urls", self.strings("logout_urls", settings.get("logout_urls"))),
            ("default_redirect_uri", [] if redirect is None else [redirect]),
        ):
            for url in urls:
                if not Token.is_unresolved(url):
                    self.url(argument, url, insecure=insecure)
        if redirect is not None and not Token.is_unresolved(redirect) and redirect not in callbacks:
            fix = "Add it to callback_urls, or pick one of them."
            raise self.refuse("default_redirect_uri", redirect, "which is not one of callback_urls", fix, callbacks)

    def url(self, argument: str, url: Any, *, insecure: bool) -> None:
        parts = urlsplit(url) if isinstance(url, str) else None
        if parts is None or not parts.scheme or (parts.scheme in ("http", "https") and not parts.hostname):
            raise self.refuse(argument, url, "which is not an absolute URL", "Pass a full URL like 'https://app.example.com/cb'.")
        if "#" in url:
            raise self.refuse(argument, url, "which has a fragment ('#'), which OAuth forbids", "Remove the fragment.")
        if parts.scheme == "http" and parts.hostname not in ("localhost", "127.0.0.1") and not insecure:
            problem = "an http:// URL on a host other than localhost or 127.0.0.1, which would carry codes unencrypted"
            raise self.refuse(argument, url, problem, "Use https://, or pass allow_insecure_urls=True to accept the risk.")

    def oauth(self, settings: dict[str, Any], *, implicit: bool) -> list[str]:
        flows = self.strings("allowed_oauth_flows", settings.get("allowed_oauth_flows"))
        scopes = settings.get("allowed_oauth_scopes")
        if settings.get("allowed_oauth_flows") is None:
            if scopes:
                fix = "Add allowed_oauth_flows=['code'] (or ['client_credentials'])."
                raise self.refuse("allowed_oauth_scopes", scopes, "without allowed_oauth_flows", fix)
            return []
        literal = [f for f in flows if not Token.is_unresolved(f)]
        for flow in literal:
            if flow in _FLOW_ALIASES:
                raise self.unknown("allowed_oauth_flows", flow, OAUTH_FLOWS, "an OAuth flow", _FLOW_ALIASES[flow])
            self.choice("allowed_oauth_flows", flow, OAUTH_FLOWS)
        if not flows:
            raise self.refuse("allowed_oauth_flows", flows, "which is empty", "Pass ['code'], or leave it out.", OAUTH_FLOWS)
        if "implicit" in literal and not implicit:
            problem = "with the implicit flow, which returns tokens in the URL, readable from browser history"
            fix = "Use the authorization code flow with PKCE (['code']); to keep implicit, pass allow_implicit_flow=True."
            raise self.refuse("allowed_oauth_flows", flows, problem, fix, OAUTH_FLOWS)
        machine = "client_credentials" in literal
        if machine and len(set(literal)) > 1:
            problem = "mixing client_credentials with code or implicit, which Cognito refuses"
            fix = "Use two clients: ['client_credentials'] for servers, ['code'] for users."
            raise self.refuse("allowed_oauth_flows", flows, problem, fix, OAUTH_FLOWS)
        secret = settings["generate_secret"]
        if machine and secret is not True and not Token.is_unresolved(secret):
            fix = "Pass generate_secret=True (a confidential client)."
            raise self.refuse("generate_secret", secret, "but the client_credentials flow needs a client secret", fix, ("True",))
        if literal and not machine and not self.strings("callback_urls", settings.get("callback_urls")):
            problem = "but the code and implicit flows need at least one callback URL"
            fix = "Pass callback_urls=['https://app.example.com/callback']."
            raise self.refuse("callback_urls", settings.get("callback_urls"), problem, fix)
        if settings.setdefault("allowed_oauth_flows_user_pool_client", True) is False:
            fix = "Leave it out: the client sets it to True."
            raise self.refuse("allowed_oauth_flows_user_pool_client", False, "with allowed_oauth_flows", fix)
        settings.setdefault("supported_identity_providers", ["COGNITO"])
        settings["allowed_oauth_scopes"] = self.scopes(scopes, machine=machine)
        return flows

    def scopes(self, value: Any, *, machine: bool) -> list[str]:
        given = self.strings("allowed_oauth_scopes", value, (str, ResourceServerScope))
        if not given:
            fix = "Pass e.g. ['openid', 'email'], or server.scope('<name>') of a ResourceServer for client_credentials."
            raise self.refuse("allowed_oauth_scopes", value, "but an OAuth client needs at least one scope", fix, STANDARD_SCOPES)
        rendered: list[str] = []
        for scope in given:
            if isinstance(scope, ResourceServerScope):
                if scope.server.pool is not self.pool:
                    problem = f"a scope of {scope.server._path!r}, which belongs to another pool"
                    raise self.refuse("allowed_oauth_scopes", scope, problem, "Use a resource server of this client's pool.")
                rendered.append(str(scope))
            elif Token.is_unresolved(scope) or scope in STANDARD_SCOPES or _CUSTOM_SCOPE.fullmatch(scope):
                rendered.append(scope)
            else:
                close = difflib.get_close_matches(scope, STANDARD_SCOPES, n=1)
                fix = (f"Did you mean {close[0]!r}? " if close else "") + (
                    f"Use one of {', '.join(STANDARD_SCOPES)}, or a resource server's scope: server.scope({scope!r})."
                )
                problem = "neither a standard scope nor '<resource server identifier>/<scope>'"
                raise self.refuse("allowed_oauth_scopes", scope, problem, fix, STANDARD_SCOPES)
        standard = [s for s in rendered if s in STANDARD_SCOPES]
        if machine and standard:
            problem = "but client_credentials tokens have no user, so they carry only resource server scopes"
            raise self.refuse("allowed_oauth_scopes", standard[0], problem, "Pass only server.scope('<name>') scopes.")
        needs_openid = [s for s in standard if s in ("email", "phone", "profile")]
        if needs_openid and "openid" not in standard:
            problem = "without 'openid', which Cognito requires for email, phone and profile"
            raise self.refuse("allowed_oauth_scopes", needs_openid[0], problem, "Add 'openid'.", STANDARD_SCOPES)
        return rendered

