"""A local user pool that runs every trigger: Cognito's flows over moto's Cognito backend.

Installed in the emulator process by :func:`install` (one call from ``_server``). moto keeps the
users, groups, clients and pools; this layer serves the calls that run triggers, in the order
Cognito runs them, with the events Cognito sends, and answers as Cognito does when a trigger fails
(see ``_invoke``). Modules, one job each:

- ``_pools``: finding pools, clients and users; ``_state``: the trace, outbox, codes and sessions;
- ``_invoke``: invoking a trigger through the emulator's Lambda routing; ``_events``: the events;
- ``_messages``: codes and temporary passwords, the custom message trigger, the outbox;
  ``_senders``: the encrypted code of the custom senders; ``_kms_auth``: KMS calls authorized per key;
- ``_refresh_tokens``: the pool's refresh-token store; ``_tokens``: issuing tokens (pre token generation);
- ``_signin``: the steps every sign-in shares and the table of flows and challenges; the flows, each
  registering what it serves: ``_password`` (and ``NEW_PASSWORD_REQUIRED``), ``_srp``, ``_custom_auth``,
  ``_sessions`` (refresh, rotation, revocation, sign-out and the access-token check); ``_auth``: the
  ``InitiateAuth``/``RespondToAuthChallenge`` calls, dispatching through the table;
- ``_signup``: sign-up and confirmation; ``_recovery``: forgotten passwords; ``_attributes``:
  attribute changes and verification; ``_account``: ``GetUser``, ``ChangePassword``, ``DeleteUser``;
  ``_codes``: managed login's authorization codes and their exchange; ``_oauth``: the token endpoint's
  grants; ``_routes``: which moto call each of these serves;
- ``_client``: ``LocalAws.trace()`` and ``LocalAws.outbox()`` in the user's process.

Importing this package loads neither moto nor boto3.
"""

from __future__ import annotations

from ._client import LocalCognito as LocalCognito
from ._client import Message as Message
from ._client import TraceEntry as TraceEntry

__all__ = ["LocalCognito", "Message", "TraceEntry", "install"]


def install() -> None:
    """Serve moto's Cognito calls that run triggers with this layer (once; in the emulator process only)."""
    from ._kms_auth import install as kms_authorization
    from ._oauth import install as token_endpoint
    from ._routes import install as routes

    routes()
    kms_authorization()
    token_endpoint()
