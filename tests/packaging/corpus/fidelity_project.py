"""Plain data read as attributes of a project module that builds infrastructure."""

from corpus import stackmod


def handler(event, context):
    return {"region": stackmod.REGION, "per_day": stackmod.LIMITS["per_day"]}
