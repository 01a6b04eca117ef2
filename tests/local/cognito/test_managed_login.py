"""Managed login on the local pool, without a browser: ``/oauth2/authorize``, the pages, the token endpoint,
with the triggers in Cognito's order and Cognito's refusals (``cdktf_userpool.local.login``)."""

from __future__ import annotations

import base64
import hashlib
from typing import Any

import pytest

from .conftest import Pool
from .test_signin import LEGACY_PASSWORD, PASSWORD, _app_constant, confirmed_user

CALLBACK = _app_constant("CALLBACK")
SIGNED_OUT = _app_constant("SIGNED_OUT")

HOSTED = ["PreAuthentication_Authentication", "PostAuthentication_Authentication", "TokenGeneration_HostedAuth"]


def login(pool: Any, client: Any, **kwargs: Any) -> Any:
    from cdktf_userpool.local import ManagedLogin

    return ManagedLogin(pool.domain_url, client.id, CALLBACK, client_secret=client.secret, **kwargs)


def claims(aws: Any, pool_id: str, token: str, audience: str | None = None) -> dict[str, Any]:
    import jwt

    jwks = jwt.PyJWKClient(f"{aws.endpoint_url}/{pool_id}/.well-known/jwks.json")
    return dict(jwt.decode(token, jwks.get_signing_key_from_jwt(token).key, algorithms=["RS256"], audience=audience,
                           options={"verify_aud": audience is not None}))


def test_domain_url_is_the_pools_domain_on_the_emulator(cognito_aws: Any, flows_pool: Any) -> None:
    assert flows_pool.domain_url == f"{cognito_aws.endpoint_url}/_domain/flows-local.auth.eu-west-1.amazoncognito.com"


def test_authorize_without_a_session_redirects_to_the_login_page_with_the_same_parameters(flows_pool: Any, web: Any) -> None:
    page = login(flows_pool, web).authorize(scopes=["openid"], nonce="n-1")
    assert page.status == 200 and "/login?" in page.url and "nonce=n-1" in page.url
    assert set(page.forms[0].fields) == {"_csrf", "username", "password"}


def test_sign_in_with_pkce_runs_the_triggers_and_the_code_gives_tokens(
        cognito_aws: Any, flows: Pool, public_idp: Any, flows_pool: Any, web: Any) -> None:
    sub = confirmed_user(cognito_aws, flows, public_idp, "hosted-ida@example.com")
    client = login(flows_pool, web)
    page = client.authorize(scopes=["openid", "email"], nonce="nonce-42")
    landed = client.submit(page, username="hosted-ida@example.com", password=PASSWORD)
    assert landed.redirect and landed.redirect.startswith(CALLBACK + "?")
    assert landed.params["state"] and set(landed.params) == {"code", "state"}
    assert [e.trigger_source for e in cognito_aws.trace(flows.id)] == HOSTED[:2]  # tokens only at the exchange
    tokens = client.exchange(landed)
    trace = cognito_aws.trace(flows.id, clear=True)
    assert [e.trigger_source for e in trace] == HOSTED
    assert trace[-1].event["request"]["scopes"] == ["openid", "email"]
    ident = claims(cognito_aws, flows.id, tokens["id_token"], web.id)
    assert ident["sub"] == sub and ident["nonce"] == "nonce-42" and ident["tenant"] == "acme"
    digest = hashlib.sha256(tokens["access_token"].encode()).digest()
    assert ident["at_hash"] == base64.urlsafe_b64encode(digest[:16]).rstrip(b"=").decode()
    access = claims(cognito_aws, flows.id, tokens["access_token"])
    assert access["scope"].split() == ["openid", "email", "api/read"] and access["client_id"] == web.id
    status, refreshed = client.token(grant_type="refresh_token", refresh_token=tokens["refresh_token"])
    assert status == 200 and claims(cognito_aws, flows.id, refreshed["access_token"])["scope"].split() == \
        ["openid", "email", "api/read"]
    status, reused = client.token(grant_type="authorization_code", code=landed.params["code"], redirect_uri=CALLBACK,
                                  code_verifier=client.verifier or "")
    assert (status, reused) == (400, {"error": "invalid_grant"})  # a code is single use


def test_a_session_cookie_signs_in_again_without_the_form_unless_prompt_login(
        cognito_aws: Any, flows: Pool, public_idp: Any, flows_pool: Any, web: Any) -> None:
    confirmed_user(cognito_aws, flows, public_idp, "hosted-cookie@example.com")
    client = login(flows_pool, web)
    client.sign_in("hosted-cookie@example.com", PASSWORD, scopes=["openid"])
    cognito_aws.trace(flows.id, clear=True)
    again = client.authorize(scopes=["openid"])
    assert again.redirect and "code" in again.params
    assert "id_token" in client.exchange(again)
    assert [e.trigger_source for e in cognito_aws.trace(flows.id, clear=True)] == ["TokenGeneration_HostedAuth"]
    forced = client.authorize(scopes=["openid"], prompt="login")
    assert forced.redirect is None and "username" in forced.forms[0].fields


def test_wrong_password_disabled_user_and_refusing_trigger_are_shown_on_the_page(
        cognito_aws: Any, flows: Pool, public_idp: Any, idp: Any, flows_pool: Any, web: Any) -> None:
    confirmed_user(cognito_aws, flows, public_idp, "hosted-off@example.com")
    confirmed_user(cognito_aws, flows, public_idp, "hosted-preauth-raise@example.com")
    client = login(flows_pool, web)
    wrong = client.submit(client.authorize(), username="hosted-off@example.com", password="Wrong-Pass-1")
    assert (wrong.status, wrong.error, wrong.redirect) == (400, "Incorrect username or password.", None)
    idp.admin_disable_user(UserPoolId=flows.id, Username="hosted-off@example.com")
    disabled = client.submit(client.authorize(), username="hosted-off@example.com", password=PASSWORD)
    assert disabled.error == "User is disabled." and disabled.redirect is None
    refused = client.submit(client.authorize(), username="hosted-preauth-raise@example.com", password=PASSWORD)
    assert refused.error == "PreAuthentication failed with error sign-in blocked."
    assert not cognito_aws.trace(flows.id, clear=True)[-1].trigger_source.startswith("Post")


def test_the_authorize_request_is_checked_against_the_client(flows_pool: Any, web: Any) -> None:
    client = login(flows_pool, web)
    page = client.open(f"oauth2/authorize?response_type=code&client_id={web.id}&redirect_uri=https://evil.example/cb")
    assert page.status == 400 and page.error == "redirect_mismatch" and "/error?" in page.url
    unknown = client.open("oauth2/authorize?response_type=code&client_id=nosuchclient&redirect_uri=" + CALLBACK)
    assert unknown.status == 400 and unknown.error == "unauthorized_client"
    scope = client.authorize(scopes=["phone"])
    assert scope.params["error"] == "invalid_scope" and scope.params["state"]
    plain = client.authorize(pkce=False, code_challenge="abc", code_challenge_method="plain")
    assert plain.params["error"] == "invalid_request"  # Cognito supports only S256
    kind = client.authorize(response_type="id_token")
    assert kind.params["error"] == "unsupported_response_type"
    other_idp = client.authorize(identity_provider="Google")
    assert other_idp.params["error"] == "invalid_request"


def test_a_wrong_or_missing_verifier_and_another_redirect_uri_get_invalid_grant(
        cognito_aws: Any, flows: Pool, public_idp: Any, flows_pool: Any, web: Any) -> None:
    confirmed_user(cognito_aws, flows, public_idp, "hosted-pkce@example.com")
    client = login(flows_pool, web)
    for form in ({"code_verifier": "not-the-verifier"}, {}, {"redirect_uri": SIGNED_OUT}):
        landed = client.submit(client.authorize(prompt="login"), username="hosted-pkce@example.com", password=PASSWORD)
        sent = {"grant_type": "authorization_code", "code": landed.params["code"], "redirect_uri": CALLBACK, **form}
        assert client.token(**sent) == (400, {"error": "invalid_grant"})


def test_implicit_grant_puts_the_tokens_in_the_fragment_without_a_refresh_token(
        cognito_aws: Any, flows: Pool, public_idp: Any, flows_pool: Any, web: Any) -> None:
    confirmed_user(cognito_aws, flows, public_idp, "hosted-implicit@example.com")
    client = login(flows_pool, web)
    landed = client.submit(client.authorize(response_type="token", scopes=["openid", "profile"], nonce="n"),
                           username="hosted-implicit@example.com", password=PASSWORD)
    assert landed.redirect and "#" in landed.redirect
    assert {"access_token", "id_token", "expires_in", "token_type", "state"} == set(landed.params)
    assert claims(cognito_aws, flows.id, landed.params["id_token"], web.id)["nonce"] == "n"


def test_confidential_client_must_authenticate_at_the_token_endpoint(
        cognito_aws: Any, flows: Pool, public_idp: Any, flows_pool: Any) -> None:
    confirmed_user(cognito_aws, flows, public_idp, "hosted-server@example.com")
    server = flows_pool.client("triggers-Flows-WebServer")
    client = login(flows_pool, server)
    landed = client.submit(client.authorize(pkce=False), username="hosted-server@example.com", password=PASSWORD)
    anonymous = login(flows_pool, type(server)(server.name, server.id, None, server.address))
    assert anonymous.token(grant_type="authorization_code", code=landed.params["code"], redirect_uri=CALLBACK) == \
        (401, {"error": "invalid_client"})
    assert "id_token" in client.exchange(landed)


def test_user_migration_brings_in_an_unknown_user_at_the_login_page(
        cognito_aws: Any, flows: Pool, flows_pool: Any, web: Any) -> None:
    cognito_aws.trace(flows.id, clear=True)
    tokens = login(flows_pool, web).sign_in("legacy-hosted@example.com", LEGACY_PASSWORD, scopes=["openid"])
    assert "access_token" in tokens
    assert [e.trigger_source for e in cognito_aws.trace(flows.id, clear=True)] == ["UserMigration_Authentication", *HOSTED]


def test_sign_up_confirm_with_the_emailed_code_then_signed_in(cognito_aws: Any, flows: Pool, flows_pool: Any, web: Any) -> None:
    cognito_aws.trace(flows.id, clear=True)
    cognito_aws.outbox(flows.id, clear=True)
    client = login(flows_pool, web)
    form = client.open(client.authorize(scopes=["openid"]).links["Sign up"])
    assert "/signup?" in form.url and set(form.forms[0].fields) == {"_csrf", "username", "password"}
    confirm = client.submit(form, username="hosted-new@example.com", password=PASSWORD)
    assert "/confirmUser?" in confirm.url and confirm.redirect is None
    (mail,) = cognito_aws.outbox(flows.id, clear=True)
    resent = client.submit(confirm, 1)  # "Send a new code": only the last one confirms
    assert resent.error is None
    (mail,) = cognito_aws.outbox(flows.id, clear=True)
    wrong = client.submit(resent, code="000000" if mail.code != "000000" else "111111")
    assert wrong.error == "Invalid verification code provided, please try again."
    landed = client.submit(wrong, code=mail.code)
    assert landed.redirect and "code" in landed.params
    assert "id_token" in client.exchange(landed)
    assert cognito_aws.trace_sources(flows.id) == [
        "PreSignUp_SignUp", "CustomMessage_SignUp", "CustomMessage_ResendCode", "PostConfirmation_ConfirmSignUp",
        *HOSTED]


def test_a_refusing_pre_sign_up_shows_cognitos_message_on_the_page(
        cognito_aws: Any, flows: Pool, idp: Any, flows_pool: Any, web: Any) -> None:
    client = login(flows_pool, web)
    form = client.open(client.authorize().links["Sign up"])
    refused = client.submit(form, username="hosted-presignup-raise@example.com", password=PASSWORD)
    assert refused.status == 400 and refused.redirect is None
    assert refused.error == "PreSignUp failed with error no sign-ups for hosted-presignup-raise."
    assert idp.list_users(UserPoolId=flows.id, Filter='email = "hosted-presignup-raise@example.com"')["Users"] == []


def test_forgot_password_then_reset_with_the_code_then_sign_in(
        cognito_aws: Any, flows: Pool, public_idp: Any, flows_pool: Any, web: Any) -> None:
    confirmed_user(cognito_aws, flows, public_idp, "hosted-forgot@example.com")
    cognito_aws.outbox(flows.id, clear=True)
    client = login(flows_pool, web)
    form = client.open(client.authorize().links["Forgot your password?"])
    reset = client.submit(form, username="hosted-forgot@example.com")
    assert "/confirmForgotPassword?" in reset.url
    (mail,) = cognito_aws.outbox(flows.id, clear=True)
    signin = client.submit(reset, code=mail.code, password="Brand-New-Pass-7")
    assert signin.redirect is None and signin.forms[0].fields.keys() >= {"username", "password"}
    landed = client.submit(signin, username="hosted-forgot@example.com", password="Brand-New-Pass-7")
    assert "code" in landed.params
    assert cognito_aws.trace_sources(flows.id, clear=True) == [
        "CustomMessage_ForgotPassword", "PostConfirmation_ConfirmForgotPassword", *HOSTED[:2]]


def test_an_administrator_created_user_sets_a_new_password_then_is_signed_in(
        cognito_aws: Any, flows: Pool, idp: Any, flows_pool: Any, web: Any) -> None:
    idp.admin_create_user(UserPoolId=flows.id, Username="hosted-invited@example.com", TemporaryPassword="Temp-Pass-123",
                          MessageAction="SUPPRESS")
    cognito_aws.trace(flows.id, clear=True)
    client = login(flows_pool, web)
    change = client.submit(client.authorize(), username="hosted-invited@example.com", password="Temp-Pass-123")
    assert change.redirect is None and "new_password" in change.forms[0].fields
    weak = client.submit(change, new_password="short")
    assert weak.error and "password policy" in weak.error
    landed = client.submit(weak, new_password="Chosen-Pass-123")
    assert "code" in landed.params and "id_token" in client.exchange(landed)
    assert cognito_aws.trace_sources(flows.id, clear=True) == HOSTED
    user = idp.admin_get_user(UserPoolId=flows.id, Username="hosted-invited@example.com")
    assert user["UserStatus"] == "CONFIRMED"


def test_user_info_revoke_logout_and_discovery(cognito_aws: Any, flows: Pool, public_idp: Any, flows_pool: Any,
                                              web: Any) -> None:
    import json
    import urllib.error
    import urllib.request

    sub = confirmed_user(cognito_aws, flows, public_idp, "hosted-info@example.com")
    client = login(flows_pool, web)
    tokens = client.sign_in("hosted-info@example.com", PASSWORD, scopes=["openid", "email"])

    def get(url: str, token: str | None = None) -> tuple[int, dict[str, Any]]:
        request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"} if token else {})
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                return answer.status, json.loads(answer.read())
        except urllib.error.HTTPError as refused:
            return refused.code, json.loads(refused.read())

    status, info = get(f"{flows_pool.domain_url}/oauth2/userInfo", tokens["access_token"])
    assert status == 200 and info["sub"] == sub and info["email"] == "hosted-info@example.com"
    assert get(f"{flows_pool.domain_url}/oauth2/userInfo", tokens["id_token"])[0] == 401
    status, config = get(f"{flows_pool.domain_url}/.well-known/openid-configuration")
    assert config["issuer"] == f"https://cognito-idp.eu-west-1.amazonaws.com/{flows.id}"
    assert config["authorization_endpoint"] == f"{flows_pool.domain_url}/oauth2/authorize"
    import jwt

    key = jwt.PyJWKClient(config["jwks_uri"]).get_signing_key_from_jwt(tokens["id_token"]).key
    assert jwt.decode(tokens["id_token"], key, algorithms=["RS256"], audience=web.id)["sub"] == sub

    revoke = urllib.request.Request(f"{flows_pool.domain_url}/oauth2/revoke",
                                    data=f"token={tokens['refresh_token']}&client_id={web.id}".encode())
    with urllib.request.urlopen(revoke, timeout=30) as answer:
        assert answer.status == 200
    assert client.token(grant_type="refresh_token", refresh_token=tokens["refresh_token"]) == \
        (400, {"error": "invalid_grant"})
    assert get(f"{flows_pool.domain_url}/oauth2/userInfo", tokens["access_token"]) == \
        (401, {"error": "invalid_token", "error_description": "Access Token has been revoked"})

    assert client.authorize().redirect  # the session cookie signs in at once
    bad = client.open(f"logout?client_id={web.id}&logout_uri=https://evil.example/")
    assert bad.error == "redirect_mismatch"
    out = client.open(f"logout?client_id={web.id}&logout_uri={SIGNED_OUT}")
    assert out.redirect == SIGNED_OUT
    assert client.authorize().redirect is None  # signed out: the form again


@pytest.mark.parametrize(("pool_name", "version"), [("Classic", "1"), ("Senders", "3")])
def test_hosted_auth_reaches_pre_token_generation_v1_and_v3(
        cognito_aws: Any, triggers_stack: Any, senders_stack: Any, classic: Pool, senders: Pool, pool_name: str,
        version: str) -> None:
    deployed = (triggers_stack if pool_name == "Classic" else senders_stack).user_pool(pool_name)
    pool = classic if pool_name == "Classic" else senders
    email = f"hosted-v{version}@example.com"
    admin = cognito_aws.client("cognito-idp", region="eu-west-1")
    admin.admin_create_user(UserPoolId=pool.id, Username=email, MessageAction="SUPPRESS",
                             UserAttributes=[{"Name": "email", "Value": email}, {"Name": "email_verified", "Value": "true"}])
    admin.admin_set_user_password(UserPoolId=pool.id, Username=email, Password=PASSWORD, Permanent=True)
    cognito_aws.trace(pool.id, clear=True)
    web = deployed.client(f"{'triggers' if pool_name == 'Classic' else 'senders'}-{pool_name}-Web")
    tokens = login(deployed, web).sign_in(email, PASSWORD)
    (event,) = [e.event for e in cognito_aws.trace(pool.id, clear=True)]
    assert event["triggerSource"] == "TokenGeneration_HostedAuth" and event["version"] == version
    access = claims(cognito_aws, pool.id, tokens["access_token"])
    if version == "1":
        assert claims(cognito_aws, pool.id, tokens["id_token"], web.id)["tenant"] == "classic"
        assert sorted(access["scope"].split()) == ["email", "openid"]
    else:
        assert access["caller"] == "TokenGeneration_HostedAuth"
        assert sorted(access["scope"].split()) == ["https://api.example.com/read", "openid"]
