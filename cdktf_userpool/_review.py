"""Human-readable accounts of synthesized stacks, for the terminal and for pull-request review.

Both read ``cdk.tf.json`` (never the app), so they describe exactly what Terraform gets:
:func:`summarize` in a few lines (what ``make synth`` prints), :func:`review` in full: each pool,
each trigger with its function, package size and hash, invoke permission and IAM statements.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ._core.expressions import decode_jsonencode, is_jsonencode
from ._packaging.include import MANIFEST_NAME
from ._pool.triggers import TRIGGERS

_REF = re.compile(r"^\$\{(data\.)?([\w-]+)\.([\w-]+)\.([\w-]+)\}$")
_ROLE_OF_FUNCTION = re.compile(r'^\$\{regex\("\[\^/\]\+\$", aws_lambda_function\.([\w-]+)\.role\)\}$')
_CONFIG_KEYS = {spec.config_key: spec for spec in TRIGGERS.values()}
PACKAGED_HANDLER = "cdktf_userpool_entry.handler"


def stack_files(outdir: Path) -> Iterator[Path]:
    """Every ``cdk.tf.json`` under ``outdir/stacks``, in name order."""
    yield from sorted(outdir.glob("stacks/*/cdk.tf.json"))


def _ref(value: object) -> tuple[str, str, str] | None:
    """``(type, name, attribute)`` of a whole-value reference such as ``${aws_x.name.arn}``."""
    match = _REF.match(value) if isinstance(value, str) else None
    if not match:
        return None
    data, rtype, name, attr = match.groups()
    return (f"data.{rtype}" if data else rtype, name, attr)


def _short(value: object) -> str:
    text = str(value)
    return text[2:-1] if text.startswith("${") and text.endswith("}") and text.count("${") == 1 else text


@dataclass
class _Stack:
    path: Path
    resources: dict[str, dict[str, Any]]
    data: dict[str, dict[str, Any]]

    @classmethod
    def load(cls, path: Path) -> _Stack:
        doc = json.loads(path.read_text())
        return cls(path, doc.get("resource", {}), doc.get("data", {}))

    def of(self, rtype: str) -> dict[str, Any]:
        return self.resources.get(rtype, {})

    def function_of(self, target: object) -> tuple[str, dict[str, Any]] | None:
        ref = _ref(target)
        if ref and ref[0] == "aws_lambda_alias" and ref[1] in self.of("aws_lambda_alias"):
            ref = _ref(self.of("aws_lambda_alias")[ref[1]].get("function_name"))  # a Function's cold-start alias
        if ref and ref[0] == "aws_lambda_function" and ref[1] in self.of("aws_lambda_function"):
            return ref[1], self.of("aws_lambda_function")[ref[1]]
        return None

    def alias_of(self, target: object) -> str | None:
        """How a trigger reaches its function through an alias (name, provisioned concurrency, SnapStart), if it does."""
        ref = _ref(target)
        if not ref or ref[0] != "aws_lambda_alias" or ref[1] not in self.of("aws_lambda_alias"):
            return None
        alias = self.of("aws_lambda_alias")[ref[1]]
        warm = [
            f"provisioned concurrency {c.get('provisioned_concurrent_executions')}"
            for c in self.of("aws_lambda_provisioned_concurrency_config").values()
            if _ref(c.get("qualifier")) == ("aws_lambda_alias", ref[1], "name")
        ]
        found = self.function_of(target)
        if found and found[1].get("snap_start"):
            warm.append("SnapStart")
        return f"alias {alias.get('name')}" + (f" ({', '.join(warm)})" if warm else "")

    def package(self, fn: Mapping[str, Any]) -> str:
        filename = fn.get("filename")
        if filename:
            archive = self.path.parent / str(filename)
            size = f"{archive.stat().st_size} bytes" if archive.is_file() else "missing"
            return f"package {filename} ({size}, sha256 {fn.get('source_code_hash', '?')})"
        if "s3_key" in fn:
            return f"code from s3://{fn.get('s3_bucket')}/{fn['s3_key']}"
        return f"image {fn.get('image_uri', '?')}"

    def contents(self, fn: Mapping[str, Any]) -> list[str]:
        """What a package built by this library ships besides its code: pinned distributions and included files."""
        filename = fn.get("filename")
        if not filename or fn.get("handler") != PACKAGED_HANDLER:
            return []
        facts_file = (self.path.parent / str(filename)).parent / MANIFEST_NAME
        try:
            facts = json.loads(facts_file.read_text())
        except (OSError, ValueError):
            facts = {}
        pinned = facts.get("requirements", [])
        lines = [f"requirements ({len(pinned)}, pinned with their dependencies): {', '.join(pinned)}" if pinned else "requirements: none"]
        if facts.get("runtime_provided"):
            lines.append(f"left to the Lambda runtime: {', '.join(facts['runtime_provided'])}")
        if facts.get("layer_provided"):
            lines.append(f"left to the function's layers: {', '.join(facts['layer_provided'])}")
        if facts.get("include"):
            lines.append(f"included files ({len(facts['include'])}): {', '.join(facts['include'])}")
        return lines

    def permissions_for(self, pool: str, target: object, fn_name: str | None) -> list[dict[str, Any]]:
        wanted = {str(target)}
        if fn_name:
            function = self.of("aws_lambda_function")[fn_name]
            wanted |= {f"${{aws_lambda_function.{fn_name}.function_name}}", str(function.get("function_name"))}
        return [
            p
            for p in self.of("aws_lambda_permission").values()
            if p.get("source_arn") == f"${{aws_cognito_user_pool.{pool}.arn}}"
            and (p.get("function_name") in wanted or _qualified(p) in wanted)
        ]

    def role_statements(self, fn_name: str) -> tuple[str, list[dict[str, Any]]]:
        fn = self.of("aws_lambda_function")[fn_name]
        role = _ref(fn.get("role"))
        role_name = role[1] if role and role[0] == "aws_iam_role" else None
        statements: list[dict[str, Any]] = []
        for policy in self.of("aws_iam_role_policy").values():
            attached = _ref(policy.get("role"))
            by_name = attached is not None and attached[0] == "aws_iam_role" and attached[1] == role_name
            by_function = (_ROLE_OF_FUNCTION.match(str(policy.get("role"))) or [None, None])[1] == fn_name
            if (by_name or by_function) and is_jsonencode(policy.get("policy")):
                statements.extend(decode_jsonencode(policy["policy"])["Statement"])
        label = self.of("aws_iam_role").get(role_name or "", {}).get("name", _short(fn.get("role")))
        return str(label), statements


def _qualified(permission: Mapping[str, Any]) -> str:
    name, qualifier = permission.get("function_name"), permission.get("qualifier")
    return f"{name}:{qualifier}" if qualifier else str(name)


def _statement(statement: Mapping[str, Any]) -> str:
    actions = statement.get("Action", [])
    resources = statement.get("Resource", [])
    text = f"{statement.get('Effect', '?')} {', '.join([actions] if isinstance(actions, str) else actions)}"
    text += f" on {', '.join(_short(r) for r in ([resources] if isinstance(resources, str) else resources))}"
    if "Principal" in statement:
        text += " to " + ", ".join(f"{k} {_short(v)}" for k, v in statement["Principal"].items())
    conditions = [f"{test} {k}={_short(v)}" for test, pairs in statement.get("Condition", {}).items() for k, v in pairs.items()]
    if conditions:
        text += " when " + " and ".join(conditions)
    return text


def _pools(stack: _Stack) -> Iterator[tuple[str, dict[str, Any], list[tuple[str, Any]]]]:
    for name, pool in stack.of("aws_cognito_user_pool").items():
        config = pool.get("lambda_config", {})
        triggers = [(_CONFIG_KEYS[k].docs_name, v) for k, v in sorted(config.items()) if k in _CONFIG_KEYS]
        yield name, pool, triggers


def _target_arn(value: object) -> object:
    return value.get("lambda_arn") if isinstance(value, dict) else value


def _external_triggers(stack: _Stack, data_name: str) -> str:
    """How the triggers of an imported pool are handled: read-only, or set by an updater invocation."""
    pool_id = f"data.aws_cognito_user_pool.{data_name}.id"
    for name, invocation in stack.of("aws_lambda_invocation").items():
        raw = invocation.get("input", "")
        if invocation.get("lifecycle_scope") != "CRUD" or not is_jsonencode(raw) or pool_id not in raw:
            continue
        triggers = decode_jsonencode(raw).get("triggers", {})
        owned = ", ".join(sorted(triggers)) or "none yet"
        return f"triggers set by aws_lambda_invocation.{name} (CRUD): {owned}"
    return "read-only"


def summarize(path: Path) -> list[str]:
    """A few lines on the stack synthesized into ``path`` (a ``cdk.tf.json``)."""
    stack = _Stack.load(path)
    lines = [f"stack {path.parent.name!r}: {path}"]
    for name, pool, triggers in _pools(stack):
        lines.append(f"  user pool {pool.get('name')!r} (aws_cognito_user_pool.{name})")
        for docs_name, value in triggers:
            found = stack.function_of(_target_arn(value))
            target = f"{found[1].get('function_name')} ({stack.package(found[1])})" if found else _short(_target_arn(value))
            version = f" [{value.get('lambda_version')}]" if isinstance(value, dict) else ""
            lines.append(f"    {docs_name:<28} -> {target}{version}")
        if "kms_key_id" in pool.get("lambda_config", {}):
            lines.append(f"    {'custom senders key':<28} -> {_short(pool['lambda_config']['kms_key_id'])}")
    access = [
        (label, [block.get(key, name) for name, block in stack.of(rtype).items()])
        for label, rtype, key in (
            ("app clients", "aws_cognito_user_pool_client", "name"),
            ("resource servers", "aws_cognito_resource_server", "identifier"),
            ("domains", "aws_cognito_user_pool_domain", "domain"),
            ("groups", "aws_cognito_user_group", "name"),
            ("identity pools", "aws_cognito_identity_pool", "identity_pool_name"),
        )
    ]
    present = [f"{label} {', '.join(sorted(map(str, names)))}" for label, names in access if names]
    if present:
        lines.append("  sign-in and access: " + "; ".join(present))
    for name in stack.data.get("aws_cognito_user_pool", {}):
        lines.append(f"  imported user pool (data.aws_cognito_user_pool.{name}), {_external_triggers(stack, name)}")
    functions = stack.of("aws_lambda_function")
    packaged = [f for f in functions.values() if f.get("handler") == PACKAGED_HANDLER]
    permissions = list(stack.of("aws_lambda_permission").values())
    scoped = [p for p in permissions if p.get("source_arn")]
    lines.append(f"  functions: {len(functions)} ({len(packaged)} packaged from Python by cdktf-userpool)")
    lines.append(f"  invoke permissions: {len(permissions)} ({len(scoped)} scoped to a source ARN)")
    lines.append(
        f"  IAM roles: {len(stack.of('aws_iam_role'))}, role policies: {len(stack.of('aws_iam_role_policy'))}, "
        f"KMS keys: {len(stack.of('aws_kms_key'))}"
    )
    return lines


def review(path: Path) -> tuple[list[str], list[str]]:
    """A full account of the stack in ``path`` for a reviewer, and the problems found in it.

    Problems: a trigger without exactly one invoke permission scoped to its pool, or a permission
    for a principal other than Cognito.
    """
    stack = _Stack.load(path)
    lines, problems = [f"stack {path.parent.name!r} ({path})"], []
    for name, pool, triggers in _pools(stack):
        lines.append(f"user pool {pool.get('name')!r} (aws_cognito_user_pool.{name})")
        settings = {k: pool[k] for k in ("user_pool_tier", "mfa_configuration", "deletion_protection") if k in pool}
        if settings:
            lines.append("  " + ", ".join(f"{k} {v}" for k, v in settings.items()))
        if not triggers:
            lines.append("  no triggers")
        for docs_name, value in triggers:
            arn = _target_arn(value)
            version = f" [{value.get('lambda_version')}]" if isinstance(value, dict) else ""
            found = stack.function_of(arn)
            fn_name = found[0] if found else None
            if found:
                fn_name, fn = found
                via = stack.alias_of(arn)
                lines.append(
                    f"  {docs_name}{version} -> {fn.get('function_name')} (aws_lambda_function.{fn_name})"
                    + (f" through its {via}" if via else "")
                )
                lines.append(
                    f"    {fn.get('runtime')} {','.join(fn.get('architectures', ['x86_64']))}, timeout "
                    f"{fn.get('timeout', 3)} s, memory {fn.get('memory_size', 128)} MB, handler {fn.get('handler')}"
                )
                lines.append(f"    {stack.package(fn)}")
                lines.extend(f"      {line}" for line in stack.contents(fn))
                if fn.get("layers"):
                    lines.append(f"    layers: {', '.join(_short(layer) for layer in fn['layers'])}")
                vpc = fn.get("vpc_config")
                if isinstance(vpc, dict):
                    lines.append(
                        f"    in a VPC: subnets {', '.join(map(_short, vpc.get('subnet_ids', [])))}; security groups "
                        f"{', '.join(map(_short, vpc.get('security_group_ids', [])))}"
                    )
                role, statements = stack.role_statements(fn_name)
                lines.append(f"    role {role}:")
                lines.extend(f"      {_statement(s)}" for s in statements)
                if not statements:
                    lines.append("      (no inline policy in this stack)")
            else:
                lines.append(f"  {docs_name}{version} -> {_short(arn)} (not managed in this stack)")
            permissions = stack.permissions_for(name, arn, fn_name)
            for p in permissions:
                qualifier = f", qualifier {p['qualifier']}" if p.get("qualifier") else ""
                lines.append(
                    f"    invoke permission: {p.get('action')} for {p.get('principal')} from "
                    f"{_short(p.get('source_arn'))}{qualifier}"
                )
                if p.get("principal") != "cognito-idp.amazonaws.com":
                    problems.append(f"{docs_name}: invoke permission for unexpected principal {p.get('principal')!r}")
            if len(permissions) != 1:
                problems.append(f"{docs_name} on {pool.get('name')!r} has {len(permissions)} invoke permissions scoped to the pool, not 1")
        key = pool.get("lambda_config", {}).get("kms_key_id")
        if key:
            lines.append(f"  custom senders key: {_short(key)}")
            ref = _ref(key)
            if ref and ref[0] == "aws_kms_key" and ref[1] in stack.of("aws_kms_key"):
                kms = stack.of("aws_kms_key")[ref[1]]
                lines.append(f"    rotation {'on' if kms.get('enable_key_rotation') else 'OFF'}")
                if is_jsonencode(kms.get("policy")):
                    lines.extend(f"    {_statement(s)}" for s in decode_jsonencode(kms["policy"])["Statement"])
    for name, data in stack.data.get("aws_cognito_user_pool", {}).items():
        lines.append(
            f"imported user pool {_short(data.get('user_pool_id'))} (data.aws_cognito_user_pool.{name}), "
            f"{_external_triggers(stack, name)}"
        )
    shown = {found[0] for _, _, triggers in _pools(stack) for _, value in triggers if (found := stack.function_of(_target_arn(value)))}
    for fn_name, fn in sorted(stack.of("aws_lambda_function").items()):
        if fn_name not in shown and fn.get("handler") == PACKAGED_HANDLER:
            lines.append(f"function {fn.get('function_name')} (aws_lambda_function.{fn_name}), not a trigger of a pool in this stack")
            lines.append(f"  {fn.get('runtime')} {','.join(fn.get('architectures', ['x86_64']))}, {stack.package(fn)}")
            lines.extend(f"    {line}" for line in stack.contents(fn))
    lines.append("problems: none" if not problems else f"problems: {len(problems)}")
    lines.extend(f"  - {p}" for p in problems)
    return lines, problems
