"""Which tests run in which backend's suite (tests/_once.py): every listed path exists, and the split is as documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests._once import HOME, ONCE, OTHER, SECOND, SPLIT_ENV, runs_once, split
from tests.conftest import ROOT


def test_every_path_listed_exists() -> None:
    assert all(runs_once(key) for key in SECOND), "tests/_once.py's SECOND is a part of ONCE"
    for key in ONCE:
        path = ROOT / key
        assert path.is_dir() if key.endswith("/") else path.is_file(), f"tests/_once.py lists {key}, which is not there"


def test_a_folder_covers_its_files_a_file_only_itself() -> None:
    assert runs_once("tests/local/cognito/test_srp.py") and runs_once("tests/local/test_update.py")
    assert not runs_once("tests/local/test_example_deploy.py")  # each backend's output applies
    assert not runs_once("tests/local/test_update_more.py") and not runs_once("tests/test_typing.py")


def test_the_home_suite_runs_everything_the_other_leaves_the_listed_out(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CDKTF_USERPOOL_ALL_TESTS", raising=False)
    monkeypatch.delenv(SPLIT_ENV, raising=False)
    paths = [ROOT / "tests" / "local" / "test_update.py", ROOT / "tests" / "test_typing.py"]
    assert split(paths, ROOT, HOME) == ([True, True], 0)
    assert split(paths, ROOT, "cdktn") == ([False, True], 1)
    monkeypatch.setenv("CDKTF_USERPOOL_ALL_TESTS", "1")
    assert split(paths, ROOT, "cdktn") == ([True, True], 0)


def test_the_home_suite_is_the_default_backend_of_make_test() -> None:
    makefile = (ROOT / "Makefile").read_text()
    assert f"BACKEND ?= {HOME}\n" in makefile
    assert Path(ROOT / "tests" / "README.md").read_text().count("tests/_once.py") >= 1


def test_split_suites_run_the_second_part_in_the_other_one_and_every_test_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """CI (``CDKTF_USERPOOL_SUITE_SPLIT=1``): SECOND moves to the other suite; every file runs in exactly one of the two
    or, if it depends on the backend, in both."""
    monkeypatch.delenv("CDKTF_USERPOOL_ALL_TESTS", raising=False)
    monkeypatch.setenv(SPLIT_ENV, "1")
    paths = [ROOT / "tests" / "local" / "test_update.py", ROOT / "tests" / "local" / "cognito" / "test_srp.py",
             ROOT / "tests" / "local" / "test_workdir.py", ROOT / "tests" / "test_typing.py"]
    assert split(paths, ROOT, HOME) == ([False, False, True, True], 2)
    assert split(paths, ROOT, OTHER) == ([True, True, False, True], 1)
    every = sorted((ROOT / "tests").rglob("test_*.py"))
    every = [p for p in every if "node_modules" not in p.parts]
    home, _ = split(every, ROOT, HOME)
    other, _ = split(every, ROOT, OTHER)
    for path, in_home, in_other in zip(every, home, other):
        relative = path.relative_to(ROOT).as_posix()
        assert in_home or in_other, f"{relative} runs in neither suite"
        assert (in_home and in_other) == (not runs_once(relative)), relative
    assert f"export {SPLIT_ENV}=1" in (ROOT / ".ci" / "run").read_text()
