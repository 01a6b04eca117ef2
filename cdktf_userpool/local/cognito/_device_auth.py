"""A remembered device signs in: ``DEVICE_SRP_AUTH``, then ``DEVICE_PASSWORD_VERIFIER``, instead of a second factor.

Where the pool's ``DeviceConfiguration`` has ``ChallengeRequiredOnNewDevice``, a sign-in whose first
factor passed and that names (``DEVICE_KEY``, in ``AuthParameters`` or a challenge's responses) a
confirmed, remembered device of the user gets ``DEVICE_SRP_AUTH`` before any MFA step. The client
answers with ``SRP_A`` and the ``DEVICE_KEY``; ``DEVICE_PASSWORD_VERIFIER`` carries ``SALT`` (the
device's), ``SRP_B`` and ``SECRET_BLOCK``, and its answer is the SRP proof of the device's own password
(``_srp_math`` with the ``DeviceGroupKey`` for the pool's name and the ``DeviceKey`` for the user, as
amazon-cognito-identity-js and Amplify compute it). A right proof ends the sign-in with pre token
generation ``TokenGeneration_AuthenticateDevice``, then post authentication; a wrong one is
``NotAuthorizedException``; a device that is not (or no longer) the user's is
``ResourceNotFoundException "Device does not exist."``. Like ``PASSWORD_VERIFIER``, both answers are
found without their ``Session`` too (pycognito sends none): by the ``DEVICE_KEY``, then by the
``SECRET_BLOCK``.
"""

from __future__ import annotations

import base64
import secrets
import time
from typing import Any

from . import _devices
from ._errors import cognito_error, invalid_parameter, not_authorized
from ._events import metadata
from ._pools import Call
from ._signin import after_first_factor, answers, challenged_user, finish, open_session, take_session
from ._srp_math import proof_holds, verifier_challenge

__all__ = ["DEVICE_SRP_AUTH", "DEVICE_PASSWORD_VERIFIER"]

DEVICE_SRP_AUTH = "DEVICE_SRP_AUTH"
DEVICE_PASSWORD_VERIFIER = "DEVICE_PASSWORD_VERIFIER"


def _missing() -> Exception:
    return cognito_error("ResourceNotFoundException", "Device does not exist.")


@after_first_factor(10)
def _remembered_device(call: Call, user: Any, then: tuple[str, Any] | None) -> dict[str, Any] | None:
    if then is not None or not _devices.skips_mfa(call.pool):  # managed login names no device
        return None
    device = _devices.find(call.pool_id, call.device_key, user.username)
    if device is None or not device.confirmed or not device.remembered:
        return None
    token = open_session(call, DEVICE_SRP_AUTH, user, alias=device.key, device=device.key)
    return {"ChallengeName": DEVICE_SRP_AUTH, "Session": token, "ChallengeParameters": {}}


@answers(DEVICE_SRP_AUTH)
def _device_srp(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    """``DEVICE_SRP_AUTH`` answered with ``SRP_A``: the ``DEVICE_PASSWORD_VERIFIER`` challenge."""
    given = params.get("ChallengeResponses") or {}
    key = str(given.get("DEVICE_KEY") or "")
    state = take_session(call, str(params.get("Session") or ""), DEVICE_SRP_AUTH, alias=key)
    user = challenged_user(call, state, given)
    device = _devices.find(call.pool_id, key, user.username)
    if device is None or device.key != state["device"] or device.verifier is None:
        raise _missing()
    srp_a = str(given.get("SRP_A") or "")
    if not srp_a:
        raise invalid_parameter("Missing required parameter SRP_A")
    challenge = verifier_challenge(device.verifier)
    block = base64.b64encode(secrets.token_bytes(64)).decode()
    token = open_session(call, DEVICE_PASSWORD_VERIFIER, user, alias=block, device=device.key, A=int(srp_a, 16),
                         secret_block=block, **challenge)
    return {"ChallengeName": DEVICE_PASSWORD_VERIFIER, "Session": token, "ChallengeParameters": {
        "SALT": str(device.salt), "SRP_B": format(challenge["B"], "x"), "SECRET_BLOCK": block,
        "USERNAME": user.username, "DEVICE_KEY": device.key}}


@answers(DEVICE_PASSWORD_VERIFIER)
def _device_proof(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    """``DEVICE_PASSWORD_VERIFIER`` answered with the proof: the tokens (``TokenGeneration_AuthenticateDevice``)."""
    given = params.get("ChallengeResponses") or {}
    block = str(given.get("PASSWORD_CLAIM_SECRET_BLOCK") or "")
    state = take_session(call, str(params.get("Session") or ""), DEVICE_PASSWORD_VERIFIER, alias=block)
    user = challenged_user(call, state, given)
    device = _devices.find(call.pool_id, state["device"], user.username)
    if device is None:
        raise _missing()
    if block != state["secret_block"] or not proof_holds(
            state, call.pool_id, device.key, state["A"], str(given.get("PASSWORD_CLAIM_SIGNATURE") or ""),
            str(given.get("TIMESTAMP") or ""), block, group=device.group_key):
        raise not_authorized()
    device.last_authenticated = time.time()
    return finish(call, user, "TokenGeneration_AuthenticateDevice", client_metadata=metadata(params.get("ClientMetadata")))
