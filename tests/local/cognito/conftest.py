"""Fixtures of the local pool's flow tests: one emulator and one deployment of ``apps/triggers.py``
for the whole folder (the apply creates about fifteen packaged functions), skipping with the reason
when moto, terraform or the AWS provider is missing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from ..conftest import REGION, deploy, synth_app

APP = Path(__file__).resolve().parents[1] / "apps" / "triggers.py"
JS = Path(__file__).resolve().parents[1] / "js"
"""The JavaScript clients' folder (its package.json pins them)."""


@dataclass(frozen=True)
class Pool:
    """A deployed pool of the stack: its ID and app client IDs."""

    id: str
    client_id: str
    server_client_id: str | None = None
    server_secret: str | None = None


@pytest.fixture(scope="package")
def cognito_aws(toolchain: Any) -> Iterator[Any]:
    """An emulator (IAM enforced) for every flow test."""
    from cdktf_userpool.local import LocalAws

    with LocalAws(region=REGION) as emulator:
        yield emulator


@pytest.fixture(scope="package")
def triggers_outdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/local/apps/triggers.py synthesized on the suite's backend."""
    return synth_app(APP, tmp_path_factory.mktemp("triggers-app"), timeout=600)


@pytest.fixture(scope="package")
def triggers_stack(cognito_aws: Any, triggers_outdir: Path) -> Any:
    return deploy(cognito_aws, triggers_outdir, "triggers", timeout=600)


@pytest.fixture(scope="package")
def flows(triggers_stack: Any) -> Pool:
    out = triggers_stack.outputs
    server = triggers_stack.user_pool("Flows").client("triggers-Flows-Server")
    return Pool(out["FlowsPoolId"], out["FlowsClientId"], server.id, server.secret)


@pytest.fixture(scope="package")
def flows_pool(triggers_stack: Any) -> Any:
    """The deployed ``Flows`` pool (``DeployedUserPool``: its ``domain_url``, its clients)."""
    return triggers_stack.user_pool("Flows")


@pytest.fixture(scope="package")
def web(flows_pool: Any) -> Any:
    """The ``Flows`` pool's public managed-login client (code with PKCE, and implicit)."""
    return flows_pool.client("triggers-Flows-Web")


def output_pool(stack: Any, name: str) -> Pool:
    """Pool ``name`` of the stack as its outputs ``<name>PoolId`` and ``<name>ClientId`` give it."""
    return Pool(stack.outputs[f"{name}PoolId"], stack.outputs[f"{name}ClientId"])


@pytest.fixture(scope="package")
def classic(triggers_stack: Any) -> Pool:
    return output_pool(triggers_stack, "Classic")


@pytest.fixture(scope="package")
def strict(triggers_stack: Any) -> Pool:
    """The ``Strict`` pool: MFA ``ON`` with authenticator apps (its users set one up while signing in)."""
    return output_pool(triggers_stack, "Strict")


@pytest.fixture(scope="package")
def required(triggers_stack: Any) -> Pool:
    """The ``Required`` pool: MFA ``ON`` by SMS or email (no authenticator app)."""
    return output_pool(triggers_stack, "Required")


@pytest.fixture(scope="package")
def sms_only(triggers_stack: Any) -> Pool:
    """The ``SmsOnly`` pool: MFA ``ON`` by SMS alone."""
    return output_pool(triggers_stack, "SmsOnly")


@pytest.fixture(scope="package")
def idp(cognito_aws: Any) -> Any:
    """A cognito-idp client as the administrator, in the stack's region."""
    return cognito_aws.client("cognito-idp", region=REGION)


@pytest.fixture(scope="package")
def public_idp(cognito_aws: Any) -> Any:
    """A cognito-idp client that signs nothing, as an app in a browser or phone calls Cognito."""
    import boto3
    from botocore import UNSIGNED
    from botocore.config import Config

    return boto3.session.Session().client(
        "cognito-idp", endpoint_url=cognito_aws.endpoint_url, region_name=REGION,
        config=Config(signature_version=UNSIGNED, retries={"max_attempts": 1}, read_timeout=60),
    )


@pytest.fixture(scope="package")
def senders_stack(cognito_aws: Any, triggers_outdir: Path) -> Any:
    return deploy(cognito_aws, triggers_outdir, "senders", timeout=600)


@pytest.fixture(scope="package")
def senders(senders_stack: Any) -> Pool:
    return Pool(senders_stack.outputs["PoolId"], senders_stack.outputs["ClientId"])


@pytest.fixture(scope="package")
def node() -> str:
    """Node.js, with tests/local/js's packages installed (``npm ci`` when one is missing)."""
    import shutil
    import subprocess

    found = shutil.which("node")
    if found is None or shutil.which("npm") is None:
        pytest.skip("JavaScript client test: node and npm are not on the PATH")
    if not all((JS / "node_modules" / name).is_dir() for name in ("amazon-cognito-identity-js", "aws-amplify", "esbuild")):
        done = subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"], cwd=JS,
                              capture_output=True, text=True, timeout=300, check=False)
        if done.returncode != 0:
            pytest.skip(f"JavaScript client test: npm ci failed (is the npm registry reachable?): {done.stderr[-500:]}")
    return found
