"""Plain, event-only and async handlers."""

import asyncio


def handler(event, context):
    event["response"]["autoConfirmUser"] = True
    event["response"]["function"] = context.function_name
    return event


def event_only(event):
    return {"user": event["userName"], "kind": "event-only"}


def with_defaults(event, context=None, extra="kept"):
    return {"has_context": context is not None, "extra": extra}


def no_arguments():
    return "nothing needed"


async def async_handler(event, context):
    await asyncio.sleep(0)
    return {"async": True, "user": event["userName"]}


async def _later(event):
    await asyncio.sleep(0)
    return {"awaited": event["userName"]}


def returns_coroutine(event, context):
    return _later(event)
