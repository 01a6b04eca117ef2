"""``python -m cdktf_userpool init``: the files of a new project, its refusals, and the project working end to end.

The end-to-end test writes a project for the suite's backend into a temporary folder with the wheel
``make dist`` builds from this checkout and runs the project's own ``make synth`` and ``make test``: in
the CDK Terrain suite by following the README's "Start a project" as written, from a clean virtualenv
(everything but the wheel from the package index); in the CDK for Terraform suite in a virtualenv that
sees the suite's installed packages, so nothing is downloaded (see ``project``).
"""

from __future__ import annotations

import hashlib
import json
import py_compile
import re
import shutil
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from cdktf_userpool import ConfigurationError, __version__
from cdktf_userpool.__main__ import main
from cdktf_userpool._scaffold import BACKENDS, FILES, PYTEST_PIN, SNAPSHOT, SYRUPY_PIN, init_project
from cdktf_userpool._scaffold._origin import origin
from tests._framework import BACKEND
from tests._wheel import base_python, clean_env, run, venv_with_wheel
from tests.conftest import ROOT

EXPECTED = sorted(FILES.values())


def files_of(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


@pytest.mark.parametrize("backend", sorted(BACKENDS))
def test_init_writes_a_project(tmp_path: Path, backend: str) -> None:
    folder = tmp_path / "My Auth"
    written = init_project(folder, backend=backend)
    assert sorted(p.relative_to(folder).as_posix() for p in written) == EXPECTED == files_of(folder)
    for path in written:
        text = path.read_text()
        assert "{{" not in text and "}}" not in text, path
        assert str(tmp_path) not in text, path  # nothing of the machine
    other = "cdktf" if backend == "cdktn" else "cdktn"
    main_py = (folder / "main.py").read_text()
    assert f"from {backend} import App" in main_py and f"from {other} " not in main_py
    assert f"from {BACKENDS[backend].provider}.provider import AwsProvider" in main_py
    assert f"from {backend} import App\n" in (folder / "tests" / "test_triggers.py").read_text()
    for name in ("main.py", "triggers.py", "tests/test_triggers.py"):
        py_compile.compile(str(folder / name), cfile=str(tmp_path / "compiled.pyc"), doraise=True)
    config = json.loads((folder / "cdktf.json").read_text())
    assert config["language"] == "python" and config["app"] == ".venv/bin/python main.py"
    assert config["projectId"] == "my-auth" and config["output"] == "cdktf.out"


@pytest.mark.parametrize("backend", sorted(BACKENDS))
def test_requirements_pin_the_library_its_backend_pytest_and_syrupy(tmp_path: Path, backend: str) -> None:
    init_project(tmp_path / "p", backend=backend)
    lines = [l for l in (tmp_path / "p" / "requirements.txt").read_text().splitlines() if l and not l.startswith("#")]
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    library = origin(f"{backend},local")  # this suite runs the checkout's editable install
    assert lines == [library.requirement, *pyproject[backend], PYTEST_PIN, SYRUPY_PIN]
    assert library.kind == "editable" and library.requirement == f"cdktf-userpool[{backend},local] @ {ROOT.as_uri()}"
    assert library.note in (tmp_path / "p" / "README.md").read_text().replace("\n", " ")
    assert PYTEST_PIN in pyproject["test"] and SYRUPY_PIN in pyproject["test"]  # the versions the library is tested with


WHEEL_URL = "file:///home/me/dist/cdktf_userpool-0.1.0-py3-none-any.whl"
ORIGINS = {
    "index": ("", "cdktf-userpool[cdktn,local]=={v}", ""),  # no direct_url.json: from an index
    "wheel": (json.dumps({"url": WHEEL_URL, "archive_info": {"hash": "sha256=ab12", "hashes": {"sha256": "ab12"}}}),
              f"cdktf-userpool[cdktn,local] @ {WHEEL_URL}#sha256=ab12", "/home/me/dist/cdktf_userpool-0.1.0-py3-none-any.whl"),
    "directory": (json.dumps({"url": "file:///src/cdktf-userpool", "dir_info": {}}),
                  "cdktf-userpool[cdktn,local] @ file:///src/cdktf-userpool", "the checkout at `/src/cdktf-userpool`"),
    "editable": (json.dumps({"url": "file:///src/my%20checkout", "dir_info": {"editable": True}}),
                 "cdktf-userpool[cdktn,local] @ file:///src/my%20checkout", "pip install -e '/src/my checkout[cdktn,local]'"),
    "vcs": (json.dumps({"url": "https://github.com/acme/cdktf-userpool", "vcs_info": {"vcs": "git", "commit_id": "0a1b"}}),
            "cdktf-userpool[cdktn,local] @ git+https://github.com/acme/cdktf-userpool@0a1b", "repository and commit"),
}


@pytest.mark.parametrize("kind", sorted(ORIGINS))
def test_the_project_installs_the_library_from_where_it_came(kind: str) -> None:
    """PEP 610's direct_url.json says where pip installed the library from; the project's requirement names the
    same release, file (with its SHA-256), checkout or commit, and the README says so and how to switch."""
    direct_url, requirement, said = ORIGINS[kind]
    found = origin("cdktn,local", direct_url=direct_url)
    assert (found.kind, found.requirement) == (kind, requirement.format(v=__version__))
    if kind == "index":
        assert found.note == ""
    else:
        assert said in found.note and f"replace it with `cdktf-userpool[cdktn,local]=={__version__}`" in found.note
    from packaging.requirements import Requirement

    parsed = Requirement(found.requirement)  # a line pip takes
    assert parsed.name == "cdktf-userpool" and parsed.extras == {"cdktn", "local"}


def test_the_cli_packages_are_the_ones_this_repository_pins(tmp_path: Path) -> None:
    for backend, pinned in (("cdktn", ROOT / "tools" / "cdktn" / "package.json"), ("cdktf", ROOT / "package.json")):
        init_project(tmp_path / backend, backend=backend)
        generated = json.loads((tmp_path / backend / "package.json").read_text())["dependencies"]
        ours = json.loads(pinned.read_text())
        pins = {**ours.get("dependencies", {}), **ours.get("devDependencies", {})}
        assert generated == {k: v for k, v in pins.items() if k != "pyright"}, backend  # pyright: this suite's typing test
    assert "node" in json.loads((tmp_path / "cdktn" / "package.json").read_text())["dependencies"]


def test_the_makefile_silences_jsii_and_the_checkpoint(tmp_path: Path) -> None:
    init_project(tmp_path / "p")
    makefile = (tmp_path / "p" / "Makefile").read_text()
    for variable in ("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION := 20",
                     "JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION := 1", "CHECKPOINT_DISABLE := 1"):
        assert f"export {variable}" in makefile
    assert "\nsynth: " in makefile and "\ntest: " in makefile and "\tnode_modules/.bin/cdktn $@" not in makefile


def test_the_output_depends_only_on_the_options_and_the_folder_name(tmp_path: Path) -> None:
    init_project(tmp_path / "a" / "auth")
    init_project(tmp_path / "b" / "deeper" / "auth")
    for name in EXPECTED:
        assert (tmp_path / "a" / "auth" / name).read_bytes() == (tmp_path / "b" / "deeper" / "auth" / name).read_bytes()


def test_the_domain_prefix_is_the_folder_name_without_the_words_cognito_refuses() -> None:
    from cdktf_userpool._scaffold import domain_prefix

    assert domain_prefix("shop") == "shop-login"
    assert domain_prefix("my-cognito-aws-app") == "my-app-login"
    assert domain_prefix("amazon") == "app-login"
    assert len(domain_prefix("x" * 80)) <= 63


def test_a_folder_that_is_not_empty_is_refused_unless_forced(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    (tmp_path / "main.py").write_text("print('old')")
    with pytest.raises(ConfigurationError, match=r"not empty \(main.py, notes.txt\).*--force") as err:
        init_project(tmp_path)
    assert err.value.argument == "DIR" and err.value.value == str(tmp_path)
    assert (tmp_path / "main.py").read_text() == "print('old')" and not (tmp_path / "Makefile").exists()
    init_project(tmp_path, force=True)
    assert "AuthStack" in (tmp_path / "main.py").read_text() and (tmp_path / "notes.txt").read_text() == "mine"


def test_a_fresh_git_repository_counts_as_empty(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    init_project(tmp_path)
    assert (tmp_path / "Makefile").is_file()


def test_a_file_or_an_unknown_backend_is_refused(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("")
    with pytest.raises(ConfigurationError, match="it is a file"):
        init_project(tmp_path / "file")
    with pytest.raises(ConfigurationError, match="not a backend") as err:
        init_project(tmp_path / "p", backend="pulumi")
    assert err.value.choices == ("cdktn", "cdktf")


def test_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", str(tmp_path / "p"), "--backend", "cdktf"]) == 0
    out = capsys.readouterr().out
    assert "Wrote a CDK for Terraform project" in out and "make synth && make test" in out and "tests/test_triggers.py" in out
    assert "from cdktf import App" in (tmp_path / "p" / "main.py").read_text()
    assert main(["init", str(tmp_path / "p")]) == 2
    assert "refuses to write" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["init", str(tmp_path / "q"), "--backend", "pulumi"])


# -- the committed snapshot ------------------------------------------------------------------------------


def project_snapshot(folder: Path) -> str:
    """The snapshot of a generated project's stack, built in this process as its test builds it.

    The project's folder is on ``sys.path`` while its ``main`` and ``triggers`` are imported, as under
    its ``pytest`` (``pythonpath = .``), so the functions' origin is ``triggers.py`` as there.
    """
    import importlib

    from cdktf_userpool.testing import snapshot
    from tests._framework import App

    names = ("main", "triggers")
    saved = {name: sys.modules.pop(name) for name in names if name in sys.modules}
    sys.path.insert(0, str(folder))
    try:
        return str(snapshot(importlib.import_module("main").build(App())))
    finally:
        sys.path.remove(str(folder))
        for name in names:
            sys.modules.pop(name, None)
        sys.modules.update(saved)


def test_the_committed_snapshot_is_the_projects_own(tmp_path: Path) -> None:
    """What init commits is what the project's snapshot test takes (on the suite's backend)."""
    import difflib

    folder = tmp_path / "auth"
    init_project(folder, backend=BACKEND)
    committed = (folder / SNAPSHOT).read_text()
    taken = project_snapshot(folder)
    diff = "\n".join(difflib.unified_diff(committed.splitlines(), taken.splitlines(), "committed", "taken", lineterm=""))
    assert taken == committed, (
        f"init's snapshot template is out of date; run .venv{'-cdktn' if BACKEND == 'cdktn' else ''}/bin/python "
        f"tools/scaffold_snapshot.py and review the change:\n{diff}"
    )


# -- end to end ---------------------------------------------------------------------------------------


#: The first line of "Start a project" before a release, as the README says to write it (the wheel of ``make dist``).
WHEEL_LINE = f'.venv/bin/pip install "path/to/cdktf_userpool-{__version__}-py3-none-any.whl[cdktn]"'


def start_a_project() -> list[str]:
    """The commands of the README's "Start a project", as written, comments left out."""
    from tests.test_docs import page_section

    section = page_section("getting-started.md", "Start a project")
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    assert f"`{WHEEL_LINE}`" in section, f"the README no longer says to install the wheel with `{WHEEL_LINE}`"
    return [line.split("  #")[0].strip() for line in block.splitlines() if line.strip()]


def follow_the_readme(work: Path, wheel: Path) -> dict[str, Any]:
    """Run "Start a project" as written in ``work``, from a clean virtualenv, its first line installing ``wheel``.

    Each command runs in a shell, in the folder the ``cd`` commands before it lead to, with ``python`` the
    interpreter the suite's virtualenv was made from; everything but the wheel comes from the package index.
    """
    env = clean_env(base_python(work / "bin"))
    cwd, done = work, {}
    for command in start_a_project():
        if command.startswith('python -m venv .venv && .venv/bin/pip install "cdktf-userpool[cdktn]"'):
            command = command.replace('"cdktf-userpool[cdktn]"', f'"{wheel}[cdktn]"')  # as the README says before a release
        if command.startswith("cd "):
            cwd = cwd / command.removeprefix("cd ").strip()
            continue
        done[command] = result = run(["bash", "-c", command], cwd, env, timeout=1200)
        if not command.startswith("make "):
            assert result.returncode == 0, f"{command}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    assert set(done) >= {"make synth", "make test"}, list(done)
    return {"folder": cwd, "synth": done["make synth"], "test": done["make test"], "python": cwd / ".venv" / "bin" / "python",
            "env": env, "wheel": wheel}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory, dist: Path) -> dict[str, Any]:
    """A project for the suite's backend, with the wheel of ``make dist`` installed in its .venv, after ``make synth`` and ``make test``.

    In the CDK Terrain suite, the README's "Start a project" as written, from a clean virtualenv: the
    library, the project's ``.venv`` and everything in it come from the wheel and the package index
    (about two minutes more than below, so once, in the backend the README starts with). In the CDK for
    Terraform suite, ``init --backend cdktf`` with the project's ``.venv`` made by the suite: it sees
    the suite's installed packages, so nothing is downloaded.
    """
    if shutil.which("make") is None:
        pytest.skip("init end to end: make is not on PATH")
    work = tmp_path_factory.mktemp("init")
    (wheel,) = dist.glob("*.whl")
    if BACKEND == "cdktn":
        return follow_the_readme(work, wheel)
    folder = work / "my-auth"
    init_project(folder, backend=BACKEND)
    env = clean_env()  # the project chooses its backend by its imports; this suite's make must not leak into its make
    venv_python = venv_with_wheel(folder / ".venv", wheel, env=env)
    (folder / ".venv" / ".installed").touch()  # requirements.txt is satisfied: make skips its pip step
    synth = run(["make", "synth"], folder, env)
    test = run(["make", "test"], folder, env)
    return {"folder": folder, "synth": synth, "test": test, "python": venv_python, "env": env, "wheel": wheel}


def test_the_library_comes_from_the_wheel_not_the_checkout(project: dict[str, Any]) -> None:
    found = run([str(project["python"]), "-c", "import cdktf_userpool; print(cdktf_userpool.__file__)"],
                project["folder"], project["env"])
    assert found.returncode == 0 and str(project["folder"] / ".venv") in found.stdout, found.stdout + found.stderr


@pytest.mark.skipif(BACKEND != "cdktn", reason="the README's Start a project runs in the cdktn suite (see project)")
def test_the_project_installs_the_wheel_it_was_generated_with(project: dict[str, Any]) -> None:
    """requirements.txt names the wheel ``init``'s library came from, by its SHA-256, and pip installed it from there."""
    wheel = project["wheel"]
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    lines = (project["folder"] / "requirements.txt").read_text().splitlines()
    assert f"cdktf-userpool[cdktn,local] @ {wheel.as_uri()}#sha256={digest}" in lines
    record = run([str(project["python"]), "-c", "import importlib.metadata as m; "
                  "print(m.distribution('cdktf-userpool').read_text('direct_url.json'))"], project["folder"], project["env"])
    assert json.loads(record.stdout)["url"] == wheel.as_uri(), record.stdout + record.stderr
    assert str(wheel) in (project["folder"] / "README.md").read_text()


def test_make_synth_writes_the_stack(project: dict[str, Any]) -> None:
    synth = project["synth"]
    assert synth.returncode == 0, synth.stdout[-3000:] + synth.stderr[-3000:]
    assert "!!" not in synth.stdout + synth.stderr  # no Node.js banner
    assert "user pool" in synth.stdout and "auth" in synth.stdout
    doc = json.loads((project["folder"] / "cdktf.out" / "stacks" / "auth" / "cdk.tf.json").read_text())
    (pool,) = doc["resource"]["aws_cognito_user_pool"].values()
    assert set(pool["lambda_config"]) == {"pre_sign_up", "pre_token_generation_config"}
    assert pool["lambda_config"]["pre_token_generation_config"]["lambda_version"] == "V2_0"
    assert len(doc["resource"]["aws_lambda_function"]) == 2 and len(doc["resource"]["aws_lambda_permission"]) == 2
    (client,) = doc["resource"]["aws_cognito_user_pool_client"].values()
    assert client["allowed_oauth_flows"] == ["code"]
    assert set(doc["output"]) == {"UserPoolId", "WebClientId"}


def test_make_test_passes_the_projects_tests(project: dict[str, Any]) -> None:
    test = project["test"]
    print(test.stdout[-3000:])  # shown with -s: which tests ran, and why one skipped
    assert test.returncode == 0, test.stdout[-5000:] + test.stderr[-3000:]
    summary = test.stdout.strip().splitlines()[-1]
    assert "failed" not in summary and "error" not in summary and "warning" not in summary, summary
    passed = int(summary.split(" passed")[0].split()[-1])
    assert passed >= 7, summary  # three plain calls, three packaged runs and the snapshot, at least
    assert "1 snapshot passed" in test.stdout, test.stdout[-2000:]  # the committed snapshot, compared
    if "skipped" in summary:  # only the local deploy may skip, and it says why
        assert "SKIPPED" in test.stdout and "local deploy:" in test.stdout, test.stdout[-2000:]


def changed_snapshot(project: dict[str, Any], path: str, old: str, new: str) -> str:
    """The output of the project's snapshot test after replacing ``old`` with ``new`` in ``path`` (restored after)."""
    file = project["folder"] / path
    original = file.read_text()
    assert old in original, f"{path} no longer has {old!r}: update this test"
    file.write_text(original.replace(old, new))
    try:
        done = run([str(project["python"]), "-m", "pytest", "tests/test_stack.py", "-p", "no:cacheprovider"],
                   project["folder"], project["env"])
    finally:
        file.write_text(original)
    assert done.returncode == 1, done.stdout[-3000:] + done.stderr[-2000:]
    assert "1 snapshot failed" in done.stdout, done.stdout[-3000:]
    return done.stdout


def test_a_changed_trigger_fails_the_snapshot_with_the_changed_line(project: dict[str, Any]) -> None:
    """The project's snapshot test, as a user meets it: the default (truncated) diff names the line of code."""
    shown = changed_snapshot(project, "triggers.py", 'event["response"]["autoVerifyEmail"] = True',
                             'event["response"]["autoVerifyEmail"] = False')
    assert re.search(r'^E\s+- \s*event\["response"\]\["autoVerifyEmail"\] = True$', shown, re.M), shown[-3000:]
    assert re.search(r'^E\s+\+ \s*event\["response"\]\["autoVerifyEmail"\] = False$', shown, re.M), shown[-3000:]


def test_a_changed_pool_setting_fails_the_snapshot_with_the_changed_line(project: dict[str, Any]) -> None:
    shown = changed_snapshot(project, "main.py", 'user_pool_tier="ESSENTIALS"', 'user_pool_tier="PLUS"')
    assert re.search(r'^E\s+- \s*"user_pool_tier": "ESSENTIALS",?$', shown, re.M), shown[-3000:]
    assert re.search(r'^E\s+\+ \s*"user_pool_tier": "PLUS",?$', shown, re.M), shown[-3000:]
