"""UserPoolClient: secure defaults, overrides, OAuth settings, and every refusal before synth."""

from __future__ import annotations

import re
from typing import Any

import pytest
from tests._framework import TerraformOutput
from tests._framework import CognitoUserPoolClientTokenValidityUnits

from cdktf_userpool import ArgumentTypeError, ConfigurationError, UserPool
from cdktf_userpool._pool.client import AUTH_FLOWS, UserPoolClient
from tests._synth import new_stack, ref, synth

CLIENT = "aws_cognito_user_pool_client"
DEFAULTS = {
    "generate_secret": False,
    "explicit_auth_flows": ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"],
    "prevent_user_existence_errors": "ENABLED",
    "enable_token_revocation": True,
    "access_token_validity": 60,
    "id_token_validity": 60,
    "refresh_token_validity": 30,
    "token_validity_units": [{"access_token": "minutes", "id_token": "minutes", "refresh_token": "days"}],
    "auth_session_validity": 3,
}
CODE = {"allowed_oauth_flows": ["code"], "callback_urls": ["https://app.example.com/cb"], "allowed_oauth_scopes": ["openid"]}


@pytest.fixture(scope="module")
def built() -> dict[str, Any]:
    """One stack with every kind of client, synthesized once."""
    stack = new_stack()
    pool = UserPool(stack, "Pool")
    api = pool.add_resource_server("https://api.example.com", scopes={"read": "Read", "write": "Write"})
    clients = {
        "Web": pool.add_client("Web"),
        "Spa": pool.add_client(
            "Spa",
            allowed_oauth_flows=["code"],
            callback_urls=["https://app.example.com/cb", "http://localhost:3000/cb", "http://127.0.0.1/cb", "myapp://cb"],
            logout_urls=["https://app.example.com/bye"],
            default_redirect_uri="https://app.example.com/cb",
            allowed_oauth_scopes=["openid", "email", "profile", api.scope("read"), "https://api.example.com/write"],
        ),
        "Server": pool.add_client(
            "Server", generate_secret=True, allowed_oauth_flows=["client_credentials"], allowed_oauth_scopes=[api.scope("write")]
        ),
        "Custom": pool.add_client(
            "Custom",
            name="custom-name",
            explicit_auth_flows=["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
            prevent_user_existence_errors="LEGACY",
            enable_token_revocation=False,
            access_token_validity=2,
            id_token_validity=1,
            refresh_token_validity=7,
            token_validity_units={"access_token": "hours", "id_token": "days"},
            auth_session_validity=15,
        ),
        "Units": pool.add_client(
            "Units", token_validity_units=[CognitoUserPoolClientTokenValidityUnits(refresh_token="hours")], refresh_token_validity=24
        ),
        "Implicit": pool.add_client("Implicit", allow_implicit_flow=True, **{**CODE, "allowed_oauth_flows": ["implicit", "code"]}),
        "Insecure": pool.add_client("Insecure", allow_insecure_urls=True, **{**CODE, "callback_urls": ["http://intranet.example/cb"]}),
        "Idps": pool.add_client("Idps", supported_identity_providers=["COGNITO", "Google"], **CODE),
    }
    imported = UserPool.from_user_pool_id(stack, "Imported", "us-east-1_AbC123")
    clients["OnImported"] = imported.add_client("OnImported")
    server = clients["Server"]
    TerraformOutput(stack, "ServerSecret", value=server.client_secret, sensitive=True)
    TerraformOutput(stack, "WebId", value=clients["Web"].client_id)
    return {"doc": synth(stack), "pool": pool, "imported": imported, "clients": clients, "api": api}


@pytest.fixture(scope="module")
def doc(built: dict[str, Any]) -> dict[str, Any]:
    parsed: dict[str, Any] = built["doc"]
    return parsed


def logical_name(doc: dict[str, Any], rtype: str, path_part: str) -> str:
    (name,) = [n for n in doc["resource"][rtype] if re.fullmatch(re.escape(path_part) + r"_[0-9A-F]{8}", n)]
    return str(name)


def client_block(doc: dict[str, Any], construct_id: str, pool: str = "Pool") -> dict[str, Any]:
    block: dict[str, Any] = doc["resource"][CLIENT][logical_name(doc, CLIENT, f"{pool}_{construct_id}")]
    return block


@pytest.mark.parametrize("key", sorted(DEFAULTS))
def test_public_client_defaults(doc: dict[str, Any], key: str) -> None:
    assert client_block(doc, "Web")[key] == DEFAULTS[key]


def test_default_client_has_no_oauth_and_a_derived_name(doc: dict[str, Any]) -> None:
    web = client_block(doc, "Web")
    assert web["name"] == "test-Pool-Web"
    assert not {"allowed_oauth_flows", "allowed_oauth_scopes", "allowed_oauth_flows_user_pool_client", "callback_urls"} & set(web)
    assert web["user_pool_id"] == ref("aws_cognito_user_pool", logical_name(doc, "aws_cognito_user_pool", "Pool"), "id")


def test_overrides_replace_defaults_and_units_merge_one_by_one(doc: dict[str, Any]) -> None:
    custom = client_block(doc, "Custom")
    assert custom["name"] == "custom-name"
    assert custom["explicit_auth_flows"] == ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
    assert custom["prevent_user_existence_errors"] == "LEGACY"
    assert custom["enable_token_revocation"] is False
    assert (custom["access_token_validity"], custom["id_token_validity"], custom["refresh_token_validity"]) == (2, 1, 7)
    assert custom["token_validity_units"] == [{"access_token": "hours", "id_token": "days", "refresh_token": "days"}]
    assert custom["auth_session_validity"] == 15
    units = client_block(doc, "Units")
    assert units["token_validity_units"] == [{"access_token": "minutes", "id_token": "minutes", "refresh_token": "hours"}]


def test_code_flow_client(doc: dict[str, Any], built: dict[str, Any]) -> None:
    spa = client_block(doc, "Spa")
    assert spa["allowed_oauth_flows"] == ["code"]
    assert spa["allowed_oauth_flows_user_pool_client"] is True
    assert spa["supported_identity_providers"] == ["COGNITO"]
    assert spa["generate_secret"] is False
    assert spa["default_redirect_uri"] == "https://app.example.com/cb"
    assert spa["logout_urls"] == ["https://app.example.com/bye"]
    assert built["clients"]["Spa"].callback_urls == (
        "https://app.example.com/cb",
        "http://localhost:3000/cb",
        "http://127.0.0.1/cb",
        "myapp://cb",
    )
    assert spa["callback_urls"] == list(built["clients"]["Spa"].callback_urls)


def test_resource_server_scopes_render_as_references(doc: dict[str, Any]) -> None:
    server = logical_name(doc, "aws_cognito_resource_server", "Pool_api-example-com")
    identifier = ref("aws_cognito_resource_server", server, "identifier")
    assert client_block(doc, "Spa")["allowed_oauth_scopes"] == [
        "openid",
        "email",
        "profile",
        f"{identifier}/read",
        "https://api.example.com/write",
    ]
    assert client_block(doc, "Server")["allowed_oauth_scopes"] == [f"{identifier}/write"]


def test_confidential_machine_client(doc: dict[str, Any], built: dict[str, Any]) -> None:
    server = client_block(doc, "Server")
    assert server["generate_secret"] is True
    assert server["allowed_oauth_flows"] == ["client_credentials"]
    assert "callback_urls" not in server
    name = logical_name(doc, CLIENT, "Pool_Server")
    assert doc["output"]["ServerSecret"] == {"value": ref(CLIENT, name, "client_secret"), "sensitive": True}
    assert doc["output"]["WebId"]["value"] == ref(CLIENT, logical_name(doc, CLIENT, "Pool_Web"), "id")


def test_opt_ins_and_explicit_identity_providers(doc: dict[str, Any]) -> None:
    assert client_block(doc, "Implicit")["allowed_oauth_flows"] == ["implicit", "code"]
    assert client_block(doc, "Insecure")["callback_urls"] == ["http://intranet.example/cb"]
    assert client_block(doc, "Idps")["supported_identity_providers"] == ["COGNITO", "Google"]


def test_client_on_imported_pool_uses_the_data_source_id(doc: dict[str, Any]) -> None:
    block = client_block(doc, "OnImported", pool="Imported")
    data = logical_name({"resource": doc["data"]}, "aws_cognito_user_pool", "Imported")
    assert block["user_pool_id"] == ref("aws_cognito_user_pool", data, "id", kind="data")
    assert block["name"] == "test-Imported-OnImported"


def test_attributes_and_registration(built: dict[str, Any]) -> None:
    pool, clients = built["pool"], built["clients"]
    assert pool.clients == tuple(c for k, c in clients.items() if k != "OnImported")
    assert built["imported"].clients == (clients["OnImported"],)
    spa = clients["Spa"]
    assert spa.pool is pool and spa.name == "test-Pool-Spa" and spa.allowed_oauth_flows == ("code",)
    assert clients["Web"].allowed_oauth_flows == () and clients["Web"].callback_urls == ()
    assert isinstance(spa, UserPoolClient) and spa.resource.node.id == "Resource"


def test_client_secret_of_a_public_client_is_refused(built: dict[str, Any]) -> None:
    with pytest.raises(ConfigurationError, match="has no client_secret") as err:
        built["clients"]["Web"].client_secret
    assert err.value.argument == "generate_secret" and err.value.value is False


# -- refusals: (props, error type, argument, value, phrase) ----------------------------------------------

REFUSALS: dict[str, list[tuple[dict[str, Any], type[Exception], str, Any, str]]] = {
    "arguments": [
        ({"user_pool_id": "us-east-1_X"}, ConfigurationError, "user_pool_id", "us-east-1_X", "the pool sets it"),
        ({"callback_url": ["https://a.example/cb"]}, ConfigurationError, "callback_url", ["https://a.example/cb"], "Did you mean 'callback_urls'?"),
        ({"allow_implict_flow": True}, ConfigurationError, "allow_implict_flow", True, "Did you mean 'allow_implicit_flow'?"),
        ({"explicit_auth_flows": "ALLOW_USER_SRP_AUTH"}, ArgumentTypeError, "explicit_auth_flows", "ALLOW_USER_SRP_AUTH", "not a list of str"),
    ],
    "auth_flows": [
        ({"explicit_auth_flows": ["USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]}, ConfigurationError, "explicit_auth_flows", "USER_PASSWORD_AUTH", "Use 'ALLOW_USER_PASSWORD_AUTH' instead"),
        ({"explicit_auth_flows": ["ADMIN_NO_SRP_AUTH"]}, ConfigurationError, "explicit_auth_flows", "ADMIN_NO_SRP_AUTH", "Use 'ALLOW_ADMIN_USER_PASSWORD_AUTH' instead"),
        ({"explicit_auth_flows": ["CUSTOM_AUTH_FLOW_ONLY"]}, ConfigurationError, "explicit_auth_flows", "CUSTOM_AUTH_FLOW_ONLY", "Use 'ALLOW_CUSTOM_AUTH' instead"),
        ({"explicit_auth_flows": ["ALLOW_USER_SRP", "ALLOW_REFRESH_TOKEN_AUTH"]}, ConfigurationError, "explicit_auth_flows", "ALLOW_USER_SRP", "Did you mean 'ALLOW_USER_SRP_AUTH'?"),
        ({"explicit_auth_flows": ["ALLOW_USER_SRP_AUTH"]}, ConfigurationError, "explicit_auth_flows", ["ALLOW_USER_SRP_AUTH"], "Add 'ALLOW_REFRESH_TOKEN_AUTH'"),
        ({"prevent_user_existence_errors": "DISABLED"}, ConfigurationError, "prevent_user_existence_errors", "DISABLED", "Use one of 'ENABLED', 'LEGACY'."),
    ],
    "oauth_flows": [
        ({**CODE, "allowed_oauth_flows": ["authorization_code"]}, ConfigurationError, "allowed_oauth_flows", "authorization_code", "Did you mean 'code'?"),
        ({**CODE, "allowed_oauth_flows": ["token"]}, ConfigurationError, "allowed_oauth_flows", "token", "Did you mean 'implicit'?"),
        ({**CODE, "allowed_oauth_flows": []}, ConfigurationError, "allowed_oauth_flows", [], "is empty"),
        ({**CODE, "allowed_oauth_flows": ["implicit"]}, ConfigurationError, "allowed_oauth_flows", ["implicit"], "authorization code flow with PKCE"),
        ({"allowed_oauth_flows": ["client_credentials"], "allowed_oauth_scopes": ["api/read"]}, ConfigurationError, "generate_secret", False, "needs a client secret"),
        ({**CODE, "generate_secret": True, "allowed_oauth_flows": ["client_credentials", "code"]}, ConfigurationError, "allowed_oauth_flows", ["client_credentials", "code"], "mixing client_credentials"),
        ({"allowed_oauth_flows": ["code"], "allowed_oauth_scopes": ["openid"]}, ConfigurationError, "callback_urls", None, "at least one callback URL"),
        ({**CODE, "allowed_oauth_scopes": None}, ConfigurationError, "allowed_oauth_scopes", None, "at least one scope"),
        ({"allowed_oauth_scopes": ["openid"]}, ConfigurationError, "allowed_oauth_scopes", ["openid"], "without allowed_oauth_flows"),
        ({**CODE, "allowed_oauth_flows_user_pool_client": False}, ConfigurationError, "allowed_oauth_flows_user_pool_client", False, "Leave it out"),
    ],
    "scopes": [
        ({**CODE, "allowed_oauth_scopes": ["email"]}, ConfigurationError, "allowed_oauth_scopes", "email", "without 'openid'"),
        ({**CODE, "allowed_oauth_scopes": ["openid", "phone", "profile", "emial"]}, ConfigurationError, "allowed_oauth_scopes", "emial", "Did you mean 'email'?"),
        ({**CODE, "allowed_oauth_scopes": ["openid", "read"]}, ConfigurationError, "allowed_oauth_scopes", "read", "<resource server identifier>/<scope>"),
        ({**CODE, "allowed_oauth_scopes": ["api/a b"]}, ConfigurationError, "allowed_oauth_scopes", "api/a b", "nor '<resource server identifier>/<scope>'"),
        ({**CODE, "allowed_oauth_scopes": [42]}, ArgumentTypeError, "allowed_oauth_scopes", [42], "not a list of str or ResourceServerScope"),
        ({"generate_secret": True, "allowed_oauth_flows": ["client_credentials"], "allowed_oauth_scopes": ["openid", "api/read"]}, ConfigurationError, "allowed_oauth_scopes", "openid", "only resource server scopes"),
    ],
    "urls": [
        ({**CODE, "callback_urls": ["http://app.example.com/cb"]}, ConfigurationError, "callback_urls", "http://app.example.com/cb", "allow_insecure_urls=True"),
        ({**CODE, "callback_urls": ["http://localhost.evil.example/cb"]}, ConfigurationError, "callback_urls", "http://localhost.evil.example/cb", "other than localhost"),
        ({**CODE, "callback_urls": ["https://app.example.com/cb#top"]}, ConfigurationError, "callback_urls", "https://app.example.com/cb#top", "fragment"),
        ({**CODE, "callback_urls": ["/cb"]}, ConfigurationError, "callback_urls", "/cb", "not an absolute URL"),
        ({**CODE, "callback_urls": ["https:///cb"]}, ConfigurationError, "callback_urls", "https:///cb", "not an absolute URL"),
        ({**CODE, "logout_urls": ["http://app.example.com/bye"]}, ConfigurationError, "logout_urls", "http://app.example.com/bye", "Use https://"),
        ({**CODE, "default_redirect_uri": "https://other.example.com/cb"}, ConfigurationError, "default_redirect_uri", "https://other.example.com/cb", "not one of callback_urls"),
        ({**CODE, "callback_urls": "https://app.example.com/cb"}, ArgumentTypeError, "callback_urls", "https://app.example.com/cb", "not a list of str"),
    ],
    "validities": [
        ({"access_token_validity": 4}, ConfigurationError, "access_token_validity", 4, "5 minutes to 1 day"),
        ({"id_token_validity": 2, "token_validity_units": {"id_token": "days"}}, ConfigurationError, "id_token_validity", 2, "which is 2 days"),
        ({"access_token_validity": 200, "token_validity_units": {"access_token": "seconds"}}, ConfigurationError, "access_token_validity", 200, "5 minutes to 1 day"),
        ({"refresh_token_validity": 59, "token_validity_units": {"refresh_token": "minutes"}}, ConfigurationError, "refresh_token_validity", 59, "60 minutes to 10 years"),
        ({"refresh_token_validity": 3651}, ConfigurationError, "refresh_token_validity", 3651, "60 minutes to 10 years"),
        ({"access_token_validity": 2, "refresh_token_validity": 1, "token_validity_units": {"access_token": "hours", "refresh_token": "hours"}}, ConfigurationError, "access_token_validity", 2, "longer than the refresh token (1 hours)"),
        ({"token_validity_units": {"access_token": "weeks"}}, ConfigurationError, "token_validity_units.access_token", "weeks", "Use one of 'seconds', 'minutes', 'hours', 'days'."),
        ({"token_validity_units": {"access": "hours"}}, ConfigurationError, "token_validity_units", "access", "Did you mean 'access_token'?"),
        ({"token_validity_units": "minutes"}, ArgumentTypeError, "token_validity_units", "minutes", "not a mapping"),
        ({"access_token_validity": "60"}, ArgumentTypeError, "access_token_validity", "60", "not a number"),
        ({"auth_session_validity": 20}, ConfigurationError, "auth_session_validity", 20, "3 to 15"),
        ({"auth_session_validity": 2}, ConfigurationError, "auth_session_validity", 2, "3 to 15"),
    ],
}


@pytest.fixture(scope="module")
def pool() -> UserPool:
    """A pool for refusals: they happen before anything is added to it, so one pool serves all."""
    return UserPool(new_stack(), "Pool")


def _cases(family: str) -> list[Any]:
    return [pytest.param(*case, id=f"{family}-{i}") for i, case in enumerate(REFUSALS[family])]


def _assert_refused(pool: UserPool, props: dict[str, Any], error: type[Exception], argument: str, value: Any, phrase: str) -> None:
    before = len(pool.node.children)
    with pytest.raises(error) as err:
        pool.add_client("Refused", **props)
    assert phrase in str(err.value)
    assert getattr(err.value, "argument") == argument
    assert getattr(err.value, "value") == value
    message = str(err.value)
    assert message.endswith(".")
    if isinstance(err.value, ConfigurationError):
        assert err.value.construct_path == "test/Pool/Refused" and "'test/Pool/Refused'" in message
    assert len(pool.node.children) == before  # nothing half-built is left in the tree


@pytest.mark.parametrize(("props", "error", "argument", "value", "phrase"), _cases("arguments"))
def test_argument_refusals(pool: UserPool, props: dict[str, Any], error: type[Exception], argument: str, value: Any, phrase: str) -> None:
    _assert_refused(pool, props, error, argument, value, phrase)


@pytest.mark.parametrize(("props", "error", "argument", "value", "phrase"), _cases("auth_flows"))
def test_auth_flow_refusals(pool: UserPool, props: dict[str, Any], error: type[Exception], argument: str, value: Any, phrase: str) -> None:
    _assert_refused(pool, props, error, argument, value, phrase)


@pytest.mark.parametrize(("props", "error", "argument", "value", "phrase"), _cases("oauth_flows"))
def test_oauth_flow_refusals(pool: UserPool, props: dict[str, Any], error: type[Exception], argument: str, value: Any, phrase: str) -> None:
    _assert_refused(pool, props, error, argument, value, phrase)


@pytest.mark.parametrize(("props", "error", "argument", "value", "phrase"), _cases("scopes"))
def test_scope_refusals(pool: UserPool, props: dict[str, Any], error: type[Exception], argument: str, value: Any, phrase: str) -> None:
    _assert_refused(pool, props, error, argument, value, phrase)


@pytest.mark.parametrize(("props", "error", "argument", "value", "phrase"), _cases("urls"))
def test_url_refusals(pool: UserPool, props: dict[str, Any], error: type[Exception], argument: str, value: Any, phrase: str) -> None:
    _assert_refused(pool, props, error, argument, value, phrase)


@pytest.mark.parametrize(("props", "error", "argument", "value", "phrase"), _cases("validities"))
def test_token_validity_refusals(pool: UserPool, props: dict[str, Any], error: type[Exception], argument: str, value: Any, phrase: str) -> None:
    _assert_refused(pool, props, error, argument, value, phrase)


def test_legacy_flow_lists_the_allow_names(pool: UserPool) -> None:
    with pytest.raises(ConfigurationError) as err:
        pool.add_client("Refused", explicit_auth_flows=["USER_PASSWORD_AUTH"])
    assert err.value.choices == AUTH_FLOWS


def test_scope_of_another_pools_resource_server_is_refused(pool: UserPool) -> None:
    other = UserPool(pool.node.scope, "Other")  # type: ignore[arg-type]
    server = other.add_resource_server("orders", scopes={"read": "Read"})
    with pytest.raises(ConfigurationError, match="belongs to another pool") as err:
        pool.add_client("Refused", **{**CODE, "allowed_oauth_scopes": ["openid", server.scope("read")]})
    assert err.value.argument == "allowed_oauth_scopes" and err.value.value is server.scope("read")


def test_user_auth_flow_on_a_lite_pool_is_refused() -> None:
    lite = UserPool(new_stack(), "Lite", user_pool_tier="LITE")
    with pytest.raises(ConfigurationError, match="Essentials or Plus") as err:
        lite.add_client("C", explicit_auth_flows=["ALLOW_USER_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])
    assert err.value.value == "ALLOW_USER_AUTH"


def test_pool_must_be_a_user_pool() -> None:
    with pytest.raises(ArgumentTypeError, match="not a UserPool") as err:
        UserPoolClient(new_stack(), "C")
    assert err.value.argument == "pool" and err.value.expected == ("UserPool",)
