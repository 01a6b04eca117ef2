"""Handlers that use modules of the user's own project."""

import corpus.textutil as tu

from . import helpers_mod
from .helpers_mod import slugify as slug


def handler(event, context):
    greeter = helpers_mod.Greeter("Hi")
    return {"slug": slug(event["userName"]), "greeting": greeter.greet("you"), "title": tu.title("a b")}


def lazy_import(event, context):
    from corpus.helpers_mod import slugify

    return slugify("Lazy Import")
