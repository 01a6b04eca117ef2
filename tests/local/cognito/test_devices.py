"""Remembered devices on the local pool (the Strict pool: MFA ON with an authenticator app, devices tracked and
remembered when the user says so): NewDeviceMetadata after a sign-in, ConfirmDevice with the verifier
pycognito computes for the device, UpdateDeviceStatus, a remembered device signing in with DEVICE_SRP_AUTH and
DEVICE_PASSWORD_VERIFIER instead of the code (pycognito's device SRP, TokenGeneration_AuthenticateDevice), the
device calls and their Admin forms, and Cognito's errors. Shares the package's deployment of
tests/local/apps/triggers.py."""

from __future__ import annotations

from typing import Any

import pyotp
import pytest
from botocore.exceptions import ClientError

from .conftest import Pool
from .test_mfa import error, next_code, strict_user
from .test_signin import PASSWORD, password_sign_in

pycognito = pytest.importorskip("pycognito", reason="pycognito (test extra) is not installed")


def enrolled(aws: Any, pool: Pool, idp: Any, name: str) -> tuple[str, dict[str, Any]]:
    """A Strict user who set up their authenticator while signing in: (its secret, the sign-in's result)."""
    strict_user(aws, pool, name)
    asked = password_sign_in(idp, pool, name)
    associated = idp.associate_software_token(Session=asked["Session"])
    verified = idp.verify_software_token(Session=associated["Session"],
                                         UserCode=pyotp.TOTP(associated["SecretCode"]).now())
    done = idp.respond_to_auth_challenge(ClientId=pool.client_id, ChallengeName="MFA_SETUP",
                                         Session=verified["Session"], ChallengeResponses={"USERNAME": name})
    return str(associated["SecretCode"]), dict(done["AuthenticationResult"])


def confirmed(idp: Any, result: dict[str, Any]) -> tuple[str, str, str, bool]:
    """The new device confirmed with pycognito's verifier: (key, group key, device password, confirmation needed)."""
    from pycognito.aws_srp import generate_hash_device

    metadata = result["NewDeviceMetadata"]
    password, config = generate_hash_device(metadata["DeviceGroupKey"], metadata["DeviceKey"])
    answer = idp.confirm_device(AccessToken=result["AccessToken"], DeviceKey=metadata["DeviceKey"],
                                DeviceSecretVerifierConfig=config, DeviceName="laptop")
    return metadata["DeviceKey"], metadata["DeviceGroupKey"], password, bool(answer["UserConfirmationNecessary"])


def device_sign_in(aws: Any, pool: Pool, idp: Any, name: str, key: str, group: str, password: str) -> dict[str, Any]:
    """pycognito's SRP sign-in from the device (it answers DEVICE_SRP_AUTH itself)."""
    from pycognito.aws_srp import AWSSRP

    srp = AWSSRP(username=name, password=PASSWORD, pool_id=pool.id, client_id=pool.client_id, client=idp,
                 device_key=key, device_group_key=group, device_password=password)
    return dict(srp.authenticate_user())


def test_a_remembered_device_signs_in_without_the_code(cognito_aws: Any, strict: Pool, public_idp: Any) -> None:
    secret, first = enrolled(cognito_aws, strict, public_idp, "device-dee")
    assert first["NewDeviceMetadata"]["DeviceKey"].startswith("eu-west-1_")
    key, group, password, necessary = confirmed(public_idp, first)
    assert necessary is True  # remembered only when the user says so
    (listed,) = public_idp.list_devices(AccessToken=first["AccessToken"])["Devices"]
    attributes = {a["Name"]: a["Value"] for a in listed["DeviceAttributes"]}
    assert listed["DeviceKey"] == key and attributes["device_name"] == "laptop"
    assert attributes["dev:device_remembered_status"] == "not_remembered"
    from pycognito.exceptions import SoftwareTokenMFAChallengeException

    with pytest.raises(SoftwareTokenMFAChallengeException):  # not remembered yet: the code is still asked for
        device_sign_in(cognito_aws, strict, public_idp, "device-dee", key, group, password)
    public_idp.update_device_status(AccessToken=first["AccessToken"], DeviceKey=key, DeviceRememberedStatus="remembered")
    cognito_aws.trace(strict.id, clear=True)
    tokens = device_sign_in(cognito_aws, strict, public_idp, "device-dee", key, group, password)
    assert tokens["AuthenticationResult"]["AccessToken"] and "NewDeviceMetadata" not in tokens["AuthenticationResult"]
    assert cognito_aws.trace_sources(strict.id) == ["TokenGeneration_AuthenticateDevice"]
    got = public_idp.get_device(AccessToken=first["AccessToken"], DeviceKey=key)["Device"]
    assert {"Name": "dev:device_remembered_status", "Value": "remembered"} in got["DeviceAttributes"]
    with pytest.raises(ClientError) as refused:  # the device's password is the device's own
        device_sign_in(cognito_aws, strict, public_idp, "device-dee", key, group, "not-the-device-password")
    assert error(refused) == ("NotAuthorizedException", "Incorrect username or password.")
    public_idp.forget_device(AccessToken=first["AccessToken"], DeviceKey=key)
    assert public_idp.list_devices(AccessToken=first["AccessToken"])["Devices"] == []
    asked = public_idp.initiate_auth(ClientId=strict.client_id, AuthFlow="USER_PASSWORD_AUTH",
                                     AuthParameters={"USERNAME": "device-dee", "PASSWORD": PASSWORD, "DEVICE_KEY": key})
    assert asked["ChallengeName"] == "SOFTWARE_TOKEN_MFA"  # forgotten: a new device again
    done = public_idp.respond_to_auth_challenge(
        ClientId=strict.client_id, ChallengeName="SOFTWARE_TOKEN_MFA", Session=asked["Session"],
        ChallengeResponses={"USERNAME": "device-dee", "SOFTWARE_TOKEN_MFA_CODE": next_code(secret), "DEVICE_KEY": key})
    assert done["AuthenticationResult"]["NewDeviceMetadata"]["DeviceKey"] != key


def test_the_administrator_lists_gets_updates_and_forgets_devices(cognito_aws: Any, strict: Pool, public_idp: Any,
                                                                  idp: Any) -> None:
    _, first = enrolled(cognito_aws, strict, public_idp, "device-ed")
    key, _, _, _ = confirmed(public_idp, first)
    (listed,) = idp.admin_list_devices(UserPoolId=strict.id, Username="device-ed")["Devices"]
    assert listed["DeviceKey"] == key and listed["DeviceCreateDate"]
    idp.admin_update_device_status(UserPoolId=strict.id, Username="device-ed", DeviceKey=key,
                                   DeviceRememberedStatus="remembered")
    got = idp.admin_get_device(UserPoolId=strict.id, Username="device-ed", DeviceKey=key)["Device"]
    assert {"Name": "dev:device_remembered_status", "Value": "remembered"} in got["DeviceAttributes"]
    with pytest.raises(ClientError) as bad_status:
        idp.admin_update_device_status(UserPoolId=strict.id, Username="device-ed", DeviceKey=key,
                                       DeviceRememberedStatus="forever")
    assert error(bad_status)[0] == "InvalidParameterException"
    idp.admin_forget_device(UserPoolId=strict.id, Username="device-ed", DeviceKey=key)
    with pytest.raises(ClientError) as gone:
        idp.admin_get_device(UserPoolId=strict.id, Username="device-ed", DeviceKey=key)
    assert error(gone) == ("ResourceNotFoundException", "Device does not exist.")


def test_a_device_is_its_users_only_and_confirmed_once(cognito_aws: Any, strict: Pool, public_idp: Any) -> None:
    _, mine = enrolled(cognito_aws, strict, public_idp, "device-fay")
    _, theirs = enrolled(cognito_aws, strict, public_idp, "device-gus")
    from pycognito.aws_srp import generate_hash_device

    metadata = theirs["NewDeviceMetadata"]
    _, config = generate_hash_device(metadata["DeviceGroupKey"], metadata["DeviceKey"])
    with pytest.raises(ClientError) as foreign:  # another user's device
        public_idp.confirm_device(AccessToken=mine["AccessToken"], DeviceKey=metadata["DeviceKey"],
                                  DeviceSecretVerifierConfig=config)
    assert error(foreign) == ("ResourceNotFoundException", "Device does not exist.")
    key, _, _, _ = confirmed(public_idp, theirs)
    with pytest.raises(ClientError) as twice:
        public_idp.confirm_device(AccessToken=theirs["AccessToken"], DeviceKey=key, DeviceSecretVerifierConfig=config)
    assert error(twice)[0] == "InvalidParameterException"
    with pytest.raises(ClientError) as not_mine:
        public_idp.get_device(AccessToken=mine["AccessToken"], DeviceKey=key)
    assert error(not_mine)[0] == "ResourceNotFoundException"
