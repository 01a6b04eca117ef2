"""The private working copy of a synthesized stack, and the override file that points it at the emulator.

The user's ``cdktf.out`` is never written: the stack's folder (``cdk.tf.json`` and its assets) is
copied without Terraform's own files (``.terraform/``, state, lock file), and
``zz_local_override.tf.json`` (an override file: Terraform merges it over the stack) sets, for every
AWS provider block of the stack, fake credentials, no profile or shared files, ``skip_*`` checks and
bounded retries; a local backend in the copy; when the offline provider is not the pinned one, the
version that is available; and each packaged function's code from the emulator's S3 (:mod:`._code`).

The emulator's endpoint reaches the provider through Terraform's environment (``AWS_ENDPOINT_URL``,
with empty shared AWS files, :func:`._terraform.environment`): every service of every provider block
goes to the emulator, and no block carries an ``endpoints`` argument, whose validation costs the
provider about 2 s each time its configuration is checked (twice in every plan or apply; measured in
docs/performance.md). A block that sets ``endpoints`` itself (which would win over the environment)
gets the emulator's for each routed service instead.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import LocalDeployError

OVERRIDE_FILE = "zz_local_override.tf.json"
VARIABLES_FILE = "zz_local.auto.tfvars.json"
STATE_FILE = "terraform.tfstate"
MAX_RETRIES = 2
"""The AWS SDK's retries per call: small, so a call the emulator refuses fails in seconds."""

# resource/data type prefix -> the provider's endpoint name (the same in provider 5.x and 6.x)
SERVICES: tuple[tuple[str, str], ...] = (
    ("aws_cognito_identity_", "cognitoidentity"),
    ("aws_cognito_", "cognitoidp"),
    ("aws_iam_", "iam"),
    ("aws_caller_identity", "sts"),
    ("aws_lambda_", "lambda"),
    ("aws_kms_", "kms"),
    ("aws_cloudwatch_log_", "logs"),
    ("aws_cloudwatch_event_", "events"),
    ("aws_cloudwatch_metric_alarm", "cloudwatch"),
    ("aws_s3_", "s3"),
    ("aws_dynamodb_", "dynamodb"),
    ("aws_sns_", "sns"),
    ("aws_sqs_", "sqs"),
    ("aws_sesv2_", "sesv2"),
    ("aws_ses_", "ses"),
    ("aws_secretsmanager_", "secretsmanager"),
    ("aws_ssm_", "ssm"),
)
ENDPOINTS = tuple(sorted({endpoint for _, endpoint in SERVICES} | {"sts", "iam"}))
"""Every service the override routes to the emulator."""

# types the provider computes without calling AWS
LOCAL_TYPES = frozenset({"aws_partition", "aws_region", "aws_arn", "aws_iam_policy_document", "aws_default_tags"})
_SKIPPED = {".terraform", ".terraform.lock.hcl"}


def service_of(resource_type: str) -> str | None:
    """The endpoint name serving ``resource_type``; ``None`` for types computed locally."""
    if resource_type in LOCAL_TYPES:
        return None
    for prefix, endpoint in SERVICES:
        if resource_type.startswith(prefix):
            return endpoint
    raise KeyError(resource_type)


def check_services(doc: Mapping[str, Any], stack: str) -> None:
    """Refuse, before anything runs, a stack with AWS types the override does not route to the emulator.

    :raises LocalDeployError: naming the first such type and the routed services.
    """
    for kind in ("resource", "data"):
        for resource_type, blocks in (doc.get(kind) or {}).items():
            if not resource_type.startswith("aws_"):
                continue
            try:
                service_of(resource_type)
            except KeyError:
                address = f"{'data.' if kind == 'data' else ''}{resource_type}.{next(iter(blocks))}"
                raise LocalDeployError(
                    f"Stack {stack!r} uses {resource_type} ({address}), whose service the local deploy does not "
                    f"route to the emulator (it routes {', '.join(ENDPOINTS)}). Deploy that part elsewhere, or "
                    "leave it out of the stack you deploy locally.",
                    stack=stack,
                    address=address,
                ) from None


def provider_blocks(doc: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The stack's ``aws`` provider blocks (at least one: Terraform's implied default)."""
    blocks = (doc.get("provider") or {}).get("aws") or [{}]
    return [dict(b) for b in (blocks if isinstance(blocks, list) else [blocks])]


def stack_region(doc: Mapping[str, Any], default: str) -> str:
    """The default provider's literal region, else ``default``."""
    for block in provider_blocks(doc):
        if "alias" not in block:
            region = block.get("region")
            if isinstance(region, str) and "${" not in region:
                return region
    return default


def pinned_provider_version(doc: Mapping[str, Any]) -> str | None:
    """The AWS provider version the stack requires (as written), or ``None``."""
    providers = ((doc.get("terraform") or {}).get("required_providers") or {})
    aws = providers.get("aws")
    return aws.get("version") if isinstance(aws, dict) else None


def override_document(
    doc: Mapping[str, Any],
    *,
    endpoint_url: str,
    access_key_id: str,
    secret_access_key: str,
    region: str,
    provider_version: str | None,
    resources: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The override for ``doc`` (a ``cdk.tf.json``); see the module docstring.

    :param resources: resource blocks merged over the stack's too (type -> name -> arguments; the
        functions' code from the emulator's S3, :mod:`._code`). Default: none.
    """
    providers = []
    for block in provider_blocks(doc):
        override: dict[str, Any] = {
            "access_key": access_key_id,
            "secret_key": secret_access_key,
            "profile": None,
            "allowed_account_ids": None,
            "forbidden_account_ids": None,
            "skip_credentials_validation": True,
            "skip_metadata_api_check": True,
            "skip_region_validation": True,
            "skip_requesting_account_id": False,
            "s3_use_path_style": True,
            "shared_config_files": None,
            "shared_credentials_files": None,
            "max_retries": MAX_RETRIES,
        }
        if "endpoints" in block:  # the stack's own would win over Terraform's environment: replace them
            override["endpoints"] = [{name: endpoint_url for name in ENDPOINTS}]
        if "alias" in block:
            override["alias"] = block["alias"]
        if "region" not in block:
            override["region"] = region
        providers.append(override)
    terraform: dict[str, Any] = {"backend": {"local": {"path": STATE_FILE}}}
    if provider_version is not None:
        terraform["required_providers"] = {"aws": {"source": "hashicorp/aws", "version": provider_version}}
    document: dict[str, Any] = {"provider": {"aws": providers}, "terraform": terraform}
    if resources:
        document["resource"] = dict(resources)
    return document


def _terraform_own(name: str) -> bool:
    """Whether a file or folder name is Terraform's own in a working copy: ``.terraform``, its lock, a state."""
    return name in _SKIPPED or ".tfstate" in name


def _not_synth(name: str) -> bool:
    """Whether a file or folder name is no part of a stack's synth: Terraform's own, or an override file."""
    return _terraform_own(name) or name.endswith("override.tf.json")


def copy_stack(stack_dir: Path, dest: Path) -> None:
    """Copy the stack's folder (assets included) without Terraform's files or any state; ``dest`` may exist."""

    def ignore(folder: str, names: list[str]) -> set[str]:
        return {n for n in names if _not_synth(n)}

    shutil.copytree(stack_dir, dest, ignore=ignore, symlinks=False, dirs_exist_ok=True)


def _synth_files(folder: Path) -> dict[str, bytes]:
    """The files a copy of a stack's folder holds (as :func:`copy_stack` copies them), by relative path."""
    found = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if path.is_file() and not any(_not_synth(part) for part in relative.parts):
            found[relative.as_posix()] = path.read_bytes()
    return found


def same_synth(stack_dir: Path, other: Path) -> bool:
    """Whether two folders hold the same synth of a stack: the same ``cdk.tf.json`` and assets, byte for byte."""
    return other.is_dir() and _synth_files(stack_dir) == _synth_files(other)


def clear_working_copy(dest: Path) -> None:
    """Remove the previous synth from ``dest``, keeping Terraform's own files: the state, ``.terraform``, the lock file."""
    for entry in dest.iterdir():
        if _terraform_own(entry.name):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()


def write_working_copy(
    stack_dir: Path,
    dest: Path,
    *,
    override: Mapping[str, Any],
    variables: Mapping[str, Any] | None,
) -> Path:
    """Copy the stack into ``dest`` and write the override (and the variables file, if any); returns ``dest``.

    ``dest`` may hold an earlier working copy of the stack: its synth is replaced, its state kept.
    """
    if dest.is_dir():
        clear_working_copy(dest)
    copy_stack(stack_dir, dest)
    (dest / OVERRIDE_FILE).write_text(json.dumps(override, indent=2, sort_keys=True) + "\n")
    if variables:
        (dest / VARIABLES_FILE).write_text(json.dumps(dict(variables), indent=2, sort_keys=True) + "\n")
    return dest
