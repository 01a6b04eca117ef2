"""A short, human-readable summary of synthesized stacks: pools, triggers, functions, permissions.

It reads ``cdk.tf.json`` files only (never the app), so it describes exactly what Terraform gets.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from .triggers import TRIGGERS

_REF = re.compile(r"^\$\{([\w-]+)\.([\w-]+)\.([\w-]+)\}$")
_CONFIG_KEYS = {spec.config_key: spec for spec in TRIGGERS.values()}


def stack_files(outdir: Path) -> Iterator[Path]:
    """Every ``cdk.tf.json`` under ``outdir/stacks``, in name order."""
    yield from sorted(outdir.glob("stacks/*/cdk.tf.json"))


def _describe_target(value: Any, resources: Mapping[str, Any], stack_dir: Path) -> str:
    if isinstance(value, dict):
        version = value.get("lambda_version")
        return f"{_describe_target(value.get('lambda_arn'), resources, stack_dir)} [{version}]"
    match = _REF.match(str(value))
    if not match:
        return str(value)
    rtype, name, _ = match.groups()
    if rtype != "aws_lambda_function":
        return f"{rtype}.{name}"
    fn = resources.get(rtype, {}).get(name, {})
    text = f"{fn.get('function_name', name)}"
    archive = stack_dir / str(fn.get("filename", ""))
    if fn.get("filename") and archive.is_file():
        text += f" (package {archive.stat().st_size} bytes, sha256 {fn.get('source_code_hash', '?')})"
    elif "s3_key" in fn:
        text += f" (code from s3://{fn.get('s3_bucket')}/{fn['s3_key']})"
    return text


def summarize(path: Path) -> list[str]:
    """Lines describing the stack synthesized into ``path`` (a ``cdk.tf.json``)."""
    doc = json.loads(path.read_text())
    resources: dict[str, dict[str, Any]] = doc.get("resource", {})
    data: dict[str, dict[str, Any]] = doc.get("data", {})
    lines = [f"stack {path.parent.name!r}: {path}"]
    for name, pool in resources.get("aws_cognito_user_pool", {}).items():
        lines.append(f"  user pool {pool.get('name')!r} (aws_cognito_user_pool.{name})")
        config = pool.get("lambda_config", {})
        for key, value in sorted(config.items()):
            if key in _CONFIG_KEYS:
                lines.append(f"    {_CONFIG_KEYS[key].docs_name:<28} -> {_describe_target(value, resources, path.parent)}")
        if "kms_key_id" in config:
            lines.append(f"    {'custom senders key':<28} -> {_describe_target(config['kms_key_id'], resources, path.parent)}")
    for name in data.get("aws_cognito_user_pool", {}):
        lines.append(f"  imported user pool (data.aws_cognito_user_pool.{name}), read-only")
    functions = resources.get("aws_lambda_function", {})
    packaged = [f for f in functions.values() if str(f.get("handler", "")).startswith("cdktf_userpool_entry.")]
    permissions = list(resources.get("aws_lambda_permission", {}).values())
    scoped = [p for p in permissions if p.get("source_arn")]
    lines.append(f"  functions: {len(functions)} ({len(packaged)} packaged from Python by cdktf-userpool)")
    lines.append(f"  invoke permissions: {len(permissions)} ({len(scoped)} scoped to a source ARN)")
    lines.append(
        f"  IAM roles: {len(resources.get('aws_iam_role', {}))}, role policies: "
        f"{len(resources.get('aws_iam_role_policy', {}))}, KMS keys: {len(resources.get('aws_kms_key', {}))}"
    )
    return lines
