"""Identity pools: bound to the pool's clients, roles with trust scoped to the identity pool, group role mappings."""

from __future__ import annotations

from typing import Any

import pytest

from cdktf_userpool import ArgumentTypeError, ConfigurationError, UserPool
from cdktf_userpool._core.expressions import decode_jsonencode
from tests._graph import dependency_graph, find_cycle
from tests._synth import new_stack, only, ref, synth


@pytest.fixture(scope="module")
def doc() -> dict[str, Any]:
    stack = new_stack("identity")
    pool = UserPool(stack, "Pool")
    pool.add_client("Web")
    identity = pool.add_identity_pool()
    identity.grant_authenticated(["s3:GetObject"], ["arn:aws:s3:::bucket/${cognito-identity.amazonaws.com:sub}/*"])
    identity.grant_authenticated(["dynamodb:GetItem"], ["arn:aws:dynamodb:eu-west-1:123456789012:table/t"])
    admins = identity.create_role("AdminsRole")
    pool.add_group("admins", precedence=0, role=admins)
    pool.add_client("Mobile")  # added after the identity pool: still trusted (read at synth)
    guests_pool = UserPool(stack, "Guests")
    guests_pool.add_client("Kiosk")
    guests = guests_pool.add_identity_pool("Open", allow_unauthenticated=True, server_side_token_check=False)
    guests.grant_unauthenticated(["execute-api:Invoke"], ["arn:aws:execute-api:eu-west-1:123456789012:abc/*"])
    return synth(stack)


def blocks(doc: dict[str, Any], rtype: str, prefix: str) -> dict[str, Any]:
    return {k: v for k, v in doc["resource"][rtype].items() if k.startswith(prefix)}


def test_identity_pool_trusts_every_client_of_its_pool(doc: dict[str, Any]) -> None:
    (name, identity), = blocks(doc, "aws_cognito_identity_pool", "Pool_").items()
    pool_name = next(k for k in doc["resource"]["aws_cognito_user_pool"] if k.startswith("Pool_"))
    clients = doc["resource"]["aws_cognito_user_pool_client"]
    web, mobile = (next(k for k in clients if k.startswith(f"Pool_{c}_")) for c in ("Web", "Mobile"))
    assert identity["allow_unauthenticated_identities"] is False
    assert identity["allow_classic_flow"] is False
    providers = identity["cognito_identity_providers"]
    assert [p["client_id"] for p in providers] == [ref("aws_cognito_user_pool_client", c, "id") for c in (web, mobile)]
    assert {p["provider_name"] for p in providers} == {ref("aws_cognito_user_pool", pool_name, "endpoint")}
    assert all(p["server_side_token_check"] is True for p in providers)


def test_roles_are_attached_with_token_mappings_for_group_roles(doc: dict[str, Any]) -> None:
    (_, attachment), = blocks(doc, "aws_cognito_identity_pool_roles_attachment", "Pool_").items()
    (identity_name, _), = blocks(doc, "aws_cognito_identity_pool", "Pool_").items()
    assert attachment["identity_pool_id"] == ref("aws_cognito_identity_pool", identity_name, "id")
    assert set(attachment["roles"]) == {"authenticated"}
    mappings = attachment["role_mapping"]
    assert len(mappings) == 2
    for mapping in mappings:
        assert mapping["type"] == "Token" and mapping["ambiguous_role_resolution"] == "AuthenticatedRole"
        assert mapping["identity_provider"].startswith("${aws_cognito_user_pool.Pool_")
        assert ":${aws_cognito_user_pool_client.Pool_" in mapping["identity_provider"]
    (_, guests), = blocks(doc, "aws_cognito_identity_pool_roles_attachment", "Guests_").items()
    assert set(guests["roles"]) == {"authenticated", "unauthenticated"}
    assert "role_mapping" not in guests  # no group has a role


@pytest.mark.parametrize(("prefix", "amr"), [("Pool_IdentityPool_AuthenticatedRole", "authenticated"),
                                             ("Pool_IdentityPool_AdminsRole", "authenticated"),
                                             ("Guests_Open_UnauthenticatedRole", "unauthenticated")])
def test_trust_is_scoped_to_this_identity_pool_and_the_kind_of_identity(doc: dict[str, Any], prefix: str, amr: str) -> None:
    (_, role), = blocks(doc, "aws_iam_role", prefix).items()
    owner = prefix.split("_")[0] + "_" + prefix.split("_")[1]
    (identity_name, _), = blocks(doc, "aws_cognito_identity_pool", owner).items()
    (statement,) = decode_jsonencode(role["assume_role_policy"])["Statement"]
    assert statement["Principal"] == {"Federated": "cognito-identity.amazonaws.com"}
    assert statement["Action"] == ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"]
    assert statement["Condition"] == {
        "StringEquals": {"cognito-identity.amazonaws.com:aud": ref("aws_cognito_identity_pool", identity_name, "id")},
        "ForAnyValue:StringLike": {"cognito-identity.amazonaws.com:amr": amr},
    }


def test_grants_are_statements_in_one_policy_per_role(doc: dict[str, Any]) -> None:
    (_, policy), = blocks(doc, "aws_iam_role_policy", "Pool_IdentityPool_AuthenticatedRole").items()
    statements = decode_jsonencode(policy["policy"])["Statement"]
    assert [(s["Action"], s["Resource"]) for s in statements] == [
        # "$${" is Terraform's escape: IAM receives its own policy variable ${cognito-identity.amazonaws.com:sub}
        ("s3:GetObject", "arn:aws:s3:::bucket/$${cognito-identity.amazonaws.com:sub}/*"),
        ("dynamodb:GetItem", "arn:aws:dynamodb:eu-west-1:123456789012:table/t"),
    ]
    (_, guests), = blocks(doc, "aws_iam_role_policy", "Guests_Open_UnauthenticatedRole").items()
    assert decode_jsonencode(guests["policy"])["Statement"][0]["Action"] == "execute-api:Invoke"


def test_group_role_is_the_identity_pool_role(doc: dict[str, Any]) -> None:
    (group,) = doc["resource"]["aws_cognito_user_group"].values()
    (role_name, _), = blocks(doc, "aws_iam_role", "Pool_IdentityPool_AdminsRole").items()
    assert group["role_arn"] == ref("aws_iam_role", role_name, "arn")


def test_graph_is_acyclic(doc: dict[str, Any]) -> None:
    assert find_cycle(dependency_graph(doc)) is None


@pytest.mark.parametrize(
    ("call", "error", "phrase"),
    [
        (lambda i: i.grant_authenticated([], ["arn:aws:s3:::b/*"]), ConfigurationError, "both need at least one"),
        (lambda i: i.grant_authenticated(["*"], ["arn:aws:s3:::b/*"]), ConfigurationError, "service:Action"),
        (lambda i: i.grant_authenticated(["s3:*"], ["arn:aws:s3:::b/*"]), ConfigurationError, "grant more than"),
        (lambda i: i.grant_authenticated(["s3:GetObject"], ["*"]), ConfigurationError, "allow_any_resource=True"),
        (lambda i: i.grant_unauthenticated(["s3:GetObject"], ["arn:aws:s3:::b/*"]), ConfigurationError,
         "allow_unauthenticated=True"),
    ],
)
def test_refusals(call: Any, error: type[Exception], phrase: str) -> None:
    identity = UserPool(new_stack(), "Pool").add_identity_pool()
    with pytest.raises(error, match=phrase.replace("*", r"\*")):
        call(identity)


def test_any_resource_when_asked() -> None:
    stack = new_stack()
    identity = UserPool(stack, "Pool").add_identity_pool()
    identity.grant_authenticated(["mobiletargeting:PutEvents"], ["*"], allow_any_resource=True)
    _, policy = only(synth(stack), "aws_iam_role_policy")
    assert decode_jsonencode(policy["policy"])["Statement"][0]["Resource"] == "*"


def test_clients_must_be_this_pools() -> None:
    stack = new_stack()
    pool, other = UserPool(stack, "Pool"), UserPool(stack, "Other")
    foreign = other.add_client("Web")
    with pytest.raises(ConfigurationError, match="of another user pool") as err:
        pool.add_identity_pool(clients=[foreign])
    assert err.value.argument == "clients"
    with pytest.raises(ArgumentTypeError, match="pool.add_client"):
        pool.add_identity_pool("Second", clients=["client-id"])  # type: ignore[list-item]


def test_explicit_clients_limit_the_providers() -> None:
    stack = new_stack()
    pool = UserPool(stack, "Pool")
    web = pool.add_client("Web")
    pool.add_client("Admin")
    pool.add_identity_pool(clients=[web])
    doc = synth(stack)
    _, identity = only(doc, "aws_cognito_identity_pool")
    web_name = next(k for k in doc["resource"]["aws_cognito_user_pool_client"] if k.startswith("Pool_Web_"))
    assert [p["client_id"] for p in identity["cognito_identity_providers"]] == [
        ref("aws_cognito_user_pool_client", web_name, "id")
    ]
