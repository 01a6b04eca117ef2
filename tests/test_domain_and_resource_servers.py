"""UserPoolDomain and ResourceServer: what they write, the URLs they build, and every refusal."""

from __future__ import annotations

import re
from typing import Any

import pytest
from tests._framework import TerraformOutput

from cdktf_userpool import ArgumentTypeError, ConfigurationError, UserPool
from cdktf_userpool._pool.domain import UserPoolDomain
from cdktf_userpool._pool.resource_server import ResourceServer, ResourceServerScope
from tests._synth import new_stack, ref, synth

CERT = "arn:aws:acm:us-east-1:123456789012:certificate/11-3336f1-44483d-adc7-9cd375c5169d"
CALLBACK = "https://app.example.com/callback?tab=1"
SERVER = "aws_cognito_resource_server"
DOMAIN = "aws_cognito_user_pool_domain"
CLIENT = "aws_cognito_user_pool_client"


@pytest.fixture(scope="module")
def built() -> dict[str, Any]:
    """One stack with servers, domains, clients and sign-in URLs, synthesized once."""
    stack = new_stack()
    pool = UserPool(stack, "Pool")
    orders = pool.add_resource_server("https://api.example.com/orders", scopes={"write": "Write orders", "read": "Read orders", "admin": "All"})
    named = ResourceServer(pool, "Billing", identifier="billing", scopes={"pay": "Pay"}, name="Billing API")
    alike = pool.add_resource_server("api-example-com-orders", scopes={"x": "X"})  # sanitizes like the first
    client = pool.add_client(
        "Web",
        allowed_oauth_flows=["code"],
        callback_urls=[CALLBACK, "http://localhost:3000/cb"],
        allowed_oauth_scopes=["openid", "email", orders.scope("read"), "billing/pay"],
    )
    domain = pool.add_domain(prefix="orders-app-1", managed_login_version=2)
    custom_pool = UserPool(stack, "Custom")
    custom = custom_pool.add_domain("Auth", domain="auth.example.com", certificate_arn=CERT)
    custom_client = custom_pool.add_client("Web", allowed_oauth_flows=["code"], callback_urls=[CALLBACK], allowed_oauth_scopes=["openid"])
    imported = UserPool.from_user_pool_id(stack, "Imported", "us-east-1_AbC123")
    imported_server = imported.add_resource_server("imported-api", scopes={"read": "Read"})
    imported_domain = imported.add_domain(prefix="imported-app")
    outputs = {
        "BaseUrl": domain.base_url,
        "CustomBaseUrl": custom.base_url,
        "SignIn": domain.sign_in_url(client, CALLBACK),
        "SignInScopes": domain.sign_in_url(client, CALLBACK, scopes=["openid", "email"]),
        "SignInServerScope": domain.sign_in_url(client, CALLBACK, scopes=["openid", orders.scope("read")]),
        "CustomSignIn": custom.sign_in_url(custom_client, CALLBACK),
        "Cloudfront": custom.cloudfront_domain_name,
    }
    for name, value in outputs.items():
        TerraformOutput(stack, name, value=value)
    return {
        "doc": synth(stack),
        "stack": stack,
        "pool": pool,
        "orders": orders,
        "named": named,
        "alike": alike,
        "client": client,
        "domain": domain,
        "custom": custom,
        "imported_server": imported_server,
        "imported_domain": imported_domain,
    }


@pytest.fixture(scope="module")
def doc(built: dict[str, Any]) -> dict[str, Any]:
    parsed: dict[str, Any] = built["doc"]
    return parsed


def named(doc: dict[str, Any], rtype: str, path_part: str, kind: str = "resource") -> str:
    (name,) = [n for n in doc[kind][rtype] if re.fullmatch(re.escape(path_part) + r"_[0-9A-F]{8}", n)]
    return str(name)


def block(doc: dict[str, Any], rtype: str, path_part: str) -> dict[str, Any]:
    found: dict[str, Any] = doc["resource"][rtype][named(doc, rtype, path_part)]
    return found


def output(doc: dict[str, Any], name: str) -> str:
    value: str = doc["output"][name]["value"]
    return value


# -- resource servers ------------------------------------------------------------------------------------


def test_resource_server_block_has_sorted_scopes_and_derived_id_and_name(doc: dict[str, Any]) -> None:
    server = block(doc, SERVER, "Pool_api-example-com-orders")
    assert server["identifier"] == "https://api.example.com/orders"
    assert server["name"] == "api.example.com-orders"  # scheme dropped, '/' is not allowed in names
    assert [s["scope_name"] for s in server["scope"]] == ["admin", "read", "write"]
    assert server["scope"][1] == {"scope_name": "read", "scope_description": "Read orders"}
    assert server["user_pool_id"] == ref("aws_cognito_user_pool", named(doc, "aws_cognito_user_pool", "Pool"), "id")


def test_explicit_name_and_id(doc: dict[str, Any], built: dict[str, Any]) -> None:
    billing = block(doc, SERVER, "Pool_Billing")
    assert (billing["identifier"], billing["name"]) == ("billing", "Billing API")
    assert built["named"].name == "Billing API" and built["named"].identifier == "billing"


def test_ids_that_sanitize_alike_stay_unique(built: dict[str, Any]) -> None:
    assert built["orders"].node.id == "api-example-com-orders"
    assert re.fullmatch(r"api-example-com-orders-[0-9a-f]{8}", built["alike"].node.id)


def test_client_scopes_reference_the_server_identifier(doc: dict[str, Any]) -> None:
    identifier = ref(SERVER, named(doc, SERVER, "Pool_api-example-com-orders"), "identifier")
    assert block(doc, CLIENT, "Pool_Web")["allowed_oauth_scopes"] == ["openid", "email", f"{identifier}/read", "billing/pay"]


def test_scope_objects(built: dict[str, Any]) -> None:
    orders: ResourceServer = built["orders"]
    read = orders.scope("read")
    assert isinstance(read, ResourceServerScope)
    assert read is orders.scopes["read"] and read.server is orders and read.name == "read"
    assert read.description == "Read orders"
    assert read.full_name == "https://api.example.com/orders/read"
    assert repr(read) == "ResourceServerScope('https://api.example.com/orders/read')"
    assert str(read) == str(read) and str(read).endswith("/read") and "${TfToken[" in str(read)
    assert list(orders.scopes) == ["admin", "read", "write"]
    with pytest.raises(TypeError):
        orders.scopes["new"] = read  # type: ignore[index]


def test_unknown_scope_gets_a_did_you_mean(built: dict[str, Any]) -> None:
    with pytest.raises(ConfigurationError, match="Did you mean 'read'") as err:
        built["orders"].scope("reed")
    assert err.value.argument == "name" and err.value.value == "reed"
    assert err.value.choices == ("admin", "read", "write")
    assert str(err.value).endswith(".")


def test_server_and_domain_on_imported_pool_use_the_data_source(doc: dict[str, Any]) -> None:
    data = ref("aws_cognito_user_pool", named(doc, "aws_cognito_user_pool", "Imported", kind="data"), "id", kind="data")
    assert block(doc, SERVER, "Imported_imported-api")["user_pool_id"] == data
    assert block(doc, DOMAIN, "Imported_Domain")["user_pool_id"] == data


# -- domains ---------------------------------------------------------------------------------------------


def test_prefix_domain_block(doc: dict[str, Any]) -> None:
    domain = block(doc, DOMAIN, "Pool_Domain")
    assert domain == {
        "domain": "orders-app-1",
        "managed_login_version": 2,
        "user_pool_id": ref("aws_cognito_user_pool", named(doc, "aws_cognito_user_pool", "Pool"), "id"),
    }


def test_custom_domain_block(doc: dict[str, Any]) -> None:
    domain = block(doc, DOMAIN, "Custom_Auth")
    assert domain["domain"] == "auth.example.com" and domain["certificate_arn"] == CERT
    assert "managed_login_version" not in domain


def test_base_urls(doc: dict[str, Any]) -> None:
    # the region comes from the pool's ID: the domain's own region attribute exists only from provider 6.0
    pool_id = ref("aws_cognito_user_pool", named(doc, "aws_cognito_user_pool", "Pool"), "id")[2:-1]
    region = f'${{element(split("_", {pool_id}), 0)}}'
    assert output(doc, "BaseUrl") == f"https://orders-app-1.auth.{region}.amazoncognito.com"
    assert ".region" not in output(doc, "BaseUrl")
    assert output(doc, "CustomBaseUrl") == "https://auth.example.com"
    assert output(doc, "Cloudfront") == ref(DOMAIN, named(doc, DOMAIN, "Custom_Auth"), "cloudfront_distribution")


def test_sign_in_url_shape(doc: dict[str, Any]) -> None:
    base = output(doc, "BaseUrl")
    client_id = ref(CLIENT, named(doc, CLIENT, "Pool_Web"), "id")
    redirect = "https%3A%2F%2Fapp.example.com%2Fcallback%3Ftab%3D1"
    expected = f"{base}/oauth2/authorize?client_id={client_id}&response_type=code&redirect_uri={redirect}"
    assert output(doc, "SignIn") == expected
    assert output(doc, "SignInScopes") == f"{expected}&scope=openid%20email"
    identifier = ref(SERVER, named(doc, SERVER, "Pool_api-example-com-orders"), "identifier")
    assert output(doc, "SignInServerScope") == expected + '&scope=${urlencode("openid ' + identifier + '/read")}'
    custom_id = ref(CLIENT, named(doc, CLIENT, "Custom_Web"), "id")
    assert output(doc, "CustomSignIn").startswith(f"https://auth.example.com/oauth2/authorize?client_id={custom_id}&")


def test_domain_attributes(built: dict[str, Any]) -> None:
    domain: UserPoolDomain = built["domain"]
    assert (domain.prefix, domain.domain_name, domain.pool) == ("orders-app-1", None, built["pool"])
    assert (built["custom"].prefix, built["custom"].domain_name) == (None, "auth.example.com")


# -- refusals --------------------------------------------------------------------------------------------

DOMAIN_REFUSALS: list[tuple[dict[str, Any], type[Exception], str, Any, str]] = [
    ({}, ConfigurationError, "prefix", None, "exactly one of prefix and domain"),
    ({"prefix": "a", "domain": "auth.example.com"}, ConfigurationError, "domain", "auth.example.com", "exactly one of prefix and domain"),
    ({"prefix": "My_App"}, ConfigurationError, "prefix", "My_App", "Pass e.g. 'my-app'"),
    ({"prefix": "-app"}, ConfigurationError, "prefix", "-app", "not starting or ending with a hyphen"),
    ({"prefix": "app-"}, ConfigurationError, "prefix", "app-", "not starting or ending with a hyphen"),
    ({"prefix": "a" * 64}, ConfigurationError, "prefix", "a" * 64, "1 to 63"),
    ({"prefix": ""}, ConfigurationError, "prefix", "", "1 to 63"),
    ({"prefix": "my-aws-app"}, ConfigurationError, "prefix", "my-aws-app", "contains 'aws'"),
    ({"prefix": "amazonfans"}, ConfigurationError, "prefix", "amazonfans", "contains 'amazon'"),
    ({"prefix": "mycognito"}, ConfigurationError, "prefix", "mycognito", "contains 'cognito'"),
    ({"prefix": "auth.example.com"}, ConfigurationError, "prefix", "auth.example.com", "domain= with certificate_arn"),
    ({"prefix": "app", "certificate_arn": CERT}, ConfigurationError, "certificate_arn", CERT, "with a prefix"),
    ({"prefix": 7}, ArgumentTypeError, "prefix", 7, "Pass a string"),
    ({"domain": "auth.example.com"}, ConfigurationError, "certificate_arn", None, "needs a certificate"),
    ({"domain": "Auth.Example.com", "certificate_arn": CERT}, ConfigurationError, "domain", "Auth.Example.com", "lowercase DNS name"),
    ({"domain": "localhost", "certificate_arn": CERT}, ConfigurationError, "domain", "localhost", "lowercase DNS name"),
    ({"domain": "a..example.com", "certificate_arn": CERT}, ConfigurationError, "domain", "a..example.com", "lowercase DNS name"),
    ({"domain": "app.auth.us-east-1.amazoncognito.com", "certificate_arn": CERT}, ConfigurationError, "domain", "app.auth.us-east-1.amazoncognito.com", "Pass prefix='app'"),
    ({"domain": "auth.example.com", "certificate_arn": CERT.replace("us-east-1", "eu-west-1")}, ConfigurationError, "certificate_arn", CERT.replace("us-east-1", "eu-west-1"), "needs us-east-1"),
    ({"domain": "auth.example.com", "certificate_arn": "arn:aws:iam::123456789012:server-certificate/x"}, ConfigurationError, "certificate_arn", "arn:aws:iam::123456789012:server-certificate/x", "not an ACM certificate ARN"),
    ({"prefix": "app", "managed_login_version": 3}, ConfigurationError, "managed_login_version", 3, "not 1 or 2"),
    ({"prefix": "app", "managed_login_version": True}, ConfigurationError, "managed_login_version", True, "not 1 or 2"),
]

SERVER_REFUSALS: list[tuple[dict[str, Any], type[Exception], str, Any, str]] = [
    ({"identifier": "my api"}, ConfigurationError, "identifier", "my api", "without spaces"),
    ({"identifier": 'say"hi'}, ConfigurationError, "identifier", 'say"hi', "without spaces, '\"' or '\\'"),
    ({"identifier": "x" * 257}, ConfigurationError, "identifier", "x" * 257, "1 to 256"),
    ({"identifier": ""}, ConfigurationError, "identifier", "", "1 to 256"),
    ({"identifier": 42}, ArgumentTypeError, "identifier", 42, "Pass a string"),
    ({"identifier": "taken"}, ConfigurationError, "identifier", "taken", "already has it"),
    ({"scopes": {}}, ConfigurationError, "scopes", {}, "which is empty"),
    ({"scopes": ["read"]}, ArgumentTypeError, "scopes", ["read"], "not a mapping"),
    ({"scopes": {f"s{i}": "d" for i in range(101)}}, ConfigurationError, "scopes", {f"s{i}": "d" for i in range(101)}, "at most 100"),
    ({"scopes": {"orders/read": "d"}}, ConfigurationError, "scopes", "orders/read", "'orders.read' instead"),
    ({"scopes": {"read all": "d"}}, ConfigurationError, "scopes", "read all", "without spaces, '/'"),
    ({"scopes": {'"q"': "d"}}, ConfigurationError, "scopes", '"q"', "a scope name Cognito refuses"),
    ({"scopes": {"x" * 257: "d"}}, ConfigurationError, "scopes", "x" * 257, "1 to 256"),
    ({"scopes": {"read": ""}}, ConfigurationError, "scopes['read']", "", "1 to 256 characters"),
    ({"scopes": {"read": "d" * 257}}, ConfigurationError, "scopes['read']", "d" * 257, "1 to 256 characters"),
    ({"name": "Orders: API"}, ConfigurationError, "name", "Orders: API", "letters, digits, spaces"),
]


@pytest.fixture(scope="module")
def pool() -> UserPool:
    """A pool for refusals, which happen before anything is added: one pool serves all."""
    pool = UserPool(new_stack(), "Pool")
    pool.add_resource_server("taken", scopes={"read": "Read"})
    pool.add_client("Code", allowed_oauth_flows=["code"], callback_urls=[CALLBACK], allowed_oauth_scopes=["openid", "email"])
    pool.add_client("Plain")
    return pool


def _assert_refused(pool: UserPool, make: Any, error: type[Exception], argument: str, value: Any, phrase: str, path: str) -> None:
    before = len(pool.node.children)
    with pytest.raises(error) as err:
        make()
    message = str(err.value)
    assert phrase in message and message.endswith(".")
    assert getattr(err.value, "argument") == argument and getattr(err.value, "value") == value
    if isinstance(err.value, ConfigurationError):
        assert err.value.construct_path == path and repr(path) in message
    assert len(pool.node.children) == before


@pytest.mark.parametrize(("kwargs", "error", "argument", "value", "phrase"), DOMAIN_REFUSALS)
def test_domain_refusals(pool: UserPool, kwargs: dict[str, Any], error: type[Exception], argument: str, value: Any, phrase: str) -> None:
    _assert_refused(pool, lambda: pool.add_domain("Refused", **kwargs), error, argument, value, phrase, "test/Pool/Refused")


@pytest.mark.parametrize(("kwargs", "error", "argument", "value", "phrase"), SERVER_REFUSALS)
def test_resource_server_refusals(
    pool: UserPool, kwargs: dict[str, Any], error: type[Exception], argument: str, value: Any, phrase: str
) -> None:
    args: dict[str, Any] = {"identifier": "orders", "scopes": {"read": "Read"}, "id": "Refused", **kwargs}
    identifier = args.pop("identifier")
    _assert_refused(pool, lambda: pool.add_resource_server(identifier, **args), error, argument, value, phrase, "test/Pool/Refused")


def test_sign_in_url_refusals(pool: UserPool) -> None:
    domain = pool.add_domain(prefix="refusals-app")
    code, plain = pool.clients
    cases: list[tuple[Any, str, Any, str]] = [
        (lambda: domain.sign_in_url(code, "https://evil.example/cb"), "redirect_uri", "https://evil.example/cb", "not one of the client's callback_urls"),
        (lambda: domain.sign_in_url(plain, CALLBACK), "client", "test/Pool/Plain", "lack 'code'"),
        (lambda: domain.sign_in_url(code, CALLBACK, scopes=["openid", "phone"]), "scopes", "phone", "not allowed"),
    ]
    for make, argument, value, phrase in cases:
        _assert_refused(pool, make, ConfigurationError, argument, value, phrase, "test/Pool/Domain")
    other = UserPool(pool.node.scope, "Other")  # type: ignore[arg-type]
    foreign = other.add_client("C", allowed_oauth_flows=["code"], callback_urls=[CALLBACK], allowed_oauth_scopes=["openid"])
    _assert_refused(pool, lambda: domain.sign_in_url(foreign, CALLBACK), ConfigurationError, "client", "test/Other/C", "another pool", "test/Pool/Domain")
    with pytest.raises(ArgumentTypeError, match="Pass a UserPoolClient") as err:
        domain.sign_in_url("client-id", CALLBACK)  # type: ignore[arg-type]
    assert err.value.argument == "client"


@pytest.mark.parametrize("make", [lambda s: UserPoolDomain(s, "D", prefix="x"), lambda s: ResourceServer(s, None, identifier="x", scopes={"r": "R"})])
def test_pool_must_be_a_user_pool(make: Any) -> None:
    with pytest.raises(ArgumentTypeError, match="not a UserPool") as err:
        make(new_stack())
    assert err.value.argument == "pool"
