"""Finding a provider mirror on the machine: only one the local deploy accepts, the newest, never in a temp folder.

The search and the CI script run on fake mirrors made in ``scratch`` (removed when each test ends, so
no later search finds them); the script's test also leaves a fake unsupported mirror in the system's
temp folder, as an earlier test run once did, and checks it is not what the script prints.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

import pytest

from cdktf_userpool.local import _toolchain
from cdktf_userpool.local._mirrors import AWS_PROVIDER, aws_versions, best, platform_name, search, supported
from cdktf_userpool.local._toolchain import PLUGIN_DIR_ENV, find_toolchain

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / ".ci" / "find-provider-mirror"


def fake_mirror(root: Path, *versions: str, target: str | None = None) -> Path:
    """A mirror at ``root`` holding empty AWS provider builds of ``versions`` (for this platform by default)."""
    for version in versions:
        build = root / AWS_PROVIDER / version / (target or platform_name())
        build.mkdir(parents=True)
        (build / f"terraform-provider-aws_v{version}_x5").write_text("")
    return root


def test_accepted_versions() -> None:
    assert [v for v in ("5.99.0", "5.100.0", "6.0.0-beta1", "6.25.0", "7.0.0", "x") if supported(v)] == [
        "5.100.0", "6.0.0-beta1", "6.25.0"]


def test_the_search_takes_the_newest_accepted_mirror_and_skips_the_rest(scratch: Path) -> None:
    fake_mirror(scratch / "opt" / "old", "5.99.0", "7.0.0")  # versions the local deploy refuses
    fake_mirror(scratch / "opt" / "arm", "6.30.0", target="plan9_mips")  # another platform
    fake_mirror(scratch / "opt" / "a" / "b" / "older", "5.100.0")
    fake_mirror(scratch / "opt" / "newer", "6.2.0")
    fake_mirror(scratch / "tmp" / "newest", "6.40.0")  # a test's leftover in a temp folder
    fake_mirror(scratch / "opt" / "proj" / ".terraform" / "providers", "6.50.0")  # a project's own cache
    skip = [scratch / "tmp"]
    assert search([scratch], skip=skip, depth=None) == scratch / "opt" / "newer"
    assert search([scratch / "opt" / "old", scratch / "opt" / "arm"], skip=skip) is None
    assert search([scratch / "opt" / "a"], skip=skip) == scratch / "opt" / "a" / "b" / "older"
    assert search([scratch / "opt" / "a"], skip=skip, depth=1) is None  # deeper than asked
    assert search([scratch / "missing"], skip=skip) is None
    assert aws_versions(scratch / "opt" / "old") == ()
    assert best([scratch / "opt" / "a" / "b" / "older", scratch / "opt" / "newer"]) == scratch / "opt" / "newer"


def test_the_ci_script_ignores_a_leftover_unsupported_mirror_in_the_temp_folder() -> None:
    """The bug of issue 21: a test's fake 'old' mirror under the temp folder was what the script printed."""
    env = {k: v for k, v in os.environ.items() if k != PLUGIN_DIR_ENV}
    with tempfile.TemporaryDirectory(prefix="cdktf-userpool-test-") as folder:
        leftover = fake_mirror(Path(folder) / "test_only_supported_provider_v0" / "old", "5.99.0", "7.0.0")
        done = subprocess.run([str(SCRIPT)], env=env, capture_output=True, text=True, timeout=420, check=False)
    assert done.returncode == 0, done.stderr
    printed = done.stdout.strip()
    assert printed != str(leftover)
    real = search()
    if real is None and not printed:
        pytest.skip("no AWS provider mirror on this machine: the script rightly printed nothing")
    assert printed, "the script printed nothing, yet a supported mirror is on this machine"
    assert aws_versions(Path(printed)), f"{printed} holds no AWS provider from 5.100 to 6.x for {platform_name()}"
    assert not any(Path(printed).resolve().is_relative_to(t) for t in map(Path, {tempfile.gettempdir(), "/tmp"}))


def test_the_ci_script_prefers_the_variable() -> None:
    done = subprocess.run([str(SCRIPT)], env={**os.environ, PLUGIN_DIR_ENV: "/somewhere/mirror"},
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.stdout.strip() == "/somewhere/mirror"


def test_the_library_finds_the_machine_s_mirror_without_the_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``LocalAws()`` with no variable set uses a mirror in the machine's software folders."""
    import shutil

    if shutil.which("terraform") is None:
        pytest.skip("terraform is not on the PATH")
    for name in (PLUGIN_DIR_ENV, "TF_PLUGIN_CACHE_DIR", "XDG_DATA_HOME", "XDG_DATA_DIRS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))  # no implied mirror in the home folder
    real = search()
    if real is None:
        pytest.skip("no AWS provider mirror in this machine's software folders")
    _toolchain._searched.cache_clear()
    try:
        found = find_toolchain()
    finally:
        _toolchain._searched.cache_clear()
    assert found.mirror == real and found.aws_versions == aws_versions(real)
