"""Captures that cannot be shipped; each handler here must raise a CaptureError."""

import functools
import os
import threading
from os.path import *  # noqa: F403

from corpus import infra_helpers, infra_helpers_cdktn
from corpus._infra import FakeUserPool, UserPool

pool = FakeUserPool("pool")
own_pool = UserPool("own")
settings = pool
TOKENS = ["${TfToken[TOKEN.2]}"]
LIMIT = 10
globals()["dynamic"] = object()
exec("def made_by_exec(x):\n    return x\n")


def check(x):
    return x < LIMIT


def uses_pool(event, context):
    return pool.id


def uses_settings(event, context):
    return settings.id


def uses_star(event, context):
    return join("a", "b")  # noqa: F405


def uses_exec(event, context):
    return made_by_exec(event)


def uses_undefined(event, context):
    return not_defined_anywhere + 1  # noqa: F821


def uses_token_list(event, context):
    return TOKENS


def uses_infra_module(event, context):
    return infra_helpers.double(2)


def uses_dynamic(event, context):
    return dynamic  # noqa: F821


def make_infra_closure():
    stack = FakeUserPool("stack")

    def handler(event, context):
        return stack.id

    return handler


def make_lock_closure():
    lock = threading.Lock()

    def handler(event, context):
        with lock:
            return event

    return handler


def make_nonlocal():
    calls = 0

    def handler(event, context):
        nonlocal calls
        calls += 1
        return calls

    return handler


def make_conflict():
    LIMIT = 5

    def handler(event, context):
        return check(LIMIT)

    return handler


TABLE_ARN = "${TfToken[TOKEN.11]}"


def arn():
    return TABLE_ARN


def make_env_conflict():
    table_arn = "${TfToken[TOKEN.12]}"

    def handler(event, context):
        return table_arn, arn()

    return handler


def make_reserved_env():
    aws_region = "${TfToken[TOKEN.3]}"

    def handler(event, context):
        return aws_region

    return handler


def _wrap(fn):
    @functools.wraps(fn)
    def wrapper(*args):
        return fn(*args)

    return wrapper


def make_unknown_decorator():
    local_wrap = _wrap

    @local_wrap
    def handler(event, context):
        return event

    return handler


def uses_own_pool(event, context):
    return own_pool.user_pool_id


def make_environment_closure():
    secret = os.environ["CORPUS_SECRET"]  # read at synth, inside the factory: cannot be read again in Lambda

    def handler(event, context):
        return {"secret": secret}

    return handler


def uses_infra_module_data(event, context):
    return infra_helpers.double


def uses_cdktn_module(event, context):
    return infra_helpers_cdktn.double(2)
