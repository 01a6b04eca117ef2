"""What a signed-in user does with their access token: ``GetUser``, ``ChangePassword``, ``DeleteUser``; and
``AdminGetUser``, which describes a user as ``GetUser`` does.

Each checks the token as Cognito does (:func:`._sessions.authorize`: a revoked, signed-out, expired
or foreign token is ``NotAuthorizedException``), whichever region the pool is in. No trigger runs.
"""

from __future__ import annotations

from typing import Any

from ._errors import not_authorized
from ._factors import settings
from ._pools import check_password, named_user
from ._sessions import authorize, sign_out


def get_user(params: dict[str, Any], sdk: str) -> dict[str, Any]:
    """``GetUser``: the user's attributes and MFA settings."""
    _, _, user, _ = authorize(str(params.get("AccessToken") or ""))
    return _described(user)


def admin_get_user(params: dict[str, Any], sdk: str) -> dict[str, Any]:
    """``AdminGetUser``: the user named by the administrator, as ``GetUser`` describes them."""
    return _described(named_user(params)[1])


def _described(user: Any) -> dict[str, Any]:
    answer: dict[str, Any] = user.to_json(extended=True, attributes_key="UserAttributes")
    for moto_field in ("UserMFASettingList", "PreferredMfaSetting"):  # moto knows neither email MFA nor omission
        answer.pop(moto_field, None)
    return {**answer, **settings(user)}


def change_password(params: dict[str, Any], sdk: str) -> dict[str, Any]:
    """``ChangePassword``: the previous password must match; the new one must meet the pool's policy."""
    pool, _, user, _ = authorize(str(params.get("AccessToken") or ""))
    if params.get("PreviousPassword") is not None and params.get("PreviousPassword") != user.password:
        raise not_authorized()
    check_password(pool, params.get("ProposedPassword"))
    user.password = params.get("ProposedPassword")
    return {}


def delete_user(params: dict[str, Any], sdk: str) -> dict[str, Any]:
    """``DeleteUser``: the user is deleted and every token of theirs stops working."""
    pool, _, user, _ = authorize(str(params.get("AccessToken") or ""))
    sign_out(pool, user.username)
    pool.users.pop(user.username, None)
    return {}
