"""Names bound by several top-level statements: all of them are copied, in order."""

import sys

if sys.version_info >= (3, 0):

    def pick(values):
        return max(values)

else:  # pragma: no cover

    def pick(values):
        return min(values)


def upper(text):
    return text.upper()


TRANSFORMS = []
TRANSFORMS.append(upper)
TRANSFORMS.append(str.strip)


def handler(event, context):
    text = event["userName"]
    for transform in TRANSFORMS:
        text = transform(text)
    return {"picked": pick([3, 9, 4]), "text": text}
