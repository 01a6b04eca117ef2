"""USER_SRP_AUTH with a real SRP client nobody here wrote (pycognito from PyPI): the right password
signs in, a wrong one is refused; pycognito verifies the tokens with the pool's JWKS and refreshes them."""

from __future__ import annotations

import json
import urllib.request
from typing import Any

import pytest
from botocore.exceptions import ClientError

from ._tokens import verified
from .conftest import REGION, Pool

pycognito = pytest.importorskip("pycognito", reason="pycognito (test extra) is not installed")

PASSWORD = "Srp-Pass-Word-1"
SIGN_IN = ["PreAuthentication_Authentication", "TokenGeneration_Authentication", "PostAuthentication_Authentication"]


class AtEmulator(pycognito.Cognito):  # type: ignore[misc]
    """pycognito talking to the emulator: it expects tokens issued by the endpoint it calls, while the
    emulator issues them as Cognito does (``https://cognito-idp.<region>.amazonaws.com/<pool>``)."""

    @property
    def user_pool_url(self) -> str:
        return f"https://cognito-idp.{REGION}.amazonaws.com/{self.user_pool_id}"


def client(aws: Any, pool: Pool, username: str, *, client_id: str | None = None, secret: str | None = None) -> Any:
    me = AtEmulator(
        pool.id, client_id or pool.client_id, user_pool_region=REGION, username=username, client_secret=secret,
        boto3_client_kwargs={"endpoint_url": aws.endpoint_url, "aws_access_key_id": "unused",
                             "aws_secret_access_key": "unused"},
    )
    with urllib.request.urlopen(f"{aws.endpoint_url}/{pool.id}/.well-known/jwks.json", timeout=30) as keys:
        me.pool_jwk = json.loads(keys.read())  # the pool's keys, from the emulator's JWKS endpoint
    return me


@pytest.fixture(scope="module")
def user(cognito_aws: Any, flows: Pool, public_idp: Any) -> str:
    public_idp.sign_up(ClientId=flows.client_id, Username="auto-srp@example.com", Password=PASSWORD)
    return "auto-srp@example.com"


@pytest.fixture(autouse=True)
def fresh(cognito_aws: Any, flows: Pool) -> None:
    cognito_aws.trace(flows.id, clear=True)


def test_pycognito_signs_in_with_the_right_password(cognito_aws: Any, flows: Pool, user: str) -> None:
    me = client(cognito_aws, flows, user)
    me.authenticate(password=PASSWORD)  # SRP, then pycognito checks the tokens against the pool's JWKS
    assert cognito_aws.trace_sources(flows.id) == SIGN_IN
    claims = verified(cognito_aws, flows.id, me.id_token, audience=flows.client_id)
    assert claims["email"] == user and claims["tenant"] == "acme"
    assert me.get_user().email == user


def test_pycognito_is_refused_with_a_wrong_password(cognito_aws: Any, flows: Pool, user: str) -> None:
    with pytest.raises(ClientError) as refused:
        client(cognito_aws, flows, user).authenticate(password="Not-The-Pass-1")
    assert refused.value.response["Error"] == {"Code": "NotAuthorizedException", "Message": "Incorrect username or password."}
    assert cognito_aws.trace_sources(flows.id) == ["PreAuthentication_Authentication"]


def test_pycognito_refreshes_its_tokens(cognito_aws: Any, flows: Pool, user: str) -> None:
    me = client(cognito_aws, flows, user)
    me.authenticate(password=PASSWORD)
    first = me.access_token
    cognito_aws.trace(flows.id, clear=True)
    me.renew_access_token()
    assert me.access_token != first
    assert cognito_aws.trace_sources(flows.id) == ["TokenGeneration_RefreshTokens"]
    assert me.check_token(renew=False) is False  # still valid


def test_srp_with_a_client_secret(cognito_aws: Any, flows: Pool, user: str) -> None:
    me = client(cognito_aws, flows, user, client_id=flows.server_client_id, secret=flows.server_secret)
    me.authenticate(password=PASSWORD)
    assert verified(cognito_aws, flows.id, me.id_token, audience=flows.server_client_id)["email"] == user
    me.renew_access_token()


def test_an_unknown_user_is_refused_without_migration(cognito_aws: Any, flows: Pool) -> None:
    with pytest.raises(ClientError) as refused:
        client(cognito_aws, flows, "legacy-srp@example.com").authenticate(password=PASSWORD)
    assert refused.value.response["Error"]["Code"] == "UserNotFoundException"
    assert cognito_aws.trace(flows.id) == []  # no user migration: SRP never shows Cognito the password
