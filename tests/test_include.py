"""Function(include=): data files beside the handler's module, shipped where its code looks for them."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cdktf_userpool import ArgumentTypeError, ConfigurationError, Function
from tests._framework import for_backend
from tests._synth import new_stack

APP_DIR = Path(__file__).resolve().parent / "fixtures" / "include_app"
INCLUDED = ["data/config.json", "templates/footer.txt", "templates/welcome.html"]
# the handler's package (mail/) is shipped too (mail/render.py), so its modules find the files beside them
SHIPPED = sorted(INCLUDED + [f"mail/{path}" for path in INCLUDED])
EVENT = {"triggerSource": "CustomMessage_SignUp", "request": {"codeParameter": "{####}"}, "response": {}}


@pytest.fixture(scope="module")
def synthesized(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The include app synthesized in a fresh interpreter, from an empty directory with an empty cache."""
    work = tmp_path_factory.mktemp("include")
    env = {**os.environ, "CDKTF_USERPOOL_CACHE_DIR": str(work / "cache")}
    app = for_backend(APP_DIR / "app.py", work)
    run = subprocess.run([sys.executable, str(app)], check=False, cwd=work, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    return work / "cdktf.out"


@pytest.fixture(scope="module")
def function(synthesized: Path) -> dict[str, Any]:
    doc = json.loads((synthesized / "stacks" / "include" / "cdk.tf.json").read_text())
    (fn,) = [fn for fn in doc["resource"]["aws_lambda_function"].values() if fn["function_name"] == "include-Mailer"]
    return fn


@pytest.fixture(scope="module")
def archive(synthesized: Path, function: dict[str, Any]) -> Path:
    return synthesized / "stacks" / "include" / function["filename"]


@pytest.fixture
def mail() -> Iterator[Any]:
    sys.path.insert(0, str(APP_DIR))
    try:
        from mail import handlers

        yield handlers
    finally:
        sys.path.remove(str(APP_DIR))


def test_included_files_are_in_the_archive_beside_trigger_py_sorted_and_normalized(archive: Path) -> None:
    with zipfile.ZipFile(archive) as zipped:
        infos = zipped.infolist()
        names = [info.filename for info in infos]
        assert names == sorted(names)
        data = [name for name in names if not name.endswith(".py")]
        assert data == SHIPPED  # templates/notes.md matches no pattern, so it stays home
        assert zipped.read("templates/welcome.html") == (APP_DIR / "mail" / "templates" / "welcome.html").read_bytes()
        for info in infos:
            assert info.date_time == (1980, 1, 1, 0, 0, 0)
            assert stat.S_IMODE(info.external_attr >> 16) == 0o644


def test_the_package_reads_its_files_in_a_clean_interpreter_as_the_handler_does_here(
    archive: Path, tmp_path: Path, mail: Any
) -> None:
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(tmp_path / "task")
    script = (
        "import json, sys; sys.path.insert(0, sys.argv[1]); import cdktf_userpool_entry as entry; "
        "print(json.dumps(entry.handler(json.loads(sys.argv[2]), None)))"
    )
    run = subprocess.run(
        [sys.executable, "-I", "-c", script, str(tmp_path / "task"), json.dumps(EVENT)],
        check=False, cwd=tmp_path, capture_output=True, text=True, timeout=60,
    )
    assert run.returncode == 0, run.stderr
    expected = mail.welcome(json.loads(json.dumps(EVENT)), None)
    assert json.loads(run.stdout) == expected
    assert expected["response"]["emailSubject"] == "Welcome to example"
    assert expected["response"]["emailMessage"].endswith("-- the example team")


def test_review_lists_the_included_files(synthesized: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from cdktf_userpool.__main__ import main

    assert main(["review", "include", "--outdir", str(synthesized)]) == 0
    out = capsys.readouterr().out
    assert f"      included files (6): {', '.join(SHIPPED)}\n" in out
    assert "      requirements: none\n" in out
    assert "function include-Preview (aws_lambda_function.Preview_" in out and ", not a trigger of a pool in this stack\n" in out
    assert "    included files (2): mail/templates/welcome.html, templates/welcome.html\n" in out


def test_the_asset_folder_says_what_was_included(archive: Path) -> None:
    facts = json.loads((archive.parent / "package-contents.json").read_text())
    assert facts == {"include": SHIPPED, "requirements": [], "runtime_provided": []}


def test_order_and_overlap_of_patterns_do_not_change_the_package(mail: Any) -> None:
    stack = new_stack()
    one = Function(stack, "One", mail.welcome, include=["templates/*.html", "templates/*.txt", "data"])
    two = Function(stack, "Two", mail.welcome, include=["data/config.json", "templates", "data", "templates/*.html"])
    three = Function(stack, "Three", mail.welcome, include=["data/*", "templates/footer.txt", "templates/welcome.html"])
    assert one.code_hash == three.code_hash and one.included == tuple(SHIPPED)
    assert set(two.included) == set(SHIPPED) | {"templates/notes.md", "mail/templates/notes.md"}


def test_the_content_hash_covers_included_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "greeting_mod.py").write_text(
        "from pathlib import Path\n\n\ndef handler(event):\n    return (Path(__file__).parent / 'hello.txt').read_text()\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    import greeting_mod  # type: ignore[import-not-found]

    (tmp_path / "hello.txt").write_text("hello\n")
    first = Function(new_stack(), "Fn", greeting_mod.handler, include=["hello.txt"])
    (tmp_path / "hello.txt").write_text("bonjour\n")
    second = Function(new_stack(), "Fn", greeting_mod.handler, include=["hello.txt"])
    assert first.included == second.included == ("hello.txt",)
    assert first.code_hash != second.code_hash


@pytest.mark.parametrize(
    ("include", "message"),
    [
        (["/etc/passwd"], "which is absolute. Give it relative to the handler's module directory"),
        (["../app.py"], "which climbs out of the handler's module directory"),
        (["templates\\welcome.html"], "which uses '\\\\'"),
        (["templates/*.txt", "nothing/*.json"], "'nothing/\\*.json', \\.\\.\\.\\], which matches no file under"),
        (["."], "which names the whole module directory"),
        (["*.py"], "with 'mail/__init__.py', which the package already holds"),
    ],
)
def test_bad_include_values_are_refused_naming_include_the_value_and_the_fix(
    mail: Any, include: list[str], message: str
) -> None:
    with pytest.raises(ConfigurationError, match=message) as err:
        Function(new_stack(), "Fn", mail.welcome, include=include)
    assert err.value.argument == "include"
    assert err.value.construct_path == "test/Fn"


def test_include_must_be_a_list_of_paths(mail: Any) -> None:
    with pytest.raises(ArgumentTypeError, match=r"include='templates', which is not a list of paths") as err:
        Function(new_stack(), "Fn", mail.welcome, include="templates")  # type: ignore[arg-type]
    assert err.value.argument == "include"
