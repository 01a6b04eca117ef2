"""``InitiateAuth`` / ``AdminInitiateAuth`` and ``RespondToAuthChallenge`` / ``AdminRespondToAuthChallenge``.

Password sign-in (``USER_PASSWORD_AUTH``, ``ADMIN_USER_PASSWORD_AUTH``, ``ADMIN_NO_SRP_AUTH``):
user migration for a user the pool does not know (``UserMigration_Authentication``, its
``finalUserStatus`` honoured), pre authentication, the password check, then either the
``NEW_PASSWORD_REQUIRED`` challenge or the tokens: pre token generation
(``TokenGeneration_Authentication``), then post authentication. ``REFRESH_TOKEN_AUTH`` runs pre
token generation (``TokenGeneration_RefreshTokens``) only. ``USER_SRP_AUTH`` is in ``_srp``,
``CUSTOM_AUTH`` in ``_custom_auth``. Challenges this layer does not serve (MFA) go to moto.
"""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Callable
from typing import Any

from . import _state
from ._errors import cognito_error, invalid_parameter, not_authorized
from ._events import build, metadata
from ._invoke import configured, invoke, response_of
from ._pools import (
    Call,
    add_user,
    attributes,
    check_password,
    check_secret,
    client_of,
    event_attributes,
    find_user,
    new_user,
    pool_and_client,
    pool_by_id,
    require_user,
    set_status,
    sign_up_username,
    status,
)
from ._tokens import issue

#: The ``ExplicitAuthFlows`` values that allow each ``AuthFlow`` (legacy names included).
FLOW_SETTINGS = {
    "USER_PASSWORD_AUTH": ("ALLOW_USER_PASSWORD_AUTH", "USER_PASSWORD_AUTH"),
    "ADMIN_USER_PASSWORD_AUTH": ("ALLOW_ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH"),
    "ADMIN_NO_SRP_AUTH": ("ALLOW_ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH"),
    "USER_SRP_AUTH": ("ALLOW_USER_SRP_AUTH",),
    "CUSTOM_AUTH": ("ALLOW_CUSTOM_AUTH", "CUSTOM_AUTH_FLOW_ONLY"),
    "REFRESH_TOKEN_AUTH": ("ALLOW_REFRESH_TOKEN_AUTH",),
    "REFRESH_TOKEN": ("ALLOW_REFRESH_TOKEN_AUTH",),
}
DEFAULT_FLOWS = ("ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")
"""What a client allows when it names no ``ExplicitAuthFlows``."""
_PUBLIC_FLOWS = ("USER_PASSWORD_AUTH", "USER_SRP_AUTH", "CUSTOM_AUTH", "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN")
_ADMIN_FLOWS = (*_PUBLIC_FLOWS, "ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH")

_moto_respond: dict[str, Callable[..., Any]] = {}


def _check_flow(client: Any, flow: str, allowed: tuple[str, ...]) -> None:
    if flow not in allowed:
        raise invalid_parameter(
            f"1 validation error detected: Value '{flow}' at 'authFlow' failed to satisfy constraint: "
            f"Member must satisfy enum value set: [{', '.join(allowed)}]")
    settings = client.extended_config.get("ExplicitAuthFlows") or list(DEFAULT_FLOWS)
    if not any(name in settings for name in FLOW_SETTINGS[flow]):
        raise invalid_parameter(f"{flow} flow not enabled for this client")


def open_session(call: Call, kind: str, user: Any, **data: Any) -> str:
    """A new ``Session`` for the next challenge, valid for the client's ``AuthSessionValidity`` (minutes)."""
    token = secrets.token_urlsafe(96)
    minutes = int(call.client.extended_config.get("AuthSessionValidity") or 3)
    with _state._lock:
        _state.state(call.pool_id).sessions[token] = {
            "kind": kind, "username": user.username if user is not None else None, "client": call.client.id,
            "expires": time.time() + 60 * minutes, **data}
    return token


def take_session(call: Call, token: str | None, kind: str | None = None) -> dict[str, Any]:
    """The state of session ``token`` (used up), or ``NotAuthorizedException``."""
    with _state._lock:
        found: dict[str, Any] | None = _state.state(call.pool_id).sessions.pop(token or "", None)
    if found is None or found["client"] != call.client.id or (kind and found["kind"] != kind):
        raise not_authorized("Invalid session for the user.")
    if found["expires"] < time.time():
        raise not_authorized("Invalid session for the user, session is expired.")
    return found


def pre_authentication(call: Call, user: Any, validation_data: dict[str, str] | None) -> None:
    invoke(call, "PreAuthentication", build("PreAuthentication_Authentication", call, user.username,
                                             user_attributes=event_attributes(user), validation_data=validation_data))


def finish(call: Call, user: Any, source: str = "TokenGeneration_Authentication",
           client_metadata: dict[str, str] | None = None) -> dict[str, Any]:
    """The tokens of a completed sign-in: pre token generation, then post authentication.

    Post authentication runs once the tokens are made and before they are returned: if it fails,
    the caller gets its error and no tokens.
    """
    result = issue(call, user, source, client_metadata=client_metadata)
    invoke(call, "PostAuthentication", build("PostAuthentication_Authentication", call, user.username,
                                              user_attributes=event_attributes(user), client_metadata=client_metadata))
    return {"ChallengeParameters": {}, "AuthenticationResult": result}


def _migrate(call: Call, name: str, password: str | None, validation_data: dict[str, str] | None,
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
        user = _migrate(call, name, password, validation, None, "UserMigration_Authentication")
    if user is None:
        user = require_user(call.pool, name, client=call.client)
    if not user.enabled:
        raise not_authorized("User is disabled.")
    pre_authentication(call, user, validation)
    if not password or not secrets.compare_digest(str(user.password or ""), str(password)):
        raise not_authorized()
    return user


def _password(call: Call, params: dict[str, Any], flow: str) -> dict[str, Any]:
    auth = params.get("AuthParameters") or {}
    user = check_credentials(call, str(auth.get("USERNAME") or ""), auth.get("PASSWORD"),
                             metadata(params.get("ClientMetadata")), auth.get("SECRET_HASH"))
    return after_password(call, user)


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
    return finish(call, user)


def _refresh(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    from ._sessions import refresh, take_refresh_token

    auth = params.get("AuthParameters") or {}
    token = str(auth.get("REFRESH_TOKEN") or "")
    _, user = take_refresh_token(call.pool, call.client, token)
    check_secret(call.client, str(auth.get("USERNAME") or user.username), auth.get("SECRET_HASH"),
                 also=(user.username, user.id, *(user.attribute_lookup.get(k, "") for k in ("email", "phone_number"))))
    return {"ChallengeParameters": {}, "AuthenticationResult": refresh(call, token, api=False)}


def _initiate(call: Call, params: dict[str, Any], flows: tuple[str, ...]) -> dict[str, Any]:
    flow = str(params.get("AuthFlow") or "")
    _check_flow(call.client, flow, flows)
    if flow in ("REFRESH_TOKEN_AUTH", "REFRESH_TOKEN"):
        return _refresh(call, params)
    if flow == "USER_SRP_AUTH":
        from ._srp import initiate

        return initiate(call, params)
    if flow == "CUSTOM_AUTH":
        from ._custom_auth import initiate as custom

        return custom(call, params)
    return _password(call, params, flow)


def initiate_auth(params: dict[str, Any], sdk: str) -> dict[str, Any]:
    pool, client = pool_and_client(params.get("ClientId", ""))
    return _initiate(Call(pool, client, sdk), params, _PUBLIC_FLOWS)


def admin_initiate_auth(params: dict[str, Any], sdk: str) -> dict[str, Any]:
    pool = pool_by_id(params.get("UserPoolId", ""))
    return _initiate(Call(pool, client_of(pool, params.get("ClientId", "")), sdk), params, _ADMIN_FLOWS)


def _new_password(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    session = take_session(call, params.get("Session"), "NEW_PASSWORD_REQUIRED")
    answers = params.get("ChallengeResponses") or {}
    user = find_user(call.pool, session["username"])
    if user is None:
        raise not_authorized("Invalid session for the user.")
    check_secret(call.client, str(answers.get("USERNAME") or ""), answers.get("SECRET_HASH"),
                 also=(user.username,))
    new = answers.get("NEW_PASSWORD")
    check_password(call.pool, new)
    changed = [{"Name": k.removeprefix("userAttributes."), "Value": v} for k, v in answers.items()
               if k.startswith("userAttributes.")]
    user.password = new
    if changed:
        user.update_attributes(changed)
    set_status(user, "CONFIRMED")
    return finish(call, user, "TokenGeneration_NewPasswordChallenge", metadata(params.get("ClientMetadata")))


def _respond(call: Call, params: dict[str, Any], fallback: Callable[[], Any]) -> Any:
    name = params.get("ChallengeName")
    if name == "NEW_PASSWORD_REQUIRED":
        return _new_password(call, params)
    if name == "PASSWORD_VERIFIER":
        from ._srp import respond

        return respond(call, params)
    if name == "CUSTOM_CHALLENGE":
        from ._custom_auth import respond as custom

        return custom(call, params)
    return fallback()


def respond_to_auth_challenge(params: dict[str, Any], sdk: str, fallback: Callable[[], Any]) -> Any:
    pool, client = pool_and_client(params.get("ClientId", ""))
    return _respond(Call(pool, client, sdk), params, fallback)


def admin_respond_to_auth_challenge(params: dict[str, Any], sdk: str, fallback: Callable[[], Any]) -> Any:
    pool = pool_by_id(params.get("UserPoolId", ""))
    return _respond(Call(pool, client_of(pool, params.get("ClientId", "")), sdk), params, fallback)
