"""Helper functions, classes, a dataclass and an enum defined next to the handler."""

import enum
from dataclasses import dataclass, field


class Status(enum.Enum):
    ACTIVE = "active"
    BLOCKED = "blocked"


DEFAULT_STATUS = Status.ACTIVE


@dataclass(frozen=True)
class User:
    name: str
    email: str
    tags: list = field(default_factory=list)

    @property
    def domain(self) -> str:
        return split_email(self.email)[1]


class Normalizer:
    """Lower-cases and strips."""

    suffix = "."

    def __call__(self, text):
        return _strip(text).lower() + self.suffix

    @classmethod
    def create(cls):
        return cls()


# Leading comments stay with their statement.
def _strip(text):
    return text.strip()


def split_email(email):
    # Comments inside copied functions are kept.
    local, _, domain = email.partition("@")
    return local, domain


def status_for(user):
    return Status.BLOCKED if user.domain == "blocked.example" else DEFAULT_STATUS


def handler(event, context):
    attributes = event["request"]["userAttributes"]
    user = User(name=Normalizer.create()(event["userName"]), email=attributes["email"])
    return {"name": user.name, "domain": user.domain, "status": status_for(user).value}
