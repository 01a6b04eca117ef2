"""Imports of modules that are not installed here: refused unless guarded or brought by requirements."""

from __future__ import annotations

from typing import Any

import pytest
from corpus import optional

from cdktf_userpool._packaging._missing import check_provided, provided_modules
from cdktf_userpool._packaging.source import generate_module
from cdktf_userpool.errors import CaptureError


def test_guarded_imports_are_optional(seams: dict[str, Any]) -> None:
    assert dict(generate_module(optional.handler, **seams).missing) == {}
    assert dict(generate_module(optional.suppressed, **seams).missing) == {}


@pytest.mark.parametrize("handler", [optional.unguarded, optional.unguarded_submodule])
def test_unguarded_imports_are_recorded_with_their_site(handler: Any, seams: dict[str, Any]) -> None:
    missing = generate_module(handler, **seams).missing
    assert list(missing) == ["not_installed_anywhere"]
    reader, filename, lineno = missing["not_installed_anywhere"]
    assert reader == handler.__qualname__ and filename.endswith("corpus/optional.py")
    assert lineno == handler.__code__.co_firstlineno + 1


def test_requirements_must_provide_them() -> None:
    missing = {"jwt": ("handler", "app/triggers.py", 12)}
    with pytest.raises(CaptureError, match=r"^Cannot ship module 'jwt', imported by handler at app/triggers.py:12") as err:
        check_provided(missing, ["six.py", "PyJWT-2.10.1.dist-info/METADATA"], where="Function 'auth/Fn'")
    assert (err.value.name, err.value.filename, err.value.lineno) == ("jwt", "app/triggers.py", 12)
    assert "requirements=[...] of Function 'auth/Fn'" in err.value.reason
    check_provided(missing, ["jwt/__init__.py", "jwt/api_jwt.py"], where="Function 'auth/Fn'")  # provided: no error


def test_provided_modules() -> None:
    paths = ["jwt/__init__.py", "six.py", "_cffi_backend.cpython-313-x86_64-linux-gnu.so", "x-1.0.dist-info/RECORD"]
    assert provided_modules(paths) == {"jwt", "six", "_cffi_backend"}
