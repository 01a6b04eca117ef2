"""Module-level constants: plain data becomes literals."""

GREETING = "Hello"
LIMITS = {"max": 3, "ratio": 0.5, "tags": ("a", "b"), "nested": [1, [2, 3], {"x": None}]}
ALLOWED = {"example.org", "example.com", "example.net"}
FROZEN = frozenset({3, 1, 2})
BLOB = b"\x00bytes"
SPECIAL = (float("nan"), float("inf"), -float("inf"), -0.0, True, None)
COUNT = 1
COUNT += 1  # plain data: shipped as its current value, 2
DOMAIN_LIST = sorted(ALLOWED)


def handler(event, context):
    domain = event["request"]["userAttributes"]["email"].rsplit("@", 1)[-1]
    nan, inf, ninf, zero, flag, nothing = SPECIAL
    return {
        "greeting": f"{GREETING} {event['userName']}",
        "allowed": domain in ALLOWED,
        "limits": LIMITS,
        "frozen": sorted(FROZEN),
        "blob": BLOB.hex(),
        "special": [nan != nan, inf > 0, ninf < 0, str(zero), flag, nothing],
        "count": COUNT,
        "domains": DOMAIN_LIST,
    }
