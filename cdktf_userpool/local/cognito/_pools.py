"""Finding what a Cognito call names in moto's backend: the pool, the app client, the user.

Unsigned calls (``SignUp``, ``InitiateAuth``...) reach moto without a region, so pools are found by
ID or by app client across every region and account, as Cognito finds them by their IDs.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import threading
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ._errors import cognito_error, invalid_parameter, not_authorized, user_not_found

NO_CLIENT = "CLIENT_ID_NOT_APPLICABLE"
"""``callerContext.clientId`` of the events of admin calls made without an app client."""

_users_lock = threading.Lock()
_SDK = re.compile(r"(aws-sdk-[a-z-]+|aws-amplify)/([\w.\-]+)", re.IGNORECASE)


def _pools() -> Iterator[Any]:
    from moto.cognitoidp.models import cognitoidp_backends

    for backends in list(cognitoidp_backends.values()):
        for region, backend in list(backends.items()):
            if region != "global":
                yield from list(backend.user_pools.values())


def pool_by_id(pool_id: str) -> Any:
    """Moto's pool ``pool_id``, in whichever region holds it.

    :raises: ``ResourceNotFoundException`` when there is none.
    """
    for pool in _pools():
        if pool.id == pool_id:
            return pool
    raise cognito_error("ResourceNotFoundException", f"User pool {pool_id} does not exist.")


def pool_and_client(client_id: str) -> tuple[Any, Any]:
    """The pool holding app client ``client_id``, and the client.

    :raises: ``ResourceNotFoundException`` when no pool has it.
    """
    for pool in _pools():
        client = pool.clients.get(client_id)
        if client is not None:
            return pool, client
    raise cognito_error("ResourceNotFoundException", f"User pool client {client_id} does not exist.")


def client_of(pool: Any, client_id: str) -> Any:
    client = pool.clients.get(client_id)
    if client is None:
        raise cognito_error("ResourceNotFoundException", f"User pool client {client_id} does not exist.")
    return client


def secret_hash(secret: str, username: str, client_id: str) -> str:
    """``SECRET_HASH``: base64 HMAC-SHA256 of username + client ID, keyed with the client's secret."""
    digest = hmac.new(secret.encode(), (username + client_id).encode(), hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def check_secret(client: Any, username: str, given: str | None, *, also: tuple[str, ...] = ()) -> None:
    """Refuse a call to a client with a secret whose ``SECRET_HASH`` is missing or wrong.

    :param also: other usernames the hash may be computed over (the alias typed, the internal name).
    """
    if not client.generate_secret:
        return
    if not given:
        raise not_authorized(f"Client {client.id} is configured with secret but SECRET_HASH was not received")
    for name in (username, *also):
        if name and hmac.compare_digest(secret_hash(client.secret, name, client.id), given):
            return
    raise not_authorized(f"Unable to verify secret hash for client {client.id}")


def attributes(user: Any) -> dict[str, str]:
    """The user's attributes as a flat mapping (``sub`` included)."""
    return {a["Name"]: a["Value"] for a in user.attributes}


def event_attributes(user: Any) -> dict[str, str]:
    """``request.userAttributes`` of an event: the attributes plus ``cognito:user_status``."""
    found = attributes(user)
    found["cognito:user_status"] = str(getattr(user.status, "value", user.status))
    return found


def known_as(user: Any) -> tuple[str, ...]:
    """The names a user may be called by in a challenge's ``USERNAME`` or a ``SECRET_HASH``: the username,
    ``sub``, and the email and phone number (those the user has)."""
    return tuple(name for name in (user.username, user.id, *(user.attribute_lookup.get(k, "") for k in ("email", "phone_number")))
                 if name)


def username_attributes(pool: Any) -> list[str]:
    return list(pool.extended_config.get("UsernameAttributes") or [])


def find_user(pool: Any, name: str | None) -> Any | None:
    """The user called ``name``: their username, a username attribute, or a verified alias."""
    if not name:
        return None
    found = pool.users.get(name)
    if found is not None:
        return found
    users = list(pool.users.values())  # a snapshot: other request threads add users meanwhile
    for kind in username_attributes(pool):
        for user in users:
            if user.attribute_lookup.get(kind) == name:
                return user
    for kind in pool.extended_config.get("AliasAttributes") or []:
        for user in users:
            verified = kind == "preferred_username" or user.attribute_lookup.get(f"{kind}_verified") == "true"
            if user.attribute_lookup.get(kind) == name and verified:
                return user
    return None


def require_user(pool: Any, name: str | None, *, client: Any = None) -> Any:
    """The user called ``name``, or Cognito's refusal (a generic one when the client hides existence)."""
    user = find_user(pool, name)
    if user is None:
        if client is not None and client.extended_config.get("PreventUserExistenceErrors") == "ENABLED":
            raise not_authorized()
        raise user_not_found()
    return user


def named_user(params: Mapping[str, Any]) -> tuple[Any, Any]:
    """The pool (``UserPoolId``) and user (``Username``) an administrator's call names.

    :raises: ``ResourceNotFoundException`` for an unknown pool, ``UserNotFoundException`` for an unknown user.
    """
    pool = pool_by_id(str(params.get("UserPoolId") or ""))
    return pool, require_user(pool, str(params.get("Username") or ""))


def status(user: Any) -> str:
    return str(getattr(user.status, "value", user.status))


def new_user(pool: Any, username: str | None, password: str | None, status_name: str,
             attributes_list: list[dict[str, str]]) -> Any:
    """A moto user not yet in the pool (added by :func:`add_user` once every trigger said yes).

    In a pool with username attributes the username is the ``sub``, a new UUID, as in Cognito.
    """
    from moto.cognitoidp.models import CognitoIdpUser, UserStatus

    user = CognitoIdpUser(pool.id, None, password, UserStatus[status_name], list(attributes_list))
    sub = str(uuid.uuid4())
    user.id = sub
    user.username = username if username and not username_attributes(pool) else sub
    user.update_attributes([{"Name": "sub", "Value": sub}])
    return user


def exists_error(pool: Any) -> Exception:
    """Cognito's ``UsernameExistsException`` for the pool (its wording for a pool that signs in by email)."""
    if "email" in (pool.extended_config.get("UsernameAttributes") or []):
        return cognito_error("UsernameExistsException", "An account with the given email already exists.")
    return cognito_error("UsernameExistsException", "User already exists")


def add_user(pool: Any, user: Any) -> None:
    """Put ``user`` in the pool, unless their username (or a username attribute's value) was taken meanwhile.

    Flows check the name before their triggers run and add the user after, so two sign-ups of one name
    racing each other both pass the first check: the check and the insert are one step under a lock here,
    and the second is refused as Cognito refuses it.

    :raises: ``UsernameExistsException`` (see :func:`exists_error`).
    """
    with _users_lock:
        if username_taken(pool, user.username, list(user.attributes)):
            raise exists_error(pool)
        pool.users[user.username] = user


def set_status(user: Any, status_name: str) -> None:
    from moto.cognitoidp.models import UserStatus

    user.status = UserStatus[status_name]


def check_password(pool: Any, password: str | None) -> None:
    """Refuse a password the pool's policy refuses (``InvalidPasswordException``)."""
    from moto.cognitoidp.exceptions import InvalidPasswordException

    if not password:
        raise InvalidPasswordException()
    pool.backend._validate_password(pool.id, password)


def sign_up_username(pool: Any, username: str, given: list[dict[str, str]]) -> list[dict[str, str]]:
    """The attributes of a sign-up, with the username in its attribute when the pool signs in by email/phone."""
    kinds = username_attributes(pool)
    if not kinds:
        return list(given)
    kind = "email" if "@" in username else "phone_number"
    if kind not in kinds:
        expected = " or ".join("an email" if k == "email" else "a phone number" for k in kinds)
        raise invalid_parameter(f"Username should be {expected}.")
    flat = {a["Name"]: a["Value"] for a in given}
    flat[kind] = username
    return [{"Name": k, "Value": v} for k, v in flat.items()]


def username_taken(pool: Any, username: str, attributes_list: list[dict[str, str]]) -> bool:
    flat = {a["Name"]: a["Value"] for a in attributes_list}
    if find_user(pool, username) is not None:
        return True
    return any(find_user(pool, flat[k]) is not None for k in username_attributes(pool) if k in flat)


def sdk_version(headers: Mapping[str, str]) -> str:
    """``callerContext.awsSdkVersion`` from the caller's User-Agent (``aws-sdk-js-3.x``...)."""
    found = _SDK.search(str(headers.get("User-Agent", "")))
    if not found:
        return "aws-sdk-unknown-unknown"
    return f"{found.group(1).lower()}-{found.group(2)}"


def mask(medium: str, destination: str) -> str:
    """``CodeDeliveryDetails.Destination`` as Cognito masks it (``a***@e***``, ``+*******0100``)."""
    if medium == "EMAIL" and "@" in destination:
        local, _, domain = destination.partition("@")
        return f"{local[:1]}***@{domain[:1]}***"
    return "+" + "*" * max(len(destination) - 5, 0) + destination[-4:]


@dataclass(frozen=True)
class Call:
    """What every flow needs to know about the API call it serves."""

    pool: Any
    client: Any
    """The app client of the call; ``None`` for admin calls made without one."""
    sdk: str
    device_key: str | None = None
    """The ``DEVICE_KEY`` the client sent (``AuthParameters`` or ``ChallengeResponses``): the device it signs in from."""

    @property
    def client_id(self) -> str:
        return self.client.id if self.client is not None else NO_CLIENT

    @property
    def pool_id(self) -> str:
        return str(self.pool.id)

    @property
    def region(self) -> str:
        return str(self.pool.region)
