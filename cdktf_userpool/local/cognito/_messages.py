"""The codes and temporary passwords Cognito sends: the pool's templates, the custom message
trigger's answer (its rules enforced), the custom email/SMS sender, and the local outbox.

A message is made in two steps, so that a failing custom message trigger leaves the pool as it was:
:func:`prepare` runs the custom message trigger (synchronous, it can refuse the call) and returns a
:class:`Delivery`; the flow commits its change, then :meth:`Delivery.send` records the message in the
outbox and, when the pool has a custom sender for the medium, invokes it with the code encrypted
under the pool's KMS key (asynchronous in Cognito: its failure never reaches the caller).

With a custom sender configured for a medium, Cognito hands every message of that medium to it and
the custom message trigger is not invoked for it. The outbox records those deliveries too, with
``sender`` set and no body, so a test can still read the code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import _state
from ._errors import lambda_response
from ._events import build
from ._invoke import configured, invoke, response_of
from ._pools import Call, event_attributes

CODE = "{####}"
USERNAME = "{username}"
EMAIL_LIMIT = 20_000
SMS_LIMIT = 140

_VERIFY_EMAIL = "Your verification code is {####}. "
_VERIFY_SUBJECT = "Your verification code"
_VERIFY_SMS = "Your verification code is {####}. "
_INVITE = "Your username is {username} and temporary password is {####}. "
_INVITE_SUBJECT = "Your temporary password"
_AUTH_SMS = "Your authentication code is {####}. "
_AUTH_EMAIL = "Your authentication code is {####}. "
_AUTH_SUBJECT = "Your authentication code"

MEDIUM_ATTRIBUTE = {"EMAIL": "email", "SMS": "phone_number"}
_SENDER = {"EMAIL": "CustomEmailSender", "SMS": "CustomSMSSender"}


def _templates(pool: Any, kind: str) -> tuple[str, str, str]:
    """(email body, email subject, SMS body) of the pool for messages of ``kind``."""
    config = pool.extended_config
    if kind == "Authentication":  # an MFA code: the pool's MFA settings (SetUserPoolMfaConfig) shape it
        email_mfa = (getattr(pool, "cdktf_userpool_mfa", None) or {}).get("EmailMfaConfiguration") or {}
        sms_mfa = getattr(pool, "sms_mfa_config", None) or {}
        return (email_mfa.get("Message") or _AUTH_EMAIL, email_mfa.get("Subject") or _AUTH_SUBJECT,
                sms_mfa.get("SmsAuthenticationMessage") or config.get("SmsAuthenticationMessage") or _AUTH_SMS)
    if kind == "AdminCreateUser":
        invite = (config.get("AdminCreateUserConfig") or {}).get("InviteMessageTemplate") or {}
        return (invite.get("EmailMessage") or _INVITE, invite.get("EmailSubject") or _INVITE_SUBJECT,
                invite.get("SMSMessage") or _INVITE)
    template = config.get("VerificationMessageTemplate") or {}
    return (
        template.get("EmailMessage") or config.get("EmailVerificationMessage") or _VERIFY_EMAIL,
        template.get("EmailSubject") or config.get("EmailVerificationSubject") or _VERIFY_SUBJECT,
        template.get("SmsMessage") or config.get("SmsVerificationMessage") or _VERIFY_SMS,
    )


def verification_medium(pool: Any, attributes: dict[str, str]) -> str | None:
    """Where a sign-up code goes: the pool's auto-verified attribute the user has (the phone first, as Cognito)."""
    auto = pool.extended_config.get("AutoVerifiedAttributes") or []
    if "phone_number" in auto and attributes.get("phone_number"):
        return "SMS"
    if "email" in auto and attributes.get("email"):
        return "EMAIL"
    return None


def recovery_medium(pool: Any, attributes: dict[str, str]) -> str | None:
    """Where a forgot-password code goes: the first recovery mechanism whose attribute is verified."""
    setting = (pool.extended_config.get("AccountRecoverySetting") or {}).get("RecoveryMechanisms")
    names = [m["Name"] for m in sorted(setting, key=lambda m: m.get("Priority", 0))] if setting else [
        "verified_phone_number", "verified_email"]
    for name in names:
        attribute = {"verified_email": "email", "verified_phone_number": "phone_number"}.get(name)
        if attribute and attributes.get(attribute) and attributes.get(f"{attribute}_verified") == "true":
            return "EMAIL" if attribute == "email" else "SMS"
    return None


@dataclass
class Delivery:
    """A message ready to go, once the flow has committed its change."""

    call: Call
    kind: str
    medium: str
    destination: str
    code: str
    username: str
    subject: str | None
    body: str | None
    source: str | None
    """The custom message trigger's ``triggerSource`` when it shaped the message, else ``None``."""
    sender: str | None
    """The custom sender's ``LambdaConfig`` key when one delivers it, else ``None``."""
    user_attributes: dict[str, str] = field(default_factory=dict)
    client_metadata: dict[str, str] | None = None

    def details(self) -> dict[str, str]:
        """``CodeDeliveryDetails`` of the API's answer."""
        from ._pools import mask

        return {"Destination": mask(self.medium, self.destination), "DeliveryMedium": self.medium,
                "AttributeName": MEDIUM_ATTRIBUTE[self.medium]}

    def send(self) -> None:
        """Record the message in the outbox; hand it to the custom sender when the pool has one."""
        _state.record(self.call.pool_id, "outbox", {
            "destination": self.destination, "medium": self.medium, "subject": self.subject, "body": self.body,
            "code": self.code, "kind": self.kind, "username": self.username, "triggerSource": self.source,
            "sender": self.sender,
        })
        if self.sender is None:
            return
        from ._senders import encrypted_code

        source = f"{self.sender}_{self.kind}"
        try:
            code = encrypted_code(self.call.pool, self.code)
        except Exception as failed:  # no key, or the key refused: Cognito drops the message
            _state.record(self.call.pool_id, "trace", {
                "triggerSource": source, "trigger": self.sender, "functionArn": None, "event": None, "response": None,
                "error": {"exception": "KMSException", "errorMessage": f"{type(failed).__name__}: {failed}"}})
            return
        event = build(source, self.call, self.username, code=code, user_attributes=self.user_attributes,
                      client_metadata=self.client_metadata)
        invoke(self.call, self.sender, event)


def prepare(call: Call, user: Any, kind: str, medium: str, code: str, *,
            client_metadata: dict[str, str] | None = None, destination: str | None = None) -> Delivery:
    """The message of ``kind`` (``"SignUp"``, ``"ForgotPassword"``...) carrying ``code`` to ``user`` by ``medium``.

    Runs the custom message trigger (``CustomMessage_<kind>``) unless a custom sender takes the medium.

    :param destination: the address to send to. Default: the user's ``email`` or ``phone_number``.
    :raises: ``InvalidLambdaResponseException`` when the trigger's message lacks the code (or, for
        ``AdminCreateUser``, the username) placeholder or is too long; the trigger's own failures.
    """
    attributes = event_attributes(user)
    destination = destination or attributes.get(MEDIUM_ATTRIBUTE[medium], "")
    email, subject, sms = _templates(call.pool, kind)
    sender = _SENDER[medium] if configured(call.pool, _SENDER[medium]) else None
    source = None
    if sender is None and configured(call.pool, "CustomMessage"):
        source = f"CustomMessage_{kind}"
        answer = invoke(call, "CustomMessage", build(source, call, user.username, user_attributes=attributes,
                                                    client_metadata=client_metadata))
        email, subject, sms = _apply(response_of(answer), kind, email, subject, sms)
    body = (email if medium == "EMAIL" else sms).replace(CODE, code).replace(USERNAME, user.username)
    return Delivery(call, kind, medium, destination, code, user.username,
                    subject if medium == "EMAIL" and sender is None else None, None if sender else body, source,
                    sender, attributes, client_metadata)


def _apply(response: dict[str, Any], kind: str, email: str, subject: str, sms: str) -> tuple[str, str, str]:
    """The custom message trigger's answer over the templates, refused when it breaks Cognito's rules."""
    needed = (CODE, USERNAME) if kind == "AdminCreateUser" else (CODE,)
    for name, limit in (("emailMessage", EMAIL_LIMIT), ("smsMessage", SMS_LIMIT)):
        text = response.get(name)
        if text is not None and (len(text) > limit or any(p not in text for p in needed)):
            raise lambda_response()
    return (response.get("emailMessage") or email, response.get("emailSubject") or subject,
            response.get("smsMessage") or sms)
