"""Snapshot tests of stacks with syrupy: each stack's snapshot in a Markdown file of its own.

Load it as a pytest plugin (in ``conftest.py``: ``pytest_plugins = ["cdktf_userpool.testing.syrupy"]``)
and use the ``stack_snapshot`` fixture::

    from cdktf_userpool.testing import snapshot

    def test_auth_stack(stack, stack_snapshot):
        assert snapshot(stack) == stack_snapshot

The first ``pytest --snapshot-update`` writes ``__snapshots__/<test file>/<test name>.md`` beside the
test (commit it); later runs compare, and a change fails with a line diff of the document (the
Terraform, or a trigger's source). :class:`StackSnapshotExtension` can also be passed to syrupy's own
fixture: ``snapshot.use_extension(StackSnapshotExtension)``. Needs syrupy (the ``test`` extra pins it).
"""

from __future__ import annotations

from typing import Any

import pytest
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from ..errors import ArgumentTypeError

__all__ = ["StackSnapshotExtension", "stack_snapshot"]


class StackSnapshotExtension(SingleFileSnapshotExtension):
    """syrupy extension storing a :func:`~cdktf_userpool.testing.snapshot` as a UTF-8 Markdown file per test."""

    _write_mode = WriteMode.TEXT
    file_extension = "md"

    def serialize(self, data: Any, **kwargs: Any) -> str:
        """The document itself; anything but a ``str`` (what ``snapshot(stack)`` returns) is refused."""
        if not isinstance(data, str):
            raise ArgumentTypeError(
                f"stack_snapshot compares the document snapshot(stack) returns; got {type(data).__name__}. Compare "
                "snapshot(stack) == stack_snapshot (from cdktf_userpool.testing import snapshot).",
                argument="data", value=data, expected=("str (snapshot(stack))",),
            )
        return str(data)


@pytest.fixture
def stack_snapshot(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    """syrupy's ``snapshot`` fixture storing stack snapshots with :class:`StackSnapshotExtension`."""
    return snapshot.use_extension(StackSnapshotExtension)
