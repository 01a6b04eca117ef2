"""Decorators: registrations on infrastructure are dropped, others are kept."""

import functools

from corpus._infra import FakeUserPool

pool = FakeUserPool("pool")


def log_calls(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        result = fn(*args, **kwargs)
        result["decorated"] = True
        return result

    return wrapper


@pool.on_pre_sign_up
def registered(event, context):
    return {"user": event["userName"]}


@pool.on("preSignUp")
@log_calls
def registered_and_logged(event, context):
    return {"user": event["userName"]}


@log_calls
def logged(event):
    return {"user": event["userName"]}


class AuthStack:
    """Like a stack's constructor: the pool is a local, so the decorator cannot be looked up."""

    def __init__(self, user_pool):
        @user_pool.on_pre_sign_up
        def branded(event, context):
            return {"subject": "Welcome " + event["userName"]}

        self.branded = branded
