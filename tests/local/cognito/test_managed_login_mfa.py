"""Managed login's second factor, without a browser: after the password, the page that asks for the authenticator's
code or the emailed one (the session kept in the page, a wrong code shown with Cognito's message), the choice
between factors, and an authenticator set up while signing in where MFA is required; then the app gets its code.
Shares the package's deployment of tests/local/apps/triggers.py."""

from __future__ import annotations

from typing import Any

import pyotp

from .conftest import Pool
from .test_managed_login import HOSTED, login
from .test_mfa import enrolled, next_code, strict_user
from .test_mfa_codes import signed_in
from .test_signin import PASSWORD


def test_the_authenticators_code_on_its_own_page(cognito_aws: Any, flows: Pool, public_idp: Any, flows_pool: Any,
                                                 web: Any) -> None:
    _, secret, _ = enrolled(cognito_aws, flows, public_idp, "hosted-totp@example.com")
    client = login(flows_pool, web)
    asked = client.submit(client.authorize(scopes=["openid"]), username="hosted-totp@example.com", password=PASSWORD)
    assert asked.redirect is None and asked.forms[0].action.split("?")[0].endswith("/mfa")
    assert set(asked.forms[0].fields) >= {"session", "challenge", "code"}
    assert "authenticator app" in asked.html
    assert cognito_aws.trace_sources(flows.id) == ["PreAuthentication_Authentication"]  # nothing more before the code
    wrong = "000000" if next_code(secret) != "000000" else "111111"
    refused = client.submit(asked, code=wrong)
    assert refused.status == 400 and refused.error == "Invalid code received for user"
    assert refused.forms[0].fields["session"] == asked.forms[0].fields["session"]  # the same sign-in, kept
    landed = client.submit(refused, code=next_code(secret))
    assert landed.redirect and "code" in landed.params
    tokens = client.exchange(landed)
    assert tokens["id_token"]
    assert cognito_aws.trace_sources(flows.id, clear=True) == HOSTED


def test_an_emailed_code_and_the_choice_between_factors(cognito_aws: Any, flows: Pool, public_idp: Any,
                                                        flows_pool: Any, web: Any) -> None:
    access = signed_in(cognito_aws, flows, public_idp, "hosted-choose@example.com")
    secret = public_idp.associate_software_token(AccessToken=access)["SecretCode"]
    public_idp.verify_software_token(AccessToken=access, UserCode=pyotp.TOTP(secret).now())
    public_idp.set_user_mfa_preference(AccessToken=access, SoftwareTokenMfaSettings={"Enabled": True},
                                       EmailMfaSettings={"Enabled": True})
    client = login(flows_pool, web)
    choose = client.submit(client.authorize(scopes=["openid"]), username="hosted-choose@example.com", password=PASSWORD)
    assert [form.fields["answer"] for form in choose.forms] == ["SOFTWARE_TOKEN_MFA", "EMAIL_OTP"]
    emailed = client.submit(choose, 1)
    assert "We sent a code to h***@e***." in emailed.html
    sent = cognito_aws.outbox(flows.id)[-1]
    assert (sent.kind, sent.trigger_source) == ("Authentication", "CustomMessage_Authentication")
    landed = client.submit(emailed, code=sent.code)
    assert "id_token" in client.exchange(landed)


def test_an_authenticator_set_up_while_signing_in_where_mfa_is_required(cognito_aws: Any, strict: Pool,
                                                                          triggers_stack: Any) -> None:
    pool = triggers_stack.user_pool("Strict")
    web = pool.client("triggers-Strict-Web")
    strict_user(cognito_aws, strict, "hosted-setup")
    client = login(pool, web)
    setup = client.submit(client.authorize(scopes=["openid"]), username="hosted-setup", password=PASSWORD)
    secret = setup.forms[0].fields["secret"]
    assert secret in setup.html and "authenticator app" in setup.html
    refused = client.submit(setup, code="000000" if pyotp.TOTP(secret).now() != "000000" else "111111")
    assert refused.error == "Code mismatch and fail enable Software Token MFA"
    landed = client.submit(refused, code=pyotp.TOTP(secret).now())
    assert "access_token" in client.exchange(landed)
    again = login(pool, web)  # from now on, the code
    asked = again.submit(again.authorize(scopes=["openid"]), username="hosted-setup", password=PASSWORD)
    assert set(asked.forms[0].fields) >= {"session", "code"} and "secret" not in asked.forms[0].fields
    assert "code" in again.submit(asked, code=next_code(secret)).params
