"""The emulator process: moto's server with this library's gap-filling layer, on loopback.

Run as ``python -m cdktf_userpool.local._server`` by :class:`~cdktf_userpool.local.LocalAws`, never
imported by the library itself (it patches moto's classes, which must not happen in a user's
process). It binds ``127.0.0.1`` on a free port (or ``--port``), creates the administrator whose
keys Terraform signs with, prints one JSON line ``{"port", "access_key_id", "secret_access_key"}``
on stdout once it serves, and stops when its standard input closes (so it never outlives its
parent) or on SIGTERM, printing ``{"peak_rss_kib"}`` last. Its log (stderr) has one line per request;
with ``$CDKTF_USERPOOL_LOCAL_TRACE`` set, the bodies too.

An API moto does not implement answers HTTP 501 ``NotImplemented`` at once, naming the API (HTTP
500, moto's own answer, is retried by the AWS SDKs), and is written to the log as
``UNIMPLEMENTED <service>:<Operation>``. An unexpected error inside moto or this library's layer never
answers Flask's HTML page: it is HTTP 500 ``InternalErrorException`` in the service's protocol (JSON
for Cognito), naming the API and the cause, and its traceback is written to the log after
``INTERNAL <service>:<Operation>``.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import signal
import sys
import threading
from collections.abc import Callable
from typing import Any

from ._marks import INTERNAL, NOT_IMPLEMENTED

TRACE_ENV = "CDKTF_USERPOOL_LOCAL_TRACE"
"""Set (to anything) in the environment to log every request's and response's body too."""

ADMIN_USER = "cdktf-userpool-local-admin"
"""The emulator's administrator: Terraform and :meth:`LocalAws.client` sign with its keys."""

_ADMIN_POLICY = json.dumps(
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
)


def operation_name(service: str, snake_action: str) -> str:
    """The API name (``SetIdentityPoolRoles``) of moto's ``set_identity_pool_roles`` in ``service``."""
    import botocore.session  # type: ignore[import-untyped]
    from moto.core.utils import camelcase_to_underscores

    try:
        model = botocore.session.get_session().get_service_model(service)
    except Exception:  # an unknown service: keep moto's spelling
        return snake_action
    names = {camelcase_to_underscores(name): str(name) for name in model.operation_names}
    return names.get(snake_action, snake_action)


def error_response(service: str, code: str, message: str, status: int) -> tuple[bytes, int, dict[str, str]]:
    """An error body in ``service``'s wire protocol, so the AWS SDKs parse ``code`` and ``message``."""
    from xml.sax.saxutils import escape

    from ._moto_patches import protocol as service_protocol

    protocol = service_protocol(service) or "json"
    if protocol == "query" or protocol == "ec2":
        body = (
            f"<ErrorResponse><Error><Type>Sender</Type><Code>{escape(code)}</Code>"
            f"<Message>{escape(message)}</Message></Error><RequestId>0</RequestId></ErrorResponse>"
        )
        return body.encode(), status, {"Content-Type": "text/xml"}
    if protocol == "rest-xml":
        body = f"<Error><Code>{escape(code)}</Code><Message>{escape(message)}</Message></Error>"
        return body.encode(), status, {"Content-Type": "application/xml"}
    payload = json.dumps({"__type": code, "message": message, "Message": message}).encode()
    return payload, status, {"Content-Type": "application/x-amz-json-1.1", "x-amzn-ErrorType": code}


#: moto's names of services whose AWS name differs (an unsigned call names no service)
_AWS_NAMES = {"cognitoidp": "cognito-idp", "cognitoidentity": "cognito-identity"}


def _request_action(request: Any) -> str:
    target = request.headers.get("X-Amz-Target")
    if target:
        return str(target).rsplit(".", 1)[-1]
    action = request.values.get("Action")
    if action:
        return str(action)
    return f"{request.method} {request.path}"


def _app_factory(log: logging.Logger, moto_version: str) -> Callable[[str], Any]:
    """moto's ``create_backend_app`` with a fast answer for unimplemented APIs and a request log."""
    from flask import Response, request
    from moto.moto_server.werkzeug_app import create_backend_app

    from ._moto_patches import signing_service

    trace = bool(os.environ.get(TRACE_ENV))

    def create(service: str) -> Any:
        app = create_backend_app(service)  # type: ignore[arg-type]

        def not_implemented(exc: NotImplementedError) -> Any:
            text = str(exc)
            snake = text.split(" ")[1] if text.startswith("The ") else text
            name = signing_service(request.headers) or service
            api = f"{name}:{operation_name(name, snake)}"
            log.warning("%s %s", NOT_IMPLEMENTED, api)
            body, status, headers = error_response(
                name,
                "NotImplemented",
                f"the local AWS emulator (moto {moto_version}) does not implement {api} ({text})",
                501,
            )
            return Response(body, status=status, headers=headers)

        def unexpected(exc: Exception) -> Any:
            from werkzeug.exceptions import HTTPException

            if isinstance(exc, HTTPException):  # moto's own error answers, and Flask's 404/405
                return exc
            name = signing_service(request.headers) or _AWS_NAMES.get(service, service)  # unsigned: moto's name
            api = f"{name}:{_request_action(request)}"
            log.exception("%s %s", INTERNAL, api)
            body, status, headers = error_response(
                name, "InternalErrorException",
                f"the local AWS emulator failed in {api}: {type(exc).__name__}: {exc} (the traceback is in its log)", 500,
            )
            return Response(body, status=status, headers=headers)

        def after(response: Any) -> Any:
            log.info("%s %s -> %s", signing_service(request.headers) or service, _request_action(request), response.status_code)
            if trace:
                log.info("  request %s", request.get_data(as_text=True)[:4000])
                log.info("  response %s", response.get_data(as_text=True)[:4000])
            return response

        app.register_error_handler(NotImplementedError, not_implemented)
        app.register_error_handler(Exception, unexpected)
        app.after_request(after)
        return app

    return create


def _bootstrap_admin(account_id: str) -> tuple[str, str]:
    """Create the administrator user in the emulator (directly in its backend, before IAM is enforced)."""
    from moto.iam.models import iam_backends

    iam = iam_backends[account_id]["aws"]
    iam.create_user(region_name="us-east-1", user_name=ADMIN_USER, path="/", tags=[])
    iam.put_user_policy(ADMIN_USER, "AdministratorAccess", _ADMIN_POLICY)
    key = iam.create_access_key(ADMIN_USER)
    return key.access_key_id, key.secret_access_key


def main(argv: list[str] | None = None) -> int:
    """Serve until standard input closes or SIGTERM; see the module docstring."""
    parser = argparse.ArgumentParser(prog="python -m cdktf_userpool.local._server")
    parser.add_argument("--port", type=int, default=0, help="Default: 0 (a free port)")
    parser.add_argument("--enforce-iam", action="store_true", help="authorize every request with IAM")
    args = parser.parse_args(argv)

    logging.basicConfig(stream=sys.stderr, level=logging.INFO, format="%(asctime)s %(message)s")
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    log = logging.getLogger("cdktf_userpool.local")

    import moto
    from moto import settings
    from moto.core.models import DEFAULT_ACCOUNT_ID
    from moto.moto_server.werkzeug_app import (
        DomainDispatcherApplication,
        MotoRequestHandler,
    )
    from werkzeug.serving import make_server

    from . import _lambda, _moto_patches, cognito, login

    _moto_patches.apply()
    _lambda.install()
    cognito.install()  # Cognito's flows run the pools' triggers
    access_key_id, secret = _bootstrap_admin(DEFAULT_ACCOUNT_ID)
    settings.INITIAL_NO_AUTH_ACTION_COUNT = 0 if args.enforce_iam else float("inf")

    app = login.wrap(DomainDispatcherApplication(_app_factory(log, moto.__version__)))  # pools' domains first
    server = make_server("127.0.0.1", args.port, app, threaded=True, request_handler=MotoRequestHandler)
    port = server.server_address[1]
    _lambda.configure(endpoint_url=f"http://127.0.0.1:{port}")
    serving = threading.Thread(target=server.serve_forever, name="moto", daemon=True)
    serving.start()
    print(json.dumps({"port": port, "access_key_id": access_key_id, "secret_access_key": secret}), flush=True)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    def until_stdin_closes() -> None:
        sys.stdin.read()
        stop.set()

    threading.Thread(target=until_stdin_closes, name="stdin", daemon=True).start()
    while not stop.wait(0.5):
        pass
    server.shutdown()
    _lambda.shutdown()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"peak_rss_kib": peak}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
