"""``LocalAws.trace()`` and ``LocalAws.outbox()``: what the local pool did, read from the emulator."""

from __future__ import annotations

import json
import urllib.request
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

_READ_TIMEOUT = 30


@dataclass(frozen=True)
class TraceEntry:
    """One invocation of a trigger by the local pool, in the order they happened.

    :ivar trigger_source: the event's ``triggerSource`` (``"PreSignUp_SignUp"``...).
    :ivar event: the event the function received.
    :ivar response: what it answered (``None`` when it failed).
    :ivar error: how it failed, or ``None``: ``exception`` (Cognito's answer to the caller:
        ``UserLambdaValidationException``, ``InvalidLambdaResponseException``,
        ``UnexpectedLambdaException``), ``errorType`` and ``errorMessage`` (the function's).
    :ivar trigger: the ``LambdaConfig`` key (``"PreSignUp"``...).
    :ivar function_arn: the function invoked.
    :ivar attempt: 1, or 2 and 3 when Cognito retried after a timeout.
    :ivar duration_ms: the invocation's duration, milliseconds.
    :ivar cold: whether a new worker had to start.
    """

    trigger_source: str
    event: dict[str, Any] | None
    response: Any
    error: dict[str, Any] | None
    trigger: str
    function_arn: str | None
    attempt: int = 1
    duration_ms: float | None = None
    cold: bool | None = None

    def __iter__(self) -> Any:
        """``source, event, outcome = entry``: the outcome is the response, or the error when it failed."""
        return iter((self.trigger_source, self.event, self.error if self.error else self.response))


@dataclass(frozen=True)
class Message:
    """A code or temporary password the local pool sent, as it would have reached the user.

    :ivar destination: the email address or phone number.
    :ivar medium: ``"EMAIL"`` or ``"SMS"``.
    :ivar subject: the email's subject (``None`` for SMS and for a custom sender's deliveries).
    :ivar body: the text, after the custom message trigger (``None`` when a custom sender delivers it).
    :ivar code: the code or temporary password it carries.
    :ivar kind: ``"SignUp"``, ``"ResendCode"``, ``"AdminCreateUser"``, ``"ForgotPassword"``,
        ``"UpdateUserAttribute"``, ``"VerifyUserAttribute"`` or ``"Authentication"`` (an MFA code).
    :ivar username: the user's username.
    :ivar trigger_source: ``"CustomMessage_<kind>"`` when the custom message trigger shaped it.
    :ivar sender: ``"CustomEmailSender"`` / ``"CustomSMSSender"`` when it was handed to a custom sender.
    """

    destination: str
    medium: str
    subject: str | None
    body: str | None
    code: str
    kind: str
    username: str
    trigger_source: str | None = None
    sender: str | None = None


class LocalCognito:
    """What :class:`~cdktf_userpool.local.LocalAws` offers to read the local user pools' records."""

    region: str
    if TYPE_CHECKING:  # provided by LocalAws

        @property
        def endpoint_url(self) -> str: ...

        @property
        def credentials(self) -> tuple[str, str]: ...

    def _read(self, pool_id: str, kind: str, clear: bool) -> list[dict[str, Any]]:
        from botocore.auth import SigV4Auth  # type: ignore[import-untyped]
        from botocore.awsrequest import AWSRequest  # type: ignore[import-untyped]
        from botocore.credentials import Credentials  # type: ignore[import-untyped]

        from ._routes import READ_ACTION

        region = pool_id.split("_", 1)[0] or self.region
        body = json.dumps({"UserPoolId": pool_id, "Kind": kind, "Clear": clear})
        request = AWSRequest("POST", self.endpoint_url + "/", data=body, headers={
            "Content-Type": "application/x-amz-json-1.1",
            "X-Amz-Target": f"AWSCognitoIdentityProviderService.{READ_ACTION}",
        })
        SigV4Auth(Credentials(*self.credentials), "cognito-idp", region).add_auth(request)
        prepared = urllib.request.Request(request.url, data=body.encode(), headers=dict(request.headers), method="POST")
        with urllib.request.urlopen(prepared, timeout=_READ_TIMEOUT) as answer:
            entries: list[dict[str, Any]] = json.loads(answer.read())["Entries"]
        return entries

    def stop_workers(self) -> None:
        """Stop the warm workers of every function in the emulator and drop its copies of their code: the next
        invocations start cold, as after a deploy."""
        self._read(f"{self.region}_workers", "workers", False)

    def trace(self, pool_id: str, *, clear: bool = False) -> list[TraceEntry]:
        """Every trigger invocation the local pool ``pool_id`` made, oldest first.

        :param clear: empty the trace after reading it. Default: ``False``.
        """
        return [
            TraceEntry(
                trigger_source=e.get("triggerSource") or "", event=e.get("event"), response=e.get("response"),
                error=e.get("error"), trigger=e.get("trigger") or "", function_arn=e.get("functionArn"),
                attempt=int(e.get("attempt") or 1), duration_ms=e.get("durationMs"), cold=e.get("cold"),
            )
            for e in self._read(pool_id, "trace", clear)
        ]

    def trace_sources(self, pool_id: str, *, clear: bool = False) -> list[str]:
        """The ``triggerSource`` of every invocation in :meth:`trace`, oldest first."""
        return [entry.trigger_source for entry in self.trace(pool_id, clear=clear)]

    def outbox(self, pool_id: str, *, clear: bool = False) -> list[Message]:
        """Every code and temporary password the local pool ``pool_id`` sent, oldest first.

        :param clear: empty the outbox after reading it. Default: ``False``.
        """
        return [
            Message(
                destination=m["destination"], medium=m["medium"], subject=m.get("subject"), body=m.get("body"),
                code=m["code"], kind=m["kind"], username=m["username"], trigger_source=m.get("triggerSource"),
                sender=m.get("sender"),
            )
            for m in self._read(pool_id, "outbox", clear)
        ]
