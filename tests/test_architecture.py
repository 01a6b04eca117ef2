"""The package's layers and the absence of import circles, as pyproject.toml's import-linter contracts state them
(docs/architecture.md explains the layers). A new circle or an import against the layers fails here, naming the modules."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
CONTRACTS = ("no-circles", "package-layers", "local-layers", "local-cognito-layers")


def lint_imports(cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(LINT_IMPORTS), "--config", str(cwd / "pyproject.toml"), "--no-cache"], cwd=cwd,
                          capture_output=True, text=True, timeout=300, check=False)


def test_the_package_keeps_its_contracts() -> None:
    done = lint_imports(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"Contracts: 4 kept, 0 broken", done.stdout), done.stdout
    text = (ROOT / "pyproject.toml").read_text()
    assert all(f'id = "{contract}"' in text for contract in CONTRACTS)


def test_a_circle_and_an_import_against_the_layers_fail_naming_the_modules(tmp_path: Path) -> None:
    """The check can fail: a copy of the package where the bottom layer imports the pool."""
    shutil.copytree(ROOT / "cdktf_userpool", tmp_path / "cdktf_userpool", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    naming = tmp_path / "cdktf_userpool" / "_core" / "naming.py"
    naming.write_text(naming.read_text() + "\n\ndef _planted() -> object:\n    from .._pool import user_pool\n\n"
                      "    return user_pool\n")
    done = lint_imports(tmp_path)
    assert done.returncode != 0
    assert "Contracts: 2 kept, 2 broken" in done.stdout, done.stdout
    assert "cdktf_userpool._core.naming -> cdktf_userpool._pool.user_pool" in done.stdout, done.stdout


def test_the_architecture_page_states_the_layers_of_the_contract() -> None:
    """docs/architecture.md's table of layers is pyproject.toml's ``package-layers`` contract, row for row."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
    layers = next(c for c in config if c["id"] == "package-layers")["layers"]
    contract = [sorted(m.strip().removeprefix("cdktf_userpool.") for m in re.split(r"[|:]", row)) for row in layers]
    page = (ROOT / "docs" / "architecture.md").read_text()
    rows = re.findall(r"^\| (\d+) \| ([^|]+(?:\\\|[^|]+)*) \|", page, flags=re.MULTILINE)
    table = [sorted(re.findall(r"`([\w.]+)`", modules)) for _, modules in rows]
    assert table == contract


def test_every_module_the_architecture_page_names_exists() -> None:
    page = (ROOT / "docs" / "architecture.md").read_text()
    package = ROOT / "cdktf_userpool"
    named = set(re.findall(r"`((?:[\w]+/)+[\w]+\.py)`", page))
    assert len(named) >= 20
    missing = [n for n in sorted(named) if not any((base / n).is_file() for base in (ROOT, package, package / "local",
                                                                                          package / "local" / "cognito"))]
    assert not missing, f"docs/architecture.md names modules that are not there: {missing}"
    for name in set(re.findall(r"`(_[a-z]\w+)`", page)) - {"__all__"}:  # local/cognito's and local's modules by bare name
        candidates = [package / f"{name}.py", package / name, package / "local" / f"{name}.py",
                      package / "local" / name, package / "local" / "cognito" / f"{name}.py",
                      package / "_pool" / f"{name}.py"]
        assert any(c.exists() for c in candidates), f"docs/architecture.md names {name}, which is not a module"
