"""Resolve every name a handler reads into something the generated module can provide.

The :class:`Resolver` walks from the handler outwards. Each outside name becomes an import, a
literal, an environment-variable read, a copied top-level statement of the function's module, a
copied nested function, or a :class:`~cdktf_userpool.errors.CaptureError`. Names of the generated
module are claimed as they are resolved, so two different values for one name are refused rather
than silently merged. The resolver collects parts; ``source.py`` assembles the text.
"""

from __future__ import annotations

import ast
import builtins
import copy
import linecache
import re
import types
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import CaptureError
from . import _reasons as reasons
from ._code import annotation_spans, find_function_node, names_read
from ._literals import find_tokens, render_literal
from ._modules import ProjectFiles, import_targets, imported_modules, module_facts
from ._namespaces import attribute_reads, render_namespace
from ._purity import statements_are_pure, synth_environment_match
from ._decorators import decorators_return_it, drop_line_edit, first_line
from ._lookup import (
    binds,
    describe,
    importable,
    is_project,
    is_user_pool,
    made_by_exec,
    pure_in_module,
    synthesized_module_import,
)
from ._scopes import LazyAnnotationsNeeded, Restart, Scope, Use
from ._source_file import Edit, ImportBinding, SourceFile, Unit

__all__ = [
    "MODULE_DUNDERS",
    "LazyAnnotationsNeeded",
    "Resolver",
    "Restart",
    "Scope",
    "Use",
    "drop_line_edit",
    "parenthesized",
]

#: Module attributes every module has; the generated module's own values are the right ones.
MODULE_DUNDERS = frozenset(
    {
        "__name__",
        "__file__",
        "__doc__",
        "__spec__",
        "__loader__",
        "__package__",
        "__builtins__",
        "__cached__",
        "__path__",
    }
)
_ENV_NAME = re.compile(r"[A-Z_][A-Z0-9_]*\Z")
_RESERVED_ENV = frozenset({"_HANDLER", "_X_AMZN_TRACE_ID", "PATH", "LANG", "LD_LIBRARY_PATH", "PYTHONPATH", "TZ"})
_MISSING = object()


@dataclass
class Resolver:
    """Collects the parts of a generated module while resolving names.

    :ivar is_token: tells whether a string is an unresolved Terraform token.
    :ivar is_infrastructure: tells whether an object is infrastructure.
    :ivar lazy_annotations: whether the generated module starts with
        ``from __future__ import annotations`` (annotations are then never evaluated).
    :ivar self_objects: ids of the handler and the wrappers around it.
    :ivar handler_name: the name bound to the handler (``None`` for a lambda until assembly).
    :ivar fallbacks: keys of names whose first way of shipping failed in an earlier attempt (see
        :class:`Restart`): annotation-only names left out, project values written as literals,
        modules replaced by a namespace of the plain data read from them.
    :ivar namespaces: ``(scope, name)`` -> attribute -> literal, for modules shipped as namespaces.
    """

    is_token: Callable[[str], bool]
    is_infrastructure: Callable[[object], bool]
    lazy_annotations: bool
    self_objects: frozenset[int] = frozenset()
    fallbacks: Mapping[tuple[Any, ...], CaptureError] = field(default_factory=dict)
    namespaces: dict[tuple[Any, ...], dict[str, str]] = field(default_factory=dict)
    namespace_modules: dict[tuple[Any, ...], types.ModuleType] = field(default_factory=dict)
    handler_name: str | None = None
    handler_unit: tuple[str, int] | None = None
    handler_span: tuple[int, int] = (0, 0)
    imports: dict[str, None] = field(default_factory=dict)
    assignments: list[tuple[str, str, str]] = field(default_factory=list)
    environment: dict[str, str] = field(default_factory=dict)
    units: dict[tuple[str, int], tuple[str, int, int]] = field(default_factory=dict)
    unit_order: dict[str, int] = field(default_factory=dict)
    module_aliases: list[str] = field(default_factory=list)
    nested: list[str] = field(default_factory=list)
    self_aliases: list[str] = field(default_factory=list)
    project: ProjectFiles = field(default_factory=ProjectFiles)
    claims: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    _sources: dict[str, SourceFile] = field(default_factory=dict)
    _done: set[tuple[Any, ...]] = field(default_factory=set)

    # -- sources and scopes ------------------------------------------------------------------

    def source_of(self, function: types.FunctionType, name: str, use: Use) -> SourceFile:
        """The parsed file that defines ``function``.

        :raises CaptureError: if its source is not available (REPL, ``exec``).
        """
        filename = function.__code__.co_filename
        if filename not in self._sources:
            try:
                source = SourceFile.load(filename, function.__globals__)
            except (SyntaxError, OSError, UnicodeDecodeError):
                source = None
            if source is None:
                raise self.error(name, use, describe(function), reasons.NO_SOURCE)
            self._sources[filename] = source
            self.unit_order.setdefault(filename, len(self.unit_order))
        return self._sources[filename]

    def scope_of(
        self,
        function: types.FunctionType,
        source: SourceFile,
        node: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda,
    ) -> Scope:
        """The lookup scope of ``function``, defined by ``node`` in ``source``."""
        cells = dict(zip(function.__code__.co_freevars, function.__closure__ or (), strict=True))
        if not cells:
            return Scope(("module", source.filename), source, function.__globals__)
        return Scope(("closure", source.filename, node.lineno, node.col_offset), source, function.__globals__, cells)

    def module_scope(self, scope: Scope) -> Scope:
        """``scope`` without its closure."""
        return Scope(("module", scope.source.filename), scope.source, scope.globals)

    # -- names -------------------------------------------------------------------------------

    def analyze(self, nodes: list[ast.stmt] | ast.expr, scope: Scope, reader: str) -> set[str]:
        """Resolve every outside name the code of ``nodes`` reads, and every module it imports.

        :param nodes: statements to compile as module code, or one expression.
        :param scope: where the names are looked up.
        :param reader: how error messages name the code.
        :returns: the names read.
        :raises CaptureError: for a name or import that cannot be shipped.
        """
        source = scope.source
        for statement in _own_statements(nodes):
            if isinstance(statement, ast.Nonlocal):
                use = Use(reader, source.display, statement.lineno)
                raise self.error(statement.names[0], use, "nonlocal variable", reasons.NONLOCAL)
        if isinstance(nodes, ast.expr):
            tree: ast.Module | ast.Expression = ast.Expression(body=nodes)
            roots: list[ast.stmt] = [ast.Expr(value=nodes)]
        else:
            tree, roots = ast.Module(body=list(nodes), type_ignores=[]), list(nodes)
        try:
            # compiled with eager annotations even when they are lazy, so the names they read are found
            code: types.CodeType = compile(
                tree, source.filename, "eval" if isinstance(nodes, ast.expr) else "exec", 0, dont_inherit=True
            )
        except SyntaxError as exc:
            use = Use(reader, source.display, exc.lineno or 0)
            raise self.error(reader, use, "function", reasons.NOT_STANDALONE.format(detail=exc.msg)) from exc
        # lazy class-body annotations are still evaluated at run time (dataclasses, pydantic): not soft
        spans = annotation_spans(roots, class_bodies=not self.lazy_annotations)
        found = names_read(code, soft_spans=spans)
        attributes = attribute_reads(roots)
        for name, read in found.items():
            if name in MODULE_DUNDERS or (read.soft and ("soft", scope.ident, name) in self.fallbacks):
                continue
            if (
                read.maybe_local
                and name not in scope.cells
                and name not in scope.globals
                and not hasattr(builtins, name)
            ):
                continue
            use = Use(reader, source.display, read.lineno, read.soft)
            self.need(name, scope, use)
            namespace = self.namespaces.get((scope.ident, name))
            if namespace is not None:
                self._namespace_attributes(name, namespace, attributes.get(name), scope, use)
        for node, module, whole, guarded in imported_modules(roots, source.package):
            self.use_module(module, whole, Use(reader, source.display, node.lineno), guarded=guarded)
        return set(found)

    def need(self, name: str, scope: Scope, use: Use) -> None:
        """Make ``name`` (as ``scope`` sees it) available in the generated module.

        :raises LazyAnnotationsNeeded: if an annotation-only name cannot be shipped.
        :raises CaptureError: if ``name`` cannot be shipped.
        """
        key = (scope.ident, name)
        if key in self._done:
            return
        self._done.add(key)
        try:
            if name in scope.cells:
                try:
                    value = scope.cells[name].cell_contents
                except ValueError:
                    raise self.error(name, use, "unassigned variable", reasons.EMPTY_CELL) from None
                self._value(name, value, scope, use, closure=True)
            elif name in scope.globals:
                self._value(name, scope.globals[name], scope, use, closure=False)
            elif hasattr(builtins, name):
                self.claim(name, ("builtin",), use)
            else:
                self._unbound(name, scope, use)
        except CaptureError as error:
            if use.soft and not self.lazy_annotations:
                raise LazyAnnotationsNeeded(name) from None
            if use.soft:  # a lazy annotation no one evaluates: leave the name out
                raise Restart(("soft", scope.ident, name), error) from None
            raise

    def _value(self, name: str, value: Any, scope: Scope, use: Use, *, closure: bool) -> None:
        if id(value) in self.self_objects:
            if name != self.handler_name:
                self.claim(name, ("self-alias",), use)
                self.self_aliases.append(name)
            return
        if self.is_infrastructure(value):
            why = reasons.INFRASTRUCTURE_POOL if is_user_pool(value) else reasons.INFRASTRUCTURE
            raise self.error(name, use, describe(value), why)
        if isinstance(value, str) and self.is_token(value):
            self._environment(name, value, use)
            return
        bindings = [] if closure else [b for b in scope.source.imports.get(name, []) if binds(b, value)]
        literal = render_literal(value)
        if isinstance(value, types.ModuleType) and not bindings:
            bindings = [synthesized_module_import(name, value)]
        if bindings:
            project = all(is_project(b) for b in bindings)
            if literal is not None and project:
                if pure_in_module(bindings[0]):  # computed from that module's source alone: exact as a literal
                    self._literal(name, value, literal, scope, use, checked=True)
                    return
                # computed at import (os.environ, a file): ship the module, or else its value
                fallback = lambda: self._literal(name, value, literal, scope, use, checked=False)  # noqa: E731
            elif isinstance(value, types.ModuleType) and project:  # a module that may build infrastructure
                fallback = lambda: self._as_namespace(name, value, scope, use)  # noqa: E731
            else:
                self._emit_imports(name, bindings, use)
                return
            self._attempt(("fallback", scope.ident, name), lambda: self._emit_imports(name, bindings, use), fallback)
            return
        if literal is not None:
            units = [] if closure else scope.source.binders.get(name, [])
            if units and not made_by_exec(value, scope) and not statements_are_pure(scope.source, units, scope.globals):
                # computed by calls or from modules (os.environ, a file, the clock): run it again in Lambda
                self._attempt(
                    ("fallback", scope.ident, name),
                    lambda: self.copy_units(name, units, scope, use),
                    lambda: self._literal(name, value, literal, scope, use, checked=False),
                )
                return
            self._literal(name, value, literal, scope, use, checked=bool(units))
            return
        if closure:
            self._closure_object(name, value, scope, use)
            return
        units = scope.source.binders.get(name, [])
        if units and not made_by_exec(value, scope):
            self.copy_units(name, units, scope, use)
            return
        star = None if units else scope.source.star_import_of(name)
        if star is not None:
            raise self.error(name, use, describe(value), reasons.STAR_IMPORT.format(line=star))
        imported = importable(value)
        if imported is not None and imported[0] != scope.module:
            self._emit_imports(name, [ImportBinding(name, imported[0], imported[1], name, use.lineno)], use)
            return
        if isinstance(value, (types.FunctionType, type)):
            raise self.error(name, use, describe(value), reasons.NO_SOURCE)
        raise self.error(name, use, describe(value), reasons.ARBITRARY_GLOBAL)

    def _attempt(self, key: tuple[Any, ...], first: Callable[[], None], fallback: Callable[[], None]) -> None:
        """Ship a name the ``first`` way, or, once that has failed (see :class:`Restart`), the ``fallback`` way."""
        if key in self.fallbacks:
            fallback()
            return
        try:
            first()
        except CaptureError as error:
            raise Restart(key, error) from error

    def _literal(self, name: str, value: Any, literal: str, scope: Scope, use: Use, *, checked: bool) -> None:
        """Write ``value`` as a literal.

        :param checked: whether the value was computed from the source alone; otherwise it is
            refused when it holds a value of the synth machine's environment.
        """
        tokens = find_tokens(value, self.is_token)
        if tokens:
            raise self.error(name, use, describe(value), reasons.TOKEN_IN_DATA.format(paths=", ".join(tokens)))
        if not checked:
            variable = synth_environment_match(value, "".join(scope.source.lines))
            if variable is not None:
                raise self.error(name, use, describe(value), reasons.SYNTH_ENVIRONMENT.format(variable=variable))
        self.claim(name, ("literal", literal), use)
        self.assignments.append(("literal", name, literal))

    def _as_namespace(self, name: str, module: types.ModuleType, scope: Scope, use: Use) -> None:
        """Stand in for a project module that cannot be shipped with the plain data read from it."""
        self.claim(name, ("namespace", module.__name__), use)
        self.namespaces.setdefault((scope.ident, name), {})
        self.namespace_modules[(scope.ident, name)] = module

    def _namespace_attributes(
        self, name: str, namespace: dict[str, str], attributes: frozenset[str] | None, scope: Scope, use: Use
    ) -> None:
        module = self.namespace_modules[(scope.ident, name)]
        cause = self.fallbacks[("fallback", scope.ident, name)]

        def refused() -> CaptureError:  # why the module cannot be shipped, and what would work instead
            hint = reasons.NAMESPACE_USE.format(module=module.__name__)
            return CaptureError(
                f"{cause} {hint}",
                name=cause.name,
                filename=cause.filename,
                lineno=cause.lineno,
                reason=f"{cause.reason} {hint}",
            )

        if attributes is None:
            raise refused()
        for attribute in sorted(attributes - set(namespace)):
            value = getattr(module, attribute, _MISSING)
            literal = None if value is _MISSING else render_literal(value)
            if literal is None or find_tokens(value, self.is_token):
                raise refused()
            variable = synth_environment_match(value, "".join(linecache.getlines(module.__file__ or "")))
            if variable is not None:
                why = reasons.SYNTH_ENVIRONMENT.format(variable=variable)
                raise self.error(f"{name}.{attribute}", use, describe(value), why)
            namespace[attribute] = literal

    def namespace_assignments(self, types_name: str) -> list[str]:
        """``name = types.SimpleNamespace(...)`` for each module replaced by a namespace.

        :param types_name: the name the generated module imports ``types`` as.
        """
        return [f"{key[-1]} = {render_namespace(namespace, types_name)}" for key, namespace in self.namespaces.items()]

    def _closure_object(self, name: str, value: Any, scope: Scope, use: Use) -> None:
        imported = importable(value)
        if imported is not None:
            module, qualname = imported
            if module == scope.module:
                self.need(qualname, self.module_scope(scope), use)
                if qualname != name:
                    self.claim(name, ("alias", qualname), use)
                    self.module_aliases.append(f"{name} = {qualname}")
                return
            self._emit_imports(name, [ImportBinding(name, module, qualname, name, use.lineno)], use)
            return
        if isinstance(value, types.FunctionType) and not hasattr(value, "__wrapped__"):
            self.copy_nested(name, value, use)
            return
        raise self.error(name, use, describe(value), reasons.ARBITRARY_CLOSURE)

    def _unbound(self, name: str, scope: Scope, use: Use) -> None:
        """A name with no value yet (its module is still being imported): trust the source."""
        source = scope.source
        if source.imports.get(name):
            self._emit_imports(name, source.imports[name], use)
        elif source.binders.get(name):
            self.copy_units(name, source.binders[name], scope, use)
        elif source.star_import_of(name) is not None:
            raise self.error(name, use, "unknown", reasons.STAR_IMPORT.format(line=source.star_import_of(name)))
        else:
            raise self.error(name, use, "undefined", reasons.UNDEFINED)

    # -- emitters ----------------------------------------------------------------------------

    def claim(self, name: str, key: tuple[Any, ...], use: Use) -> None:
        """Reserve ``name`` in the generated module for the value described by ``key``.

        :raises CaptureError: if ``name`` already stands for something else.
        """
        previous = self.claims.setdefault(name, key)
        if previous != key:
            raise self.error(name, use, "name", reasons.CONFLICT)

    def _environment(self, name: str, token: str, use: Use) -> None:
        env = name.upper()
        if not _ENV_NAME.match(env) or env.startswith(("AWS_", "LAMBDA_")) or env in _RESERVED_ENV:
            raise self.error(name, use, "Terraform token", reasons.ENV_NAME.format(env=env))
        if self.environment.setdefault(env, token) != token:
            raise self.error(name, use, "Terraform token", reasons.ENV_CONFLICT.format(env=env))
        self.claim(name, ("env", env), use)
        self.assignments.append(("env", name, env))

    def _emit_imports(self, name: str, bindings: list[ImportBinding], use: Use) -> None:
        lines = tuple(dict.fromkeys(binding.text for binding in bindings))
        self.claim(name, ("import", lines), use)
        for binding in bindings:
            for module, whole in import_targets(binding.module, binding.attribute):
                self.use_module(module, whole, use, name)
        self.imports.update(dict.fromkeys(lines))

    def use_module(self, module: str, whole: bool, use: Use, name: str | None = None, *, guarded: bool = False) -> None:
        """Ship ``module`` (a requirement, copied project files, or nothing for the stdlib).

        :param name: the variable the module is imported for, to name in errors. Default: the module.
        :param guarded: whether the import is inside ``try: ... except ImportError``, so a module
            that is not installed is optional rather than missing. Default: ``False``.
        """

        def fail(what: str, reason: str) -> CaptureError:
            return self.error(name or module, use, what, reason)

        because = f", needed by {use.reader} at {use.filename}:{use.lineno},"
        site = None if guarded else (use.reader, use.filename, use.lineno)
        self.project.use(module_facts(module), fail=fail, whole=whole, because=because, site=site)

    def copy_units(self, name: str, indices: list[int], scope: Scope, use: Use) -> None:
        """Copy the top-level statements that bind or change ``name``, with what they need."""
        source = scope.source
        self.claim(name, ("units", source.filename, tuple(indices)), use)
        module = self.module_scope(scope)
        for index in indices:
            key = (source.filename, index)
            if key == self.handler_unit:
                raise self.error(name, use, "shares a statement with the handler", reasons.SHARED_STATEMENT)
            if key in self.units:
                continue
            unit = source.units[index]
            self.units[key] = ("", unit.start, unit.end)
            for bound in unit.bound:
                value = module.globals.get(bound, _MISSING)
                if value is not _MISSING and self.is_infrastructure(value):
                    where = Use(use.reader, source.display, unit.nodes[0].lineno)
                    raise self.error(
                        bound, where, describe(value), reasons.INFRASTRUCTURE_STATEMENT.format(needed=name)
                    )
            nodes, edits = self._without_registrations(unit, module)
            reader = unit.bound[0] if unit.bound else "module-level code"
            self.analyze(nodes, module, reader)
            self.units[key] = (source.segment(unit.start, unit.end, edits=edits), unit.start, unit.end)

    def _without_registrations(self, unit: Unit, scope: Scope) -> tuple[list[ast.stmt], list[Edit]]:
        nodes: list[ast.stmt] = []
        edits = scope.source.relative_import_edits(unit.nodes)
        for stmt in unit.nodes:
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and stmt.decorator_list:
                kept, dropped = self.split_decorators(stmt, scope, drop_unknown=False, use=None)
                edits += [drop_line_edit(scope.source, d) for d in dropped]
                stmt = copy.copy(stmt)
                stmt.decorator_list = kept
            nodes.append(stmt)
        return nodes, edits

    def split_decorators(
        self,
        node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef,
        scope: Scope,
        *,
        drop_unknown: bool,
        use: Use | None,
    ) -> tuple[list[ast.expr], list[ast.expr]]:
        """Separate decorators to keep from registrations on infrastructure (dropped).

        :param drop_unknown: also drop decorators whose root name cannot be looked up (a local of
            the enclosing function, which only registration can explain for an unwrapped function).
        :param use: where to report an unknown decorator when ``drop_unknown`` is false and it
            matters; ``None`` to keep it and let name resolution report it.
        """
        kept: list[ast.expr] = []
        dropped: list[ast.expr] = []
        for decorator in node.decorator_list:
            verdict = self._infrastructure_rooted(decorator, scope)
            if verdict is None and use is not None and not drop_unknown:
                raise self.error(
                    ast.unparse(decorator),
                    Use(use.reader, scope.source.display, decorator.lineno),
                    "decorator",
                    reasons.UNKNOWN_DECORATOR,
                )
            (dropped if verdict or (verdict is None and drop_unknown) else kept).append(decorator)
        return kept, dropped

    def _infrastructure_rooted(self, expr: ast.expr, scope: Scope) -> bool | None:
        chain: list[str] = []
        node = expr
        while isinstance(node, (ast.Attribute, ast.Call, ast.Subscript)):
            if isinstance(node, ast.Attribute):
                chain.append(node.attr)
                node = node.value
            else:
                chain.clear()  # only attributes between the root and the first call are evaluated
                node = node.func if isinstance(node, ast.Call) else node.value
        if not isinstance(node, ast.Name):
            return False
        if node.id in scope.cells:
            try:
                value = scope.cells[node.id].cell_contents
            except ValueError:
                return None
        elif node.id in scope.globals:
            value = scope.globals[node.id]
        elif hasattr(builtins, node.id):
            return False
        else:
            return None
        for attribute in [None, *reversed(chain)]:
            if attribute is not None:
                try:
                    value = getattr(value, attribute)
                except Exception:  # a property that fails at synth: not something to drop
                    return False
            if self.is_infrastructure(value):
                return True
        return False

    def copy_nested(self, name: str, function: types.FunctionType, use: Use) -> None:
        """Copy a function defined inside another function (found in a closure) as a top-level def."""
        source = self.source_of(function, name, use)
        node = find_function_node(source.tree, function.__code__)
        if node is None:
            raise self.error(name, use, describe(function), reasons.STALE)
        scope = self.scope_of(function, source, node)
        reader = function.__qualname__
        key = ("nested", source.filename, node.lineno, node.col_offset)
        if isinstance(node, ast.Lambda):
            self.claim(name, key, use)
            if key in self._done:
                return
            self._done.add(key)
            self.analyze(node, scope, reader)
            self.nested.append(f"{name} = {parenthesized(source.span_text(node))}\n")
            return
        self.claim(node.name, key, use)
        if name != node.name:
            self.claim(name, ("alias", node.name), use)
        if key in self._done:
            return
        self._done.add(key)
        kept, dropped = self.split_decorators(node, scope, drop_unknown=True, use=None)
        if kept and not decorators_return_it(function, node, name, source):
            # ``function`` is the undecorated def, captured by a decorator's wrapper (no functools.wraps):
            # keeping the decorators would wrap it a second time
            kept, dropped = [], [*dropped, *kept]
        analyzed = copy.copy(node)
        analyzed.decorator_list = kept
        self.analyze([analyzed], scope, reader)
        edits = [drop_line_edit(source, d) for d in dropped] + source.relative_import_edits([node])
        text = source.segment(first_line(node), node.end_lineno or node.lineno, indent=node.col_offset, edits=edits)
        self.nested.append(text + (f"{name} = {node.name}\n" if name != node.name else ""))

    def error(self, name: str, use: Use, what: str, reason: str) -> CaptureError:
        """Build the error for a name that cannot be shipped."""
        message = (
            f"Cannot ship {name!r} ({what}), read by {use.reader} at {use.filename}:{use.lineno}, to Lambda: {reason}"
        )
        return CaptureError(message, name=name, filename=use.filename, lineno=use.lineno, reason=reason)


def _own_statements(nodes: list[ast.stmt] | ast.expr) -> list[ast.AST]:
    """The statements of top-level functions in ``nodes``, not of functions nested in them."""
    if isinstance(nodes, ast.expr):
        return []
    found: list[ast.AST] = []
    for node in nodes:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            stack: list[ast.AST] = list(node.body)
            while stack:
                current = stack.pop()
                found.append(current)
                if not isinstance(current, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
                    stack.extend(ast.iter_child_nodes(current))
    return found


def parenthesized(text: str) -> str:
    return f"({text})" if "\n" in text else text


