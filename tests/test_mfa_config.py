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
