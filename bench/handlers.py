"""Twelve small trigger handlers, one per Cognito trigger, shared by both benchmark apps."""

ALLOWED = ("example.com",)


def create_auth_challenge(event, context):
    event["response"]["publicChallengeParameters"] = {"hint": "code"}
    event["response"]["privateChallengeParameters"] = {"answer": "42"}
    return event


def custom_message(event, context):
    event["response"]["emailSubject"] = "Welcome"
    return event


def define_auth_challenge(event, context):
    event["response"]["issueTokens"] = bool(event["request"]["session"])
    return event


def post_authentication(event, context):
    print("signed in", event["userName"])
    return event


def post_confirmation(event, context):
    print("confirmed", event["userName"])
    return event


def pre_authentication(event, context):
    return event


def pre_sign_up(event, context):
    email = event["request"]["userAttributes"].get("email", "")
    event["response"]["autoConfirmUser"] = email.rsplit("@", 1)[-1] in ALLOWED
    return event


def pre_token_generation(event, context):
    event["response"]["claimsOverrideDetails"] = {"claimsToAddOrOverride": {"tier": "gold"}}
    return event


def user_migration(event, context):
    raise Exception("user not found")


def verify_auth_challenge_response(event, context):
    event["response"]["answerCorrect"] = event["request"]["challengeAnswer"] == "42"
    return event


def custom_email_sender(event, context):
    return event


def custom_sms_sender(event, context):
    return event
