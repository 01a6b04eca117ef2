"""``python -m cdktf_userpool init [DIR]``: a new project that synthesizes and tests from its first command.

The project is written from the templates in ``templates/`` (package data): ``cdktf.json``, ``main.py``
(a stack with a pool, an app client and two triggers), ``triggers.py`` (the trigger code, in a module
of its own), ``tests/test_triggers.py``, a snapshot test ``tests/test_stack.py`` with its committed
snapshot (rendered from ``snapshot.md.tmpl``, which ``tools/scaffold_snapshot.py`` writes) and the
``conftest.py`` loading syrupy, pinned ``requirements.txt``, ``package.json`` for the CLI, a
``Makefile`` (``make synth``, ``make test``) and a README. CDK Terrain is the default backend
(``--backend cdktf`` for CDK for Terraform 0.21). The output depends only on the options, the
folder's name and where this library was installed from (:mod:`._origin`: the index release's pin, or
the wheel, checkout or commit it came from, which then also appears in the README), never on anything
else of the machine. Non-goal: changing an existing project; ``init`` refuses a
folder that is not empty unless ``--force``, and then only replaces the files it writes.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .._site import page_url
from .._version import __version__
from ..errors import ConfigurationError
from ._origin import Origin, origin

__all__ = [
    "BACKENDS", "SNAPSHOT", "ProjectBackend", "add_arguments", "docs_home", "docs_version", "init_project", "render", "run",
    "variables",
]


@dataclass(frozen=True)
class ProjectBackend:
    """What a generated project pins for one framework backend.

    :ivar name: the framework's module and this library's extra (``"cdktn"`` or ``"cdktf"``).
    :ivar title: how the README names it.
    :ivar provider: the AWS provider bindings' module.
    :ivar pins: the framework's distributions, as this library's extra pins them.
    :ivar cli: the CLI's npm package, its version and its command.
    :ivar node: the npm ``node`` package the CLI needs, or ``None`` when the system's Node.js will do.
    :ivar aws_provider: the AWS provider's source address and version the bindings pin (as the
        synthesized ``terraform.required_providers.aws`` says; the committed snapshot shows them).
    """

    name: str
    title: str
    provider: str
    pins: tuple[str, ...]
    cli: tuple[str, str, str]
    node: str | None
    aws_provider: tuple[str, str]


BACKENDS: Mapping[str, ProjectBackend] = {
    "cdktn": ProjectBackend(
        "cdktn", "CDK Terrain", "cdktn_provider_aws", ("cdktn==0.24.0", "cdktn-provider-aws==25.8.1"),
        ("cdktn-cli", "0.24.0", "cdktn"), "22.23.3",  # cdktn-cli 0.24 needs Node.js >= 22.19
        ("hashicorp/aws", "6.69.1"),
    ),
    "cdktf": ProjectBackend(
        "cdktf", "CDK for Terraform", "cdktf_cdktf_provider_aws", ("cdktf==0.21.0", "cdktf-cdktf-provider-aws==21.22.1"),
        ("cdktf-cli", "0.21.0", "cdktf"), None, ("aws", "6.25.0"),
    ),
}
DEFAULT_BACKEND = "cdktn"
PYTEST_PIN = "pytest==9.2.0"
SYRUPY_PIN = "syrupy==7.0.3"
SNAPSHOT = "tests/__snapshots__/test_stack/test_auth_stack.md"
"""The committed snapshot of the project's stack (``tests/test_stack.py``), from ``snapshot.md.tmpl``."""
#: Template (under ``templates/``) -> the file it becomes in the project.
FILES: Mapping[str, str] = {
    "README.md.tmpl": "README.md",
    "Makefile.tmpl": "Makefile",
    "conftest.py.tmpl": "conftest.py",
    "cdktf.json.tmpl": "cdktf.json",
    "gitignore.tmpl": ".gitignore",
    "main.py.tmpl": "main.py",
    "package.json.tmpl": "package.json",
    "pytest.ini.tmpl": "pytest.ini",
    "requirements.txt.tmpl": "requirements.txt",
    "snapshot.md.tmpl": SNAPSHOT,
    "test_stack.py.tmpl": "tests/test_stack.py",
    "test_triggers.py.tmpl": "tests/test_triggers.py",
    "triggers.py.tmpl": "triggers.py",
}
_IGNORED = frozenset({".git"})  # a folder just made a git repository still counts as empty
_MARKER = re.compile(r"\{\{(\w+)\}\}")


def project_name(directory: Path) -> str:
    """The project's name: the folder's name, lower-case, with runs of other characters made ``-``."""
    name = re.sub(r"[^a-z0-9]+", "-", directory.resolve().name.lower()).strip("-")
    return name or "auth"


def library_files() -> dict[str, bytes]:
    """The library's files a project's packages ship, by marker name: the snapshot lists their sizes and hashes."""
    from .._packaging._modules import SHIPPED_PACKAGE_INIT  # imported here: the packager is slow to import
    from .._packaging.archive import entry_source

    return {
        "entry": entry_source(),
        "package_init": SHIPPED_PACKAGE_INIT,
        "events": resources.files("cdktf_userpool").joinpath("events.py").read_bytes(),
    }


def _short_hash(data: bytes) -> str:
    from .._snapshot._package import short_hash

    return short_hash(data)


def domain_prefix(name: str) -> str:
    """The project's Cognito domain prefix: ``<name>-login``, without the words Cognito refuses in one
    (``aws``, ``amazon``, ``cognito``), at most 63 characters."""
    cleaned = re.sub(r"aws|amazon|cognito", "", name)
    cleaned = re.sub(r"-{2,}", "-", cleaned).strip("-")[:56].strip("-")
    return f"{cleaned or 'app'}-login"


def docs_version(library: Origin) -> tuple[str, str]:
    """The documentation site's version for a project whose library came from ``library``, and how its README
    names it: the pinned release's pages for a release from a package index; else main's (``latest``), as the
    library is a file, checkout or commit that no release's pages describe."""
    if library.kind == "index":
        return f"v{__version__}", f"for the release this project pins ({__version__})"
    return "latest", "main's (this project's library is not an index release)"


def docs_home() -> str:
    """The documentation site's home for the running library: its release's pages when it came from a package
    index, else main's (as :func:`docs_version` says)."""
    return page_url("index.md", docs_version(origin("local"))[0])


def variables(backend: ProjectBackend, name: str) -> dict[str, str]:
    """What the templates' ``{{markers}}`` stand for."""
    cli_package, cli_version, cli = backend.cli
    node = f',\n    "node": "{backend.node}"' if backend.node else ""
    library = origin(f"{backend.name},local")
    version, which = docs_version(library)
    return {
        "backend": backend.name,
        "backend_title": backend.title,
        "provider": backend.provider,
        "library_pin": library.requirement,
        "library_note": f"\n{library.note}\n" if library.note else "",  # a paragraph of the README
        "framework_pins": "\n".join(backend.pins),
        "pytest_pin": PYTEST_PIN,
        "syrupy_pin": SYRUPY_PIN,
        "aws_source": backend.aws_provider[0],
        "aws_version": backend.aws_provider[1],
        **{f"{name}_file": f"{len(data)} | {_short_hash(data)}" for name, data in library_files().items()},
        "cli": cli,
        "cli_package": cli_package,
        "cli_version": cli_version,
        "node_dependency": node,
        "node_note": (f"Node.js {backend.node} from npm (the CLI needs >= 22.19)" if backend.node else "the system's Node.js"),
        "project": name,
        "domain_prefix": domain_prefix(name),
        "docs": page_url("index.md", version),
        "docs_which": which,
    }


def render(template: str, values: Mapping[str, str]) -> str:
    """``template`` with every ``{{name}}`` replaced.

    :raises KeyError: for a marker ``values`` does not have (a bug in a template).
    """
    return _MARKER.sub(lambda found: values[found.group(1)], template)


def _refuse(message: str, directory: Path) -> ConfigurationError:
    return ConfigurationError(message, argument="DIR", value=str(directory))


def init_project(directory: Path, *, backend: str = DEFAULT_BACKEND, force: bool = False) -> list[Path]:
    """Write a new project into ``directory`` (created if missing) and return the files written.

    :param backend: ``"cdktn"`` (CDK Terrain) or ``"cdktf"`` (CDK for Terraform 0.21). Default: ``"cdktn"``.
    :param force: write into a folder that is not empty, replacing the files a project has
        (and nothing else). Default: ``False``.
    :raises ConfigurationError: if ``backend`` is unknown, ``directory`` is a file, or it is not
        empty and ``force`` is false.
    """
    if backend not in BACKENDS:
        raise ConfigurationError(
            f"init got --backend {backend!r}, which is not a backend; use 'cdktn' (CDK Terrain, the default) or "
            "'cdktf' (CDK for Terraform 0.21).",
            argument="--backend",
            value=backend,
            choices=tuple(BACKENDS),
        )
    if directory.exists() and not directory.is_dir():
        raise _refuse(f"init cannot write a project into {str(directory)!r}: it is a file. Pick a folder.", directory)
    present = sorted(p.name for p in directory.iterdir() if p.name not in _IGNORED) if directory.is_dir() else []
    if present and not force:
        shown = ", ".join(present[:5]) + (", ..." if len(present) > 5 else "")
        raise _refuse(
            f"init refuses to write into {str(directory)!r}: it is not empty ({shown}). Pick an empty or new folder, "
            "or pass --force to write the project's files there anyway (files of the same name are replaced).",
            directory,
        )
    values = variables(BACKENDS[backend], project_name(directory))
    templates = resources.files(__name__) / "templates"
    written = []
    for template, target in FILES.items():
        path = directory / target
        path.parent.mkdir(parents=True, exist_ok=True)
        text = render((templates / template).read_text(encoding="utf-8"), values)
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)
    return written


def add_arguments(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``init`` command to the command line's subcommands."""
    init = commands.add_parser("init", help="create a new project: a stack with a pool, two triggers and their tests")
    init.add_argument("directory", nargs="?", default=".", type=Path, metavar="DIR",
                      help="where to write it (created if missing). Default: the current folder")
    init.add_argument("--backend", choices=sorted(BACKENDS), default=DEFAULT_BACKEND,
                      help=f"the framework: cdktn (CDK Terrain) or cdktf (CDK for Terraform 0.21). Default: {DEFAULT_BACKEND}")
    init.add_argument("--force", action="store_true", help="write into a folder that is not empty")


def run(args: argparse.Namespace) -> int:
    """Run ``init`` as parsed by :func:`add_arguments`; returns the exit status."""
    directory: Path = args.directory
    try:
        written = init_project(directory, backend=args.backend, force=args.force)
    except ConfigurationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    backend = BACKENDS[args.backend]
    print(f"Wrote a {backend.title} project to {directory}/:")
    for path in written:
        print(f"  {path.relative_to(directory).as_posix()}")
    library = origin(f"{backend.name},local")
    if library.note:
        print(f"\nThis library is not installed from a package index: {library.note}")
    where = "" if directory.resolve() == Path.cwd() else f"cd {directory} && "
    print(f"\nNext: {where}make synth && make test  (the first run installs the pinned packages into .venv/)")
    print("Deploy with AWS credentials: make deploy (installs the CLI from package.json with npm first).")
    return 0
