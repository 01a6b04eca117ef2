"""What native code a package holds, and whether an interpreter can load it.

Three sources, any of which may be present: extension file names (``x.cpython-313-aarch64-linux-gnu.so``,
``x.cp313-win_amd64.pyd``), the binary's own header (ELF machine, Mach-O, PE), and the ``Tag:``
lines of the ``*.dist-info/WHEEL`` files (``cp313-cp313-manylinux_2_17_aarch64``).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ._interpreters import Interpreter, lambda_architecture

__all__ = ["NativeCode", "scan"]

_SUFFIXES = (".so", ".pyd", ".dylib")
_EXTENSION_TAG = re.compile(
    r"\.(?P<impl>cpython|pypy)-(?P<version>\d)(?P<minor>\d+)[a-z]*-(?P<machine>[a-z0-9_]+)-(?P<os>linux|darwin)[a-z-]*\.so$"
)
_PYD_TAG = re.compile(r"\.cp(?P<version>\d)(?P<minor>\d+)[a-z]*-(?P<platform>win[a-z0-9_]*)\.pyd$")
_ELF_MACHINES = {62: "x86_64", 183: "arm64", 3: "x86", 40: "arm"}
_PLATFORM_ARCH = re.compile(r"(x86_64|amd64|aarch64|arm64|i686|win32|universal2)$")


@dataclass(frozen=True)
class NativeCode:
    """What a package's native code needs. Empty sets: no constraint of that kind.

    :ivar files: the files that carry a constraint, relative to the package (extensions, wheel tags).
    :ivar versions: ``(major, minor)`` CPython versions the extensions are built for.
    :ivar architectures: Lambda architecture names the binaries are for.
    :ivar platforms: ``sys.platform`` values they are for (``"linux"``, ``"darwin"``, ``"win32"``).
    """

    files: tuple[str, ...] = ()
    versions: frozenset[tuple[int, int]] = field(default_factory=frozenset)
    architectures: frozenset[str] = field(default_factory=frozenset)
    platforms: frozenset[str] = field(default_factory=frozenset)

    def __bool__(self) -> bool:
        return bool(self.files)

    def loads_on(self, interpreter: Interpreter) -> bool:
        """Whether ``interpreter`` can import every extension of the package."""
        return (
            (not self.versions or (interpreter.implementation == "cpython" and self.versions <= {interpreter.version}))
            and self.architectures <= {interpreter.architecture}
            and self.platforms <= {interpreter.platform}
        )

    def describe(self) -> str:
        """``"CPython 3.13 on arm64 linux"``: what the native code is built for."""
        parts = [" or ".join(f"CPython {major}.{minor}" for major, minor in sorted(self.versions)) or "any Python"]
        if self.architectures:
            parts.append("on " + " and ".join(sorted(self.architectures)))
        if self.platforms:
            parts.append(" and ".join(sorted(self.platforms)))
        return " ".join(parts)


def _binary_kind(path: Path) -> tuple[str | None, str | None]:
    """(architecture, platform) from a binary's header, or ``None`` for what it does not tell."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(20)
    except OSError:
        return None, None
    if head[:4] == b"\x7fELF" and len(head) >= 20:
        machine = int.from_bytes(head[18:20], "little" if head[5] == 1 else "big")
        return _ELF_MACHINES.get(machine, f"elf-machine-{machine}"), "linux"
    if head[:4] in (b"\xcf\xfa\xed\xfe", b"\xce\xfa\xed\xfe", b"\xca\xfe\xba\xbe"):
        return None, "darwin"
    if head[:2] == b"MZ":
        return None, "win32"
    return None, None


def _wheel_tags(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    return [line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("Tag:")]


def scan(package: Path) -> NativeCode:
    """The native code under ``package`` (a package directory)."""
    files: list[str] = []
    versions: set[tuple[int, int]] = set()
    architectures: set[str] = set()
    platforms: set[str] = set()
    for folder, subfolders, names in os.walk(package):
        subfolders.sort()
        for name in sorted(names):
            path = Path(folder) / name
            relative = path.relative_to(package).as_posix()
            if name == "WHEEL" and folder.endswith(".dist-info"):
                tags = [tag for tag in _wheel_tags(path) if not tag.endswith("-any")]
                for tag in tags:
                    python, abi, platform_tag = (tag.split("-") + ["", "", ""])[:3]
                    files.append(f"{relative} (Tag: {tag})")
                    if python.startswith("cp") and python[2:].isdigit() and abi != "abi3":
                        versions.add((int(python[2]), int(python[3:])))
                    machine = _PLATFORM_ARCH.search(platform_tag)
                    if machine and machine.group(1) != "universal2":
                        architectures.add(lambda_architecture(machine.group(1)))
                    if platform_tag.startswith(("manylinux", "musllinux", "linux")):
                        platforms.add("linux")
                    elif platform_tag.startswith("macosx"):
                        platforms.add("darwin")
                    elif platform_tag.startswith("win"):
                        platforms.add("win32")
                continue
            if not (name.endswith(_SUFFIXES) or ".so." in name):
                continue
            files.append(relative)
            extension, pyd = _EXTENSION_TAG.search(name), _PYD_TAG.search(name)
            if extension:
                if extension["impl"] == "cpython":
                    versions.add((int(extension["version"]), int(extension["minor"])))
                architectures.add(lambda_architecture(extension["machine"]))
                platforms.add(extension["os"])
            elif pyd:
                versions.add((int(pyd["version"]), int(pyd["minor"])))
                platforms.add("win32")
            binary_arch, binary_os = _binary_kind(path)
            if binary_arch is not None:
                architectures.add(binary_arch)
            if binary_os is not None:
                platforms.add(binary_os)
    return NativeCode(tuple(files), frozenset(versions), frozenset(architectures), frozenset(platforms))
