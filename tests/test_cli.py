"""The official cdktf CLI on every example app: `cdktf synth` (JSON) and `cdktf synth --hcl` agree.

The HCL is parsed with python-hcl2 and compared, semantically, with the JSON the same CLI wrote:
same resources and data sources, same ``lambda_config`` keys and references, same permissions,
same functions and the same KMS key.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import hcl2
import pytest

from tests._framework import BACKEND, for_backend
from tests.conftest import ROOT

CDKTF = ROOT / "node_modules" / ".bin" / "cdktf"
CDKTN_TOOLS = ROOT / "tools" / "cdktn" / "node_modules" / ".bin"  # cdktn-cli and the Node 22 it needs
CLI = CDKTN_TOOLS / "cdktn" if BACKEND == "cdktn" else CDKTF
#: The example apps: the scripts of examples/ that synthesize (prepare_local.py only feeds `local up`).
EXAMPLES = sorted(
    p for p in (ROOT / "examples").glob("*.py") if not p.name.startswith("_") and ".synth()" in p.read_text()
)


def cdktf_synth(app: Path, outdir: Path, *extra: str) -> Path:
    """Run the pinned CLI of the suite's backend on ``app``, offline; return the stacks folder.

    On cdktf at the repository root (as `cdktf synth` reads its cdktf.json); on cdktn in the folder of
    the app's rewritten copy, with the same cdktf.json.
    """
    assert CLI.exists(), f"the {BACKEND} CLI is missing: run `make test BACKEND={BACKEND}`, which installs it with `npm ci`"
    app = for_backend(app, outdir.parent / "apps")
    cwd = ROOT if BACKEND == "cdktf" else app.parent
    if BACKEND == "cdktn":
        shutil.copy(ROOT / "cdktf.json", cwd / "cdktf.json")
    node = f"{CDKTN_TOOLS}{os.pathsep}" if BACKEND == "cdktn" else ""
    env = {
        **os.environ,
        "CHECKPOINT_DISABLE": "1",
        "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION": "20",
        "JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION": "1",
        # the CLI asks `python` its version; cdktn-cli runs on the Node 22 installed beside it
        "PATH": f"{node}{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    command = [str(CLI), "synth", "--app", f"{sys.executable} {app.relative_to(cwd)}", "--output", str(outdir), *extra]
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return outdir / "stacks"


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda p: p.stem)
def synths(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp(request.param.stem)
    return cdktf_synth(request.param, out / "json"), cdktf_synth(request.param, out / "hcl", "--hcl")


def unquote(value: Any) -> Any:
    """python-hcl2's output with quotes stripped and single blocks unwrapped, shaped like cdktf's JSON."""
    if isinstance(value, str):
        return value[1:-1] if len(value) >= 2 and value[0] == value[-1] == '"' else value
    if isinstance(value, list):
        items = [unquote(v) for v in value]
        if len(items) == 1 and isinstance(value[0], dict) and value[0].get("__is_block__"):
            return items[0]
        return items
    if isinstance(value, dict):
        return {unquote(k): unquote(v) for k, v in value.items() if k != "__is_block__"}
    return value


def hcl_blocks(path: Path, kind: str) -> dict[str, dict[str, Any]]:
    """``{type: {name: body}}`` of one kind of block (``resource`` or ``data``) of a ``cdk.tf``."""
    with path.open() as handle:
        parsed = hcl2.load(handle)
    blocks: dict[str, dict[str, Any]] = {}
    for entry in parsed.get(kind, []):
        for rtype, named in unquote(entry).items():
            blocks.setdefault(rtype, {}).update(named)
    return blocks


def stacks(synths: tuple[Path, Path]) -> list[tuple[dict[str, Any], Path]]:
    json_dir, hcl_dir = synths
    names = sorted(p.name for p in json_dir.iterdir())
    assert names == sorted(p.name for p in hcl_dir.iterdir())
    return [(json.loads((json_dir / n / "cdk.tf.json").read_text()), hcl_dir / n / "cdk.tf") for n in names]


def test_every_example_is_covered() -> None:
    assert [p.name for p in EXAMPLES] == ["app.py"]


def test_same_resources_and_data_sources(synths: tuple[Path, Path]) -> None:
    for doc, hcl in stacks(synths):
        for kind in ("resource", "data"):
            from_hcl = hcl_blocks(hcl, kind)
            assert {t: sorted(v) for t, v in from_hcl.items()} == {t: sorted(v) for t, v in doc.get(kind, {}).items()}


def test_same_lambda_config(synths: tuple[Path, Path]) -> None:
    for doc, hcl in stacks(synths):
        pools = hcl_blocks(hcl, "resource").get("aws_cognito_user_pool", {})
        for name, pool in doc["resource"].get("aws_cognito_user_pool", {}).items():
            assert pools[name]["lambda_config"] == pool["lambda_config"]
            assert pools[name]["name"] == pool["name"]


@pytest.mark.parametrize("rtype", ["aws_lambda_permission", "aws_lambda_function", "aws_kms_key", "aws_cloudwatch_log_group",
                                   "aws_lambda_invocation", "terraform_data"])
def test_same_attributes(synths: tuple[Path, Path], rtype: str) -> None:
    for doc, hcl in stacks(synths):
        from_hcl = hcl_blocks(hcl, "resource").get(rtype, {})
        for name, body in doc["resource"].get(rtype, {}).items():
            for key, value in body.items():
                if key in ("depends_on", "policy", "//"):
                    continue  # HCL quotes references in depends_on and re-spaces jsonencode
                assert from_hcl[name][key] == value, (rtype, name, key)


def test_cli_json_matches_the_app_run_directly(synths: tuple[Path, Path], example_doc: dict[str, Any]) -> None:
    doc = json.loads((synths[0] / "example" / "cdk.tf.json").read_text())
    assert doc["resource"] == example_doc["resource"]
    assert doc["data"] == example_doc["data"]
