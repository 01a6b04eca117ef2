"""The runnable corpus: each case names a handler, the event to call it with, and what it needs.

Used in-process by ``test_source.py`` and in subprocesses by ``test_determinism.py`` (through
:func:`generate_all`), so both see exactly the same handlers.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import importlib
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FAKE_BOTO3 = Path(__file__).resolve().parent / "fake_boto3"

EVENT: dict[str, Any] = {
    "version": "1",
    "triggerSource": "PreSignUp_SignUp",
    "userName": "Alice",
    "request": {"userAttributes": {"email": "alice@example.com", "updated_at": "2024-05-06T07:08:09+00:00"}},
    "response": {},
}


@dataclass(frozen=True)
class Case:
    """One handler of the corpus.

    :ivar load: returns the function to package.
    :ivar arity: how the test calls it in-process: ``fn(event)`` (1), ``fn(event, context)`` (2), ``fn()`` (0).
    :ivar needs: dependency directories the Lambda run needs (``"boto3"``, or distributions copied
        from this environment such as ``"python-dateutil"``).
    :ivar env: environment variables set before the handler's module is imported, in-process and in
        the Lambda run alike (the generated module must read them again, not freeze them).
    """

    load: Callable[[], Callable[..., Any]]
    arity: int = 2
    needs: tuple[str, ...] = ()
    env: tuple[tuple[str, str], ...] = ()

    def event(self) -> dict[str, Any]:
        """A fresh copy of the event (handlers may change it)."""
        return copy.deepcopy(EVENT)


#: What the fidelity cases read from the environment at import time (values unlike any in the source).
CORPUS_ENV = (("CORPUS_STAGE", "stage-from-env-7f3a"), ("CORPUS_SECRET", "s3cr3t-from-env-91c2"))


def attribute(
    module: str, name: str, *, setup: Callable[[Any], None] | None = None, env: tuple[tuple[str, str], ...] = ()
) -> Callable[[], Any]:
    """Load ``module.name`` (after ``setup(module)``, which resets module state; ``env`` is set first)."""

    def load() -> Any:
        os.environ.update(dict(env))
        loaded = importlib.import_module(module)
        if setup is not None:
            setup(loaded)
        return getattr(loaded, name)

    return load


def call(module: str, factory: str, *args: Any) -> Callable[[], Any]:
    """Load the handler returned by ``module.factory(*args)``."""
    return lambda: getattr(importlib.import_module(module), factory)(*args)


@contextlib.contextmanager
def fake_boto3() -> Iterator[None]:
    """Make the fake ``boto3`` importable, without leaving it behind for other tests.

    A real boto3 imported earlier (the updater's moto tests) is set aside meanwhile and put back after.
    """
    real = {name: module for name, module in sys.modules.items() if name == "boto3" or name.startswith("boto3.")}
    for name in real:
        del sys.modules[name]
    sys.path.insert(0, str(FAKE_BOTO3))
    try:
        yield
    finally:
        sys.path.remove(str(FAKE_BOTO3))
        sys.modules.pop("boto3", None)
        sys.modules.update(real)


def _load_clients() -> Any:
    if "corpus.clients" not in sys.modules:
        with fake_boto3():
            importlib.import_module("corpus.clients")
    return sys.modules["corpus.clients"].handler


def _reset_state(module: Any) -> None:
    module.counter = 0
    module.HISTORY.clear()


def _auth_stack_handler() -> Any:
    from corpus._infra import FakeUserPool
    from corpus.decorated import AuthStack

    return AuthStack(FakeUserPool("local")).branded


CASES: dict[str, Case] = {
    "plain_def": Case(attribute("corpus.plain", "handler")),
    "event_only": Case(attribute("corpus.plain", "event_only"), arity=1),
    "defaults_in_signature": Case(attribute("corpus.plain", "with_defaults")),
    "no_arguments": Case(attribute("corpus.plain", "no_arguments"), arity=0),
    "async_def": Case(attribute("corpus.plain", "async_handler")),
    "returns_coroutine": Case(attribute("corpus.plain", "returns_coroutine")),
    "lambda": Case(attribute("corpus.lambdas", "handler")),
    "lambda_same_line_first": Case(attribute("corpus.lambdas", "first"), arity=1),
    "lambda_same_line_second": Case(attribute("corpus.lambdas", "second"), arity=1),
    "lambda_multiline": Case(attribute("corpus.lambdas", "multiline")),
    "lambda_recursive_helper": Case(attribute("corpus.lambdas", "recursive_lambda"), arity=1),
    "lambda_name_clash": Case(attribute("corpus.lambdas", "calls_handler")),
    "constants": Case(attribute("corpus.constants", "handler")),
    "boto3_client": Case(_load_clients, needs=("boto3",)),
    "helpers_class_dataclass_enum": Case(attribute("corpus.helpers_inline", "handler")),
    "closure_data": Case(call("corpus.closures", "make_handler", "Hi ", {"max": (1, 2.5)}, {"b", "a", "c"})),
    "nested_functions": Case(call("corpus.closures", "make_nested", "?"), arity=1),
    "nested_multiline_strings": Case(call("corpus.closures", "make_multiline", "Bob")),
    "import_styles": Case(attribute("corpus.imports_style", "handler")),
    "project_modules": Case(attribute("corpus.uses_project", "handler")),
    "project_lazy_import": Case(attribute("corpus.uses_project", "lazy_import")),
    "import_not_installed": Case(attribute("corpus.optional", "handler")),
    "third_party": Case(attribute("corpus.third_party", "handler"), needs=("python-dateutil",)),
    "annotations": Case(attribute("corpus.annotated", "handler")),
    "annotations_future": Case(attribute("corpus.annotated_future", "handler")),
    "annotations_made_lazy": Case(attribute("corpus.annotated_lazy", "handler")),
    "default_arguments": Case(attribute("corpus.defaults", "handler")),
    "decorator_kept": Case(attribute("corpus.decorated", "logged"), arity=1),
    "registration_dropped": Case(attribute("corpus.decorated", "registered")),
    "registration_dropped_decorator_kept": Case(attribute("corpus.decorated", "registered_and_logged")),
    "registration_on_local": Case(_auth_stack_handler),
    "global_statement": Case(attribute("corpus.state", "handler", setup=_reset_state)),
    "recursion": Case(attribute("corpus.state", "countdown")),
    "conditional_and_mutated": Case(attribute("corpus.conditional", "handler")),
    # issue 11: each of these packaged without error but ran differently in Lambda
    "annotations_evaluated_at_run_time": Case(attribute("corpus.fidelity_annotations", "handler")),
    "annotations_pydantic": Case(attribute("corpus.fidelity_pydantic", "handler"), needs=("pydantic",)),
    "decorator_without_wraps_registered_outside": Case(attribute("corpus.fidelity_decorators", "registered_outside")),
    "decorator_without_wraps_registered_inside": Case(attribute("corpus.fidelity_decorators", "registered_inside")),
    "powertools_decorators_registered_outside": Case(
        attribute("corpus.fidelity_decorators", "powertools_inside"), needs=("aws-lambda-powertools",)
    ),
    "powertools_decorators_registered_inside": Case(
        attribute("corpus.fidelity_decorators", "powertools_outside"), needs=("aws-lambda-powertools",)
    ),
    "environment_read_at_import": Case(attribute("corpus.fidelity_env", "handler", env=CORPUS_ENV), env=CORPUS_ENV),
    "project_module_attributes": Case(attribute("corpus.fidelity_project", "handler")),
}


#: Handlers whose Lambda run needs the environment Terraform would set: generated, not compared.
TOKEN_CASES: dict[str, Callable[[], Callable[..., Any]]] = {
    "token_global": attribute("corpus.tokens", "handler"),
    "token_closure": call("corpus.tokens", "make_handler", "${TfToken[TOKEN.12]}"),
}


def generate_all() -> dict[str, dict[str, Any]]:
    """Generate every case; return its text, zip digest and content hash (for determinism checks)."""
    from corpus._infra import is_infrastructure, is_token

    from cdktf_userpool._packaging.archive import build_zip, content_hash, package_files
    from cdktf_userpool._packaging.source import generate_module

    out = {}
    loaders = {**{name: case.load for name, case in CASES.items()}, **TOKEN_CASES}
    for name, load in loaders.items():
        module = generate_module(load(), is_token=is_token, is_infrastructure=is_infrastructure)
        files = package_files(module)
        out[name] = {
            "text": module.text,
            "origin": module.origin,
            "zip": hashlib.sha256(build_zip(files)).hexdigest(),
            "hash": content_hash(files, salt={"runtime": "python3.13"}),
            "environment": dict(module.environment),
            "requirements": list(module.requirements),
        }
    return out
