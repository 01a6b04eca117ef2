"""The steps every sign-in shares, and the table of flows and challenges the sign-in modules fill.

Below the flows (``_password``, ``_srp``, ``_custom_auth``, ``_sessions``' refresh), above the state,
the pools, trigger invocation and tokens; ``_auth`` (the API calls) sits on top and dispatches through
the table, never naming a flow. Shared steps: a challenge's ``Session`` (:func:`open_session`,
:func:`take_session`), user migration and the password check (:func:`check_credentials`), pre
authentication, what follows a verified password (:func:`after_password`) and the tokens of a finished
sign-in (:func:`finish`: pre token generation, then post authentication).

A flow module registers what it serves: ``@initiates("USER_SRP_AUTH")`` for an ``AuthFlow`` of
``InitiateAuth``, ``@answers("PASSWORD_VERIFIER")`` for a ``ChallengeName`` of
``RespondToAuthChallenge``, and ``@resumes("CUSTOM_AUTH")`` for a flow that another one's challenge
hands back to (custom auth after its SRP step). A second factor also registers a step with
``@after_first_factor(order)``: once the password (or the SRP proof) is verified and the user may sign
in, :func:`complete` runs the steps in order and the first that asks for a challenge answers the call
(``_mfa``: the second factor). A challenge another flow may ask for (a second factor: custom auth's
define trigger can name ``SMS_MFA``) registers how it is asked with ``@asks(name)``; the asker calls
:func:`ask`, and the answer hands the sign-in back (:func:`after_challenge`: to the flow that asked, or
to the tokens). A new challenge (an MFA code, a one-time password) is one new module that registers
its step and its answer, imported once by ``_auth``.
"""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Callable
from typing import Any, TypeVar

from . import _devices, _state
from ._errors import cognito_error, not_authorized
from ._events import build
from ._invoke import configured, invoke, response_of
from ._pools import Call, add_user, attributes, check_secret, event_attributes, find_user, known_as, new_user
from ._pools import require_user
from ._pools import sign_up_username, status
from ._tokens import issue

__all__ = [
    "Ask", "Initiate", "Respond", "Resume", "Step", "CODE_ATTEMPTS", "after_challenge", "after_first_factor", "after_password",
    "answers", "ask", "askable", "asks", "challenge_answer", "challenged_user", "check_credentials", "complete", "finish", "initiates", "initiator", "keep_session",
    "migrate", "open_session", "pre_authentication", "responder", "resume", "resumes", "second_factor", "take_session",
    "wrong_answer",
]

CODE_ATTEMPTS = 5
"""Answers a code challenge's session takes (the wrong ones included) before it ends: ours, as Cognito's
number is not documented."""

Initiate = Callable[..., dict[str, Any]]
"""Starts an ``AuthFlow``: ``(call, params, *, then=None)``; ``then`` is ``(flow, state)`` when another flow
started it and takes the answer back (:func:`resume`), else ``None``."""
Respond = Callable[[Call, dict[str, Any]], dict[str, Any]]
"""Answers a ``ChallengeName``: ``(call, params)``, the ``RespondToAuthChallenge`` parameters."""
Resume = Callable[[Call, Any, Any, dict[str, Any], "dict[str, str] | None"], dict[str, Any]]
"""Continues a flow after a step another flow ran for it: ``(call, user, state, step, client_metadata)``."""

Ask = Callable[..., dict[str, Any]]
"""Asks a challenge: ``(call, user, *, then=None, **options)``; ``then`` is ``(flow, state)`` of the flow to hand the
sign-in back to once it is answered (:func:`after_challenge`), else the tokens follow."""

Step = Callable[[Call, Any, "tuple[str, Any] | None"], "dict[str, Any] | None"]
"""A step after the first factor: ``(call, user, then)``; a challenge's answer to send, or ``None`` to go on.
``then`` is ``(flow, state)`` of the flow the sign-in goes back to once the challenge is answered (managed
login's pages), else ``None``: the tokens follow (:func:`after_challenge`)."""

_INITIATE: dict[str, Initiate] = {}
_STEPS: list[tuple[int, Step]] = []
_RESPOND: dict[str, Respond] = {}
_RESUME: dict[str, Resume] = {}
_ASK: dict[str, Ask] = {}
_F = TypeVar("_F", bound=Callable[..., Any])


def _register(table: dict[str, Any], names: tuple[str, ...], kind: str) -> Callable[[_F], _F]:
    def register(fn: _F) -> _F:
        for name in names:
            if name in table:
                raise RuntimeError(f"{kind} {name!r} is served twice: by {table[name].__module__} and {fn.__module__}")
            table[name] = fn
        return fn
    return register


def initiates(*auth_flows: str) -> Callable[[_F], _F]:
    """Register the decorated function as how ``InitiateAuth`` starts each of ``auth_flows``."""
    return _register(_INITIATE, auth_flows, "AuthFlow")


def answers(*challenges: str) -> Callable[[_F], _F]:
    """Register the decorated function as the answer to each of ``challenges`` (``RespondToAuthChallenge``)."""
    return _register(_RESPOND, challenges, "ChallengeName")


def resumes(flow: str) -> Callable[[_F], _F]:
    """Register the decorated function as how ``flow`` goes on after a step another flow ran for it."""
    return _register(_RESUME, (flow,), "flow")


def asks(*challenges: str) -> Callable[[_F], _F]:
    """Register the decorated :data:`Ask` as how each of ``challenges`` is asked for, by any flow."""
    return _register(_ASK, challenges, "challenge to ask")


def after_first_factor(order: int) -> Callable[[_F], _F]:
    """Register the decorated :data:`Step`; :func:`complete` runs the steps by ``order``, lowest first."""
    def register(fn: _F) -> _F:
        _STEPS.append((order, fn))
        _STEPS.sort(key=lambda item: item[0])
        return fn
    return register


def initiator(auth_flow: str) -> Initiate:
    """How ``auth_flow`` starts (a ``KeyError`` for one no module registered: ``_auth`` checks the name first)."""
    return _INITIATE[auth_flow]


def responder(challenge: str) -> Respond | None:
    """The answer to ``challenge``, or ``None`` for one this layer does not serve (moto's, then)."""
    return _RESPOND.get(challenge)


def resume(flow: str, call: Call, user: Any, state: Any, step: dict[str, Any],
           client_metadata: dict[str, str] | None) -> dict[str, Any]:
    """Hand ``flow`` back its sign-in after ``step`` (``{challengeName, challengeResult, challengeMetadata}``)."""
    return _RESUME[flow](call, user, state, step, client_metadata)


def askable(challenge: str) -> bool:
    """Whether a module registered how ``challenge`` is asked (:func:`asks`)."""
    return challenge in _ASK


def ask(challenge: str, call: Call, user: Any, *, then: tuple[str, Any] | None = None, **options: Any) -> dict[str, Any]:
    """Ask ``user`` for ``challenge``: the call's answer (``ChallengeName``, ``Session``, ``ChallengeParameters``).

    :param options: what the challenge's module takes besides (an email code's ``destination``).
    """
    return _ASK[challenge](call, user, then=then, **options)


def after_challenge(call: Call, user: Any, state: dict[str, Any], challenge: str,
                    client_metadata: dict[str, str] | None) -> dict[str, Any]:
    """A challenge answered rightly: back to the flow that asked for it (its ``then``), or the tokens."""
    then = state.get("then")
    if then:
        flow, flow_state = then
        step = {"challengeName": challenge, "challengeResult": True, "challengeMetadata": None}
        return resume(flow, call, user, flow_state, step, client_metadata)
    return finish(call, user, client_metadata=client_metadata)


# -- the shared steps ----------------------------------------------------------------------------------

def open_session(call: Call, kind: str, user: Any, *, alias: str | None = None, **data: Any) -> str:
    """A new ``Session`` for the next challenge, valid for the client's ``AuthSessionValidity`` (minutes).

    :param alias: a value the challenge hands out (its ``SECRET_BLOCK``, the ``DEVICE_KEY`` it asks about) that
        also finds the session, for clients that answer without it (pycognito). Default: none.
    """
    token = secrets.token_urlsafe(96)
    minutes = int(call.client.extended_config.get("AuthSessionValidity") or 3)
    with _state._lock:
        pool = _state.state(call.pool_id)
        pool.sessions[token] = {
            "kind": kind, "username": user.username if user is not None else None, "client": call.client.id,
            "expires": time.time() + 60 * minutes, **data, **({"alias": alias} if alias else {})}
        if alias:
            pool.session_aliases[alias] = token
    return token


def take_session(call: Call, token: str | None, kind: str | None = None, *, alias: str = "") -> dict[str, Any]:
    """The state of session ``token`` (used up), or ``NotAuthorizedException``.

    :param alias: the value the answer carries that :func:`open_session` was given as ``alias``: it finds the
        session when ``token`` names no open one (the client sent none, or an old one). Default: none.
    """
    with _state._lock:
        pool = _state.state(call.pool_id)
        if not token or token not in pool.sessions:
            token = pool.session_aliases.get(alias, "") if alias else ""
        found: dict[str, Any] | None = pool.sessions.pop(token or "", None)
        if found is not None and pool.session_aliases.get(found.get("alias", "")) == token:
            del pool.session_aliases[found["alias"]]
    if found is None or found["client"] != call.client.id or (kind and found["kind"] != kind):
        raise not_authorized("Invalid session for the user.")
    if found["expires"] < time.time():
        raise not_authorized("Invalid session for the user, session is expired.")
    return found


def keep_session(call: Call, token: str, state: dict[str, Any]) -> None:
    """Put back session ``token`` (taken with :func:`take_session`) with ``state``: a challenge answered wrongly
    that may be answered again, until the session expires."""
    with _state._lock:
        pool = _state.state(call.pool_id)
        pool.sessions[token] = state
        if state.get("alias"):
            pool.session_aliases[state["alias"]] = token


def challenged_user(call: Call, state: dict[str, Any], given: dict[str, Any]) -> Any:
    """The user a challenge's session belongs to, checked against the answer's ``USERNAME`` (any name the user
    goes by) and ``SECRET_HASH``; another user's name is ``NotAuthorizedException``."""
    user = require_user(call.pool, state["username"], client=call.client)
    named = str(given.get("USERNAME") or "")
    if named and named not in known_as(user):
        raise not_authorized("Invalid session for the user.")
    check_secret(call.client, named, given.get("SECRET_HASH"), also=known_as(user))
    return user


def challenge_answer(call: Call, params: dict[str, Any], kind: str) -> tuple[str, dict[str, Any], dict[str, Any], Any]:
    """The answer to a ``kind`` challenge: its ``Session`` (taken: :func:`keep_session` puts it back), the session's
    state, the ``ChallengeResponses`` and the user, checked as :func:`challenged_user` checks them."""
    token = str(params.get("Session") or "")
    state = take_session(call, token, kind)
    given = params.get("ChallengeResponses") or {}
    return token, state, given, challenged_user(call, state, given)


def wrong_answer(call: Call, token: str, state: dict[str, Any], error: Exception) -> Exception:
    """``error`` for a wrong code; the session (taken) is kept for another answer, :data:`CODE_ATTEMPTS` in all."""
    attempts = int(state.get("attempts") or 0) + 1
    if attempts < CODE_ATTEMPTS:
        keep_session(call, token, {**state, "attempts": attempts})
    return error


def pre_authentication(call: Call, user: Any, validation_data: dict[str, str] | None) -> None:
    invoke(call, "PreAuthentication", build("PreAuthentication_Authentication", call, user.username,
                                             user_attributes=event_attributes(user), validation_data=validation_data))


def finish(call: Call, user: Any, source: str = "TokenGeneration_Authentication",
           client_metadata: dict[str, str] | None = None) -> dict[str, Any]:
    """The tokens of a completed sign-in: pre token generation, then post authentication; where the pool tracks
    devices and the sign-in came from none of the user's, a new one (``NewDeviceMetadata``, ``_devices``).

    Post authentication runs once the tokens are made and before they are returned: if it fails,
    the caller gets its error and no tokens.
    """
    result = issue(call, user, source, client_metadata=client_metadata)
    if _devices.tracks(call.pool) and _devices.find(call.pool_id, call.device_key, user.username) is None:
        device = _devices.new(call.pool, user.username)
        result["NewDeviceMetadata"] = {"DeviceKey": device.key, "DeviceGroupKey": device.group_key}
    invoke(call, "PostAuthentication", build("PostAuthentication_Authentication", call, user.username,
                                              user_attributes=event_attributes(user), client_metadata=client_metadata))
    return {"ChallengeParameters": {}, "AuthenticationResult": result}


def migrate(call: Call, name: str, password: str | None, validation_data: dict[str, str] | None,
             client_metadata: dict[str, str] | None, source: str) -> Any:
    """The user ``UserMigration_<source>`` brings in, added to the pool; ``None`` without the trigger."""
    if configured(call.pool, "UserMigration") is None:
        return None
    event = build(source, call, name, **({"password": password} if password is not None else {}),
                  validation_data=validation_data, client_metadata=client_metadata)
    response = response_of(invoke(call, "UserMigration", event))
    given = response.get("userAttributes")
    if not given:
        raise cognito_error("UserNotFoundException", f"Exception migrating user in app client {call.client_id}")
    listed = [{"Name": str(k), "Value": str(v)} for k, v in given.items() if k != "username"]
    listed = sign_up_username(call.pool, name, listed)
    final = response.get("finalUserStatus") or "RESET_REQUIRED"
    if final not in ("CONFIRMED", "RESET_REQUIRED"):
        raise cognito_error("InvalidLambdaResponseException", "Unrecognizable lambda output")
    user = new_user(call.pool, str(given.get("username") or name), password, final, listed)
    try:
        add_user(call.pool, user)
    except Exception as exc:  # another sign-in migrated the same user meanwhile: sign in as that one
        existing = find_user(call.pool, user.username) or find_user(call.pool, name)
        if existing is None or getattr(exc, "error_type", None) != "UsernameExistsException":
            raise
        return existing
    return user


def check_credentials(call: Call, name: str, password: str | None, validation: dict[str, str] | None,
                      secret_hash: str | None = None, *, checked_secret: bool = False) -> Any:
    """The user signing in as ``name`` with ``password``: user migration for one the pool does not
    know, then pre authentication, then the password check.

    :param checked_secret: the caller authenticated the client itself (managed login), so no ``SECRET_HASH``.
    :raises: Cognito's error: unknown or disabled user, a refusing trigger, a wrong password.
    """
    user = find_user(call.pool, name)
    if not checked_secret:
        check_secret(call.client, name, secret_hash, also=(user.username,) if user else ())
    if user is None:
        user = migrate(call, name, password, validation, None, "UserMigration_Authentication")
    if user is None:
        user = require_user(call.pool, name, client=call.client)
    if not user.enabled:
        raise not_authorized("User is disabled.")
    pre_authentication(call, user, validation)
    if not password or not secrets.compare_digest(str(user.password or ""), str(password)):
        raise not_authorized()
    return user


def after_password(call: Call, user: Any) -> dict[str, Any]:
    """What follows a verified password: a challenge for the user's status, or the tokens."""
    state = status(user)
    if state == "UNCONFIRMED":
        raise cognito_error("UserNotConfirmedException", "User is not confirmed.")
    if state == "RESET_REQUIRED":
        raise cognito_error("PasswordResetRequiredException", "Password reset required for the user")
    if state == "FORCE_CHANGE_PASSWORD":
        shown = {k: v for k, v in attributes(user).items() if k not in ("sub",)}
        return {"ChallengeName": "NEW_PASSWORD_REQUIRED",
                "Session": open_session(call, "NEW_PASSWORD_REQUIRED", user),
                "ChallengeParameters": {"USER_ID_FOR_SRP": user.username, "requiredAttributes": "[]",
                                        "userAttributes": json.dumps(shown)}}
    return complete(call, user)


def second_factor(call: Call, user: Any, *, then: tuple[str, Any] | None = None) -> dict[str, Any] | None:
    """The challenge of the first registered step that asks for one after the first factor, or ``None``.

    :param then: ``(flow, state)`` to hand the sign-in to once the challenge is answered (:func:`after_challenge`).
        Default: ``None``, the tokens.
    """
    for _, step in list(_STEPS):
        challenge = step(call, user, then)
        if challenge is not None:
            return challenge
    return None


def complete(call: Call, user: Any, source: str = "TokenGeneration_Authentication",
             client_metadata: dict[str, str] | None = None) -> dict[str, Any]:
    """After the first factor: the first registered step's challenge (a second factor), else the tokens (:func:`finish`)."""
    return second_factor(call, user) or finish(call, user, source, client_metadata)
