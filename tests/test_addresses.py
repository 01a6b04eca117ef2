"""Resource addresses never move between versions of this library: a committed golden list, checked on both backends.

In Terraform a new address is a destroy and a create (for a pool: a new, empty pool), so a refactor
inside the library must never rename a resource in users' stacks. ``golden/addresses.json`` holds,
for the example app and the local test apps, every resource's construct path and address per stack;
a change fails with the old and the new address side by side. Regenerate it only for a deliberate
change (``UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_addresses.py``), and then the library
must emit ``moved`` blocks so Terraform plans a move.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import ROOT, synth_app

GOLDEN = Path(__file__).parent / "golden" / "addresses.json"
APPS = ("tests/local/apps/stacks.py", "tests/local/apps/triggers.py")


def addresses(outdir: Path) -> dict[str, dict[str, str]]:
    """Per stack of a synth: construct path -> address, for every resource and data source."""
    found: dict[str, dict[str, str]] = {}
    for doc_path in sorted(outdir.glob("stacks/*/cdk.tf.json")):
        doc = json.loads(doc_path.read_text())
        stack: dict[str, str] = {}
        for kind, prefix in (("resource", ""), ("data", "data.")):
            for rtype, blocks in (doc.get(kind) or {}).items():
                for name, block in blocks.items():
                    path = ((block.get("//") or {}).get("metadata") or {}).get("path", f"(no path) {name}")
                    stack[path] = f"{prefix}{rtype}.{name}"
        found[doc_path.parent.name] = dict(sorted(stack.items()))
    return found


@pytest.fixture(scope="module")
def current(synthesized: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, dict[str, str]]]:
    found = {"examples/app.py": addresses(synthesized[0])}
    for app in APPS:
        found[app] = addresses(synth_app(ROOT / app, tmp_path_factory.mktemp(Path(app).stem)))
    return found


def test_no_address_moves(current: dict[str, dict[str, dict[str, str]]]) -> None:
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps(current, indent=1, sort_keys=True) + "\n")
    golden = json.loads(GOLDEN.read_text())
    problems = []
    for app in sorted(set(golden) | set(current)):
        for stack in sorted(set(golden.get(app, {})) | set(current.get(app, {}))):
            old, new = golden.get(app, {}).get(stack, {}), current.get(app, {}).get(stack, {})
            for path in sorted(set(old) | set(new)):
                if old.get(path) != new.get(path):
                    problems.append(f"{app} stack {stack!r}, {path}: was {old.get(path) or '(none)'}, now "
                                    f"{new.get(path) or '(none)'}")
    assert not problems, (
        "resource addresses moved (in Terraform a destroy and a create):\n" + "\n".join(problems)
        + "\nKeep the old addresses; if a change is deliberate, emit moved blocks and run UPDATE_GOLDEN=1."
    )


def test_the_golden_list_covers_every_pool_and_function() -> None:
    golden = json.loads(GOLDEN.read_text())
    pools = [a for app in golden.values() for stack in app.values() for a in stack.values()
             if a.startswith("aws_cognito_user_pool.")]
    assert len(pools) >= 8 and any(a.startswith("aws_lambda_function.") for s in golden["examples/app.py"].values()
                                   for a in s.values())
