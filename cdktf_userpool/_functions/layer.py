"""Lambda layers of a ``Function``, and the distributions they provide so the packager leaves them out.

``Function(layers=[...])`` takes layer version ARNs, provider ``LambdaLayerVersion`` objects, or
:class:`Layer` to say that a layer provides distributions: the AWS Lambda Powertools public layer,
say, provides ``aws-lambda-powertools`` and everything it needs, so shipping it again in the package
would only make the zip bigger (and shadow the layer's copy, since the package comes first on
``sys.path``). This module checks the layers and names what they provide; it does not build layers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Union

from packaging.utils import canonicalize_name

from .._core.cdk import LambdaLayerVersion, Token, check_backend
from ..errors import ArgumentTypeError, ConfigurationError

if TYPE_CHECKING:
    LayerLike = Union[str, LambdaLayerVersion, "Layer"]
    """What ``Function(layers=[...])`` takes: a layer version ARN, a ``LambdaLayerVersion`` or a :class:`Layer`."""

__all__ = ["MAX_LAYERS", "Layer", "ResolvedLayers", "resolve_layers"]

MAX_LAYERS = 5
"""Lambda attaches at most five layers to a function."""
_LAYER_ARN = re.compile(r"^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:layer:[A-Za-z0-9_-]{1,140}:\d+$")
_DISTRIBUTION = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$")
LAYER_FORMS = ("a layer version ARN string", "LambdaLayerVersion", "cdktf_userpool.Layer")


@dataclass(frozen=True)
class Layer:
    """A layer of a ``Function``, with the distributions it provides.

    ``Layer(POWERTOOLS_ARN, provides=["aws-lambda-powertools"])`` attaches the layer and tells the
    packager not to ship ``aws-lambda-powertools``, nor what only it needs (its whole closure is the
    layer's job), whether the handler imports it or another distribution depends on it.

    :param arn: the layer version: its ARN (``arn:aws:lambda:<region>:<account>:layer:<name>:<version>``)
        or a provider ``LambdaLayerVersion`` of this app.
    :param provides: names of the distributions the layer provides, as pip names them
        (``"aws-lambda-powertools"``; no versions: the layer version decides them). Default: none.
    :raises ConfigurationError: if a name in ``provides`` is not a distribution name.
    :raises ArgumentTypeError: if ``provides`` is a string rather than a list of names.
    """

    arn: str | LambdaLayerVersion
    provides: Sequence[str] = field(default=())

    def __post_init__(self) -> None:
        if isinstance(self.provides, (str, bytes)) or not all(isinstance(p, str) for p in self.provides):
            raise ArgumentTypeError(
                f"Layer({_shown(self.arn)}) got provides={self.provides!r}, which is not a list of distribution names. "
                "Pass a list, like provides=['aws-lambda-powertools'].",
                argument="provides",
                value=self.provides,
                expected=("list of str",),
            )
        for name in self.provides:
            if not _DISTRIBUTION.match(name.strip()):
                raise ConfigurationError(
                    f"Layer({_shown(self.arn)}) got provides=[..., {name!r}, ...], which is not a distribution name. "
                    "Give the name pip installs it by, without a version or extras, like 'aws-lambda-powertools'.",
                    argument="provides",
                    value=name,
                )
        object.__setattr__(self, "provides", tuple(sorted({canonicalize_name(p.strip()) for p in self.provides})))


@dataclass(frozen=True)
class ResolvedLayers:
    """The layers of one function, checked.

    :ivar arns: the layer version ARNs (or references), in the order given (Lambda's order).
    :ivar provided: canonical names of the distributions they provide, sorted.
    """

    arns: tuple[str, ...] = ()
    provided: frozenset[str] = frozenset()


def _shown(value: object) -> str:
    return repr(value) if isinstance(value, str) else type(value).__name__


def resolve_layers(layers: object, *, runtime: str, architecture: str, where: str) -> ResolvedLayers:
    """Check ``Function(layers=...)`` and return the ARNs and what they provide.

    A ``LambdaLayerVersion`` whose literal ``compatible_runtimes`` or ``compatible_architectures``
    leave out the function's is refused: Lambda would refuse it at deploy.

    :param where: the function's construct path, for messages.
    :raises ArgumentTypeError: if ``layers`` is not a list, or an item is none of the accepted forms.
    :raises ConfigurationError: for an ARN that is not a layer version ARN, more than five layers,
        the same layer twice, or a layer built for another runtime or architecture.
    """
    if layers is None:
        return ResolvedLayers()
    if isinstance(layers, (str, bytes, Layer)) or not isinstance(layers, Sequence):
        raise ArgumentTypeError(
            f"Function {where!r} got layers={layers!r}, which is not a list. Pass a list of layers, like "
            "layers=['arn:aws:lambda:eu-west-1:123456789012:layer:shared:3'].",
            argument="layers",
            value=layers,
            expected=("list",),
        )
    if len(layers) > MAX_LAYERS:
        raise ConfigurationError(
            f"Function {where!r} got {len(layers)} layers; Lambda attaches at most {MAX_LAYERS}. Merge some of them.",
            construct_path=where,
            argument="layers",
            value=list(layers),
        )
    arns: list[str] = []
    provided: set[str] = set()
    for item in layers:
        layer = item if isinstance(item, Layer) else Layer(item)
        arns.append(_arn(layer.arn, runtime=runtime, architecture=architecture, where=where))
        provided.update(layer.provides)
    literal = [a for a in arns if not Token.is_unresolved(a)]
    twice = sorted({a for a in literal if literal.count(a) > 1})
    if twice:
        raise ConfigurationError(
            f"Function {where!r} got layer {twice[0]!r} twice in layers=. List each layer once.",
            construct_path=where,
            argument="layers",
            value=twice[0],
        )
    return ResolvedLayers(tuple(arns), frozenset(provided))


def _arn(value: object, *, runtime: str, architecture: str, where: str) -> str:
    if isinstance(value, str):
        if Token.is_unresolved(value) or _LAYER_ARN.match(value):
            return value
        raise ConfigurationError(
            f"Function {where!r} got layer {value!r}, which is not a layer version ARN. Lambda needs the ARN with "
            "its version, like 'arn:aws:lambda:eu-west-1:123456789012:layer:shared:3'.",
            construct_path=where,
            argument="layers",
            value=value,
        )
    check_backend(value, argument="layers", where=f"Function {where!r}")
    if isinstance(value, LambdaLayerVersion):
        for argument, given, wanted in (
            ("compatible_runtimes", value.compatible_runtimes_input, runtime),
            ("compatible_architectures", value.compatible_architectures_input, architecture),
        ):
            if isinstance(given, list) and given and not any(Token.is_unresolved(g) for g in given) and wanted not in given:
                raise ConfigurationError(
                    f"Function {where!r} runs on {wanted!r}, but its layer {value.node.path!r} has {argument}="
                    f"{given!r}, so Lambda would refuse it. Add {wanted!r} to the layer's {argument}, or use "
                    "another layer.",
                    construct_path=where,
                    argument="layers",
                    value=value.node.path,
                    choices=tuple(given),
                )
        return value.arn
    raise ArgumentTypeError(
        f"Function {where!r} got layer {value!r} of type {type(value).__name__}, which is not a layer. "
        f"Pass one of: {', '.join(LAYER_FORMS)}.",
        argument="layers",
        value=value,
        expected=LAYER_FORMS,
    )
