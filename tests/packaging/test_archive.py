"""archive: package layout, deterministic zip, content hash, atomic writes."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest

from cdktf_userpool._packaging.archive import build_zip, content_hash, package_files, write_atomically
from cdktf_userpool._packaging.source import GeneratedModule
from cdktf_userpool.errors import PackagingError

ENTRY = Path(__file__).resolve().parents[2] / "cdktf_userpool" / "_runtime" / "entry.py"
FILES = {"trigger.py": b"x = 1\n", "pkg/mod.py": b"y = 2\n" * 100, "a.py": b""}


def _module(files: dict[str, bytes] | None = None) -> GeneratedModule:
    return GeneratedModule(
        text="__cdktf_userpool_handler__ = print\n",
        handler_name="print",
        origin="app.py:1",
        environment={},
        files=files or {"zeta/__init__.py": b"", "alpha.py": b"A = 1\n"},
        requirements=(),
    )


def test_package_files_layout() -> None:
    files = package_files(_module())
    assert list(files) == ["alpha.py", "cdktf_userpool_entry.py", "trigger.py", "zeta/__init__.py"]
    assert files["trigger.py"] == b"__cdktf_userpool_handler__ = print\n"
    assert files["cdktf_userpool_entry.py"] == ENTRY.read_bytes()


@pytest.mark.parametrize("path", ["trigger.py", "cdktf_userpool_entry.py"])
def test_package_files_refuses_to_replace_the_runtime(path: str) -> None:
    with pytest.raises(PackagingError, match="Rename that module"):
        package_files(_module({path: b""}))


def test_zip_is_deterministic_and_normalized() -> None:
    data = build_zip(FILES)
    assert data == build_zip(dict(reversed(list(FILES.items()))))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.comment == b""
        infos = archive.infolist()
        assert [i.filename for i in infos] == sorted(FILES)
        for info in infos:
            assert info.date_time == (1980, 1, 1, 0, 0, 0)
            assert info.external_attr >> 16 == 0o100644
            assert info.create_system == 3
            assert info.compress_type == zipfile.ZIP_DEFLATED
            assert info.extra == b"" and info.comment == b""
            assert not info.is_dir()
            assert archive.read(info) == FILES[info.filename]


def test_zip_changes_with_content() -> None:
    assert build_zip(FILES) != build_zip({**FILES, "a.py": b"changed"})


@pytest.mark.parametrize("path", ["/abs.py", "../up.py", "dir/", "", "a\\b.py"])
def test_zip_refuses_bad_paths(path: str) -> None:
    with pytest.raises(PackagingError, match="archive paths must be relative"):
        build_zip({path: b""})


def test_content_hash() -> None:
    digest = content_hash(FILES, salt={"runtime": "python3.13", "architecture": "arm64"})
    assert len(digest) == 64 and int(digest, 16) >= 0
    assert digest == content_hash(
        dict(reversed(list(FILES.items()))), salt={"architecture": "arm64", "runtime": "python3.13"}
    )
    assert digest != content_hash(FILES, salt={"runtime": "python3.12", "architecture": "arm64"})
    assert content_hash(FILES) != content_hash({**FILES, "a.py": b"!"})
    # unambiguous framing: moving bytes between a path and its content changes the hash
    assert content_hash({"ab": b"c"}) != content_hash({"a": b"bc"})
    assert content_hash({"a": b"", "b": b""}) != content_hash({"a": b"b"})
    assert content_hash({}, salt={"k": "v"}) != content_hash({"k": b"v"})


def test_write_atomically(tmp_path: Path) -> None:
    target = tmp_path / "out" / "asset.zip"
    write_atomically(target, b"first")
    write_atomically(target, b"second")
    assert target.read_bytes() == b"second"
    assert os.listdir(target.parent) == ["asset.zip"]


def test_write_atomically_leaves_nothing_half_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "asset.zip"
    target.write_bytes(b"old")

    def fail(*args: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["asset.zip"]
