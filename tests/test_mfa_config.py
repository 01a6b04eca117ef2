"""The pool's MFA settings checked before synth, and written as given when they hold."""

from __future__ import annotations

import pytest

from cdktf_userpool import UserPool
from cdktf_userpool.errors import ConfigurationError
from tests._synth import new_stack, synth


def test_mfa_asked_for_with_no_factor_is_refused_before_synth() -> None:
    stack = new_stack()
    for mfa in ("ON", "OPTIONAL"):
        with pytest.raises(ConfigurationError, match="offers no second factor") as refused:
            UserPool(stack, f"NoFactor{mfa}", mfa_configuration=mfa)
        assert refused.value.argument == "mfa_configuration" and refused.value.value == mfa
        assert "software_token_mfa_configuration={'enabled': True}" in str(refused.value)
    with pytest.raises(ConfigurationError, match="offers no second factor"):
        UserPool(stack, "Disabled", mfa_configuration="ON", software_token_mfa_configuration={"enabled": False})
    with pytest.raises(ConfigurationError, match="Use 'OFF', 'ON'") as refused:
        UserPool(stack, "Typo", mfa_configuration="REQUIRED")
    assert refused.value.choices == ("OFF", "ON", "OPTIONAL")


def test_a_pool_with_an_authenticator_app_synthesizes_as_given() -> None:
    stack = new_stack()
    UserPool(stack, "Totp", mfa_configuration="OPTIONAL", software_token_mfa_configuration={"enabled": True})
    UserPool(stack, "Off", mfa_configuration="OFF")
    pools = synth(stack)["resource"]["aws_cognito_user_pool"]
    totp = next(p for name, p in pools.items() if name.startswith("Totp"))
    assert totp["mfa_configuration"] == "OPTIONAL"
    assert totp["software_token_mfa_configuration"] == {"enabled": True}


def test_email_codes_need_ses_a_tier_above_lite_and_the_code_placeholder() -> None:
    stack = new_stack()
    email_mfa = {"message": "Your code is {####}", "subject": "Sign-in code"}
    ses = {"email_sending_account": "DEVELOPER", "source_arn": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}
    with pytest.raises(ConfigurationError, match="only through Amazon SES") as refused:
        UserPool(stack, "NoSes", mfa_configuration="OPTIONAL", email_mfa_configuration=email_mfa)
    assert refused.value.argument == "email_configuration" and refused.value.choices == ("DEVELOPER",)
    with pytest.raises(ConfigurationError, match="Essentials and Plus tiers only") as refused:
        UserPool(stack, "Lite", mfa_configuration="OPTIONAL", email_mfa_configuration=email_mfa,
                 email_configuration=ses, user_pool_tier="LITE")
    assert refused.value.argument == "user_pool_tier" and refused.value.value == "LITE"
    with pytest.raises(ConfigurationError, match="lacks the code placeholder") as refused:
        UserPool(stack, "NoCode", mfa_configuration="OPTIONAL", email_mfa_configuration={"message": "Hello"},
                 email_configuration=ses)
    assert refused.value.argument == "email_mfa_configuration.message"
    UserPool(stack, "Email", mfa_configuration="ON", email_mfa_configuration=email_mfa, email_configuration=ses)
    pools = synth(stack)["resource"]["aws_cognito_user_pool"]
    email = next(p for name, p in pools.items() if name.startswith("Email"))
    assert email["email_mfa_configuration"] == email_mfa and email["mfa_configuration"] == "ON"
