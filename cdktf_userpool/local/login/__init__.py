"""Managed login (the hosted UI) of the local pools: each pool's domain, served by the emulator on loopback.

A pool's domain ``https://<prefix>.auth.<region>.amazoncognito.com`` (or its custom domain) is served
at ``<emulator endpoint>/_domain/<that host>`` (:attr:`~cdktf_userpool.local.DeployedUserPool.domain_url`),
so one emulator serves every pool's domain side by side, on ``127.0.0.1``, reachable by any HTTP
client and any browser. Under it, as under the real domain:

- ``/oauth2/authorize`` (response types ``code`` and ``token``, PKCE ``S256``/``plain``, ``state``,
  ``scope``, ``nonce``, ``identity_provider=COGNITO``, ``prompt=login``), checked against the app client
  (``_authorize``); without a session it redirects to ``/login`` with the same parameters.
- HTML pages that need no JavaScript (``_pages``, ``_views``): sign-in, sign-up, confirm sign-up,
  forgot password and reset, new password required. The ``cognito`` cookie keeps the session, so a
  second authorize signs in without the form (``_session``).
- ``/oauth2/token`` (``authorization_code`` with the PKCE verifier, ``refresh_token``,
  ``client_credentials``), ``/oauth2/userInfo``, ``/oauth2/revoke``, ``/logout``,
  ``/.well-known/openid-configuration`` and ``/.well-known/jwks.json`` (``_grants``, ``_oidc``).

The pages call the pool's triggers in Cognito's order through the same flows as the API
(``cdktf_userpool.local.cognito``); pre token generation runs at the code exchange (or, for the
``token`` response type, at authorize) with ``TokenGeneration_HostedAuth``. Only the emulator process
imports its views (through :func:`wrap`); the library reads only :func:`domain_url`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ._domains import PATH_PREFIX, domain_host, domain_url


def wrap(app: Callable[..., Iterable[bytes]]) -> Callable[..., Iterable[bytes]]:
    """``app`` (moto's) with every pool's domain served under :data:`PATH_PREFIX` in front of it."""
    from ._app import wrap as wrapped

    return wrapped(app)


__all__ = ["PATH_PREFIX", "domain_host", "domain_url", "wrap"]
