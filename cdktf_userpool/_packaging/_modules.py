"""Decide where an imported module comes from, and gather the files of the user's own modules.

A module is standard library, part of the Lambda Python runtime (``boto3``, ``botocore``), an
infrastructure library that must never reach Lambda (``cdktf``, ``constructs``, ``jsii``, this
library, generated provider bindings), a third-party distribution installed in site-packages
(pinned to its installed version), or a module of the user's project (its ``.py`` files are copied
into the package). A module that is not installed here cannot be pinned and is left to the
function's explicit requirements. Modules are located without being imported, except parent
packages, which ``importlib.util.find_spec`` imports to find their submodules.
"""

from __future__ import annotations

import ast
import enum
import functools
import importlib.metadata
import importlib.util
import sys
import sysconfig
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import CaptureError, PackagingError
from ._closure import RUNTIME_DISTRIBUTIONS
from ._paths import display_path
from ._source_file import absolute_module, is_type_checking_guard

__all__ = [
    "ModuleFacts",
    "ModuleKind",
    "ProjectFiles",
    "import_targets",
    "imported_modules",
    "module_facts",
]

RUNTIME_PROVIDED = RUNTIME_DISTRIBUTIONS
"""Modules the Lambda runtime provides: boto3, botocore, s3transfer, jmespath (import names = distribution names)."""
SHIPPED_LIBRARY_MODULES = frozenset({"cdktf_userpool.events"})
"""Modules of this library that may run in Lambda (standard library only, no side effects)."""
SHIPPED_PACKAGE_INIT = (
    b'"""The parts of cdktf_userpool that run in Lambda; the rest of the library builds infrastructure."""\n'
)
INFRASTRUCTURE = frozenset({"cdktf", "cdktn", "constructs", "jsii", "cdktf_userpool"})
_INFRASTRUCTURE_PREFIXES = ("cdktf_cdktf_provider_", "cdktn_provider_")
_THIRD_PARTY_DIRS = frozenset({"site-packages", "dist-packages"})


class ModuleKind(enum.Enum):
    """Where a module comes from, which decides what shipping it takes."""

    STDLIB = "standard library"
    RUNTIME = "provided by the Lambda runtime"
    INFRASTRUCTURE = "infrastructure library"
    LIBRARY = "part of this library that runs in Lambda"
    THIRD_PARTY = "third-party distribution"
    PROJECT = "project module"
    MAIN = "the app's main script"
    MISSING = "not installed"


@dataclass(frozen=True)
class ModuleFacts:
    """What the packager knows about one module.

    :ivar name: the absolute module name.
    :ivar kind: where it comes from.
    :ivar path: its file, or for a package without ``__init__.py`` its directory; ``None`` for
        built-in and missing modules.
    :ivar is_package: whether it is a package.
    :ivar requirement: ``"dist==version"`` for third-party modules, else ``None``.
    """

    name: str
    kind: ModuleKind
    path: Path | None = None
    is_package: bool = False
    requirement: str | None = None


def module_facts(name: str) -> ModuleFacts:
    """Classify the module ``name`` (see :class:`ModuleKind`).

    :raises CaptureError: never; problems are reported by the caller, which knows the use site.
    """
    top = name.partition(".")[0]
    if name in SHIPPED_LIBRARY_MODULES:
        return ModuleFacts(name, ModuleKind.LIBRARY, Path(__file__).resolve().parents[1] / "events.py")
    if top in RUNTIME_PROVIDED:
        return ModuleFacts(name, ModuleKind.RUNTIME)
    if top in INFRASTRUCTURE or top.startswith(_INFRASTRUCTURE_PREFIXES):
        return ModuleFacts(name, ModuleKind.INFRASTRUCTURE)
    if top in sys.stdlib_module_names or top in sys.builtin_module_names:
        return ModuleFacts(name, ModuleKind.STDLIB)
    if top == "__main__":
        return ModuleFacts(name, ModuleKind.MAIN)
    location = _locate(name)
    if location is None:
        return ModuleFacts(name, ModuleKind.MISSING)
    path, is_package = location
    if path is None:
        return ModuleFacts(name, ModuleKind.STDLIB, None, is_package)
    resolved = path.resolve()
    if _THIRD_PARTY_DIRS.intersection(resolved.parts):
        return ModuleFacts(name, ModuleKind.THIRD_PARTY, resolved, is_package, _requirement(top, resolved))
    if any(resolved.is_relative_to(root) for root in _stdlib_roots()):
        return ModuleFacts(name, ModuleKind.STDLIB, resolved, is_package)
    return ModuleFacts(name, ModuleKind.PROJECT, resolved, is_package)


def _locate(name: str) -> tuple[Path | None, bool] | None:
    module = sys.modules.get(name)
    if module is not None:
        search = getattr(module, "__path__", None)
        file = getattr(module, "__file__", None)
        if file:
            return Path(file), search is not None
        if search:
            return Path(next(iter(search))), True
        return None, False
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError, AttributeError):
        return None
    if spec is None:
        return None
    if spec.has_location and spec.origin:
        return Path(spec.origin), spec.submodule_search_locations is not None
    if spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations))), True
    return None, False


@functools.cache
def _stdlib_roots() -> tuple[Path, ...]:
    paths = sysconfig.get_paths()
    return tuple(sorted({Path(paths[key]).resolve() for key in ("stdlib", "platstdlib") if key in paths}))


@functools.cache
def _distributions() -> Mapping[str, list[str]]:
    return importlib.metadata.packages_distributions()


def _requirement(top: str, path: Path) -> str | None:
    names = sorted(set(_distributions().get(top, [])))
    chosen = None
    for name in names:
        dist = importlib.metadata.distribution(name)
        if any(Path(str(dist.locate_file(f))).resolve() == path for f in dist.files or ()):
            chosen = dist
            break
    if chosen is None and names:
        chosen = importlib.metadata.distribution(names[0])
    if chosen is None:
        return None
    return f"{chosen.metadata['Name']}=={chosen.version}"


class ProjectFiles:
    """Collect the files and requirements that the user's own modules bring along.

    Copying a module also copies the ``__init__.py`` of each package above it (they run on import)
    and, for a package, all of its ``.py`` files. Every copied file's imports are followed: project
    modules are copied in turn, third-party ones become requirements, infrastructure libraries are
    an error.

    :ivar files: archive path -> bytes.
    :ivar requirements: pinned third-party distributions.
    :ivar missing: modules imported without a guard that are not installed here -> where the first
        such import is (reader, file, line); the function's requirements must provide them.
    """

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.requirements: set[str] = set()
        self.missing: dict[str, tuple[str, str, int]] = {}
        self._done: set[tuple[str, bool]] = set()

    def use(
        self,
        facts: ModuleFacts,
        *,
        fail: Callable[[str, str], CaptureError],
        whole: bool = True,
        because: str = "",
        site: tuple[str, str, int] | None = None,
    ) -> None:
        """Make the module described by ``facts`` available in Lambda.

        :param facts: the module, as classified by :func:`module_facts`.
        :param fail: builds the error for a module that cannot be shipped, from a short
            description of the module and the reason.
        :param whole: for a project package, copy all its modules (``import pkg``), not only its
            ``__init__.py`` (``from pkg import name_defined_in_init``). Default: ``True``.
        :param because: why the module is shipped (``"handler reads 'x' at app.py:3"``), for
            errors found in the files it brings along. Default: ``""``.
        :param site: where the module is imported (reader, file, line), when the import is not
            guarded by ``except ImportError``; a module that is not installed here is then recorded
            in :attr:`missing`. Default: ``None`` (a guarded import: a missing module is fine).
        :raises CaptureError: for infrastructure libraries, the main script, and project modules
            that import an infrastructure library. Modules not installed here are skipped: they
            cannot be pinned: unguarded ones are recorded in :attr:`missing`, for the function's
            explicit requirements (or a layer) to provide.
        """
        kind = facts.kind
        if kind in (ModuleKind.STDLIB, ModuleKind.RUNTIME):
            return
        if kind is ModuleKind.THIRD_PARTY:
            if facts.requirement is None:
                raise fail(
                    f"module {facts.name!r}",
                    "it is installed outside any distribution, so it cannot be pinned as a requirement. "
                    "Install it with pip, or move it into your project.",
                )
            self.requirements.add(facts.requirement)
            return
        if kind is ModuleKind.LIBRARY:
            assert facts.path is not None
            self.files.setdefault("cdktf_userpool/__init__.py", SHIPPED_PACKAGE_INIT)
            self.files.setdefault("/".join(facts.name.split(".")) + ".py", facts.path.read_bytes())
            return
        if kind is ModuleKind.INFRASTRUCTURE:
            hint = "Move the trigger code into a module that does not build infrastructure."
            if facts.name.partition(".")[0] == "cdktf_userpool":
                shipped = ", ".join(sorted(SHIPPED_LIBRARY_MODULES))
                hint = (
                    f"Of this library only {shipped} runs in Lambda: import from it directly "
                    "(`from cdktf_userpool.events import PreSignUpEvent`)."
                )
            raise fail(
                f"module {facts.name!r}",
                "it is an infrastructure library (cdktf or cdktn, their providers, constructs, jsii, cdktf_userpool), "
                f"which does not exist in Lambda. {hint}",
            )
        if kind is ModuleKind.MAIN:
            raise fail(
                "the app's main script",
                "the main script builds the infrastructure and cannot be imported in Lambda. Move what the trigger "
                "needs into a module of its own.",
            )
        if kind is ModuleKind.MISSING:
            # Not importable here: nothing to pin. Unless the import is guarded (an optional
            # dependency), the Function's explicit requirements must provide it.
            if site is not None:
                self.missing.setdefault(facts.name.partition(".")[0], site)
            return
        self._copy(facts, whole, because)

    def _copy(self, facts: ModuleFacts, whole: bool, because: str) -> None:
        if (facts.name, whole) in self._done or (facts.name, True) in self._done:
            return
        self._done.add((facts.name, whole))
        parts = facts.name.split(".")
        for depth in range(1, len(parts)):
            parent = module_facts(".".join(parts[:depth]))
            if parent.kind is ModuleKind.PROJECT and parent.path is not None and parent.path.name == "__init__.py":
                self._add_file(
                    ".".join(parts[:depth]), parent.path, "/".join(parts[:depth]) + "/__init__.py", True, because
                )
        assert facts.path is not None
        if facts.is_package and not whole:
            if facts.path.name == "__init__.py":
                self._add_file(facts.name, facts.path, "/".join(parts) + "/__init__.py", True, because)
            return
        if not facts.is_package:
            if facts.path.suffix != ".py":
                raise CaptureError(
                    f"Cannot ship module {facts.name!r} ({display_path(str(facts.path))}): only .py source files "
                    "can be copied into a Lambda package. Ship it as a third-party distribution instead.",
                    name=facts.name,
                    filename=display_path(str(facts.path)),
                    lineno=1,
                    reason="only .py source files can be copied",
                )
            self._add_file(facts.name, facts.path, "/".join(parts[:-1] + [facts.path.name]), False, because)
            return
        directory = facts.path.parent if facts.path.name == "__init__.py" else facts.path
        for file in sorted(directory.rglob("*.py")):
            relative = file.relative_to(directory)
            if any(part == "__pycache__" or part.startswith(".") for part in relative.parts):
                continue
            sub = relative.with_suffix("").parts
            module = ".".join([*parts, *(sub[:-1] if sub[-1] == "__init__" else sub)])
            self._add_file(module, file, "/".join([*parts, *relative.parts]), file.name == "__init__.py", because)

    def _add_file(self, module: str, path: Path, archive_path: str, is_init: bool, because: str) -> None:
        if archive_path in self.files:
            return
        data = path.read_bytes()
        self.files[archive_path] = data
        package = module if is_init else module.rpartition(".")[0]
        display = display_path(str(path))
        try:
            tree = ast.parse(data, str(path))
        except SyntaxError as exc:
            raise PackagingError(
                f"Cannot ship project module {module!r} ({display}){because}: it does not parse ({exc.msg}, line "
                f"{exc.lineno}). Fix the file."
            ) from exc
        for node, imported, whole, guarded in _imports(tree, package):
            facts = module_facts(imported)

            def fail(what: str, reason: str, node: ast.stmt = node, imported: str = imported) -> CaptureError:
                return CaptureError(
                    f"Cannot ship project module {module!r}{because} to Lambda: it imports {what} at "
                    f"{display}:{node.lineno}, and {reason}",
                    name=imported,
                    filename=display,
                    lineno=node.lineno,
                    reason=reason,
                )

            site = None if guarded else (module, display, node.lineno)
            self.use(facts, fail=fail, whole=whole, because=because, site=site)


def import_targets(module: str, attribute: str | None) -> list[tuple[str, bool]]:
    """The modules one import alias needs, each with whether a package must be copied whole.

    ``import a.b`` needs all of ``a.b``; ``from a import b`` needs submodule ``a.b`` when there is
    one, else only package ``a``'s ``__init__.py`` (``b`` is defined there).

    :param module: the absolute module of the statement.
    :param attribute: the name imported by a ``from`` import, or ``None``.
    """
    if attribute is None:
        return [(module, True)]
    if f"{module}.{attribute}" in SHIPPED_LIBRARY_MODULES:  # from cdktf_userpool import events
        return [(f"{module}.{attribute}", True)]
    if attribute != "*" and module_facts(module).kind is ModuleKind.PROJECT:
        sub = f"{module}.{attribute}"
        if module_facts(sub).kind is not ModuleKind.MISSING:
            return [(sub, True)]
    return [(module, False)]


_IMPORT_ERRORS = frozenset({"ImportError", "ModuleNotFoundError", "Exception", "BaseException"})


def _guards_imports(node: ast.AST) -> bool:
    """Whether ``node`` is a ``try`` whose handlers catch a failed import, or ``with suppress(ImportError)``."""

    def names(expr: ast.expr | None) -> set[str]:
        if expr is None:
            return {"BaseException"}  # a bare except
        if isinstance(expr, ast.Tuple):
            return set().union(*(names(e) for e in expr.elts))
        return {expr.attr if isinstance(expr, ast.Attribute) else getattr(expr, "id", "")}

    if isinstance(node, (ast.Try, getattr(ast, "TryStar", ast.Try))):
        return any(names(handler.type) & _IMPORT_ERRORS for handler in node.handlers)  # type: ignore[attr-defined]
    if isinstance(node, ast.With):
        return any(
            isinstance(item.context_expr, ast.Call) and any(names(arg) & _IMPORT_ERRORS for arg in item.context_expr.args)
            for item in node.items
        )
    return False


def _imports(tree: ast.Module, package: str) -> list[tuple[ast.stmt, str, bool, bool]]:
    """Every module a file may import, with the importing statement and whether the import is guarded.

    ``TYPE_CHECKING`` blocks are skipped; an import is guarded inside the body of a ``try`` that
    catches ``ImportError`` (or a broader class), or of ``with suppress(ImportError)``.
    """
    found: list[tuple[ast.stmt, str, bool, bool]] = []

    def visit(node: ast.AST, guarded: bool) -> None:
        if isinstance(node, ast.If) and is_type_checking_guard(node.test):
            for child in node.orelse:
                visit(child, guarded)
            return
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.extend((node, name, whole, guarded) for name, whole in import_targets(alias.name, None))
        elif isinstance(node, ast.ImportFrom):
            try:
                base = absolute_module(node.module, node.level, package)
            except ImportError:
                return
            for alias in node.names:
                found.extend((node, name, whole, guarded) for name, whole in import_targets(base, alias.name))
        if _guards_imports(node):
            for child in node.body:  # type: ignore[attr-defined]
                visit(child, True)
            for field in ("handlers", "orelse", "finalbody", "items"):
                for child in getattr(node, field, ()):
                    visit(child, guarded)
            return
        for inner in ast.iter_child_nodes(node):
            visit(inner, guarded)

    visit(tree, False)
    return found


def imported_modules(nodes: list[ast.stmt], package: str) -> list[tuple[ast.stmt, str, bool, bool]]:
    """Like :func:`_imports`, for statements cut out of a larger file."""
    return _imports(ast.Module(body=list(nodes), type_ignores=[]), package)
