"""What is packaged is what runs: synthesized apps, checked from the outside (issue 11)."""

from __future__ import annotations

import importlib.util
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from typing import Any

import pytest

from cdktf_userpool.errors import CaptureError
from tests._framework import for_backend
from tests._synth import new_stack
from tests.conftest import ROOT

FIDELITY_APP = ROOT / "tests" / "fixtures" / "fidelity_app" / "app.py"
SECRETS = {"FIDELITY_STAGE": "stage-at-synth-4d8e1f", "FIDELITY_API_KEY": "ci-secret-9b7c2a51e0f3"}
_MIN_LENGTH = 8  # shorter values ("1", "true", "20") are common words, not leaks


def _contents(outdir: Path) -> dict[str, bytes]:
    """Every file under ``outdir``, and every member of every zip in it."""
    found: dict[str, bytes] = {}
    for path in sorted(outdir.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        found[str(path.relative_to(outdir))] = data
        if path.suffix == ".zip":
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                for member in archive.namelist():
                    found[f"{path.relative_to(outdir)}!{member}"] = archive.read(member)
    return found


@pytest.fixture(scope="module")
def fidelity_out(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The fidelity app synthesized with secrets in the environment; the outdir and that environment."""
    work = tmp_path_factory.mktemp("fidelity")
    env = {**os.environ, **SECRETS, "CDKTF_OUTDIR": str(work / "cdktf.out")}
    app = for_backend(FIDELITY_APP, work)
    subprocess.run([sys.executable, str(app)], cwd=work, env=env, check=True, capture_output=True, timeout=600)
    return work / "cdktf.out", env


def test_no_synth_environment_value_is_written_anywhere(fidelity_out: tuple[Path, dict[str, str]]) -> None:
    outdir, env = fidelity_out
    contents = _contents(outdir)
    assert any(name.endswith("!trigger.py") for name in contents)
    values = {name: value for name, value in env.items() if len(value) >= _MIN_LENGTH}
    leaks = [
        (variable, name)
        for name, data in contents.items()
        for variable, value in values.items()
        if value.encode() in data
    ]
    assert leaks == []


def test_environment_is_read_at_run_time(fidelity_out: tuple[Path, dict[str, str]]) -> None:
    outdir, _ = fidelity_out
    contents = _contents(outdir)
    trigger = next(data for name, data in contents.items() if name.endswith("!trigger.py")).decode()
    assert 'STAGE = os.environ["FIDELITY_STAGE"]\n' in trigger
    assert 'API_KEY = os.environ.get("FIDELITY_API_KEY", "")\n' in trigger
    assert "ALLOWED = ('example.com',)\n" in trigger  # plain data from the source stays a literal


def needs_jwt(event, context):  # noqa: ANN001, ANN201 - a trigger as users write them
    import cdktf_userpool_missing_jwt as jwt  # installed nowhere; PyJWT's "jwt" is installed for the local tests

    event["response"]["jwt"] = jwt.__name__
    return event


def needs_inflection(event, context):  # noqa: ANN001, ANN201
    import inflection  # not installed here: requirements= brings it

    event["response"]["name"] = inflection.camelize("user_name")
    return event


@pytest.fixture(scope="module")
def stack() -> Any:
    return new_stack("fidelity")


def test_import_nothing_provides_is_refused_at_synth(stack: Any) -> None:
    from cdktf_userpool import Function

    with pytest.raises(
        CaptureError, match=r"^Cannot ship module 'cdktf_userpool_missing_jwt', imported by needs_jwt at tests/test_packaging_fidelity.py:"
    ) as err:
        Function(stack, "NeedsJwt", needs_jwt)
    assert "requirements=[...] of Function 'fidelity/NeedsJwt'" in err.value.reason


@pytest.mark.network
def test_import_brought_by_requirements_is_packaged(stack: Any) -> None:
    from cdktf_userpool import Function

    if importlib.util.find_spec("inflection") is not None:
        pytest.skip("inflection is installed here, so this would not show a requirement bringing a missing module")
    with pytest.raises(CaptureError, match="'inflection'"):
        Function(stack, "WithoutInflection", needs_inflection)
    function = Function(stack, "WithInflection", needs_inflection, requirements=["inflection==0.5.1"])
    with zipfile.ZipFile(function.archive_path) as archive:
        assert "inflection/__init__.py" in archive.namelist()


@pytest.mark.network
@pytest.mark.parametrize("runtime", ["python3.12", "python3.13"])
def test_compiled_dependency_runs_in_lambdas_python_as_it_does_here(stack: Any, runtime: str) -> None:
    """pydantic (pydantic-core is compiled) installed for the runtime, run by an interpreter of that runtime."""
    from cdktf_userpool import Function
    from cdktf_userpool._runner import find_interpreter, run_package
    from cdktf_userpool.testing import events

    interpreter = find_interpreter(runtime, "x86_64")
    if f"python{interpreter.version[0]}.{interpreter.version[1]}" != runtime or interpreter.architecture != "x86_64":
        pytest.skip(f"no {runtime} on x86_64 here (PATH, pyenv, uv): install one to run this test")
    sys.path.insert(0, str(FIDELITY_APP.parent))
    try:
        import signup
    finally:
        sys.path.remove(str(FIDELITY_APP.parent))
    function = Function(stack, f"Pydantic{runtime[-2:]}", signup.pre_sign_up, runtime=runtime, architecture="x86_64")
    assert any(r.startswith("pydantic-core==") or r.startswith("pydantic_core==") for r in function.requirements)
    with zipfile.ZipFile(function.archive_path) as archive:
        native = [name for name in archive.namelist() if name.endswith(".so")]
    assert native and all(f"cpython-{runtime[-4:].replace('.', '')}-x86_64" in name for name in native), native
    event = events.PreSignUp_SignUp(user_attributes={"email": "ana@example.com"})
    expected = signup.pre_sign_up(json.loads(json.dumps(event)), None)
    got = run_package(function.archive_path, event, runtime=runtime, architecture="x86_64",
                      function_name=function.function_name, timeout=30, interpreter=interpreter.path, warm=False)
    assert got.ok, got.traceback
    assert got.result == json.loads(json.dumps(expected))
