"""The ``UserPoolDomain`` construct: the domain of a pool's managed login pages and OAuth endpoints.

A domain is a Cognito prefix (``https://<prefix>.auth.<region>.amazoncognito.com``) or a custom
domain with an ACM certificate. This module builds sign-in URLs; it does not create DNS records.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, NoReturn
from urllib.parse import quote

from .._core.cdk import CognitoUserPoolDomain, Fn, Token
from constructs import Construct

from .._core.naming import construct_path
from .client import UserPoolClient
from ..errors import ArgumentTypeError, ConfigurationError
from .resource_server import ResourceServerScope
from .ref import UserPoolRef, scope_of

__all__ = ["UserPoolDomain"]

_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
_RESERVED = ("aws", "amazon", "cognito")
_CERTIFICATE_ARN = re.compile(r"arn:aws[a-z-]*:acm:([a-z0-9-]+):\d{12}:certificate/[A-Za-z0-9-]+")
MANAGED_LOGIN_VERSIONS = (1, 2)


class UserPoolDomain(Construct):
    """The sign-in domain of a user pool (``aws_cognito_user_pool_domain``).

    Pass exactly one of ``prefix`` and ``domain``.

    :param pool: the user pool (created, wrapped or imported by ID).
    :param id: the construct id.
    :param prefix: a Cognito prefix domain: 1 to 63 lowercase letters, digits and hyphens, not
        starting or ending with a hyphen, and without ``aws``, ``amazon`` or ``cognito``.
    :param domain: a custom domain (a lowercase DNS name such as ``auth.example.com``); needs
        ``certificate_arn``. Point the domain's DNS at :attr:`cloudfront_domain_name` yourself.
    :param certificate_arn: the ACM certificate of the custom domain, in ``us-east-1`` (Cognito serves
        custom domains through CloudFront). Refused with a prefix.
    :param managed_login_version: ``1`` (classic hosted UI) or ``2`` (managed login). Default: Cognito's (1).
    :raises ConfigurationError: for a value Cognito would refuse.
    :raises ArgumentTypeError: if ``pool`` is not a :class:`UserPool`.
    """

    resource: CognitoUserPoolDomain
    """The provider resource."""

    def __init__(
        self,
        pool: UserPoolRef,
        id: str,
        *,
        prefix: str | None = None,
        domain: str | None = None,
        certificate_arn: str | None = None,
        managed_login_version: int | None = None,
    ) -> None:
        if not isinstance(pool, UserPoolRef):
            raise ArgumentTypeError(
                f"UserPoolDomain got pool={pool!r} of type {type(pool).__name__}, which is not a UserPool. "
                "Pass a UserPool, or call pool.add_domain().",
                argument="pool",
                value=pool,
                expected=("UserPool",),
            )
        path = f"{pool._path}/{id}"
        _check(path, prefix, domain, certificate_arn, managed_login_version)
        super().__init__(scope_of(pool), id)
        self._path = construct_path(self, scope_of(pool), id)
        self.pool = pool
        """The user pool."""
        self.prefix = prefix
        """The Cognito prefix, or ``None`` for a custom domain."""
        self.domain_name = domain
        """The custom domain, or ``None`` for a prefix."""
        self.resource = CognitoUserPoolDomain(
            self,
            "Resource",
            domain=prefix if prefix is not None else str(domain),
            user_pool_id=pool.user_pool_id,
            certificate_arn=certificate_arn,
            managed_login_version=managed_login_version,
        )

    @property
    def base_url(self) -> str:
        """The domain's URL: ``https://<prefix>.auth.<region>.amazoncognito.com`` (the region read from
        the pool's ID, which starts with it) or ``https://<domain>``."""
        if self.prefix is not None:
            # not the domain's ``region`` attribute: it exists only from provider 6.0
            region = Fn.element(Fn.split("_", self.pool.user_pool_id), 0)
            return f"https://{self.prefix}.auth.{region}.amazoncognito.com"
        return f"https://{self.domain_name}"

    @property
    def cloudfront_domain_name(self) -> str:
        """The CloudFront distribution to alias a custom domain to (a Terraform value; empty for a prefix)."""
        return self.resource.cloudfront_distribution

    def sign_in_url(
        self, client: UserPoolClient, redirect_uri: str, *, scopes: Sequence[str | ResourceServerScope] | None = None
    ) -> str:
        """The OAuth authorize URL that starts a sign-in with the code flow.

        ``<base_url>/oauth2/authorize?client_id=<id>&response_type=code&redirect_uri=<URL-encoded>``,
        followed by ``&scope=<space-separated, URL-encoded>`` when ``scopes`` is given. Add ``state``
        and the PKCE ``code_challenge`` at run time.

        :param client: an app client of this domain's pool with the ``code`` flow.
        :param redirect_uri: one of the client's ``callback_urls``.
        :param scopes: scopes to request, each allowed for the client. Default: none (Cognito then
            grants all of the client's scopes).
        :raises ConfigurationError: for a client of another pool or without the code flow, a
            redirect URI it does not list, or a scope it is not allowed.
        """
        if not isinstance(client, UserPoolClient):
            raise ArgumentTypeError(
                f"UserPoolDomain {self._path!r} sign_in_url() got client={client!r} of type {type(client).__name__}. "
                "Pass a UserPoolClient, such as pool.add_client(...).",
                argument="client",
                value=client,
                expected=("UserPoolClient",),
            )
        path = self._path
        if client.pool is not self.pool:
            _refuse(path, "client", client._path, "a client of another pool", "Pass a client of this domain's pool.")
        if "code" not in client.allowed_oauth_flows:
            fix = "Create the client with allowed_oauth_flows=['code'], callback_urls and allowed_oauth_scopes."
            _refuse(path, "client", client._path, f"whose OAuth flows {list(client.allowed_oauth_flows)} lack 'code'", fix, ("code",))
        if redirect_uri not in client.callback_urls:
            fix = "Pass one of them, or add it to the client's callback_urls."
            problem = f"which is not one of the client's callback_urls {list(client.callback_urls)}"
            _refuse(path, "redirect_uri", redirect_uri, problem, fix, client.callback_urls)
        url = (
            f"{self.base_url}/oauth2/authorize?client_id={client.client_id}&response_type=code"
            f"&redirect_uri={_encode(redirect_uri)}"
        )
        if scopes is None:
            return url
        rendered = [str(s) if isinstance(s, ResourceServerScope) else s for s in scopes]
        for scope in rendered:
            if scope not in client.allowed_oauth_scopes:
                fix = "Request only scopes of the client's allowed_oauth_scopes."
                _refuse(path, "scopes", scope, "which the client is not allowed", fix, client.allowed_oauth_scopes)
        return f"{url}&scope={_encode(' '.join(rendered))}"


def _encode(value: str) -> str:
    if Token.is_unresolved(value):
        return Token.as_string(Fn.urlencode(value))
    return quote(value, safe="")


def _refuse(path: str, argument: str, value: Any, problem: str, fix: str, choices: Sequence[Any] = ()) -> NoReturn:
    raise ConfigurationError(
        f"UserPoolDomain {path!r} got {argument}={value!r}, {problem}. {fix}",
        construct_path=path,
        argument=argument,
        value=value,
        choices=tuple(str(c) for c in choices),
    )


def _check(path: str, prefix: Any, domain: Any, certificate_arn: Any, version: Any) -> None:
    if (prefix is None) == (domain is None):
        argument, value = ("domain", domain) if prefix is not None else ("prefix", None)
        fix = "Pass prefix='my-app' for a Cognito domain, or domain='auth.example.com' with certificate_arn."
        _refuse(path, argument, value, "but a domain takes exactly one of prefix and domain", fix, ("prefix", "domain"))
    if prefix is not None:
        _check_prefix(path, prefix, certificate_arn)
    else:
        _check_custom(path, domain, certificate_arn)
    if version is not None and not Token.is_unresolved(version) and (isinstance(version, bool) or version not in MANAGED_LOGIN_VERSIONS):
        fix = "Pass 1 (classic hosted UI) or 2 (managed login), or leave it out."
        _refuse(path, "managed_login_version", version, "not 1 or 2", fix, ("1", "2"))


def _check_prefix(path: str, prefix: Any, certificate_arn: Any) -> None:
    if certificate_arn is not None:
        fix = "Leave certificate_arn out, or pass domain='auth.example.com' instead of prefix."
        _refuse(path, "certificate_arn", certificate_arn, "with a prefix, which uses Cognito's certificate", fix)
    if not isinstance(prefix, str):
        raise ArgumentTypeError(
            f"UserPoolDomain {path!r} got prefix={prefix!r} of type {type(prefix).__name__}. Pass a string such as 'my-app'.",
            argument="prefix",
            value=prefix,
            expected=("str",),
        )
    if Token.is_unresolved(prefix):
        return
    if "." in prefix:
        fix = "Pass just the prefix ('my-app'), or domain= with certificate_arn for a domain of your own."
        _refuse(path, "prefix", prefix, "which contains '.', but a prefix is one DNS label", fix)
    if not _LABEL.fullmatch(prefix):
        problem = "but a prefix is 1 to 63 lowercase letters, digits and hyphens, not starting or ending with a hyphen"
        _refuse(path, "prefix", prefix, problem, f"Pass e.g. {_suggest(prefix)!r}.")
    reserved = [word for word in _RESERVED if word in prefix]
    if reserved:
        problem = f"which contains {reserved[0]!r}; Cognito refuses prefixes containing aws, amazon or cognito"
        _refuse(path, "prefix", prefix, problem, "Choose a prefix without those words.", _RESERVED)


def _check_custom(path: str, domain: Any, certificate_arn: Any) -> None:
    if not isinstance(domain, str):
        raise ArgumentTypeError(
            f"UserPoolDomain {path!r} got domain={domain!r} of type {type(domain).__name__}. "
            "Pass a string such as 'auth.example.com'.",
            argument="domain",
            value=domain,
            expected=("str",),
        )
    if not Token.is_unresolved(domain):
        labels = domain.split(".")
        if len(domain) > 253 or len(labels) < 2 or not all(_LABEL.fullmatch(label) for label in labels):
            problem = "which is not a lowercase DNS name (labels of letters, digits and hyphens, joined by dots)"
            _refuse(path, "domain", domain, problem, "Pass a name like 'auth.example.com'.")
        if domain.endswith(".amazoncognito.com"):
            problem = "a Cognito domain, which is not a custom domain"
            _refuse(path, "domain", domain, problem, f"Pass prefix={labels[0]!r} instead.")
    if certificate_arn is None:
        fix = "Pass certificate_arn= with an ACM certificate in us-east-1 that covers the domain."
        _refuse(path, "certificate_arn", None, "but a custom domain needs a certificate", fix)
    if Token.is_unresolved(certificate_arn):
        return
    match = _CERTIFICATE_ARN.fullmatch(certificate_arn) if isinstance(certificate_arn, str) else None
    if match is None:
        fix = "Pass an ARN like 'arn:aws:acm:us-east-1:123456789012:certificate/<id>'."
        _refuse(path, "certificate_arn", certificate_arn, "which is not an ACM certificate ARN", fix)
    elif match.group(1) != "us-east-1":
        problem = f"a certificate in {match.group(1)}, but Cognito custom domains use CloudFront, which needs us-east-1"
        fix = "Request or import the certificate in us-east-1 (a provider with region='us-east-1')."
        _refuse(path, "certificate_arn", certificate_arn, problem, fix, ("us-east-1",))


def _suggest(prefix: str) -> str:
    cleaned = re.sub(r"[^a-z0-9-]+", "-", prefix.lower()).strip("-")[:63].strip("-")
    return cleaned or "my-app"
