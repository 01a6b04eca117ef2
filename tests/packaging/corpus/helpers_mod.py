"""A module of the user's project, imported by handlers: copied into the package as is."""

import re

_NON_WORD = re.compile(r"[^a-z0-9]+")


def slugify(text):
    return _NON_WORD.sub("-", text.lower()).strip("-")


class Greeter:
    def __init__(self, greeting):
        self.greeting = greeting

    def greet(self, name):
        return f"{self.greeting}, {name}"
