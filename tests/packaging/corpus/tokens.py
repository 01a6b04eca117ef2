"""Terraform tokens captured as strings become environment variables."""

TABLE_ARN = "${TfToken[TOKEN.11]}"
PLAIN = "not a token"


def handler(event, context):
    return {"arn": TABLE_ARN, "plain": PLAIN}


def make_handler(bucket_name):
    def handler(event, context):
        return {"bucket": bucket_name, "arn": TABLE_ARN}

    return handler
