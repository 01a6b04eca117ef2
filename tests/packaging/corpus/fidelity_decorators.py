"""Decorators without ``functools.wraps``, and Powertools' decorators, in either order with registration."""

from aws_lambda_powertools import Logger
from aws_lambda_powertools.utilities.data_classes import event_source
from aws_lambda_powertools.utilities.data_classes.cognito_user_pool_event import PreSignUpTriggerEvent

from corpus._infra import FakeUserPool

pool = FakeUserPool("pool")
logger = Logger(service="signup", stream=None)


def counted(fn):  # no functools.wraps: the wrapper hides fn
    def wrapper(event, context):
        result = fn(event, context)
        result["wrapped"] = result.get("wrapped", 0) + 1
        return result

    return wrapper


@pool.on_pre_sign_up
@counted
def registered_outside(event, context):
    return {"user": event["userName"]}


@counted
@pool.on_pre_sign_up
def registered_inside(event, context):
    return {"user": event["userName"]}


@pool.on_pre_sign_up
@logger.inject_lambda_context
@event_source(data_class=PreSignUpTriggerEvent)
def powertools_inside(event: PreSignUpTriggerEvent, context):
    logger.info("sign-up", extra={"user": event.user_name})
    return {"user": event.user_name, "email": event.request.user_attributes["email"]}


@logger.inject_lambda_context
@pool.on_pre_sign_up
def powertools_outside(event, context):
    logger.info("sign-up")
    return {"user": event["userName"], "service": logger.service}
