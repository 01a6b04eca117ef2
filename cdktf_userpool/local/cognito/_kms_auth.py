"""IAM authorization of KMS calls against the key they use, as AWS does (moto checks ``*``).

A custom sender's role is granted ``kms:Decrypt`` on the pool's key only (``Resource`` = the key's
ARN), so its decryption of the code Cognito sent was refused. The key is the call's ``KeyId`` (an
ID, ARN or alias), or for ``Decrypt`` without one, the key named inside the ciphertext.
"""

from __future__ import annotations

import base64
from typing import Any

_installed = False


def _key_arn(response: Any) -> str:
    from moto.kms.models import kms_backends
    from moto.kms.utils import KEY_ID_LEN

    backend = kms_backends[response.current_account][response.region]
    key_id = response._get_param("KeyId")
    try:
        if not key_id and response._get_action() == "Decrypt":
            blob = base64.b64decode(response._get_param("CiphertextBlob") or "")
            key_id = blob[:KEY_ID_LEN].decode()
        if not key_id:
            return "*"
        return str(backend.describe_key(backend.any_id_to_key_id(str(key_id))).arn)
    except Exception:  # an unknown key: let the call itself answer NotFoundException
        return "*"


def install() -> None:
    """Give moto's KMS responses the resource IAM authorizes them against (once)."""
    global _installed
    if _installed:
        return
    from moto.kms.responses import KmsResponse

    KmsResponse._determine_resource = _key_arn  # type: ignore[attr-defined]
    _installed = True
