"""One library, two backends: how the backend is chosen, mixing refused, and the same output on both."""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cdktf_userpool import BackendError, BackendMismatchError, UserPool
from cdktf_userpool._core.cdk import BACKEND_ENV, backend, choose
from tests._framework import BACKEND
from tests.conftest import EXAMPLE, ROOT

BOTH = frozenset({"cdktf", "cdktn"})
OTHER = "cdktn" if BACKEND == "cdktf" else "cdktf"


@pytest.mark.parametrize(
    ("imported", "setting", "installed", "chosen"),
    [
        ({"cdktn"}, None, BOTH, "cdktn"),  # the app's framework wins
        ({"cdktf"}, None, BOTH, "cdktf"),
        ({"cdktf"}, "cdktf", BOTH, "cdktf"),
        (set(), "cdktn", BOTH, "cdktn"),  # then the environment variable
        (set(), None, {"cdktn"}, "cdktn"),  # then the only one installed
        (set(), None, {"cdktf"}, "cdktf"),
    ],
)
def test_the_backend_is_chosen_in_a_documented_order(
    imported: set[str], setting: str | None, installed: set[str], chosen: str
) -> None:
    assert choose(frozenset(imported), setting, frozenset(installed)).name == chosen


@pytest.mark.parametrize(
    ("imported", "setting", "installed", "fragment"),
    [
        (set(), None, BOTH, f"set {BACKEND_ENV}=cdktn"),
        (set(), None, set(), 'pip install "cdktf-userpool[cdktn]"'),
        (set(), "terraform", BOTH, f"{BACKEND_ENV}='terraform' is not a backend"),
        ({"cdktf"}, "cdktn", BOTH, "but the app has imported cdktf"),
        (BOTH, None, BOTH, "Both cdktf and cdktn are imported"),
    ],
)
def test_an_ambiguous_choice_says_how_to_choose(
    imported: set[str], setting: str | None, installed: set[str], fragment: str
) -> None:
    with pytest.raises(BackendError) as err:
        choose(frozenset(imported), setting, frozenset(installed))
    assert fragment in str(err.value) and err.value.choices == ("cdktf", "cdktn")


def test_this_process_runs_on_the_suites_backend() -> None:
    assert backend().name == BACKEND == os.environ.get(BACKEND_ENV, BACKEND)


def test_a_scope_of_the_other_backend_is_refused_before_jsii() -> None:
    if importlib.util.find_spec(OTHER) is None:
        pytest.skip(f"{OTHER} is not installed in this environment (the {OTHER} suite runs this test)")
    other = __import__(OTHER)
    stack = other.TerraformStack(other.App(), "mixed")
    with pytest.raises(BackendMismatchError, match=f"built with {OTHER}, but cdktf_userpool is running on {BACKEND}"):
        UserPool(stack, "Pool")


def _synth_with(python: Path, workdir: Path, backend_name: str) -> dict[str, Any]:
    workdir.mkdir(parents=True)
    env = {**os.environ, BACKEND_ENV: backend_name, "CDKTF_OUTDIR": str(workdir / "out"), "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("PYTHONPATH", None)
    script = ROOT / "tools" / "for_backend.py"
    subprocess.run([str(python), str(script), str(EXAMPLE)], cwd=workdir, env=env, check=True, capture_output=True,
                   timeout=600)
    return json.loads((workdir / "out" / "stacks" / "example" / "cdk.tf.json").read_text())


def _normalized(doc: dict[str, Any]) -> dict[str, Any]:
    """The document without what the frameworks themselves write differently."""
    doc = json.loads(json.dumps(doc))
    doc.pop("//", None)  # metadata: framework name and version
    doc["terraform"]["required_providers"]["aws"] = "<provider>"
    return doc


def test_both_backends_write_the_same_terraform(tmp_path: Path) -> None:
    venv = ROOT / (".venv-cdktn" if OTHER == "cdktn" else ".venv")
    python = venv / "bin" / "python"
    if not python.exists():
        pytest.skip(f"no {OTHER} environment at {venv.name}/ to compare with (`make test BACKEND={OTHER}` creates it)")
    mine = _synth_with(Path(sys.executable), tmp_path / BACKEND, BACKEND)
    theirs = _synth_with(python, tmp_path / OTHER, OTHER)
    providers = {BACKEND: mine["terraform"]["required_providers"]["aws"], OTHER: theirs["terraform"]["required_providers"]["aws"]}
    assert providers["cdktf"] == {"source": "aws", "version": "6.25.0"}
    assert providers["cdktn"] == {"source": "hashicorp/aws", "version": "6.69.1"}
    assert _normalized(mine) == _normalized(theirs)


def test_a_provider_function_of_the_other_backend_is_refused_as_a_trigger() -> None:
    from tests._synth import new_stack

    provider = "cdktf_cdktf_provider_aws" if OTHER == "cdktf" else "cdktn_provider_aws"
    # stands in for the other bindings' LambdaFunction: only its class's module is read
    foreign = type("LambdaFunction", (), {"__module__": f"{provider}.lambda_function"})
    pool = UserPool(new_stack("mixed-target"), "Pool")
    with pytest.raises(BackendMismatchError, match=rf"got on_pre_sign_up\(\)=.* built with {OTHER}, but cdktf_userpool is running on {BACKEND}"):
        pool.on_pre_sign_up(foreign())
