"""Check the sdist and the wheel that ``make dist`` built: ``python tools/check_dist.py DIST_DIR``.

- one wheel and one sdist, both of this checkout's version (``cdktf_userpool/_version.py``);
- the wheel holds exactly the package's files as the repository tracks them (its modules, ``py.typed``,
  the scaffold templates, the runtime shipped into Lambda packages) and its ``.dist-info``: nothing
  from tests, no bytecode, nothing else from the machine that built it;
- the sdist holds the package's files, ``pyproject.toml``, ``README.md`` and ``CHANGELOG.md`` (what a
  wheel is built from), and nothing from tests;
- the metadata is valid core metadata (``packaging.metadata``, validated) and its description, the
  README, renders as the index shows it (``readme_renderer``, the library ``twine check`` uses).

Prints the two paths, or each problem; exits 1 when there is one.
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "cdktf_userpool"
SDIST_EXTRAS = {"pyproject.toml", "README.md", "CHANGELOG.md", "MANIFEST.in", "PKG-INFO", "setup.cfg"}


def version() -> str:
    found: dict[str, str] = {}
    exec((ROOT / PACKAGE / "_version.py").read_text(), found)  # the one place the version is written
    return found["__version__"]


def package_files() -> set[str]:
    """The package's files as the repository tracks them (else as the tree holds them, bytecode left out)."""
    listed = subprocess.run(["git", "ls-files", "-z", PACKAGE], cwd=ROOT, capture_output=True, check=False)
    if listed.returncode == 0 and listed.stdout:
        return {name for name in listed.stdout.decode().split("\0") if name}
    return {str(p.relative_to(ROOT)) for p in (ROOT / PACKAGE).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts}


def check_metadata(text: str, wanted: str) -> list[str]:
    from packaging.metadata import InvalidMetadata, Metadata
    from readme_renderer.markdown import render

    problems = []
    try:
        metadata = Metadata.from_email(text, validate=True)
    except (InvalidMetadata, ExceptionGroup) as exc:
        return [f"METADATA is not valid core metadata: {exc}"]
    if str(metadata.version) != wanted or metadata.name != "cdktf-userpool":
        problems.append(f"METADATA names {metadata.name} {metadata.version}, not cdktf-userpool {wanted}")
    if metadata.description_content_type != "text/markdown" or not metadata.description:
        problems.append(f"METADATA's description is not the README as Markdown ({metadata.description_content_type!r})")
    elif render(metadata.description) is None:
        problems.append("the description (README.md) does not render as Markdown")
    return problems


def check_wheel(wheel: Path, wanted: str) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        info = f"cdktf_userpool-{wanted}.dist-info/"
        metadata = archive.read(info + "METADATA").decode() if info + "METADATA" in names else ""
    problems = []
    shipped = {n for n in names if not n.startswith(info)}
    expected = package_files()
    for name in sorted(shipped - expected):
        problems.append(f"{wheel.name} holds {name}, which is not one of the package's files")
    for name in sorted(expected - shipped):
        problems.append(f"{wheel.name} lacks {name}")
    if not metadata:
        problems.append(f"{wheel.name} has no {info}METADATA")
    return problems + check_metadata(metadata, wanted)


def check_sdist(sdist: Path, wanted: str) -> list[str]:
    top = sdist.name.removesuffix(".tar.gz") + "/"
    with tarfile.open(sdist) as archive:
        names = {m.name for m in archive.getmembers() if m.isfile()}
    problems = [f"{sdist.name} holds {n} outside {top}" for n in sorted(names) if not n.startswith(top)]
    inside = {n[len(top):] for n in names if n.startswith(top)}
    expected = package_files()
    for name in sorted(inside - expected - SDIST_EXTRAS):
        if not name.startswith(f"{PACKAGE}.egg-info/"):
            problems.append(f"{sdist.name} holds {name}, which is neither the package nor what builds it")
    for name in sorted((expected | {"pyproject.toml", "README.md", "CHANGELOG.md", "PKG-INFO"}) - inside):
        problems.append(f"{sdist.name} lacks {name}")
    return problems


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else ROOT / "dist"
    wanted = version()
    wheels, sdists = sorted(folder.glob("*.whl")), sorted(folder.glob("*.tar.gz"))
    sdist_names = {f"cdktf_userpool-{wanted}.tar.gz", f"cdktf-userpool-{wanted}.tar.gz"}  # setuptools < 69: a dash
    if [w.name for w in wheels] != [f"cdktf_userpool-{wanted}-py3-none-any.whl"] or \
            len(sdists) != 1 or sdists[0].name not in sdist_names:
        print(f"check-dist: {folder} must hold exactly cdktf_userpool-{wanted}-py3-none-any.whl and "
              f"cdktf_userpool-{wanted}.tar.gz; it holds {sorted(p.name for p in folder.iterdir())}", file=sys.stderr)
        return 1
    problems = check_wheel(wheels[0], wanted) + check_sdist(sdists[0], wanted)
    for problem in problems:
        print(f"check-dist: {problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"built and checked: {sdists[0]}")
    print(f"built and checked: {wheels[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
