"""``USER_SRP_AUTH``: the server side of Cognito's SRP-6a, so a real SRP client signs in with the
right password and is refused with a wrong one.

Cognito's parameters (as its SDKs implement them): the 3072-bit group of RFC 3526 with ``g = 2``,
SHA-256 over hex strings padded to whole bytes with a sign byte (``padHex``), ``k = H(N, g)`` with
``g`` padded to one byte, ``x = H(salt, H(poolName + userId + ":" + password))``, the session key
from a one-block HKDF (``"Caldera Derived Key"``), and the client's proof
``HMAC(K, poolName + userId + secretBlock + timestamp)``. No SRP library on PyPI implements this
variant (``srp`` follows RFC 5054), hence this module.

``InitiateAuth`` runs pre authentication, then answers ``PASSWORD_VERIFIER`` with ``SALT``,
``SRP_B``, ``SECRET_BLOCK`` and ``USER_ID_FOR_SRP``; ``RespondToAuthChallenge`` checks the proof, then
continues as a password sign-in does. No user migration: the password never reaches Cognito.
The ``TIMESTAMP`` is not checked against the clock.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from typing import Any

from ._errors import invalid_parameter, not_authorized
from ._events import metadata
from ._pools import Call, check_secret, require_user
from ._signin import after_password, answers, initiates, open_session, pre_authentication, resume, take_session

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
_by_block: dict[str, str] = {}
"""``SECRET_BLOCK`` -> the session it opened (clients answer with the block, not always the session)."""
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


def signature(key: bytes, pool_id: str, user_id: str, secret_block: str, timestamp: str) -> str:
    message = pool_name(pool_id).encode() + user_id.encode() + base64.b64decode(secret_block) + timestamp.encode()
    return base64.b64encode(hmac.new(key, message, hashlib.sha256).digest()).decode()


def _salt() -> str:
    """16 random bytes in hex whose first digit is 1-7, so every client pads it as this module does."""
    return secrets.choice("1234567") + secrets.token_hex(16)[1:]


def server_challenge(pool_id: str, user_id: str, password: str) -> dict[str, Any]:
    """A fresh ``(salt, b, B)`` for a sign-in, and the verifier they came from."""
    salt = _salt()
    verifier = pow(G, private_x(pool_id, user_id, password, salt), N)
    while True:
        b = secrets.randbits(256)
        big_b = (K_MULTIPLIER * verifier + pow(G, b, N)) % N
        if big_b:
            return {"salt": salt, "b": b, "B": big_b, "v": verifier}


def proof_holds(state: dict[str, Any], pool_id: str, user_id: str, big_a: int, given: str, timestamp: str,
                secret_block: str) -> bool:
    """Whether ``given`` is the proof a client knowing the password computes."""
    if big_a % N == 0:
        return False
    u = int(_hash_hex(pad_hex(big_a) + pad_hex(state["B"])), 16)
    if u == 0:
        return False
    big_s = pow(big_a * pow(state["v"], u, N) % N, state["b"], N)
    expected = signature(session_key(big_s, u), pool_id, user_id, secret_block, timestamp)
    return hmac.compare_digest(expected, given)


@initiates("USER_SRP_AUTH")
def initiate(call: Call, params: dict[str, Any], *, then: tuple[str, Any] | None = None) -> dict[str, Any]:
    """``InitiateAuth`` with ``USER_SRP_AUTH``: pre authentication, then the ``PASSWORD_VERIFIER`` challenge.

    :param then: the flow this SRP step runs for and its state (``("CUSTOM_AUTH", session)``: custom auth
        started with ``SRP_A``, which checked the client's secret and runs no pre authentication): after
        the proof, that flow goes on (``_signin.resume``). Default: ``None``, a plain SRP sign-in.
    """
    auth = params.get("AuthParameters") or {}
    name, srp_a = str(auth.get("USERNAME") or ""), str(auth.get("SRP_A") or "")
    if not srp_a:
        raise invalid_parameter("Missing required parameter SRP_A")
    user = require_user(call.pool, name, client=call.client)
    if then is None:  # a flow that hands this step over checked the client's secret already
        check_secret(call.client, name, auth.get("SECRET_HASH"), also=(user.username,))
    if not user.enabled:
        raise not_authorized("User is disabled.")
    if then is None:
        pre_authentication(call, user, metadata(params.get("ClientMetadata")))
    challenge = server_challenge(call.pool_id, user.username, str(user.password or ""))
    secret_block = base64.b64encode(secrets.token_bytes(64)).decode()
    session = open_session(call, "PASSWORD_VERIFIER", user, A=int(srp_a, 16), secret_block=secret_block,
                           then=then, **challenge)
    _by_block[secret_block] = session
    return {"ChallengeName": "PASSWORD_VERIFIER", "ChallengeParameters": {
        "SALT": challenge["salt"], "SRP_B": format(challenge["B"], "x"), "SECRET_BLOCK": secret_block,
        "USER_ID_FOR_SRP": user.username, "USERNAME": user.username}}


@answers("PASSWORD_VERIFIER")
def respond(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    """``RespondToAuthChallenge`` with ``PASSWORD_VERIFIER``: the proof checked, then status checks and tokens,
    or, for a step run for another flow, that flow's next step."""
    given = params.get("ChallengeResponses") or {}
    block = str(given.get("PASSWORD_CLAIM_SECRET_BLOCK") or "")
    state = take_session(call, _by_block.pop(block, None) or params.get("Session"), "PASSWORD_VERIFIER")
    user = require_user(call.pool, state["username"], client=call.client)
    check_secret(call.client, str(given.get("USERNAME") or ""), given.get("SECRET_HASH"), also=(user.username,))
    ok = block == state["secret_block"] and proof_holds(
        state, call.pool_id, user.username, state["A"], str(given.get("PASSWORD_CLAIM_SIGNATURE") or ""),
        str(given.get("TIMESTAMP") or ""), block)
    if not ok:
        raise not_authorized()
    if state.get("then") is not None:
        flow, flow_state = state["then"]
        verified = {"challengeName": "PASSWORD_VERIFIER", "challengeResult": True, "challengeMetadata": None}
        return resume(flow, call, user, flow_state, verified, metadata(params.get("ClientMetadata")))
    return after_password(call, user)
