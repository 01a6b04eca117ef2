"""Token checks shared by the sign-in tests: PyJWT against the pool's JWKS endpoint on the emulator."""

from __future__ import annotations

from typing import Any

import jwt

REGION = "eu-west-1"


def verified(aws: Any, pool_id: str, token: str, *, audience: str | None = None) -> dict[str, Any]:
    """The claims of ``token`` after PyJWT checked its signature with the key from the pool's JWKS."""
    keys = jwt.PyJWKClient(f"{aws.endpoint_url}/{pool_id}/.well-known/jwks.json", timeout=30)
    key = keys.get_signing_key_from_jwt(token)
    claims: dict[str, Any] = jwt.decode(
        token, key.key, algorithms=["RS256"], audience=audience, issuer=f"https://cognito-idp.{REGION}.amazonaws.com/{pool_id}",
        options={"verify_aud": audience is not None},
    )
    return claims
