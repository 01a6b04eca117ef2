"""``USER_SRP_AUTH``: the server side of Cognito's SRP-6a (its arithmetic in ``_srp_math``), so a real SRP
client signs in with the right password and is refused with a wrong one.

``InitiateAuth`` runs pre authentication, then answers ``PASSWORD_VERIFIER`` with ``SALT``,
``SRP_B``, ``SECRET_BLOCK`` and ``USER_ID_FOR_SRP``; ``RespondToAuthChallenge`` checks the proof, then
continues as a password sign-in does. No user migration: the password never reaches Cognito.
The ``TIMESTAMP`` is not checked against the clock.
"""

from __future__ import annotations

import base64
import secrets
from typing import Any

from ._errors import invalid_parameter, not_authorized
from ._events import metadata
from ._pools import Call, check_secret, require_user
from ._signin import after_password, answers, initiates, open_session, pre_authentication, resume, take_session
from ._srp_math import N, pad_hex, proof_holds, server_challenge

__all__ = ["N", "initiate", "pad_hex", "proof_holds", "respond", "server_challenge"]

@initiates("USER_SRP_AUTH")
def initiate(call: Call, params: dict[str, Any], *, then: tuple[str, Any] | None = None) -> dict[str, Any]:
    """``InitiateAuth`` with ``USER_SRP_AUTH``: pre authentication, then the ``PASSWORD_VERIFIER`` challenge.

    :param then: the flow this SRP step runs for and its state (``("CUSTOM_AUTH", session)``: custom auth
        started with ``SRP_A``, which checked the client's secret and runs no pre authentication): after
        the proof, that flow goes on (``_signin.resume``). Default: ``None``, a plain SRP sign-in.
    """
    auth = params.get("AuthParameters") or {}
    name, srp_a = str(auth.get("USERNAME") or ""), str(auth.get("SRP_A") or "")
    if not srp_a:
        raise invalid_parameter("Missing required parameter SRP_A")
    user = require_user(call.pool, name, client=call.client)
    if then is None:  # a flow that hands this step over checked the client's secret already
        check_secret(call.client, name, auth.get("SECRET_HASH"), also=(user.username,))
    if not user.enabled:
        raise not_authorized("User is disabled.")
    if then is None:
        pre_authentication(call, user, metadata(params.get("ClientMetadata")))
    challenge = server_challenge(call.pool_id, user.username, str(user.password or ""))
    secret_block = base64.b64encode(secrets.token_bytes(64)).decode()
    # clients answer with the block, not always the session (no Session is in this response)
    open_session(call, "PASSWORD_VERIFIER", user, alias=secret_block, A=int(srp_a, 16), secret_block=secret_block,
                 then=then, **challenge)
    return {"ChallengeName": "PASSWORD_VERIFIER", "ChallengeParameters": {
        "SALT": challenge["salt"], "SRP_B": format(challenge["B"], "x"), "SECRET_BLOCK": secret_block,
        "USER_ID_FOR_SRP": user.username, "USERNAME": user.username}}


@answers("PASSWORD_VERIFIER")
def respond(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    """``RespondToAuthChallenge`` with ``PASSWORD_VERIFIER``: the proof checked, then status checks and tokens,
    or, for a step run for another flow, that flow's next step."""
    given = params.get("ChallengeResponses") or {}
    block = str(given.get("PASSWORD_CLAIM_SECRET_BLOCK") or "")
    state = take_session(call, params.get("Session"), "PASSWORD_VERIFIER", alias=block)
    user = require_user(call.pool, state["username"], client=call.client)
    check_secret(call.client, str(given.get("USERNAME") or ""), given.get("SECRET_HASH"), also=(user.username,))
    ok = block == state["secret_block"] and proof_holds(
        state, call.pool_id, user.username, state["A"], str(given.get("PASSWORD_CLAIM_SIGNATURE") or ""),
        str(given.get("TIMESTAMP") or ""), block)
    if not ok:
        raise not_authorized()
    if state.get("then") is not None:
        flow, flow_state = state["then"]
        verified = {"challengeName": "PASSWORD_VERIFIER", "challengeResult": True, "challengeMetadata": None}
        return resume(flow, call, user, flow_state, verified, metadata(params.get("ClientMetadata")))
    return after_password(call, user)
