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
PROVIDER_ID = "aws-kms"
"""The Encryption SDK's provider ID of KMS keys: what the senders' KMS key providers look for."""


def _pool_key(backend: Any, key_arn: str) -> Any:
    """An Encryption SDK master key of provider ``aws-kms`` whose data keys come from moto's KMS in process.

    Its encrypted data keys are what KMS ``GenerateDataKey`` returns for ``key_arn``, so the KMS master
    key providers of a sender decrypt them with KMS ``Decrypt``, as in AWS.
    """
    import attr
    from aws_encryption_sdk.key_providers.base import MasterKey, MasterKeyConfig  # type: ignore[import-untyped]
    from aws_encryption_sdk.structures import DataKey, EncryptedDataKey, MasterKeyInfo  # type: ignore[import-untyped]

    @attr.s(hash=True)
    class Config(MasterKeyConfig):  # type: ignore[misc]
        provider_id = PROVIDER_ID

    class PoolKey(MasterKey):  # type: ignore[misc]
        provider_id = PROVIDER_ID
        _config_class = Config

        def _generate_data_key(self, algorithm: Any, encryption_context: Any) -> Any:
            plaintext, blob, arn = backend.generate_data_key(key_arn, encryption_context or {}, algorithm.kdf_input_len, None)
            return DataKey(key_provider=MasterKeyInfo(PROVIDER_ID, arn), data_key=plaintext, encrypted_data_key=blob)

        def _encrypt_data_key(self, data_key: Any, algorithm: Any, encryption_context: Any) -> Any:
            blob, arn = backend.encrypt(key_arn, data_key.data_key, encryption_context or {})
            return EncryptedDataKey(key_provider=MasterKeyInfo(PROVIDER_ID, arn), encrypted_data_key=blob)

        def _decrypt_data_key(self, encrypted_data_key: Any, algorithm: Any, encryption_context: Any) -> Any:
            raise NotImplementedError("the local user pool only encrypts")

    return PoolKey(key_id=key_arn)


def encrypted_code(pool: Any, code: str) -> str:
    """``request.code`` of a custom sender event: ``code`` encrypted under the pool's ``KMSKeyID``.

    :raises RuntimeError: if the pool has no ``KMSKeyID`` (Cognito refuses such a configuration).
    """
    import aws_encryption_sdk  # type: ignore[import-untyped]
    from aws_encryption_sdk.identifiers import Algorithm, CommitmentPolicy  # type: ignore[import-untyped]
    from moto.kms.models import kms_backends

    key_arn = (pool.extended_config.get("LambdaConfig") or {}).get("KMSKeyID")
    if not key_arn:
        raise RuntimeError(f"user pool {pool.id} has a custom sender but no LambdaConfig.KMSKeyID")
    parts = str(key_arn).split(":")
    backend = kms_backends[parts[4]][parts[3]]
    key = _pool_key(backend, str(key_arn))
    client = aws_encryption_sdk.EncryptionSDKClient(commitment_policy=CommitmentPolicy.FORBID_ENCRYPT_ALLOW_DECRYPT)
    message, _ = client.encrypt(source=code.encode(), key_provider=key, algorithm=getattr(Algorithm, SUITE))
    return base64.b64encode(message).decode()
