"""Default argument values that read module-level names (evaluated when the def runs)."""

PREFIX = "user-"


def formatter(text):
    return text.upper()


def handler(event, context=None, *, prefix=PREFIX, fmt=formatter):
    return {"name": fmt(prefix + event["userName"])}
