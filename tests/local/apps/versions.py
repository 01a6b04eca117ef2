"""One stack, ``versions``, in five versions, for the re-apply tests (a cdktf app; the tests rewrite its
imports for cdktn). Each version is synthesized into its own folder under ``$CDKTF_OUTDIR``:

- ``v1``: pool ``Kept`` (``removal_policy="retain"``) whose pre sign-up function ``Greeter`` leaves users
  unconfirmed, with app client ``Web``.
- ``v2``: ``Greeter`` has new code (it confirms users), and a post authentication trigger is added.
- ``v3`` (from ``v2``): ``Kept`` signs users in by email (``username_attributes``: a replacement).
- ``v4`` (from ``v2``): ``Kept`` switched to ``removal_policy="destroy"`` (an in-place update).
- ``v5`` (from ``v4``): and signs users in by email: now the replacement goes through.
- ``client`` (from ``v4``): ``Web`` gets a secret (a replacement: a new client ID).
- ``nopool`` (from ``v4``): the pool, its client and its triggers removed; ``Greeter`` stays.
- ``moved`` (from ``v5``): ``Kept`` renamed ``Members`` with ``moved_from``, its name and its client's
  name kept: a move of the pool and the client, not a replacement.
- ``renamed``: ``v2`` as a stack of another name, for the refusal of a synth of another stack.

Beside ``Kept``, the pool ``ByEmail`` (``username_attributes=["email"]``) is changed in place from version to
version (see ``Versions.by_email``), and every version calls the hand-written module ``modules/tenant`` with ``for_each``
(``Tenants``, key ``acme``): a pool (``count = 1``), its client and its pre sign-up permission, the
trigger being ``Greeter``. In ``v5`` (and ``moved``) the module's pool signs users in by email (a
replacement, applied: the module's pool is not retained); in ``client`` its client gets a secret; in
``nopool`` the module call is gone (its pool, client and permission deleted).
"""

from __future__ import annotations

import os
from pathlib import Path

from cdktf import App, TerraformHclModule, TerraformIterator, TerraformOutput, TerraformStack
from cdktf_cdktf_provider_aws.provider import AwsProvider
from constructs import Construct

from cdktf_userpool import Function, UserPool, moved_from

REGION = "eu-west-1"
VERSIONS = ("v1", "v2", "v3", "v4", "v5", "client", "nopool", "moved")
TENANT_MODULE = Path(__file__).resolve().parent / "modules" / "tenant"


def local_source(folder: Path) -> str:
    """``folder`` as cdktf takes a local module: relative to the current directory, starting ``./`` or ``../``
    (cdktf then copies it into the synth's assets)."""
    relative = os.path.relpath(folder)
    return relative if relative.startswith("..") else f"./{relative}"


def leave_unconfirmed(event, context):
    """Pre sign-up, v1: the user confirms with a code."""
    return event


def confirm(event, context):
    """Pre sign-up, from v2: the user is confirmed at once."""
    event["response"]["autoConfirmUser"] = True
    return event


def audit(event, context):
    """Post authentication, from v2: nothing to do."""
    return event


class Versions(TerraformStack):
    def __init__(self, scope: Construct, id: str, version: str) -> None:
        super().__init__(scope, id)
        AwsProvider(self, "aws", region=REGION)
        greeter = Function(self, "Greeter", leave_unconfirmed if version == "v1" else confirm)
        self.by_email(version)
        if version == "nopool":
            return
        tenants = TerraformIterator.from_list(["acme"])
        TerraformHclModule(self, "Tenants", source=local_source(TENANT_MODULE), for_each=tenants, variables={
            "name": "versions-${each.key}",
            "sign_in_by_email": version in ("v5", "moved"),
            "client_secret": version == "client",
            "pre_sign_up": greeter.arn,
        })
        by_email = {"username_attributes": ["email"]} if version in ("v3", "v5", "moved") else {}
        policy = "destroy" if version in ("v4", "v5", "client", "moved") else "retain"
        if version == "moved":  # the names the path gave before the rename, kept
            kept = UserPool(self, "Members", removal_policy=policy, name="versions-Kept", **by_email)
            moved_from(kept, "Kept")
        else:
            kept = UserPool(self, "Kept", removal_policy=policy, **by_email)
        kept.on_pre_sign_up(greeter)
        if version != "v1":
            kept.on_post_authentication(Function(self, "Audit", audit))
        client = {"generate_secret": True} if version == "client" else {"name": "versions-Kept-Web"} if version == "moved" else {}
        web = kept.add_client("Web", **client)
        TerraformOutput(self, "PoolId", value=kept.user_pool_id)
        TerraformOutput(self, "WebClientId", value=web.client_id)


    def by_email(self, version: str) -> None:
        """``ByEmail``, a pool signing in by email, changed in place from version to version: v2 adds a
        trigger; v4 changes a pool setting and a client setting and replaces the pre sign-up function (a new
        ARN in ``lambda_config``); ``moved`` renames it ``Emails`` with ``moved_from`` (its post
        authentication function, named from the path, is replaced)."""
        later = version in ("v4", "v5", "client", "nopool", "moved")
        settings = {"email_verification_subject": "Your code, again"} if later else {}
        name = "Emails" if version == "moved" else "ByEmail"
        pool = UserPool(self, name, removal_policy="destroy", username_attributes=["email"], name="versions-ByEmail",
                        **settings)
        if version == "moved":
            moved_from(pool, "ByEmail")
        pool.on_pre_sign_up(Function(self, "ByEmailConfirm", confirm) if later else confirm)
        if version != "v1":
            pool.on_post_authentication(audit)
        pool.add_client("Web", name="versions-ByEmail-Web", refresh_token_validity=7 if later else 30)
        TerraformOutput(self, "ByEmailPoolId", value=pool.user_pool_id)


def main() -> None:
    base = Path(os.environ.get("CDKTF_OUTDIR", "cdktf.out"))
    for version in (*VERSIONS, "renamed"):
        (base / version).mkdir(parents=True, exist_ok=True)
        app = App(outdir=str(base / version), context={"cdktfRelativeModules": [local_source(TENANT_MODULE)]})
        Versions(app, "renamed" if version == "renamed" else "versions", "v2" if version == "renamed" else version)
        app.synth()


if __name__ == "__main__":
    main()
