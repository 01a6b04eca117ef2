"""Lambdas, including two on one line."""

SUFFIX = "!"

handler = lambda event, context: {"user": event["userName"] + SUFFIX}  # noqa: E731

first, second = (lambda event: {"which": "first"}), (lambda event: {"which": "second", "s": SUFFIX})

multiline = lambda event, context: {  # noqa: E731
    "user": event["userName"],
    "lines": 2,
}

countdown = lambda n: 0 if n <= 0 else 1 + countdown(n - 1)  # noqa: E731
recursive_lambda = lambda event: {"count": countdown(3)}  # noqa: E731
calls_handler = lambda event, context: {"wrapped": handler(event, context)}  # noqa: E731
