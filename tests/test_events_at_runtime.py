"""Handler code may import ``cdktf_userpool.events`` at run time: the packager ships that module (and only it)."""

from __future__ import annotations

import zipfile

import pytest

from cdktf_userpool import CaptureError, Function
from cdktf_userpool.testing import events
from cdktf_userpool.testing._invoke import invoke
from tests._synth import new_stack
from tests.fixtures.handlers import typed_events


@pytest.fixture(scope="module")
def functions() -> dict[str, Function]:
    stack = new_stack("typed-events")
    return {
        "confirm": Function(stack, "Confirm", typed_events.auto_confirm),
        "message": Function(stack, "Message", typed_events.tag_message),
    }


def archive_names(function: Function) -> list[str]:
    with zipfile.ZipFile(function.archive_path) as archive:
        return sorted(archive.namelist())


@pytest.mark.parametrize("name", ["confirm", "message"])
def test_events_module_ships_with_a_bare_package_init(functions: dict[str, Function], name: str) -> None:
    names = archive_names(functions[name])
    assert "cdktf_userpool/events.py" in names
    assert "cdktf_userpool/__init__.py" in names
    assert [n for n in names if n.startswith("cdktf_userpool/")] == ["cdktf_userpool/__init__.py", "cdktf_userpool/events.py"]
    with zipfile.ZipFile(functions[name].archive_path) as archive:
        init = archive.read("cdktf_userpool/__init__.py").decode()
        shipped = archive.read("cdktf_userpool/events.py")
    assert "import" not in init  # the real __init__ would load cdktf lazily; Lambda gets a bare package
    from cdktf_userpool import events as library_events

    assert shipped == open(library_events.__file__, "rb").read()


def test_handler_using_typeddict_constructor_runs_isolated(functions: dict[str, Function]) -> None:
    result = invoke(functions["confirm"], "pre_sign_up", events.PreSignUp_SignUp())
    assert result["response"] == {"autoConfirmUser": True, "autoVerifyEmail": False, "autoVerifyPhone": False}


def test_handler_reading_module_attributes_runs_isolated(functions: dict[str, Function]) -> None:
    result = invoke(functions["message"], "custom_message", events.CustomMessage_SignUp())
    assert result["response"]["emailSubject"] == "Hello cdktf_userpool.events"


def test_events_module_imports_only_the_standard_library() -> None:
    import ast
    import sys

    from cdktf_userpool import events as library_events

    tree = ast.parse(open(library_events.__file__).read())
    imported = {
        (node.module or "").partition(".")[0] if isinstance(node, ast.ImportFrom) else alias.name.partition(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, (ast.Import, ast.ImportFrom))
        for alias in node.names
    }
    assert imported <= set(sys.stdlib_module_names), imported - set(sys.stdlib_module_names)


def test_rest_of_the_library_is_still_refused() -> None:
    stack = new_stack("whole-library")
    with pytest.raises(CaptureError, match=r"only cdktf_userpool\.events runs in Lambda: import from it directly"):
        Function(stack, "Whole", typed_events.whole_package)
