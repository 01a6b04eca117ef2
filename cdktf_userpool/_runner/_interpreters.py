"""Find a Python interpreter on this machine that matches a Lambda runtime and architecture.

Candidates are probed (run once with ``-I -S``, answers cached per executable), so a broken
shim or a Python of another version is skipped rather than trusted by its name.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import sysconfig
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigurationError

__all__ = ["ENV_VAR", "Interpreter", "find_interpreter", "lambda_architecture", "runtime_version"]

ENV_VAR = "CDKTF_USERPOOL_PYTHON"
"""Names the interpreter to run packages with; ``CDKTF_USERPOOL_PYTHON3_12`` names one for a runtime."""
PROBE_TIMEOUT = 15.0
_PROBE = (
    "import json, platform, sys, sysconfig; print(json.dumps({'version': list(sys.version_info[:2]), "
    "'machine': platform.machine(), 'implementation': sys.implementation.name, 'platform': sys.platform, "
    "'executable': sys.executable, 'ext_suffix': sysconfig.get_config_var('EXT_SUFFIX') or ''}))"
)
_MACHINES = {"x86_64": "x86_64", "amd64": "x86_64", "aarch64": "arm64", "arm64": "arm64"}


def lambda_architecture(machine: str) -> str:
    """Lambda's name for a ``platform.machine()`` value (``"aarch64"`` is ``"arm64"``), else ``machine``."""
    return _MACHINES.get(machine.lower(), machine.lower())


def runtime_version(runtime: str) -> tuple[int, int]:
    """``(3, 12)`` for ``"python3.12"``.

    :raises ConfigurationError: if ``runtime`` is not a ``pythonX.Y`` runtime name.
    """
    name, _, version = runtime.partition("python")
    major, _, minor = version.partition(".")
    if name or not major.isdigit() or not minor.isdigit():
        raise ConfigurationError(
            f"runtime={runtime!r} is not a Lambda Python runtime name. Use one like 'python3.13'.",
            argument="runtime",
            value=runtime,
        )
    return int(major), int(minor)


@dataclass(frozen=True)
class Interpreter:
    """A Python interpreter found on this machine.

    :ivar path: the executable (resolved: the real binary, not a shim).
    :ivar version: ``(major, minor)``.
    :ivar architecture: Lambda's name for its machine, ``"x86_64"`` or ``"arm64"``.
    :ivar platform: ``sys.platform`` of the interpreter (``"linux"``, ``"darwin"``...).
    :ivar implementation: ``sys.implementation.name`` (Lambda runs ``"cpython"``).
    :ivar ext_suffix: the file-name suffix of its extension modules, e.g. ``".cpython-312-x86_64-linux-gnu.so"``.
    :ivar source: where it was found: ``"python="``, an environment variable's name, ``"PATH"``,
        ``"pyenv"``, ``"uv"`` or ``"current"``.
    """

    path: str
    version: tuple[int, int]
    architecture: str
    platform: str
    implementation: str
    ext_suffix: str
    source: str

    def matches(self, runtime: str, architecture: str) -> bool:
        """Whether this is CPython of ``runtime``'s version on ``architecture``."""
        return (
            self.implementation == "cpython"
            and self.version == runtime_version(runtime)
            and self.architecture == architecture
        )

    def describe(self) -> str:
        """``"CPython 3.12 on x86_64 (/usr/bin/python3.12, from PATH)"``."""
        name = "CPython" if self.implementation == "cpython" else self.implementation
        return f"{name} {self.version[0]}.{self.version[1]} on {self.architecture} ({self.path}, from {self.source})"


_probes: dict[tuple[str, int], Interpreter | None] = {}
_found: dict[tuple[object, ...], Interpreter] = {}
_lock = threading.Lock()


def _current() -> Interpreter:
    return Interpreter(
        path=sys.executable,
        version=(sys.version_info[0], sys.version_info[1]),
        architecture=lambda_architecture(platform.machine()),
        platform=sys.platform,
        implementation=sys.implementation.name,
        ext_suffix=sysconfig.get_config_var("EXT_SUFFIX") or "",
        source="current",
    )


def probe(executable: str, source: str) -> Interpreter | None:
    """Ask ``executable`` what it is; ``None`` if it does not run as a Python (cached per file)."""
    try:
        stat = os.stat(executable)
    except OSError:
        return None
    key = (os.path.realpath(executable), stat.st_mtime_ns)
    with _lock:
        if key in _probes:
            found = _probes[key]
            return None if found is None else Interpreter(**{**found.__dict__, "source": source})
    try:
        done = subprocess.run(
            [executable, "-I", "-S", "-c", _PROBE],
            capture_output=True, text=True, timeout=PROBE_TIMEOUT, stdin=subprocess.DEVNULL,
        )
        facts = json.loads(done.stdout) if done.returncode == 0 else None
    except (OSError, subprocess.SubprocessError, ValueError):
        facts = None
    found = None
    if facts:
        found = Interpreter(
            path=facts["executable"] or executable,
            version=(int(facts["version"][0]), int(facts["version"][1])),
            architecture=lambda_architecture(facts["machine"]),
            platform=facts["platform"],
            implementation=facts["implementation"],
            ext_suffix=facts["ext_suffix"],
            source=source,
        )
    with _lock:
        _probes[key] = found
    return found


def _pyenv_root(environ: Mapping[str, str]) -> Path | None:
    if environ.get("PYENV_ROOT"):
        return Path(environ["PYENV_ROOT"])
    pyenv = _which("pyenv", environ)
    if pyenv is None:
        return None
    try:
        done = subprocess.run([pyenv, "root"], capture_output=True, text=True, timeout=PROBE_TIMEOUT, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return None
    root = done.stdout.strip()
    return Path(root) if done.returncode == 0 and root else None


def _which(name: str, environ: Mapping[str, str], skip: Path | None = None) -> str | None:
    return next(_on_path(name, environ, skip), None)


def _on_path(name: str, environ: Mapping[str, str], skip: Path | None = None) -> Iterator[str]:
    for folder in environ.get("PATH", "").split(os.pathsep):
        if not folder or (skip is not None and Path(folder) == skip):
            continue
        candidate = os.path.join(folder, name)
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            yield candidate


def _pyenv_candidates(version: tuple[int, int], root: Path | None) -> Iterator[str]:
    if root is None or not (root / "versions").is_dir():
        return
    name = f"python{version[0]}.{version[1]}"

    def patch(folder: Path) -> tuple[int, ...]:
        tail = folder.name[len(f"{version[0]}.{version[1]}."):]
        return tuple(int(part) for part in tail.split(".") if part.isdigit()) or (-1,)

    folders = [f for f in (root / "versions").glob(f"{version[0]}.{version[1]}.*") if (f / "bin" / name).is_file()]
    for folder in sorted(folders, key=patch, reverse=True):  # newest patch release first
        yield str(folder / "bin" / name)


def _uv_candidate(version: tuple[int, int], environ: Mapping[str, str]) -> Iterator[str]:
    uv = _which("uv", environ)
    if uv is None:
        return
    env = {k: v for k, v in environ.items() if k not in ("VIRTUAL_ENV", "UV_PYTHON")}
    env["UV_PYTHON_PREFERENCE"] = "only-managed"  # PATH was searched already
    try:
        done = subprocess.run(
            [uv, "python", "find", f"{version[0]}.{version[1]}"],
            capture_output=True, text=True, timeout=PROBE_TIMEOUT, env=env, stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.SubprocessError):
        return
    if done.returncode == 0 and done.stdout.strip():
        yield done.stdout.strip().splitlines()[-1]


def _named(path: str, source: str, argument: str) -> Interpreter:
    found = probe(path, source)
    if found is None:
        raise ConfigurationError(
            f"{argument}={path!r} is not a Python interpreter that runs here. Give the path of a "
            "python3.X executable (for example from `pyenv which python3.13` or `uv python find 3.13`).",
            argument=argument,
            value=path,
        )
    return found


def find_interpreter(
    runtime: str,
    architecture: str,
    explicit: str | os.PathLike[str] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
) -> Interpreter:
    """The interpreter to run a ``runtime``/``architecture`` package with.

    Search order:

    1. ``explicit`` (``invoke(..., python=...)``), used as given;
    2. the environment variable ``CDKTF_USERPOOL_PYTHON3_12`` (for ``python3.12``; one per
       runtime), then ``CDKTF_USERPOOL_PYTHON``: a path, used as given;
    3. ``python3.12`` on ``PATH`` (pyenv's shims are skipped: step 4 covers them);
    4. pyenv: ``$PYENV_ROOT`` or ``pyenv root``, ``versions/3.12.*/bin/python3.12``, newest first;
    5. uv-managed Pythons: ``uv python find 3.12``, when ``uv`` is on ``PATH``;
    6. the current interpreter.

    Steps 3 to 6 take the first CPython of the runtime's version on ``architecture``; when none
    is on ``architecture``, the first of the runtime's version; when none has that version, the
    current interpreter. The caller decides whether a mismatch can still run (pure Python) or not.

    :param runtime: the Lambda runtime, e.g. ``"python3.12"``.
    :param architecture: ``"arm64"`` or ``"x86_64"``.
    :param explicit: an interpreter to use. Default: ``None``, search.
    :param environ: the environment to read ``PATH``, ``PYENV_ROOT`` and the variables above from.
        Default: ``os.environ``.
    :raises ConfigurationError: if a named interpreter (``explicit`` or a variable) does not run.
    """
    environ = os.environ if environ is None else environ
    version = runtime_version(runtime)
    if explicit is not None:
        return _named(os.fspath(explicit), "python=", "python")
    for variable in (f"{ENV_VAR}{version[0]}_{version[1]}", ENV_VAR):
        if environ.get(variable):
            return _named(environ[variable], variable, variable)
    key = (runtime, architecture, environ.get("PATH"), environ.get("PYENV_ROOT"))
    with _lock:
        if key in _found:
            return _found[key]
    chosen = _search(version, architecture, environ)
    with _lock:
        _found[key] = chosen
    return chosen


def _search(version: tuple[int, int], architecture: str, environ: Mapping[str, str]) -> Interpreter:
    runtime = f"python{version[0]}.{version[1]}"
    root = _pyenv_root(environ)
    shims = root / "shims" if root is not None else None
    same_version: Interpreter | None = None

    def candidates() -> Iterator[Interpreter]:
        for path in _on_path(f"python{version[0]}.{version[1]}", environ, skip=shims):
            if (found := probe(path, "PATH")) is not None:
                yield found
        for path in _pyenv_candidates(version, root):
            if (found := probe(path, "pyenv")) is not None:
                yield found
        for path in _uv_candidate(version, environ):
            if (found := probe(path, "uv")) is not None:
                yield found
        yield _current()

    for found in candidates():
        if found.matches(runtime, architecture):
            return found
        if same_version is None and found.implementation == "cpython" and found.version == version:
            same_version = found
    return same_version or _current()
