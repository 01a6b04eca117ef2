"""``global`` statements and recursion."""

counter = 0
HISTORY = []


def factorial(n):
    return 1 if n <= 1 else n * factorial(n - 1)


def handler(event, context):
    global counter
    counter += 1
    HISTORY.append(event["userName"])
    return {"count": counter, "history": HISTORY, "fact": factorial(5)}


def countdown(event, context):
    n = event.get("n", 3)
    if n <= 0:
        return {"done": True}
    return countdown({**event, "n": n - 1}, context)
