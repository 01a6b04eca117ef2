"""Run a callback when cdktf synthesizes one resource: settings that depend on what the app adds later.

``lambda_config`` (the triggers attached by then), an identity pool's providers (the clients added by
then) and the trigger updater's input are all written this way, once, just before the resource is.
"""

from __future__ import annotations

from collections.abc import Callable

import jsii
from .cdk import Aspects, IAspect
from constructs import IConstruct

__all__ = ["render_at_synth"]


@jsii.implements(IAspect)
class _RenderAtSynth:
    def __init__(self, resource: IConstruct, render: Callable[[], None]) -> None:
        self._resource = resource
        self._render = render

    def visit(self, node: IConstruct) -> None:
        """Called by cdktf for the resource (the aspect is added to it alone) before it is written."""
        if node is self._resource:
            self._render()


def render_at_synth(resource: IConstruct, render: Callable[[], None]) -> None:
    """Call ``render`` when cdktf synthesizes ``resource``, before the resource is written."""
    Aspects.of(resource).add(_RenderAtSynth(resource, render))
