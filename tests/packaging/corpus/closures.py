"""Handlers made by factories: closure values follow the closure rule."""

import json

from .constants import GREETING


def shout(text):
    return text.upper()


def make_handler(prefix, limits, flags):
    def handler(event, context):
        return {"message": prefix + event["userName"], "limits": limits, "flags": sorted(flags)}

    return handler


def make_multiline(name):
    def handler(event, context):
        text = """first
  second (two spaces)
third"""
        greeting = f"""Hello {name},
    welcome {event["userName"]}!"""
        return {"text": text, "greeting": greeting}

    return handler


def make_nested(suffix):
    def decorate(name):
        return f"<{name}{suffix}>"

    wrap = lambda text: f"[{text}]"  # noqa: E731
    loud = shout
    dumps = json.dumps

    def handler(event):
        return {"text": wrap(decorate(loud(event["userName"]))), "json": dumps({"g": GREETING})}

    return handler


def make_multiline(name):
    def handler(event, context):
        text = """first
  second (two spaces)
third"""
        greeting = f"""Hello {name},
    welcome {event["userName"]}!"""
        return {"text": text, "greeting": greeting}

    return handler
