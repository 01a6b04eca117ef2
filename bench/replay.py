"""The hand-written equivalent of any synthesized stack, for apps too irregular to write out twice.

``replay_app`` rebuilds every resource and data source of a library synth with the provider's own
classes, attribute for attribute (same logical ids, same references), and its Lambda archives as
prebuilt assets: what a team would write by hand, with the zips made beforehand.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

from tests._framework import PROVIDER_PACKAGE, App, AssetType, LocalBackend, TerraformAsset, TerraformStack
from tests._framework import AwsProvider


def _provider_class(rtype: str, data: bool) -> type:
    module = ("data_" + rtype) if data else rtype.removeprefix("aws_")
    name = "".join(part.capitalize() for part in module.split("_"))
    return getattr(importlib.import_module(f"{PROVIDER_PACKAGE}.{module}"), name)  # type: ignore[no-any-return]


def _camel(key: str) -> str:
    head, *rest = key.split("_")
    return head + "".join(part.capitalize() for part in rest)


def _blocks(value: Any, in_list: bool = False) -> Any:
    """Lists of nested blocks as jsii wants them: struct keys in camelCase (a lone block dict is converted
    by the generated class itself, the items of a list are not)."""
    if isinstance(value, list):
        return [_blocks(item, True) for item in value]
    if isinstance(value, dict) and in_list:
        return {_camel(k): _blocks(v, True) for k, v in value.items()}
    if isinstance(value, dict):
        return {k: _blocks(v) for k, v in value.items()}
    return value


def replay_app(outdir: str, stack_json: Path) -> App:
    """An app with the resources of ``stack_json`` (a ``cdk.tf.json``), written with provider classes."""
    doc: dict[str, Any] = json.loads(stack_json.read_text())
    app = App(outdir=outdir)
    stack = TerraformStack(app, stack_json.parent.name)
    for config in doc["provider"]["aws"]:
        AwsProvider(stack, "aws", **config)
    LocalBackend(stack, path=doc["terraform"]["backend"]["local"]["path"])
    for kind, data in (("data", True), ("resource", False)):
        for rtype, named in doc.get(kind, {}).items():
            cls = _provider_class(rtype, data)
            for name, body in named.items():
                args = {k: _blocks(v) for k, v in body.items() if k not in ("//", "depends_on")}
                if "filename" in args:  # the prebuilt archive, shipped as an asset like any hand-made zip
                    folder = stack_json.parent / Path(args["filename"]).parent
                    asset = TerraformAsset(stack, f"{name}Code", path=str(folder), type=AssetType.DIRECTORY)
                    args["filename"] = f"{asset.path}/package.zip"
                element = cls(stack, name, **args)
                element.override_logical_id(name)
    return app
