"""Users for tests of a deployed pool: one call makes a confirmed user, with an authenticator app when asked.

:meth:`LocalAws.add_user <cdktf_userpool.local.LocalAws.add_user>` creates the user as an administrator
would (``AdminCreateUser`` with no message, then a permanent password); with ``totp=True`` it also signs
the user in once through an app client and sets up an authenticator the way an app does (with the access
token where MFA is optional, through the ``MFA_SETUP`` challenge where it is required), verified, enabled
and preferred. :meth:`LocalUser.totp_code` then gives the codes that authenticator would show.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import ConfigurationError

__all__ = ["LocalUser", "add_user"]

_STEP = 30
"""Seconds per TOTP code."""


@dataclass
class LocalUser:
    """A user :meth:`LocalAws.add_user <cdktf_userpool.local.LocalAws.add_user>` made.

    :ivar pool_id: the user's pool.
    :ivar username: the name given (their username, or the email or phone number of a pool that signs
        users in by those).
    :ivar password: their permanent password.
    :ivar totp_secret: the base32 secret of their authenticator app (verified, enabled and preferred), or
        ``None`` without one.
    """

    pool_id: str
    username: str
    password: str
    totp_secret: str | None = None
    _last_step: int = field(default=-1, repr=False)

    def totp_code(self) -> str:
        """A code of the user's authenticator that the pool has not seen yet: the current 30-second step's, or
        the next step's when the current one's was already used (Cognito takes each step's code once, and
        one step of clock skew).

        :raises ConfigurationError: if the user has no authenticator (``add_user(..., totp=False)``).
        """
        import pyotp

        if self.totp_secret is None:
            raise ConfigurationError(
                f"user {self.username!r} has no authenticator app: make them with add_user(..., totp=True).",
                argument="totp", value=False, choices=("True",))
        step = max(int(time.time() // _STEP), self._last_step + 1)
        self._last_step = step
        return str(pyotp.TOTP(self.totp_secret).generate_otp(step))

    def _used(self, code_time: float) -> None:
        self._last_step = max(self._last_step, int(code_time // _STEP))


def _client_id(idp: Any, pool_id: str, client_id: str | None) -> str:
    if client_id is not None:
        return client_id
    clients = [c["ClientId"] for c in idp.list_user_pool_clients(UserPoolId=pool_id, MaxResults=60)["UserPoolClients"]]
    if len(clients) != 1:
        raise ConfigurationError(
            f"add_user(..., totp=True) signs the user in through an app client, and pool {pool_id} has "
            f"{len(clients)}: pass client_id= (one of {clients or 'none'}).",
            argument="client_id", value=client_id, choices=clients)
    return str(clients[0])


def _sign_in(idp: Any, pool_id: str, client_id: str, user: LocalUser) -> tuple[dict[str, Any], dict[str, str]]:
    """``ADMIN_USER_PASSWORD_AUTH`` through ``client_id``: its answer, and the ``USERNAME`` (with the ``SECRET_HASH``
    of a client with a secret) that its challenges' answers carry."""
    from botocore.exceptions import ClientError  # type: ignore[import-untyped]

    from .cognito._pools import secret_hash  # the standard library only: moto stays in the emulator's process

    described = idp.describe_user_pool_client(UserPoolId=pool_id, ClientId=client_id)["UserPoolClient"]
    named = {"USERNAME": user.username}
    if described.get("ClientSecret"):
        named["SECRET_HASH"] = secret_hash(described["ClientSecret"], user.username, client_id)
    try:
        answer = idp.admin_initiate_auth(UserPoolId=pool_id, ClientId=client_id, AuthFlow="ADMIN_USER_PASSWORD_AUTH",
                                         AuthParameters={**named, "PASSWORD": user.password})
        return dict(answer), named
    except ClientError as refused:
        flows = described.get("ExplicitAuthFlows") or []
        raise ConfigurationError(
            f"add_user(..., totp=True) signs the user in with ADMIN_USER_PASSWORD_AUTH through client {client_id}, "
            f"which refused: {refused.response['Error'].get('Message')} (its flows: {flows}). Allow "
            "ALLOW_ADMIN_USER_PASSWORD_AUTH on that client, or pass client_id= of one that does.",
            argument="client_id", value=client_id) from refused


def _enrol(idp: Any, pool_id: str, client_id: str, user: LocalUser) -> None:
    """Set up, verify, enable and prefer an authenticator for ``user``, as an app does."""
    import pyotp

    signed_in, named = _sign_in(idp, pool_id, client_id, user)
    name = signed_in.get("ChallengeName")
    if name == "MFA_SETUP":  # MFA required: set up while signing in, with the challenge's session
        associated = idp.associate_software_token(Session=signed_in["Session"])
        user.totp_secret, now = str(associated["SecretCode"]), time.time()
        verified = idp.verify_software_token(Session=associated["Session"], UserCode=pyotp.TOTP(user.totp_secret).at(now))
        user._used(now)
        idp.admin_respond_to_auth_challenge(UserPoolId=pool_id, ClientId=client_id, ChallengeName="MFA_SETUP",
                                            Session=verified["Session"], ChallengeResponses=named)
        return
    if "AuthenticationResult" not in signed_in:
        raise ConfigurationError(
            f"add_user(..., totp=True): the first sign-in of {user.username!r} asked for {name}, not for an "
            "authenticator: does the pool's pre authentication or MFA setting stop it?", argument="totp", value=True)
    access = signed_in["AuthenticationResult"]["AccessToken"]
    user.totp_secret, now = str(idp.associate_software_token(AccessToken=access)["SecretCode"]), time.time()
    idp.verify_software_token(AccessToken=access, UserCode=pyotp.TOTP(user.totp_secret).at(now))
    user._used(now)
    idp.set_user_mfa_preference(AccessToken=access, SoftwareTokenMfaSettings={"Enabled": True, "PreferredMfa": True})


def add_user(idp: Any, pool_id: str, username: str, password: str, *, attributes: Mapping[str, str] | None = None,
             totp: bool = False, client_id: str | None = None) -> LocalUser:
    """See :meth:`LocalAws.add_user <cdktf_userpool.local.LocalAws.add_user>`; ``idp`` is a cognito-idp client."""
    listed = [{"Name": str(k), "Value": str(v)} for k, v in (attributes or {}).items()]
    idp.admin_create_user(UserPoolId=pool_id, Username=username, MessageAction="SUPPRESS", UserAttributes=listed)
    idp.admin_set_user_password(UserPoolId=pool_id, Username=username, Password=password, Permanent=True)
    user = LocalUser(pool_id=pool_id, username=username, password=password)
    if totp:
        _enrol(idp, pool_id, _client_id(idp, pool_id, client_id), user)
    return user
