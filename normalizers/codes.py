"""Criterion and field codes ('7a.3.2.3', '5.8', 'KTXH')."""

import re

_FIELD = re.compile(r"\d+")


def field_of(code: str) -> str:
    """The field a criterion code belongs to: '7a.3.2.3' -> '7'; a code without a number is
    its own field ('KTXH')."""
    match = _FIELD.match(code)
    return match.group() if match else code
