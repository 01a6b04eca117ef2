"""Values that cannot be shipped raise CaptureError with the variable, file, line and a fix."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from _cases import CORPUS_ENV
from _support import HERE
from corpus import unsupported

from cdktf_userpool._packaging._paths import display_path
from cdktf_userpool._packaging.source import generate_module
from cdktf_userpool.errors import CaptureError

UNSUPPORTED = HERE / "corpus" / "unsupported.py"
INFRA_HELPERS = HERE / "corpus" / "infra_helpers.py"
INFRA_HELPERS_CDKTN = HERE / "corpus" / "infra_helpers_cdktn.py"


def _line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def _with_environment(factory: Callable[[], Any]) -> Any:
    os.environ.update(dict(CORPUS_ENV))
    return factory()


# (handler factory, variable, file, text of the line that reads it, fragment of the reason)
ERRORS: dict[str, tuple[Callable[[], Any], str, Path, str, str]] = {
    "infrastructure global": (lambda: unsupported.uses_pool, "pool", UNSUPPORTED, "return pool.id", "infrastructure"),
    "statement computed from infrastructure": (
        lambda: unsupported.uses_settings,
        "settings",
        UNSUPPORTED,
        "return settings.id",
        "infrastructure",
    ),
    "infrastructure in closure": (
        unsupported.make_infra_closure,
        "stack",
        UNSUPPORTED,
        "return stack.id",
        "infrastructure",
    ),
    "arbitrary object in closure": (
        unsupported.make_lock_closure,
        "lock",
        UNSUPPORTED,
        "with lock:",
        "Create it inside the function",
    ),
    "arbitrary global without statement": (
        lambda: unsupported.uses_dynamic,
        "dynamic",
        UNSUPPORTED,
        "return dynamic",
        "no statement",
    ),
    "star import": (
        lambda: unsupported.uses_star,
        "join",
        UNSUPPORTED,
        'return join("a", "b")',
        "Import it explicitly",
    ),
    "source unavailable": (
        lambda: unsupported.uses_exec,
        "made_by_exec",
        UNSUPPORTED,
        "return made_by_exec(event)",
        "not available",
    ),
    "undefined name": (
        lambda: unsupported.uses_undefined,
        "not_defined_anywhere",
        UNSUPPORTED,
        "not_defined_anywhere + 1",
        "not defined",
    ),
    "token inside a container": (
        lambda: unsupported.uses_token_list,
        "TOKENS",
        UNSUPPORTED,
        "return TOKENS",
        "inside a container (at [0])",
    ),
    "project module importing cdktf": (
        lambda: unsupported.uses_infra_module,
        "cdktf",
        INFRA_HELPERS,
        "from cdktf import App",
        "does not build infrastructure",
    ),
    "project module building infrastructure, function read from it": (
        lambda: unsupported.uses_infra_module_data,
        "cdktf",
        INFRA_HELPERS,
        "from cdktf import App",
        "Plain data read as attributes of 'corpus.infra_helpers' (module.NAME) can be shipped",
    ),
    "project module importing cdktn": (
        lambda: unsupported.uses_cdktn_module,
        "cdktn",
        INFRA_HELPERS_CDKTN,
        "from cdktn import App",
        "does not build infrastructure",
    ),
    "own user pool": (
        lambda: unsupported.uses_own_pool,
        "own_pool",
        UNSUPPORTED,
        "return own_pool.user_pool_id",
        "event['userPoolId']",
    ),
    "synth-time environment value in a closure": (
        lambda: _with_environment(unsupported.make_environment_closure),
        "secret",
        UNSUPPORTED,
        'return {"secret": secret}',
        "environment variable 'CORPUS_SECRET'",
    ),
    "nonlocal": (unsupported.make_nonlocal, "calls", UNSUPPORTED, "nonlocal calls", "module-level variable"),
    "one name, two values": (unsupported.make_conflict, "LIMIT", UNSUPPORTED, "return check(LIMIT)", "Rename one"),
    "two tokens, one environment variable": (
        unsupported.make_env_conflict,
        "TABLE_ARN",
        UNSUPPORTED,
        "    return TABLE_ARN",
        "TABLE_ARN",
    ),
    "reserved environment variable": (
        unsupported.make_reserved_env,
        "aws_region",
        UNSUPPORTED,
        "return aws_region",
        "reserved by Lambda",
    ),
    "local decorator on a wrapped handler": (
        unsupported.make_unknown_decorator,
        "local_wrap",
        UNSUPPORTED,
        "@local_wrap",
        "Apply it at module level",
    ),
}


@pytest.mark.parametrize("case", list(ERRORS))
def test_capture_error(case: str, seams: dict[str, Any]) -> None:
    factory, name, path, line_text, reason = ERRORS[case]
    with pytest.raises(CaptureError, match="^Cannot ship ") as caught:
        generate_module(factory(), **seams)
    error = caught.value
    assert error.name == name
    assert error.filename == display_path(str(path))
    assert error.filename.endswith("corpus/" + path.name) and not Path(error.filename).is_absolute()
    assert error.lineno == _line_of(path, line_text)
    assert reason in error.reason and error.reason in str(error)
    assert f"{error.filename}:{error.lineno}" in str(error)
    assert str(error).endswith(".")


def test_handler_defined_with_exec(seams: dict[str, Any]) -> None:
    namespace: dict[str, Any] = {}
    exec("def repl_handler(event, context):\n    return event\n", namespace)
    with pytest.raises(CaptureError, match="source code is not available") as caught:
        generate_module(namespace["repl_handler"], **seams)
    assert (caught.value.name, caught.value.filename, caught.value.lineno) == ("repl_handler", "<string>", 1)


def test_error_names_the_type(seams: dict[str, Any]) -> None:
    with pytest.raises(CaptureError, match=r"'pool' \(FakeUserPool\), read by uses_pool at "):
        generate_module(unsupported.uses_pool, **seams)


def test_pool_hint_does_not_suggest_capturing_the_pool_id(seams: dict[str, Any]) -> None:
    with pytest.raises(CaptureError) as caught:
        generate_module(unsupported.uses_own_pool, **seams)
    assert "pool.grant(function" in caught.value.reason and "dependency cycle" in caught.value.reason
    with pytest.raises(CaptureError) as other:
        generate_module(unsupported.uses_pool, **seams)  # any other construct: capture a token of it
    assert "pool.id" not in other.value.reason and "table_name = table.name" in other.value.reason


def test_synth_environment_value_is_never_in_the_message(seams: dict[str, Any]) -> None:
    with pytest.raises(CaptureError) as caught:
        generate_module(_with_environment(unsupported.make_environment_closure), **seams)
    assert dict(CORPUS_ENV)["CORPUS_SECRET"] not in str(caught.value)
