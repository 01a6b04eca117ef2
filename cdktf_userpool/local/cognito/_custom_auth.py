"""``CUSTOM_AUTH``: define → create → respond → verify → define, with the session as Cognito builds it.

``InitiateAuth`` calls define auth challenge with ``session: []`` (or ``[SRP_A]`` when the client
starts with ``CHALLENGE_NAME=SRP_A``). Each round: define answers ``challengeName``;
``CUSTOM_CHALLENGE`` calls create auth challenge, whose ``publicChallengeParameters`` go to the client
(with ``USERNAME``) and whose private parameters and ``challengeMetadata`` stay in the session;
``RespondToAuthChallenge`` with ``ANSWER`` calls verify auth challenge response, appends
``{challengeName, challengeResult, challengeMetadata}`` to the session and calls define again.
``PASSWORD_VERIFIER`` (after ``SRP_A``) runs the SRP step, appending ``{PASSWORD_VERIFIER, true}``.
A second factor define names (``SMS_MFA``, ``EMAIL_OTP``, ``SOFTWARE_TOKEN_MFA``) is asked as after a
password (``_mfa_codes``, ``_mfa``); answered rightly, it appends ``{<name>, true}`` and define decides.
``issueTokens`` ends with the tokens (pre token generation, post authentication);
``failAuthentication`` with ``NotAuthorizedException``. ``InitiateAuth``'s ``ClientMetadata`` does
not reach these triggers; ``RespondToAuthChallenge``'s does. Pre authentication does not run.
"""

from __future__ import annotations

from typing import Any

from ._errors import cognito_error, lambda_response, not_authorized
from ._events import build, metadata
from ._invoke import configured, invoke, response_of
from ._pools import Call, check_secret, event_attributes, require_user
from ._signin import answers, ask, askable, finish, initiates, initiator, open_session, resumes, take_session

TRIGGERS = ("DefineAuthChallenge", "CreateAuthChallenge", "VerifyAuthChallengeResponse")


def _require_triggers(call: Call) -> None:
    missing = [t for t in TRIGGERS if configured(call.pool, t) is None]
    if missing:
        raise cognito_error("InvalidUserPoolConfigurationException",
                            f"Custom auth lambda trigger is not configured for the user pool ({', '.join(missing)}).")


@initiates("CUSTOM_AUTH")
def initiate(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    auth = params.get("AuthParameters") or {}
    name = str(auth.get("USERNAME") or "")
    _require_triggers(call)
    user = require_user(call.pool, name, client=call.client)
    check_secret(call.client, name, auth.get("SECRET_HASH"), also=(user.username,))
    if not user.enabled:
        raise not_authorized("User is disabled.")
    session: list[dict[str, Any]] = []
    srp_a = auth.get("SRP_A") if auth.get("CHALLENGE_NAME") == "SRP_A" else None
    if srp_a:
        session.append({"challengeName": "SRP_A", "challengeResult": True, "challengeMetadata": None})
    return next_step(call, user, session, None, srp_a=srp_a)


def next_step(call: Call, user: Any, session: list[dict[str, Any]], client_metadata: dict[str, str] | None,
              *, srp_a: str | None = None) -> dict[str, Any]:
    """Ask define auth challenge what comes next, and do it."""
    define = response_of(invoke(call, "DefineAuthChallenge", build(
        "DefineAuthChallenge_Authentication", call, user.username, user_attributes=event_attributes(user),
        session=list(session), client_metadata=client_metadata)))
    if define.get("issueTokens") and not define.get("failAuthentication"):
        return finish(call, user, client_metadata=client_metadata)
    if define.get("failAuthentication"):
        raise not_authorized()
    challenge = define.get("challengeName")
    if challenge == "PASSWORD_VERIFIER" and srp_a:  # the SRP step, run for this flow: it resumes it below
        return initiator("USER_SRP_AUTH")(call, {"AuthParameters": {"USERNAME": user.username, "SRP_A": srp_a}},
                                          then=("CUSTOM_AUTH", session))
    if challenge != "CUSTOM_CHALLENGE" and isinstance(challenge, str) and askable(challenge):
        return ask(challenge, call, user, then=("CUSTOM_AUTH", session))
    if challenge != "CUSTOM_CHALLENGE":
        raise lambda_response()
    created = response_of(invoke(call, "CreateAuthChallenge", build(
        "CreateAuthChallenge_Authentication", call, user.username, user_attributes=event_attributes(user),
        challenge_name=challenge, session=list(session), client_metadata=client_metadata)))
    public = {str(k): str(v) for k, v in (created.get("publicChallengeParameters") or {}).items()}
    token = open_session(call, "CUSTOM_CHALLENGE", user, session=list(session),
                         private=dict(created.get("privateChallengeParameters") or {}),
                         challenge_metadata=created.get("challengeMetadata"))
    return {"ChallengeName": "CUSTOM_CHALLENGE", "Session": token, "ChallengeParameters": {**public, "USERNAME": user.username}}


@resumes("CUSTOM_AUTH")
def _after_step(call: Call, user: Any, session: list[dict[str, Any]], step: dict[str, Any],
                client_metadata: dict[str, str] | None) -> dict[str, Any]:
    """Custom auth after a step another flow ran for it (the SRP proof): define auth challenge decides."""
    return next_step(call, user, [*session, step], client_metadata)


@answers("CUSTOM_CHALLENGE")
def respond(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    state = take_session(call, params.get("Session"), "CUSTOM_CHALLENGE")
    given = params.get("ChallengeResponses") or {}
    user = require_user(call.pool, state["username"], client=call.client)
    check_secret(call.client, str(given.get("USERNAME") or ""), given.get("SECRET_HASH"), also=(user.username,))
    client_metadata = metadata(params.get("ClientMetadata"))
    verdict = response_of(invoke(call, "VerifyAuthChallengeResponse", build(
        "VerifyAuthChallengeResponse_Authentication", call, user.username, user_attributes=event_attributes(user),
        private_challenge_parameters=state["private"], challenge_answer=str(given.get("ANSWER") or ""),
        client_metadata=client_metadata)))
    session = [*state["session"], {"challengeName": "CUSTOM_CHALLENGE", "challengeResult": bool(verdict.get("answerCorrect")),
                                   "challengeMetadata": state["challenge_metadata"]}]
    return next_step(call, user, session, client_metadata)
