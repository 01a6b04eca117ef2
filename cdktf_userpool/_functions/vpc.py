"""A ``Function`` in a VPC: its ``vpc_config``, the narrowest IAM statements Lambda needs, and the egress warning.

Lambda creates and manages the function's network interfaces (Hyperplane ENIs) with the function's
own role. Of the EC2 actions it needs, ``DescribeNetworkInterfaces`` and ``DescribeSubnets`` support
no resource-level permissions (only ``"*"``); ``CreateNetworkInterface`` authorizes the new
interface, the subnet and the security groups as resources, so it is scoped to the function's own
subnets and security groups (and interfaces in its account and region); ``DeleteNetworkInterface``,
``AssignPrivateIpAddresses`` and ``UnassignPrivateIpAddresses`` act on existing interfaces, whose
IDs Lambda picks: they are scoped to interfaces of the account and region, conditioned on the
interface being in one of the function's subnets (``ec2:Subnet``, the subnet's ARN). Non-goal:
creating the network (VPC, subnets, NAT, endpoints).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from types import FrameType

from .._core.cdk import Token
from .._core.policy import Statement, allow
from ..errors import ArgumentTypeError, ConfigurationError

__all__ = ["VpcPlacement", "caller_stacklevel", "network_statements", "resolve_vpc", "vpc_warning"]

_SUBNET = re.compile(r"^subnet-[0-9a-f]{8,17}$")
_SECURITY_GROUP = re.compile(r"^sg-[0-9a-f]{8,17}$")
MAX_SECURITY_GROUPS = 5
MAX_SUBNETS = 16


@dataclass(frozen=True)
class VpcPlacement:
    """Where a function's network interfaces go: its subnets and security groups (IDs or references)."""

    subnet_ids: tuple[str, ...]
    security_group_ids: tuple[str, ...]


def _ids(value: object, argument: str, pattern: re.Pattern[str], example: str, limit: int, where: str) -> tuple[str, ...]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence) or not all(isinstance(v, str) for v in value):
        raise ArgumentTypeError(
            f"Function {where!r} got {argument}={value!r}, which is not a list of IDs. Pass a list, like "
            f"{argument}=[{example!r}].",
            argument=argument,
            value=value,
            expected=("list of str",),
        )
    if not value or len(value) > limit:
        raise ConfigurationError(
            f"Function {where!r} got {argument}={list(value)!r}; Lambda takes 1 to {limit} of them. "
            f"Give at least one, like {argument}=[{example!r}].",
            construct_path=where,
            argument=argument,
            value=list(value),
        )
    for item in value:
        if not (Token.is_unresolved(item) or pattern.match(item)):
            raise ConfigurationError(
                f"Function {where!r} got {argument}=[..., {item!r}, ...], which is not an ID like {example!r}. "
                "Pass the IDs (or the provider resources' .id).",
                construct_path=where,
                argument=argument,
                value=item,
            )
    literal = [v for v in value if not Token.is_unresolved(v)]
    twice = sorted({v for v in literal if literal.count(v) > 1})
    if twice:
        raise ConfigurationError(
            f"Function {where!r} got {twice[0]!r} twice in {argument}=. List each once.",
            construct_path=where,
            argument=argument,
            value=twice[0],
        )
    return tuple(value)


def resolve_vpc(subnet_ids: object, security_group_ids: object, *, where: str) -> VpcPlacement | None:
    """Check ``vpc_subnet_ids`` and ``vpc_security_group_ids``: both or neither.

    :raises ConfigurationError: if only one is given, one is empty or too long, or an ID is malformed.
    :raises ArgumentTypeError: if one is not a list of strings.
    """
    if subnet_ids is None and security_group_ids is None:
        return None
    if subnet_ids is None or security_group_ids is None:
        given, missing = ("vpc_subnet_ids", "vpc_security_group_ids") if subnet_ids is not None else (
            "vpc_security_group_ids", "vpc_subnet_ids")
        raise ConfigurationError(
            f"Function {where!r} got {given} without {missing}; Lambda places a function in a VPC only with both. "
            f"Pass {missing}= as well (or neither, to run outside any VPC).",
            construct_path=where,
            argument=missing,
            value=None,
        )
    return VpcPlacement(
        _ids(subnet_ids, "vpc_subnet_ids", _SUBNET, "subnet-0123456789abcdef0", MAX_SUBNETS, where),
        _ids(security_group_ids, "vpc_security_group_ids", _SECURITY_GROUP, "sg-0123456789abcdef0", MAX_SECURITY_GROUPS, where),
    )


def network_statements(placement: VpcPlacement, *, partition: str, region: str, account: str) -> list[Statement]:
    """The statements that let Lambda manage the function's network interfaces, and nothing else (see the module docstring)."""
    prefix = f"arn:{partition}:ec2:{region}:{account}"
    subnets = [f"{prefix}:subnet/{s}" for s in placement.subnet_ids]
    groups = [f"{prefix}:security-group/{g}" for g in placement.security_group_ids]
    interfaces = f"{prefix}:network-interface/*"
    return [
        # the Describe actions support no resource-level permissions: "*" is the narrowest possible
        allow("DescribeNetworkInterfaces", ["ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets"], "*"),
        allow("CreateNetworkInterfacesInOwnSubnets", ["ec2:CreateNetworkInterface"], [interfaces, *subnets, *groups]),
        allow(
            "ManageNetworkInterfacesInOwnSubnets",
            ["ec2:AssignPrivateIpAddresses", "ec2:DeleteNetworkInterface", "ec2:UnassignPrivateIpAddresses"],
            interfaces,
            Condition={"ArnEquals": {"ec2:Subnet": subnets}},
        ),
    ]


def vpc_warning(where: str) -> str:
    """The warning for a function placed in a VPC: its AWS calls need a way out of it."""
    return (
        f"Function {where!r} runs in a VPC (vpc_subnet_ids=): its calls to AWS APIs leave through that VPC, "
        "so the subnets need a route to a NAT gateway, or VPC interface endpoints for what it calls "
        "(com.amazonaws.<region>.cognito-idp for calls to its pool, com.amazonaws.<region>.kms for a custom "
        "sender's decryption, and any other service it uses); without one those calls hang until the timeout, "
        "past Cognito's 5-second limit. Once the network is in place, silence this with "
        "warnings.filterwarnings('ignore', message='.* runs in a VPC', category=UserPoolWarning)."
    )


_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))
_PASS_THROUGH = ("jsii", "typeguard", "constructs")


def caller_stacklevel() -> int:
    """The ``stacklevel`` that points a warning at the app's line (outside this library and jsii)."""
    frame: FrameType | None = sys._getframe(1)
    level = 1
    while frame is not None:
        filename = os.path.abspath(frame.f_code.co_filename)
        module = frame.f_globals.get("__name__", "")
        if not filename.startswith(_PACKAGE_DIR + os.sep) and module.partition(".")[0] not in _PASS_THROUGH:
            return level
        frame, level = frame.f_back, level + 1
    return level
