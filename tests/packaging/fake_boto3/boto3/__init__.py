"""A tiny stand-in for boto3, for tests only: ``resource("dynamodb").Table(name).get_item(Key=...)``."""

CREATED = []


class _Table:
    def __init__(self, name):
        self.name = name

    def get_item(self, Key):
        return {"Item": {"table": self.name, "created": len(CREATED), **Key}}


class _Resource:
    def __init__(self, service):
        self.service = service

    def Table(self, name):
        return _Table(name)


def resource(service, **kwargs):
    CREATED.append(service)
    return _Resource(service)
