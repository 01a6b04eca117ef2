"""Turn a Python function into a readable, self-contained module that runs in AWS Lambda.

The function's source is located with ``ast``, the names it reads are found by compiling exactly
the text that will be emitted and walking its code objects, and each name is resolved (see
``_resolve.py``): imports are re-emitted, plain data becomes literals, Terraform tokens become
environment variables, and the top-level statements of the function's module that it needs are
copied verbatim, comments included. Infrastructure never reaches the generated module.

This is not a general serializer: nothing is pickled, and values that cannot be written as source
are refused with a :class:`~cdktf_userpool.errors.CaptureError` that says how to fix them.
"""

from __future__ import annotations

import ast
import copy
import types
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import CaptureError, PackagingError
from . import _reasons as reasons
from ._code import find_function_node, names_read
from ._paths import display_path
from ._decorators import drop_line_edit
from ._resolve import MODULE_DUNDERS, Resolver, parenthesized
from ._scopes import LazyAnnotationsNeeded, Restart, Use

__all__ = ["ENTRY_MODULE", "HANDLER_ATTRIBUTE", "TRIGGER_MODULE", "GeneratedModule", "generate_module"]

#: Name of the generated module inside the package (``trigger.py``).
TRIGGER_MODULE = "trigger"
#: Name of the runtime entry module inside the package; the Lambda handler is ``<this>.handler``.
ENTRY_MODULE = "cdktf_userpool_entry"
#: The attribute of the generated module that holds the user's function.
HANDLER_ATTRIBUTE = "__cdktf_userpool_handler__"

_RESERVED_PATHS = (f"{TRIGGER_MODULE}.py", f"{TRIGGER_MODULE}/", f"{ENTRY_MODULE}.py", f"{ENTRY_MODULE}/")


@dataclass(frozen=True)
class GeneratedModule:
    """A handler rewritten as a standalone module, and what it needs to run.

    :ivar text: the module's source (shipped as ``trigger.py``).
    :ivar handler_name: the name bound to the user's function inside ``text``.
    :ivar origin: ``"path/to/file.py:LINE"`` of the function, relative to the deepest ``sys.path``
        entry that holds it (its import root), so it does not depend on the working directory.
    :ivar environment: environment variable name -> Terraform token string, in first-read order.
    :ivar files: extra files to ship (copied project modules), archive path -> bytes, sorted.
    :ivar requirements: the third-party distributions the code imports, ``"name==version"``,
        sorted; the runtime's own SDK (boto3, botocore, s3transfer, jmespath) excluded. ``Function``
        expands them to their pinned dependency closure.
    :ivar missing: top-level modules imported without an ``except ImportError`` guard that are not
        installed here -> ``(reader, file, line)`` of the first such import. The function's explicit
        requirements must provide them (``Function`` checks).
    """

    text: str
    handler_name: str
    origin: str
    environment: Mapping[str, str]
    files: Mapping[str, bytes]
    requirements: tuple[str, ...]
    missing: Mapping[str, tuple[str, str, int]] = field(default_factory=lambda: types.MappingProxyType({}))


def generate_module(
    fn: Callable[..., Any],
    *,
    is_token: Callable[[str], bool],
    is_infrastructure: Callable[[object], bool],
) -> GeneratedModule:
    """Write ``fn`` and everything it reads as a module that runs without the app.

    Terraform tokens captured as strings become environment variables named after the variable,
    upper-cased (``table_name`` -> ``TABLE_NAME``), read back with ``os.environ``. Decorators on
    ``fn`` whose expression starts from infrastructure (``@pool.on_pre_sign_up``) are dropped; so are
    decorators that cannot be looked up (locals of an enclosing function) when ``fn`` is not a
    wrapper, since they did not change it. When an annotation reads a name that cannot be shipped,
    the module gets ``from __future__ import annotations`` so that annotations are not evaluated.

    :param fn: a function (``def``, ``async def`` or ``lambda``), or a wrapper of one made with
        ``functools.wraps``.
    :param is_token: tells whether a string is an unresolved Terraform token.
    :param is_infrastructure: tells whether an object is infrastructure (a construct, app, stack, or
        a bound method of one).
    :returns: the generated module.
    :raises CaptureError: if ``fn`` reads a value that cannot be shipped; the error names the
        variable, where it is read, and how to fix it.
    :raises PackagingError: if ``fn`` is not a function, or the generated text does not compile.
    """
    chain = _wrapper_chain(fn)
    raw = chain[-1]
    if isinstance(fn, types.MethodType) or not isinstance(raw, types.FunctionType):
        kind = "bound method" if isinstance(fn, types.MethodType) else type(fn).__name__
        raise PackagingError(reasons.NOT_A_FUNCTION.format(value=fn, kind=kind))
    lazy, fallbacks = False, dict[tuple[Any, ...], CaptureError]()
    while True:  # each round takes one more fallback, so this ends
        try:
            return _generate(raw, chain, is_token, is_infrastructure, force_lazy=lazy, fallbacks=fallbacks)
        except LazyAnnotationsNeeded:
            lazy = True
        except Restart as restart:
            if restart.key in fallbacks:  # pragma: no cover - a fallback is taken without a second attempt
                raise restart.cause from None
            fallbacks[restart.key] = restart.cause


def _generate(
    raw: types.FunctionType,
    chain: list[Any],
    is_token: Callable[[str], bool],
    is_infrastructure: Callable[[object], bool],
    *,
    force_lazy: bool,
    fallbacks: Mapping[tuple[Any, ...], CaptureError],
) -> GeneratedModule:
    code = raw.__code__
    reader = raw.__qualname__
    start = Use(reader, display_path(code.co_filename), code.co_firstlineno)
    resolver = Resolver(is_token, is_infrastructure, force_lazy, frozenset(map(id, chain)), fallbacks=fallbacks)
    source = resolver.source_of(raw, reader, start)
    resolver.lazy_annotations = force_lazy or source.future_annotations
    node = find_function_node(source.tree, code)
    if node is None:
        raise resolver.error(reader, start, "function", reasons.STALE)
    start = Use(reader, source.display, node.lineno)
    if "__class__" in code.co_freevars:
        raise resolver.error(reader, start, "method", reasons.METHOD)
    scope = resolver.scope_of(raw, source, node)
    nested = any(
        isinstance(a, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)) for a in source.ancestors(node)
    )
    if not nested:
        unit = source.unit_of(node)
        resolver.handler_unit = (source.filename, unit.index)
        resolver.handler_span = (unit.start, unit.end)

    if isinstance(node, ast.Lambda):
        read = resolver.analyze(node, scope, reader)
        name = _fresh_name("handler", resolver.claims)
        resolver.claim(name, ("self",), start)
        resolver.handler_name = name
        handler_text = f"{name} = {parenthesized(source.span_text(node))}\n"
    else:
        resolver.handler_name = node.name
        resolver.claim(node.name, ("self",), start)
        kept, dropped = resolver.split_decorators(node, scope, drop_unknown=len(chain) == 1, use=start)
        analyzed = copy.copy(node)
        analyzed.decorator_list = kept
        read = resolver.analyze([analyzed], scope, reader)
        edits = [drop_line_edit(source, d) for d in dropped] + source.relative_import_edits([node])
        first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
        handler_text = source.segment(first, node.end_lineno or node.lineno, indent=node.col_offset, edits=edits)

    running = (set(names_read(code)) | set(code.co_freevars)) - MODULE_DUNDERS
    if not running <= read:
        raise resolver.error(reader, start, "function", reasons.STALE)

    text = _assemble(resolver, handler_text, origin=f"{source.origin}:{node.lineno}", qualname=raw.__qualname__)
    try:
        compile(text, f"{TRIGGER_MODULE}.py", "exec", dont_inherit=True)
    except SyntaxError as exc:  # pragma: no cover - a bug in the generator, not in the user's code
        raise PackagingError(
            f"The module generated for {reader} (from {source.display}:{node.lineno}) does not compile: {exc}. "
            "Please report this with the function's source."
        ) from exc
    files = dict(sorted(resolver.project.files.items()))
    for path in files:
        if path.startswith(_RESERVED_PATHS):
            raise PackagingError(
                f"Cannot package {reader} (from {source.display}:{node.lineno}): project file {path!r} would replace "
                "a file of the package runtime. Rename that module."
            )
    return GeneratedModule(
        text=text,
        handler_name=resolver.handler_name,
        origin=f"{source.origin}:{node.lineno}",
        environment=types.MappingProxyType(dict(resolver.environment)),
        files=types.MappingProxyType(files),
        requirements=tuple(sorted(resolver.project.requirements)),
        missing=types.MappingProxyType(dict(sorted(resolver.project.missing.items()))),
    )


def _assemble(resolver: Resolver, handler_text: str, *, origin: str, qualname: str) -> str:
    """Lay out the module: header, imports, literals and env reads, copied code, handler.

    The header, imports and assignments are separated by one blank line; code blocks by two.
    """
    assert resolver.handler_name is not None
    header = (
        f"# Generated by cdktf-userpool from {origin} ({qualname}). "
        "Do not edit: change the source and synthesize again."
    )
    if resolver.lazy_annotations:
        header += "\nfrom __future__ import annotations"
    head = [header]
    imports = list(resolver.imports)
    os_name = _stdlib_import("os", resolver, imports) if resolver.environment else "os"
    types_name = _stdlib_import("types", resolver, imports) if resolver.namespaces else "types"
    if imports:
        head.append("\n".join(dict.fromkeys(imports)))
    assignments = [
        f"{name} = {value}" if kind == "literal" else f'{name} = {os_name}.environ["{value}"]'
        for kind, name, value in resolver.assignments
    ]
    assignments += resolver.namespace_assignments(types_name)
    if assignments:
        head.append("\n".join(assignments))

    handler_block = handler_text.rstrip("\n")
    if resolver.self_aliases:
        handler_block += "\n" + "\n".join(f"{alias} = {resolver.handler_name}" for alias in resolver.self_aliases)
    units = dict(resolver.units)
    if resolver.handler_unit is not None:
        units[resolver.handler_unit] = (handler_block, *resolver.handler_span)
    copied = ""
    previous: tuple[str, int] | None = None
    for key in sorted(units, key=lambda k: (resolver.unit_order[k[0]], k[1])):
        text, start, _ = units[key]
        if previous is None:
            copied = text.rstrip("\n")
        else:
            copied += _separator(previous, key, units) + text.rstrip("\n")
        previous = key
    body = [copied] if copied else []
    if resolver.module_aliases:
        body.append("\n".join(dict.fromkeys(resolver.module_aliases)))
    body += [text.rstrip("\n") for text in resolver.nested]
    if resolver.handler_unit is None:
        body.append(handler_block)
    body.append(f"{HANDLER_ATTRIBUTE} = {resolver.handler_name}")
    return "\n\n".join(head) + "\n\n\n" + "\n\n\n".join(body) + "\n"


def _stdlib_import(module: str, resolver: Resolver, imports: list[str]) -> str:
    """Import a standard-library module the generated code needs; returns the name it is bound to."""
    plain = ("import", (f"import {module}",))
    if resolver.claims.get(module, plain) == plain:
        imports.append(f"import {module}")
        return module
    alias = f"_cdktf_userpool_{module}"
    imports.append(f"import {module} as {alias}")
    return alias


def _separator(
    previous: tuple[str, int], key: tuple[str, int], units: Mapping[tuple[str, int], tuple[str, int, int]]
) -> str:
    """Two blank lines between copied blocks, or the original spacing between adjacent statements."""
    _, _, previous_end = units[previous]
    _, start, _ = units[key]
    if previous[0] == key[0] and key[1] == previous[1] + 1 and previous_end and start:
        return "\n" * (min(max(start - previous_end - 1, 0), 2) + 1)
    return "\n\n\n"


def _wrapper_chain(fn: Any) -> list[Any]:
    """``fn``, then what it wraps (``__wrapped__``), down to the innermost object."""
    chain = [fn]
    seen = {id(fn)}
    while True:
        inner = getattr(chain[-1], "__wrapped__", None)
        if inner is None or id(inner) in seen or isinstance(chain[-1], types.MethodType):
            return chain
        seen.add(id(inner))
        chain.append(inner)


def _fresh_name(base: str, taken: Mapping[str, object]) -> str:
    name, counter = base, 1
    while name in taken:
        counter += 1
        name = f"{base}_{counter}"
    return name
