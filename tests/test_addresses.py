"""Resource addresses never move between versions of this library: a committed golden list, checked on both backends.

In Terraform a new address is a destroy and a create (for a pool: a new, empty pool), so a refactor
inside the library must never rename a resource in users' stacks. ``golden/addresses.json`` holds,
for the example app and the local test apps, every resource's construct path and address per stack;
a change fails with the old and the new address side by side, unless the synth carries a ``moved``
block from the old address to the new (what ``cdktf_userpool.moved_from`` emits): a library change
that must move an address calls it, then regenerates the list (``UPDATE_GOLDEN=1 .venv/bin/python -m
pytest tests/test_addresses.py``) with the moved blocks kept in the library.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import ROOT, synth_app

GOLDEN = Path(__file__).parent / "golden" / "addresses.json"
APPS = ("tests/local/apps/stacks.py", "tests/local/apps/triggers.py")


def moves(outdir: Path) -> set[tuple[str, str, str]]:
    """(stack, from, to) of every ``moved`` block of a synth."""
    return {(doc_path.parent.name, m["from"], m["to"]) for doc_path in sorted(outdir.glob("stacks/*/cdk.tf.json"))
            for m in json.loads(doc_path.read_text()).get("moved") or ()}


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


Synths = tuple[dict[str, dict[str, dict[str, str]]], dict[str, set[tuple[str, str, str]]]]


@pytest.fixture(scope="module")
def synths(synthesized: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Synths:
    outdirs = {"examples/app.py": synthesized[0]}
    for app in APPS:
        outdirs[app] = synth_app(ROOT / app, tmp_path_factory.mktemp(Path(app).stem))
    return ({app: addresses(out) for app, out in outdirs.items()}, {app: moves(out) for app, out in outdirs.items()})


def moved_elsewhere(golden: dict[str, dict[str, dict[str, str]]], synths: Synths) -> list[str]:
    """Each construct path whose address differs from ``golden``, as a line, unless a moved block covers it."""
    current, moved = synths
    problems = []
    for app in sorted(set(golden) | set(current)):
        for stack in sorted(set(golden.get(app, {})) | set(current.get(app, {}))):
            old, new = golden.get(app, {}).get(stack, {}), current.get(app, {}).get(stack, {})
            for path in sorted(set(old) | set(new)):
                if old.get(path) != new.get(path) and (stack, old.get(path), new.get(path)) not in moved.get(app, set()):
                    problems.append(f"{app} stack {stack!r}, {path}: was {old.get(path) or '(none)'}, now "
                                    f"{new.get(path) or '(none)'}")
    return problems


def test_no_address_moves(synths: Synths) -> None:
    current = synths[0]
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps(current, indent=1, sort_keys=True) + "\n")
    problems = moved_elsewhere(json.loads(GOLDEN.read_text()), synths)
    assert not problems, (
        "resource addresses moved (in Terraform a destroy and a create):\n" + "\n".join(problems)
        + "\nKeep the old addresses; if a change must move one, call cdktf_userpool.moved_from for it (a moved "
        "block) and run UPDATE_GOLDEN=1."
    )


def test_a_moved_address_passes_only_with_its_moved_block(synths: Synths) -> None:
    """The check itself: a renamed pool fails it, and passes once the synth moves the old address."""
    current, moved = synths
    golden = json.loads(json.dumps(current))
    stack, addresses_ = next(iter(golden["examples/app.py"].items()))
    path, address = next((p, a) for p, a in addresses_.items() if a.startswith("aws_cognito_user_pool."))
    addresses_[path] = address.replace(".", ".Renamed", 1)  # what an older version called it
    (problem,) = moved_elsewhere(golden, synths)
    assert f"{path}: was {addresses_[path]}, now {address}" in problem
    with_move = {**moved, "examples/app.py": moved["examples/app.py"] | {(stack, addresses_[path], address)}}
    assert moved_elsewhere(golden, (current, with_move)) == []


def test_the_golden_list_covers_every_pool_and_function() -> None:
    golden = json.loads(GOLDEN.read_text())
    pools = [a for app in golden.values() for stack in app.values() for a in stack.values()
             if a.startswith("aws_cognito_user_pool.")]
    assert len(pools) >= 8 and any(a.startswith("aws_lambda_function.") for s in golden["examples/app.py"].values()
                                   for a in s.values())
