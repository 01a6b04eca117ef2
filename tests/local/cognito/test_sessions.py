"""The token lifecycle after sign-in: refresh (GetTokensFromRefreshToken, REFRESH_TOKEN_AUTH, the token
endpoint, one store), rotation with its grace period, RevokeToken, GlobalSignOut, AdminUserGlobalSignOut,
and every call that takes an access token refusing a revoked or signed-out one, as Cognito answers."""

from __future__ import annotations

import time
from typing import Any

import pytest
from botocore.exceptions import ClientError

from ._tokens import verified
from .conftest import Pool
from .test_senders import token as token_endpoint
from .test_signin import PASSWORD, confirmed_user, password_sign_in

REVOKED = "Access Token has been revoked"


@pytest.fixture(scope="module")
def clients(triggers_stack: Any) -> dict[str, str]:
    pool = triggers_stack.user_pool("Flows")
    return {name: pool.client(f"triggers-Flows-{name}").id for name in ("Rotating", "Unrevocable")}


def refused(call: Any, **kwargs: Any) -> tuple[str, str]:
    with pytest.raises(ClientError) as caught:
        call(**kwargs)
    error = caught.value.response["Error"]
    return error["Code"], error["Message"]


def sign_in(idp: Any, pool: Pool, email: str, client_id: str | None = None) -> dict[str, Any]:
    client = Pool(pool.id, client_id) if client_id else pool
    return password_sign_in(idp, client, email)["AuthenticationResult"]


@pytest.fixture(scope="module")
def user(cognito_aws: Any, flows: Pool, public_idp: Any) -> str:
    confirmed_user(cognito_aws, flows, public_idp, "sessions-tess@example.com")
    return "sessions-tess@example.com"


def test_get_tokens_from_refresh_token_issues_new_tokens_after_pre_token_generation(
    cognito_aws: Any, flows: Pool, public_idp: Any, user: str,
) -> None:
    first = sign_in(public_idp, flows, user)
    cognito_aws.trace(flows.id, clear=True)
    again = public_idp.get_tokens_from_refresh_token(ClientId=flows.client_id, RefreshToken=first["RefreshToken"])
    result = again["AuthenticationResult"]
    assert "RefreshToken" not in result  # rotation is off for this client: the refresh token stays
    assert cognito_aws.trace_sources(flows.id) == ["TokenGeneration_RefreshTokens"]
    old, new = (verified(cognito_aws, flows.id, r["IdToken"], audience=flows.client_id) for r in (first, result))
    assert new["origin_jti"] == old["origin_jti"] and new["jti"] != old["jti"] and new["sub"] == old["sub"]
    # REFRESH_TOKEN_AUTH reads the same store
    legacy = public_idp.initiate_auth(ClientId=flows.client_id, AuthFlow="REFRESH_TOKEN_AUTH",
                                      AuthParameters={"REFRESH_TOKEN": first["RefreshToken"]})
    assert public_idp.get_user(AccessToken=legacy["AuthenticationResult"]["AccessToken"])["Username"]


def test_the_token_endpoint_refreshes_from_the_same_store(cognito_aws: Any, flows: Pool, public_idp: Any, user: str) -> None:
    first = sign_in(public_idp, flows, user)
    answer = token_endpoint(cognito_aws, flows.client_id, "", grant_type="refresh_token", refresh_token=first["RefreshToken"])
    assert answer[0] == 200 and set(answer[1]) == {"id_token", "access_token", "expires_in", "token_type"}
    assert public_idp.get_user(AccessToken=answer[1]["access_token"])["Username"]
    public_idp.revoke_token(ClientId=flows.client_id, Token=first["RefreshToken"])
    assert token_endpoint(cognito_aws, flows.client_id, "", grant_type="refresh_token",
                          refresh_token=first["RefreshToken"]) == (400, {"error": "invalid_grant"})


def test_rotation_issues_a_new_refresh_token_and_the_old_one_lasts_its_grace_period(
    cognito_aws: Any, flows: Pool, public_idp: Any, idp: Any, user: str, clients: dict[str, str],
) -> None:
    rotating = clients["Rotating"]
    first = sign_in(public_idp, flows, user, rotating)
    described = idp.describe_user_pool_client(
        UserPoolId=flows.id, ClientId=rotating)["UserPoolClient"]
    assert described["RefreshTokenRotation"] == {"Feature": "ENABLED", "RetryGracePeriodSeconds": 8}
    before = time.monotonic()
    second = public_idp.get_tokens_from_refresh_token(ClientId=rotating, RefreshToken=first["RefreshToken"])
    new_refresh = second["AuthenticationResult"]["RefreshToken"]
    assert new_refresh != first["RefreshToken"]
    # a client's retry within the grace period (8 s) still works
    public_idp.get_tokens_from_refresh_token(ClientId=rotating, RefreshToken=first["RefreshToken"])
    time.sleep(max(0.0, before + 8.5 - time.monotonic()))
    code, _ = refused(public_idp.get_tokens_from_refresh_token, ClientId=rotating, RefreshToken=first["RefreshToken"])
    assert code == "RefreshTokenReuseException"
    third = public_idp.get_tokens_from_refresh_token(ClientId=rotating, RefreshToken=new_refresh)
    assert third["AuthenticationResult"]["RefreshToken"] not in (new_refresh, first["RefreshToken"])
    code, message = refused(public_idp.initiate_auth, ClientId=rotating, AuthFlow="REFRESH_TOKEN_AUTH",
                            AuthParameters={"REFRESH_TOKEN": new_refresh})
    assert code == "NotAuthorizedException" and "GetTokensFromRefreshToken" in message


def test_revoke_token_ends_the_sign_in_and_its_tokens(cognito_aws: Any, flows: Pool, public_idp: Any, user: str) -> None:
    revoked, kept = sign_in(public_idp, flows, user), sign_in(public_idp, flows, user)
    refreshed = public_idp.get_tokens_from_refresh_token(ClientId=flows.client_id, RefreshToken=revoked["RefreshToken"])
    public_idp.revoke_token(ClientId=flows.client_id, Token=revoked["RefreshToken"])
    for access in (revoked["AccessToken"], refreshed["AuthenticationResult"]["AccessToken"]):
        assert refused(public_idp.get_user, AccessToken=access) == ("NotAuthorizedException", REVOKED)
    assert refused(public_idp.get_tokens_from_refresh_token, ClientId=flows.client_id,
                   RefreshToken=revoked["RefreshToken"]) == ("NotAuthorizedException", "Refresh Token has been revoked")
    assert public_idp.get_user(AccessToken=kept["AccessToken"])["Username"]  # another sign-in is untouched
    public_idp.revoke_token(ClientId=flows.client_id, Token=revoked["RefreshToken"])  # again: nothing to do


def test_revoke_token_refusals(cognito_aws: Any, flows: Pool, public_idp: Any, user: str, clients: dict[str, str]) -> None:
    unrevocable = sign_in(public_idp, flows, user, clients["Unrevocable"])
    code, _ = refused(public_idp.revoke_token, ClientId=clients["Unrevocable"], Token=unrevocable["RefreshToken"])
    assert code == "UnsupportedOperationException"
    tokens = sign_in(public_idp, flows, user)
    code, _ = refused(public_idp.revoke_token, ClientId=flows.client_id, Token=tokens["AccessToken"])
    assert code == "UnsupportedTokenTypeException"
    code, _ = refused(public_idp.revoke_token, ClientId=clients["Unrevocable"], Token=tokens["RefreshToken"])
    assert code in ("UnsupportedOperationException", "UnauthorizedException")
    assert public_idp.get_user(AccessToken=tokens["AccessToken"])["Username"]  # nothing was revoked


def test_global_sign_out_ends_every_sign_in_of_the_user(cognito_aws: Any, flows: Pool, public_idp: Any) -> None:
    email = "sessions-gus@example.com"
    confirmed_user(cognito_aws, flows, public_idp, email)
    one, two = sign_in(public_idp, flows, email), sign_in(public_idp, flows, email)
    public_idp.global_sign_out(AccessToken=one["AccessToken"])
    for tokens in (one, two):
        assert refused(public_idp.get_user, AccessToken=tokens["AccessToken"]) == ("NotAuthorizedException", REVOKED)
        assert refused(public_idp.get_tokens_from_refresh_token, ClientId=flows.client_id,
                       RefreshToken=tokens["RefreshToken"])[0] == "NotAuthorizedException"
    # every call that takes an access token refuses it
    access = two["AccessToken"]
    calls: list[tuple[Any, dict[str, Any]]] = [
        (public_idp.update_user_attributes, {"UserAttributes": [{"Name": "name", "Value": "Gus"}]}),
        (public_idp.change_password, {"PreviousPassword": PASSWORD, "ProposedPassword": "Another-Pass-2"}),
        (public_idp.get_user_attribute_verification_code, {"AttributeName": "email"}),
        (public_idp.delete_user, {}),
        (public_idp.global_sign_out, {}),
        (public_idp.associate_software_token, {}),
    ]
    for call, kwargs in calls:
        assert refused(call, AccessToken=access, **kwargs) == ("NotAuthorizedException", REVOKED), call
    fresh = sign_in(public_idp, flows, email)  # signing in again works: the password did not change
    assert public_idp.get_user(AccessToken=fresh["AccessToken"])["Username"]


def test_admin_user_global_sign_out(cognito_aws: Any, flows: Pool, public_idp: Any, idp: Any) -> None:
    email = "sessions-ada@example.com"
    sub = confirmed_user(cognito_aws, flows, public_idp, email)
    tokens = sign_in(public_idp, flows, email)
    idp.admin_user_global_sign_out(UserPoolId=flows.id, Username=sub)
    assert refused(public_idp.get_user, AccessToken=tokens["AccessToken"]) == ("NotAuthorizedException", REVOKED)
    code, _ = refused(idp.admin_user_global_sign_out, UserPoolId=flows.id, Username="nobody@example.com")
    assert code == "UserNotFoundException"


def test_access_token_calls_work_and_check_the_token(cognito_aws: Any, flows: Pool, public_idp: Any) -> None:
    email = "sessions-cal@example.com"
    confirmed_user(cognito_aws, flows, public_idp, email)
    tokens = sign_in(public_idp, flows, email)
    got = public_idp.get_user(AccessToken=tokens["AccessToken"])
    assert {a["Name"]: a["Value"] for a in got["UserAttributes"]}["email"] == email
    assert refused(public_idp.change_password, AccessToken=tokens["AccessToken"], PreviousPassword="Wrong-Pass-1",
                   ProposedPassword="Another-Pass-2")[0] == "NotAuthorizedException"
    public_idp.change_password(AccessToken=tokens["AccessToken"], PreviousPassword=PASSWORD, ProposedPassword="Another-Pass-2")
    assert refused(public_idp.get_user, AccessToken=tokens["IdToken"]) == ("NotAuthorizedException", "Invalid Access Token")
    assert refused(public_idp.get_user, AccessToken="not-a-token") == ("NotAuthorizedException", "Invalid Access Token")
    forged = tokens["AccessToken"][:-8] + ("A" * 8 if not tokens["AccessToken"].endswith("A" * 8) else "B" * 8)
    assert refused(public_idp.get_user, AccessToken=forged) == ("NotAuthorizedException", "Invalid Access Token")
    public_idp.delete_user(AccessToken=tokens["AccessToken"])
    assert refused(public_idp.get_user, AccessToken=tokens["AccessToken"])[0] == "NotAuthorizedException"
    code, _ = refused(password_sign_in, idp=public_idp, pool=flows, email=email, password="Another-Pass-2")
    assert code in ("NotAuthorizedException", "UserNotFoundException")


def test_bad_refresh_tokens_are_refused_and_nothing_is_issued(
    cognito_aws: Any, flows: Pool, public_idp: Any, user: str, clients: dict[str, str],
) -> None:
    tokens = sign_in(public_idp, flows, user)
    cognito_aws.trace(flows.id, clear=True)
    for client_id, token in ((clients["Rotating"], tokens["RefreshToken"]), (flows.client_id, "malformed"),
                             (flows.client_id, tokens["AccessToken"])):
        assert refused(public_idp.get_tokens_from_refresh_token, ClientId=client_id,
                       RefreshToken=token) == ("NotAuthorizedException", "Invalid Refresh Token")
    assert cognito_aws.trace_sources(flows.id) == []  # no pre token generation: nothing issued
    code, _ = refused(public_idp.get_tokens_from_refresh_token, ClientId="nosuchclient", RefreshToken=tokens["RefreshToken"])
    assert code == "ResourceNotFoundException"
