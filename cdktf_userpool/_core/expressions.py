"""Read back the ``${jsonencode({...})}`` expressions cdktf writes for policies.

Only what cdktf emits for a Python dict is understood: HCL object syntax (``"Key" = value``), lists,
strings (with ``${...}`` interpolations), numbers, booleans, null, and bare references such as
``aws_kms_key.key.arn``, which come back as ``"${aws_kms_key.key.arn}"`` strings. It is not an HCL
parser.
"""

from __future__ import annotations

import json
from typing import Any

_PREFIX, _SUFFIX = "${jsonencode(", ")}"
_LITERALS = ("true", "false", "null")


def is_jsonencode(value: object) -> bool:
    """Whether ``value`` is a whole ``${jsonencode(...)}`` expression."""
    return isinstance(value, str) and value.startswith(_PREFIX) and value.endswith(_SUFFIX)


def decode_jsonencode(expression: str) -> Any:
    """The data inside a ``${jsonencode(...)}`` expression; references become ``"${...}"`` strings.

    :raises ValueError: if ``expression`` is not such an expression or cannot be read.
    """
    if not is_jsonencode(expression):
        raise ValueError(f"not a jsonencode expression: {expression[:60]!r}")
    body = expression[len(_PREFIX) : -len(_SUFFIX)]
    out: list[str] = []
    i = 0
    while i < len(body):
        char = body[i]
        if char == '"':
            end = _string_end(body, i)
            out.append(json.dumps(_string_value(body[i + 1 : end])))
            i = end + 1
        elif char == "=":
            out.append(":")
            i += 1
        elif char.isalpha() or char == "_":
            end = _reference_end(body, i)
            word = body[i:end]
            out.append(word if word in _LITERALS else json.dumps("${" + word + "}"))
            i = end
        else:
            out.append(char)
            i += 1
    try:
        return json.loads("".join(out))
    except json.JSONDecodeError as exc:
        raise ValueError(f"cannot read jsonencode expression: {exc}") from exc


def _string_value(content: str) -> str:
    """The value of an HCL string's content: escapes decoded outside ``${...}``, kept raw inside."""
    value: list[str] = []
    i, literal_start = 0, 0
    while i < len(content):
        if content[i] == "\\":
            i += 2
        elif content.startswith("${", i):
            value.append(json.loads('"' + content[literal_start:i] + '"'))
            end = _interpolation_end(content, i)
            value.append(content[i:end])
            i = literal_start = end
        else:
            i += 1
    value.append(json.loads('"' + content[literal_start:] + '"'))
    return "".join(value)


def _interpolation_end(text: str, start: int) -> int:
    """Index just past the ``}`` closing the ``${`` at ``start``."""
    i, depth = start + 2, 1
    while i < len(text):
        if text[i] == '"':
            i = _string_end(text, i) + 1
            continue
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise ValueError("unterminated interpolation in jsonencode expression")


def _string_end(text: str, start: int) -> int:
    """Index of the quote closing the string that opens at ``start`` (``${...}`` may hold quotes)."""
    i, depth = start + 1, 0
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if text.startswith("${", i):
            depth += 1
            i += 2
            continue
        if char == "}" and depth:
            depth -= 1
        elif char == '"' and depth:
            i = _string_end(text, i)
        elif char == '"':
            return i
        i += 1
    raise ValueError("unterminated string in jsonencode expression")


def _reference_end(text: str, start: int) -> int:
    """End of a bare reference or call, such as ``data.aws_region.r.region`` or ``f(x, "y")``."""
    i, depth = start, 0
    while i < len(text):
        char = text[i]
        if char == '"':
            i = _string_end(text, i) + 1
            continue
        if char in "([":
            depth += 1
        elif char in ")]" and depth:
            depth -= 1
        elif depth == 0 and (char in ",}]" or char.isspace()):
            return i
        i += 1
    return i
