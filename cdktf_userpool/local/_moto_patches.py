"""What this library's stacks need from the emulator and moto (pinned: see ``MOTO_VERSION``) lacks.

One small layer over moto's own classes, applied in the emulator process only (never in a user's
process): no fork and no copy of moto's code. Each addition says which API it serves and follows
that API's shapes in botocore's service model (the tests check the answers against them):

- ``cognito-identity`` ``SetIdentityPoolRoles`` / ``GetIdentityPoolRoles``: moto has neither, and
  ``aws_cognito_identity_pool_roles_attachment`` needs both (the AWS SDK retries moto's 500 for minutes).
- ``cognito-idp`` ``UserPoolTier``: a pool created without one is on Cognito's default plan,
  ``ESSENTIALS`` (the AWS provider 5.100 sends none on create, so the second plan wanted to set it
  again); ``UpdateUserPool`` without one keeps the pool's plan (moto dropped it).
- ``cognito-idp`` ``DeleteUserPool`` of a pool with ``DeletionProtection`` ``ACTIVE`` is refused with
  Cognito's ``InvalidParameterException`` (moto deleted it, users and all).
- ``cognito-idp`` ``DeleteResourceServer`` / ``UpdateResourceServer`` (destroying or changing an
  ``aws_cognito_resource_server``) and ``TagResource`` / ``UntagResource`` / ``ListTagsForResource`` on
  user pools (a pool's ``tags``).
- ``cognito-idp`` ``CreateUserPool`` with the tag ``_custom_id_`` (moto's convention for choosing an ID,
  which its user pools do not follow): the pool gets that ID, so ``prepare`` can create the pool a
  stack reads with ``UserPool.from_user_pool_id``.
- ``cognito-idp`` ``UpdateUserPool`` and ``UpdateUserPoolClient`` follow Cognito's rule, read from
  botocore's service model: a member of the request that is left out goes back to its default (a pool's
  plan and tags excepted: ``TagResource`` changes tags, and the provider sends no plan), and what the
  request cannot set (username and alias attributes, the schema, username configuration...) is kept.
  moto rebuilt a pool from its defaults and the request, so a pool signing in by email forgot
  ``UsernameAttributes`` after any in-place update (and the next plan replaced it), and it merged a
  client's update into the old settings, so a setting removed from the stack stayed.
- ``cognito-idp`` ``SetUserPoolMfaConfig`` keeps, and ``GetUserPoolMfaConfig`` answers, every member of the
  model that moto dropped (``EmailMfaConfiguration``, ``WebAuthnConfiguration``); a call leaving one out
  clears it, as for the members moto keeps.
- ``cognito-idp`` pools' users, groups, clients, identity providers and resource servers are kept in
  mappings that iterate over a snapshot, so a request listing users while another signs one up never
  fails with "dictionary changed size during iteration" (the emulator serves requests in threads).

- IAM authorization (``enforce_iam``) checks a request without a body (Lambda's ``GetFunction``,
  ``ListFunctions``, an ``Invoke`` without payload...) against an empty payload, as the client signed
  it: moto signs its query parameters (or headers) as the body instead, and refuses the signature.
- IAM authorization of a ``cognito-idp`` call that names a pool (``UserPoolId``) checks the pool's ARN
  against the policies, as AWS does: moto checks ``*``, so a policy scoped to the pool's ARN (what
  ``pool.grant`` writes) was refused.
- With IAM enforced, a refusal (``AccessDenied``, a bad signature or key) to a JSON-protocol service
  (Cognito, Lambda, KMS, CloudWatch Logs...) is a JSON error with AWS's code (``AccessDeniedException``,
  ``InvalidSignatureException``, ``UnrecognizedClientException``): moto answers in XML, which the
  SDKs cannot parse, so code catching ``AccessDeniedException`` never saw it.
- ``lambda`` ``CreateFunction`` retried by the SDK (the same ``amz-sdk-invocation-id``: a retry of one call,
  after an answer lost to a loaded host) of the function that call created answers that function, as
  the first answer would have: moto refused the retry with ``ResourceConflictException: Function
  already exist`` and the apply failed. A new call for an existing function is refused as before.
- ``lambda`` ``LoggingConfig``, ``SnapStart`` and ``TracingConfig``: kept from ``CreateFunction`` and
  ``UpdateFunctionConfiguration`` and answered as Lambda does (``LoggingConfig`` with its log group,
  ``Text`` when not given); moto dropped the first two and ignored updates of all three, so functions
  with JSON logging (this library's default) drifted on every plan.

Lambda's ``Invoke`` is routed to this library's runner by :mod:`._lambda`, not here.
"""

from __future__ import annotations

import json
import re
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

MOTO_VERSION = "5.2.5"
"""The moto release this layer is written and tested against."""

CUSTOM_ID_TAG = "_custom_id_"
"""The tag that chooses a new user pool's ID (moto's own name for it); removed from the pool's tags."""

DEFAULT_TIER = "ESSENTIALS"
"""Cognito's feature plan for a pool created without ``UserPoolTier``."""

_ROLE_TYPES = ("authenticated", "unauthenticated")
_MAPPING_TYPES = ("Token", "Rules")
_AMBIGUOUS = ("AuthenticatedRole", "Deny")
_MATCH_TYPES = ("Equals", "Contains", "StartsWith", "NotEqual")
_POOL_ID = re.compile(r"^[\w-]+_[0-9a-zA-Z]+$")

_applied = False


def _invalid(message: str) -> Exception:
    from moto.core.exceptions import JsonRESTError

    return JsonRESTError("InvalidParameterException", message)


def _identity_pool(backend: Any, identity_pool_id: str) -> Any:
    from moto.cognitoidentity.exceptions import ResourceNotFoundError

    pool = backend.identity_pools.get(identity_pool_id)
    if pool is None:
        raise ResourceNotFoundError(identity_pool_id)
    return pool


def _check_role_mappings(mappings: dict[str, Any]) -> None:
    """``RoleMappingMap``: provider name -> ``RoleMapping`` (``Type``, ``AmbiguousRoleResolution``, rules)."""
    for provider, mapping in mappings.items():
        kind = mapping.get("Type")
        if kind not in _MAPPING_TYPES:
            raise _invalid(f"RoleMappings[{provider!r}].Type must be one of {', '.join(_MAPPING_TYPES)}, not {kind!r}.")
        ambiguous = mapping.get("AmbiguousRoleResolution")
        if ambiguous is not None and ambiguous not in _AMBIGUOUS:
            raise _invalid(f"RoleMappings[{provider!r}].AmbiguousRoleResolution must be one of {', '.join(_AMBIGUOUS)}.")
        rules = (mapping.get("RulesConfiguration") or {}).get("Rules")
        if kind == "Rules" and not rules:
            raise _invalid(f"RoleMappings[{provider!r}] of Type Rules needs RulesConfiguration.Rules.")
        for rule in rules or ():
            if rule.get("MatchType") not in _MATCH_TYPES or not all(rule.get(k) for k in ("Claim", "Value", "RoleARN")):
                raise _invalid(f"RoleMappings[{provider!r}] has an invalid rule {rule!r}.")


def _add_identity_pool_roles() -> None:
    """``SetIdentityPoolRoles`` and ``GetIdentityPoolRoles``, stored on moto's identity pool object."""
    from moto.cognitoidentity.models import CognitoIdentityBackend
    from moto.cognitoidentity.responses import CognitoIdentityResponse

    def set_identity_pool_roles(
        backend: CognitoIdentityBackend, identity_pool_id: str, roles: dict[str, str], role_mappings: dict[str, Any]
    ) -> None:
        pool = _identity_pool(backend, identity_pool_id)
        unknown = sorted(set(roles) - set(_ROLE_TYPES))
        if unknown:
            raise _invalid(f"Roles keys must be {' or '.join(_ROLE_TYPES)}, not {', '.join(unknown)}.")
        _check_role_mappings(role_mappings)
        pool.cdktf_userpool_roles = dict(roles)
        pool.cdktf_userpool_role_mappings = dict(role_mappings)

    def get_identity_pool_roles(backend: CognitoIdentityBackend, identity_pool_id: str) -> dict[str, Any]:
        pool = _identity_pool(backend, identity_pool_id)
        answer: dict[str, Any] = {"IdentityPoolId": identity_pool_id}
        roles = getattr(pool, "cdktf_userpool_roles", {})
        mappings = getattr(pool, "cdktf_userpool_role_mappings", {})
        if roles:
            answer["Roles"] = roles
        if mappings:
            answer["RoleMappings"] = mappings
        return answer

    def set_response(self: CognitoIdentityResponse) -> str:
        set_identity_pool_roles(
            self.backend, self._get_param("IdentityPoolId"), self._get_param("Roles") or {},
            self._get_param("RoleMappings") or {},
        )
        return ""

    def get_response(self: CognitoIdentityResponse) -> str:
        return json.dumps(get_identity_pool_roles(self.backend, self._get_param("IdentityPoolId")))

    CognitoIdentityResponse.set_identity_pool_roles = set_response  # type: ignore[attr-defined]
    CognitoIdentityResponse.get_identity_pool_roles = get_response  # type: ignore[attr-defined]


def _user_pool_tier() -> None:
    """A new pool without ``UserPoolTier`` is ``ESSENTIALS``."""
    from moto.cognitoidp.models import CognitoIdpBackend

    create: Callable[..., Any] = CognitoIdpBackend.create_user_pool

    def create_user_pool(self: CognitoIdpBackend, name: str, extended_config: dict[str, Any]) -> Any:
        if not extended_config.get("UserPoolTier"):
            extended_config = {**extended_config, "UserPoolTier": DEFAULT_TIER}
        return create(self, name, extended_config)

    CognitoIdpBackend.create_user_pool = create_user_pool  # type: ignore[method-assign]
    # an UpdateUserPool without a tier keeps the plan: see _KEPT_WHEN_LEFT_OUT (_updates_reset_what_they_leave_out)


PROTECTED_MESSAGE = (
    "The user pool cannot be deleted because deletion protection is activated. "
    "Deletion protection must be inactivated first."
)
"""Cognito's message refusing ``DeleteUserPool`` of a protected pool."""


def _request_members(operation: str) -> frozenset[str]:
    """The members of ``operation``'s request in botocore's model of ``cognito-idp``."""
    import botocore.session  # type: ignore[import-untyped]

    model = botocore.session.get_session().get_service_model("cognito-idp")
    return frozenset(model.operation_model(operation).input_shape.members)


_KEPT_WHEN_LEFT_OUT = frozenset({"UserPoolTags", "UserPoolTier"})
"""Members of ``UpdateUserPool`` that a request leaving them out does not reset (see the module docstring)."""


def _updates_reset_what_they_leave_out() -> None:
    """``UpdateUserPool`` / ``UpdateUserPoolClient``: left-out members to defaults, the rest kept."""
    from moto.cognitoidp.models import CognitoIdpBackend, CognitoIdpUserPoolClient

    pool_members = _request_members("UpdateUserPool")
    client_members = _request_members("UpdateUserPoolClient")
    update_pool: Callable[..., None] = CognitoIdpBackend.update_user_pool

    def update_user_pool(self: CognitoIdpBackend, user_pool_id: str, extended_config: dict[str, Any]) -> None:
        current = self.describe_user_pool(user_pool_id).extended_config
        kept = {k: v for k, v in current.items() if k not in pool_members or k in _KEPT_WHEN_LEFT_OUT}
        update_pool(self, user_pool_id, {**kept, **extended_config})

    def update_user_pool_client(self: CognitoIdpBackend, user_pool_id: str, client_id: str,
                                extended_config: dict[str, Any]) -> Any:
        from moto.cognitoidp.exceptions import ResourceNotFoundError

        client = self.describe_user_pool(user_pool_id).clients.get(client_id)
        if not client:
            raise ResourceNotFoundError(client_id)
        defaults = CognitoIdpUserPoolClient(user_pool_id, False, None).extended_config  # moto's own defaults
        kept = {k: v for k, v in client.extended_config.items() if k not in client_members}
        client.extended_config = {**defaults, **kept, **extended_config}
        return client

    CognitoIdpBackend.update_user_pool = update_user_pool  # type: ignore[method-assign]
    CognitoIdpBackend.update_user_pool_client = update_user_pool_client  # type: ignore[method-assign]


def _mfa_config_members() -> None:
    """``SetUserPoolMfaConfig`` / ``GetUserPoolMfaConfig``: every member of the model (see the docstring)."""
    from moto.cognitoidp.responses import CognitoIdpResponse
    from moto.core.responses import ActionResult

    moto_keeps = {"UserPoolId", "SmsMfaConfiguration", "SoftwareTokenMfaConfiguration", "MfaConfiguration"}
    added = sorted(_request_members("SetUserPoolMfaConfig") - moto_keeps)
    set_config: Callable[..., Any] = CognitoIdpResponse.set_user_pool_mfa_config

    def answer(self: CognitoIdpResponse, pool_id: str) -> Any:
        found = dict(self.backend.get_user_pool_mfa_config(pool_id))
        found.update(getattr(self.backend.describe_user_pool(pool_id), "cdktf_userpool_mfa", {}))
        return ActionResult(found)

    def set_response(self: CognitoIdpResponse) -> Any:
        set_config(self)  # moto's checks, and the members it keeps
        pool_id = self._get_param("UserPoolId")
        given = {name: self._get_param(name) for name in added if self._get_param(name) is not None}
        self.backend.describe_user_pool(pool_id).cdktf_userpool_mfa = given  # type: ignore[attr-defined]
        return answer(self, pool_id)

    def get_response(self: CognitoIdpResponse) -> Any:
        return answer(self, self._get_param("UserPoolId"))

    CognitoIdpResponse.set_user_pool_mfa_config = set_response  # type: ignore[method-assign]
    CognitoIdpResponse.get_user_pool_mfa_config = get_response  # type: ignore[method-assign]


def _deletion_protection() -> None:
    """``DeleteUserPool`` refuses a pool whose ``DeletionProtection`` is ``ACTIVE``."""
    from moto.cognitoidp.exceptions import InvalidParameterException
    from moto.cognitoidp.models import CognitoIdpBackend

    delete: Callable[..., None] = CognitoIdpBackend.delete_user_pool

    def delete_user_pool(self: CognitoIdpBackend, user_pool_id: str) -> None:
        if self.describe_user_pool(user_pool_id).extended_config.get("DeletionProtection") == "ACTIVE":
            raise InvalidParameterException(PROTECTED_MESSAGE)
        delete(self, user_pool_id)

    CognitoIdpBackend.delete_user_pool = delete_user_pool  # type: ignore[method-assign]


def _resource_servers() -> None:
    """``DeleteResourceServer`` and ``UpdateResourceServer`` on moto's resource servers."""
    from moto.cognitoidp.models import CognitoIdpBackend
    from moto.cognitoidp.responses import CognitoIdpResponse
    from moto.core.responses import ActionResult, EmptyResult

    def delete_resource_server(backend: CognitoIdpBackend, user_pool_id: str, identifier: str) -> None:
        backend.describe_resource_server(user_pool_id, identifier)  # raises ResourceNotFoundException
        del backend.user_pools[user_pool_id].resource_servers[identifier]

    def update_resource_server(
        backend: CognitoIdpBackend, user_pool_id: str, identifier: str, name: str, scopes: list[dict[str, str]]
    ) -> Any:
        server = backend.describe_resource_server(user_pool_id, identifier)
        server.name = name
        server.scopes = scopes or []
        return server

    def delete_response(self: CognitoIdpResponse) -> Any:
        delete_resource_server(self.backend, self._get_param("UserPoolId"), self._get_param("Identifier"))
        return EmptyResult()

    def update_response(self: CognitoIdpResponse) -> Any:
        server = update_resource_server(
            self.backend, self._get_param("UserPoolId"), self._get_param("Identifier"), self._get_param("Name"),
            self._get_param("Scopes"),
        )
        return ActionResult({"ResourceServer": server.to_json()})

    CognitoIdpResponse.delete_resource_server = delete_response  # type: ignore[attr-defined]
    CognitoIdpResponse.update_resource_server = update_response  # type: ignore[attr-defined]


def _user_pool_tags() -> None:
    """``TagResource``, ``UntagResource`` and ``ListTagsForResource`` on user pools (kept as ``UserPoolTags``)."""
    from moto.cognitoidp.exceptions import ResourceNotFoundError
    from moto.cognitoidp.models import CognitoIdpBackend
    from moto.cognitoidp.responses import CognitoIdpResponse
    from moto.core.responses import ActionResult, EmptyResult

    def pool_tags(backend: CognitoIdpBackend, arn: str) -> dict[str, str]:
        for pool in backend.user_pools.values():
            if pool.arn == arn:
                tags: dict[str, str] = pool.extended_config.setdefault("UserPoolTags", {})
                return tags
        raise ResourceNotFoundError(f"Resource {arn} does not exist.")

    def tag_response(self: CognitoIdpResponse) -> Any:
        pool_tags(self.backend, self._get_param("ResourceArn")).update(self._get_param("Tags") or {})
        return EmptyResult()

    def untag_response(self: CognitoIdpResponse) -> Any:
        tags = pool_tags(self.backend, self._get_param("ResourceArn"))
        for key in self._get_param("TagKeys") or []:
            tags.pop(key, None)
        return EmptyResult()

    def list_response(self: CognitoIdpResponse) -> Any:
        return ActionResult({"Tags": dict(pool_tags(self.backend, self._get_param("ResourceArn")))})

    CognitoIdpResponse.tag_resource = tag_response  # type: ignore[attr-defined]
    CognitoIdpResponse.untag_resource = untag_response  # type: ignore[attr-defined]
    CognitoIdpResponse.list_tags_for_resource = list_response  # type: ignore[attr-defined]


def _user_pool_custom_id() -> None:
    """``CreateUserPool`` honours ``UserPoolTags={"_custom_id_": "<region>_<id>"}``."""
    from moto.cognitoidp.models import CognitoIdpUserPool, cognitoidp_backends

    original: Callable[..., None] = CognitoIdpUserPool.__init__

    def init(self: CognitoIdpUserPool, account_id: str, region: str, name: str, extended_config: dict[str, Any]) -> None:
        tags = dict(extended_config.get("UserPoolTags") or {})
        wanted = tags.pop(CUSTOM_ID_TAG, None)
        if wanted is not None:
            if not _POOL_ID.match(wanted) or not wanted.startswith(f"{region}_"):
                raise _invalid(
                    f"Tag {CUSTOM_ID_TAG}={wanted!r} is not a user pool ID of region {region}: "
                    f"use '{region}_' followed by letters and digits."
                )
            if wanted in cognitoidp_backends[account_id][region].user_pools:
                raise _invalid(f"Tag {CUSTOM_ID_TAG}={wanted!r}: a user pool with that ID exists already.")
            extended_config = {**extended_config, "UserPoolTags": tags}
        original(self, account_id, region, name, extended_config)
        if wanted is not None:
            self.id = wanted
            self.arn = f"{self.arn.rsplit('/', 1)[0]}/{wanted}"

    CognitoIdpUserPool.__init__ = init  # type: ignore[method-assign]


class SnapshotDict(OrderedDict):  # type: ignore[type-arg]
    """An ``OrderedDict`` whose iteration runs over a copy taken at once (a C-level copy, atomic under the
    GIL): safe while other request threads add and remove entries."""

    def __iter__(self) -> Any:
        return iter(list(super().keys()))

    def keys(self) -> Any:
        return list(super().keys())

    def values(self) -> Any:
        return list(super().values())

    def items(self) -> Any:
        return list(super().items())


_POOL_COLLECTIONS = ("users", "groups", "clients", "identity_providers", "resource_servers")


def _concurrent_pool_collections() -> None:
    """A pool's collections are :class:`SnapshotDict` (see the module docstring)."""
    from moto.cognitoidp.models import CognitoIdpUserPool

    original: Callable[..., None] = CognitoIdpUserPool.__init__

    def init(self: CognitoIdpUserPool, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        for name in _POOL_COLLECTIONS:
            setattr(self, name, SnapshotDict(getattr(self, name)))

    CognitoIdpUserPool.__init__ = init  # type: ignore[method-assign]


def _retried_create_function() -> None:
    """``CreateFunction`` retried by the SDK answers the function the first attempt made (see the docstring)."""
    import threading

    from moto.awslambda.responses import LambdaResponse

    original: Callable[..., Any] = LambdaResponse.create_function
    created: dict[tuple[str, str, str], str] = {}  # (account, region, name) -> the call that created it
    lock = threading.Lock()

    def create_function(self: LambdaResponse) -> Any:
        call = str(self.headers.get("amz-sdk-invocation-id") or "")
        key = (self.current_account, self.region, str(self.json_body.get("FunctionName", "")).rsplit(":", 1)[-1])
        with lock:
            if call and created.get(key) == call:
                config = self.backend.get_function(key[2], None).get_configuration(on_create=True)
                return 201, {"status": 201}, json.dumps(config)
            answer = original(self)
            if call and answer[0] == 201:
                created[key] = call
            return answer

    LambdaResponse.create_function = create_function  # type: ignore[method-assign]


def _sign_empty_bodies() -> None:
    """Signature checks of requests without a body hash an empty payload, as SigV4 clients do."""
    from moto.iam.access_control import IAMRequestBase

    original: Callable[..., Any] = IAMRequestBase._create_aws_request

    def create_aws_request(self: IAMRequestBase) -> Any:
        request = original(self)
        form = "x-www-form-urlencoded" in str(self._headers.get("Content-Type", ""))
        if not self._body and not form:  # moto keeps a form body (query protocol) as parameters only
            request.data = b""
        return request

    IAMRequestBase._create_aws_request = create_aws_request  # type: ignore[method-assign]


def _authorize_by_pool_arn() -> None:
    """``cognito-idp`` requests with a ``UserPoolId`` are authorized against that pool's ARN."""
    from moto.cognitoidp.responses import CognitoIdpResponse
    from moto.utilities.utils import get_partition

    def determine_resource(self: CognitoIdpResponse) -> str:
        pool_id = self._get_param("UserPoolId")
        if not isinstance(pool_id, str) or not pool_id:
            return "*"
        return f"arn:{get_partition(self.region)}:cognito-idp:{self.region}:{self.current_account}:userpool/{pool_id}"

    CognitoIdpResponse._determine_resource = determine_resource  # type: ignore[attr-defined]


_LOGGING = "cdktf_userpool_logging"
_SNAP_START = "cdktf_userpool_snap_start"


def _lambda_configuration() -> None:
    """``LoggingConfig``, ``SnapStart`` and ``TracingConfig`` of Lambda functions, kept and answered."""
    from moto.awslambda.models import LambdaFunction

    init: Callable[..., None] = LambdaFunction.__init__
    update: Callable[..., dict[str, Any]] = LambdaFunction.update_configuration
    configuration: Callable[..., dict[str, Any]] = LambdaFunction.get_configuration

    def logging_of(fn: LambdaFunction, given: dict[str, Any] | None) -> dict[str, Any]:
        current = getattr(fn, _LOGGING, None) or {"LogFormat": "Text"}
        merged = {**current, **(given or {})}
        if merged.get("LogFormat") == "JSON":
            merged.setdefault("ApplicationLogLevel", "INFO")
            merged.setdefault("SystemLogLevel", "INFO")
        else:
            merged.pop("ApplicationLogLevel", None)
            merged.pop("SystemLogLevel", None)
        merged.setdefault("LogGroup", f"/aws/lambda/{fn.function_name}")
        return merged

    def new_init(self: LambdaFunction, account_id: str, spec: dict[str, Any], region: str, version: Any = 1) -> None:
        init(self, account_id, spec, region, version)
        setattr(self, _LOGGING, logging_of(self, spec.get("LoggingConfig")))
        setattr(self, _SNAP_START, {"ApplyOn": "None", **(spec.get("SnapStart") or {})})

    def new_update(self: LambdaFunction, config_updates: dict[str, Any]) -> dict[str, Any]:
        if "LoggingConfig" in config_updates:
            setattr(self, _LOGGING, logging_of(self, config_updates["LoggingConfig"]))
        if "SnapStart" in config_updates:
            setattr(self, _SNAP_START, {"ApplyOn": "None", **(config_updates["SnapStart"] or {})})
        if "TracingConfig" in config_updates:
            self.tracing_config = config_updates["TracingConfig"] or {"Mode": "PassThrough"}
        return update(self, config_updates)

    def new_configuration(self: LambdaFunction, *args: Any, **kwargs: Any) -> dict[str, Any]:
        answer = configuration(self, *args, **kwargs)
        answer["LoggingConfig"] = dict(getattr(self, _LOGGING, None) or logging_of(self, None))
        snap = getattr(self, _SNAP_START, None) or {"ApplyOn": "None"}
        answer["SnapStart"] = {"ApplyOn": snap["ApplyOn"], "OptimizationStatus": "Off"}
        return answer

    LambdaFunction.__init__ = new_init  # type: ignore[method-assign]
    LambdaFunction.update_configuration = new_update  # type: ignore[method-assign]
    LambdaFunction.get_configuration = new_configuration  # type: ignore[method-assign]


_JSON_AUTH_CODES = {
    "AccessDenied": "AccessDeniedException",
    "SignatureDoesNotMatch": "InvalidSignatureException",
    "InvalidClientTokenId": "UnrecognizedClientException",
}


def signing_service(headers: Any) -> str | None:
    """The service a request was signed for (``cognito-idp``, botocore's name), from its ``Authorization``."""
    credential = str(headers.get("Authorization", "")).partition("Credential=")[2].partition(",")[0]
    parts = credential.split("/")
    return parts[3] if len(parts) >= 5 else None


def protocol(service: str | None) -> str | None:
    """The wire protocol of ``service`` in botocore's model (``json``, ``rest-json``, ``query``...)."""
    import botocore.session

    try:
        return str(botocore.session.get_session().get_service_model(service or "").metadata["protocol"])
    except Exception:
        return None


def _json_auth_errors() -> None:
    """IAM refusals to JSON-protocol services are JSON errors with AWS's error codes."""
    from moto.core.authorization import ActionAuthenticatorMixin
    from moto.core.exceptions import JsonRESTError, _RESTError

    original: Callable[..., None] = ActionAuthenticatorMixin._authenticate_and_authorize_action

    def authenticate(self: Any, iam_request_cls: type, resource: str = "*") -> None:
        try:
            original(self, iam_request_cls, resource)
        except _RESTError as refusal:
            if isinstance(refusal, JsonRESTError) or protocol(signing_service(self.headers)) not in ("json", "rest-json"):
                raise
            converted = refusal.to_json()
            converted.error_type = _JSON_AUTH_CODES.get(refusal.error_type, refusal.error_type)
            converted.description = json.dumps({"__type": converted.error_type, "message": refusal.message})
            raise converted from refusal

    ActionAuthenticatorMixin._authenticate_and_authorize_action = authenticate  # type: ignore[method-assign]


ADDITIONS: tuple[Callable[[], None], ...] = (
    _add_identity_pool_roles,
    _user_pool_tier,
    _updates_reset_what_they_leave_out,
    _mfa_config_members,
    _deletion_protection,
    _resource_servers,
    _user_pool_tags,
    _user_pool_custom_id,
    _concurrent_pool_collections,
    _sign_empty_bodies,
    _authorize_by_pool_arn,
    _json_auth_errors,
    _lambda_configuration,
    _retried_create_function,
)
"""Every addition, in the order :func:`apply` makes them."""


def apply() -> None:
    """Make every addition to moto's classes (once; later calls do nothing).

    :raises RuntimeError: if the installed moto is not ``MOTO_VERSION``: the layer is tested against that
        release only.
    """
    global _applied
    if _applied:
        return
    import moto

    if moto.__version__ != MOTO_VERSION:
        raise RuntimeError(
            f"cdktf_userpool.local needs moto {MOTO_VERSION}, found {moto.__version__}: "
            f"pip install 'cdktf-userpool[local]' (it pins moto=={MOTO_VERSION})."
        )
    for addition in ADDITIONS:
        addition()
    _applied = True
