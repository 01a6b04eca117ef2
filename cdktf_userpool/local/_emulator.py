"""``LocalAws``: the embedded AWS emulator's lifecycle, clients, and the entry point of a local deploy."""

from __future__ import annotations

import importlib.util
import json
import os
import selectors
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from ..errors import ConfigurationError, LocalDeployError, LocalToolError
from .cognito import LocalCognito

if TYPE_CHECKING:
    from ._users import LocalUser
    from ._deployment import Deployment
    from ._toolchain import Toolchain

LOCAL_EXTRA_FIX = "pip install 'cdktf-userpool[local]' (moto, Flask and flask-cors, pinned)."
_STOP_TIMEOUT = 15.0
_CLIENT_TIMEOUT = 60

Prepare = Callable[["LocalAws", str], None]
"""``prepare(aws, stack)``: create, before apply, what stack ``stack`` reads but does not own."""


def _package_root() -> str:
    """The folder holding the ``cdktf_userpool`` package, so the emulator imports this very copy."""
    return str(Path(__file__).resolve().parents[2])


class LocalAws(LocalCognito):
    """An AWS emulator (moto, with this library's additions) on loopback, for deploying stacks locally.

    Use it as a context manager: the emulator starts on entry and stops on exit, with every working
    copy it made. ::

        with LocalAws(region="eu-west-1") as aws:
            deployment = aws.deploy("cdktf.out", "example")
            pool = deployment.user_pool("Pool")

    Cognito calls to the emulator run the pools' triggers; :meth:`trace` and :meth:`outbox` show
    what they received and what the pool sent.

    :param region: the region of :meth:`client` and :meth:`environment`. Default: ``"us-east-1"``
        (a deployment's own clients use its stack's region).
    :param port: the loopback port. Default: ``0``, a free port.
    :param enforce_iam: authorize every request with IAM, as AWS does: Terraform and :meth:`client`
        act as an administrator, and each Lambda function as its execution role, so a call its role
        does not allow fails with ``AccessDenied``. Default: ``True``.
    :param terraform: the terraform executable. Default: ``$CDKTF_USERPOOL_TERRAFORM``, else ``terraform``
        on the ``PATH``.
    :param plugin_dir: a folder holding the AWS provider (Terraform's filesystem-mirror layout). Default:
        ``$CDKTF_USERPOOL_TF_PLUGIN_DIR``, then ``$TF_PLUGIN_CACHE_DIR`` and Terraform's implied local
        mirrors, else the user's usual provider installation.
    :param startup_timeout: seconds to wait for the emulator to serve. Default: ``60``.
    :param keep_workdirs: leave the working copies on disk after :meth:`stop` (to debug them). Default: ``False``.
    """

    def __init__(
        self,
        *,
        region: str = "us-east-1",
        port: int = 0,
        enforce_iam: bool = True,
        terraform: str | os.PathLike[str] | None = None,
        plugin_dir: str | os.PathLike[str] | None = None,
        startup_timeout: float = 60.0,
        keep_workdirs: bool = False,
    ) -> None:
        if not isinstance(port, int) or not 0 <= port <= 65535:
            raise ConfigurationError(
                f"port={port!r} is not a TCP port; pass 0 (a free port) or 1-65535.", argument="port", value=port
            )
        self.region = region
        """The default region of :meth:`client` and :meth:`environment`."""
        self.port = port
        self.enforce_iam = enforce_iam
        """Whether the emulator authorizes requests with IAM."""
        self.terraform = terraform
        self.plugin_dir = plugin_dir
        self.startup_timeout = startup_timeout
        self.keep_workdirs = keep_workdirs
        self.peak_memory: int | None = None
        """The emulator process's peak resident memory in bytes, known after :meth:`stop`."""
        self._process: subprocess.Popen[str] | None = None
        self._home: Path | None = None
        self._ready: dict[str, Any] = {}
        self._toolchain: Toolchain | None = None

    # -- lifecycle ---------------------------------------------------------------------------------

    def __enter__(self) -> LocalAws:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()

    def start(self) -> LocalAws:
        """Start the emulator (no-op when running); returns ``self``.

        :raises LocalToolError: if moto (the ``local`` extra) is not installed.
        :raises LocalDeployError: if the emulator does not serve within ``startup_timeout``.
        """
        if self._process is not None:
            return self
        missing = [m for m in ("moto", "flask", "flask_cors") if importlib.util.find_spec(m) is None]
        if missing:
            raise LocalToolError(
                f"The local AWS emulator needs {', '.join(missing)}, not installed here. {LOCAL_EXTRA_FIX}",
                tool="moto",
                fix=LOCAL_EXTRA_FIX,
            )
        self._home = Path(tempfile.mkdtemp(prefix="cdktf-userpool-local-"))
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (_package_root(), env.get("PYTHONPATH")) if p)
        command = [sys.executable, "-m", "cdktf_userpool.local._server", "--port", str(self.port)]
        if self.enforce_iam:
            command.append("--enforce-iam")
        with open(self.log_path, "w") as log:
            self._process = subprocess.Popen(
                command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, text=True,
                cwd=self._home, env=env, start_new_session=True,
            )
        line = self._read_line(self.startup_timeout)
        if not line:
            try:  # its output closed as it exits: wait the moment it takes to be reaped
                code: int | None = self._process.wait(timeout=2)
            except subprocess.TimeoutExpired:
                code = None
            logged, tail = self.log, self._log_tail()  # read before stop() removes the log
            self.stop()
            why = (f"exited with code {code} before serving" if code is not None
                   else f"did not start within {self.startup_timeout:.0f} s")
            raise LocalDeployError(f"The local AWS emulator {why}: {tail}", log=logged)
        self._ready = json.loads(line)
        return self

    def _read_line(self, timeout: float) -> str:
        assert self._process is not None and self._process.stdout is not None
        deadline = time.monotonic() + timeout
        with selectors.DefaultSelector() as selector:
            selector.register(self._process.stdout, selectors.EVENT_READ)
            while time.monotonic() < deadline:
                if selector.select(timeout=0.2):
                    return self._process.stdout.readline().strip()
                if self._process.poll() is not None:
                    return ""
        return ""

    def stop(self) -> None:
        """Stop the emulator and remove the working copies (unless ``keep_workdirs``). Safe to call twice."""
        process, self._process = self._process, None
        if process is not None:
            try:  # the emulator stops when its standard input closes, which communicate() does
                final, _ = process.communicate(timeout=_STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                process.kill()
                final, _ = process.communicate(timeout=_STOP_TIMEOUT)
            for line in (final or "").splitlines():
                if '"peak_rss_kib"' in line:
                    self.peak_memory = int(json.loads(line)["peak_rss_kib"]) * 1024
        if self._home is not None and not self.keep_workdirs:
            shutil.rmtree(self._home, ignore_errors=True)
            self._home = None

    @property
    def running(self) -> bool:
        """Whether the emulator is serving."""
        return self._process is not None and self._process.poll() is None

    def _require(self) -> dict[str, Any]:
        if not self.running:
            raise LocalDeployError("The local AWS emulator is not running: use 'with LocalAws() as aws:' or call start().")
        return self._ready

    # -- talking to it -----------------------------------------------------------------------------

    @property
    def endpoint_url(self) -> str:
        """``http://127.0.0.1:<port>``: every service of the emulator answers there."""
        return f"http://127.0.0.1:{self._require()['port']}"

    @property
    def credentials(self) -> tuple[str, str]:
        """The administrator's access key ID and secret (what Terraform and :meth:`client` sign with)."""
        ready = self._require()
        return ready["access_key_id"], ready["secret_access_key"]

    def environment(self, *, region: str | None = None) -> dict[str, str]:
        """The variables a process needs to talk to the emulator as its administrator.

        ``AWS_ENDPOINT_URL``, ``AWS_ACCESS_KEY_ID``, ``AWS_SECRET_ACCESS_KEY``, ``AWS_REGION`` and
        ``AWS_DEFAULT_REGION``. Unset ``AWS_PROFILE`` and ``AWS_SESSION_TOKEN`` in that process.

        :param region: Default: :attr:`region`.
        """
        key, secret = self.credentials
        region = region or self.region
        return {
            "AWS_ENDPOINT_URL": self.endpoint_url,
            "AWS_ACCESS_KEY_ID": key,
            "AWS_SECRET_ACCESS_KEY": secret,
            "AWS_REGION": region,
            "AWS_DEFAULT_REGION": region,
        }

    def client(self, service: str, *, region: str | None = None) -> Any:
        """A boto3 client for ``service`` on the emulator, as its administrator (bounded retries and timeouts).

        :param region: Default: :attr:`region`.
        """
        import boto3  # type: ignore[import-untyped]
        from botocore.config import Config  # type: ignore[import-untyped]

        key, secret = self.credentials
        return boto3.session.Session().client(
            service,
            endpoint_url=self.endpoint_url,
            region_name=region or self.region,
            aws_access_key_id=key,
            aws_secret_access_key=secret,
            config=Config(
                retries={"max_attempts": 2, "mode": "standard"}, connect_timeout=10, read_timeout=_CLIENT_TIMEOUT
            ),
        )

    def add_user(self, pool_id: str, username: str, password: str, *, attributes: Mapping[str, str] | None = None,
                 totp: bool = False, client_id: str | None = None) -> LocalUser:
        """A confirmed user of pool ``pool_id`` with the permanent ``password``, for a test (no message is sent).

        With ``totp``, an authenticator app set up, verified, enabled and preferred, as an app sets one up:
        the user signs in once (``ADMIN_USER_PASSWORD_AUTH`` through ``client_id``), so the pool's sign-in
        triggers run and show in the trace; :meth:`LocalUser.totp_code` gives the codes it shows.

        :param attributes: the user's attributes (``{"email": ...}``). Default: none.
        :param totp: set up an authenticator app. Default: ``False``.
        :param client_id: the app client to sign in through (it must allow ``ADMIN_USER_PASSWORD_AUTH``).
            Default: the pool's only client.
        :raises ConfigurationError: with ``totp``, a pool with several clients and no ``client_id``, or a
            client that refuses the sign-in (naming its flows).
        """
        from ._users import add_user

        idp = self.client("cognito-idp", region=pool_id.split("_", 1)[0])
        return add_user(idp, pool_id, username, password, attributes=attributes, totp=totp, client_id=client_id)

    def create_user_pool(self, pool_id: str, *, name: str | None = None, **settings: Any) -> dict[str, Any]:
        """Create a user pool with a chosen ID, for ``prepare``: the pool a stack reads by ID.

        :param pool_id: ``<region>_<letters and digits>``; the region is the pool's.
        :param name: Default: ``pool_id``.
        :param settings: more ``CreateUserPool`` parameters (``LambdaConfig=...``).
        :returns: the ``UserPool`` of the answer.
        """
        from ._moto_patches import CUSTOM_ID_TAG

        region = pool_id.split("_", 1)[0]
        tags = {**settings.pop("UserPoolTags", {}), CUSTOM_ID_TAG: pool_id}
        answer = self.client("cognito-idp", region=region).create_user_pool(
            PoolName=name or pool_id, UserPoolTags=tags, **settings
        )
        pool: dict[str, Any] = answer["UserPool"]
        return pool

    @property
    def log_path(self) -> Path:
        """The emulator's log file (one line per request; ``UNIMPLEMENTED <api>`` for calls it cannot serve)."""
        if self._home is None:
            raise LocalDeployError("The local AWS emulator has not been started.")
        return self._home / "emulator.log"

    @property
    def log(self) -> str:
        """The emulator's log so far."""
        try:
            return self.log_path.read_text(errors="replace")
        except (OSError, LocalDeployError):
            return ""

    def _log_tail(self) -> str:
        lines = self.log.strip().splitlines()
        return " | ".join(lines[-5:]) or "(no output)"

    # -- deploying ---------------------------------------------------------------------------------

    def deploy(
        self,
        outdir: str | os.PathLike[str] = "cdktf.out",
        stack: str | None = None,
        *,
        variables: Mapping[str, Any] | None = None,
        prepare: Prepare | None = None,
        timeout: float = 300.0,
    ) -> Deployment:
        """Apply a synthesized stack to the emulator with Terraform, in a private working copy.

        :param outdir: the synthesized app (``cdktf.out``, never modified). Default: ``"cdktf.out"``.
        :param stack: the stack's name. Default: the only stack in ``outdir``.
        :param variables: values for the stack's Terraform variables. Default: none.
        :param prepare: ``prepare(aws, stack)``, called before apply to create what the stack reads but
            does not own (an S3 object with a function's code, a pool read by ID). Default: none.
        :param timeout: seconds the apply may take. Default: ``300``.
        :raises ConfigurationError: if ``stack`` is not in ``outdir``.
        :raises LocalToolError: if terraform or the AWS provider is missing.
        :raises LocalDeployError: if Terraform fails (with the resource address and the provider's message).
        """
        from ._deployment import deploy

        self._require()
        return deploy(self, Path(outdir), stack, variables=variables, prepare=prepare, timeout=timeout)

    def toolchain(self) -> Toolchain:
        """Terraform and the provider folder this emulator deploys with (found on first use).

        :raises LocalToolError: if terraform is missing, or ``plugin_dir`` holds no usable AWS provider.
        """
        if self._toolchain is None:
            from ._toolchain import find_toolchain

            self._toolchain = find_toolchain(self.terraform, self.plugin_dir)
        return self._toolchain

    def _workdir(self, stack: str) -> Path:
        assert self._home is not None
        return Path(tempfile.mkdtemp(prefix=f"{stack}-", dir=self._home)) / stack
