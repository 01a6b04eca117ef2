"""The code a custom email/SMS sender receives: encrypted under the pool's KMS key, in the AWS
Encryption SDK's message format, base64-encoded, as Cognito sends it.

The data key comes from the emulator's own KMS (the key the pool's ``KMSKeyID`` names), so a
sender's real decryption code (``aws-encryption-sdk`` with a KMS master key provider or keyring,
its role's ``kms:Decrypt``) works against the emulator. The message uses the Encryption SDK's
signed, non-committing suite ``AES_256_GCM_IV12_TAG16_HKDF_SHA384_ECDSA_P384``: AWS's sample sender
decrypts with ``CommitmentPolicy.REQUIRE_ENCRYPT_ALLOW_DECRYPT``, which a committing suite would not
need. No encryption context beyond the SDK's own.
"""

from __future__ import annotations

import base64
from typing import Any

SUITE = "AES_256_GCM_IV12_TAG16_HKDF_SHA384_ECDSA_P384"


class _Kms:
    """The part of a boto3 KMS client the Encryption SDK's master key calls, served by moto's KMS in process."""

    def __init__(self, backend: Any) -> None:
        self._backend = backend

    def generate_data_key(self, *, KeyId: str, NumberOfBytes: int, EncryptionContext: Any = None,  # noqa: N803
                          GrantTokens: Any = None) -> dict[str, Any]:
        plaintext, blob, arn = self._backend.generate_data_key(KeyId, EncryptionContext or {}, NumberOfBytes, None)
        return {"Plaintext": plaintext, "CiphertextBlob": blob, "KeyId": arn}

    def encrypt(self, *, KeyId: str, Plaintext: bytes, EncryptionContext: Any = None,  # noqa: N803
                GrantTokens: Any = None) -> dict[str, Any]:
        blob, arn = self._backend.encrypt(KeyId, Plaintext, EncryptionContext or {})
        return {"CiphertextBlob": blob, "KeyId": arn}


def encrypted_code(pool: Any, code: str) -> str:
    """``request.code`` of a custom sender event: ``code`` encrypted under the pool's ``KMSKeyID``.

    :raises RuntimeError: if the pool has no ``KMSKeyID`` (Cognito refuses such a configuration).
    """
    import aws_encryption_sdk
    from aws_encryption_sdk.identifiers import Algorithm, CommitmentPolicy
    from aws_encryption_sdk.key_providers.kms import KMSMasterKey, KMSMasterKeyConfig
    from moto.kms.models import kms_backends

    key_arn = (pool.extended_config.get("LambdaConfig") or {}).get("KMSKeyID")
    if not key_arn:
        raise RuntimeError(f"user pool {pool.id} has a custom sender but no LambdaConfig.KMSKeyID")
    parts = str(key_arn).split(":")
    backend = kms_backends[parts[4]][parts[3]]
    key = KMSMasterKey(config=KMSMasterKeyConfig(key_id=str(key_arn), client=_Kms(backend)))
    client = aws_encryption_sdk.EncryptionSDKClient(commitment_policy=CommitmentPolicy.FORBID_ENCRYPT_ALLOW_DECRYPT)
    message, _ = client.encrypt(source=code.encode(), key_provider=key, algorithm=getattr(Algorithm, SUITE))
    return base64.b64encode(message).decode()
