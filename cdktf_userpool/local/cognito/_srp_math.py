"""The arithmetic of Cognito's SRP-6a, shared by the password's (``_srp``) and a remembered device's
(``_device_auth``) sign-in.

Cognito's parameters (as its SDKs implement them): the 3072-bit group of RFC 3526 with ``g = 2``,
SHA-256 over hex strings padded to whole bytes with a sign byte (``padHex``), ``k = H(N, g)`` with
``g`` padded to one byte, ``x = H(salt, H(poolName + userId + ":" + password))``, the session key
from a one-block HKDF (``"Caldera Derived Key"``), and the client's proof
``HMAC(K, poolName + userId + secretBlock + timestamp)``. For a device, the ``DeviceGroupKey`` stands
for the pool's name, the ``DeviceKey`` for the user, and the server holds only the verifier the client
computed (``ConfirmDevice``). No SRP library on PyPI implements this variant (``srp`` follows RFC
5054), hence this module.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from typing import Any

__all__ = ["G", "K_MULTIPLIER", "N", "pad_hex", "pool_name", "private_x", "proof_holds", "server_challenge",
           "session_key", "signature", "verifier_challenge"]

N = int(
    "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD"
    "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
    "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F"
    "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B"
    "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510"
    "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7"
    "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C"
    "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF",
    16,
)
G = 2
_INFO = b"Caldera Derived Key"


def pad_hex(value: int | str) -> str:
    """``padHex``: hex digits of a whole number of bytes, with a leading ``00`` when the top bit is set."""
    text = value if isinstance(value, str) else format(value, "x")
    if len(text) % 2:
        return "0" + text
    return "00" + text if text[0] in "89abcdefABCDEF" else text


def _hash_hex(hex_text: str) -> str:
    return hashlib.sha256(bytes.fromhex(hex_text)).hexdigest().zfill(64)


K_MULTIPLIER = int(_hash_hex(pad_hex(N) + pad_hex(G)), 16)


def pool_name(pool_id: str) -> str:
    """The part of the pool ID after the underscore, which Cognito's SRP mixes in."""
    return pool_id.split("_", 1)[1]


def private_x(pool_id: str, user_id: str, password: str, salt_hex: str) -> int:
    inner = hashlib.sha256(f"{pool_name(pool_id)}{user_id}:{password}".encode()).hexdigest().zfill(64)
    return int(_hash_hex(pad_hex(salt_hex) + inner), 16)


def session_key(big_s: int, u: int) -> bytes:
    """The 16-byte key both sides derive from the shared secret ``S`` and the scrambler ``u``."""
    prk = hmac.new(bytes.fromhex(pad_hex(u)), bytes.fromhex(pad_hex(big_s)), hashlib.sha256).digest()
    return hmac.new(prk, _INFO + b"\x01", hashlib.sha256).digest()[:16]


def signature(key: bytes, pool_id: str, user_id: str, secret_block: str, timestamp: str, *,
              group: str | None = None) -> str:
    """The client's proof; ``group`` replaces the pool's name for a device (its ``DeviceGroupKey``)."""
    name = group if group is not None else pool_name(pool_id)
    message = name.encode() + user_id.encode() + base64.b64decode(secret_block) + timestamp.encode()
    return base64.b64encode(hmac.new(key, message, hashlib.sha256).digest()).decode()


def _salt() -> str:
    """16 random bytes in hex whose first digit is 1-7, so every client pads it as this module does."""
    return secrets.choice("1234567") + secrets.token_hex(16)[1:]


def server_challenge(pool_id: str, user_id: str, password: str) -> dict[str, Any]:
    """A fresh ``(salt, b, B)`` for a sign-in, and the verifier they came from."""
    salt = _salt()
    return {"salt": salt, **verifier_challenge(pow(G, private_x(pool_id, user_id, password, salt), N))}


def verifier_challenge(verifier: int) -> dict[str, Any]:
    """A fresh ``(b, B)`` for the holder of ``verifier`` (a device's, given at ``ConfirmDevice``)."""
    while True:
        b = secrets.randbits(256)
        big_b = (K_MULTIPLIER * verifier + pow(G, b, N)) % N
        if big_b:
            return {"b": b, "B": big_b, "v": verifier}


def proof_holds(state: dict[str, Any], pool_id: str, user_id: str, big_a: int, given: str, timestamp: str,
                secret_block: str, *, group: str | None = None) -> bool:
    """Whether ``given`` is the proof a client knowing the password computes (``group``: see :func:`signature`)."""
    if big_a % N == 0:
        return False
    u = int(_hash_hex(pad_hex(big_a) + pad_hex(state["B"])), 16)
    if u == 0:
        return False
    big_s = pow(big_a * pow(state["v"], u, N) % N, state["b"], N)
    expected = signature(session_key(big_s, u), pool_id, user_id, secret_block, timestamp, group=group)
    return hmac.compare_digest(expected, given)
