"""Which pool a domain serves: the host of a pool's domain, its URL on the emulator, and the pool behind a host."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

PATH_PREFIX = "/_domain/"
"""Where the emulator serves a pool's domain: ``<endpoint>/_domain/<domain host>``."""


def domain_host(domain: str, region: str) -> str:
    """The host of a pool domain: a custom domain as it is, a prefix as ``<prefix>.auth.<region>.amazoncognito.com``."""
    return domain if "." in domain else f"{domain}.auth.{region}.amazoncognito.com"


def domain_url(endpoint_url: str, domain: str, region: str) -> str:
    """The local stand-in for ``https://<domain host>``: ``<endpoint_url>/_domain/<domain host>``."""
    return f"{endpoint_url.rstrip('/')}{PATH_PREFIX}{quote(domain_host(domain, region))}"


def pool_of_host(host: str) -> Any | None:
    """Moto's pool whose domain is ``host`` (in any account and region), or ``None``."""
    from moto.cognitoidp.models import cognitoidp_backends

    for backends in list(cognitoidp_backends.values()):
        for region, backend in list(backends.items()):
            if region == "global":
                continue
            for domain in list(backend.user_pool_domains.values()):
                if domain_host(domain.domain, region).lower() == host.lower():
                    return backend.user_pools.get(domain.user_pool_id)
    return None
