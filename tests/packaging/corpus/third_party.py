"""A third-party pure-Python distribution: python-dateutil."""

from dateutil import parser as dateparser


def handler(event, context):
    when = dateparser.isoparse(event["request"]["userAttributes"]["updated_at"])
    return {"year": when.year, "iso": when.isoformat()}
