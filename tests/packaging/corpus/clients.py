"""A module-level boto3 resource: the statement is copied and runs once per cold start."""

import boto3

TABLE_NAME = "users"
table = boto3.resource("dynamodb").Table(TABLE_NAME)


def handler(event, context):
    return table.get_item(Key={"id": event["userName"]})
