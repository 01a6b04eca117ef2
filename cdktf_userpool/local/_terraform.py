"""Run Terraform in a working copy: init, apply, a saved plan and its apply, show, destroy, each with a timeout.

apply, plan and destroy use Terraform's machine-readable UI (``-json``): errors come back with
the resource address, and on a timeout the message names the resources still in progress. A
failure is a :class:`~cdktf_userpool.LocalDeployError` carrying the address, the provider's message,
the API the emulator could not serve (when that is the cause) and the whole log.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import LocalDeployError, LocalToolError
from ._toolchain import MISSING_PROVIDER_FIX, Toolchain, cli_config
from ._workdir import STATE_FILE

INIT_TIMEOUT = 180.0
SHOW_TIMEOUT = 120.0
_API = re.compile(r"operation error ([\w .-]+): (\w+)")
_KILL_GRACE = 10.0


@dataclass
class Run:
    """A finished Terraform command: its exit code, its UI messages and its text log."""

    returncode: int
    messages: list[dict[str, Any]] = field(default_factory=list)
    log: str = ""


def environment(toolchain: Toolchain, workdir: Path, endpoint_url: str) -> dict[str, str]:
    """Terraform's environment: the user's without any ``AWS_`` variable, with the mirror's CLI config, and the
    emulator as every service's endpoint (``AWS_ENDPOINT_URL``; the shared AWS config and credentials files
    an empty one, so no profile's ``endpoint_url``, ``services`` or ``ignore_configured_endpoint_urls``
    reaches the provider)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    empty = workdir.parent / "aws-shared-files"
    empty.write_text("")
    env.update({"CHECKPOINT_DISABLE": "1", "TF_IN_AUTOMATION": "1", "TF_INPUT": "0", "AWS_EC2_METADATA_DISABLED": "true",
                "AWS_ENDPOINT_URL": endpoint_url, "AWS_CONFIG_FILE": str(empty),
                "AWS_SHARED_CREDENTIALS_FILE": str(empty)})
    env.pop("TF_DATA_DIR", None)
    env.pop("TF_WORKSPACE", None)
    config = cli_config(toolchain)
    if config:
        path = workdir.parent / "terraformrc"
        path.write_text(config)
        env["TF_CLI_CONFIG_FILE"] = str(path)
    return env


class Terraform:
    """Terraform commands in one working copy.

    :param toolchain: the terraform executable and provider folder.
    :param workdir: the working copy.
    :param stack: the stack's name, for messages.
    :param emulator_log: returns the emulator's log so far (to name APIs it could not serve).
    :param endpoint_url: the emulator's endpoint, for every AWS service (see :func:`environment`).
    """

    def __init__(self, toolchain: Toolchain, workdir: Path, *, stack: str, emulator_log: Callable[[], str],
                 endpoint_url: str) -> None:
        self.toolchain = toolchain
        self.workdir = workdir
        self.stack = stack
        self._emulator_log = emulator_log
        self.env = environment(toolchain, workdir, endpoint_url)

    # -- running -----------------------------------------------------------------------------------

    def _run(self, args: Sequence[str], *, timeout: float, command: str, ui: bool) -> Run:
        started = time.monotonic()
        process = subprocess.Popen(
            [self.toolchain.terraform, *args],
            cwd=self.workdir,
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        try:
            output, _ = process.communicate(timeout=timeout)
        except KeyboardInterrupt:
            self._kill(process)
            raise
        except subprocess.TimeoutExpired:
            output = self._kill(process)
            run = self._parse(output, -1, ui)
            busy = _in_progress(run.messages)
            api = self._unimplemented_api()
            raise LocalDeployError(
                f"terraform {command} of stack {self.stack!r} did not finish within {timeout:.0f} s"
                + (f"; still in progress: {', '.join(busy)}" if busy else "")
                + (f"; the emulator does not implement {api}" if api else "")
                + ". Raise timeout= if the stack is just large, or see .log for the last calls.",
                stack=self.stack,
                command=command,
                address=busy[0] if busy else None,
                api=api,
                log=run.log,
            ) from None
        run = self._parse(output, process.returncode, ui)
        run.log += f"\n[{command} took {time.monotonic() - started:.1f} s]"
        return run

    @staticmethod
    def _kill(process: subprocess.Popen[str]) -> str:
        """Interrupt terraform (it then stops its providers and writes state), kill it if it lingers."""
        for sig, wait in ((signal.SIGINT, _KILL_GRACE), (signal.SIGKILL, _KILL_GRACE)):
            try:
                os.killpg(process.pid, sig)
            except ProcessLookupError:
                break
            try:
                output, _ = process.communicate(timeout=wait)
                return output or ""
            except subprocess.TimeoutExpired:
                continue
        return ""

    @staticmethod
    def _parse(output: str, returncode: int, ui: bool) -> Run:
        if not ui:
            return Run(returncode, [], output)
        messages, text = [], []
        for line in output.splitlines():
            try:
                message = json.loads(line)
            except ValueError:
                text.append(line)
                continue
            if isinstance(message, dict):
                messages.append(message)
                text.append(str(message.get("@message", "")))
                detail = (message.get("diagnostic") or {}).get("detail")
                if detail:
                    text.append(f"  {detail}")
        return Run(returncode, messages, "\n".join(text))

    def _unimplemented_api(self) -> str | None:
        from ._marks import NOT_IMPLEMENTED

        found = re.findall(rf"{NOT_IMPLEMENTED} (\S+)", self._emulator_log())
        return found[-1] if found else None

    def _fail(self, run: Run, command: str) -> LocalDeployError:
        errors = [m["diagnostic"] for m in run.messages if (m.get("diagnostic") or {}).get("severity") == "error"]
        first = errors[0] if errors else {}
        errored = [m["hook"]["resource"]["addr"] for m in run.messages if m.get("type") == "apply_errored"]
        address = first.get("address") or (errored[0] if errored else None)
        provider_message = " ".join(p for p in (first.get("summary"), first.get("detail")) if p) or run.log.strip()[-2000:]
        api = self._unimplemented_api()
        called = _API.search(provider_message)
        if api is None and called and "NotImplemented" in provider_message:
            api = f"{called.group(1)}:{called.group(2)}"
        where = f" at {address}" if address else ""
        hint = f" The emulator does not implement {api}." if api else ""
        return LocalDeployError(
            f"terraform {command} of stack {self.stack!r} failed{where}: {provider_message}{hint}",
            stack=self.stack,
            command=command,
            address=address,
            api=api,
            provider_message=provider_message,
            log=run.log,
        )

    # -- commands ----------------------------------------------------------------------------------

    def init(self) -> Run:
        """``terraform init`` (against the mirror when there is one).

        :raises LocalToolError: if the AWS provider cannot be installed.
        :raises LocalDeployError: for any other failure.
        """
        run = self._run(["init", "-input=false", "-no-color", "-backend=true"], timeout=INIT_TIMEOUT, command="init", ui=False)
        if run.returncode == 0:
            return run
        if "hashicorp/aws" in run.log and re.search(r"(?i)failed to (query|install)|could not (retrieve|connect)|no available releases", run.log):
            raise LocalToolError(
                f"terraform init for stack {self.stack!r} could not install the AWS provider: "
                f"{_last_error(run.log)} {MISSING_PROVIDER_FIX}",
                tool="hashicorp/aws",
                fix=MISSING_PROVIDER_FIX,
                stack=self.stack,
                command="init",
                log=run.log,
            )
        raise LocalDeployError(
            f"terraform init for stack {self.stack!r} failed: {_last_error(run.log)}",
            stack=self.stack,
            command="init",
            provider_message=_last_error(run.log),
            log=run.log,
        )

    def apply(self, *, timeout: float) -> Run:
        """``terraform apply``; raises :class:`LocalDeployError` on failure."""
        run = self._run(["apply", "-auto-approve", "-input=false", "-no-color", "-json"], timeout=timeout, command="apply", ui=True)
        if run.returncode != 0:
            raise self._fail(run, "apply")
        return run

    def destroy(self, *, timeout: float) -> Run:
        """``terraform destroy`` without a refresh (the state is the apply's); raises :class:`LocalDeployError` on failure."""
        run = self._run(
            ["destroy", "-auto-approve", "-input=false", "-no-color", "-json", "-refresh=false"],
            timeout=timeout, command="destroy", ui=True,
        )
        if run.returncode != 0:
            raise self._fail(run, "destroy")
        return run

    def save_plan(self, plan_file: str, *, timeout: float) -> Run:
        """``terraform plan -out=PLAN_FILE -detailed-exitcode``: returncode 0 (no changes), 2 (changes) or 1.

        Failures are returned, not raised (see :meth:`failure`), so the caller can read them.
        """
        return self._run(
            ["plan", "-input=false", "-no-color", "-json", "-detailed-exitcode", f"-out={plan_file}"],
            timeout=timeout, command="plan", ui=True,
        )

    def apply_plan(self, plan_file: str, *, timeout: float) -> Run:
        """``terraform apply PLAN_FILE`` (a plan saved by :meth:`save_plan`); raises :class:`LocalDeployError` on failure."""
        run = self._run(["apply", "-input=false", "-no-color", "-json", plan_file], timeout=timeout, command="apply", ui=True)
        if run.returncode != 0:
            raise self._fail(run, "apply")
        return run

    def failure(self, run: Run, command: str) -> LocalDeployError:
        """The error for a failed ``run`` of ``command``: the address, the provider's message, the API."""
        return self._fail(run, command)

    def state(self) -> dict[str, Any]:
        """The state file as Terraform last wrote it (``{}`` before the first apply): read, not ``terraform show``,
        which would start the provider (about 2 s) to print the same values.

        :raises LocalDeployError: if it is not a state file this reads (format version 4).
        """
        path = self.workdir / STATE_FILE
        if not path.is_file():
            return {}
        document: dict[str, Any] = json.loads(path.read_text())
        if document.get("version") != 4:
            raise LocalDeployError(
                f"the state of stack {self.stack!r} ({path}) has format version {document.get('version')!r}, not 4; "
                "use Terraform 1.x.", stack=self.stack, command="show",
            )
        return document

    def show(self, plan_file: str | None = None) -> dict[str, Any]:
        """``terraform show -json`` of the state (or of a saved plan)."""
        args = ["show", "-json", "-no-color"] + ([plan_file] if plan_file else [])
        run = self._run(args, timeout=SHOW_TIMEOUT, command="show", ui=False)
        if run.returncode != 0:
            raise LocalDeployError(
                f"terraform show of stack {self.stack!r} failed: {_last_error(run.log)}",
                stack=self.stack, command="show", log=run.log,
            )
        for line in run.log.splitlines():
            if line.startswith("{"):
                document: dict[str, Any] = json.loads(line)
                return document
        return {}


def state_resources(state: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Every current resource instance of a state file (format version 4, as Terraform 1.x writes it), child
    modules included, as ``terraform show -json`` lists them: ``address``, ``mode``, ``type``, ``name`` and
    ``values``; deposed objects (left by a failed replacement) are not current and are left out.
    """
    found = []
    for resource in state.get("resources") or []:
        mode = resource.get("mode", "managed")
        base = f"{'data.' if mode == 'data' else ''}{resource['type']}.{resource['name']}"
        if resource.get("module"):
            base = f"{resource['module']}.{base}"
        for instance in resource.get("instances") or []:
            if instance.get("deposed"):
                continue
            key = instance.get("index_key")
            index = "" if key is None else f"[{json.dumps(key)}]"
            found.append({"address": base + index, "mode": mode, "type": resource["type"], "name": resource["name"],
                          "values": dict(instance.get("attributes") or {})})
    return found


def _in_progress(messages: Sequence[Mapping[str, Any]]) -> list[str]:
    """Resources that started applying and did not finish."""
    started: dict[str, None] = {}
    for message in messages:
        kind = message.get("type")
        address = ((message.get("hook") or {}).get("resource") or {}).get("addr")
        if not address:
            continue
        if kind == "apply_start":
            started[address] = None
        elif kind in ("apply_complete", "apply_errored"):
            started.pop(address, None)
    return list(started)


def _last_error(log: str) -> str:
    lines = [line.strip() for line in log.splitlines() if line.strip()]
    for index, line in enumerate(lines):
        if line.startswith("Error:"):
            return " ".join(lines[index : index + 4])
    return lines[-1] if lines else "(no output)"
